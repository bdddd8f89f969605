// A small SVG line chart: series of [x, y] points, linear axes with round ticks, optional markers. No library.

import { linearTicks, logTicks } from '../charts/ticks.js';

const NS = 'http://www.w3.org/2000/svg';
export const COLORS = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#8c564b', '#e377c2', '#17becf'];

function node(tag, attrs, parent) {
  const n = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) n.setAttribute(k, v);
  if (parent) parent.append(n);
  return n;
}

/**
 * Chart in `host`. series: [{name, points: [[x,y]...], color, dash, markers}]; opts: {xLabel, yLabel,
 * xRange, yRange, xFit ([a, b]: x values the axis covers besides the data's, widened to round ticks as they are),
 * xInteger (whole-number x ticks, as epochs), yLog (a log y axis, ticks at powers of ten),
 * width, height}. Returns {svg}. Points with non-finite y (on a log axis, y ≤ 0) are skipped; an axis fits
 * the data, widened to round ticks, unless its range is given.
 */
export function lineChart(host, series, opts = {}) {
  const W = opts.width || 420, H = opts.height || 240, L = 62, R = 14, T = 10, B = 34;
  host.replaceChildren();
  const svg = node('svg', { viewBox: `0 0 ${W} ${H}`, class: 'chart', role: 'img' }, host);
  if (opts.title) node('title', {}, svg).textContent = opts.title;
  const shown = (p) => isFinite(p[0]) && isFinite(p[1]) && (!opts.yLog || p[1] > 0);
  const all = series.flatMap((s) => s.points).filter(shown);
  const xs = all.map((p) => p[0]).concat(opts.xFit || []);
  let [x0, x1] = opts.xRange || [Math.min(...xs), Math.max(...xs)];
  let [y0, y1] = opts.yRange || [Math.min(...all.map((p) => p[1])), Math.max(...all.map((p) => p[1]))];
  if (!xs.length && !opts.xRange) [x0, x1] = [0, 1];
  if (!all.length && !opts.yRange) [y0, y1] = [0, 1];
  if (x0 === x1) { x0 -= 1; x1 += 1; }
  // x ticks some 80 px apart, fewer if their labels would meet (about 6 px a character); y ticks some 50 px apart
  let xt;
  for (let count = Math.max(3, Math.floor((W - L - R) / 80)); ; count--) {
    xt = linearTicks(x0, x1, { count, widen: !opts.xRange, integer: opts.xInteger });
    const gap = (W - L - R) / (xt.hi - xt.lo) * xt.step, longest = Math.max(...xt.labels.map((s) => s.length));
    if (count <= 2 || gap >= 6.5 * longest + 12) break;
  }
  const yCount = Math.max(3, Math.floor((H - T - B) / 50));
  const yt = opts.yLog ? logTicks(y0, y1, { count: yCount }) : linearTicks(y0, y1, { count: yCount, widen: !opts.yRange });
  [x0, x1, y0, y1] = [xt.lo, xt.hi, yt.lo, yt.hi];
  const sx = (x) => L + ((x - x0) / (x1 - x0)) * (W - L - R);
  const ty = opts.yLog ? Math.log10 : (y) => y;
  const sy = (y) => T + (1 - (ty(y) - ty(y0)) / (ty(y1) - ty(y0))) * (H - T - B);
  // far-off points drawn just beyond the frame, towards where they are
  const syClamped = (y) => Math.max(T - 10 * (H - T - B), Math.min(H - B + 10 * (H - T - B), sy(y)));
  node('rect', { x: L, y: T, width: W - L - R, height: H - T - B, class: 'plot-area' }, svg);
  xt.values.forEach((xv, i) => {
    node('line', { x1: sx(xv), x2: sx(xv), y1: T, y2: H - B, class: 'grid' }, svg);
    node('text', { x: sx(xv), y: H - B + 16, 'text-anchor': 'middle', class: 'tick x', 'data-value': xv }, svg).textContent = xt.labels[i];
  });
  yt.values.forEach((yv, i) => {
    node('line', { x1: L, x2: W - R, y1: sy(yv), y2: sy(yv), class: 'grid' }, svg);
    node('text', { x: L - 4, y: sy(yv) + 3.5, 'text-anchor': 'end', class: 'tick y', 'data-value': yv }, svg).textContent = yt.labels[i];
  });
  if (opts.xLabel) node('text', { x: (L + W - R) / 2, y: H - 4, 'text-anchor': 'middle', class: 'axis-label' }, svg).textContent = opts.xLabel;
  if (opts.yLabel) node('text', { x: 10, y: (T + H - B) / 2, transform: `rotate(-90 10 ${(T + H - B) / 2})`, 'text-anchor': 'middle', class: 'axis-label' }, svg).textContent = opts.yLabel;
  const clip = `clip${Math.random().toString(36).slice(2)}`;
  // a little beyond the frame, so that a curve along an edge (an accuracy of 1) is drawn whole
  node('rect', { x: L - 3, y: T - 3, width: W - L - R + 6, height: H - T - B + 6 }, node('clipPath', { id: clip }, svg));
  const g = node('g', { 'clip-path': `url(#${clip})` }, svg);
  series.forEach((s, i) => {
    const color = s.color || COLORS[i % COLORS.length];
    const pts = s.points.filter(shown);
    if (pts.length > 1 || (pts.length === 1 && !s.markers)) {
      node('polyline', {
        points: pts.map((p) => `${sx(p[0]).toFixed(1)},${syClamped(p[1]).toFixed(1)}`).join(' '),
        fill: 'none', stroke: color, 'stroke-width': s.width || 2, 'stroke-dasharray': s.dash || '', class: 'series', 'data-name': s.name || '',
      }, g);
    }
    if (s.markers) pts.forEach((p) => node('circle', { cx: sx(p[0]), cy: sy(p[1]), r: 3, fill: color, class: 'marker' }, g));
  });
  const legend = series.filter((s) => s.name);
  if (legend.length) {
    const lg = document.createElement('div');
    lg.className = 'legend';
    series.forEach((s, i) => {
      if (!s.name) return;
      const item = document.createElement('span');
      item.className = 'legend-item';
      item.style.setProperty('--c', s.color || COLORS[i % COLORS.length]);
      if (s.dash) item.classList.add('dashed');
      item.textContent = s.name;
      lg.append(item);
    });
    host.append(lg);
  }
  return { svg };
}
