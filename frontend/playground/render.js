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
