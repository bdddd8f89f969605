// plot: function plots.
//  {"kind": "activations", "functions": ["sigmoid", "relu"], "derivatives": true, "range": [-5, 5]}
//  {"kind": "loss-1d", "data": "boston", "x": "RM", "y": "MEDV", "w": [-2, 10], "start": 0, "steps": 10,
//   "learningRates": [1e-6, 1e-5, 5e-5]}   L(w) = Σ (w·x − y)², gradient descent drawn on the curve
//  {"kind": "margin-losses", "losses": ["zero-one", "logistic", "hinge", "perceptron"], "range": [-3, 3]}
//   classification losses as functions of the margin m = y·z (y = ±1, z = wᵀx + b)

import { activationId } from '../../shared/activations.js';
import { activationCurve, loadCatalogue } from '../../shared/spec.js';
import { COLORS, lineChart } from '../../shared/draw/chart.js';
import { el } from '../page.js';

/**
 * Losses of one example as functions of its margin m = y·z, y = ±1: 0 when far on the right side. The logistic
 * loss is in bits, log₂(1 + e^{−m}), so that it passes through (0, 1) and lies above the 0-1 loss everywhere.
 */
export const MARGIN_LOSSES = {
  'zero-one': { name: '0-1 loss', f: (m) => (m <= 0 ? 1 : 0) },
  logistic: { name: 'logistic loss log₂(1 + e^−m)', f: (m) => Math.log2(1 + Math.exp(-m)) },
  hinge: { name: 'hinge max(0, 1 − m)', f: (m) => Math.max(0, 1 - m) },
  perceptron: { name: 'perceptron max(0, −m)', f: (m) => Math.max(0, -m) },
};

export async function mount(host, cfg) {
  if (cfg.kind === 'activations') return activations(host, cfg);
  if (cfg.kind === 'loss-1d') return loss1d(host, cfg);
  if (cfg.kind === 'margin-losses') return marginLosses(host, cfg);
  throw new Error(`unknown plot kind ${JSON.stringify(cfg.kind)} (activations, loss-1d, margin-losses)`);
}

function marginLosses(host, cfg) {
  const names = cfg.losses || Object.keys(MARGIN_LOSSES);
  const unknown = names.filter((n) => !MARGIN_LOSSES[n]);
  if (unknown.length) throw new Error(`unknown loss ${unknown.join(', ')} (${Object.keys(MARGIN_LOSSES).join(', ')})`);
  const [a, b] = cfg.range || [-3, 3];
  // the 0-1 loss jumps at 0: sample both sides of the jump so that it is drawn as a step
  const xs = [...Array.from({ length: 301 }, (_, i) => a + (i / 300) * (b - a)), -1e-9, 1e-9].sort((p, q) => p - q);
  const series = names.map((n) => ({ name: MARGIN_LOSSES[n].name, points: xs.map((m) => [m, MARGIN_LOSSES[n].f(m)]),
    width: n === 'zero-one' ? 3 : 2 }));
  const chart = el('div', 'margin-chart');
  lineChart(chart, series, { xRange: [a, b], xLabel: 'margin m = y·z', yLabel: 'loss', width: 560, height: 300 });
  host.append(chart);
}

/** Each activation with its derivative side by side, as in the lecture: the engine's own values, from the server. */
async function activations(host, cfg) {
  const catalogue = await loadCatalogue();
  const known = new Map(catalogue.activations.filter((a) => a.id !== 'softmax').map((a) => [a.id, a]));
  const names = cfg.functions || [...known.keys()];
  const [a, b] = cfg.range || [-5, 5];
  const unknown = names.filter((n) => !known.has(activationId(n)));
  if (unknown.length) throw new Error(`unknown activation ${unknown.join(', ')} (${[...known.keys()].join(', ')})`);
  const curves = await Promise.all(names.map((n) => activationCurve(activationId(n), a, b, 401)));
  const grid = el('div', 'plot-grid');
  names.forEach((n, k) => {
    const curve = curves[k];
    const cell = el('figure', 'plot-cell');
    cell.dataset.activation = n;
    const chart = el('div');
    const series = [{ name: n, points: curve.z.map((z, i) => [z, curve.values[i]]) }];
    if (cfg.derivatives !== false) {
      series.push({ name: `${n}′`, points: curve.z.map((z, i) => [z, curve.derivatives[i]]), dash: '5 3', color: COLORS[1] });
    }
    lineChart(chart, series, { width: 300, height: 200, xRange: [a, b], xLabel: 'z', yLabel: cfg.derivatives !== false ? 'f(z), f′(z)' : 'f(z)' });
    cell.append(chart, el('figcaption', null, `${n}: range ${known.get(activationId(n)).range}`));
    grid.append(cell);
  });
  host.append(grid);
}

async function csv(name) {
  const res = await fetch(`/labs/data/${encodeURIComponent(name)}.csv`);
  if (!res.ok) throw new Error(`no data set ${name}`);
  const [head, ...rows] = (await res.text()).trim().split(/\r?\n/);
  const cols = head.split(',');
  return { cols, rows: rows.map((r) => r.split(',').map(Number)) };
}

/** w after each of `steps` gradient-descent steps on L(w) = Σ(w·x − y)² = w²·Sxx − 2w·Sxy + Syy. */
export function descend(Sxx, Sxy, w0, lr, steps) {
  const ws = [w0];
  for (let k = 0; k < steps; k++) { const w = ws[ws.length - 1]; ws.push(w - lr * 2 * (w * Sxx - Sxy)); }
  return ws;
}

async function loss1d(host, cfg) {
  const data = await csv(cfg.data || 'boston');
  const xi = data.cols.indexOf(cfg.x || 'RM'), yi = data.cols.indexOf(cfg.y || 'MEDV');
  if (xi < 0 || yi < 0) throw new Error(`columns ${cfg.x} / ${cfg.y} not in ${data.cols.join(', ')}`);
  let Sxx = 0, Sxy = 0, Syy = 0;
  for (const r of data.rows) { Sxx += r[xi] * r[xi]; Sxy += r[xi] * r[yi]; Syy += r[yi] * r[yi]; }
  const L = (w) => w * w * Sxx - 2 * w * Sxy + Syy;
  const [a, b] = cfg.w || [-2, 10];
  const curve = Array.from({ length: 201 }, (_, i) => { const w = a + (i / 200) * (b - a); return [w, L(w)]; });
  const ys = curve.map((p) => p[1]);
  const rates = cfg.learningRates || [1e-6, 1e-5, 5e-5];
  const steps = cfg.steps ?? 10, start = cfg.start ?? 0;
  const paths = rates.map((lr) => descend(Sxx, Sxy, start, lr, steps));
  const series = [{ name: 'L(w)', points: curve, color: '#444' }];
  paths.forEach((ws, i) => series.push({ name: `η = ${lr(rates[i])}`, points: ws.map((w) => [w, L(w)]), markers: true, width: 1, color: COLORS[i % COLORS.length] }));
  const chart = el('div', 'loss-chart');
  lineChart(chart, series, { xRange: [a, b], yRange: [0, Math.max(...ys)], xLabel: 'w', yLabel: 'L(w)', width: 560, height: 300 });
  const table = el('table', 'trajectory');
  const head = el('tr');
  head.append(el('th', null, 'step'), ...rates.map((r) => el('th', null, `w, η = ${lr(r)}`)));
  table.append(head);
  for (let k = 0; k <= steps; k++) {
    const tr = el('tr');
    tr.append(el('td', null, k), ...paths.map((ws) => el('td', null, fmt(ws[k]))));
    table.append(tr);
  }
  const best = el('p', 'best answer-part', `The minimum is at w* = Σxy / Σx² = ${fmt(Sxy / Sxx)} (${data.rows.length} examples, x = ${cfg.x || 'RM'}, y = ${cfg.y || 'MEDV'}).`);
  host.append(chart, best, table);
}

const lr = (r) => r.toExponential(0).replace('e', 'e');
const fmt = (v) => (Math.abs(v) >= 1e4 ? v.toExponential(3) : v.toFixed(4));
