// The instructor's live quiz on the class dashboard: launch a lab file's question or one typed on the spot, watch
// the answers come in as a histogram (pushed on /topic/quiz/{class}/answers), close the question, reveal the answer.
// Past quizzes of the class are listed below. Students' answers are counted without names.

import { send } from '../shared/http.js';
import { stompClient } from '../shared/jobs.js';

const classId = document.getElementById('dashboard').dataset.classId;
const $ = (id) => document.getElementById(id);
const base = `/api/classes/${classId}`;
let current = null; // { quiz, tally } of the newest quiz
let labQuestions = [];

function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined && text !== null) e.textContent = String(text);
  return e;
}

const letter = (i) => String.fromCharCode(65 + i);

function failed(e) {
  $('quiz-error').hidden = false;
  $('quiz-error').textContent = e.message;
}

/** Numbers binned into at most ten equal bins between the smallest and the largest. */
export function bins(values, count = 10) {
  if (values.length === 0) return [];
  const lo = values[0];
  const hi = values[values.length - 1];
  if (lo === hi) return [{ from: lo, to: hi, count: values.length }];
  const n = Math.min(count, values.length);
  const width = (hi - lo) / n;
  const out = Array.from({ length: n }, (_, i) => ({ from: lo + i * width, to: lo + (i + 1) * width, count: 0 }));
  values.forEach((v) => { out[Math.min(n - 1, Math.floor((v - lo) / width))].count++; });
  return out;
}

const short = (x) => Number(x.toPrecision(4)).toString();

function histogram(quiz, tally) {
  const q = quiz.question;
  let rows;
  if (q.choices) {
    rows = q.choices.map((c, i) => ({ label: `${letter(i)}. ${c}`, count: tally.counts[i], right: q.correct.includes(i) }));
  } else {
    rows = bins(tally.values).map((b) => ({
      label: b.from === b.to ? short(b.from) : `${short(b.from)} – ${short(b.to)}`,
      count: b.count,
      right: b.to >= q.number - q.tolerance && b.from <= q.number + q.tolerance,
    }));
  }
  const most = Math.max(1, ...rows.map((r) => r.count));
  $('quiz-histogram').replaceChildren(...rows.map((r) => {
    const row = el('div', 'bar-row');
    row.classList.toggle('right', quiz.state === 'REVEALED' && r.right);
    const bar = el('div', 'bar');
    bar.style.width = `${(20 * r.count) / most}rem`;
    const count = el('span', 'bar-count', r.count);
    row.dataset.count = String(r.count);
    row.append(el('span', 'bar-label', r.label), bar, count);
    return row;
  }));
}

function key(q) {
  if (q.choices) return q.correct.map(letter).join(', ');
  return q.tolerance ? `${q.number} ± ${q.tolerance}` : String(q.number);
}

function show(view) {
  if (!view) return;
  if (current && view.quiz.id < current.quiz.id) return;
  current = view;
  const { quiz, tally } = view;
  const box = $('quiz-current');
  box.hidden = false;
  box.dataset.quizId = String(quiz.id);
  box.dataset.state = quiz.state.toLowerCase();
  $('quiz-current-text').textContent = quiz.question.text;
  $('quiz-current-state').textContent = { OPEN: 'open', CLOSED: 'closed', REVEALED: 'revealed' }[quiz.state];
  $('quiz-answered').textContent = tally.answered;
  $('quiz-right').textContent = tally.right;
  $('quiz-key').textContent = `Right answer: ${key(quiz.question)}${quiz.question.explanation ? ` — ${quiz.question.explanation}` : ''}`;
  if (quiz.state === 'REVEALED') $('quiz-key-box').open = true;
  $('quiz-close').disabled = quiz.state !== 'OPEN';
  $('quiz-reveal').disabled = quiz.state === 'REVEALED';
  histogram(quiz, tally);
}

function tallied(tally) {
  if (!current || tally.quizId > current.quiz.id) { load(); return; } // launched from another tab
  if (tally.quizId !== current.quiz.id) return;
  show({ quiz: current.quiz, tally });
}

async function results() {
  const all = await send('GET', `${base}/quizzes`);
  const body = $('quiz-results').tBodies[0];
  body.replaceChildren(...all.slice().reverse().map(({ quiz, tally }) => {
    const tr = el('tr');
    tr.dataset.quizId = String(quiz.id);
    tr.append(el('td', null, quiz.question.text), el('td', null, quiz.state.toLowerCase()),
      el('td', null, tally.answered),
      el('td', null, tally.answered ? `${tally.right} (${Math.round((100 * tally.right) / tally.answered)} %)` : '—'));
    return tr;
  }));
}

async function load() {
  try {
    const view = await send('GET', `${base}/quiz`);
    if (view) { current = null; show(view); }
    await results();
  } catch (e) {
    failed(e);
  }
}

async function act(path, body) {
  try {
    $('quiz-error').hidden = true;
    current = null;
    show(await send('POST', `${base}/${path}`, body));
    await results();
  } catch (e) {
    failed(e);
  }
}

function fillQuestions() {
  const lab = $('quiz-lab').value;
  $('quiz-question').replaceChildren(...labQuestions.filter((q) => q.lab === lab).map((q) => {
    const o = el('option', null, `${q.question}: ${q.text.length > 70 ? `${q.text.slice(0, 70)}…` : q.text}`);
    o.value = q.question;
    return o;
  }));
}

async function labs() {
  labQuestions = await send('GET', `${base}/quiz/questions`);
  const seen = new Map();
  labQuestions.forEach((q) => seen.set(q.lab, q.labTitle));
  $('quiz-lab').replaceChildren(...[...seen].map(([slug, title]) => {
    const o = el('option', null, title);
    o.value = slug;
    return o;
  }));
  fillQuestions();
}

const kind = () => document.querySelector('input[name=quiz-kind]:checked').value;
const number = (s) => (s.trim() === '' ? null : Number(s.trim().replace(',', '.')));

function typed() {
  const body = { text: $('quiz-text').value, explanation: $('quiz-explanation').value || null };
  if (kind() === 'choice') {
    body.choices = $('quiz-choices').value.split('\n').map((c) => c.trim()).filter((c) => c);
    body.correct = $('quiz-correct').value.toUpperCase().split(/[\s,;]+/).filter((c) => c)
      .map((c) => (/^[A-Z]$/.test(c) ? c.charCodeAt(0) - 65 : Number.parseInt(c, 10) - 1));
  } else {
    body.number = number($('quiz-number').value);
    body.tolerance = number($('quiz-tolerance').value) ?? 0;
  }
  return body;
}

document.querySelectorAll('input[name=quiz-kind]').forEach((r) => r.addEventListener('change', () => {
  document.querySelectorAll('#quiz-typed [data-kind]').forEach((l) => { l.hidden = l.dataset.kind !== kind(); });
}));
$('quiz-lab').addEventListener('change', fillQuestions);
$('quiz-from-lab').addEventListener('submit', (e) => {
  e.preventDefault();
  act('quiz', { lab: $('quiz-lab').value, question: $('quiz-question').value });
});
$('quiz-typed').addEventListener('submit', (e) => { e.preventDefault(); act('quiz', typed()); });
$('quiz-close').addEventListener('click', () => current && act(`quiz/${current.quiz.id}/close`));
$('quiz-reveal').addEventListener('click', () => current && act(`quiz/${current.quiz.id}/reveal`));

labs().catch(failed);
const client = stompClient();
client.onConnect = () => {
  client.subscribe(`/topic/quiz/${classId}/answers`, (m) => tallied(JSON.parse(m.body)));
  load();
};
client.activate();
