import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SETTINGS, classCount, datasets, defaults, fromHash, jobEpochs, jobSpec, toHash } from '../../../frontend/playground/state.js';

test('one table reads and writes the hash: every setting survives the round trip', () => {
  const s = fromHash('#dataset=reg-gauss&problem=regression&noise=35&trainRatio=70&batchSize=30'
    + '&learningRate=0.003&optimizer=adam&activation=relu&regularization=L2&regularizationRate=0.01'
    + '&networkShape=8,1,3&layerActivations=,sigmoid&features=x1sq,sinx2&seed=7&dataSeed=9&speed=max&stopAt=1000'
    + '&showTestData=true&discretize=true&initZero=true&hide=noise,features');
  assert.deepEqual(fromHash(toHash(s)), s);
  assert.deepEqual(s.networkShape, [8, 1, 3]);
  assert.deepEqual(s.layerActivations, ['', 'sigmoid']);
  assert.deepEqual(s.hide, ['noise', 'features']);
  assert.equal(s.noise, 35);
  assert.equal(s.dataset, 'reg-gauss');
  assert.equal(s.seed, 7);
  assert.equal(s.dataSeed, 9);
  assert.equal(s.speed, 0, 'speed=max: as fast as it goes');
  assert.equal(s.stopAt, 1000);
  assert.deepEqual(Object.keys(SETTINGS), toHash(s).slice(1).split('&').map((p) => p.split('=')[0]), 'the hash lists the table in order');
});

test('bad values and unknown keys leave the defaults', () => {
  const bad = fromHash('#noise=7&learningRate=2&networkShape=9&dataset=moon&features=x9&colour=red&seed=-1'
    + '&dataSeed=x&speed=7&stopAt=-5');
  const d = defaults();
  for (const key of ['noise', 'learningRate', 'networkShape', 'dataset', 'features', 'seed', 'dataSeed', 'speed', 'stopAt']) {
    assert.deepEqual(bad[key], d[key], key);
  }
  assert.equal(d.speed, 30, 'the default pace, like TensorFlow Playground');
  assert.equal(d.stopAt, 0, 'no stop');
  assert.equal(fromHash('#speed=0').speed, 30, 'max, not 0, asks for full speed');
  assert.equal(bad.colour, undefined);
  assert.deepEqual(fromHash(''), d);
  assert.deepEqual(fromHash('#networkShape='), { ...d, networkShape: [] }, 'no hidden layer is a shape');
});

test('the data set follows the problem and the classes', () => {
  assert.equal(fromHash('#problem=regression').dataset, 'reg-plane');
  assert.equal(fromHash('#classes=3&dataset=xor').dataset, 'circle');
  assert.equal(classCount(fromHash('#classes=3')), 3);
  assert.equal(classCount(fromHash('#problem=regression&classes=3')), 1);
  assert.deepEqual(datasets(fromHash('#classes=3')), ['circle', 'gauss', 'spiral']);
  assert.deepEqual(fromHash('#networkShape=2&layerActivations=relu,tanh,sigmoid').layerActivations, ['relu']);
});

test('the job spec of a state', () => {
  const s = fromHash('#dataset=xor&networkShape=4,2&layerActivations=relu&regularization=L1&regularizationRate=0.1&dropout=0.2&noise=10');
  const spec = jobSpec(s);
  assert.deepEqual(spec.model.layers, [
    { units: 4, activation: 'relu', dropout: 0.2 }, { units: 2, activation: 'tanh', dropout: 0.2 }, { units: 1, activation: 'sigmoid' }]);
  assert.equal(spec.model.init, 'uniform');
  assert.equal(spec.training.loss, 'binary_crossentropy');
  assert.equal(spec.training.l1, 0.1);
  assert.deepEqual(spec.dataset, { name: 'playground', kind: 'xor', noise: 0.1, trainRatio: 0.5, features: ['x1', 'x2'], seed: 1 });
  assert.deepEqual(spec.pace, { until: 0 }, 'paced: it runs as far as the page grants');
  assert.equal(spec.training.epochs, 10000);
  assert.deepEqual(spec.output, { weights: true, grid: { resolution: 50, neurons: true, neuronResolution: 25, encoding: 'bytes' } });

  const three = jobSpec(fromHash('#classes=3&networkShape=3'));
  assert.deepEqual(three.model.layers.at(-1), { units: 3, activation: 'softmax' });
  assert.equal(three.training.loss, 'sparse_categorical_crossentropy');
  assert.equal(three.dataset.classes, 3);

  const weights = { kernels: [[[1]]], biases: [[0]] };
  const own = jobSpec(fromHash(''), { weights, points: [[1, 2, 1], [0, 0, 0]] });
  assert.deepEqual(own.model.weights, weights);
  assert.equal(own.model.init, undefined);
  assert.equal(own.dataset.name, 'points');
  assert.equal(jobSpec(fromHash('#problem=regression')).training.loss, 'mse');
});

test('two seeds: dataSeed draws the data, seed the weights, each in the hash and in the spec', () => {
  const s = fromHash('#seed=7&dataSeed=42');
  assert.equal(s.seed, 7);
  assert.equal(s.dataSeed, 42);
  assert.match(toHash(s), /&seed=7&dataSeed=42&/);
  assert.deepEqual(fromHash(toHash(s)), s);
  const spec = jobSpec(s);
  assert.equal(spec.seed, 7);
  assert.equal(spec.dataset.seed, 42);
  assert.equal(jobSpec(s, { points: [[1, 2, 1], [0, 0, 0]] }).dataset.seed, 42, 'points of one\'s own are split by the data seed');
  assert.equal(fromHash('#dataSeed=-3').dataSeed, defaults().dataSeed);
  assert.equal(fromHash('#dataSeed=2147483648').dataSeed, defaults().dataSeed);
});

test('the add-points mode can be hidden by a link', () => {
  assert.deepEqual(fromHash('#hide=addPoints,noise').hide, ['addPoints', 'noise']);
});

test('two seeds: the data seed draws the data, the seed the weights; an old link keeps its data', () => {
  const spec = jobSpec(fromHash('#seed=5&dataSeed=8'));
  assert.equal(spec.seed, 5);
  assert.equal(spec.dataset.seed, 8);
  assert.equal(jobSpec(fromHash('#seed=5')).dataset.seed, 5, 'a link with only seed= drew its data from it');
});

test('stop at: a job has the epochs left to it, or a job\'s most without it', () => {
  const s = fromHash('#stopAt=1000');
  assert.equal(jobSpec(s).training.epochs, 1000);
  assert.equal(jobEpochs(s, 400), 600);
  assert.equal(jobEpochs(s, 1000), 10000, 'reached: a new job (after raising it) has a job\'s most');
  assert.equal(jobEpochs(fromHash('#stopAt=25000'), 0), 10000);
  assert.equal(jobSpec(s, { epochs: 7 }).training.epochs, 7);
});
