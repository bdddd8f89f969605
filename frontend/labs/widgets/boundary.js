// boundary: a 2-D classifier trained one epoch at a time, its decision boundary drawn after every epoch.
// {"spec": a job spec for a 2-D set (separable, xor, playground), "delay": ms between epochs (150),
//  "resolution": heat-map cells per side (40)}
// The job starts paused; the widget steps it epoch by epoch (each paused epoch's message carries the weights
// and the output over the plane), draws the points, the output as a heat map and, for a single unit, its
// line w₁x₁ + w₂x₂ + b = 0. A slider goes back over the epochs seen; pause stops the stepping.

import { api } from '../../shared/jobs.js';
import { isFinal, pageRunner, untilReady } from '../../shared/run.js';
import { epochsOf, liveOutputSpec, loadDefaults } from '../../shared/spec.js';
import { lineChart } from '../../shared/draw/chart.js';
import { color, css } from '../../shared/draw/colors.js';
import { drawOver } from '../../shared/draw/heatmap.js';
import { el } from '../page.js';

const SIDE = 360;
const EPOCH_WAIT_MS = 4000; // after this long without the epoch's message, fetch it over REST instead

/** The norm of all kernels, biases left out (as the epoch messages' weightNorm). */
export function kernelNorm(weights) {
  return Math.sqrt(weights.kernels.flat(2).reduce((s, v) => s + v * v, 0));
}

/**
 * A single unit's boundary in the data's own units: z = Σ wᵢ·(xᵢ − offsetᵢ)·factorᵢ + b = a₁x₁ + a₂x₂ + c.
 * Returns [a1, a2, c], or null when the model is not one unit on (x1, x2).
 */
export function line(weights, scaler, features) {
  if (weights.kernels.length !== 1 || weights.kernels[0].length !== 2 || weights.kernels[0][0].length !== 1) return null;
  if (features && features.map((f) => f.toLowerCase()).join(',') !== 'x1,x2') return null;
  const w = weights.kernels[0].map((row) => row[0]);
  const off = (scaler && scaler.offsets) || [0, 0], fac = (scaler && scaler.factors) || [1, 1];
  const a = w.map((v, i) => v * fac[i]);
  return [a[0], a[1], weights.biases[0][0] - a[0] * off[0] - a[1] * off[1]];
}

/** The segment of a₁x₁ + a₂x₂ + c = 0 inside [lo, hi]², or null. */
export function clip([a1, a2, c], lo, hi) {
  const pts = [];
  const add = (x, y) => { if (x >= lo - 1e-9 && x <= hi + 1e-9 && y >= lo - 1e-9 && y <= hi + 1e-9) pts.push([x, y]); };
  if (Math.abs(a2) > 1e-12) { add(lo, -(a1 * lo + c) / a2); add(hi, -(a1 * hi + c) / a2); }
  if (Math.abs(a1) > 1e-12) { add(-(a2 * lo + c) / a1, lo); add(-(a2 * hi + c) / a1, hi); }
  if (pts.length < 2) return null;
  pts.sort((p, q) => p[0] - q[0] || p[1] - q[1]);
  return [pts[0], pts[pts.length - 1]];
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const f3 = (v) => (Number.isFinite(v) ? (+v.toFixed(3)).toString().replace('-', '−') : '–');

export function mount(host, cfg) {
  if (!cfg.spec || !cfg.spec.dataset || !cfg.spec.model) throw new Error('a boundary block needs "spec" with dataset and model');
  const resolution = cfg.resolution || 40;
  const delay = cfg.delay ?? 150;

  const box = el('div', 'boundary');
  const controls = el('div', 'boundary-controls');
  const train = el('button', 'run', 'Train');
  train.type = 'button';
  const pause = el('button', 'pause', 'Pause');
  pause.type = 'button';
  pause.disabled = true;
  const slider = el('input', 'epoch-slider');
  slider.type = 'range'; slider.min = '0'; slider.max = '0'; slider.value = '0'; slider.disabled = true;
  slider.setAttribute('aria-label', 'epoch shown');
  const readout = el('span', 'epoch-readout', 'Press Train: the line is drawn after every epoch.');
  controls.append(train, pause, slider, readout);
  const stage = el('div', 'boundary-stage');
  const plane = el('canvas', 'plane');
  plane.width = SIDE; plane.height = SIDE;
  const charts = el('div', 'boundary-charts');
  const errorChart = el('div', 'errors-chart');
  const normChart = el('div', 'norm-chart');
  charts.append(errorChart, normChart);
  stage.append(plane, charts);
  const detail = el('p', 'boundary-detail');
  const error = el('p', 'error');
  error.hidden = true;
  box.append(controls, stage, detail, error);
  host.append(box);

  let run = null;   // the current run: job id, frames (one per epoch, 0 = the start), points, scaler
  let generation = 0;
  let waiting = null; // {epoch, resolve} for the epoch the widget stepped to

  const runner = pageRunner();
  /** What the shared run tells about run r: the epoch the widget stepped to, the snapshot, the end. */
  const handlers = (r) => ({
    epoch(m) {
      if (run !== r || !m.weights || !waiting || m.epoch !== waiting.epoch) return;
      const outputs = m.grid ? m.grid.layers[m.grid.layers.length - 1][0] : null;
      waiting.resolve(frame(m.epoch, m.weights, outputs, m.train, m.status));
    },
    snapshot() { if (r.subscribed) r.subscribed(); },
    final(status) { r.final = status; },
  });

  function frame(epoch, weights, outputs, metrics, status) {
    return { epoch, weights, outputs, accuracy: metrics && metrics.accuracy, loss: metrics && metrics.loss, status };
  }

  /** The plane's grid points, row 0 at x2 = max, as the epoch messages' grids. */
  function gridPoints(lo, hi) {
    const pts = [];
    for (let r = 0; r < resolution; r++) {
      for (let c = 0; c < resolution; c++) {
        pts.push([lo + ((hi - lo) * c) / (resolution - 1), hi - ((hi - lo) * r) / (resolution - 1)]);
      }
    }
    return pts;
  }

  const retry = (call, current) => untilReady(call, { attempts: 60, maxDelay: 500, wanted: current });

  /** The model as it is now, over REST: the start, or an epoch whose live message did not come. */
  async function restFrame(r, epoch) {
    const [doc, job, predicted] = await Promise.all([api.model(r.id), api.get(r.id), api.predict(r.id, gridPoints(-6, 6))]);
    const last = epoch > 0 && job.last ? job.last.train : null;
    return frame(epoch, doc.weights, predicted.outputs.map((o) => o[0]), last, job.status);
  }

  async function start() {
    const mine = ++generation;
    const old = run;
    if (old && !old.final) old.followed.cancel().catch(() => {});
    if (old) runner.forget(old.followed);
    error.hidden = true;
    const spec = liveOutputSpec(cfg.spec, { resolution, startPaused: true });
    const defaults = await loadDefaults().catch(() => ({}));
    const r = { frames: [], playing: true, final: null };
    const subscribed = new Promise((resolve) => { r.subscribed = resolve; });
    const followed = await runner.start(spec, handlers(r));
    const job = followed.job;
    run = r;
    Object.assign(r, { followed, id: job.id, seed: job.seed, epochs: epochsOf(followed.spec, defaults) || 10 });
    box.dataset.jobId = job.id;
    box.dataset.status = 'RUNNING';
    const current = () => mine === generation;
    const [points, doc] = await Promise.all([retry(() => api.points(job.id), current), retry(() => api.model(job.id), current)]);
    r.points = points;
    r.scaler = doc.scaler;
    r.features = doc.featureNames;
    r.frames.push(await retry(() => restFrame(r, 0), current));
    show(0, true);
    // without the live stream (it may be slow to connect) each epoch is fetched over REST after a wait
    await Promise.race([subscribed, sleep(EPOCH_WAIT_MS)]);
    play(r, mine);
  }

  function fail(e) {
    error.hidden = false;
    error.textContent = e.message;
  }

  async function play(r, mine) {
    if (r.looping) return; // a pause and go-on while an epoch was under way: that loop goes on
    r.looping = true;
    try { await stepAll(r, mine); } catch (e) { fail(e); } finally { r.looping = false; }
  }

  async function stepAll(r, mine) {
    const current = () => mine === generation && r.playing;
    pause.disabled = false;
    pause.textContent = 'Pause';
    while (current() && r.frames.length - 1 < r.epochs && !r.final) {
      const epoch = r.frames.length;
      const next = new Promise((resolve) => { waiting = { epoch, resolve }; });
      await api.step(r.id);
      const f = await Promise.race([next, sleep(EPOCH_WAIT_MS).then(() => null)]) || await restFrame(r, epoch);
      waiting = null;
      if (mine !== generation) return;
      r.frames.push(f);
      const following = Number(slider.value) === Number(slider.max);
      show(r.frames.length - 1, following);
      if (f.status && isFinal(f.status)) r.final = f.status;
      if (r.frames.length - 1 < r.epochs) await sleep(delay);
    }
    if (mine !== generation) return;
    if (r.frames.length - 1 >= r.epochs || r.final) {
      pause.disabled = true;
      box.dataset.status = r.final || 'SUCCEEDED';
      train.textContent = 'Train again';
    }
  }

  function show(index, follow) {
    const r = run;
    slider.max = String(r.frames.length - 1);
    slider.disabled = r.frames.length < 2;
    if (follow) slider.value = String(index);
    const f = r.frames[index];
    draw(r, f);
    drawCharts(r, index);
    const n = r.points.train.length;
    const wrong = f.accuracy != null ? Math.round((1 - f.accuracy) * n) : null;
    readout.textContent = `Epoch ${f.epoch}/${r.epochs}` + (wrong != null ? ` · ${wrong} of ${n} training points wrong` : '');
    const l = line(f.weights, r.scaler, r.features);
    const k = f.weights.kernels[0].map((row) => row[0]);
    detail.textContent = (l ? `w = (${f3(k[0])}, ${f3(k[1])}), b = ${f3(f.weights.biases[0][0])} · ` : '')
      + `‖w‖ = ${f3(kernelNorm(f.weights))}` + (f.loss != null ? ` · training loss ${f3(f.loss)}` : '');
    box.dataset.epoch = String(f.epoch);
    box.dataset.line = l ? l.map((v) => v.toFixed(6)).join(',') : '';
  }

  function draw(r, f) {
    const ctx = plane.getContext('2d');
    const lo = -6, hi = 6, px = (x) => ((x - lo) / (hi - lo)) * SIDE, py = (y) => (1 - (y - lo) / (hi - lo)) * SIDE;
    if (f.outputs) {
      // pale, so that the points in full colour stand out on it
      drawOver(plane, (i) => color(2 * f.outputs[i] - 1), resolution, { alpha: 0.55, smooth: true });
    } else {
      ctx.fillStyle = '#eee';
      ctx.fillRect(0, 0, SIDE, SIDE);
    }
    ctx.strokeStyle = 'rgba(0,0,0,.15)';
    ctx.lineWidth = 1;
    ctx.beginPath();
    ctx.moveTo(px(0), 0); ctx.lineTo(px(0), SIDE); ctx.moveTo(0, py(0)); ctx.lineTo(SIDE, py(0));
    ctx.stroke();
    for (const [set, hollow] of [[r.points.train, false], [r.points.test, true]]) {
      for (const [x1, x2, label] of set || []) {
        ctx.beginPath();
        ctx.arc(px(x1), py(x2), 3.5, 0, 2 * Math.PI);
        const c = css(color(label > 0 ? 1 : -1));
        if (hollow) { ctx.strokeStyle = c; ctx.lineWidth = 2; ctx.stroke(); } else {
          ctx.fillStyle = c; ctx.fill(); ctx.strokeStyle = '#333'; ctx.lineWidth = 1; ctx.stroke();
        }
      }
    }
    const l = line(f.weights, r.scaler, r.features);
    const seg = l && clip(l, lo, hi);
    if (seg) {
      ctx.strokeStyle = '#111';
      ctx.lineWidth = 2.5;
      ctx.beginPath();
      ctx.moveTo(px(seg[0][0]), py(seg[0][1]));
      ctx.lineTo(px(seg[1][0]), py(seg[1][1]));
      ctx.stroke();
    }
  }

  function drawCharts(r, index) {
    const n = r.points.train.length;
    const upTo = r.frames.slice(0, index + 1);
    const marker = (pts) => ({ markers: pts.length < 40 });
    const errors = upTo.filter((f) => f.accuracy != null).map((f) => [f.epoch, Math.round((1 - f.accuracy) * n)]);
    lineChart(errorChart, [{ name: 'training points wrong', points: errors, ...marker(errors) }],
      { xLabel: 'epoch', yLabel: 'points wrong', width: 300, height: 170, xRange: [0, Math.max(1, r.epochs)], xInteger: true });
    const norms = upTo.map((f) => [f.epoch, kernelNorm(f.weights)]);
    lineChart(normChart, [{ name: '‖w‖', points: norms, color: '#d62728', ...marker(norms) }],
      { xLabel: 'epoch', yLabel: 'weight norm ‖w‖', width: 300, height: 170, xRange: [0, Math.max(1, r.epochs)], xInteger: true });
  }

  train.addEventListener('click', () => { start().catch(fail); });
  pause.addEventListener('click', () => {
    if (!run || run.final) return;
    run.playing = !run.playing;
    pause.textContent = run.playing ? 'Pause' : 'Go on';
    if (run.playing) play(run, generation);
  });
  slider.addEventListener('input', () => { if (run) show(Number(slider.value), false); });
  // a paused job counts against the client's unfinished jobs: leaving the page cancels it
  window.addEventListener('pagehide', () => {
    if (run && run.id && !run.final) api.cancelOnLeave(run.id);
  });
}
