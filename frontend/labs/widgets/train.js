// train: an editable job spec, a run button, Keras's summary table and progress lines, live loss and
// accuracy curves (train solid, validation dashed; each run in its own colour, runs overlaid), and the
// final test metrics. Block settings: {"name", "spec" (a job spec, docs/api.md), "fields" (which to
// show, default all), "predict" (inputs to show the trained model's outputs for), "weightNorm" (true: also
// plot the weights' norm per epoch)}.

import { api, liveClient } from '../../playground/api.js';
import { el } from '../page.js';
import { COLORS, lineChart } from '../chart.js';

const OPTIMIZERS = ['sgd', 'momentum', 'adam', 'rmsprop'];
const FINAL = ['SUCCEEDED', 'FAILED', 'CANCELLED', 'INTERRUPTED'];

const optInt = (s) => (s.trim() === '' ? undefined : Number.isInteger(Number(s)) ? Number(s) : NaN);

/** Every editable setting, declared once: where it sits in the spec, how it reads from and writes to text. */
const FIELDS = {
  dataset: { label: 'Data set', get: (s) => s.dataset.name, set: (s, v) => { s.dataset.name = v.trim(); } },
  trainLimit: {
    label: 'Training examples (empty = all)', get: (s) => s.dataset.trainLimit ?? '',
    set: (s, v) => { const n = optInt(v); if (n === undefined) delete s.dataset.trainLimit; else s.dataset.trainLimit = n; },
  },
  layers: {
    label: 'Layers (units activation, …)',
    get: (s) => s.model.layers.map((l) => `${l.units} ${l.activation || 'linear'}`).join(', '),
    set: (s, v) => {
      const old = s.model.layers;
      s.model.layers = v.split(',').map((part, i) => {
        const [units, activation] = part.trim().split(/\s+/);
        const layer = { ...(old[i] || {}), units: Number(units) };
        if (activation) layer.activation = activation;
        return layer;
      });
      if (JSON.stringify(old.map((l) => l.units)) !== JSON.stringify(s.model.layers.map((l) => l.units))) delete s.model.weights;
    },
  },
  optimizer: { label: 'Optimizer', options: OPTIMIZERS, get: (s) => s.training.optimizer || 'sgd', set: (s, v) => { s.training.optimizer = v; } },
  learningRate: { label: 'Learning rate', get: (s) => s.training.learningRate ?? 0.01, set: (s, v) => { s.training.learningRate = Number(v); } },
  epochs: { label: 'Epochs', get: (s) => s.training.epochs ?? 10, set: (s, v) => { s.training.epochs = Number(v); } },
  batchSize: { label: 'Batch size', get: (s) => s.training.batchSize ?? 32, set: (s, v) => { s.training.batchSize = Number(v); } },
  seed: {
    label: 'Seed (empty = new each run)', get: (s) => s.seed ?? '',
    set: (s, v) => { const n = optInt(v); if (n === undefined) delete s.seed; else s.seed = n; },
  },
};

let blocks = 0;

export function mount(host, cfg, page) {
  if (!cfg.spec || !cfg.spec.dataset || !cfg.spec.model) throw new Error('a train block needs "spec" with dataset and model');
  const name = cfg.name || `train-${blocks++}`;
  const base = structuredClone(cfg.spec);
  base.training = base.training || {};
  const shown = cfg.fields || Object.keys(FIELDS);

  const box = el('div', 'train');
  const form = el('form', 'train-form');
  const inputs = {};
  for (const key of shown) {
    const f = FIELDS[key];
    if (!f) throw new Error(`unknown field ${key} (${Object.keys(FIELDS).join(', ')})`);
    const label = el('label', `field field-${key}`);
    label.append(el('span', null, f.label));
    let input;
    if (f.options) {
      input = el('select');
      f.options.forEach((o) => { const opt = el('option', null, o); opt.value = o; input.append(opt); });
    } else {
      input = el('input');
      input.type = 'text';
    }
    input.name = key;
    input.value = String(f.get(base));
    inputs[key] = input;
    label.append(input);
    form.append(label);
  }
  const run = el('button', 'run', 'Train');
  run.type = 'submit';
  form.append(run);
  const error = el('p', 'error');
  error.hidden = true;
  const summary = el('div', 'model-summary-box');
  const log = el('pre', 'keras-log');
  const progress = el('div', 'progress-line');
  const charts = el('div', 'curves');
  const lossChart = el('div', 'loss-curve');
  const accChart = el('div', 'accuracy-curve');
  const normChart = el('div', 'norm-curve');
  charts.append(lossChart, accChart);
  if (cfg.weightNorm) charts.append(normChart);
  const results = el('table', 'results');
  results.hidden = true;
  const predictions = el('div', 'predictions');
  box.append(form, error, summary, progress, log, charts, results, predictions);
  host.append(box);

  const runs = [];

  function spec() {
    const s = structuredClone(base);
    for (const [key, input] of Object.entries(inputs)) FIELDS[key].set(s, input.value);
    return s;
  }

  function draw() {
    const loss = [], acc = [];
    let classifier = false;
    runs.forEach((r, i) => {
      const color = COLORS[i % COLORS.length];
      const epochs = [...r.epochs.values()].sort((a, b) => a.epoch - b.epoch);
      const series = (split, metric) => epochs.filter((e) => e[split] && e[split][metric] != null).map((e) => [e.epoch, e[split][metric]]);
      const label = `run ${i + 1}`;
      const trainLoss = series('train', 'loss');
      const valLoss = series('validation', 'loss');
      loss.push({ name: `${label} train`, points: trainLoss, color, markers: trainLoss.length === 1 });
      if (valLoss.length) loss.push({ name: `${label} validation`, points: valLoss, color, dash: '5 3', markers: valLoss.length === 1 });
      const trainAcc = series('train', 'accuracy');
      const valAcc = series('validation', 'accuracy');
      if (trainAcc.length || valAcc.length) classifier = true;
      if (trainAcc.length) acc.push({ name: `${label} train`, points: trainAcc, color, markers: trainAcc.length === 1 });
      if (valAcc.length) acc.push({ name: `${label} validation`, points: valAcc, color, dash: '5 3', markers: valAcc.length === 1 });
    });
    lineChart(lossChart, loss, { xLabel: 'epoch', yLabel: 'loss', title: 'loss' });
    if (cfg.weightNorm) {
      lineChart(normChart, runs.map((r, i) => ({
        name: `run ${i + 1} ‖w‖`, color: COLORS[i % COLORS.length],
        points: [...r.epochs.values()].sort((a, b) => a.epoch - b.epoch).filter((e) => e.weightNorm != null).map((e) => [e.epoch, e.weightNorm]),
      })), { xLabel: 'epoch', yLabel: 'weight norm', title: 'weight norm' });
    }
    if (classifier) lineChart(accChart, acc, { xLabel: 'epoch', yLabel: 'accuracy', title: 'accuracy' });
    else accChart.replaceChildren();
  }

  function drawResults() {
    results.replaceChildren();
    const head = el('tr');
    ['run', 'seed', 'status', 'epochs', 'test loss', 'test accuracy', 'test MAE'].forEach((h) => head.append(el('th', null, h)));
    results.append(head);
    runs.forEach((r, i) => {
      const last = [...r.epochs.values()].sort((a, b) => a.epoch - b.epoch).pop();
      const t = last && last.test;
      const tr = el('tr', `run-result status-${(r.status || '').toLowerCase()}`);
      [i + 1, r.seed, r.status || '', last ? last.epoch : 0, t ? f4(t.loss) : '', t && t.accuracy != null ? f4(t.accuracy) : '',
        t && t.mae != null ? f4(t.mae) : ''].forEach((v) => tr.append(el('td', null, v)));
      results.append(tr);
    });
    results.hidden = !runs.length;
  }

  function kerasLine(m) {
    const parts = [`${m.steps}/${m.steps}`];
    const add = (prefix, x) => {
      if (!x) return;
      if (x.accuracy != null) parts.push(`${prefix}accuracy: ${f4(x.accuracy)}`);
      if (x.loss != null) parts.push(`${prefix}loss: ${f4(x.loss)}`);
      if (x.mae != null) parts.push(`${prefix}mae: ${f4(x.mae)}`);
    };
    add('', m.train);
    add('val_', m.validation);
    return parts.join(' - ');
  }

  function onEpoch(r, m) {
    if (r.epochs.has(m.epoch)) return;
    r.epochs.set(m.epoch, m);
    const line = kerasLine(m);
    progress.textContent = `Epoch ${m.epoch}/${m.epochs}  ${line}`;
    log.textContent += `Epoch ${m.epoch}/${m.epochs}\n${line}\n`;
    log.scrollTop = log.scrollHeight;
    draw();
    drawResults();
    page.trained(name, { id: r.id, spec: r.spec, final: false });
  }

  async function onFinal(r, status, why) {
    if (r.final) return;
    r.final = true;
    r.status = status;
    drawResults();
    box.dataset.status = status;
    run.disabled = false;
    if (status !== 'SUCCEEDED') {
      error.hidden = false;
      error.textContent = `Run ${runs.indexOf(r) + 1} ended ${status}${why ? `: ${why}` : ''}`;
    } else {
      const last = [...r.epochs.values()].sort((a, b) => a.epoch - b.epoch).pop();
      if (last && last.test) log.textContent += `test - ${kerasLine({ steps: '', train: last.test }).replace(/^\/ - /, '')}\n`;
    }
    page.trained(name, { id: r.id, spec: r.spec, final: true });
    if (cfg.predict && status === 'SUCCEEDED') showPredictions(r);
  }

  async function showPredictions(r) {
    const res = await fetch(`/api/jobs/${r.id}/predict`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ inputs: cfg.predict }),
    });
    const out = await res.json();
    const table = el('table', 'prediction-table');
    const head = el('tr');
    ['input', 'output'].forEach((h) => head.append(el('th', null, h)));
    table.append(head);
    cfg.predict.forEach((x, i) => {
      const tr = el('tr');
      tr.append(el('td', null, `(${x.join(', ')})`), el('td', null, (out.outputs[i] || []).map((v) => f4(v)).join(', ')));
      table.append(tr);
    });
    predictions.replaceChildren(el('p', null, `Run ${runs.indexOf(r) + 1}: the trained network on these inputs`), table);
  }

  const live = liveClient({
    message(m) {
      const r = runs.find((x) => x.id === m.jobId);
      if (!r) return;
      if (m.type === 'epoch') onEpoch(r, m);
      else if (m.type === 'progress') progress.textContent = `Epoch ${m.epoch}/${r.spec.training.epochs ?? ''}  ${m.batch}/${m.batches}${m.runningLoss != null ? ` - loss: ${f4(m.runningLoss)}` : ''}`;
      else if (m.type === 'status') {
        r.status = m.status;
        drawResults();
        if (FINAL.includes(m.status)) onFinal(r, m.status, m.error);
      }
    },
    snapshot(snap) {
      const r = runs[runs.length - 1];
      if (!r) return;
      (snap.history || []).forEach((m) => onEpoch(r, m));
      const st = snap.status && (snap.status.status || snap.status);
      if (typeof st === 'string' && FINAL.includes(st)) onFinal(r, st, snap.error || (snap.status && snap.status.error));
    },
    connected() {},
  });

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    error.hidden = true;
    run.disabled = true;
    try {
      const s = spec();
      const job = await api.submit(s);
      const r = { id: job.id, seed: job.seed, spec: job.spec || s, status: job.status, epochs: new Map(), final: false };
      runs.push(r);
      box.dataset.status = 'RUNNING';
      box.dataset.runs = String(runs.length);
      box.dataset.jobId = job.id;
      summaryTable(summary, job.summary);
      log.textContent += `${runs.length > 1 ? '\n' : ''}Run ${runs.length} (seed ${job.seed})\n`;
      progress.textContent = 'queued…';
      drawResults();
      live.follow(job.id);
    } catch (err) {
      run.disabled = false;
      error.hidden = false;
      error.textContent = err.message;
    }
  });
  draw();
}

function summaryTable(host, summary) {
  host.replaceChildren();
  if (!summary) return;
  const t = el('table', 'model-summary');
  const head = el('tr');
  ['Layer (type)', 'Output Shape', 'Param #'].forEach((h) => head.append(el('th', null, h)));
  t.append(head);
  for (const r of summary.rows) {
    const tr = el('tr');
    tr.append(el('td', null, `${r.name} (Dense)`), el('td', null, r.outputShape), el('td', 'num', r.parameters.toLocaleString('en-US')));
    t.append(tr);
  }
  const total = el('tr', 'total');
  const td = el('td', null, `Total params: ${summary.totalParameters.toLocaleString('en-US')}`);
  td.colSpan = 3;
  total.append(td);
  t.append(total);
  host.append(t);
}

const f4 = (v) => (v == null || !isFinite(v) ? String(v) : Number(v).toFixed(4));
