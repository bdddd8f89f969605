// question: multiple choice ("choices" + "answer" = index of the right one) or a number ("answer" +
// "tolerance"), checked on the spot, then the explanation. Every answer also goes to the server, which
// checks it against the lab file itself and keeps a student's answer for the instructor; its verdict
// is the one that stays on the page. All lab text is put in as text.

import { el } from '../page.js';
import { send } from '../../classroom/send.js';

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
      .catch(() => { box.dataset.stored = 'false'; });
  });
  function show(right) {
    verdict.hidden = false;
    verdict.textContent = right ? 'Right.' : 'Not quite — try again.';
    verdict.className = `verdict ${right ? 'right' : 'wrong'}`;
    explanation.hidden = !right || !cfg.explanation;
  }
  box.append(form, verdict, explanation);
  host.append(box);
}
