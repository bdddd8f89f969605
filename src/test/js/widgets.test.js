import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LabPage } from '../../../frontend/labs/page.js';
import { variantHandlers, variantSpec } from '../../../frontend/labs/widgets/compare.js';
import { cellCentres, wrongPoints } from '../../../frontend/labs/widgets/boundaries.js';
import { blockModel } from '../../../frontend/labs/widgets/classic.js';
import { fakeServer } from './fake-server.js';

const MLP = { layers: [{ units: 8, activation: 'tanh' }, { units: 1, activation: 'sigmoid' }] };
const SHARED = { dataset: { name: 'playground', kind: 'spiral' }, model: MLP, training: { optimizer: 'adam', epochs: 100 }, seed: 1 };

test('a classic variant replaces the shared network whole; a network variant is merged key by key', () => {
  const knn = variantSpec(SHARED, { model: { kind: 'knn', k: 5 } });
  assert.deepEqual(knn.model, { kind: 'knn', k: 5 }, 'no layers left beside the kind');
  assert.deepEqual(knn.dataset, SHARED.dataset);
  assert.equal(knn.seed, 1);
  const wider = variantSpec(SHARED, { model: { init: 'he' }, training: { epochs: 5 } });
  assert.deepEqual(wider.model, { ...MLP, init: 'he' });
  assert.deepEqual(wider.training, { optimizer: 'adam', epochs: 5 });
  assert.deepEqual(variantSpec(SHARED, {}), SHARED);
  // a network beside a shared classic model replaces it too
  const back = variantSpec({ ...SHARED, model: { kind: 'svm', kernel: 'rbf' } }, { model: MLP });
  assert.deepEqual(back.model, MLP);
});

test('a compare variant whose job starts over drops its curves and card, says so, and shows the new run alone', async () => {
  const server = fakeServer();
  const told = [];
  const card = { epochs: [], restarts: [], epoch(m) { this.epochs.push(m.epoch); }, restart(n) { this.restarts.push(n); } };
  const r = { name: 'wide', epochs: new Map(), status: 'QUEUED', final: false, card };
  await server.runner.start({}, variantHandlers(r, (now) => told.push(now)));
  server.snapshot('job-1', { status: { status: 'RUNNING' }, history: [] });
  [1, 2, 3].forEach((n) => server.message({ type: 'epoch', jobId: 'job-1', epoch: n, train: { loss: 1 / n } }));
  assert.deepEqual([...r.epochs.keys()], [1, 2, 3]);
  assert.equal(r.status, 'RUNNING');

  server.message({ type: 'status', jobId: 'job-1', status: 'QUEUED', epochsDone: 0, error: 'queued again from the start' });
  assert.equal(r.epochs.size, 0, 'the old run leaves the chart and the table');
  assert.equal(r.status, 'QUEUED');
  assert.match(r.notice, /^Restarted on another machine: .* stopped at epoch 3, so it starts again from the first epoch\.$/);
  assert.deepEqual(card.restarts, [r.notice], 'the card is cleared and shows the same words');
  assert.equal(told[told.length - 1], true, 'drawn at once, not after the throttle');

  server.message({ type: 'epoch', jobId: 'job-1', epoch: 1, train: { loss: 11 } });
  assert.deepEqual([...r.epochs.values()].map((m) => m.train.loss), [11], 'the new run alone');
  assert.deepEqual(card.epochs, [1, 2, 3, 1]);
  server.message({ type: 'status', jobId: 'job-1', status: 'SUCCEEDED', epochsDone: 1 });
  await new Promise((resolve) => setImmediate(resolve));
  assert.equal(r.final, true);
  assert.equal(r.status, 'SUCCEEDED');
});

test('a classic block builds its models with the playground\'s code: the kind\'s own options, defaults, stumps kept', () => {
  assert.deepEqual(blockModel({ kind: 'svm', kernel: 'polynomial', degree: 2, gamma: 1 }), { kind: 'svm', kernel: 'polynomial', c: 1, gamma: 1, degree: 2 });
  assert.deepEqual(blockModel({ kind: 'svm', kernel: 'linear', degree: 4 }), { kind: 'svm', kernel: 'linear', c: 1 }, 'no option of another kernel');
  assert.deepEqual(blockModel({ kind: 'forest', trees: 30 }), { kind: 'forest', trees: 30, maxDepth: 8 });
  assert.deepEqual(blockModel({ kind: 'adaboost', rounds: 12, weakLearner: 'stump' }), { kind: 'adaboost', rounds: 12, weakLearner: 'stump' });
  assert.deepEqual(blockModel({ kind: 'adaboost', rounds: 12 }), { kind: 'adaboost', rounds: 12, weakLearner: 'perceptron' });
  const mlp = { layers: [{ units: 8, activation: 'tanh' }, { units: 1, activation: 'sigmoid' }] };
  assert.equal(blockModel(mlp), mlp, 'a network as the block gives it');
  assert.throws(() => blockModel({ kind: 'bayes' }), /unknown model kind bayes \(knn, tree, forest, svm, adaboost\)/);
});

test('a compare variant told to the page is not its latest run, and listeners hear which it is', () => {
  const page = new LabPage();
  const heard = [];
  page.onTrained((name, job, latest) => heard.push([name, job.id, latest]));
  page.trained('shallow', { id: 'a', final: true });
  page.trained('depths/1 layer', { id: 'b', final: true }, { latest: false });
  assert.equal(page.lastJob.id, 'a');
  assert.equal(page.jobs.get('depths/1 layer').id, 'b');
  assert.deepEqual(heard, [['shallow', 'a', true], ['depths/1 layer', 'b', false]]);
});

test('the boundary map asks for the centres of its cells, top row first, and a wrong point is one of another class', () => {
  assert.deepEqual(cellCentres(2, 6), [[-3, 3], [3, 3], [-3, -3], [3, -3]]);
  const centres = cellCentres(60, 6);
  assert.equal(centres.length, 3600);
  assert.deepEqual(centres[0], [-5.9, 5.9]);
  const points = [[0, 0, 1], [1, 1, 0], [2, 2, 1]];
  assert.deepEqual(wrongPoints(points, [1, 1, 0]), [[1, 1, 0], [2, 2, 1]]);
  assert.deepEqual(wrongPoints(points, [1, 0, 1]), []);
});
