// train: an editable job spec, a run button, Keras's summary table and progress lines, live loss and
// accuracy curves (train solid, validation dashed; each run in its own colour, runs overlaid), and the
// final test metrics; the log's lines are Keras's (`1875/1875 - 3s 2ms/step - accuracy: … - loss: …` per
// epoch, then evaluate()'s `313/313 - …` on the test split). A run that early stopping ended with its best
// weights restored shows that epoch's figures, the weights it keeps. The run button may be pressed again while runs go on: each run gets its own progress
// line and colour, at most MAX_ACTIVE run at once and the latest MAX_SHOWN stay on the charts; the stop
// button cancels every unfinished run. Other blocks of the page (digits, confusion) use the newest run's
// model. Block settings: {"name", "spec" (a job spec, docs/api.md), "fields" (which to
// show, default all), "predict" (inputs to show the trained model's outputs for), "weightNorm" (true: also
// plot the weights' norm per epoch), "logScale" (true: a log loss axis, for losses that fall by orders of
// magnitude)}.
// A classic model (the spec's model.kind: knn, tree, forest, svm, adaboost) trains the same way, each of its steps an
// epoch with its 0-1 loss; on 2-D sets the newest run's output over the plane is drawn as the server streams it, with
// its test accuracy, steps, time and adaboost's α and ε. Its default fields are the seed only (a classic model has no
// layers or optimiser).

import { api } from '../../shared/jobs.js';
import { exportButtons } from '../../shared/export.js';
import { FINAL, pageRunner, withRetryAfter } from '../../shared/run.js';
import { FIELDS, loadCatalogue, loadDefaults, specFrom } from '../../shared/spec.js';
import { COLORS, lineChart } from '../../shared/draw/chart.js';
import { el, throttled } from '../page.js';
import { epochLine, evaluateLine, keptEpoch, metricLine } from '../keras.js';
import { summaryTable } from './summary.js';
import { isClassic, onPlane, planeCard, withGrid } from './planecard.js';

export { FINAL };
/** Unfinished runs per block: below the server's default of 4 unfinished jobs per client. */
export const MAX_ACTIVE = 3;
/** Runs kept on the charts and in the table; the oldest finished one gives way. */
export const MAX_SHOWN = 6;

/** The losses' names as the charts' axes give them. */
const LOSS_NAMES = {
  mse: 'MSE', mae: 'MAE', binary_crossentropy: 'cross-entropy', sparse_categorical_crossentropy: 'cross-entropy',
  hinge: 'hinge', perceptron: 'perceptron',
};

/** A loss chart's axis title for a spec: the loss named when the spec names it. */
export function lossAxis(spec) {
  const name = spec && spec.training && LOSS_NAMES[spec.training.loss];
  return name ? `loss (${name})` : 'loss';
}

let blocks = 0;

/**
 * A form with an input per shown field, filled from `base` (else the server's defaults; choices from its
 * catalogue); spec() reads them back into a copy of it.
 */
export function specForm(base, shown, { defaults = {}, catalogue = null } = {}) {
  const form = el('form', 'train-form');
  const inputs = {};
  for (const key of shown) {
    const f = FIELDS[key];
    if (!f) throw new Error(`unknown field ${key} (${Object.keys(FIELDS).join(', ')})`);
    const label = el('label', `field field-${key}`);
    label.append(el('span', null, f.label));
    let input;
    const options = f.options && catalogue ? catalogue[f.options] : null;
    if (options) {
      input = el('select');
      options.forEach((o) => { const opt = el('option', null, o); opt.value = o; input.append(opt); });
    } else {
      input = el('input');
      input.type = 'text';
    }
    input.name = key;
    input.value = String(f.get(base, defaults));
    inputs[key] = input;
    label.append(input);
    form.append(label);
  }
  const spec = () => specFrom(base, Object.fromEntries(Object.entries(inputs).map(([k, input]) => [k, input.value])));
  return { form, spec };
}

/** What a spec form needs from the server: its defaults and catalogue (none when it cannot say). */
export async function formSettings() {
  const [defaults, catalogue] = await Promise.all([loadDefaults().catch(() => ({})), loadCatalogue().catch(() => null)]);
  return { defaults, catalogue };
}

/** The form's submit button (labelled `label`) and a Stop button, disabled until something runs. */
export function runButtons(form, label) {
  const run = el('button', 'run', label);
  run.type = 'submit';
  const stop = el('button', 'stop', 'Stop');
  stop.type = 'button';
  stop.disabled = true;
  form.append(run, stop);
  return { run, stop };
}

export async function mount(host, cfg, page) {
  if (!cfg.spec || !cfg.spec.dataset || !cfg.spec.model) throw new Error('a train block needs "spec" with dataset and model');
  const name = cfg.name || `train-${blocks++}`;
  const base = structuredClone(cfg.spec);
  base.training = base.training || {};
  const classic = isClassic(base.model);
  const shown = cfg.fields || (classic ? ['seed'] : Object.keys(FIELDS));
  const runner = pageRunner();
  const resolution = cfg.resolution || 40;
  const planes = el('div', 'classic-cards train-planes');

  const box = el('div', 'train');
  const { form, spec } = specForm(base, shown, await formSettings());
  const { run, stop } = runButtons(form, 'Train');
  const error = el('p', 'error');
  error.hidden = true;
  const summary = el('div', 'model-summary-box');
  const log = el('pre', 'keras-log');
  const progress = el('div', 'progress-lines');
  const charts = el('div', 'curves');
  const lossChart = el('div', 'loss-curve');
  const accChart = el('div', 'accuracy-curve');
  const normChart = el('div', 'norm-curve');
  charts.append(lossChart, accChart);
  if (cfg.weightNorm) charts.append(normChart);
  const results = el('table', 'results');
  results.hidden = true;
  const predictions = el('div', 'predictions');
  const runs = []; // {n, color, row, line, run (the shared Run), id, seed, spec, status, epochs, final, stopped}
  let started = 0;
  const active = () => runs.filter((r) => !r.final);
  const newest = () => runs[runs.length - 1];
  // the newest run as a Keras or PyTorch script (with its weights once it has trained an epoch)
  const exporter = exportButtons({
    jobId: async () => (newest() ? newest().id : null),
    hasWeights: () => !!newest() && newest().epochs.size > 0,
    onExported: (e) => { box.dataset.exported = e.name; },
  });
  exporter.hidden = classic; // the scripts are of networks
  box.append(form, exporter, error, summary, progress, log, planes, charts, results, predictions);
  host.append(box);

  function draw() {
    const loss = [], acc = [];
    let classifier = false;
    runs.forEach((r) => {
      const color = r.color;
      const epochs = [...r.epochs.values()].sort((a, b) => a.epoch - b.epoch);
      const series = (split, metric) => epochs.filter((e) => e[split] && e[split][metric] != null).map((e) => [e.epoch, e[split][metric]]);
      const label = `run ${r.n}`;
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
    const x = { xLabel: 'epoch', xInteger: true, xFit: [0, epochSpan(runs)] };
    lineChart(lossChart, loss, {
      ...x, yLabel: `${lossAxis((runs[runs.length - 1] || {}).spec)}${cfg.logScale ? ', log scale' : ''}`, yLog: !!cfg.logScale, title: 'loss',
    });
    if (cfg.weightNorm) {
      lineChart(normChart, runs.map((r) => ({
        name: `run ${r.n} ‖w‖`, color: r.color,
        points: [...r.epochs.values()].sort((a, b) => a.epoch - b.epoch).filter((e) => e.weightNorm != null).map((e) => [e.epoch, e.weightNorm]),
      })), { ...x, yLabel: 'weight norm ‖w‖', title: 'weight norm' });
    }
    if (classifier) lineChart(accChart, acc, { ...x, yLabel: 'accuracy (share right)', title: 'accuracy' });
    else accChart.replaceChildren();
  }

  /** A run's epochs in order, and the one whose weights it keeps (early stopping may go back to its best). */
  const ordered = (r) => [...r.epochs.values()].sort((a, b) => a.epoch - b.epoch);
  const kept = (r) => (r.final ? keptEpoch(ordered(r), r.spec) : ordered(r).pop());

  function drawResults() {
    results.replaceChildren();
    const head = el('tr');
    ['run', 'seed', 'status', 'epochs', 'test loss', 'test accuracy', 'test MAE'].forEach((h) => head.append(el('th', null, h)));
    results.append(head);
    runs.forEach((r) => {
      const last = ordered(r).pop();
      const k = kept(r);
      const t = k && k.test;
      const epochs = !last ? 0 : k.epoch === last.epoch ? last.epoch : `${last.epoch} (weights of epoch ${k.epoch})`;
      const tr = el('tr', `run-result status-${(r.status || '').toLowerCase()}`);
      [r.n, r.seed, r.status || '', epochs, t ? f4(t.loss) : '', t && t.accuracy != null ? f4(t.accuracy) : '',
        t && t.mae != null ? f4(t.mae) : ''].forEach((v) => tr.append(el('td', null, v)));
      results.append(tr);
    });
    results.hidden = !runs.length;
  }

  // epochs may come by the thousand a second (XOR, a small net): the charts, the results and the log's scroll
  // position follow at most ten times a second, so that redrawing does not fall behind and freeze the page
  const following = throttled(() => {
    draw();
    drawResults();
    log.scrollTop = log.scrollHeight;
  }, 100);

  function onEpoch(r, m) {
    if (r.card) r.card.epoch(m);
    if (r.epochs.has(m.epoch)) return;
    r.epochs.set(m.epoch, m);
    const line = epochLine(m);
    r.line.textContent = `Epoch ${m.epoch}/${m.epochs}  ${line}`;
    log.append(`${started > 1 ? `[run ${r.n}] ` : ''}Epoch ${m.epoch}/${m.epochs}\n${line}\n`);
    following.soon();
    if (r.n === started) page.trained(name, { id: r.id, spec: r.spec, final: false });
  }

  async function onFinal(r, status, why) {
    if (r.final) return;
    r.final = true;
    r.status = status;
    r.row.dataset.status = status;
    following.cancel(); // drawn now, whole: no later redraw replaces the final charts
    draw();
    drawResults();
    showStatus();
    if (status === 'CANCELLED' && r.stopped) {
      r.line.textContent += ' (stopped)';
    } else if (status !== 'SUCCEEDED') {
      error.hidden = false;
      error.textContent = `Run ${r.n} ended ${status}${why ? `: ${why}` : ''}`;
    }
    if (r.n === started) page.trained(name, { id: r.id, spec: r.spec, final: true });
    if (status === 'SUCCEEDED') logEvaluation(r);
    if (r.card && status === 'SUCCEEDED') r.card.finish(r.id, ordered(r).pop());
    if (cfg.predict && status === 'SUCCEEDED') showPredictions(r);
  }

  /**
   * Keras's lines after fit(): early stopping's, then evaluate()'s on the test split. A classifier's test split is
   * evaluated by the server (its size gives the batches of 32; the time is that request's); a regression's line
   * has the kept epoch's test metrics only.
   */
  async function logEvaluation(r) {
    const last = ordered(r).pop();
    const k = kept(r);
    if (!k || !k.test) return;
    const prefix = started > 1 ? `[run ${r.n}] ` : '';
    if (last.stopReason === 'EARLY_STOPPED') log.append(`${prefix}Epoch ${last.epoch}: early stopping\n`);
    if (k.epoch !== last.epoch) log.append(`${prefix}Restoring model weights from the end of the best epoch: ${k.epoch}.\n`);
    let line = `test - ${metricLine(k.test)}`;
    if (k.test.accuracy != null) {
      try {
        let took = null; // the answering request's time, not the waits of a busy server
        const e = await withRetryAfter(async () => {
          const began = performance.now();
          const answer = await api.evaluation(r.id, 0, 'test');
          took = (performance.now() - began) / 1000;
          return answer;
        }, { retries: 2, when: (err) => err.status === 503 });
        line = evaluateLine(e.examples, took, { accuracy: e.accuracy, loss: k.test.loss });
      } catch (err) {
        // the server is busy with others' evaluations: the metrics without the batches
      }
    }
    log.append(`${prefix}${line}\n`);
    log.dataset.evaluated = String(r.n);
    log.scrollTop = log.scrollHeight; // the test line in view, as the epochs' lines were
  }

  async function showPredictions(r) {
    const out = await api.predictInputs(r.id, cfg.predict);
    const table = el('table', 'prediction-table');
    const head = el('tr');
    ['input', 'output'].forEach((h) => head.append(el('th', null, h)));
    table.append(head);
    cfg.predict.forEach((x, i) => {
      const tr = el('tr');
      tr.append(el('td', null, `(${x.join(', ')})`), el('td', null, (out.outputs[i] || []).map((v) => f4(v)).join(', ')));
      table.append(tr);
    });
    predictions.replaceChildren(el('p', null, `Run ${r.n}: the trained network on these inputs`), table);
  }

  /** What the shared run tells about one of this block's runs. */
  const handlers = (r) => ({
    epoch: (m) => onEpoch(r, m),
    progress: (m) => {
      r.line.textContent = `Epoch ${m.epoch}/${r.spec.training.epochs ?? ''}  ${m.batch}/${m.batches}${m.runningLoss != null ? ` - loss: ${f4(m.runningLoss)}` : ''}`;
    },
    status: (m) => { r.status = m.status; drawResults(); },
    // the job started over on another server instance: its chart starts again too
    restart: (notice) => {
      r.epochs.clear();
      r.line.textContent = notice;
      log.append(`${started > 1 ? `[run ${r.n}] ` : ''}${notice}\n`);
      draw();
    },
    final: (status, why) => onFinal(r, status, why),
  });

  /** RUNNING while any run goes on, else the latest run's final status. */
  function showStatus() {
    const going = active().length;
    box.dataset.status = going ? 'RUNNING' : (runs[runs.length - 1] || {}).status || '';
    box.dataset.active = String(going);
    stop.disabled = !going;
  }

  /** Past MAX_SHOWN runs the oldest finished one leaves the charts, the table and the progress lines. */
  function makeRoom() {
    while (runs.length > MAX_SHOWN) {
      const old = runs.find((r) => r.final);
      if (!old) return;
      runs.splice(runs.indexOf(old), 1);
      old.row.remove();
    }
  }

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    error.hidden = true;
    if (active().length >= MAX_ACTIVE) {
      error.hidden = false;
      error.textContent = `${MAX_ACTIVE} runs are going on already: wait for one to end, or stop them.`;
      return;
    }
    run.disabled = true;
    try {
      const s = classic && onPlane(base) ? withGrid(spec(), resolution) : spec();
      const r = { epochs: new Map(), final: false };
      if (classic && onPlane(s)) {
        planes.replaceChildren();
        r.card = planeCard(planes, `run ${started + 1}`, resolution);
      }
      const followed = await runner.start(s, handlers(r));
      adopt(r, followed);
      if (page.ran) page.ran(host.dataset.index, followed.job.id);
    } catch (err) {
      error.hidden = false;
      error.textContent = err.message;
    } finally {
      run.disabled = false;
    }
  });

  /** A run of this block, submitted now or followed again after a reload: its line, colour, log and charts. */
  function adopt(r, followed) {
    const job = followed.job;
    const n = ++started;
    const row = el('div', 'run-progress');
    const color = COLORS[(n - 1) % COLORS.length];
    row.style.setProperty('--c', color);
    row.dataset.run = String(n);
    const line = el('span', 'progress-line', 'queued…');
    row.append(el('span', 'run-label', `run ${n}`), line);
    progress.append(row);
    Object.assign(r, { n, color, row, line, run: followed, id: job.id, seed: job.seed, spec: followed.spec, status: job.status });
    if (r.card) r.card.follow(job.id);
    runs.push(r);
    makeRoom();
    box.dataset.runs = String(started);
    box.dataset.jobId = job.id;
    showStatus();
    summaryTable(summary, job.summary);
    log.append(`${started > 1 ? '\n' : ''}Run ${n} (seed ${job.seed})\n`);
    drawResults();
    draw();
  }

  /** The block's last job before a reload: followed again while it runs, shown finished once it has ended. */
  async function resume(id) {
    try {
      const job = await api.get(id);
      const r = { epochs: new Map(), final: false };
      adopt(r, runner.follow({ ...job, spec: job.spec }, handlers(r)));
      box.dataset.restored = job.id;
    } catch { /* the job is gone (expired, or another visitor's): the block starts empty */ }
  }

  const last = page.savedRun ? page.savedRun(host.dataset.index) : undefined;
  if (last) await resume(last);

  stop.addEventListener('click', () => {
    for (const r of active()) {
      r.stopped = true;
      r.run.cancel().catch((err) => { error.hidden = false; error.textContent = err.message; });
    }
  });
  draw();
}

/**
 * The epochs the charts span: a run still going to its planned last epoch, so the axis shows how far it has
 * come; a run that ended (stopped, early-stopped) to its last epoch.
 */
export function epochSpan(runs) {
  return Math.max(1, ...runs.map((r) => (r.final ? 0 : (r.spec.training || {}).epochs || 0)), ...runs.flatMap((r) => [...r.epochs.keys()]));
}

const f4 = (v) => (v == null || !isFinite(v) ? String(v) : Number(v).toFixed(4));
