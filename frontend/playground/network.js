// The network view: input nodes (click to toggle a feature), hidden layers with +/− neuron buttons,
// the output node; each node holds a small map; links are drawn from the latest weights.

import { ACTIVATIONS, FEATURES, MAX_NEURONS } from './state.js';
import { color } from '../shared/draw/colors.js';
import { FEATURE_LABELS, drawLinks } from './render.js';

const NODE = 36;
const COLUMN = 110;
const ROW = 50;
const TOP = 52;

function el(tag, attrs = {}, text) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}

/**
 * Builds the view for a state. handlers: toggleFeature(id), neurons(layer, delta), hover(layer, unit | null),
 * editWeight(layer, input, unit, value), layerActivation(layer, id | '').
 * Returns the canvases by layer (inputs by feature id) and a function drawing the links for given weights.
 */
export function buildNetwork(container, state, handlers) {
  container.replaceChildren();
  const shape = state.networkShape;
  const columns = shape.length + 2;
  const width = COLUMN * (columns - 1) + NODE + 20;
  const height = TOP + ROW * Math.max(FEATURES.length, ...shape) + 10;
  container.style.width = `${width}px`;
  container.style.height = `${height}px`;
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('width', String(width));
  svg.setAttribute('height', String(height));
  svg.setAttribute('class', 'links');
  container.append(svg);

  const pos = (column, row) => ({ x: 10 + column * COLUMN, y: TOP + row * ROW });
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
    for (const id of ['', ...ACTIVATIONS]) activation.append(el('option', { value: id }, id || 'as all'));
    activation.value = state.layerActivations[l] || '';
    activation.addEventListener('change', () => handlers.layerActivation(l, activation.value));
    buttons.append(plus, minus, el('span', { class: 'units' }, `${units} neurons`), el('br'), activation);
    container.append(buttons);
    const layer = [];
    for (let u = 0; u < units; u++) {
      const { div, canvas } = node(l + 1, u, 'neuron', `layer ${l + 1}, neuron ${u + 1}`);
      div.dataset.layer = String(l);
      div.dataset.unit = String(u);
      div.addEventListener('mouseenter', () => handlers.hover(l, u));
      div.addEventListener('mouseleave', () => handlers.hover(null));
      layer.push(canvas);
    }
    neurons.push(layer);
  });
  const outputs = state.problem === 'classification' && state.classes === 3 ? 3 : 1;
  const outs = [];
  for (let u = 0; u < outputs; u++) {
    const out = node(columns - 1, u, 'neuron output', outputs > 1 ? `output, class ${u}` : 'output');
    out.div.dataset.unit = String(u);
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
        let mark = node.querySelector('.bias');
        if (!mark) { mark = el('span', { class: 'bias' }); node.append(mark); }
        const [r, g, bl] = color(Math.tanh(b));
        mark.style.background = `rgb(${r},${g},${bl})`;
        mark.title = `bias ${b.toFixed(3)}`;
      }));
    }
    drawLinks(svg, links, openEditor);
  }

  /** Clicking a link opens a field for its weight; a changed value (Enter) sets it, Escape closes the field. */
  function openEditor(link, event) {
    container.querySelector('.weight-editor')?.remove();
    const box = container.getBoundingClientRect();
    const input = el('input', { class: 'weight-editor', type: 'number', step: '0.1', value: link.weight.toFixed(3) });
    input.style.left = `${event.clientX - box.left}px`;
    input.style.top = `${event.clientY - box.top}px`;
    input.addEventListener('change', () => {
      const value = Number(input.value);
      input.remove();
      if (input.value !== '' && Number.isFinite(value)) handlers.editWeight(link.layer, link.input, link.unit, value);
    });
    input.addEventListener('keydown', (e) => { if (e.key === 'Escape') input.remove(); });
    container.append(input);
    input.focus();
    input.select();
  }

  return { inputs, neurons, drawWeights };
}
