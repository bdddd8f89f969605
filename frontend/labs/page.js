// What the widgets of one page share: the trained jobs of its train blocks, so a digits block can use one.

export class LabPage {
  constructor() {
    this.jobs = new Map();      // train block name -> {id, spec}
    this.listeners = [];
  }

  /** A train block finished a job (name: the block's "name", else "train-N"). */
  trained(name, job) {
    this.jobs.set(name, job);
    this.lastJob = job;
    this.listeners.forEach((f) => f(name, job));
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
