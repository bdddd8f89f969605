import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decimals, formatTick, linearTicks, logTicks, niceStep } from '../../../frontend/shared/draw/ticks.js';

test('steps are 1, 2 or 5 times a power of ten, nearest by ratio', () => {
  assert.equal(niceStep(10, 5), 2);
  assert.equal(niceStep(1, 5), 0.2);
  assert.equal(niceStep(0.7, 5), 0.1);
  assert.equal(niceStep(33, 5), 5);
  assert.equal(niceStep(0, 5), 1);
  assert.equal(niceStep(Infinity, 5), 1);
  assert.equal(decimals(1), 0);
  assert.equal(decimals(0.5), 1);
  assert.equal(decimals(0.05), 2);
});

test('labels have the digits the step needs, large and small axes one power of ten', () => {
  assert.equal(formatTick(0.2, 0.2), '0.2');
  assert.equal(formatTick(-1e-12, 0.1), '0.0');
  assert.equal(formatTick(200000, 100000, 800000), '200,000');
  assert.equal(formatTick(1.5e6, 5e5, 2e6), '1.5e6');
  assert.equal(formatTick(NaN, 1), '');
});

test('linear ticks: the same round labels as the charts show', () => {
  const labels = (...a) => linearTicks(...a).labels;
  assert.deepEqual(labels(0.3471, 1.2893), ['0.2', '0.4', '0.6', '0.8', '1.0', '1.2', '1.4']);
  assert.deepEqual(labels(1, 20, { integer: true }), ['0', '5', '10', '15', '20']);
  assert.deepEqual(labels(0, 8.2e5, { widen: false }), ['0', '200,000', '400,000', '600,000', '800,000']);
  assert.deepEqual(labels(0, 8.2e5), ['0', '0.2e6', '0.4e6', '0.6e6', '0.8e6', '1.0e6']);
  assert.deepEqual(labels(0, 3.9e-5), ['0', '1e-5', '2e-5', '3e-5', '4e-5']);
  assert.deepEqual(labels(-3, 3, { widen: false, count: 6 }), ['-3', '-2', '-1', '0', '1', '2', '3']);
  assert.deepEqual(labels(0.69, 0.7), ['0.690', '0.692', '0.694', '0.696', '0.698', '0.700']);
  assert.deepEqual(labels(1, 1), ['0.0', '0.2', '0.4', '0.6', '0.8', '1.0']);
  assert.deepEqual(labels(0.6931471805599453, 0.6931471805599454), ['0.0', '0.1', '0.2', '0.3', '0.4', '0.5', '0.6', '0.7']);
  assert.deepEqual(labels(1e20, 1e20 + 1e5), ['0', '0.2e20', '0.4e20', '0.6e20', '0.8e20', '1.0e20']);
});

test('a widened axis ends on its first and last tick; a fixed one keeps its ends', () => {
  const w = linearTicks(0.3, 9.7);
  assert.equal(w.lo, w.values[0]);
  assert.equal(w.hi, w.values[w.values.length - 1]);
  const f = linearTicks(0.3, 9.7, { widen: false });
  assert.deepEqual([f.lo, f.hi], [0.3, 9.7]);
  assert.ok(f.values.every((v) => v >= 0.3 && v <= 9.7));
  assert.deepEqual(linearTicks(NaN, 5).values, [0, 0.2, 0.4, 0.6, 0.8, 1]);
  assert.deepEqual(linearTicks(5, 1).values, linearTicks(1, 5).values);
});

test('log ticks: powers of ten, fewer when there are many', () => {
  assert.deepEqual(logTicks(0.0123, 4.7).labels, ['0.01', '0.1', '1', '10']);
  assert.deepEqual(logTicks(1e-9, 1e6).labels, ['1e-10', '1e-5', '1', '1e5', '1e10']);
  assert.deepEqual(logTicks(2, 2).labels, ['1', '10']);
  assert.deepEqual(logTicks(-1, 50).labels, ['1', '10', '100']);
});

import { chartLayout } from '../../../frontend/shared/draw/chart.js';

test('the chart layout: axes widened to round ticks, data mapped into the frame, hidden points left out', () => {
  const c = chartLayout([{ name: 'loss', points: [[1, 0.9], [2, 0.5], [3, 0.31], [4, NaN]] }, { points: [[1, 0.7]] }],
    { width: 420, height: 240, xInteger: true });
  assert.deepEqual(c.xt.labels[0], '1');
  assert.equal(c.xt.labels.at(-1), '3');
  assert.ok(c.xt.values.every(Number.isInteger));
  assert.deepEqual([c.yt.lo, c.yt.hi], [0.2, 1], 'widened to the round ticks around 0.31 .. 0.9');
  assert.equal(c.sx(c.xt.lo), c.L);
  assert.equal(c.sx(c.xt.hi), c.W - c.R);
  assert.equal(c.sy(c.yt.hi), c.T);
  assert.equal(c.sy(c.yt.lo), c.H - c.B);
  assert.equal(c.series[0].points.length, 3, 'the NaN point is left out');
  assert.equal(c.series[0].color, '#1f77b4');
  assert.equal(c.series[1].color, '#d62728', 'colours in order');
  const log = chartLayout([{ points: [[0, 2], [1, 0.02], [2, 0], [3, -1]] }], { yLog: true });
  assert.deepEqual(log.yt.labels, ['0.01', '0.1', '1', '10']);
  assert.equal(log.series[0].points.length, 2, 'no y ≤ 0 on a log axis');
  const fixed = chartLayout([{ points: [[0, 5]] }], { xRange: [0, 10], yRange: [0, 1], compact: true, width: 300, height: 80 });
  assert.deepEqual([fixed.L, fixed.T, fixed.B], [32, 4, 13]);
  assert.ok(fixed.syClamped(5) < fixed.T, 'a far-off point just beyond the frame');
  assert.deepEqual(chartLayout([], {}).xt.labels.slice(0, 2), ['0.0', '0.2'], 'an empty chart still has axes');
});
