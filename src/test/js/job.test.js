import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createJobLife, lead } from '../../../frontend/playground/job.js';

/** A job that runs what it is granted at once (or when told), and a clock the test moves. */
function fixture({ epochs = 1000, instant = true } = {}) {
  const clock = { t: 0 };
  const grants = [];
  const run = { id: 'j1', spec: { training: { epochs }, pace: { until: 0 } }, last: undefined, final: false };
  const arrive = (epoch) => { run.last = { epoch }; life.tick(); };
  const life = createJobLife({
    start: async () => run,
    grant: (id, until) => { grants.push(until); if (instant) queueMicrotask(() => arrive(until)); },
    now: () => clock.t,
  });
  return { life, run, grants, clock, arrive };
}

const frames = async (f, seconds) => {
  for (let i = 0; i < seconds * 60; i++) {
    f.clock.t += 1000 / 60;
    f.life.tick();
    await Promise.resolve();
  }
};

test('at a pace the page grants about that many epochs a second, never more than one past what it shows', async () => {
  const f = fixture({ instant: false });
  await f.life.play();
  for (let i = 0; i < 120; i++) {
    f.clock.t += 1000 / 60;
    f.life.tick();
    const shown = f.run.last ? f.run.last.epoch : 0;
    assert.ok(f.life.granted <= shown + lead(30), `granted ${f.life.granted} with ${shown} shown`);
    if (f.life.granted > shown) f.arrive(f.life.granted);
  }
  const shown = f.run.last.epoch;
  assert.ok(shown >= 58 && shown <= 62, `two seconds at 30 epochs/s showed ${shown}`);
});

test('a pause grants nothing more; a step grants one epoch past what is shown', async () => {
  const f = fixture();
  await f.life.play();
  await frames(f, 1);
  f.life.pause();
  const at = f.life.granted;
  await frames(f, 1);
  assert.equal(f.life.granted, at);
  await f.life.step();
  assert.equal(f.life.granted, at + 1);
});

test('stop at is never passed, and full speed grants the job its end at once', async () => {
  const f = fixture({ epochs: 1000 });
  f.life.setStopAt(40);
  await f.life.play();
  await frames(f, 3);
  assert.equal(f.life.granted, 40);
  const g = fixture({ epochs: 1000 });
  g.life.setSpeed(0);
  await g.life.play();
  g.life.tick();
  assert.equal(g.life.granted, 1000);
});

test('one job for many asks; a dropped one is started again', async () => {
  let started = 0;
  const run = { id: 'j', spec: { training: { epochs: 10 } }, final: false };
  const life = createJobLife({ start: async () => { started++; return run; }, grant: () => {}, now: () => 0 });
  await Promise.all([life.ensureJob(), life.ensureJob(), life.step()]);
  assert.equal(started, 1);
  life.drop();
  await life.ensureJob();
  assert.equal(started, 2);
});

test('a grant lost with a dropped connection is sent again when it is back, so a paced run does not stall', async () => {
  const f = fixture({ instant: false });
  await f.life.play();
  f.clock.t += 1000 / 60;
  f.life.tick();
  const lost = f.life.granted;
  assert.ok(lost > 0);
  // the grant went out on a dying socket: no epoch comes, and the page's clock cannot lead by more than one
  await frames(f, 2);
  assert.equal(f.life.granted, lost);
  assert.deepEqual(f.grants, [lost]);
  f.life.regrant(); // the connection is back
  assert.deepEqual(f.grants, [lost, lost]);
  f.arrive(lost);
  assert.ok(f.life.granted > lost, 'grants go on once the epoch has come');
  // nothing to send again once the page shows what was granted
  const before = f.grants.length;
  f.run.last = { epoch: f.life.granted };
  f.life.regrant();
  assert.equal(f.grants.length, before);
});
