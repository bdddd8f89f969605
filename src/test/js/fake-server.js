import { createRunner } from '../../../frontend/shared/run.js';

/** A server and a live connection in memory: the test decides what each call answers and when messages come. */
export function fakeServer() {
  const calls = [];
  const histories = new Map();
  let next = 1;
  const submitAnswers = [];
  const jobs = {
    async submit(spec) {
      calls.push(['submit', spec]);
      const answer = submitAnswers.shift();
      if (answer instanceof Error) throw answer;
      return { id: `job-${next++}`, status: 'QUEUED', spec: { ...spec, completed: true }, seed: 7 };
    },
    async cancel(id) { calls.push(['cancel', id]); return null; },
    async history(id) { calls.push(['history', id]); return histories.get(id) || []; },
  };
  let handlers = null;
  const followed = new Set();
  const connect = (h) => {
    handlers = h;
    return {
      also(id) { followed.add(id); },
      forget(id) { followed.delete(id); },
      drop() { handlers.connected(false); },
    };
  };
  const slept = [];
  const sleep = async (ms) => { slept.push(ms); };
  return {
    calls, histories, submitAnswers, followed, slept,
    runner: createRunner({ jobs, connect, sleep }),
    message: (m) => handlers.message(m, m.jobId),
    snapshot: (id, snap) => handlers.snapshot(snap, id),
  };
}
