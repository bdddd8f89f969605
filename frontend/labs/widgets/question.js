// question: multiple choice ("choices" + "answer" = index of the right one) or a number ("answer" +
// "tolerance"), checked on the spot, then the explanation. Every answer also goes to the server, which
// checks it against the lab file itself and keeps a student's answer for the instructor; its verdict
// is the one that stays on the page. When the server refuses to take the answer (too many answers, a
// paused class, an error), the page's own verdict stays and a note says the answer was not recorded.
// All lab text is put in as text.

import { el } from '../page.js';
import { RefusedError, send } from '../../shared/http.js';

export function mount(host, cfg) {
  if (typeof cfg.question !== 'string') throw new Error('a question needs "question"');
  const box = el('div', 'question');
  box.append(el('p', 'question-text', cfg.question));
  const form = el('form', 'question-form');
  const name = `q${Math.random().toString(36).slice(2)}`;
  let read;
  if (Array.isArray(cfg.choices)) {
    const list = el('div', 'choices');
    cfg.choices.forEach((c, i) => {
      const label = el('label', 'choice');
      const input = el('input');
      input.type = 'radio'; input.name = name; input.value = String(i);
      label.append(input, document.createTextNode(' ' + c));
      list.append(label);
    });
    form.append(list);
    read = () => {
      const picked = form.querySelector('input:checked');
      return picked ? { given: true, right: Number(picked.value) === cfg.answer, answer: picked.value } : { given: false };
    };
  } else if (typeof cfg.answer === 'number') {
    const input = el('input', 'answer');
    input.type = 'text'; input.inputMode = 'decimal'; input.autocomplete = 'off';
    input.placeholder = cfg.placeholder || 'a number';
    form.append(input);
    const tol = typeof cfg.tolerance === 'number' ? cfg.tolerance : 0;
    read = () => {
      const text = input.value.trim().replace(/[,_\s]/g, '');
      if (!text) return { given: false };
      const v = Number(text);
      return { given: true, right: isFinite(v) && Math.abs(v - cfg.answer) <= tol, answer: input.value.trim() };
    };
  } else {
    throw new Error('a question needs "choices" and an "answer" index, or a numeric "answer"');
  }
  const check = el('button', 'check', 'Check');
  check.type = 'submit';
  form.append(check);
  const verdict = el('p', 'verdict');
  verdict.hidden = true;
  const explanation = el('p', 'explanation', cfg.explanation || '');
  explanation.hidden = true;
  const note = el('p', 'answer-note');
  note.hidden = true;
  let asked = 0;
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const r = read();
    verdict.hidden = false;
    if (!r.given) {
      verdict.textContent = 'Give an answer first.';
      verdict.className = 'verdict';
      return;
    }
    show(r.right);
    note.hidden = true;
    const lab = document.getElementById('lab');
    if (!lab || !host.dataset.question) return;
    const n = ++asked; // only the latest answer's verdict counts
    send('POST', `/api/labs/${encodeURIComponent(lab.dataset.slug)}/answers`,
      { question: host.dataset.question, answer: r.answer })
      .then((checked) => {
        if (n !== asked) return;
        show(checked.correct);
        box.dataset.stored = String(checked.stored);
      })
      .catch((err) => {
        box.dataset.stored = 'false';
        if (n !== asked) return;
        note.textContent = notRecorded(err);
        note.hidden = false;
      });
  });
  function show(right) {
    verdict.hidden = false;
    verdict.textContent = right ? 'Right.' : 'Not quite — try again.';
    verdict.className = `verdict ${right ? 'right' : 'wrong'}`;
    explanation.hidden = !right || !cfg.explanation;
  }
  box.append(form, verdict, note, explanation);
  host.append(box);
}

/** Why an answer was not recorded, in a line a student can act on. */
function notRecorded(err) {
  if (!(err instanceof RefusedError)) return 'Your answer was not recorded: the server could not be reached. Try again in a moment.';
  if (err.status === 429) {
    const wait = err.retryAfter ? ` Try again in ${err.retryAfter} s.` : ' Try again in a minute.';
    return `Your answer was not recorded: too many answers in a short time.${wait}`;
  }
  if (err.status >= 500) return 'Your answer was not recorded: the server had a problem. Try again in a moment.';
  return `Your answer was not recorded: ${err.message}`;
}
