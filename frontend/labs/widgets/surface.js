// surface: optimisers' paths side by side on a 2-D loss surface, computed by the server's own optimiser code.
//  {"surface": "saddle", "surfaces": ["saddle", "rosenbrock"], "optimizers": ["sgd", "momentum", "rmsprop", "adam"],
//   "learningRate": 0.05, "beta": 0.9, "steps": 100, "start": [-1.8, 0.001]}
// The learning rate and β are sliders; each change asks the server again (POST /api/surfaces/{name}/paths).
// β is momentum's μ, RMSProp's ρ and Adam's β₁ (β₂ stays 0.999).

import { send } from '../../shared/http.js';
import { COLORS, chartLayout, lineChart } from '../../shared/draw/chart.js';
import { paintCells } from '../../shared/draw/heatmap.js';
import { el } from '../page.js';

const NS = 'http://www.w3.org/2000/svg';
const NAMES = { sgd: 'gradient descent', momentum: 'momentum', rmsprop: 'RMSProp', adam: 'Adam' };
const GRID = 121;
const BANDS = 14;

/** The request body for these settings: one run per optimiser, β given to the one parameter it stands for. */
export function pathRequest(optimizers, learningRate, beta, steps, start) {
  const runs = optimizers.map((optimizer) => {
    const run = { optimizer, learningRate };
    if (optimizer === 'momentum') run.momentum = beta;
    if (optimizer === 'rmsprop') run.rho = beta;
    if (optimizer === 'adam') run.beta1 = beta;
    return run;
  });
  const body = { runs, steps, grid: GRID };
  if (start) body.start = start;
  return body;
}

/** Slider position 0..100 ↔ learning rate 10⁻⁴..1 on a log scale. */
const rateAt = (pos) => Number((10 ** (-4 + (4 * pos) / 100)).toPrecision(2));
const posOf = (rate) => Math.round(((Math.log10(rate) + 4) / 4) * 100);

export async function mount(host, cfg) {
  const optimizers = cfg.optimizers || ['sgd', 'momentum', 'rmsprop', 'adam'];
  const choices = cfg.surfaces || [cfg.surface || 'saddle'];
  const state = { surface: cfg.surface || choices[0], learningRate: cfg.learningRate ?? 0.05, beta: cfg.beta ?? 0.9 };
  const steps = cfg.steps ?? 100;

  const controls = el('div', 'surface-controls');
  let select = null;
  if (choices.length > 1) {
    select = el('select', 'surface-choice');
    choices.forEach((c) => { const o = el('option', null, c); o.value = c; select.append(o); });
    select.value = state.surface;
    controls.append(labelled('surface', select));
  }
  const rate = slider(0, 100, 1, posOf(state.learningRate), 'learning-rate');
  const rateText = el('output', null, state.learningRate);
  const beta = slider(0, 0.99, 0.01, state.beta, 'beta');
  const betaText = el('output', null, state.beta);
  controls.append(labelled('learning rate η', rate, rateText), labelled('β (μ, ρ, β₁)', beta, betaText));
  const plot = el('div', 'surface-plot');
  const losses = el('div', 'surface-losses');
  const table = el('table', 'results surface-results');
  const status = el('p', 'surface-status');
  host.append(controls, plot, losses, table, status);
  host.dataset.fetches = '0';

  let latest = 0;
  async function refresh() {
    const ask = ++latest;
    status.textContent = 'computing…';
    try {
      const body = pathRequest(optimizers, state.learningRate, state.beta, steps, state.surface === (cfg.surface || choices[0]) ? cfg.start : null);
      const answer = await send('POST', `/api/surfaces/${encodeURIComponent(state.surface)}/paths`, body);
      if (ask !== latest) return;
      draw(answer);
      status.textContent = '';
      host.dataset.fetches = String(Number(host.dataset.fetches) + 1);
      host.dataset.learningRate = String(state.learningRate);
      host.dataset.beta = String(state.beta);
    } catch (e) {
      if (ask === latest) status.textContent = `The server could not compute the paths: ${e.message}`;
    }
  }

  function draw(answer) {
    const [x0, x1, y0, y1] = answer.surface.domain;
    const series = answer.paths.map((p, i) => ({
      name: `${NAMES[p.optimizer] || p.optimizer}`, color: COLORS[i % COLORS.length],
      points: p.x.map((x, k) => [x, p.y[k]]),
    }));
    series.push({ name: 'start', color: '#000', markers: true, points: [answer.start] });
    answer.surface.minima.forEach((m, i) => series.push({ name: i === 0 ? 'minimum' : '', color: '#ff7f0e', markers: true, points: [m] }));
    const opts = { xRange: [x0, x1], yRange: [y0, y1], xLabel: 'x', yLabel: 'y', width: 560, height: 420,
      title: answer.surface.formula };
    const { svg } = lineChart(plot, series, opts);
    contours(svg, answer.grid, chartLayout(series, opts));
    plot.querySelector('.legend')?.prepend(el('span', 'formula', answer.surface.formula));
    lineChart(losses, answer.paths.map((p, i) => ({ name: NAMES[p.optimizer] || p.optimizer, color: COLORS[i % COLORS.length],
      points: p.loss.map((v, k) => [k, v]) })), { xLabel: 'step', yLabel: 'f(x, y)', width: 560, height: 220, xInteger: true });

    table.replaceChildren();
    const head = el('tr');
    ['optimiser', 'η', 'β', `after ${answer.steps} steps (x, y)`, 'f', ''].forEach((h) => head.append(el('th', null, h)));
    table.append(head);
    answer.paths.forEach((p) => {
      const k = p.x.length - 1;
      const tr = el('tr');
      tr.dataset.optimizer = p.optimizer;
      tr.dataset.x = p.x[k];
      tr.dataset.y = p.y[k];
      tr.dataset.loss = p.loss[k];
      const b = { momentum: p.momentum, rmsprop: p.rho, adam: p.beta1 }[p.optimizer];
      tr.append(el('td', null, NAMES[p.optimizer] || p.optimizer), el('td', null, p.learningRate), el('td', null, b ?? '—'),
        el('td', null, `(${fmt(p.x[k])}, ${fmt(p.y[k])})`), el('td', null, fmt(p.loss[k])),
        el('td', null, p.diverged ? `diverged at step ${p.diverged}` : ''));
      table.append(tr);
    });
  }

  rate.addEventListener('input', () => { rateText.textContent = rateAt(Number(rate.value)); });
  rate.addEventListener('change', () => { state.learningRate = rateAt(Number(rate.value)); refresh(); });
  beta.addEventListener('input', () => { betaText.textContent = beta.value; });
  beta.addEventListener('change', () => { state.beta = Number(beta.value); refresh(); });
  if (select) select.addEventListener('change', () => { state.surface = select.value; refresh(); });
  await refresh();
}

/** The surface as filled contour bands of log(1 + f − min f), under the paths, in the chart's plot area. */
function contours(svg, grid, { L, T, W, H, R, B }) {
  if (!grid) return;
  const n = grid.xs.length;
  const flat = grid.values.flat();
  const lo = Math.min(...flat), hi = Math.max(...flat);
  const level = (v) => Math.floor((Math.log1p(v - lo) / Math.log1p(hi - lo)) * BANDS);
  const canvas = paintCells(document.createElement('canvas'), n, (i, r, c) => {
    const j = n - 1 - r; // row 0 at the top is the largest y
    const band = level(grid.values[j][c]);
    const edge = (c + 1 < n && level(grid.values[j][c + 1]) !== band) || (j + 1 < n && level(grid.values[j + 1][c]) !== band);
    const t = band / BANDS;
    return edge ? [120, 120, 120] : [Math.round(250 - 150 * t), Math.round(250 - 110 * t), Math.round(255 - 60 * t)];
  });
  const image = document.createElementNS(NS, 'image');
  Object.entries({ x: L, y: T, width: W - L - R, height: H - T - B, preserveAspectRatio: 'none', class: 'contours',
    href: canvas.toDataURL() }).forEach(([k, v]) => image.setAttribute(k, v));
  svg.querySelector('.plot-area').after(image);
}

function slider(min, max, step, value, name) {
  const s = el('input');
  Object.assign(s, { type: 'range', min, max, step, value });
  s.name = name;
  return s;
}

function labelled(text, ...parts) {
  const l = el('label', 'surface-field', `${text} `);
  l.append(...parts);
  return l;
}

const fmt = (v) => (Math.abs(v) >= 1e4 || (Math.abs(v) < 1e-3 && v !== 0) ? v.toExponential(2) : v.toFixed(3));
