import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RefusedError } from '../../../frontend/shared/http.js';
import { untilReady, withRetryAfter } from '../../../frontend/shared/run.js';
import { fakeServer } from './fake-server.js';

const epoch = (jobId, n) => ({ type: 'epoch', jobId, epoch: n, train: { loss: 1 / n } });
const status = (jobId, s, extra = {}) => ({ type: 'status', jobId, status: s, ...extra });

/** Handlers that record what the page would be told. */
function recorder() {
  const seen = { epochs: [], finals: [], statuses: [] };
  return {
    seen,
    handlers: {
      epoch: (m) => seen.epochs.push(m.epoch),
      status: (m) => seen.statuses.push(m.status),
      final: (s, error) => seen.finals.push([s, error]),
    },
  };
}

test('live epochs before the snapshot and the snapshot history merge without duplicates, in order', async () => {
  const server = fakeServer();
  const { seen, handlers } = recorder();
  const run = await server.runner.start({ training: {} }, handlers);
  assert.equal(run.id, 'job-1');
  assert.deepEqual(run.spec, { training: {}, completed: true }, 'the spec as the server completed it');
  assert.ok(server.followed.has('job-1'));
  server.message(epoch('job-1', 3));
  server.message(epoch('job-1', 4));
  server.snapshot('job-1', { status: { status: 'RUNNING' }, history: [epoch('job-1', 1), epoch('job-1', 2), epoch('job-1', 3)] });
  server.message(epoch('job-1', 4));
  server.message(epoch('job-1', 5));
  assert.deepEqual(run.history.map((e) => e.epoch), [1, 2, 3, 4, 5]);
  assert.deepEqual(seen.epochs.sort((a, b) => a - b), [1, 2, 3, 4, 5], 'each epoch told once');
  assert.equal(run.last.epoch, 5);
  assert.equal(run.final, false);
});

test('a final status that comes before the snapshot waits for it, so the epochs sent before are not lost', async () => {
  const server = fakeServer();
  const { seen, handlers } = recorder();
  const run = await server.runner.start({}, handlers);
  server.message(status('job-1', 'SUCCEEDED', { epochsDone: 2 }));
  assert.deepEqual(seen.finals, [], 'not final before the snapshot');
  server.snapshot('job-1', { status: { status: 'SUCCEEDED' }, history: [epoch('job-1', 1), epoch('job-1', 2)] });
  assert.deepEqual(await run.done, { status: 'SUCCEEDED', error: null });
  assert.deepEqual(seen.finals, [['SUCCEEDED', null]]);
  assert.deepEqual(run.history.map((e) => e.epoch), [1, 2]);
  assert.ok(!server.followed.has('job-1'), 'no longer followed once final');
});

test('the final status comes once, with the error of a failed job; later messages are ignored', async () => {
  const server = fakeServer();
  const { seen, handlers } = recorder();
  const run = await server.runner.start({}, handlers);
  server.snapshot('job-1', { status: { status: 'RUNNING' }, history: [] });
  server.message(epoch('job-1', 1));
  server.message(status('job-1', 'FAILED', { error: 'the loss became NaN', epochsDone: 1 }));
  server.message(status('job-1', 'FAILED', { error: 'again' }));
  server.message(epoch('job-1', 2));
  await run.done;
  assert.deepEqual(seen.finals, [['FAILED', 'the loss became NaN']]);
  assert.deepEqual(run.history.map((e) => e.epoch), [1]);
  assert.equal(run.status, 'FAILED');
});

test('a snapshot of a job that had already ended ends the run', async () => {
  const server = fakeServer();
  const { seen, handlers } = recorder();
  const run = await server.runner.start({}, handlers);
  server.snapshot('job-1', { status: { status: 'CANCELLED', error: null }, history: [epoch('job-1', 1)] });
  assert.deepEqual(await run.done, { status: 'CANCELLED', error: null });
  assert.deepEqual(seen.finals, [['CANCELLED', null]]);
});

test('a gap in the live epochs after the snapshot is filled from the stored history', async () => {
  const server = fakeServer();
  const run = await server.runner.start({}, {});
  server.snapshot('job-1', { status: { status: 'RUNNING' }, history: [epoch('job-1', 1)] });
  server.histories.set('job-1', [1, 2, 3, 4].map((n) => epoch('job-1', n)));
  server.message(epoch('job-1', 4)); // 2 and 3 missed: a slow or dropped connection
  await run.refilling;
  assert.deepEqual(run.history.map((e) => e.epoch), [1, 2, 3, 4]);
  assert.deepEqual(server.calls.filter((c) => c[0] === 'history'), [['history', 'job-1']]);
});

test('epochs whose messages came after the final status are fetched before the run ends', async () => {
  const server = fakeServer();
  const { seen, handlers } = recorder();
  const run = await server.runner.start({}, handlers);
  server.snapshot('job-1', { status: { status: 'RUNNING' }, history: [epoch('job-1', 1)] });
  server.histories.set('job-1', [1, 2, 3].map((n) => epoch('job-1', n)));
  server.message(status('job-1', 'SUCCEEDED', { epochsDone: 3 }));
  await run.done;
  assert.deepEqual(run.history.map((e) => e.epoch), [1, 2, 3]);
  assert.deepEqual(seen.finals, [['SUCCEEDED', null]]);
});

test('a refused submit is tried again after its Retry-After, as often as allowed', async () => {
  const server = fakeServer();
  server.submitAnswers.push(new RefusedError('too many jobs', 429, 3), new RefusedError('busy', 503, null));
  const waits = [];
  const run = await server.runner.start({}, { waiting: (s) => waits.push(s) }, { retries: 2 });
  assert.equal(run.id, 'job-1');
  assert.deepEqual(waits, [3, 2], 'Retry-After, else 2 s');
  assert.deepEqual(server.slept, [3000, 2000]);
  assert.equal(server.calls.filter((c) => c[0] === 'submit').length, 3);
});

test('a refusal is thrown when retries are not allowed, or run out, or it is not worth waiting for', async () => {
  const server = fakeServer();
  server.submitAnswers.push(new RefusedError('too many jobs', 429, 1));
  await assert.rejects(server.runner.start({}, {}), /too many jobs/);
  server.submitAnswers.push(new RefusedError('a', 429, 1), new RefusedError('b', 429, 1));
  await assert.rejects(server.runner.start({}, {}, { retries: 1 }), { message: 'b', status: 429 });
  server.submitAnswers.push(new RefusedError('model.layers[0].units: must be at least 1', 400, null));
  await assert.rejects(server.runner.start({}, {}, { retries: 5 }), /units/);
  assert.deepEqual(server.slept, [1000]);
});

test('withRetryAfter stops waiting when the answer is no longer wanted', async () => {
  let wanted = true;
  let calls = 0;
  const sleep = async () => { wanted = false; };
  await assert.rejects(withRetryAfter(async () => { calls++; throw new RefusedError('busy', 503, 1); }, { sleep, wanted: () => wanted }), /busy/);
  assert.equal(calls, 1);
  const only503 = withRetryAfter(async () => { throw new RefusedError('slow down', 429, 1); }, { when: (e) => e.status === 503, sleep });
  await assert.rejects(only503, /slow down/);
});

test('cancel asks the server once; the CANCELLED status then ends the run as stopped', async () => {
  const server = fakeServer();
  const { seen, handlers } = recorder();
  const run = await server.runner.start({}, handlers);
  server.snapshot('job-1', { status: { status: 'RUNNING' }, history: [] });
  await run.cancel();
  assert.equal(run.stopped, true);
  assert.deepEqual(server.calls.filter((c) => c[0] === 'cancel'), [['cancel', 'job-1']]);
  server.message(status('job-1', 'CANCELLED', { epochsDone: 0 }));
  await run.done;
  await run.cancel(); // already over: nothing more is sent
  assert.equal(server.calls.filter((c) => c[0] === 'cancel').length, 1);
  assert.deepEqual(seen.finals, [['CANCELLED', null]]);
});

test('runs of one page share the connection and each gets only its own messages', async () => {
  const server = fakeServer();
  const a = recorder(), b = recorder();
  const first = await server.runner.start({}, a.handlers);
  const second = await server.runner.start({}, b.handlers);
  server.snapshot(first.id, { status: { status: 'RUNNING' }, history: [] });
  server.snapshot(second.id, { status: { status: 'RUNNING' }, history: [] });
  server.message(epoch(first.id, 1));
  server.message(epoch(second.id, 1));
  server.message(epoch(second.id, 2));
  assert.deepEqual(a.seen.epochs, [1]);
  assert.deepEqual(b.seen.epochs, [1, 2]);
  const ups = [];
  server.runner.onConnection((up) => ups.push(up));
  server.runner.drop();
  assert.deepEqual(ups, [false]);
});

test('untilReady asks again with growing waits until an answer comes', async () => {
  const slept = [];
  let n = 0;
  const answer = await untilReady(async () => { if (++n < 4) throw new Error('not yet'); return 'points'; },
    { sleep: async (ms) => slept.push(ms), maxDelay: 120 });
  assert.equal(answer, 'points');
  assert.deepEqual(slept, [50, 100, 120]);
  await assert.rejects(untilReady(async () => { throw new Error('never'); }, { attempts: 2, sleep: async () => {} }), /never/);
});

test('a run that is no longer followed gets no more messages and nobody waits for its end for ever', async () => {
  const server = fakeServer();
  const { seen, handlers } = recorder();
  const run = await server.runner.start({}, handlers);
  server.runner.forget(run);
  assert.deepEqual(await run.done, { status: null, error: null });
  assert.ok(!server.followed.has(run.id));
  assert.equal(server.runner.get(run.id), undefined);
  assert.deepEqual(seen.finals, []);
});

test('a paced job\'s epochs batched into a frame join the history in their place, with no refill', async () => {
  const server = fakeServer();
  const { seen, handlers } = recorder();
  const run = await server.runner.start({ pace: { until: 0 } }, handlers);
  server.snapshot('job-1', { status: { status: 'RUNNING' }, history: [epoch('job-1', 1)] });
  server.message({ ...epoch('job-1', 5), earlier: [[2, 0.5, 0.75, 0.6, 0.7], [3, 0.4, null, null, null], [4, 0.3, 0.8, 0.4, 0.8]] });
  server.message(epoch('job-1', 9)); // 6 to 8 were coalesced away at full speed: no history fetched for them
  assert.deepEqual(run.history.map((e) => e.epoch), [1, 2, 3, 4, 5, 9]);
  assert.deepEqual(seen.epochs, [1, 2, 3, 4, 5, 9]);
  assert.deepEqual(run.history[1].train, { loss: 0.5, accuracy: 0.75 });
  assert.equal(run.history[2].test, null);
  assert.deepEqual(server.calls.filter((c) => c[0] === 'history'), []);
});

/** An epoch of a second start of the job: the same numbers, other losses. */
const again = (jobId, n) => ({ ...epoch(jobId, n), train: { loss: 10 + n } });
const requeued = (jobId, lastEpoch) => status(jobId, 'QUEUED', {
  epochsDone: 0, error: `queued again from the start: the server instance running it (b) stopped renewing its lease at epoch ${lastEpoch} (start 2 of at most 3)`,
});

test('a job queued again from the start drops the epochs shown, says so in plain words, and shows the new run alone', async () => {
  const server = fakeServer();
  const { seen, handlers } = recorder();
  const notices = [];
  const run = await server.runner.start({}, { ...handlers, restart: (notice) => notices.push([notice, run.history.length]) });
  server.snapshot('job-1', { status: { status: 'RUNNING' }, history: [] });
  [1, 2, 3].forEach((n) => server.message(epoch('job-1', n)));
  server.message(requeued('job-1', 3));
  assert.equal(notices.length, 1);
  assert.match(notices[0][0], /^Restarted on another machine: .* stopped at epoch 3, so it starts again from the first epoch\.$/);
  assert.equal(notices[0][1], 0, 'the old epochs are gone when the page is told');
  assert.doesNotMatch(notices[0][0], /lease|instance|Exception/);
  assert.equal(run.status, 'QUEUED');
  assert.deepEqual(run.history, []);

  server.message(status('job-1', 'RUNNING', { epochsDone: 0 }));
  [1, 2].forEach((n) => server.message(again('job-1', n)));
  assert.deepEqual(run.history.map((e) => [e.epoch, e.train.loss]), [[1, 11], [2, 12]], 'the new epochs, none of the old');
  assert.deepEqual(seen.epochs, [1, 2, 3, 1, 2], 'the page is told of each new epoch, the numbers again from 1');
  server.message(status('job-1', 'SUCCEEDED', { epochsDone: 2 }));
  assert.deepEqual(await run.done, { status: 'SUCCEEDED', error: null });
  assert.equal(run.restarts, 1);
  assert.deepEqual(server.calls.filter((c) => c[0] === 'history'), [], 'nothing looked missing');
});

test('a history fetched for the old run does not come back after the restart', async () => {
  const server = fakeServer();
  const run = await server.runner.start({}, {});
  server.snapshot('job-1', { status: { status: 'RUNNING' }, history: [epoch('job-1', 1)] });
  server.histories.set('job-1', [1, 2, 3, 4].map((n) => epoch('job-1', n)));
  server.message(epoch('job-1', 4)); // a gap: the old run's history is asked for
  const refilling = run.refilling;
  server.message(requeued('job-1', 4)); // ... and the job starts over before it answers
  await refilling;
  assert.deepEqual(run.history, []);
  server.message(again('job-1', 1));
  assert.deepEqual(run.history.map((e) => e.train.loss), [11]);
});

test('a snapshot shorter than what was shown (the re-queue came while the connection was down) restarts the run', async () => {
  const server = fakeServer();
  const notices = [];
  const run = await server.runner.start({}, { restart: (notice) => notices.push(notice) });
  server.snapshot('job-1', { status: { status: 'RUNNING', epochsDone: 4 }, history: [1, 2, 3, 4].map((n) => epoch('job-1', n)) });
  server.snapshot('job-1', { status: { status: 'RUNNING', epochsDone: 1 }, history: [again('job-1', 1)] });
  assert.equal(notices.length, 1);
  assert.match(notices[0], /at epoch 4/);
  assert.deepEqual(run.history.map((e) => e.train.loss), [11]);
});

test('a job waiting in the queue, paused or reconnected without starting over is not restarted', async () => {
  const server = fakeServer();
  const notices = [];
  const run = await server.runner.start({}, { restart: (notice) => notices.push(notice) });
  server.message(status('job-1', 'QUEUED', { epochsDone: 0, queuePosition: 2 }));
  server.snapshot('job-1', { status: { status: 'RUNNING', epochsDone: 0 }, history: [] });
  [1, 2].forEach((n) => server.message(epoch('job-1', n)));
  server.message(status('job-1', 'PAUSED', { epochsDone: 2 }));
  server.message(status('job-1', 'QUEUED', { epochsDone: 2 })); // resumed behind other jobs
  server.snapshot('job-1', { status: { status: 'RUNNING', epochsDone: 2 }, history: [1, 2].map((n) => epoch('job-1', n)) });
  assert.deepEqual(notices, []);
  assert.deepEqual(run.history.map((e) => e.epoch), [1, 2]);
});

test('a snapshot taken before live epochs the page already has (and arriving after them) does not restart the run', async () => {
  const server = fakeServer();
  const notices = [];
  const run = await server.runner.start({}, { restart: (notice) => notices.push(notice) });
  [1, 2, 3, 4, 5, 6, 7].forEach((n) => server.message(epoch('job-1', n)));
  server.snapshot('job-1', { status: { status: 'RUNNING', epochsDone: 3 }, history: [1, 2, 3].map((n) => epoch('job-1', n)) });
  assert.deepEqual(notices, []);
  assert.deepEqual(run.history.map((e) => e.epoch), [1, 2, 3, 4, 5, 6, 7]);
});
