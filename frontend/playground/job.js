// The job's life in the playground. An idle page holds no job (its data and first maps come from a preview); a
// paced job starts on ▶, step or an edit that needs one (ensureJob), and the page grants it epochs as it draws them
// at the chosen speed, so the server is never ahead of the page by more than the epoch it is computing: a pause
// lands where the page is, and "stop at" is exact on both sides. The job ends when the page goes away.
//
// Everything it talks to comes in, so it runs against a fake in a unit test:
//   start(options) submits a job and follows it, answering the Run (shared/run.js); grant(id, until) lets it run
//   up to an epoch; now() is the clock in ms.

/**
 * How far (in epochs) the server may be ahead of what the page shows, at a speed: one epoch up to the default pace
 * (a pause lands within one epoch of the number on screen), 1/30 s of epochs above it.
 */
export const lead = (speed) => Math.max(1, Math.floor(speed / 30));

/**
 * How far (in epochs) the page's clock may run ahead of what it shows: a grant or an epoch that comes late is made
 * up for (up to 1/5 s of epochs), instead of every delay putting the run back for good.
 */
export const slack = (speed) => Math.max(1, speed / 5);

export function createJobLife({ start, grant, now = () => performance.now() }) {
  let run = null;          // the Run of the current job, or null
  let starting = null;     // the submission under way
  let playing = false;
  let speed = 30;          // epochs a second; 0: as fast as it goes
  let stopAt = Infinity;   // the job epoch not to pass (the page's "stop at", as this job counts)
  let target = 0;          // where the page's clock says the job should be, in (fractional) epochs
  let granted = 0;
  let last = null;         // the clock at the last tick

  const shown = () => (run && run.last ? run.last.epoch : 0);
  const end = () => Math.min(stopAt, run && run.spec && run.spec.training ? run.spec.training.epochs : Infinity);

  function send(until) {
    if (!run || run.final || until <= granted) return;
    granted = until;
    Promise.resolve(grant(run.id, until)).catch(() => { granted = Math.min(granted, shown()); });
  }

  const life = {
    get run() { return run; },
    get playing() { return playing; },
    get granted() { return granted; },
    get speed() { return speed; },

    /** Follows a job started elsewhere (a continuation, an edit): its grants start from what it has done. */
    adopt(r) {
      run = r;
      granted = r && r.spec && r.spec.pace ? r.spec.pace.until || 0 : 0;
      target = shown();
      last = null;
    },

    /** The current job, or a new one for the page as it is now (options: the job's weights, epochs…). */
    async ensureJob(options) {
      if (run && !run.final) return run;
      if (!starting) {
        starting = (async () => { life.adopt(await start(options)); return run; })()
          .finally(() => { starting = null; });
      }
      return starting;
    },

    /** Forgets the job (the caller cancels it, or it has ended). */
    drop() {
      run = null;
      playing = false;
      granted = 0;
      target = 0;
    },

    async play(options) {
      playing = true;
      last = null;
      try {
        await life.ensureJob(options);
      } catch (e) {
        playing = false;
        throw e;
      }
      target = Math.max(target, shown());
    },

    /** Grants nothing more: the job stops at the epoch it was granted, which the page shows next. */
    pause() {
      playing = false;
      last = null;
    },

    /** One more epoch than the page shows. */
    async step(options) {
      playing = false;
      await life.ensureJob(options);
      const next = Math.min(end(), Math.max(shown(), granted) + 1);
      target = next;
      send(next);
    },

    /**
     * Sends the last grant again when the connection is back: one sent as the socket died was lost with it, and the
     * page would wait for an epoch the server waits to be granted (grants are absolute: a second copy is harmless).
     */
    regrant() {
      if (run && !run.final && granted > shown()) {
        Promise.resolve(grant(run.id, granted)).catch(() => { granted = Math.min(granted, shown()); });
      }
    },

    setSpeed(s) { speed = s; last = null; },
    /** The job epoch not to pass (Infinity: none). */
    setStopAt(epoch) { stopAt = epoch; },

    /**
     * Once a frame, and as each epoch arrives: moves the page's clock on and grants the epoch it reached and the
     * next (fetched ahead, so that it is there to show in time), never more than `lead` past what the page shows;
     * the clock itself may be up to `slack` ahead, so that a late epoch is caught up with rather than lost.
     */
    tick() {
      if (!playing || !run || run.final) return;
      if (speed === 0) { send(end()); return; }
      const t = now();
      const seconds = last == null ? 0 : Math.min(0.25, (t - last) / 1000);
      last = t;
      const page = shown();
      target = Math.min(target + seconds * speed, page + slack(speed));
      send(Math.min(end(), Math.floor(target) + 1, page + lead(speed)));
    },
  };
  return life;
}
