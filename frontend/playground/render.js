// The playground's own drawing: data points, the input features' maps, the network's links, the loss chart.
// Colours, heat maps and the line chart are the shared ones (shared/draw).

import { CLASS_COLORS, MIDDLE, color } from '../shared/draw/colors.js';
import { lineChartCanvas } from '../shared/draw/chart.js';
import { linearTicks } from '../shared/draw/ticks.js';

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
/** Points drawn per curve at most: a 300 px chart shows no more. */
const MAX_SHOWN = 600;

/** Every k-th epoch of a run (and its last), as [index, value] points of one key. */
function curve(rows, key) {
  const stride = Math.max(1, Math.ceil(rows.length / MAX_SHOWN));
  const out = [];
  for (let i = 0; i < rows.length; i += stride) out.push([i, rows[i][key] ?? 0]);
  if ((rows.length - 1) % stride) out.push([rows.length - 1, rows[rows.length - 1][key] ?? 0]);
  return out;
}

/**
 * Train (grey) and test (black) loss over the epochs; a pinned run's, if given, dashed in red beside them,
 * on the same axes (epochs up to the longer run, counted from the chart's first, loss from 0 up to the round
 * tick above the larger maximum). Drawn by the shared line chart, on the page's canvas.
 */
export function drawLossChart(canvas, history, pinned = null) {
  const runs = [history, pinned].filter((r) => r && r.length >= 2);
  let max = 0;
  for (const r of runs) for (const e of r) max = Math.max(max, e.train ?? 0, e.test ?? 0);
  if (!runs.length || !(max > 0)) { lineChartCanvas(canvas, []); return; }
  const length = Math.max(...runs.map((r) => r.length));
  const series = [];
  if (history && history.length >= 2) {
    series.push({ points: curve(history, 'train'), color: '#999' }, { points: curve(history, 'test'), color: '#000' });
  }
  // dashed on top: where the runs agree, both show
  if (pinned && pinned.length >= 2) {
    series.push({ points: curve(pinned, 'train'), color: PINNED_TRAIN, dash: '4 3' }, { points: curve(pinned, 'test'), color: PINNED_TEST, dash: '4 3' });
  }
  lineChartCanvas(canvas, series, { xRange: [0, length - 1], xInteger: true, yRange: [0, linearTicks(0, max, { count: 2 }).hi] });
}

/**
 * A link's curve, as the cubic Bézier's four points. It bends after the middle of its run (not point-symmetric),
 * so two links that swap rows cross away from their midpoints.
 */
export function linkCurve(l) {
  const bend = l.x1 + 0.75 * (l.x2 - l.x1);
  return [[l.x1, l.y1], [bend, l.y1], [bend, l.y2], [l.x2, l.y2]];
}

function bezier([p0, p1, p2, p3], t) {
  const u = 1 - t;
  const a = u * u * u; const b = 3 * u * u * t; const c = 3 * u * t * t; const d = t * t * t;
  return [a * p0[0] + b * p1[0] + c * p2[0] + d * p3[0], a * p0[1] + b * p1[1] + c * p2[1] + d * p3[1]];
}

const SAMPLES = 96;
/** Links passing within this many px of the nearest one count as under the pointer too. */
const TIE = 1.5;

function distanceToSegment([px, py], [ax, ay], [bx, by]) {
  const dx = bx - ax; const dy = by - ay;
  const t = dx || dy ? Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy))) : 0;
  return Math.hypot(px - ax - t * dx, py - ay - t * dy);
}

/** A link's distance to a point, and the point halfway along its length. */
function measure(l, point) {
  const curve = linkCurve(l);
  const samples = [curve[0]];
  const lengths = [0];
  let distance = Infinity;
  for (let i = 1; i <= SAMPLES; i++) {
    const next = bezier(curve, i / SAMPLES);
    const previous = samples[i - 1];
    distance = Math.min(distance, distanceToSegment(point, previous, next));
    lengths.push(lengths[i - 1] + Math.hypot(next[0] - previous[0], next[1] - previous[1]));
    samples.push(next);
  }
  const half = lengths[SAMPLES] / 2;
  let i = 1;
  while (lengths[i] < half) i++;
  const f = (half - lengths[i - 1]) / (lengths[i] - lengths[i - 1] || 1);
  const middle = [0, 1].map((k) => samples[i - 1][k] + f * (samples[i][k] - samples[i - 1][k]));
  return { distance, middle };
}

/**
 * The link under a point (in the links' coordinates): the one passing nearest to it; where several pass within
 * TIE px of that (they cross or run side by side there), the one whose middle is nearest, so that a click on a
 * link's middle opens that link. Returns {link, distance} or null for no links.
 */
export function nearestLink(links, point) {
  const measured = links.map((link) => ({ link, ...measure(link, point) }));
  if (!measured.length) return null;
  const closest = Math.min(...measured.map((m) => m.distance));
  const away = (m) => Math.hypot(m.middle[0] - point[0], m.middle[1] - point[1]);
  const best = measured.filter((m) => m.distance <= closest + TIE).reduce((a, b) => (away(b) < away(a) ? b : a));
  return { link: best.link, distance: best.distance };
}

/** Half the width, in px, around a link's line where a click still counts as on it. */
export const LINK_HIT = 5;

/**
 * Links: width by |weight|, colour by sign, in an SVG behind the nodes. Each drawn line has a wide invisible
 * stroke under it to click (at least 2 × LINK_HIT px whatever the weight); a click goes to the link nearest to
 * it, so where links cross or touch the one under the pointer opens. The elements are kept from one drawing to
 * the next (only their attributes change), so a click during training lands on the element it began on.
 */
export function drawLinks(svg, links, onClick) {
  const ns = 'http://www.w3.org/2000/svg';
  svg.links = links;
  if (!svg.linkClicks && onClick) {
    svg.linkClicks = true;
    svg.addEventListener('click', (e) => {
      const box = svg.getBoundingClientRect();
      const found = nearestLink(svg.links, [e.clientX - box.left, e.clientY - box.top]);
      if (found && found.distance <= LINK_HIT + 4) onClick(found.link, e);
    });
  }
  const groups = svg.querySelectorAll('g.link-pair');
  for (let i = links.length; i < groups.length; i++) groups[i].remove();
  links.forEach((l, i) => {
    let g = groups[i];
    if (!g) {
      g = document.createElementNS(ns, 'g');
      g.setAttribute('class', 'link-pair');
      const line = document.createElementNS(ns, 'path');
      line.setAttribute('class', 'link-line');
      line.setAttribute('fill', 'none');
      const hit = document.createElementNS(ns, 'path');
      hit.setAttribute('class', 'link');
      hit.setAttribute('fill', 'none');
      hit.setAttribute('stroke', 'transparent');
      hit.setAttribute('stroke-width', String(2 * LINK_HIT));
      hit.append(document.createElementNS(ns, 'title'));
      g.append(line, hit);
      svg.append(g);
    }
    const [line, hit] = g.children;
    const [p0, p1, p2, p3] = linkCurve(l);
    const d = `M${p0[0]},${p0[1]} C${p1[0]},${p1[1]} ${p2[0]},${p2[1]} ${p3[0]},${p3[1]}`;
    const [r, gr, b] = color(Math.tanh(l.weight));
    line.setAttribute('d', d);
    line.setAttribute('stroke', `rgb(${r},${gr},${b})`);
    line.setAttribute('stroke-width', String(Math.min(8, 1 + Math.abs(l.weight) * 2).toFixed(2))); // at least 1 px: a small weight stays visible
    hit.setAttribute('d', d);
    hit.dataset.layer = String(l.layer);
    hit.dataset.input = String(l.input);
    hit.dataset.unit = String(l.unit);
    hit.firstChild.textContent = `weight ${l.weight.toFixed(3)}`;
  });
}
