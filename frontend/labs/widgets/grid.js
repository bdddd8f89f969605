// grid: a grid search over width, depth, activation and optimiser for a regression set with one input
// (the sine). {"spec": a job spec without model, "vary": {"width": [...], "depth": [...], "activation":
// [...], "optimizer": [...]}, "output": "linear"}. Runs every combination (two at a time, each followed live
// to its end), then shows
// the results table (best first), a heat map of the best test loss per width and depth, and the best fit.

import { api } from '../../shared/jobs.js';
import { pageRunner } from '../../shared/run.js';
import { denseSpec } from '../../shared/spec.js';
import { lineChart } from '../../shared/draw/chart.js';
import { el } from '../page.js';

export function mount(host, cfg) {
  if (!cfg.spec || !cfg.vary) throw new Error('a grid block needs "spec" and "vary"');
  const v = { width: [8], depth: [1], activation: ['tanh'], optimizer: ['adam'], ...cfg.vary };
  const combos = [];
  for (const width of v.width) for (const depth of v.depth) for (const activation of v.activation) for (const optimizer of v.optimizer) {
    combos.push({ width, depth, activation, optimizer });
  }
  const box = el('div', 'grid-search');
  const run = el('button', 'run', `Run the ${combos.length} combinations`);
  run.type = 'button';
  const status = el('p', 'grid-status');
  const heat = el('div', 'heatmap');
  const fit = el('div', 'best-fit');
  const table = el('table', 'grid-results');
  box.append(run, status, heat, fit, table);
  host.append(box);

  run.addEventListener('click', async () => {
    run.disabled = true;
    const results = [];
    let next = 0, done = 0;
    status.textContent = `0/${combos.length} done`;
    async function worker() {
      while (next < combos.length) {
        const c = combos[next++];
        const spec = denseSpec(cfg.spec, { ...c, output: cfg.output || 'linear' });
        try {
          const followed = await pageRunner().start(spec);
          const { status } = await followed.done;
          const last = followed.last;
          results.push({ ...c, id: followed.id, status, loss: last && last.test ? last.test.loss : NaN, params: followed.job.summary.totalParameters });
        } catch (e) {
          results.push({ ...c, status: 'FAILED', loss: NaN, error: e.message });
        }
        status.textContent = `${++done}/${combos.length} done`;
      }
    }
    await Promise.all([worker(), worker()]);
    results.sort((a, b) => (isFinite(a.loss) ? a.loss : Infinity) - (isFinite(b.loss) ? b.loss : Infinity));
    drawTable(results);
    drawHeat(results);
    await drawFit(results[0]);
    box.dataset.done = 'true';
    run.disabled = false;
  });

  function drawTable(results) {
    table.replaceChildren();
    const head = el('tr');
    ['width', 'depth', 'activation', 'optimizer', 'parameters', 'test MSE', 'status'].forEach((h) => head.append(el('th', null, h)));
    table.append(head);
    results.forEach((r, i) => {
      const tr = el('tr', i === 0 ? 'best' : '');
      [r.width, r.depth, r.activation, r.optimizer, r.params ?? '', isFinite(r.loss) ? r.loss.toFixed(4) : '–', r.status].forEach((x) => tr.append(el('td', null, x)));
      table.append(tr);
    });
  }

  function drawHeat(results) {
    const t = el('table', 'heat');
    const head = el('tr');
    head.append(el('th', null, 'depth \\ width'), ...v.width.map((w) => el('th', null, w)));
    t.append(head);
    const all = results.map((r) => r.loss).filter(isFinite);
    const lo = Math.log(Math.min(...all)), hi = Math.log(Math.max(...all));
    for (const d of v.depth) {
      const tr = el('tr');
      tr.append(el('th', null, d));
      for (const w of v.width) {
        const best = Math.min(...results.filter((r) => r.width === w && r.depth === d && isFinite(r.loss)).map((r) => r.loss));
        const td = el('td', null, isFinite(best) ? best.toFixed(4) : '–');
        if (isFinite(best)) {
          const f = hi > lo ? (Math.log(best) - lo) / (hi - lo) : 0;
          td.style.background = `hsl(${120 - 120 * f}, 70%, 80%)`;
        }
        tr.append(td);
      }
      t.append(tr);
    }
    heat.replaceChildren(el('p', null, 'Best test MSE per width and depth (over activations and optimisers; green is lower):'), t);
  }

  async function drawFit(best) {
    if (!best || !best.id || best.status !== 'SUCCEEDED') { fit.replaceChildren(); return; }
    const xs = Array.from({ length: 101 }, (_, i) => -Math.PI + (2 * Math.PI * i) / 100);
    const out = await api.predictInputs(best.id, xs.map((x) => [x]));
    const chart = el('div');
    lineChart(chart, [
      { name: 'sin(x)', points: xs.map((x) => [x, Math.sin(x)]), color: '#444', dash: '5 3' },
      { name: `best: ${best.depth}×${best.width} ${best.activation}, ${best.optimizer}`, points: xs.map((x, i) => [x, out.outputs[i][0]]) },
    ], { xLabel: 'x', yLabel: 'y', width: 560, height: 260 });
    fit.replaceChildren(chart);
  }
}
