import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RefusedError } from '../../../frontend/shared/http.js';
import {
  FIELDS, denseSpec, epochsOf, liveOutputSpec, loadDefaults, merge, setAt, specFrom, valueAt,
} from '../../../frontend/shared/spec.js';

const base = () => ({
  dataset: { name: 'iris' }, model: { layers: [{ units: 8, activation: 'relu' }, { units: 3, activation: 'softmax' }] }, training: {},
});
const defaults = { 'training.learningRate': 0.01, 'training.batchSize': 32, 'training.epochs': 10, 'training.optimizer': 'sgd' };

test('dotted paths read and write a spec', () => {
  const s = {};
  setAt(s, 'training.learningRate', 0.1);
  assert.deepEqual(s, { training: { learningRate: 0.1 } });
  assert.equal(valueAt(s, 'training.learningRate'), 0.1);
  assert.equal(valueAt(s, 'dataset.name'), undefined);
  setAt(s, 'training.learningRate', undefined);
  assert.deepEqual(s, { training: {} });
});

test('a field shows the spec value, else the server default, else nothing', () => {
  const s = base();
  assert.equal(FIELDS.learningRate.get(s, defaults), 0.01);
  assert.equal(FIELDS.learningRate.get(s, {}), '', 'a server without defaults: an empty field');
  s.training.learningRate = 0.3;
  assert.equal(FIELDS.learningRate.get(s, defaults), 0.3);
  assert.equal(FIELDS.layers.get(s), '8 relu, 3 softmax');
  assert.equal(FIELDS.optimizer.get(s, defaults), 'sgd');
});

test('the fields texts build a copy of the spec; empty fields leave the server its default', () => {
  const b = base();
  b.model.weights = { kernels: [], biases: [] };
  const s = specFrom(b, { learningRate: '0.05', epochs: '', seed: '42', trainLimit: '', layers: '16 tanh, 3 softmax' });
  assert.equal(s.training.learningRate, 0.05);
  assert.ok(!('epochs' in s.training));
  assert.equal(s.seed, 42);
  assert.ok(!('trainLimit' in s.dataset));
  assert.deepEqual(s.model.layers, [{ units: 16, activation: 'tanh' }, { units: 3, activation: 'softmax' }]);
  assert.ok(!('weights' in s.model), 'weights of other layer sizes are dropped');
  assert.ok('weights' in b.model, 'the base is left as it was');
  assert.ok(Number.isNaN(specFrom(b, { seed: '1.5' }).seed), 'a seed that is not whole is sent as such and refused by the server');
  assert.throws(() => specFrom(b, { colour: 'red' }), /unknown field colour/);
  const same = specFrom(b, { layers: '8 sigmoid, 3' });
  assert.ok('weights' in same.model, 'the same sizes keep the weights');
  assert.equal(same.model.layers[1].activation, 'softmax');
});

test('a variant merges into the shared spec: objects key by key, arrays replaced', () => {
  const shared = { training: { epochs: 50, learningRate: 0.01 }, model: { layers: [{ units: 4 }] } };
  const m = merge(shared, { training: { learningRate: 0.1 }, model: { layers: [{ units: 64 }, { units: 1 }] } });
  assert.deepEqual(m, { training: { epochs: 50, learningRate: 0.1 }, model: { layers: [{ units: 64 }, { units: 1 }] } });
  assert.equal(shared.training.learningRate, 0.01);
});

test('the defaults come from the server, and a server without them answers none', async () => {
  const asked = [];
  assert.deepEqual(await loadDefaults(async (p) => { asked.push(p); return { defaults }; }), defaults);
  assert.deepEqual(asked, ['/api/spec/defaults']);
  assert.deepEqual(await loadDefaults(async () => { throw new RefusedError('Not Found', 404); }), {});
  await assert.rejects(loadDefaults(async () => { throw new RefusedError('down', 503); }), /down/);
  assert.equal(epochsOf({ training: {} }, defaults), 10);
  assert.equal(epochsOf({ training: { epochs: 3 } }, defaults), 3);
  assert.equal(epochsOf({}, {}), 0);
});

test('grid-search and live-output specs are built from a base without changing it', () => {
  const b = { dataset: { name: 'sine' }, training: { epochs: 100 } };
  const s = denseSpec(b, { width: 8, depth: 2, activation: 'tanh', optimizer: 'adam' });
  assert.deepEqual(s.model.layers, [{ units: 8, activation: 'tanh' }, { units: 8, activation: 'tanh' }, { units: 1, activation: 'linear' }]);
  assert.deepEqual(s.training, { epochs: 100, optimizer: 'adam' });
  assert.ok(!('model' in b));
  const live = liveOutputSpec(b, { resolution: 40, startPaused: true });
  assert.deepEqual(live.output, { weights: true, grid: { resolution: 40 } });
  assert.equal(live.startPaused, true);
  assert.deepEqual(liveOutputSpec(b, { resolution: 50, neurons: true }).output, { weights: true, grid: { resolution: 50, neurons: true } });
});
