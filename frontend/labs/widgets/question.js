// question: multiple choice ("choices") or a number, checked by the server, which alone holds the key: the page
// gets only whether the answer is right, and the explanation once it is. The server keeps a student's answer for
// the instructor; the page keeps an anonymous visitor's in the browser; either comes back after a reload. A number
// may be typed either way, "3.65" or "3,65" (numbers.js has the rule, the server reads it the same). When the
// server cannot check an answer (too many answers, an error, no connection), the page says so and gives no verdict.
// All lab text is put in as text.

import { el } from '../page.js';
import { readNumber } from '../numbers.js';
import { RefusedError, send } from '../../shared/http.js';

export function mount(host, cfg, page) {
  if (typeof cfg.question !== 'string') throw new Error('a question needs "question"');
  const id = host.dataset.question;
  const box = el('div', 'question');
  box.append(el('p', 'question-text', cfg.question));
  const form = el('form', 'question-form');
  const name = `q${Math.random().toString(36).slice(2)}`;
  let read, restore;
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
      return picked ? { answer: picked.value } : { problem: 'Pick an answer first.' };
    };
    restore = (saved) => {
      const input = form.querySelector(`input[value="${saved.choice}"]`);
      if (saved.choice != null && input) input.checked = true;
    };
  } else {
    const input = el('input', 'answer');
    input.type = 'text'; input.inputMode = 'decimal'; input.autocomplete = 'off';
    input.placeholder = cfg.placeholder || (cfg.whole ? 'a whole number' : 'a number, e.g. 0.25 or 0,25');
    form.append(input);
    read = () => {
      const typed = input.value.trim();
      if (!typed) return { problem: 'Give an answer first.' };
      const n = readNumber(typed, !!cfg.whole);
      return n ? { answer: typed, read: n.text }
        : { problem: `“${typed}” is not a number the page can read: write it as 3.65 or 3,65, 1234 or 1 234.` };
    };
    restore = (saved) => { input.value = saved.answer; };
  }
  const check = el('button', 'check', 'Check');
  check.type = 'submit';
  form.append(check);
  const verdict = el('p', 'verdict');
  verdict.hidden = true;
  const explanation = el('p', 'explanation');
  explanation.hidden = true;
  const note = el('p', 'answer-note');
  note.hidden = true;
  let asked = 0;

  function show(right, text) {
    verdict.hidden = false;
    verdict.textContent = right ? 'Right.' : 'Not quite — try again.';
    verdict.className = `verdict ${right ? 'right' : 'wrong'}`;
    explanation.textContent = right && text ? text : '';
    explanation.hidden = !(right && text);
    box.dataset.correct = String(right);
  }

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const r = read();
    note.hidden = true;
    if (r.problem) {
      verdict.hidden = false;
      verdict.textContent = r.problem;
      verdict.className = 'verdict';
      return;
    }
    const lab = document.getElementById('lab');
    if (!lab || !id) return;
    const n = ++asked; // only the latest answer's verdict counts
    verdict.hidden = false;
    verdict.className = 'verdict';
    verdict.textContent = r.read && r.read !== r.answer ? `Checking ${r.read}…` : 'Checking…';
    explanation.hidden = true;
    delete box.dataset.correct;
    send('POST', `/api/labs/${encodeURIComponent(lab.dataset.slug)}/answers`, { question: id, answer: r.answer })
      .then((checked) => {
        if (n !== asked) return;
        show(checked.correct, checked.explanation);
        box.dataset.stored = String(checked.stored);
        if (page) {
          page.answered(id, {
            answer: Array.isArray(cfg.choices) ? checked.answer : r.answer, choice: Array.isArray(cfg.choices) ? Number(r.answer) : null,
            correct: checked.correct, explanation: checked.explanation || null,
          });
        }
      })
      .catch((err) => {
        box.dataset.stored = 'false';
        if (n !== asked) return;
        verdict.hidden = true;
        note.textContent = notChecked(err);
        note.hidden = false;
      });
  });

  box.append(form, verdict, note, explanation);
  host.append(box);
  const saved = page && id ? page.savedAnswer(id) : undefined;
  if (saved) {
    restore(saved);
    show(saved.correct, saved.explanation);
    box.dataset.restored = 'true';
    page.answered(id, saved);
  }
}

/** Why an answer was not checked, in a line a student can act on. */
function notChecked(err) {
  if (!(err instanceof RefusedError)) return 'Your answer was not checked: the server could not be reached. Try again in a moment.';
  if (err.status === 429) {
    const wait = err.retryAfter ? ` Try again in ${err.retryAfter} s.` : ' Try again in a minute.';
    return `Your answer was not checked: too many answers in a short time.${wait}`;
  }
  if (err.status >= 500) return 'Your answer was not checked: the server had a problem. Try again in a moment.';
  return `Your answer was not checked: ${err.message}`;
}
