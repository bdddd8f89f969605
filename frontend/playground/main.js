// The playground page: reads the state from the URL hash, shows the data and the first maps from a preview (no
// job while idle), runs a paced job from the first ▶ or step on (job.js grants it epochs at the chosen speed),
// follows the job's live messages, and draws what arrived once per animation frame.

import {
  ACTIVATIONS, ACTIVATION_FORMULAS, ACTIVATION_WORDS, OPTIMIZERS, OUTPUTS, FEATURES, HIDEABLE, LEARNING_RATES, MAX_LAYERS, REGULARIZATION_RATES,
  DROPOUT_RATES, SPEEDS, classCount, datasets, fitted, fromHash, isClassic, jobEpochs, jobSpec, models, previewSpec, toHash,
} from './state.js';
import { CLASSIC_KINDS, classicModel, classicSteps, optionWords, optionsOf } from '../shared/classic.js';
import { heartbeat } from '../shared/http.js';
import { api, isFinal, traffic } from '../shared/jobs.js';
import { exportButtons } from '../shared/export.js';
import { pageRunner } from '../shared/run.js';
import { createJobLife } from './job.js';
import { argmax, classColor, color } from '../shared/draw/colors.js';
import { clearMap, drawClassMap, drawClassProbability, drawMap } from '../shared/draw/heatmap.js';
import { drawLossChart, drawPoints, featureMap } from './render.js';
import { buildNetwork, networkWidth } from './network.js';
import { drawLegend } from './legend.js';
import { withEdit } from './edit.js';
import { persist, say } from './refusals.js';
import { MAX_FILE_BYTES, readWeights } from './weights.js';
import { MAX_CSV_BYTES, MAX_POINTS, parseCsv } from './points.js';

const $ = (id) => document.getElementById(id);
const GRID = 50;
const PLAY_ICON = '<svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true"><path d="M7 4l13 8-13 8z" fill="currentColor"/></svg>';
const PAUSE_ICON = '<svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true"><path d="M6 4h4v16H6zM14 4h4v16h-4z" fill="currentColor"/></svg>';

let state = fromHash(location.hash);
const run = {
  jobId: null, job: null, ready: Promise.resolve(), running: false, offset: 0, continued: null, points: null, history: [], epoch: 0,
  grid: null, weights: null, initialOutput: null, hover: null, dirty: true, generation: 0,
  figures: null, // a classic model's latest step: {epoch, figures} (Adaboost's α and ε)
  preview: null, // the train and test metrics of weights not trained yet (a preview's), and the epoch they are at
  customPoints: null, // [[x1, x2, label], …] clicked or uploaded; null: the generated set
  pinned: null, // a run kept for comparison: its history, and what it was
};
/** The job spec for the current state and points (a job's epochs: those left to "stop at" from where the run is). */
const spec = (options = {}) => jobSpec(state, { epochs: jobEpochs(state, run.offset), ...options, points: run.customPoints });
let view = null;

// ---- state ↔ hash ↔ controls

function writeHash() {
  const hash = toHash(state);
  if (location.hash !== hash) history.replaceState(null, '', hash);
}

function options(select, values, label = String) {
  select.replaceChildren(...values.map((v) => {
    const o = document.createElement('option');
    o.value = String(v);
    o.textContent = label(v);
    return o;
  }));
}

/** The name of the state's model in words ("random forest", "neural network"). */
const modelName = (model = state.model) => (CLASSIC_KINDS[model] ? CLASSIC_KINDS[model].name : 'neural network');

function showControls() {
  options($('model'), models(state), (m) => modelName(m)[0].toUpperCase() + modelName(m).slice(1));
  $('model').value = state.model;
  $('model').disabled = models(state).length === 1;
  $('model').title = $('model').disabled ? 'the classic methods classify: choose a classification problem' : '';
  $('output').value = state.output;
  $('output').disabled = classCount(state) !== 2;
  $('output').title = classCount(state) === 3 ? 'three classes have a softmax output'
    : classCount(state) === 1 ? 'regression has a tanh output (its values are in [−1, 1])' : '';
  $('learningRate').value = String(state.learningRate);
  $('activation').value = state.activation;
  $('optimizer').value = state.optimizer;
  $('regularization').value = state.regularization;
  $('regularizationRate').value = String(state.regularizationRate);
  $('dropout').value = String(state.dropout);
  $('problem').value = state.problem;
  $('classes').value = String(state.classes);
  $('classes').disabled = state.problem !== 'classification';
  const clickClass = $('clickClass');
  const kept = clickClass.value;
  options(clickClass, classCount(state) === 3 ? [1, 0, 2] : [1, 0],
    (k) => ({ 1: 'blue (1)', 0: 'orange (0)', 2: 'green (2)' })[k]);
  if ([...clickClass.options].some((o) => o.value === kept)) clickClass.value = kept;
  for (const id of ['noise', 'trainRatio', 'batchSize']) {
    $(id).value = String(state[id]);
    $(`${id}Value`).textContent = String(state[id]);
  }
  $('speed').value = String(state.speed);
  $('stopAt').value = state.stopAt ? String(state.stopAt) : '';
  showPace();
  $('showTestData').checked = state.showTestData;
  $('discretize').checked = state.discretize;
  $('initZero').checked = state.initZero;
  $('layerCount').textContent = String(state.networkShape.length);
  $('layerWord').textContent = state.networkShape.length === 1 ? 'hidden layer' : 'hidden layers';
  $('addLayer').disabled = state.networkShape.length >= MAX_LAYERS;
  $('removeLayer').disabled = state.networkShape.length === 0;
  const sets = $('datasets');
  sets.replaceChildren(...datasets(state).map((name) => {
    const b = document.createElement('button');
    b.className = `dataset${name === state.dataset ? ' selected' : ''}`;
    b.dataset.dataset = name;
    b.textContent = name;
    b.addEventListener('click', () => change({ dataset: name }));
    return b;
  }));
  const classic = isClassic(state);
  if (classic) $('network').replaceChildren();
  showClassicPanel();
  view = classic ? null : buildNetwork($('network'), state, {
    toggleFeature(id) {
      const on = state.features.includes(id);
      if (on && state.features.length === 1) return; // the network needs an input
      change({ features: FEATURES.filter((f) => (f === id ? !on : state.features.includes(f))) });
    },
    neurons(layer, delta) {
      const shape = [...state.networkShape];
      shape[layer] = Math.max(1, Math.min(8, shape[layer] + delta));
      change({ networkShape: shape });
    },
    layerActivation(layer, id) {
      const all = state.networkShape.map((_, i) => state.layerActivations[i] || '');
      all[layer] = id;
      while (all.length && all[all.length - 1] === '') all.pop();
      change({ layerActivations: all });
    },
    batchNorm(layer, on) {
      const all = state.networkShape.map((_, i) => Boolean(state.batchNorm[i]));
      all[layer] = on;
      change({ batchNorm: all });
    },
    editing() { pauseForEdit(); },
    edit(target, value) { edit(target, value); },
    hover(layer, unit) { run.hover = layer === null ? null : [layer, unit]; run.dirty = true; },
  }, networkRoom());
  if (classic) document.querySelector('main').classList.remove('output-below');
  if (view) for (const id of FEATURES) drawMap(view.inputs[id], featureMap(id, GRID), GRID, (v) => v);
  // a link's hidden controls, and a classic model's: no layers, weights or optimiser
  for (const el of document.querySelectorAll('[data-control], .network-only')) {
    el.hidden = state.hide.includes(el.dataset.control) || (classic && el.classList.contains('network-only'));
  }
  document.body.classList.toggle('hide-features', state.hide.includes('features'));
  showPointsMode();
  run.dirty = true;
}

/**
 * A classic model's panel where the network is drawn otherwise: what it is, what one step is, and its options
 * (each a select; an SVM's degree only with the polynomial kernel, its γ not with the linear one).
 */
function showClassicPanel() {
  const panel = $('classicPanel');
  panel.hidden = !isClassic(state);
  if (panel.hidden) { panel.replaceChildren(); return; }
  const kind = CLASSIC_KINDS[state.model];
  const title = document.createElement('h2');
  title.textContent = kind.name;
  const about = document.createElement('p');
  about.className = 'hint';
  about.textContent = `Trained by the server on the same data; one step is ${kind.step}. The map shows what it predicts over the plane.`;
  const fields = optionsOf(state.model, state).map((name) => {
    const label = document.createElement('label');
    label.textContent = kind.options[name].label;
    const select = document.createElement('select');
    select.id = `classic-${name}`;
    select.dataset.option = name;
    options(select, kind.options[name].values, (v) => optionWords(state.model, name, v));
    select.value = String(state[name]);
    select.addEventListener('change', () => {
      const v = kind.options[name].values.find((x) => String(x) === select.value);
      change({ [name]: v });
    });
    label.append(select);
    return label;
  });
  panel.replaceChildren(title, ...fields, about);
}

/**
 * The width the network may take: what the page leaves between the data and the output columns, or, when the
 * network would be too cramped there, the row beside the data (the output column then goes below).
 */
function networkRoom() {
  const main = document.querySelector('main');
  main.classList.remove('output-below'); // the output column's own width
  const style = getComputedStyle(main);
  const gap = parseFloat(style.columnGap) || 0;
  const inner = main.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
  const data = document.querySelector('section.data').offsetWidth + gap;
  const labels = parseFloat(getComputedStyle(document.querySelector('section.network')).paddingLeft) || 0;
  const beside = inner - data - labels - $('output').offsetWidth - gap;
  const fits = beside >= networkWidth(state, 0); // at the narrowest spacing
  main.classList.toggle('output-below', !fits);
  return fits ? beside : inner - data - labels;
}

/** Applies changes; anything but the learning rate and the display options starts a new job. */
function change(changes) {
  const live = ['learningRate', 'showTestData', 'discretize', 'hide', 'speed', 'stopAt'];
  const restart = Object.keys(changes).some((k) => !live.includes(k));
  // other data, or other classes: the points of one's own go
  if (['dataset', 'dataSeed', 'problem', 'classes', 'noise'].some((k) => k in changes)) run.customPoints = null;
  Object.assign(state, changes);
  fitted(state);
  writeHash();
  showControls();
  if (restart) reset();
  else if ('learningRate' in changes && run.jobId) {
    const id = run.jobId;
    run.ready.then(() => api.learningRate(id, state.learningRate)).catch(showError);
  }
}

/** The weights seed ⟲ moves to. */
const nextSeed = (seed) => (seed >= 2 ** 31 - 1 ? 0 : seed + 1);

// ---- the job

/** A job's refusal or failure, in plain words next to ▶ (none: hidden). */
function showError(e) {
  say($('runError'), e);
}

function setRunning(running) {
  run.running = running;
  $('play').classList.toggle('playing', running);
  $('play').setAttribute('aria-label', running ? 'pause' : 'run');
  $('play').innerHTML = running ? PAUSE_ICON : PLAY_ICON; // constant markup, no data in it
}

const runner = pageRunner();
runner.onConnection((up) => { $('connection').hidden = up; });
runner.connect(); // the connection's state shows from the start, as before the first job

/** The job's life: started on demand, granted epochs as the page draws them (job.js). */
const life = createJobLife({
  start: async (options = {}) => {
    const generation = run.generation;
    // refused while the class is paused or the server is busy: the words stay beside ▶ and the page asks again
    // (after Retry-After, or every few seconds while paused), so ▶ goes on by itself once the class resumes
    const job = await persist(() => api.submit(spec(options)), $('runError'),
      { wanted: () => generation === run.generation, rethrow: true });
    if (!job || generation !== run.generation) {
      if (job) api.cancel(job.id).catch(() => {});
      throw new Error('the settings changed');
    }
    return follow(job, run.offset);
  },
  grant: (id, until) => runner.grant(id, until),
});
runner.onConnection((up) => { if (up) life.regrant(); });

/** The speed, and where "stop at" is as the current job counts its epochs. */
function applyPace() {
  life.setSpeed(state.speed);
  life.setStopAt(state.stopAt > 0 ? state.stopAt - run.offset : Infinity);
}

function showPace() {
  applyPace();
  $('stopAt').title = state.stopAt ? `the run stops at epoch ${state.stopAt}` : 'no stop: the run goes on until paused';
}

/**
 * Follows a job whose epochs count on from `offset` (the epochs of the jobs before it in this run): its epochs
 * join the history in their place (the shared run merges its snapshot and live epochs, without gap or duplicate).
 */
function follow(job, offset) {
  if (run.job) runner.forget(run.job);
  run.jobId = job.id;
  run.job = runner.follow(job, {
    epoch: (m) => onEpoch(m, offset),
    status: (m) => onStatus(m),
    snapshot: (snap) => { if (snap.status && typeof snap.status === 'object') onStatus(snap.status); },
  });
  life.adopt(run.job);
  applyPace();
  return run.job;
}

/** Ends the current job, if any (it holds the server's memory while it waits). */
function endJob() {
  const old = run.job;
  life.drop();
  if (old) {
    runner.forget(old);
    api.cancel(old.id).catch(() => {});
  }
  run.job = null;
  run.jobId = null;
}

/**
 * Starts over for the current state (from given weights: an import): no job until ▶ or step; the data, the
 * weights, their losses and the maps come from a preview.
 */
function reset({ weights } = {}) {
  const generation = ++run.generation;
  setRunning(false);
  endJob();
  Object.assign(run, {
    points: null, history: [], epoch: 0, offset: 0, grid: null, weights: weights || null, initialOutput: null, figures: null,
    preview: null, continued: null, startWeights: weights || null,
  });
  run.dirty = true;
  showError(null);
  applyPace();
  run.ready = (async () => {
    // a classic model has no preview of its own: a network's on the same data gives the points (only them)
    const classic = isClassic(state);
    const previewOf = () => api.preview(previewSpec(state, { weights, epochs: jobEpochs(state, 0), points: run.customPoints }));
    const preview = await persist(previewOf, $('runError'), { wanted: () => generation === run.generation });
    if (!preview || generation !== run.generation) return;
    run.points = preview.points;
    run.grid = classic ? null : preview.grid || null;
    run.weights = classic ? null : preview.weights;
    run.preview = classic ? null : { train: preview.train, test: preview.test, epoch: 0 };
    run.dirty = true;
  })().catch(showError);
  return run.ready;
}

/** The job of this run, started if there is none (for ▶, step, and edits that need one). */
async function ensureJob() {
  await run.ready;
  return life.ensureJob({ weights: run.startWeights || undefined });
}

/**
 * A job has at most nnlab.limits.max-epochs epochs; without "stop at" the playground runs on, so when its job
 * completes, a new one starts from the trained weights and the epoch counter goes on (so too after "stop at" was
 * raised past a job that ended there).
 */
async function continueRun(ended, { play }) {
  if (run.continued === ended.id) return;
  run.continued = ended.id;
  const generation = run.generation;
  await ended.done; // its history whole: the last epochs' messages may have come after its status
  if (generation !== run.generation) return;
  const doc = await api.model(ended.id);
  if (generation !== run.generation) return;
  run.offset += doc.epoch;
  run.epoch = Math.max(run.epoch, run.offset);
  run.startWeights = doc.weights;
  life.drop();
  runner.forget(ended);
  run.job = null;
  run.jobId = null;
  applyPace();
  if (play) await life.play({ weights: doc.weights });
}

/** The page's epoch is at "stop at". */
function reachedStop() {
  return state.stopAt > 0 && run.epoch >= state.stopAt;
}

/** A field to edit a weight or bias opens: a running job pauses first, so the value shown stays the value. */
function pauseForEdit() {
  if (run.running) playPause();
}

/**
 * A weight or bias set by hand: the run pauses, the job (if any) ends where it is, and the changed weights are
 * previewed at once (their losses, accuracies and maps: an evaluation, not an epoch); the next ▶ or step goes on
 * from them, the epoch counter and the history kept.
 */
function edit(target, value) {
  const generation = run.generation;
  const previous = run.ready;
  run.ready = (async () => {
    await previous;
    setRunning(false);
    life.pause();
    const old = run.job;
    let weights = run.weights;
    if (old) {
      const doc = await api.model(old.id);
      if (generation !== run.generation) return;
      weights = doc.weights;
      endJob();
      run.offset += doc.epoch;
      run.epoch = Math.max(run.epoch, run.offset);
    }
    if (!weights) return;
    weights = withEdit(weights, target, value);
    run.startWeights = weights;
    run.weights = weights;
    run.dirty = true;
    applyPace();
    const preview = await persist(() => api.preview(spec({ weights })), $('runError'), { wanted: () => generation === run.generation });
    if (!preview || generation !== run.generation) return;
    run.weights = preview.weights;
    run.grid = preview.grid || null;
    run.preview = { train: preview.train, test: preview.test, epoch: run.epoch };
    run.dirty = true;
  })().catch(showError);
}

/** What the chart and the figures need of one epoch, counted on from the jobs before. */
function point(m, offset) {
  return {
    epoch: m.epoch + offset, train: m.train && m.train.loss, test: m.test && m.test.loss,
    trainAccuracy: m.train && m.train.accuracy, testAccuracy: m.test && m.test.accuracy,
  };
}

/** An epoch of the current job (live, or from its snapshot or history): in its place in the history, once. */
function onEpoch(m, offset) {
  const p = point(m, offset);
  let i = run.history.length;
  while (i > 0 && run.history[i - 1].epoch > p.epoch) i--;
  if (i > 0 && run.history[i - 1].epoch === p.epoch) return;
  run.history.splice(i, 0, p);
  const latest = p.epoch >= run.epoch;
  run.epoch = Math.max(run.epoch, p.epoch);
  if (latest && m.status === 'PAUSED') setRunning(false);
  if (latest && m.grid) run.grid = m.grid;
  if (latest && m.weights) run.weights = m.weights;
  if (latest && isClassic(state)) run.figures = { epoch: p.epoch, figures: m.figures || null };
  run.dirty = true;
  if (latest) life.tick(); // the next grant as soon as this epoch is here, not a frame later
}

function onStatus(s) {
  if (s.jobId && s.jobId !== run.jobId) return;
  if (s.status === 'SUCCEEDED' && s.stopReason === 'COMPLETED') {
    const ended = run.job;
    if (!ended || ended.id !== s.jobId) return;
    if (isClassic(state)) { setRunning(false); life.pause(); return; } // all its steps: trained
    if (state.stopAt > 0 && run.offset + s.epochsDone >= state.stopAt) {
      setRunning(false);
      life.pause();
    } else {
      continueRun(ended, { play: run.running }).catch((e) => { setRunning(false); showError(e); });
    }
    return;
  }
  if (['FAILED', 'CANCELLED', 'INTERRUPTED'].includes(s.status)) {
    setRunning(false);
    life.pause();
    if (s.status !== 'CANCELLED' || s.error) showError(s.error || 'the job stopped');
  }
}

/** A job that ended at an earlier "stop at" goes on in a new one from its weights. */
async function afterStop() {
  await run.ready;
  const current = run.job;
  if (current && current.final && current.status === 'SUCCEEDED') {
    if (isClassic(state)) throw new Error(`the ${modelName()} is trained (every step done): change a setting, or ⟲ to train it again with another seed`);
    await continueRun(current, { play: false });
  }
}

async function playPause() {
  if (run.running) {
    setRunning(false);
    life.pause();
    return;
  }
  if (reachedStop()) { showError(`the run stopped at epoch ${state.stopAt}: raise "stop at" to go on`); return; }
  showError(null);
  setRunning(true);
  try {
    await afterStop();
    await life.play({ weights: run.startWeights || undefined });
  } catch (e) { setRunning(false); showError(e); }
}

async function step() {
  if (run.running) { setRunning(false); life.pause(); return; }
  if (reachedStop()) { showError(`the run stopped at epoch ${state.stopAt}: raise "stop at" to go on`); return; }
  try {
    await afterStop();
    await life.step({ weights: run.startWeights || undefined });
  } catch (e) { showError(e); }
}

// ---- weights to and from a file

/** Downloads the current model (the server's model document: layers, weights, features, classes) as JSON. */
async function exportWeights() {
  await run.ready;
  if (!run.jobId && !run.weights) return;
  try {
    // a job's model document; before the first epoch or after a hand edit, the weights the page shows
    const doc = run.jobId ? await api.model(run.jobId) : { epoch: run.epoch, weights: run.weights };
    const text = JSON.stringify(doc);
    run.exported = text;
    const a = document.createElement('a');
    a.href = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
    a.download = `playground-weights-epoch-${run.epoch}.json`;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 60000);
  } catch (e) { say($('fileError'), e); }
}

/** Starts a new run (epoch 0, paused) from the weights in a file, if they fit the network as it is set. */
async function importWeights(file) {
  if (!file) return;
  if (file.size > MAX_FILE_BYTES) {
    say($('fileError'), `the file is too large for weights (${file.size} bytes, at most ${MAX_FILE_BYTES})`);
    return;
  }
  let read;
  try {
    read = readWeights(await file.text(), state);
  } catch (e) {
    say($('fileError'), e);
    return;
  }
  say($('fileError'), null);
  // the network comes back as the file has it: batch normalisation on its normalised layers, off elsewhere
  if (read.normalised.some((on, l) => on !== Boolean(state.batchNorm[l]))) {
    state.batchNorm = read.normalised;
    fitted(state);
    writeHash();
    showControls();
  }
  await reset({ weights: read.weights });
}

// ---- points of one's own

/** Clicks on the map add points only in this mode: off by default, and off while a link hides it. */
const addingPoints = () => $('addPoints').checked && !state.hide.includes('addPoints');

function showPointsMode() {
  if (state.hide.includes('addPoints')) $('addPoints').checked = false;
  $('clickClassLabel').hidden = !addingPoints();
  $('heatmapBox').classList.toggle('adding', addingPoints());
}

function showPointsInfo() {
  $('pointsInfo').textContent = run.customPoints ? `${run.customPoints.length} points of your own` : '';
  $('clearPoints').hidden = !run.customPoints;
}

/** A clicked point joins the data (the generated points first, if they are still the data); training goes on from the current weights. */
function addPoint(point) {
  if (state.problem !== 'classification') { say($('pointsError'), 'points can be added to classification data only'); return; }
  if (!run.points) return; // the data is not there yet
  const inside = (v) => Math.max(-6, Math.min(6, v)); // a wide gaussian has points off the plane: on its edge
  const base = run.customPoints || [...run.points.train, ...run.points.test].map(([a, b, l]) => [inside(a), inside(b), l]);
  if (base.length >= MAX_POINTS) { say($('pointsError'), `at most ${MAX_POINTS} points`); return; }
  say($('pointsError'), null);
  run.customPoints = [...base, point];
  showPointsInfo();
  reset({ weights: run.weights || undefined });
}

async function uploadPoints(file) {
  if (!file) return;
  if (state.problem !== 'classification') { say($('pointsError'), 'points can be uploaded for classification only'); return; }
  if (file.size > MAX_CSV_BYTES) { say($('pointsError'), `the file is too large (${file.size} bytes, at most ${MAX_CSV_BYTES})`); return; }
  try {
    run.customPoints = parseCsv(await file.text(), classCount(state));
  } catch (e) {
    say($('pointsError'), e);
    return;
  }
  say($('pointsError'), null);
  showPointsInfo();
  await reset();
}

function clickedPoint(e) {
  const box = e.currentTarget.getBoundingClientRect();
  const round = (v) => Math.round(Math.max(-6, Math.min(6, v)) * 1000) / 1000;
  return [round(((e.clientX - box.left) / box.width) * 12 - 6), round(6 - ((e.clientY - box.top) / box.height) * 12)];
}

// ---- a run pinned for comparison

/** Keeps the current run's loss curves on the chart (dashed) while new runs train beside them. */
function pin() {
  if (run.history.length < 2) { say($('pinError'), 'train a few epochs first, then pin the run'); return; }
  say($('pinError'), null);
  const last = run.history[run.history.length - 1];
  const shape = [state.features.length, ...state.networkShape, 'out'].join('-');
  const what = isClassic(state) ? modelName() : `${shape}, ${state.activation}, lr ${state.learningRate}`;
  run.pinned = {
    history: run.history.map((e) => ({ ...e })),
    label: `${state.dataset}, ${what}: test loss `
      + `${last.test != null ? last.test.toFixed(3) : '–'} at epoch ${last.epoch}`,
  };
  showPinned();
}

function showPinned() {
  $('pinnedInfo').textContent = run.pinned ? `pinned (dashed): ${run.pinned.label}` : '';
  $('unpinRun').hidden = !run.pinned;
  run.dirty = true;
}

// ---- drawing, once per frame at most

const classification = () => state.problem === 'classification';
const outputUnit = (v) => (classification() ? 2 * v - 1 : v);
const labelUnit = (v) => (classification() ? 2 * v - 1 : v);

/** The preview's losses, as an epoch's, before the first epoch (or right after a hand edit). */
function previewPoint() {
  const p = run.preview;
  if (!p) return undefined;
  return {
    epoch: run.epoch, train: p.train && p.train.loss, test: p.test && p.test.loss,
    trainAccuracy: p.train && p.train.accuracy, testAccuracy: p.test && p.test.accuracy,
  };
}

/**
 * A classic model's steps under its figures: the tree or boosting round it is at of how many (with Adaboost's
 * ε and α of the round); its losses are the 0-1 loss, the share of points it gets wrong.
 */
function showClassicSteps() {
  const classic = isClassic(state);
  const key = classic ? `${state.model}|${steps()}|${run.figures ? run.figures.epoch : 0}` : 'network';
  if ($('classicSteps').dataset.key === key) return; // drawn every frame: the page changes only with a step
  $('classicSteps').dataset.key = key;
  $('testLossName').textContent = classic ? 'Test error' : 'Test loss';
  $('trainLossName').textContent = classic ? 'Training error' : 'Training loss';
  $('testLossName').title = classic ? 'the 0-1 loss: the share of test points it gets wrong' : '';
  $('trainLossName').title = $('testLossName').title;
  $('classicSteps').hidden = !classic;
  if (!classic) return;
  const step = { forest: 'tree', adaboost: 'boosting round' }[state.model];
  const at = run.figures ? run.figures.epoch : 0;
  const f = run.figures && run.figures.figures;
  const f3 = (v) => (Number.isFinite(v) ? v.toFixed(3) : '–');
  $('classicSteps').textContent = !step ? (at ? 'fitted in one step' : 'not fitted yet: ▶ or step fits it')
    : `${step} ${at} of ${steps()}${f ? `: ε = ${f3(f.error)}, α = ${f3(f.alpha)}` : ''}`;
}

/** The steps of the state's classic model. */
const steps = () => classicSteps(classicModel(state.model, state));

/** What the maps were last painted from. */
let drawn = [];

function draw() {
  run.dirty = false;
  $('epoch').textContent = String(run.epoch).padStart(6, '0');
  const trained = run.history[run.history.length - 1];
  // weights not trained yet (the first, or edited by hand) show their preview until an epoch comes after it
  const latest = run.preview && !(trained && trained.epoch > run.preview.epoch) ? previewPoint() : trained;
  $('trainLoss').textContent = latest && latest.train != null ? latest.train.toFixed(3) : '–';
  $('testLoss').textContent = latest && latest.test != null ? latest.test.toFixed(3) : '–';
  const percent = (v) => (v != null ? `${(100 * v).toFixed(1)} %` : '–');
  $('trainAccuracy').textContent = percent(latest && latest.trainAccuracy);
  $('testAccuracy').textContent = percent(latest && latest.testAccuracy);
  drawLossChart($('lossChart'), run.history, run.pinned && run.pinned.history);
  showClassicSteps();
  // the maps, links and points change with a snapshot, not with every epoch: painted again only then
  const painted = [run.grid, run.initialOutput, run.hover, run.weights, run.points, view, state.discretize,
    state.showTestData, state.problem, state.classes];
  if (drawn.length && painted.every((v, i) => v === drawn[i])) return;
  drawn = painted;
  const heat = $('heatmap');
  const layers = run.grid ? run.grid.layers : null;
  const outputLayer = layers ? layers.length - 1 : -1;
  if (layers && run.hover && layers[run.hover[0]]) {
    drawMap(heat, layers[run.hover[0]][run.hover[1]], run.grid.resolution, (v) => v, state.discretize);
  } else if (layers || run.initialOutput) {
    const maps = layers ? layers[outputLayer] : run.initialOutput;
    const resolution = layers ? run.grid.resolution : GRID;
    if (maps.length > 1) drawClassMap(heat, maps, resolution, state.discretize);
    else drawMap(heat, maps[0], resolution, outputUnit, state.discretize);
  } else clearMap(heat);
  const hovered = layers && run.hover && layers[run.hover[0]] ? `layer ${run.hover[0] + 1}, neuron ${run.hover[1] + 1}` : null;
  const legendKey = `${classCount(state)}|${hovered}`;
  if ($('legend').dataset.key !== legendKey) {
    drawLegend($('legend'), classCount(state), hovered);
    $('legend').dataset.key = legendKey;
  }
  if (view) drawNetwork(layers, outputLayer);
  drawPoints($('points'), run.points, state.showTestData, labelUnit, classCount(state));
}

/** The neurons' own maps and the links of the drawn network. */
function drawNetwork(layers, outputLayer) {
  const last = view.neurons.length - 1;
  view.neurons.forEach((canvases, l) => canvases.forEach((canvas, u) => {
    const map = layers && layers[l] && layers[l][u];
    if (!map) clearMap(canvas);
    else if (l === last && canvases.length > 1) drawClassProbability(canvas, map, run.grid.resolution, u);
    else drawMap(canvas, map, run.grid.resolution, l === outputLayer ? outputUnit : (v) => v, state.discretize);
  }));
  view.drawWeights(run.weights);
}

function frame() {
  life.tick();
  if (run.dirty) draw();
  requestAnimationFrame(frame);
}

// ---- wiring

options($('learningRate'), LEARNING_RATES);
options($('optimizer'), OPTIMIZERS, (o) => ({ sgd: 'SGD', momentum: 'Momentum', adam: 'Adam', rmsprop: 'RMSProp' })[o]);
options($('activation'), ACTIVATIONS, (a) => ACTIVATION_WORDS[a]);
options($('output'), OUTPUTS, (o) => ACTIVATION_WORDS[o]);
for (const select of [$('activation'), $('output')]) {
  for (const o of select.options) if (ACTIVATION_FORMULAS[o.value]) o.title = ACTIVATION_FORMULAS[o.value];
}
$('output').closest('label').title = 'the output unit of two classes: the sigmoid learns with cross-entropy, the clipped '
  + 'linear unit min(max(z, 0), 1) with the squared error';
options($('regularization'), ['none', 'L1', 'L2'], (r) => (r === 'none' ? 'None' : r));
options($('regularizationRate'), REGULARIZATION_RATES);
options($('dropout'), DROPOUT_RATES);
options($('problem'), ['classification', 'regression'], (p) => p[0].toUpperCase() + p.slice(1));
options($('classes'), [2, 3]);

$('learningRate').addEventListener('change', (e) => change({ learningRate: Number(e.target.value) }));
$('regularizationRate').addEventListener('change', (e) => change({ regularizationRate: Number(e.target.value) }));
$('dropout').addEventListener('change', (e) => change({ dropout: Number(e.target.value) }));
$('classes').addEventListener('change', (e) => change({ classes: Number(e.target.value) }));
for (const id of ['optimizer', 'activation', 'regularization', 'problem', 'model', 'output']) {
  $(id).addEventListener('change', (e) => change({ [id]: e.target.value }));
}
for (const id of ['noise', 'trainRatio', 'batchSize']) {
  $(id).addEventListener('input', (e) => { $(`${id}Value`).textContent = e.target.value; });
  $(id).addEventListener('change', (e) => change({ [id]: Number(e.target.value) }));
}
for (const id of ['showTestData', 'discretize', 'initZero']) {
  $(id).addEventListener('change', (e) => change({ [id]: e.target.checked }));
}
$('addLayer').addEventListener('click', () => {
  if (state.networkShape.length < MAX_LAYERS) change({ networkShape: [...state.networkShape, 2] });
});
$('removeLayer').addEventListener('click', () => change({
  networkShape: state.networkShape.slice(0, -1),
  layerActivations: state.layerActivations.slice(0, state.networkShape.length - 1),
}));
// Regenerate: other points of the same kind; ⟲: other first weights on the same points (the next weights seed, so
// that three runs after one another are the same three runs for everyone, as a lab's numbers expect)
$('regenerate').addEventListener('click', () => change({ dataSeed: Math.floor(Math.random() * 2 ** 31) }));
options($('speed'), SPEEDS, (v) => (v === 0 ? 'as fast as it goes' : `${v} epochs/s`));
$('speed').addEventListener('change', (e) => change({ speed: Number(e.target.value) }));
$('stopAt').addEventListener('change', (e) => {
  const v = Number(e.target.value);
  change({ stopAt: Number.isInteger(v) && v > 0 ? v : 0 });
});
$('play').addEventListener('click', playPause);
$('step').addEventListener('click', step);
$('reset').addEventListener('click', () => change({ seed: nextSeed(state.seed) }));
$('exportWeights').addEventListener('click', exportWeights);
// the run as a Keras or PyTorch script; before the first run, a job is made for it (its spec is what is exported)
$('fileError').before(exportButtons({
  jobId: async () => run.jobId || (await ensureJob()).id,
  hasWeights: () => run.epoch > run.offset,
  onExported: (e) => { run.exportedCode = e; },
}));
$('pinRun').addEventListener('click', pin);
$('unpinRun').addEventListener('click', () => { run.pinned = null; showPinned(); });
// left button: the class chosen in the toggle; right button: orange (0)
$('points').addEventListener('contextmenu', (e) => { if (addingPoints()) e.preventDefault(); });
$('points').addEventListener('mousedown', (e) => {
  if (!addingPoints() || (e.button !== 0 && e.button !== 2)) return;
  e.preventDefault();
  addPoint([...clickedPoint(e), e.button === 2 ? 0 : Number($('clickClass').value)]);
});
$('csvPoints').addEventListener('change', (e) => {
  const file = e.target.files[0];
  e.target.value = '';
  uploadPoints(file);
});
$('addPoints').addEventListener('change', showPointsMode);
$('clearPoints').addEventListener('click', () => { run.customPoints = null; showPointsInfo(); reset(); });
$('importWeights').addEventListener('change', (e) => {
  const file = e.target.files[0];
  e.target.value = ''; // the same file again is a new import
  importWeights(file);
});
// a narrower or wider window: the network's columns close up or spread out, the output column moves below or back
let resizing = null;
window.addEventListener('resize', () => {
  clearTimeout(resizing);
  resizing = setTimeout(() => { if (!document.querySelector('.weight-editor')) showControls(); }, 150);
});
window.addEventListener('hashchange', () => {
  if (location.hash === toHash(state)) return;
  state = fromHash(location.hash);
  run.customPoints = null;
  showPointsInfo();
  showControls();
  reset();
});

// Leaving the page lets its job go: the server ends a paced job nobody follows after a minute
// (nnlab.jobs.paced-idle-timeout), and a reload of the same page within it goes on with the job.
const RESUME = 'nnlab.playground.job';
window.addEventListener('pagehide', () => {
  if (!run.jobId || !run.job || run.job.final) return;
  try {
    if (run.customPoints) throw new Error('points of its own are not kept');
    sessionStorage.setItem(RESUME, JSON.stringify({ id: run.jobId, hash: toHash(state), offset: run.offset }));
  } catch (e) {
    api.cancelOnLeave(run.jobId);
  }
});

/** The job this tab left a moment ago, if the page is the same: followed on from where it was. */
async function resumeJob() {
  const generation = run.generation;
  let saved = null;
  try {
    saved = JSON.parse(sessionStorage.getItem(RESUME));
    sessionStorage.removeItem(RESUME);
  } catch (e) { return; }
  if (!saved || typeof saved.id !== 'string') return;
  if (saved.hash !== toHash(state)) { api.cancel(saved.id).catch(() => {}); return; }
  const job = await api.get(saved.id).catch(() => null);
  await run.ready;
  if (!job || isFinal(job.status) || run.job || generation !== run.generation) {
    if (job && !isFinal(job.status) && run.jobId !== job.id) api.cancel(job.id).catch(() => {});
    return;
  }
  run.offset = Number(saved.offset) || 0;
  follow(job, run.offset);
}

writeHash();
showControls();
reset();
resumeJob().catch(() => {});
requestAnimationFrame(frame);

/** For tests and the curious: the current job and the colour scale the heatmap uses. */
window.playground = {
  get jobId() { return run.jobId; },
  get epoch() { return run.epoch; },
  get running() { return run.running; },
  /** The epoch the server was last granted: the job is never past it. */
  get granted() { return life.granted; },
  /** What the page's WebSocket received: frames and characters (about bytes). */
  get bytesReceived() { return traffic.bytes; },
  get messagesReceived() { return traffic.messages; },
  /** Losses of the weights shown before any epoch (a preview's). */
  get preview() { return run.preview; },
  /** Starts the run's job if there is none (an edit that needs one). */
  ensureJob: () => ensureJob().then((r) => r.id),
  get pointsShown() { return run.points ? run.points.train.length + (state.showTestData ? run.points.test.length : 0) : 0; },
  get historyEpochs() { return run.history.map((e) => e.epoch); },
  get state() { return JSON.parse(JSON.stringify(state)); },
  get exported() { return run.exported; },
  /** The last script exported as code: { framework, id, name, text }. */
  get exportedCode() { return run.exportedCode; },
  get pinnedEpochs() { return run.pinned ? run.pinned.history.length : 0; },
  get customPoints() { return run.customPoints ? run.customPoints.length : 0; },
  /** Every message shown beside a control, in the page's order. */
  get error() { return [...document.querySelectorAll('.error, .run-error')].filter((e) => !e.hidden).map((e) => e.textContent).join(' '); },
  get dataSeed() { return state.dataSeed; },
  get seed() { return state.seed; },
  /** The losses and accuracies shown, as numbers (null for none). */
  get shown() {
    const trained = run.history[run.history.length - 1];
    const v = (run.preview && !(trained && trained.epoch > run.preview.epoch) ? previewPoint() : trained) || {};
    return { train: v.train ?? null, test: v.test ?? null, trainAccuracy: v.trainAccuracy ?? null, testAccuracy: v.testAccuracy ?? null };
  },
  get points() { return run.points; },
  get weights() { return run.weights; },
  ready: () => run.ready,
  color: (v) => color(outputUnit(v), state.discretize),
  /** The heatmap colour of one row of per-class outputs (three classes). */
  classColor: (outputs) => { const [k, p] = argmax(outputs.map((v) => [v]), 0); return classColor(k, state.discretize ? 1 : p, outputs.length); },
  dropConnection: () => runner.drop(),
  hideable: HIDEABLE,
};

// on its own page (not inside a lab, which beats for itself) the playground tells where the student is
if (window.top === window) heartbeat('playground');
