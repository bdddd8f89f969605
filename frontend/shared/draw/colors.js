// The colours every picture shares: the diverging scale of heat maps and points (orange below 0, blue above,
// as TensorFlow Playground), the three classes' colours, and the series colours of the line charts.

export const NEGATIVE = [245, 147, 34];
export const MIDDLE = [232, 234, 235];
export const POSITIVE = [8, 119, 189];

/** The three classes' colours: class 0 orange, 1 blue (as for two classes), 2 green. */
export const CLASS_COLORS = [NEGATIVE, POSITIVE, [46, 160, 67]];

/** Line charts' series colours, in order. */
export const SERIES = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#8c564b', '#e377c2', '#17becf'];

/** Colour of a value in [−1, 1] (clamped): orange below 0, blue above; discretized: the sign only. */
export function color(v, discretize = false) {
  let t = Math.max(-1, Math.min(1, Number.isFinite(v) ? v : 0));
  if (discretize) t = t >= 0 ? 1 : -1;
  const [to, f] = t < 0 ? [NEGATIVE, -t] : [POSITIVE, t];
  return MIDDLE.map((c, i) => Math.round(c + (to[i] - c) * f));
}

/** A class's colour faded towards the neutral grey as confidence goes from 1/classes (none) to 1 (full). */
export function classColor(k, p, classes = 3) {
  const f = Math.max(0, Math.min(1, (p - 1 / classes) / (1 - 1 / classes)));
  return MIDDLE.map((c, i) => Math.round(c + (CLASS_COLORS[k][i] - c) * f));
}

/** The argmax class of per-class values at cell i, and its value. */
export function argmax(maps, i) {
  let best = 0;
  for (let k = 1; k < maps.length; k++) if (maps[k][i] > maps[best][i]) best = k;
  return [best, maps[best][i]];
}

export const css = ([r, g, b]) => `rgb(${r},${g},${b})`;
