import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LabPage } from '../../../frontend/labs/page.js';

/** A localStorage stand-in. */
function memoryStorage() {
  const items = new Map();
  return {
    getItem: (k) => (items.has(k) ? items.get(k) : null),
    setItem: (k, v) => { items.set(k, String(v)); },
    items,
  };
}

test("an anonymous visitor's answers and runs are kept in the browser and come back on the next page", async () => {
  const storage = memoryStorage();
  const first = new LabPage('05-iris', storage);
  await first.load(async () => ({ lab: '05-iris', stored: false, answers: [], runs: [] }));
  assert.equal(first.stored, false);
  first.answered('q1', { answer: '283', choice: null, correct: true, explanation: 'because' });
  await first.ran('0', 'job-1');
  await first.ran('0', 'job-2');

  const reloaded = new LabPage('05-iris', storage);
  await reloaded.load(async () => ({ lab: '05-iris', stored: false, answers: [], runs: [] }));
  assert.deepEqual(reloaded.savedAnswer('q1'), { answer: '283', choice: null, correct: true, explanation: 'because' });
  assert.equal(reloaded.savedRun('0'), 'job-2', 'the last run of the block');
  assert.equal(reloaded.savedAnswer('q2'), undefined);
  const other = new LabPage('04-xor', storage);
  await other.load(async () => ({ stored: false, answers: [], runs: [] }));
  assert.equal(other.savedRun('0'), undefined, 'each lab its own');
});

test("a student's work comes from the server, not from what the browser kept before", async () => {
  const storage = memoryStorage();
  storage.setItem('nnlab.lab.05-iris', JSON.stringify({ answers: { q1: { answer: '1', correct: false } }, runs: { 0: 'visitors-job' } }));
  const page = new LabPage('05-iris', storage);
  await page.load(async (slug) => {
    assert.equal(slug, '05-iris');
    return { lab: slug, stored: true, answers: [{ question: 'q2', answer: '8.03', choice: null, correct: false, explanation: null }], runs: [{ block: 0, jobId: 'students-job' }] };
  });
  assert.equal(page.stored, true);
  assert.equal(page.savedAnswer('q1'), undefined);
  assert.equal(page.savedAnswer('q2').answer, '8.03');
  assert.equal(page.savedRun('0'), 'students-job');
  page.answered('q1', { answer: '283', correct: true });
  assert.match(storage.getItem('nnlab.lab.05-iris'), /visitors-job/, "a student's answer is not written to the browser");
});

test('a server that cannot say leaves the page with what the browser kept; broken storage leaves it empty', async () => {
  const storage = memoryStorage();
  storage.setItem('nnlab.lab.01-gradient-descent', '{not json');
  const page = new LabPage('01-gradient-descent', storage);
  await page.load(async () => { throw new Error('offline'); });
  assert.deepEqual(page.work, { answers: {}, runs: {} });
  const full = { getItem: () => null, setItem: () => { throw new Error('QuotaExceededError'); } };
  const noRoom = new LabPage('01-gradient-descent', full);
  await noRoom.load(async () => ({ stored: false, answers: [], runs: [] }));
  noRoom.answered('q1', { answer: '2', choice: 2, correct: false });
  assert.equal(noRoom.savedAnswer('q1').choice, 2, 'kept for this page at least');
});
