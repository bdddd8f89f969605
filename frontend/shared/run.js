// One run's lifecycle, the same for every page: submit a spec (waiting as a refusal's Retry-After says, if the
// caller allows it), follow the job live, merge the snapshot's history with the live epochs (no gap, no
// duplicate), end once with the final status, cancel. Everything it talks to comes in (jobs: the REST calls,
// connect: the live client, sleep), so it runs the same against a fake in a unit test.

import { RefusedError } from './http.js';
import { api, isFinal, liveClient } from './jobs.js';

export { FINAL, isFinal } from './jobs.js';

const defaultSleep = (ms) => new Promise((resolve) => { setTimeout(resolve, ms); });

/** Refusals worth waiting out: the server is busy or the caller too fast, and it says for how long. */
export const retryable = (e) => e instanceof RefusedError && (e.status === 429 || e.status === 503);

/**
 * call() again after each retryable refusal, waiting its Retry-After (else `fallback` seconds), at most
 * `retries` times; onWait(seconds, error) before each wait; wanted() false stops it (the last refusal thrown);
 * when(error) picks the refusals to wait out (default: 429 and 503).
 */
export async function withRetryAfter(call, {
  retries = 3, fallback = 2, sleep = defaultSleep, onWait = () => {}, wanted = () => true, when = retryable,
} = {}) {
  for (let attempt = 0; ; attempt++) {
    try {
      return await call();
    } catch (e) {
      if (!when(e) || attempt >= retries || !wanted()) throw e;
      const seconds = e.retryAfter ?? fallback;
      onWait(seconds, e);
      await sleep(seconds * 1000);
      if (!wanted()) throw e;
    }
  }
}

/**
 * call() until it answers, at most `attempts` times, the waits growing from 50 ms up to `maxDelay`: for what a
 * queued job does not have yet (its data, its weights). Stops as soon as wanted() is false.
 */
export async function untilReady(call, { attempts = 100, maxDelay = 1000, sleep = defaultSleep, wanted = () => true } = {}) {
  for (let i = 1; ; i++) {
    try {
      return await call();
    } catch (e) {
      if (i >= attempts || !wanted()) throw e;
      await sleep(Math.min(maxDelay, 50 * i));
    }
  }
}

/** An epoch of a message's `earlier` rows ([epoch, train loss, train accuracy, test loss, test accuracy]) as an epoch message. */
function earlierEpoch(m, [epoch, trainLoss, trainAccuracy, testLoss, testAccuracy]) {
  const metrics = (loss, accuracy) => (loss == null ? null : { loss, accuracy });
  return {
    type: 'epoch', jobId: m.jobId, epoch, epochs: m.epochs, status: m.status, stopReason: null,
    train: metrics(trainLoss, trainAccuracy), test: metrics(testLoss, testAccuracy),
  };
}

/**
 * What a page says when its job started over: the server instance training it stopped (its lease ran out) and
 * another one took the job from the queue, from the first epoch.
 */
export function restartNotice(lastEpoch) {
  const where = lastEpoch > 0 ? ` at epoch ${lastEpoch}` : '';
  return `Restarted on another machine: the server training this job stopped${where}, `
    + 'so it starts again from the first epoch.';
}

/** The snapshot's status as a string ({status: {status}} or {status: 'X'}), and its error. */
function snapshotStatus(snap) {
  const s = snap.status;
  if (!s) return [null, snap.error];
  return typeof s === 'string' ? [s, snap.error] : [s.status, s.error || snap.error];
}

/** A followed job: its epochs in order (history), its status, and `done`, settled once with the final status. */
export class Run {
  constructor(runner, job, handlers) {
    this.runner = runner;
    this.job = job;
    this.id = job.id;
    this.spec = job.spec;
    this.status = job.status;
    // a paced job sends the newest epoch of each frame at full speed: gaps are expected, not lost messages
    this.paced = Boolean(job.spec && job.spec.pace);
    this.error = null;
    this.handlers = handlers;
    this.epochs = new Map();   // epoch number -> its message
    this.history = [];         // the same, ordered by epoch
    this.snapshot = false;     // the snapshot came: epochs before the live ones are in
    this.pending = null;       // a final status that came before the snapshot
    this.final = false;
    this.stopped = false;
    this.refilling = null;
    this.restarts = 0;         // how often the job started over (its instance died and it was queued again)
    this.done = new Promise((resolve) => { this.resolve = resolve; });
  }

  /** The latest epoch's message, or undefined. */
  get last() { return this.history[this.history.length - 1]; }

  /** Adds an epoch once, in its place; false when it was there already. */
  add(m) {
    if (this.epochs.has(m.epoch)) return false;
    this.epochs.set(m.epoch, m);
    let i = this.history.length;
    while (i > 0 && this.history[i - 1].epoch > m.epoch) i--;
    this.history.splice(i, 0, m);
    this.call('epoch', m);
    return true;
  }

  call(name, ...args) {
    const f = this.handlers[name];
    if (f) f(...args, this);
  }

  onMessage(m) {
    if (this.final) return;
    if (m.type === 'epoch') {
      // a paced job's epochs batched into this frame: each in its place, before this one
      (m.earlier || []).forEach((row) => this.add(earlierEpoch(m, row)));
      const before = this.last ? this.last.epoch : 0;
      if (this.add(m) && this.snapshot && m.epoch > before + 1 && !this.paced) this.refill();
    } else if (m.type === 'progress') {
      this.call('progress', m);
    } else if (m.type === 'status') {
      // back in the queue with no epoch done, after epochs (or with the reason why): its instance died
      if (m.status === 'QUEUED' && !m.epochsDone && (this.history.length > 0 || m.error)) this.restart();
      this.status = m.status;
      this.call('status', m);
      if (isFinal(m.status)) {
        // ended before its snapshot came: end with the snapshot, which holds the epochs sent before we listened
        if (this.snapshot) this.end(m.status, m.error, m.epochsDone);
        else this.pending = [m.status, m.error, m.epochsDone];
      }
    }
  }

  onSnapshot(snap) {
    if (this.final || snap.error && !snap.status) return;
    this.snapshot = true;
    // a snapshot after a missed re-queue: its history is another run's. (A snapshot taken before live epochs the
    // page already has is shorter too, but agrees with them: it may arrive after them.)
    if (this.anotherRun(snap.history || [])) this.restart();
    (snap.history || []).forEach((m) => this.add(m));
    const [status, error] = snapshotStatus(snap);
    if (status) this.status = status;
    this.call('snapshot', snap);
    if (isFinal(status)) this.end(status, error, snap.status && snap.status.epochsDone);
    else if (this.pending) this.end(...this.pending);
  }

  /** Whether a history's newest epoch differs from the one of that number shown: the job started over since. */
  anotherRun(history) {
    const theirs = history[history.length - 1];
    const ours = theirs && this.epochs.get(theirs.epoch);
    const loss = (m) => (m.train ? m.train.loss : undefined);
    return Boolean(ours) && loss(ours) !== loss(theirs);
  }

  /**
   * The job started over from scratch: the epochs shown so far are dropped (a history being fetched for them too)
   * and the page is told, in words it can show, before the new run's epochs come.
   */
  restart() {
    const notice = restartNotice(this.last ? this.last.epoch : 0);
    this.restarts += 1;
    this.epochs = new Map();
    this.history = [];
    this.refilling = null;
    this.call('restart', notice);
  }

  /** Epochs missed (a slow or dropped connection): the job's history fetched once more, merged in. */
  refill() {
    if (!this.refilling) {
      const restarts = this.restarts;
      const refilling = this.runner.jobs.history(this.id)
        .then((epochs) => { if (this.restarts === restarts) (epochs || []).forEach((m) => this.add(m)); })
        .catch(() => {})
        .finally(() => { if (this.refilling === refilling) this.refilling = null; });
      this.refilling = refilling;
    }
    return this.refilling;
  }

  async end(status, error, epochsDone) {
    if (this.final) return;
    this.final = true;
    this.status = status;
    this.error = error || null;
    this.runner.forget(this);
    // the last epochs' messages may not have come before the status: the stored history has them
    const seen = this.last ? this.last.epoch : 0;
    if ((epochsDone != null && epochsDone > seen) || (this.history.length < seen && !this.paced)) await this.refill();
    this.call('final', status, this.error);
    this.resolve({ status, error: this.error });
  }

  /** Cancels the job (marked as stopped by the student); its CANCELLED status ends the run. */
  async cancel() {
    if (this.final) return;
    this.stopped = true;
    await this.runner.jobs.cancel(this.id);
  }
}

/**
 * Runs of one page over one live connection. jobs: {submit, cancel, history}; connect(handlers): a live client
 * ({also, forget, drop}).
 */
export function createRunner({ jobs, connect, sleep = defaultSleep }) {
  const runs = new Map(); // job id -> Run
  const listeners = [];
  let live = null;
  const client = () => live || (live = connect({
    message(m, id) { const r = runs.get(id ?? m.jobId); if (r) r.onMessage(m); },
    snapshot(snap, id) { const r = runs.get(id); if (r) r.onSnapshot(snap); },
    connected(up) { listeners.forEach((f) => f(up)); },
  }));

  const runner = {
    jobs,
    /** Follows a submitted job (the submit answer, or {id, spec}). */
    follow(job, handlers = {}) {
      const r = new Run(runner, job, handlers);
      runs.set(r.id, r);
      client().also(r.id);
      return r;
    },
    /**
     * Submits the spec and follows the job; retries: how often a 429/503 refusal is waited out (its Retry-After)
     * before the refusal is thrown; handlers.waiting(seconds, error) is told of each wait.
     */
    async start(spec, handlers = {}, { retries = 0, wanted } = {}) {
      const job = await withRetryAfter(() => jobs.submit(spec), {
        retries, sleep, wanted, onWait: (s, e) => { if (handlers.waiting) handlers.waiting(s, e); },
      });
      return runner.follow({ ...job, spec: job.spec || spec }, handlers);
    },
    /** Stops following a run; one not ended yet settles its `done` with status null, so no one waits for ever. */
    forget(r) {
      if (runs.get(r.id) === r) runs.delete(r.id);
      if (live) live.forget(r.id);
      if (!r.final) r.resolve({ status: null, error: null });
    },
    get(id) { return runs.get(id); },
    /**
     * Lets a paced job run up to epoch `until`: over the live connection (a few bytes), or over REST while it is
     * down. Grants are absolute, so one that arrives twice or late does no harm.
     */
    grant(id, until) {
      if (client().send && client().send(`/app/jobs/${id}`, { until })) return Promise.resolve();
      return jobs.advance(id, until);
    },
    /** f(up) when the connection comes or goes. */
    onConnection(f) { listeners.push(f); },
    /** For tests: drop the connection as a network failure would. */
    drop() { client().drop(); },
    /** Opens the connection now (it opens by itself with the first run). */
    connect() { client(); },
  };
  return runner;
}

let pageWide = null;

/** The page's runner: the server's job API and one live connection, shared by every widget of the page. */
export function pageRunner() {
  if (!pageWide) pageWide = createRunner({ jobs: api, connect: (handlers) => liveClient(handlers) });
  return pageWide;
}
