// What the widgets of one page share: the trained jobs of its train blocks, so a digits block can use one; the
// student's work saved for a reload (answers, each train block's last job); and the parts of widgets that wait
// for a question to be answered right, so that no figure gives its answer away.

import { send } from '../shared/http.js';

export class LabPage {
  /** slug: the lab's; storage: where an anonymous visitor's work is kept (the browser's localStorage). */
  constructor(slug = null, storage = globalThis.localStorage) {
    this.jobs = new Map();      // train block name -> {id, spec}
    this.listeners = [];
    this.slug = slug;
    this.storage = storage;
    this.stored = false;        // true: the server keeps this student's work; false: the browser does
    this.work = { answers: {}, runs: {} };
    this.right = new Set();     // questions answered right
    this.waiting = [];          // {question, part, stand} hidden until the question is answered right
  }

  /** Loads the saved work: a student's from the server, else the browser's own. Never fails: a page starts empty. */
  async load(fetchWork = (slug) => send('GET', `/api/labs/${encodeURIComponent(slug)}/work`)) {
    if (!this.slug) return;
    try {
      const w = await fetchWork(this.slug);
      this.stored = !!(w && w.stored);
      if (this.stored) {
        w.answers.forEach((a) => { this.work.answers[a.question] = a; });
        w.runs.forEach((r) => { this.work.runs[r.block] = r.jobId; });
        return;
      }
    } catch { /* the server cannot say: what the browser kept, if anything */ }
    this.work = readLocal(this.storage, this.slug);
  }

  /** The saved answer to a question: {answer, choice, correct, explanation}, or undefined. */
  savedAnswer(question) { return this.work.answers[question]; }

  /** The saved last job id of a train block (its data-index), or undefined. */
  savedRun(block) { return this.work.runs[block]; }

  /** A question was answered (the server's verdict): kept for a reload, and parts waiting for it shown. */
  answered(question, saved) {
    this.work.answers[question] = saved;
    if (!this.stored) writeLocal(this.storage, this.slug, this.work);
    if (!saved.correct) return;
    this.right.add(question);
    this.waiting.filter((w) => w.question === question).forEach((w) => w.stand.replaceWith(w.part));
    this.waiting = this.waiting.filter((w) => w.question !== question);
  }

  /** A train block (its data-index) started a job: kept for a reload, by the server for a student. */
  ran(block, jobId) {
    this.work.runs[block] = jobId;
    if (!this.stored) {
      writeLocal(this.storage, this.slug, this.work);
      return Promise.resolve();
    }
    return send('PUT', `/api/labs/${encodeURIComponent(this.slug)}/runs/${block}`, { job: jobId }).catch(() => {});
  }

  /**
   * Keeps `part` (an element of a widget) out of the page until `question` is answered right; a note stands in
   * its place. The part is taken out of the document, not just hidden, so the page does not hold its figure.
   */
  revealAfter(question, part) {
    if (this.right.has(question)) return;
    const stand = el('p', 'reveal-note', 'Shown once its question is answered right.');
    stand.dataset.revealAfter = question;
    part.replaceWith(stand);
    this.waiting.push({ question, part, stand });
  }

  /**
   * A train block finished a job (name: the block's "name", else "train-N"); a compare block's variant
   * ("block/variant") is not the page's latest run (latest: false), which blocks without a "train" name use.
   */
  trained(name, job, { latest = true } = {}) {
    this.jobs.set(name, job);
    if (latest) this.lastJob = job;
    this.listeners.forEach((f) => f(name, job, latest));
  }

  onTrained(f) { this.listeners.push(f); }
}

/**
 * fn run at most once per `ms`: soon() runs it `ms` later unless a run is already due; cancel() drops a due
 * run (before a final drawing that a later one must not replace).
 */
export function throttled(fn, ms) {
  let due = null;
  return {
    soon() { if (!due) due = setTimeout(() => { due = null; fn(); }, ms); },
    cancel() { clearTimeout(due); due = null; },
  };
}

/** An element with optional class and text; text always goes in as text, never as HTML. */
export function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined && text !== null) e.textContent = String(text);
  return e;
}

const KEY = (slug) => `nnlab.lab.${slug}`;

/** An anonymous visitor's work on a lab, as this browser kept it. */
function readLocal(storage, slug) {
  try {
    const w = JSON.parse(storage.getItem(KEY(slug)) || 'null');
    if (w && typeof w.answers === 'object' && typeof w.runs === 'object') return w;
  } catch { /* no storage (a private window) or not ours */ }
  return { answers: {}, runs: {} };
}

function writeLocal(storage, slug, work) {
  try { storage.setItem(KEY(slug), JSON.stringify(work)); } catch { /* full or switched off: nothing kept */ }
}
