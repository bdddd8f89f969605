// The instructor's live class dashboard: loads /api/classes/{id}/dashboard, then re-draws whenever the
// server pushes the class's dashboard on /topic/classes/{id} (after each reconnect it loads it again).
// Students' names and answers are their own text: they only ever go in as text.

import { send } from '../shared/http.js';
import { stompClient } from '../shared/jobs.js';

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

/**
 * Brings a table body in line with the items: one row per key, kept (with its buttons) from one update to
 * the next, so a click is never lost to a redraw. fill(cells, item, row) sets the row's n cells.
 */
function sync(body, items, key, n, fill) {
  const old = new Map([...body.rows].map((r) => [r.dataset.key, r]));
  body.replaceChildren(...items.map((item) => {
    const k = String(key(item));
    let tr = old.get(k);
    if (!tr) {
      tr = el('tr');
      tr.dataset.key = k;
      for (let i = 0; i < n; i++) tr.append(el('td'));
    }
    fill([...tr.cells], item, tr);
    return tr;
  }));
}

function set(td, text, cls) {
  td.className = cls || '';
  td.textContent = text === undefined || text === null ? '' : String(text);
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
  const now = Date.parse(view.at);
  sync($('students').tBodies[0], view.students, (s) => s.id, 6, (c, s, tr) => {
    tr.dataset.student = s.id;
    tr.classList.toggle('offline', !s.online);
    set(c[0], s.label, 'name').title = `${s.name} ${s.tag}`;
    set(c[1], s.online ? 'online' : ago(s.lastSeen, now), s.online ? 'presence online' : 'presence');
    c[1].dataset.online = String(s.online);
    set(c[2], s.pageTitle || '—', 'page').title = s.page || '';
    set(c[3], s.labsVisited.length, 'labs').title = s.labsVisited.join(', ');
    set(c[4], `${s.questionsRight}/${s.questionsTried}`, 'right');
    const jobs = set(c[5], s.jobs.length === 0 ? '—' : null, 'jobs');
    s.jobs.forEach((j) => {
      const line = el('div', `job status-${j.status.toLowerCase()}`, jobText(j));
      line.dataset.job = j.id;
      jobs.append(line);
    });
    jobs.append(el('div', 'small', `${s.jobsRun} run in all`));
    if (s.jobs.length > 0) {
      const watch = el('a', 'watch', 'over the shoulder');
      watch.href = `/instructor/classes/${classId}/students/${s.id}/shoulder`;
      watch.target = '_blank';
      watch.title = "the student's newest run, live and read-only, large enough to project";
      jobs.append(watch);
    }
  });
  $('no-students').hidden = view.students.length > 0;
  $('online-count').textContent = view.online;
  $('student-count').textContent = view.students.length;
}

function queue(view) {
  sync($('queue').tBodies[0], view.queue, (j) => j.id, 6, (c, j, tr) => {
    tr.dataset.job = j.id;
    set(c[0], j.student, 'name');
    set(c[1], j.id.slice(0, 8), 'mono');
    set(c[2], j.status.toLowerCase(), 'status');
    set(c[3], j.epoch === null ? `0/${j.epochs}` : `${j.epoch}/${j.epochs}`);
    set(c[4], fixed(j.loss, 4));
    if (c[5].firstChild) return;
    const button = el('button', 'cancel', 'Cancel');
    button.type = 'button';
    button.addEventListener('click', () => {
      button.disabled = true;
      send('DELETE', `/api/jobs/${encodeURIComponent(j.id)}`).catch(failed);
    });
    c[5].append(button);
  });
  $('no-queue').hidden = view.queue.length > 0;
}

function questions(view) {
  sync($('questions').tBodies[0], view.questions, (q) => `${q.lab}/${q.question}`, 5, (c, q, tr) => {
    tr.dataset.question = `${q.lab}/${q.question}`;
    set(c[0], q.labTitle, 'lab').title = q.lab;
    set(c[1], q.text, 'text');
    set(c[2], q.students, 'answered');
    set(c[3], percent(q.shareRight), 'share');
    const wrong = set(c[4], q.commonWrong.length === 0 ? '—' : null, 'wrong');
    q.commonWrong.forEach((w) => {
      const item = el('span', 'wrong-answer');
      item.append(el('q', null, w.answer), document.createTextNode(` ×${w.count}`));
      wrong.append(item);
    });
  });
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
    await send('POST', `/api/classes/${classId}/${pause ? 'pause' : 'resume'}`);
    await load();
  } catch (e) {
    failed(e);
  }
});

const client = stompClient();
const live = $('live');
client.onConnect = () => {
  live.dataset.connected = 'true';
  live.textContent = 'live';
  client.subscribe(`/topic/classes/${classId}`, (m) => draw(JSON.parse(m.body)));
  load(); // whatever changed while not subscribed
};
client.onWebSocketClose = () => { live.dataset.connected = 'false'; live.textContent = 'reconnecting…'; };
client.activate();
