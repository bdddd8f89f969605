// The network view: input nodes (click to toggle a feature), hidden layers with +/− neuron buttons,
// the output node; each node holds a small map; links are drawn from the latest weights.

import { ACTIVATIONS, ACTIVATION_WORDS, FEATURES, MAX_NEURONS } from './state.js';
import { color } from '../shared/draw/colors.js';
import { FEATURE_LABELS, drawLinks } from './render.js';
import { describeEdit, openEditor } from './edit.js';

const NODE = 36;
/** Space between the columns' left edges: the widest, and the narrowest the layer buttons allow. */
const COLUMN = 110;
const MIN_COLUMN = 86;
const ROW = 50;
const TOP = 76; // room above the first row for each layer's buttons, activation and batch-norm toggle

/** The view's width for a number of columns spaced `column` px apart. */
const widthOf = (columns, column) => column * (columns - 1) + NODE + 20;

/** The column spacing that fits `columns` columns into `room` px (between MIN_COLUMN and COLUMN). */
export function columnFor(columns, room = Infinity) {
  if (columns < 2) return COLUMN;
  return Math.max(MIN_COLUMN, Math.min(COLUMN, Math.floor((room - NODE - 20) / (columns - 1))));
}

/** The width the view takes for a state's network in `room` px. */
export function networkWidth(state, room = Infinity) {
  const columns = state.networkShape.length + 2;
  return widthOf(columns, columnFor(columns, room));
}

function el(tag, attrs = {}, text) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}

/**
 * Builds the view for a state in at most `room` px of width (the columns close up to fit, down to MIN_COLUMN).
 * handlers: toggleFeature(id), neurons(layer, delta), hover(layer, unit | null), layerActivation(layer, id | ''),
 * batchNorm(layer, on),
 * editing() (a field for a weight or bias opens: the page pauses a run), edit(edit, value) (a value typed in
 * it; edit is {layer, input, unit} for a weight, {layer, unit, bias: true} for a bias).
 * Returns the canvases by layer (inputs by feature id) and a function drawing the links for given weights.
 */
export function buildNetwork(container, state, handlers, room = Infinity) {
  container.replaceChildren();
  const shape = state.networkShape;
  const columns = shape.length + 2;
  const column = columnFor(columns, room);
  const width = widthOf(columns, column);
  container.classList.toggle('narrow', column < COLUMN);
  const height = TOP + ROW * Math.max(FEATURES.length, ...shape) + 10;
  container.style.width = `${width}px`;
  container.style.height = `${height}px`;
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('width', String(width));
  svg.setAttribute('height', String(height));
  svg.setAttribute('class', 'links');
  container.append(svg);

  const pos = (c, row) => ({ x: 10 + c * column, y: TOP + row * ROW });
  const node = (column, row, cls, title) => {
    const { x, y } = pos(column, row);
    const div = el('div', { class: `node ${cls}`, title });
    div.style.left = `${x}px`;
    div.style.top = `${y}px`;
    const canvas = el('canvas', { width: '50', height: '50' });
    div.append(canvas);
    container.append(div);
    return { div, canvas };
  };
  let shownWeights = null;
  /** A neuron's bias: a small handle on its node, clicked to edit it. */
  const biasHandle = (div, layer, unit) => {
    const mark = el('button', { class: 'bias', type: 'button', title: 'bias: click to edit', 'aria-label': 'bias' });
    mark.addEventListener('click', (e) => {
      e.stopPropagation();
      if (shownWeights) startEdit({ layer, unit, bias: true }, shownWeights.biases[layer][unit], e);
    });
    div.append(mark);
  };

  const inputs = {};
  FEATURES.forEach((id, row) => {
    const active = state.features.includes(id);
    const { div, canvas } = node(0, row, active ? 'input active' : 'input inactive', `feature ${FEATURE_LABELS[id]}`);
    div.dataset.feature = id;
    div.append(el('span', { class: 'label' }, FEATURE_LABELS[id]));
    div.addEventListener('click', () => handlers.toggleFeature(id));
    inputs[id] = canvas;
  });

  const neurons = [];
  shape.forEach((units, l) => {
    const { x } = pos(l + 1, 0);
    const buttons = el('div', { class: 'layer-buttons', 'data-control': 'numHiddenLayers' });
    buttons.style.left = `${x - 8}px`;
    const plus = el('button', { class: 'add-neuron', title: 'add a neuron' }, '+');
    const minus = el('button', { class: 'remove-neuron', title: 'remove a neuron' }, '−');
    plus.disabled = units >= MAX_NEURONS;
    minus.disabled = units <= 1;
    plus.addEventListener('click', () => handlers.neurons(l, +1));
    minus.addEventListener('click', () => handlers.neurons(l, -1));
    const activation = el('select', { class: 'layer-activation', title: 'this layer\'s activation' });
    for (const id of ['', ...ACTIVATIONS]) activation.append(el('option', { value: id }, id ? ACTIVATION_WORDS[id] : 'as all'));
    activation.value = state.layerActivations[l] || '';
    activation.addEventListener('change', () => handlers.layerActivation(l, activation.value));
    const normalised = Boolean(state.batchNorm[l]);
    const norm = el('label', {
      class: 'layer-bn', 'data-control': 'batchNorm',
      title: 'batch normalisation after this layer\'s activation (dropout then leaves this layer out)',
    });
    const toggle = el('input', { type: 'checkbox', class: 'layer-bn-toggle', 'aria-label': `batch normalisation of layer ${l + 1}` });
    toggle.checked = normalised;
    toggle.addEventListener('change', () => handlers.batchNorm(l, toggle.checked));
    norm.append(toggle, document.createTextNode(' batch norm'));
    buttons.append(plus, minus, el('span', { class: 'units' }, `${units} neurons`), el('br'), activation, el('br'), norm);
    container.append(buttons);
    if (normalised) {
      // the mark under the layer's neurons: their outputs are normalised before the next layer sees them
      const mark = el('div', { class: 'bn-mark', title: 'batch normalisation: each neuron\'s output normalised over the batch, then scaled (γ) and shifted (β)' }, 'BN');
      const { y } = pos(l + 1, units - 1);
      mark.style.left = `${x}px`;
      mark.style.top = `${y + NODE + 4}px`;
      mark.dataset.layer = String(l);
      container.append(mark);
    }
    const layer = [];
    for (let u = 0; u < units; u++) {
      const { div, canvas } = node(l + 1, u, 'neuron', `layer ${l + 1}, neuron ${u + 1}`);
      div.dataset.layer = String(l);
      div.dataset.unit = String(u);
      div.addEventListener('mouseenter', () => handlers.hover(l, u));
      div.addEventListener('mouseleave', () => handlers.hover(null));
      biasHandle(div, l, u);
      layer.push(canvas);
    }
    neurons.push(layer);
  });
  const outputs = state.problem === 'classification' && state.classes === 3 ? 3 : 1;
  const outs = [];
  for (let u = 0; u < outputs; u++) {
    const out = node(columns - 1, u, 'neuron output', outputs > 1 ? `output, class ${u}` : 'output');
    out.div.dataset.unit = String(u);
    out.div.dataset.layer = String(shape.length);
    biasHandle(out.div, shape.length, u);
    outs.push(out.canvas);
  }
  neurons.push(outs);

  const active = FEATURES.filter((id) => state.features.includes(id));
  const centre = (column, row) => { const p = pos(column, row); return { x: p.x + NODE / 2, y: p.y + NODE / 2 }; };
  const fromRows = [active.map((id) => FEATURES.indexOf(id)), ...shape.map((n) => [...Array(n).keys()])];

  /** kernels[layer][input][unit], biases[layer][unit] (Keras's layout). */
  function drawWeights(weights) {
    const links = [];
    if (weights) {
      weights.kernels.forEach((kernel, l) => {
        kernel.forEach((row, i) => row.forEach((w, u) => {
          const a = centre(l, fromRows[l][i]);
          const b = centre(l + 1, u);
          links.push({ x1: a.x + NODE / 2, y1: a.y, x2: b.x - NODE / 2, y2: b.y, weight: w, layer: l, input: i, unit: u });
        }));
      });
      weights.biases.forEach((biases, l) => biases.forEach((b, u) => {
        const canvas = neurons[l] && neurons[l][u];
        if (!canvas) return;
        const node = canvas.parentElement;
        node.dataset.bias = b.toFixed(3);
        const mark = node.querySelector('.bias');
        const [r, g, bl] = color(Math.tanh(b));
        mark.style.background = `rgb(${r},${g},${bl})`;
        mark.title = `bias ${b.toFixed(3)}: click to edit`;
      }));
    }
    shownWeights = weights;
    drawLinks(svg, links, (link, event) => startEdit(link, link.weight, event));
  }

  /** Opens a field for a weight or a bias where it was clicked (the page pauses a run first). */
  function startEdit(edit, value, event) {
    const target = { layer: edit.layer, unit: edit.unit, ...(edit.bias ? { bias: true } : { input: edit.input }) };
    handlers.editing();
    const box = container.getBoundingClientRect();
    const input = openEditor(container, {
      x: event.clientX - box.left,
      y: event.clientY - box.top,
      value,
      label: describeEdit(target, { inputName: (i) => FEATURE_LABELS[active[i]], outputLayer: shape.length, outputs }),
      set: (v) => handlers.edit(target, v),
    });
    for (const [k, v] of Object.entries(target)) input.dataset[k] = String(v);
  }

  return { inputs, neurons, drawWeights };
}
