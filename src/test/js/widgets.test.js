import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LabPage } from '../../../frontend/labs/page.js';
import { variantSpec } from '../../../frontend/labs/widgets/compare.js';
import { cellCentres, wrongPoints } from '../../../frontend/labs/widgets/boundaries.js';

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
