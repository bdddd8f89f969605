// The live quiz over every page of a student (labs, playground, home): asks /api/quiz for the student's class and
// its quiz, follows /topic/quiz/{class} and shows the question over the page; the student answers (a number with a
// comma or a dot), may change the answer until the instructor closes the question, and sees right or wrong with
// the explanation once it is revealed. Nothing for other visitors, nor inside a lab's frame. Text goes in as text.

import { send } from '../shared/http.js';

const STOMP_BUNDLE = '/webjars/stomp__stompjs/bundles/stomp.umd.min.js';
const embedded = window.top !== window || new URLSearchParams(location.search).has('embed');

let classId = null;
let shown = null; // the quiz on screen
let box = null;

function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined && text !== null) e.textContent = String(text);
  return e;
}

function dismissedKey(id) { return `nnlab-quiz-dismissed-${id}`; }

function loadScript(src) {
  return new Promise((resolve, reject) => {
    const s = document.createElement('script');
    s.src = src;
    s.onload = resolve;
    s.onerror = reject;
    document.head.append(s);
  });
}

function styles() {
  if (document.querySelector('link[data-quiz-style]')) return;
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = '/quiz/quiz.css';
  link.dataset.quizStyle = '';
  document.head.append(link);
}

function hide() {
  if (box) box.remove();
  box = null;
}

function choiceLabel(quiz, i) { return `${String.fromCharCode(65 + i)}. ${quiz.choices[i]}`; }

/** The right answer in words, once revealed. */
function key(quiz) {
  if (quiz.kind === 'choice') return quiz.correct.map((i) => choiceLabel(quiz, i)).join('; ');
  return quiz.tolerance ? `${quiz.number} ± ${quiz.tolerance}` : String(quiz.number);
}

function form(quiz) {
  const f = el('form', 'quiz-answer');
  const closed = quiz.state !== 'OPEN';
  const mine = quiz.yours ? quiz.yours.answer : null;
  if (quiz.kind === 'choice') {
    const picked = mine === null ? [] : mine.split(',').map(Number);
    quiz.choices.forEach((c, i) => {
      const label = el('label', 'quiz-choice');
      const input = el('input');
      input.type = quiz.several ? 'checkbox' : 'radio';
      input.name = 'choice';
      input.value = String(i);
      input.checked = picked.includes(i);
      input.disabled = closed;
      label.append(input, document.createTextNode(` ${choiceLabel(quiz, i)}`));
      if (quiz.state === 'REVEALED' && quiz.correct.includes(i)) label.classList.add('right');
      f.append(label);
    });
    if (quiz.several && !closed) f.prepend(el('p', 'quiz-hint', 'Pick every right answer.'));
  } else {
    const input = el('input');
    input.name = 'number';
    input.inputMode = 'decimal';
    input.autocomplete = 'off';
    input.placeholder = 'a number, e.g. 3.65 or 3,65';
    input.value = mine === null ? '' : mine;
    input.disabled = closed;
    f.append(input);
  }
  if (!closed) {
    const button = el('button', 'quiz-send', mine === null ? 'Answer' : 'Change my answer');
    button.type = 'submit';
    f.append(button);
  }
  const said = el('p', 'quiz-said');
  said.setAttribute('role', 'status');
  if (mine !== null && !closed) said.textContent = 'Answer sent: you may change it until the question closes.';
  f.append(said);
  f.addEventListener('submit', async (e) => {
    e.preventDefault();
    const body = quiz.kind === 'choice'
      ? { choices: [...f.querySelectorAll('input[name=choice]:checked')].map((i) => Number(i.value)) }
      : { number: f.querySelector('input[name=number]').value };
    try {
      render(await send('POST', `/api/quiz/${quiz.id}/answer`, body));
      box.querySelector('.quiz-said').textContent = 'Answer sent: you may change it until the question closes.';
    } catch (err) {
      said.textContent = err.message;
      said.classList.add('error');
    }
  });
  return f;
}

function verdict(quiz) {
  const part = el('div', 'quiz-verdict');
  if (quiz.yours) {
    const right = quiz.yours.correct === true;
    part.append(el('p', right ? 'quiz-right' : 'quiz-wrong', right ? 'Right!' : 'Not quite.'));
    part.dataset.correct = String(right);
  } else {
    part.append(el('p', 'quiz-none', 'You did not answer.'));
  }
  part.append(el('p', 'quiz-key', `Answer: ${key(quiz)}`));
  if (quiz.explanation) part.append(el('p', 'quiz-explanation', quiz.explanation));
  if (quiz.tally) part.append(el('p', 'quiz-class', `${quiz.tally.right} of ${quiz.tally.answered} in the class answered right.`));
  return part;
}

function render(quiz) {
  shown = quiz;
  if (!quiz || sessionStorage.getItem(dismissedKey(quiz.id))) { hide(); return; }
  styles();
  const fresh = !box || box.dataset.quizId !== String(quiz.id);
  if (!box) {
    box = el('aside', 'quiz-overlay');
    box.id = 'quiz-overlay';
    box.setAttribute('role', 'dialog');
    box.setAttribute('aria-label', 'live quiz');
    document.body.append(box);
  }
  box.dataset.quizId = String(quiz.id);
  box.dataset.state = quiz.state.toLowerCase();
  if (fresh) box.dataset.shownAt = String(Date.now());
  const head = el('header', 'quiz-head');
  head.append(el('strong', null, 'Live quiz'));
  const state = { OPEN: 'open', CLOSED: 'closed: waiting for the answer', REVEALED: 'answer revealed' }[quiz.state];
  head.append(el('span', 'quiz-state', state));
  const close = el('button', 'quiz-dismiss', '×');
  close.type = 'button';
  close.title = 'hide this question';
  close.setAttribute('aria-label', 'hide this question');
  close.addEventListener('click', () => { sessionStorage.setItem(dismissedKey(quiz.id), '1'); hide(); });
  head.append(close);
  const parts = [head, el('p', 'quiz-text', quiz.text), form(quiz)];
  if (quiz.state === 'REVEALED') parts.push(verdict(quiz));
  box.replaceChildren(...parts);
}

async function refresh() {
  const current = await send('GET', '/api/quiz');
  if (!current) return false;
  classId = current.classId;
  render(current.quiz);
  return true;
}

async function onEvent(event) {
  const q = event.quiz;
  if (event.type === 'launched') {
    render(q); // a new question: no answer of the student's yet
  } else if (shown && shown.id === q.id) {
    // closed or revealed: the student's own answer (and whether it is right) comes from the server
    await refresh().catch(() => render({ ...q, yours: shown.yours }));
  }
}

async function start() {
  let student;
  try {
    student = await refresh();
  } catch {
    return; // signed out, or the API closed to anonymous callers: nothing to show
  }
  if (!student) return;
  if (!window.StompJs) await loadScript(STOMP_BUNDLE);
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  const client = new window.StompJs.Client({
    brokerURL: `${scheme}://${location.host}/ws`,
    reconnectDelay: 1000,
    heartbeatIncoming: 10000,
    heartbeatOutgoing: 10000,
  });
  let first = true;
  client.onConnect = () => {
    client.subscribe(`/topic/quiz/${classId}`, (m) => onEvent(JSON.parse(m.body)));
    if (!first) refresh().catch(() => {}); // whatever changed while the connection was down
    first = false;
    document.documentElement.dataset.quizLive = 'true';
  };
  client.activate();
}

if (!embedded) {
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
}
