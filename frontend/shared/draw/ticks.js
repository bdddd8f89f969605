// Axis ticks a person reads at a glance: steps of 1, 2 or 5 times a power of ten, and labels with just the
// digits the step needs; on a log axis, powers of ten. Every chart of the labs and the playground takes its
// ticks from here.

const STEPS = [1, 2, 5, 10];
/** A bound no axis of `count` ticks comes near; it only guards against a loop that would never end. */
const MAX_TICKS = 1000;

/**
 * The round step (1, 2 or 5 × 10^k) nearest to span / count, nearest by ratio: the thresholds between 1, 2, 5
 * and 10 are their geometric means, √2, √10 and √50, so the tick count stays within √2 of `count` or so.
 */
export function niceStep(span, count = 5) {
  const raw = Math.abs(span) / Math.max(1, count);
  if (!(raw > 0) || !isFinite(raw)) return 1;
  const p = 10 ** Math.floor(Math.log10(raw) + 1e-9), m = raw / p;
  const factor = m >= Math.sqrt(50) ? 10 : m >= Math.sqrt(10) ? 5 : m >= Math.sqrt(2) ? 2 : 1;
  return Number((factor * p).toPrecision(12));
}

/** Decimals a label of this step needs: 0 for 1, 2, 5, 10…; 1 for 0.5; 2 for 0.05. */
export function decimals(step) {
  return Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
}

/**
 * The label of tick value v on an axis of this step: fixed with the step's decimals; when the axis's numbers
 * (up to `top` in size) are very large or small, as a mantissa times the power of ten of `top`, the same for
 * every label of the axis (0.5e6, 1.0e6, 1.5e6), with the digits the step needs.
 */
export function formatTick(v, step, top = Math.abs(v)) {
  if (!isFinite(v)) return '';
  if (Math.abs(v) < step * 1e-6) v = 0; // no −0.0
  top = Math.max(top, Math.abs(v), step);
  if (v !== 0 && (top >= 1e6 || step < 1e-4)) {
    const exponent = Math.floor(Math.log10(top) + 1e-9);
    const digits = Math.max(0, exponent - Math.floor(Math.log10(step) + 1e-9));
    return `${(v / 10 ** exponent).toFixed(digits)}e${exponent}`;
  }
  if (v === 0 && (top >= 1e6 || step < 1e-4)) return '0';
  // thousands grouped, as the summary's parameter counts: 200,000 rather than 200000
  return top >= 1e4 ? v.toLocaleString('en-US', { minimumFractionDigits: decimals(step), maximumFractionDigits: decimals(step) })
    : v.toFixed(decimals(step));
}

/**
 * Ticks for data in [lo, hi] on a linear axis, about `count` steps. widen (default): the axis grows to the
 * ticks around the data, so the first and last tick are its ends; otherwise the axis stays [lo, hi] and
 * the ticks are the round values inside it. integer: no step below 1 (epochs, counts).
 * Returns {lo, hi, step, values, labels}.
 */
export function linearTicks(lo, hi, { count = 5, widen = true, integer = false } = {}) {
  if (!isFinite(lo) || !isFinite(hi)) [lo, hi] = [0, 1];
  if (lo > hi) [lo, hi] = [hi, lo];
  // one value: the axis from 0 to it (a constant loss of 0, an accuracy of 1 all along). Values that differ
  // only in their last bits (a loss stuck at ln 2) count as one: steps of 1e-17 on 0.69 would be counted
  // past 2^53, where k++ no longer changes k.
  if (hi - lo <= Math.max(Math.abs(lo), Math.abs(hi)) * 1e-9) {
    const v = (lo + hi) / 2;
    [lo, hi] = v === 0 ? [0, 1] : [Math.min(0, v), Math.max(0, v)];
  }
  const step = integer ? Math.max(1, niceStep(hi - lo, count)) : niceStep(hi - lo, count);
  const first = widen ? Math.floor(lo / step + 1e-9) : Math.ceil(lo / step - 1e-9);
  const last = widen ? Math.ceil(hi / step - 1e-9) : Math.floor(hi / step + 1e-9);
  // multiples of the step computed from integers, so no rounding error piles up along the axis
  const values = [];
  for (let k = first; k <= last && values.length <= MAX_TICKS; k++) values.push(Number((k * step).toPrecision(12)));
  if (widen) [lo, hi] = [values[0], values[values.length - 1]];
  const top = Math.max(...values.map(Math.abs));
  return { lo, hi, step, values, labels: values.map((v) => formatTick(v, step, top)) };
}

/**
 * Ticks for positive data in [lo, hi] on a log axis: the axis widened to powers of ten, a tick at every
 * power (every second, fifth or tenth when there are many). Returns {lo, hi, values, labels}.
 */
export function logTicks(lo, hi, { count = 5 } = {}) {
  if (!(lo > 0) || !isFinite(lo)) lo = hi > 0 && isFinite(hi) ? hi / 10 : 1;
  if (!(hi > 0) || !isFinite(hi)) hi = lo * 10;
  if (lo > hi) [lo, hi] = [hi, lo];
  let a = Math.floor(Math.log10(lo) + 1e-9), b = Math.ceil(Math.log10(hi) - 1e-9);
  if (a === b) b += 1;
  const every = STEPS.find((m) => (b - a) / m <= count) || Math.ceil((b - a) / count);
  a = Math.floor(a / every) * every;
  b = Math.ceil(b / every) * every;
  const values = [], labels = [];
  for (let e = a; e <= b; e += every) {
    values.push(Number(`1e${e}`));
    // plain numbers from 0.001 to 10,000, powers of ten beyond
    labels.push(e >= 0 && e <= 4 ? (10 ** e).toLocaleString('en-US') : e < 0 && e >= -3 ? (10 ** e).toFixed(-e) : `1e${e}`);
  }
  return { lo: values[0], hi: values[values.length - 1], values, labels };
}
