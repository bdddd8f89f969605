// The line chart of every page: series of [x, y] points on linear or log axes with round ticks, optional
// markers and legend. One layout (chartLayout: the axes, their ticks and the scales, no DOM) drawn on two
// surfaces: SVG for the labs' charts, a canvas for the playground's sidebar chart, redrawn every animation frame.

import { linearTicks, logTicks } from './ticks.js';
import { SERIES } from './colors.js';

const NS = 'http://www.w3.org/2000/svg';
export const COLORS = SERIES;

/**
 * The chart's geometry for series [{name, points: [[x,y]...], color, dash, markers, width}] and opts {xLabel, yLabel,
 * xRange, yRange, xFit ([a, b]: x values the axis covers besides the data's, widened to round ticks as they are),
 * xInteger (whole-number x ticks, as epochs), yLog (a log y axis, ticks at powers of ten), width, height, compact
 * (small margins and few ticks, no axis titles or legend: a sidebar's chart)}. Points with non-finite y (on a log
 * axis, y ≤ 0) are left out; an axis fits the data, widened to round ticks, unless its range is given.
 * Returns {W, H, L, R, T, B, xt, yt (the axes' ticks), sx, sy (data to pixels), syClamped, series (each with its
 * colour and its shown points)}.
 */
export function chartLayout(series, opts = {}) {
  const W = opts.width || 420, H = opts.height || 240;
  const [L, R, T, B] = opts.compact ? [32, 4, 4, 13] : [62, 14, 10, 34];
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
  for (let count = opts.compact ? 3 : Math.max(3, Math.floor((W - L - R) / 80)); ; count--) {
    xt = linearTicks(x0, x1, { count, widen: !opts.xRange, integer: opts.xInteger });
    const gap = (W - L - R) / (xt.hi - xt.lo) * xt.step, longest = Math.max(...xt.labels.map((s) => s.length));
    if (count <= 2 || gap >= 6.5 * longest + 12) break;
  }
  const yCount = opts.compact ? 2 : Math.max(3, Math.floor((H - T - B) / 50));
  const yt = opts.yLog ? logTicks(y0, y1, { count: yCount }) : linearTicks(y0, y1, { count: yCount, widen: !opts.yRange });
  [x0, x1, y0, y1] = [xt.lo, xt.hi, yt.lo, yt.hi];
  const sx = (x) => L + ((x - x0) / (x1 - x0)) * (W - L - R);
  const ty = opts.yLog ? Math.log10 : (y) => y;
  const sy = (y) => T + (1 - (ty(y) - ty(y0)) / (ty(y1) - ty(y0))) * (H - T - B);
  // far-off points drawn just beyond the frame, towards where they are
  const syClamped = (y) => Math.max(T - 10 * (H - T - B), Math.min(H - B + 10 * (H - T - B), sy(y)));
  const laid = series.map((s, i) => ({ ...s, color: s.color || COLORS[i % COLORS.length], points: s.points.filter(shown) }));
  return { W, H, L, R, T, B, xt, yt, sx, sy, syClamped, series: laid };
}

function node(tag, attrs, parent) {
  const n = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) n.setAttribute(k, v);
  if (parent) parent.append(n);
  return n;
}

/** The chart as SVG in `host` (its children replaced), with a legend of the named series. Returns {svg}. */
export function lineChart(host, series, opts = {}) {
  const { W, H, L, R, T, B, xt, yt, sx, sy, syClamped, series: laid } = chartLayout(series, opts);
  host.replaceChildren();
  const svg = node('svg', { viewBox: `0 0 ${W} ${H}`, class: 'chart', role: 'img' }, host);
  if (opts.title) node('title', {}, svg).textContent = opts.title;
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
  laid.forEach((s) => {
    const pts = s.points;
    if (pts.length > 1 || (pts.length === 1 && !s.markers)) {
      node('polyline', {
        points: pts.map((p) => `${sx(p[0]).toFixed(1)},${syClamped(p[1]).toFixed(1)}`).join(' '),
        fill: 'none', stroke: s.color, 'stroke-width': s.width || 2, 'stroke-dasharray': s.dash || '', class: 'series', 'data-name': s.name || '',
      }, g);
    }
    if (s.markers) pts.forEach((p) => node('circle', { cx: sx(p[0]), cy: sy(p[1]), r: 3, fill: s.color, class: 'marker' }, g));
  });
  const legend = opts.compact ? [] : laid.filter((s) => s.name);
  if (legend.length) {
    const lg = document.createElement('div');
    lg.className = 'legend';
    legend.forEach((s) => {
      const item = document.createElement('span');
      item.className = 'legend-item';
      item.style.setProperty('--c', s.color);
      if (s.dash) item.classList.add('dashed');
      item.textContent = s.name;
      lg.append(item);
    });
    host.append(lg);
  }
  return { svg };
}

/**
 * The chart on a canvas (its own size), compact: grid lines and tick labels of the y axis, tick labels of the x
 * axis, the series (dash: "4 3" as in SVG). Cheap enough to redraw every animation frame.
 */
export function lineChartCanvas(canvas, series, opts = {}) {
  const ctx = canvas.getContext('2d');
  const { width: w, height: h } = canvas;
  ctx.clearRect(0, 0, w, h);
  if (!series.some((s) => s.points.length > 1)) return;
  const { L, T, B, xt, yt, sx, sy, syClamped, series: laid } = chartLayout(series, { ...opts, compact: true, width: w, height: h });
  ctx.font = '9px system-ui, sans-serif';
  ctx.fillStyle = '#777';
  ctx.strokeStyle = '#e4e4e4';
  ctx.lineWidth = 1;
  ctx.setLineDash([]);
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  yt.values.forEach((v, k) => {
    const y = Math.round(sy(v)) + 0.5;
    ctx.beginPath(); ctx.moveTo(L, y); ctx.lineTo(w, y); ctx.stroke();
    ctx.fillText(yt.labels[k], L - 3, Math.min(h - B - 4, Math.max(T + 1, sy(v))));
  });
  ctx.textAlign = 'center';
  ctx.textBaseline = 'bottom';
  xt.values.forEach((v, k) => ctx.fillText(xt.labels[k], Math.min(w - 8, Math.max(L + 4, sx(v))), h));
  for (const s of laid) {
    if (s.points.length < 2) continue;
    ctx.beginPath();
    s.points.forEach((p, i) => { if (i === 0) ctx.moveTo(sx(p[0]), syClamped(p[1])); else ctx.lineTo(sx(p[0]), syClamped(p[1])); });
    ctx.strokeStyle = s.color;
    ctx.lineWidth = s.width || 1.5;
    ctx.setLineDash(s.dash ? s.dash.split(/[\s,]+/).map(Number) : []);
    ctx.stroke();
  }
  ctx.setLineDash([]);
}
