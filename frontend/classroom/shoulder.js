// Over a student's shoulder: the instructor's read-only, live view of a student's newest run, large enough to
// project. It follows the class dashboard's pushes (/topic/classes/{id}) to find the student's newest job, and
// that job's stream (/topic/jobs/{id}, then the snapshot /app/jobs/{id}) to draw it epoch by epoch. It only
// subscribes and reads: it sends no grant, no control, no change, so the student's run goes on as their page says.

import { send } from '../shared/http.js';
import { decodeGrid, isFinal, stompClient } from '../shared/jobs.js';
import { lineChart } from '../shared/draw/chart.js';
import { drawClassMap, drawMap } from '../shared/draw/heatmap.js';

const root = document.getElementById('shoulder');
const classId = root.dataset.classId;
const studentId = Number(root.dataset.studentId);
const $ = (id) => document.getElementById(id);

let jobId = null;
let subscriptions = [];
let epochs = new Map(); // epoch -> its message (without grids)
let spec = null;
let lastDrawn = 0;

const fixed = (v, digits) => (v === null || v === undefined ? '—' : Number(v).toFixed(digits));

/** The playground's hash for a 2-D job's spec: the same data, network and training, to change in one's own page. */
export function playgroundLink(s) {
  const d = s.dataset || {};
  if (d.name !== 'playground') return null;
  if (s.model.kind && s.model.kind !== 'network') return classicLink(s);
  const layers = s.model.layers;
  const hidden = layers.slice(0, -1);
  const out = layers[layers.length - 1];
  const t = s.training || {};
  const p = new URLSearchParams();
  p.set('dataset', d.kind);
  p.set('problem', out.activation === 'tanh' || out.activation === 'linear' ? 'regression' : 'classification');
  if (d.classes === 3) p.set('classes', '3');
  if (d.noise !== undefined) p.set('noise', String(Math.round(d.noise * 100)));
  if (d.trainRatio !== undefined) p.set('trainRatio', String(Math.round(d.trainRatio * 100)));
  if (t.batchSize !== undefined) p.set('batchSize', String(t.batchSize));
  if (t.learningRate !== undefined) p.set('learningRate', String(t.learningRate));
  if (t.optimizer) p.set('optimizer', t.optimizer);
  if (hidden.length) p.set('activation', hidden[0].activation);
  p.set('layerActivations', hidden.map((l) => l.activation).join(','));
  if (t.l1) { p.set('regularization', 'L1'); p.set('regularizationRate', String(t.l1)); }
  if (t.l2) { p.set('regularization', 'L2'); p.set('regularizationRate', String(t.l2)); }
  if (hidden.length && hidden[0].dropout) p.set('dropout', String(hidden[0].dropout));
  p.set('networkShape', hidden.map((l) => l.units).join(','));
  if (d.features) p.set('features', d.features.join(','));
  if (s.seed !== undefined && s.seed !== null) p.set('seed', String(s.seed));
  if (d.seed !== undefined && d.seed !== null) p.set('dataSeed', String(d.seed));
  if (s.model.init === 'zeros') p.set('initZero', 'true');
  p.set('batchNorm', hidden.map((l) => (l.batchNorm ? '1' : '0')).join(','));
  if (out.activation === 'clipped_linear') p.set('output', 'clipped_linear');
  return `/playground#${p.toString()}`;
}

/** The playground's hash for a classic model's 2-D job: its kind and options on the same data. */
function classicLink(s) {
  const d = s.dataset;
  const p = new URLSearchParams({ dataset: d.kind, model: s.model.kind });
  if (d.classes === 3) p.set('classes', '3');
  if (d.noise !== undefined) p.set('noise', String(Math.round(d.noise * 100)));
  if (d.trainRatio !== undefined) p.set('trainRatio', String(Math.round(d.trainRatio * 100)));
  if (d.features) p.set('features', d.features.join(','));
  for (const option of ['k', 'maxDepth', 'trees', 'kernel', 'c', 'gamma', 'degree', 'rounds']) {
    if (s.model[option] !== undefined && s.model[option] !== null) p.set(option, String(s.model[option]));
  }
  if (s.seed !== undefined && s.seed !== null) p.set('seed', String(s.seed));
  if (d.seed !== undefined && d.seed !== null) p.set('dataSeed', String(d.seed));
  return `/playground#${p.toString()}`;
}

function drawMapOf(grid) {
  const maps = grid.layers[grid.layers.length - 1];
  const canvas = $('map');
  canvas.hidden = false;
  if (maps.length > 1) drawClassMap(canvas, maps, grid.resolution);
  else {
    // a probability (a sigmoid or clipped linear output, a classic model's P(class 1)) from −1 to 1, else as it is
    const layers = spec && spec.model.layers;
    const out = layers ? layers[layers.length - 1].activation : 'sigmoid';
    drawMap(canvas, maps[0], grid.resolution, out === 'sigmoid' || out === 'clipped_linear' ? (v) => 2 * v - 1 : (v) => v);
  }
}

function draw() {
  const list = [...epochs.values()].sort((a, b) => a.epoch - b.epoch);
  const last = list[list.length - 1];
  if (!last) return;
  $('epoch').textContent = last.epoch;
  $('epochs').textContent = last.epochs;
  $('loss').textContent = fixed(last.train && last.train.loss, 4);
  const acc = last.train && last.train.accuracy;
  $('accuracy-part').hidden = acc === null || acc === undefined;
  $('accuracy').textContent = fixed(acc, 3);
  const series = [{ name: 'train loss', points: list.map((e) => [e.epoch, e.train ? e.train.loss : NaN]) }];
  if (list.some((e) => e.test)) series.push({ name: 'test loss', points: list.map((e) => [e.epoch, e.test ? e.test.loss : NaN]) });
  lineChart($('chart'), series, { width: 640, height: 380, xLabel: 'epoch', yLabel: 'loss', xInteger: true });
  root.dataset.epoch = String(last.epoch);
  lastDrawn = last.epoch;
}

function epoch(message) {
  if (message.grid) drawMapOf(decodeGrid(message.grid));
  const { weights, grid, ...plain } = message;
  epochs.set(message.epoch, plain);
  if (message.epoch >= lastDrawn) status(message.status);
  root.dataset.received = String(Number(root.dataset.received || 0) + 1);
  draw();
}

function status(s) {
  if (s) $('status').textContent = s.toLowerCase();
}

function unsubscribe() {
  subscriptions.forEach((s) => { try { s.unsubscribe(); } catch { /* the connection went */ } });
  subscriptions = [];
}

async function follow(client, id) {
  unsubscribe();
  jobId = id;
  epochs = new Map();
  lastDrawn = 0;
  root.dataset.job = id;
  root.dataset.received = '0';
  $('no-job').hidden = true;
  $('run').hidden = false;
  $('map').hidden = true;
  $('chart').replaceChildren();
  const view = await send('GET', `/api/jobs/${encodeURIComponent(id)}`);
  if (jobId !== id) return;
  spec = view.spec;
  $('spec').textContent = JSON.stringify(spec, null, 2);
  $('what').textContent = `${spec.dataset.name}${spec.dataset.kind ? ` ${spec.dataset.kind}` : ''} · job ${id.slice(0, 8)}`;
  const link = playgroundLink(spec);
  $('copy-playground').hidden = !link;
  if (link) $('copy-playground').href = link;
  status(view.status);
  subscriptions.push(client.subscribe(`/topic/jobs/${id}`, (m) => {
    const message = JSON.parse(m.body);
    if (jobId !== id) return;
    if (message.type === 'epoch') epoch(message);
    else if (message.type === 'status') status(message.status);
  }));
  subscriptions.push(client.subscribe(`/app/jobs/${id}`, (m) => {
    const snap = JSON.parse(m.body);
    if (jobId !== id || snap.error) return;
    snap.history.forEach((e) => { if (!epochs.has(e.epoch)) epochs.set(e.epoch, e); });
    if (snap.status) status(snap.status.status);
    draw();
  }));
}

/** The student's newest job in a dashboard document: a running one first, else the newest finished one. */
function newestJob(view) {
  const row = view.students.find((s) => s.id === studentId);
  if (!row || row.jobs.length === 0) return null;
  return (row.jobs.find((j) => !isFinal(j.status)) || row.jobs[0]).id;
}

const client = stompClient();
function fromDashboard(view) {
  const id = newestJob(view);
  if (id && id !== jobId) follow(client, id).catch(failed);
}

function failed(e) {
  $('what').textContent = e.message;
}

client.onConnect = async () => {
  $('live').dataset.connected = 'true';
  $('live').textContent = 'live';
  client.subscribe(`/topic/classes/${classId}`, (m) => fromDashboard(JSON.parse(m.body)));
  const current = jobId;
  jobId = null; // after a reconnect, follow again from the snapshot
  try {
    const view = await send('GET', `/api/classes/${classId}/dashboard`);
    const id = newestJob(view) || current;
    if (id) await follow(client, id);
  } catch (e) {
    failed(e);
  }
};
client.onWebSocketClose = () => { $('live').dataset.connected = 'false'; $('live').textContent = 'reconnecting…'; };
client.activate();
