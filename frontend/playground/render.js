// Drawing: the diverging colour scale, heatmaps, data points, the network with its links, the loss chart.

import { linearTicks } from '../charts/ticks.js';

const NEGATIVE = [245, 147, 34];
const MIDDLE = [232, 234, 235];
const POSITIVE = [8, 119, 189];

/** The three classes' colours: class 0 orange, 1 blue (as for two classes), 2 green. */
export const CLASS_COLORS = [NEGATIVE, POSITIVE, [46, 160, 67]];

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

/** Draws per-class probability maps: the argmax class's colour, shaded by its probability (full when discretized). */
export function drawClassMap(canvas, maps, resolution, discretize = false) {
  if (canvas.width !== resolution) { canvas.width = resolution; canvas.height = resolution; }
  const ctx = canvas.getContext('2d');
  const image = ctx.createImageData(resolution, resolution);
  for (let i = 0; i < resolution * resolution; i++) {
    const [k, p] = argmax(maps, i);
    const [r, g, b] = classColor(k, discretize ? 1 : p, maps.length);
    image.data.set([r, g, b, 255], i * 4);
  }
  ctx.putImageData(image, 0, 0);
}

/** One class's probability map: grey where it is 0, the class colour where it is 1. */
export function drawClassProbability(canvas, values, resolution, k) {
  if (canvas.width !== resolution) { canvas.width = resolution; canvas.height = resolution; }
  const ctx = canvas.getContext('2d');
  const image = ctx.createImageData(resolution, resolution);
  for (let i = 0; i < resolution * resolution; i++) {
    const [r, g, b] = classColor(k, values[i], 1e9);
    image.data.set([r, g, b, 255], i * 4);
  }
  ctx.putImageData(image, 0, 0);
}

/** Colour of a value in [−1, 1] (clamped): orange below 0, blue above; discretized: the sign only. */
export function color(v, discretize = false) {
  let t = Math.max(-1, Math.min(1, Number.isFinite(v) ? v : 0));
  if (discretize) t = t >= 0 ? 1 : -1;
  const [from, to, f] = t < 0 ? [MIDDLE, NEGATIVE, -t] : [MIDDLE, POSITIVE, t];
  return from.map((c, i) => Math.round(c + (to[i] - c) * f));
}

/** Draws a resolution² map (row 0 at the top) one pixel per cell; CSS scales the canvas. */
export function drawMap(canvas, values, resolution, toUnit, discretize = false) {
  if (canvas.width !== resolution) { canvas.width = resolution; canvas.height = resolution; }
  const ctx = canvas.getContext('2d');
  const image = ctx.createImageData(resolution, resolution);
  for (let i = 0; i < resolution * resolution; i++) {
    const [r, g, b] = color(toUnit(values[i]), discretize);
    image.data.set([r, g, b, 255], i * 4);
  }
  ctx.putImageData(image, 0, 0);
}

export function clearMap(canvas) {
  canvas.getContext('2d').clearRect(0, 0, canvas.width, canvas.height);
}

/** Points over [−6, 6]²: filled by label (by class colour with three classes); test points outlined in black when shown. */
export function drawPoints(canvas, points, showTest, toUnit, classes = 2) {
  const ctx = canvas.getContext('2d');
  const w = canvas.width;
  const h = canvas.height;
  ctx.clearRect(0, 0, w, h);
  const px = (x) => ((x + 6) / 12) * w;
  const py = (y) => ((6 - y) / 12) * h;
  const draw = (rows, outline) => {
    for (const [x1, x2, label] of rows) {
      const [r, g, b] = classes === 3 ? CLASS_COLORS[label] || MIDDLE : color(toUnit(label));
      ctx.beginPath();
      ctx.arc(px(x1), py(x2), 3.5, 0, 2 * Math.PI);
      ctx.fillStyle = `rgb(${r},${g},${b})`;
      ctx.fill();
      ctx.lineWidth = 1;
      ctx.strokeStyle = outline ? 'black' : 'white';
      ctx.stroke();
    }
  };
  if (!points) return;
  draw(points.train, false);
  if (showTest) draw(points.test, true);
}

/** The value of a feature at a point, for the input nodes' maps. */
export const FEATURE_FUNCTIONS = {
  x1: (a) => a, x2: (a, b) => b, x1sq: (a) => a * a, x2sq: (a, b) => b * b, x1x2: (a, b) => a * b,
  sinx1: (a) => Math.sin(a), sinx2: (a, b) => Math.sin(b),
};
export const FEATURE_LABELS = {
  x1: 'X₁', x2: 'X₂', x1sq: 'X₁²', x2sq: 'X₂²', x1x2: 'X₁X₂', sinx1: 'sin(X₁)', sinx2: 'sin(X₂)',
};

export function featureMap(id, resolution) {
  const f = FEATURE_FUNCTIONS[id];
  const values = new Float32Array(resolution * resolution);
  let max = 0;
  for (let r = 0; r < resolution; r++) {
    for (let c = 0; c < resolution; c++) {
      const v = f(-6 + (12 * c) / (resolution - 1), 6 - (12 * r) / (resolution - 1));
      values[r * resolution + c] = v;
      max = Math.max(max, Math.abs(v));
    }
  }
  return values.map((v) => (max ? v / max : 0));
}

/** The pinned run's curves: test in this colour, train lighter, both dashed. */
export const PINNED_TEST = '#c0392b';
export const PINNED_TRAIN = '#e6a19a';

/** The loss chart's margins: loss ticks on the left, epoch ticks below. */
const LEFT = 32, BOTTOM = 13;

/**
 * Train (grey) and test (black) loss over the epochs; a pinned run's, if given, dashed in red beside them,
 * on the same axes (epochs up to the longer run, loss from 0 up to the round tick above the larger maximum).
 */
export function drawLossChart(canvas, history, pinned = null) {
  const ctx = canvas.getContext('2d');
  const { width: w, height: h } = canvas;
  ctx.clearRect(0, 0, w, h);
  const runs = [history, pinned].filter((r) => r && r.length >= 2);
  if (!runs.length) return;
  let max = 0;
  for (const r of runs) for (const e of r) max = Math.max(max, e.train ?? 0, e.test ?? 0);
  if (!(max > 0)) return;
  const length = Math.max(...runs.map((r) => r.length));
  const loss = linearTicks(0, max, { count: 2 });
  const epochs = linearTicks(0, length - 1, { count: 3, widen: false, integer: true });
  const px = (i) => LEFT + (i / (length - 1)) * (w - LEFT - 2);
  const py = (v) => h - BOTTOM - (v / loss.hi) * (h - BOTTOM - 2);
  ctx.font = '9px system-ui, sans-serif';
  ctx.fillStyle = '#777';
  ctx.strokeStyle = '#e4e4e4';
  ctx.lineWidth = 1;
  ctx.setLineDash([]);
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  loss.values.forEach((v, k) => {
    ctx.beginPath(); ctx.moveTo(LEFT, Math.round(py(v)) + 0.5); ctx.lineTo(w, Math.round(py(v)) + 0.5); ctx.stroke();
    ctx.fillText(loss.labels[k], LEFT - 3, Math.min(h - BOTTOM - 4, Math.max(5, py(v))));
  });
  // the epochs the chart spans, counted from its first one
  ctx.textAlign = 'center';
  ctx.textBaseline = 'bottom';
  epochs.values.forEach((v, k) => ctx.fillText(epochs.labels[k], Math.min(w - 8, Math.max(LEFT + 4, px(v))), h));
  const line = (rows, key, style, dash) => {
    if (!rows || rows.length < 2) return;
    ctx.beginPath();
    rows.forEach((e, i) => {
      const x = px(i);
      const y = py(e[key] ?? 0);
      if (i === 0) ctx.moveTo(x, y); else ctx.lineTo(x, y);
    });
    ctx.strokeStyle = style;
    ctx.lineWidth = 1.5;
    ctx.setLineDash(dash);
    ctx.stroke();
  };
  line(history, 'train', '#999', []);
  line(history, 'test', '#000', []);
  // dashed on top: where the runs agree, both show
  line(pinned, 'train', PINNED_TRAIN, [4, 3]);
  line(pinned, 'test', PINNED_TEST, [4, 3]);
  ctx.setLineDash([]);
}

/** Links: width by |weight|, colour by sign, in an SVG behind the nodes. */
export function drawLinks(svg, links, onClick) {
  const ns = 'http://www.w3.org/2000/svg';
  svg.replaceChildren();
  for (const l of links) {
    const path = document.createElementNS(ns, 'path');
    const mx = (l.x1 + l.x2) / 2;
    path.setAttribute('d', `M${l.x1},${l.y1} C${mx},${l.y1} ${mx},${l.y2} ${l.x2},${l.y2}`);
    const [r, g, b] = color(Math.tanh(l.weight));
    path.setAttribute('stroke', `rgb(${r},${g},${b})`);
    path.setAttribute('stroke-width', String(Math.min(8, 0.5 + Math.abs(l.weight) * 2).toFixed(2)));
    path.setAttribute('fill', 'none');
    path.setAttribute('class', 'link');
    path.dataset.layer = String(l.layer);
    path.dataset.input = String(l.input);
    path.dataset.unit = String(l.unit);
    const title = document.createElementNS(ns, 'title');
    title.textContent = `weight ${l.weight.toFixed(3)}`;
    path.append(title);
    if (onClick) path.addEventListener('click', (e) => onClick(l, e));
    svg.append(path);
  }
}
