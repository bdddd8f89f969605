// The instructor's live class dashboard: loads /api/classes/{id}/dashboard, then re-draws whenever the
// server pushes the class's dashboard on /topic/classes/{id} (after each reconnect it loads it again).
// Students' names and answers are their own text: they only ever go in as text.

import { send } from './send.js';

const root = document.getElementById('dashboard');
const classId = root.dataset.classId;
const $ = (id) => document.getElementById(id);
let latest = null;

function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined && text !== null) e.textContent = String(text);
  return e;
}

function cell(row, text, cls) {
  const td = el('td', cls, text);
  row.append(td);
  return td;
}

const fixed = (v, digits) => (v === null || v === undefined ? '—' : Number(v).toFixed(digits));
const percent = (v) => (v === null || v === undefined ? '—' : `${Math.round(v * 100)} %`);

function ago(iso, now) {
  if (!iso) return '—';
  const s = Math.max(0, Math.round((now - Date.parse(iso)) / 1000));
  if (s < 60) return `${s} s ago`;
  if (s < 3600) return `${Math.round(s / 60)} min ago`;
  return new Date(iso).toLocaleString();
}

function jobText(j) {
  const epoch = j.epoch === null ? `0/${j.epochs}` : `${j.epoch}/${j.epochs}`;
  const acc = j.accuracy === null ? '' : ` acc ${fixed(j.accuracy, 3)}`;
  return `${j.status.toLowerCase()} · epoch ${epoch} · loss ${fixed(j.loss, 4)}${acc}`;
}

function students(view) {
  const body = $('students').tBodies[0];
  const now = Date.parse(view.at);
  body.replaceChildren(...view.students.map((s) => {
    const tr = el('tr');
    tr.dataset.student = s.id;
    tr.classList.toggle('offline', !s.online);
    cell(tr, s.name, 'name');
    const on = cell(tr, s.online ? 'online' : ago(s.lastSeen, now), s.online ? 'presence online' : 'presence');
    on.dataset.online = String(s.online);
    cell(tr, s.page || '—', 'page');
    const labs = cell(tr, s.labsVisited.length, 'labs');
    labs.title = s.labsVisited.join(', ');
    cell(tr, `${s.questionsRight}/${s.questionsTried}`, 'right');
    const jobs = cell(tr, null, 'jobs');
    if (s.jobs.length === 0) jobs.textContent = '—';
    s.jobs.forEach((j) => {
      const line = el('div', `job status-${j.status.toLowerCase()}`, jobText(j));
      line.dataset.job = j.id;
      jobs.append(line);
    });
    jobs.append(el('div', 'small', `${s.jobsRun} run in all`));
    return tr;
  }));
  $('no-students').hidden = view.students.length > 0;
  $('online-count').textContent = view.online;
  $('student-count').textContent = view.students.length;
}

function queue(view) {
  const body = $('queue').tBodies[0];
  body.replaceChildren(...view.queue.map((j) => {
    const tr = el('tr');
    tr.dataset.job = j.id;
    cell(tr, j.student, 'name');
    cell(tr, j.id.slice(0, 8), 'mono');
    cell(tr, j.status.toLowerCase(), 'status');
    cell(tr, j.epoch === null ? `0/${j.epochs}` : `${j.epoch}/${j.epochs}`);
    cell(tr, fixed(j.loss, 4));
    const button = el('button', 'cancel', 'Cancel');
    button.type = 'button';
    button.addEventListener('click', () => {
      button.disabled = true;
      send('DELETE', `/api/jobs/${encodeURIComponent(j.id)}`).catch(failed);
    });
    cell(tr).append(button);
    return tr;
  }));
  $('no-queue').hidden = view.queue.length > 0;
}

function questions(view) {
  const body = $('questions').tBodies[0];
  body.replaceChildren(...view.questions.map((q) => {
    const tr = el('tr');
    tr.dataset.question = `${q.lab}/${q.question}`;
    const lab = cell(tr, q.labTitle, 'lab');
    lab.title = q.lab;
    cell(tr, q.text, 'text');
    cell(tr, q.students, 'answered');
    cell(tr, percent(q.shareRight), 'share');
    const wrong = cell(tr, null, 'wrong');
    if (q.commonWrong.length === 0) wrong.textContent = '—';
    q.commonWrong.forEach((w) => {
      const item = el('span', 'wrong-answer');
      item.append(el('q', null, w.answer), document.createTextNode(` ×${w.count}`));
      wrong.append(item);
    });
    return tr;
  }));
}

function draw(view) {
  if (latest && Date.parse(view.at) < Date.parse(latest.at)) return; // an older push overtaken by a load
  latest = view;
  students(view);
  queue(view);
  questions(view);
  const paused = view.classroom.submissionsPaused;
  const button = $('submissions');
  button.dataset.paused = String(paused);
  button.textContent = paused ? 'Resume submissions' : 'Pause submissions';
  $('submissions-state').textContent = paused ? 'students cannot submit jobs now' : '';
  $('updated').textContent = new Date(view.at).toLocaleTimeString();
  root.dataset.updates = String(Number(root.dataset.updates || 0) + 1);
}

function failed(e) {
  $('error').hidden = false;
  $('error').textContent = e.message;
}

async function load() {
  try {
    draw(await send('GET', `/api/classes/${classId}/dashboard`));
  } catch (e) {
    failed(e);
  }
}

$('submissions').addEventListener('click', async () => {
  const pause = $('submissions').dataset.paused !== 'true';
  try {
    await send('PUT', `/api/classes/${classId}/submissions`, { paused: pause });
    await load();
  } catch (e) {
    failed(e);
  }
});

const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
const client = new window.StompJs.Client({
  brokerURL: `${scheme}://${location.host}/ws`,
  reconnectDelay: 1000,
  heartbeatIncoming: 10000,
  heartbeatOutgoing: 10000,
});
const live = $('live');
client.onConnect = () => {
  live.dataset.connected = 'true';
  live.textContent = 'live';
  client.subscribe(`/topic/classes/${classId}`, (m) => draw(JSON.parse(m.body)));
  load(); // whatever changed while not subscribed
};
client.onWebSocketClose = () => { live.dataset.connected = 'false'; live.textContent = 'reconnecting…'; };
client.activate();
