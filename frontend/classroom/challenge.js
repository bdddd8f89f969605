// A challenge's page: what to train on, a small train form on the challenge's data, submitting a finished job,
// one's own submissions and what is left, and the live leaderboard.

import { send } from '../shared/http.js';
import { api, isFinal } from '../shared/jobs.js';
import { drawBoard, followBoard, scoreText } from './leaderboard.js';

const root = document.getElementById('challenge');
const id = root.dataset.challengeId;
const outputs = Number(root.dataset.outputs);
const $ = (x) => document.getElementById(x);
let challenge = null;

function cell(text) {
  const td = document.createElement('td');
  td.textContent = String(text);
  return td;
}

function showStanding(standing) {
  if (!$('mine')) return;
  $('you').textContent = standing.name ? `You are “${standing.name}” on the board.` : '';
  $('remaining').textContent = `${standing.remaining} of ${challenge.maxSubmissions} submissions left`;
  $('submit').disabled = standing.remaining === 0;
  $('mine').tBodies[0].replaceChildren(...standing.submissions.map((s) => {
    const tr = document.createElement('tr');
    tr.append(cell(s.jobId), cell(scoreText(challenge.metric, s.score)), cell(s.parameters), cell(s.epochs),
      cell(new Date(s.submittedAt).toLocaleTimeString()));
    return tr;
  }));
}

function refused(e) {
  $('refusal').textContent = e.message;
  $('refusal').hidden = false;
}

function spec(form) {
  const hidden = form.hidden.value.split(',').map((s) => s.trim()).filter(Boolean).map(Number);
  const activation = form.activation.value;
  const output = outputs > 1 ? 'softmax' : 'linear';
  return {
    dataset: challenge.dataset,
    model: { layers: [...hidden.map((units) => ({ units, activation })), { units: outputs, activation: output }] },
    training: {
      optimizer: form.optimizer.value, learningRate: Number(form.learningRate.value),
      batchSize: Number(form.batchSize.value), epochs: Number(form.epochs.value),
    },
  };
}

async function train(event) {
  event.preventDefault();
  $('refusal').hidden = true;
  const state = $('run-state');
  try {
    const job = await api.submit(spec(event.target));
    $('train').disabled = true;
    let view = job;
    while (!isFinal(view.status)) {
      state.textContent = `job ${view.id}: ${view.status.toLowerCase()}, epoch ${view.epochsDone} of ${view.epochs}`
        + (view.last ? `, loss ${Number(view.last.loss).toFixed(4)}` : '');
      await new Promise((r) => { setTimeout(r, 400); });
      view = await api.get(job.id);
    }
    state.textContent = `job ${view.id}: ${view.status.toLowerCase()} after ${view.epochsDone} epochs`
      + (view.summary ? `, ${view.summary.totalParameters} parameters` : '');
    if (view.status === 'SUCCEEDED') $('job-id').value = view.id;
  } catch (e) {
    refused(e);
  } finally {
    $('train').disabled = false;
  }
}

async function submit(event) {
  event.preventDefault();
  $('refusal').hidden = true;
  try {
    showStanding(await send('POST', `/api/challenges/${id}/submissions`, { jobId: $('job-id').value.trim() }));
  } catch (e) {
    refused(e);
  }
}

async function start() {
  const view = await send('GET', `/api/challenges/${id}`);
  challenge = view.challenge;
  $('data-spec').textContent = JSON.stringify({ dataset: challenge.dataset }, null, 2);
  showStanding(view.standing);
  if ($('train-form')) {
    $('train-form').addEventListener('submit', train);
    $('submit-form').addEventListener('submit', submit);
  }
  followBoard(id, root.dataset.classId, (board) => drawBoard($('leaderboard'), $('no-entries'), board), (on) => {
    $('live').textContent = on ? 'live' : 'reconnecting…';
    $('live').dataset.connected = String(on);
  });
}

start().catch(refused);
