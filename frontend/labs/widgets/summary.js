// summary: Keras's model.summary() of a dense network, computed in the page without data or a job: a row per
// layer (a Flatten row with 0 parameters first for image input), then the Total / Trainable / Non-trainable
// params lines. {"inputs": 10, "layers": [20, 3] or [{"units": 20, "activation": "relu"}, …], "inputShape":
// [28, 28] (image input: flattened first), "editable": true (a field to try other shapes, "10, 20, 3": the
// input width, then each layer's units)}; a block whose figures answer a
// question names it in "revealAfter", like any widget. summaryTable() also draws the server's summary of a job (train blocks).

import { parameterLines, summaryOf } from '../keras.js';
import { el } from '../page.js';

/** The table of a summary (the server's `summary` of a job, or summaryOf's), and Keras's lines under it. */
export function summaryTable(host, summary) {
  host.replaceChildren();
  if (!summary) return;
  const t = el('table', 'model-summary');
  const head = el('tr');
  ['Layer (type)', 'Output Shape', 'Param #'].forEach((h) => head.append(el('th', null, h)));
  t.append(head);
  for (const r of summary.rows) {
    const tr = el('tr', `layer layer-${(r.type || 'Dense').toLowerCase()}`);
    tr.append(el('td', null, `${r.name} (${r.type || 'Dense'})`), el('td', null, r.outputShape),
      el('td', 'num', r.parameters.toLocaleString('en-US')));
    t.append(tr);
  }
  parameterLines(summary).forEach((line, i) => {
    const tr = el('tr', i === 0 ? 'total' : 'parameter-line');
    const td = el('td', null, line);
    td.colSpan = 3;
    tr.append(td);
    t.append(tr);
  });
  host.append(t);
}

/** "10, 20, 3" or "10-20-3": the input width, then each layer's units. */
export function parseShape(text) {
  const sizes = String(text).split(/[\s,\-–→x×]+/).filter(Boolean).map(Number);
  if (sizes.length < 2 || sizes.some((n) => !Number.isInteger(n) || n < 1 || n > 100000)) {
    throw new Error('give the input width and each layer\'s units as whole numbers from 1 to 100,000, e.g. 10, 20, 3');
  }
  return { inputs: sizes[0], layers: sizes.slice(1).map((units) => ({ units })) };
}

export function mount(host, cfg) {
  const layers = (cfg.layers || []).map((l) => (typeof l === 'number' ? { units: l } : l));
  if (!Number.isInteger(cfg.inputs) || !layers.length) throw new Error('a summary block needs "inputs" and "layers"');
  const box = el('div', 'summary-widget');
  const table = el('div', 'model-summary-box');
  const error = el('p', 'error');
  error.hidden = true;
  host.append(box);
  const show = (inputs, ls) => {
    const s = summaryOf(inputs, ls, cfg.inputShape);
    summaryTable(table, s);
    box.dataset.total = String(s.totalParameters);
  };
  if (cfg.editable) {
    const form = el('form', 'summary-form');
    const label = el('label', 'field');
    label.append(el('span', null, 'Layer sizes (inputs, then each layer) '));
    const input = el('input');
    input.type = 'text';
    input.name = 'shape';
    input.value = [cfg.inputs, ...layers.map((l) => l.units)].join(', ');
    label.append(input);
    const button = el('button', 'run', 'Count');
    button.type = 'submit';
    form.append(label, button);
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      try {
        const shape = parseShape(input.value);
        error.hidden = true;
        show(shape.inputs, shape.layers);
      } catch (err) {
        error.hidden = false;
        error.textContent = err.message;
      }
    });
    box.append(form);
  }
  box.append(error, table);
  show(cfg.inputs, layers);
}
