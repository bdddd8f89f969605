import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaults, fromHash, jobSpec, models, previewSpec, toHash } from '../../../frontend/playground/state.js';
import { readWeights } from '../../../frontend/playground/weights.js';
import { withEdit } from '../../../frontend/playground/edit.js';
import { CLASSIC_KINDS, classicModel, classicSteps } from '../../../frontend/shared/classic.js';

test('batch norm per hidden layer: in the hash, trimmed to the layers, and in the spec', () => {
  const s = fromHash('#networkShape=4,3,2&batchNorm=0,1');
  assert.deepEqual(s.batchNorm, [false, true]);
  assert.match(toHash(s), /&batchNorm=0%2C1&/);
  assert.deepEqual(fromHash(toHash(s)), s);
  assert.deepEqual(fromHash('#networkShape=4&batchNorm=1,1').batchNorm, [true], 'no flag past the last layer');
  assert.deepEqual(fromHash('#networkShape=4,3&batchNorm=1,0').batchNorm, [true], 'trailing "off" flags go');
  assert.deepEqual(fromHash('#batchNorm=yes').batchNorm, [], 'a bad value leaves the default');
  const layers = jobSpec(s).model.layers;
  assert.deepEqual(layers.map((l) => l.batchNorm ?? false), [false, true, false, false]);
  assert.equal(layers.at(-1).batchNorm, undefined, 'never on the output layer');
});

test('dropout goes to the layers without batch norm (the server takes one or the other on a layer)', () => {
  const layers = jobSpec(fromHash('#networkShape=4,3&batchNorm=1&dropout=0.2')).model.layers;
  assert.deepEqual(layers, [
    { units: 4, activation: 'tanh', batchNorm: true },
    { units: 3, activation: 'tanh', dropout: 0.2 },
    { units: 1, activation: 'sigmoid' }]);
});

test('clipped linear: a hidden activation, and the output of two classes with a squared-error loss', () => {
  const hidden = jobSpec(fromHash('#activation=clipped_linear&networkShape=3'));
  assert.equal(hidden.model.layers[0].activation, 'clipped_linear');
  const out = jobSpec(fromHash('#output=clipped_linear'));
  assert.deepEqual(out.model.layers.at(-1), { units: 1, activation: 'clipped_linear' });
  assert.equal(out.training.loss, 'mse', 'cross-entropy is the sigmoid\'s');
  assert.equal(jobSpec(fromHash('#output=clipped_linear&classes=3')).model.layers.at(-1).activation, 'softmax');
  assert.equal(jobSpec(fromHash('#output=clipped_linear&problem=regression')).model.layers.at(-1).activation, 'tanh');
  assert.equal(defaults().output, 'sigmoid');
  assert.equal(fromHash('#output=relu').output, 'sigmoid');
});

test('a classic model: its kind and only its options in the spec, as many epochs as it streams steps, a map, no weights', () => {
  const forest = jobSpec(fromHash('#model=forest&trees=25&maxDepth=4&k=9&seed=3&dataSeed=5&dataset=xor'));
  assert.deepEqual(forest.model, { kind: 'forest', trees: 25, maxDepth: 4 });
  assert.deepEqual(forest.training, { epochs: 25 });
  assert.deepEqual(forest.output, { grid: { resolution: 50, encoding: 'bytes' } });
  assert.deepEqual(forest.pace, { until: 0 });
  assert.equal(forest.seed, 3);
  assert.equal(forest.dataset.seed, 5);
  assert.equal(forest.dataset.kind, 'xor');
  assert.deepEqual(jobSpec(fromHash('#model=knn&k=15')).model, { kind: 'knn', k: 15 });
  assert.equal(jobSpec(fromHash('#model=knn')).training.epochs, 1);
  assert.deepEqual(jobSpec(fromHash('#model=tree')).model, { kind: 'tree', maxDepth: 8 });
  assert.deepEqual(jobSpec(fromHash('#model=adaboost&rounds=20')).model, { kind: 'adaboost', rounds: 20, weakLearner: 'perceptron' });
  assert.equal(jobSpec(fromHash('#model=adaboost&rounds=20')).training.epochs, 20);
  assert.deepEqual(jobSpec(fromHash('#model=svm')).model, { kind: 'svm', kernel: 'rbf', c: 1 }, 'γ 0: the server\'s own');
  assert.deepEqual(jobSpec(fromHash('#model=svm&kernel=polynomial&degree=2&gamma=0.5&c=10')).model,
    { kind: 'svm', kernel: 'polynomial', c: 10, gamma: 0.5, degree: 2 });
  assert.deepEqual(jobSpec(fromHash('#model=svm&kernel=linear&degree=2&gamma=0.5')).model, { kind: 'svm', kernel: 'linear', c: 1 },
    'no γ or degree on a linear kernel (the server refuses them)');
  const own = jobSpec(fromHash('#model=knn'), { points: [[1, 2, 1], [0, 0, 0]], weights: { kernels: [], biases: [] } });
  assert.equal(own.dataset.name, 'points');
  assert.equal(own.model.weights, undefined);
  assert.equal(fromHash('#k=4').k, 5, 'a k the page does not offer leaves the default');
  assert.deepEqual(fromHash(toHash(fromHash('#model=svm&kernel=polynomial&c=100'))), fromHash('#model=svm&kernel=polynomial&c=100'));
});

test('the classic kinds classify; Adaboost tells two classes apart', () => {
  assert.deepEqual(models(fromHash('#problem=regression')), ['network']);
  assert.equal(fromHash('#problem=regression&model=knn').model, 'network');
  assert.ok(!models(fromHash('#classes=3')).includes('adaboost'));
  assert.ok(models(fromHash('#classes=3')).includes('forest'));
  assert.equal(fromHash('#classes=3&model=adaboost').model, 'network');
  assert.deepEqual(models(fromHash('')), ['network', 'knn', 'tree', 'forest', 'svm', 'adaboost']);
});

test('a classic model\'s preview is a network\'s on the same data (for its points)', () => {
  const s = fromHash('#model=knn&dataSeed=9&dataset=spiral');
  const p = previewSpec(s);
  assert.ok(Array.isArray(p.model.layers));
  assert.deepEqual(p.dataset, jobSpec(s).dataset);
  assert.deepEqual(previewSpec(fromHash('#networkShape=3')), jobSpec(fromHash('#networkShape=3')));
});

test('the shared table: every kind has a name and its options\' defaults are among their values', () => {
  for (const [kind, k] of Object.entries(CLASSIC_KINDS)) {
    assert.ok(k.name && k.step, kind);
    for (const [name, o] of Object.entries(k.options)) assert.ok(o.values.includes(o.default), `${kind}.${name}`);
    assert.equal(classicModel(kind).kind, kind);
  }
  assert.equal(classicSteps({ kind: 'forest' }), 50);
  assert.throws(() => classicModel('boosted-trees'), /unknown model kind boosted-trees/);
});

const norm = (n) => ({ gamma: Array(n).fill(1.5), beta: Array(n).fill(-0.5), movingMean: Array(n).fill(0.1), movingVariance: Array(n).fill(2) });
const model = (withNorm) => ({
  format: 'nnlab-model/1',
  weights: {
    kernels: [[[1, 2, 3], [4, 5, 6]], [[1, 1], [2, 2], [3, 3]], [[0.5], [0.25]]],
    biases: [[0, 0, 0], [1, 1], [0]],
    ...(withNorm ? { batchNorm: [null, norm(2), null] } : {}),
  },
});

test('an imported network keeps its batch normalisation, and the page switches it on where the file has it', () => {
  const s = fromHash('#networkShape=3,2');
  const read = readWeights(JSON.stringify(model(true)), s);
  assert.deepEqual(read.normalised, [false, true]);
  assert.deepEqual(read.weights.batchNorm, [null, norm(2), null]);
  assert.deepEqual(read.weights.kernels, model(true).weights.kernels);
  const spec = jobSpec({ ...s, batchNorm: read.normalised }, { weights: read.weights });
  assert.deepEqual(spec.model.weights.batchNorm[1], norm(2), 'the spec carries γ, β and the moving averages back');
  assert.equal(spec.model.layers[1].batchNorm, true);
  const plain = readWeights(JSON.stringify(model(false)), fromHash('#networkShape=3,2&batchNorm=1,1'));
  assert.deepEqual(plain.normalised, [false, false], 'a file without batch norm switches it off');
  assert.equal(plain.weights.batchNorm, undefined);
});

test('batch normalisation that does not fit the network is refused in plain words', () => {
  const s = fromHash('#networkShape=3,2');
  const bad = (mutate) => { const m = model(true); mutate(m.weights.batchNorm); return () => readWeights(JSON.stringify(m), s); };
  assert.throws(bad((b) => { b[1].gamma = [1]; }), /batch normalisation of layer 2 in the file needs 2 numbers as gamma/);
  assert.throws(bad((b) => { b[1].movingVariance = [1, -1]; }), /negative movingVariance/);
  assert.throws(bad((b) => { b[2] = norm(1); }), /normalises the output layer/);
  assert.throws(bad((b) => { b.push(null, null); }), /at most 3 layers/);
});

test('a weight set by hand keeps the layers\' batch normalisation', () => {
  const w = model(true).weights;
  const edited = withEdit(w, { layer: 0, input: 1, unit: 2 }, 9);
  assert.equal(edited.kernels[0][1][2], 9);
  assert.deepEqual(edited.batchNorm, w.batchNorm);
  assert.notEqual(edited.batchNorm, w.batchNorm, 'a copy');
  assert.equal(withEdit(model(false).weights, { layer: 0, unit: 0, bias: true }, 1).batchNorm, undefined);
});
