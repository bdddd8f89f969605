import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RefusedError } from '../../../frontend/shared/http.js';
import { PAUSED_POLL_SECONDS, persist, plainWords } from '../../../frontend/playground/refusals.js';

const element = () => ({ textContent: '', hidden: true });
const paused = () => new RefusedError('POST /api/jobs: the instructor has paused job submissions for the class “A”: wait until they resume them', 423);
const busy = (s) => new RefusedError('POST /api/jobs: too many submissions', 429, s);

test('a refusal in plain words: no method or path, what to expect next', () => {
  assert.equal(plainWords(paused()), 'the instructor has paused job submissions for the class “A”. ▶ works again as soon as they resume them.');
  assert.equal(plainWords(busy(7)), 'too many submissions — trying again in 7 s.');
  assert.equal(plainWords(new RefusedError('GET /api/jobs/1: no such job', 404)), 'no such job');
  assert.equal(plainWords(new TypeError('Failed to fetch')), 'the server cannot be reached: check the connection, then try again');
  assert.equal(plainWords(null), '');
});

test('a busy server is asked again after its Retry-After; the words go when it answers', async () => {
  const waits = [];
  const shown = [];
  const box = element();
  let calls = 0;
  const result = await persist(async () => {
    calls += 1;
    if (calls < 3) throw busy(calls === 1 ? 4 : undefined);
    return 'job';
  }, box, { wait: async (ms) => { waits.push(ms); shown.push(box.hidden ? '' : box.textContent); } });
  assert.equal(result, 'job');
  assert.deepEqual(waits, [4000, 2000], 'Retry-After, else 2 s');
  assert.match(shown[0], /trying again in 4 s/);
  assert.equal(box.hidden, true);
});

test('a paused class is asked again every few seconds until it resumes', async () => {
  const waits = [];
  const box = element();
  let resumed = false;
  const result = await persist(async () => { if (!resumed) throw paused(); return 'job'; }, box, {
    wait: async (ms) => { waits.push(ms); if (waits.length === 5) resumed = true; },
  });
  assert.equal(result, 'job');
  assert.deepEqual(waits, Array(5).fill(PAUSED_POLL_SECONDS * 1000));
  assert.equal(box.hidden, true);
});

test('other refusals are shown and not retried; rethrow hands them on; an unwanted action stops quietly', async () => {
  const box = element();
  let calls = 0;
  const bad = new RefusedError('POST /api/jobs: training.epochs must be at most 10000', 400);
  assert.equal(await persist(async () => { calls += 1; throw bad; }, box, { wait: async () => assert.fail('no wait') }), undefined);
  assert.equal(calls, 1);
  assert.equal(box.textContent, 'training.epochs must be at most 10000');
  assert.equal(box.hidden, false);
  await assert.rejects(persist(async () => { throw bad; }, element(), { rethrow: true }), bad);

  let wanted = true;
  const quiet = element();
  const result = await persist(async () => { throw paused(); }, quiet, { wait: async () => { wanted = false; }, wanted: () => wanted });
  assert.equal(result, undefined);
});

test('words shown by something else stay when the action succeeds', async () => {
  const box = { textContent: 'the file is not JSON', hidden: false };
  assert.equal(await persist(async () => 'ok', box), 'ok');
  assert.equal(box.hidden, false);
});
