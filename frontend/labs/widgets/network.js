// network: a small dense network drawn as a picture, computed in the page from weights the student edits.
// {"layers": [{"units": 2, "activation": "relu"}, {"units": 1, "activation": "linear"}],
//  "weights": {"kernels": [[[1, 1], [1, 1]], [[1], [-2]]], "biases": [[0, -1], [0]]}   (Keras's layout, as model.weights)
//  "inputs": [[0, 0], [0, 1], [1, 0], [1, 1]], "targets": [0, 1, 1, 0], "range": [0, 1]}
// Shows the diagram (weights on the edges, biases in the units), a table of every layer's pre-activations and
// outputs for each input, and, for two inputs, the output as a heat map over range² with the inputs on it.

import { activation } from '../../shared/activations.js';
import { api } from '../../shared/jobs.js';
import { color, css } from '../../shared/draw/colors.js';
import { paintCells } from '../../shared/draw/heatmap.js';
import { el } from '../page.js';

const NS = 'http://www.w3.org/2000/svg';
const HEAT = 60; // cells per side of the heat map
const SIDE = 240; // its pixels per side

/**
 * The forward pass, layer by layer: z = Kᵀa + c, a = f(z), with K[i][j] the weight from input i to unit j.
 * Returns [{z, a}] per layer.
 */
export function forward(layers, weights, x) {
  const out = [];
  let a = x;
  layers.forEach((layer, l) => {
    const K = weights.kernels[l], c = weights.biases[l], f = activation(layer.activation || 'linear').f;
    const z = c.map((bias, j) => a.reduce((s, v, i) => s + v * K[i][j], bias));
    a = z.map(f);
    out.push({ z, a });
  });
  return out;
}

function svg(tag, attrs, parent) {
  const n = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) n.setAttribute(k, v);
  if (parent) parent.append(n);
  return n;
}

/** A weight as its field shows it: 3 decimals (a trained 1e-17 is 0); the computation keeps every digit until it is edited. */
const shown = (v) => String(+v.toFixed(3));
const fmt = (v) => (Number.isInteger(v) ? String(v) : String(+v.toFixed(3))).replace('-', '−');

/**
 * With "train": NAME the picture shows the weights the page's train block NAME ended with, after each of its runs
 * (until then the given ones): the network a run found, drawn and computed the same way.
 */
export function mount(host, cfg, page) {
  if (!cfg.train) return draw(host, cfg);
  const caption = el('p', 'trained-from', `The weights given here until the block "${cfg.train}" has trained; then the weights its last run ended with.`);
  const picture = el('div');
  host.append(caption, picture);
  draw(picture, cfg);
  let shown = 0;
  page.onTrained(async (name, job) => {
    if (name !== cfg.train || !job.final) return;
    const mine = ++shown;
    const doc = await api.model(job.id);
    if (mine !== shown) return;
    const layers = doc.layers.map((l) => ({ units: l.units, activation: l.activation }));
    picture.replaceChildren();
    draw(picture, { ...cfg, layers, weights: doc.weights });
    caption.textContent = `The weights of the "${cfg.train}" block's last run (job ${job.id}, after ${doc.epoch} epochs):`;
    host.dataset.jobId = job.id;
  });
}

function draw(host, cfg) {
  const layers = cfg.layers;
  if (!Array.isArray(layers) || !layers.length || !cfg.weights) throw new Error('a network block needs "layers" and "weights"');
  const unknown = layers.map((l) => l.activation || 'linear').filter((a) => !activation(a));
  if (unknown.length) throw new Error(`unknown activation ${unknown.join(', ')}`);
  const inputs = cfg.inputs || [];
  const width = cfg.weights.kernels[0].length;
  const original = structuredClone(cfg.weights);
  const weights = structuredClone(cfg.weights);
  const names = cfg.inputNames || Array.from({ length: width }, (_, i) => `x${i + 1}`);

  const box = el('div', 'network-picture');
  const diagram = el('div', 'network-diagram');
  const form = el('div', 'network-weights');
  const side = el('div', 'network-side');
  const table = el('table', 'network-table');
  const heatBox = el('figure', 'network-heat');
  const main = el('div', 'network-main');
  main.append(diagram, table);
  box.append(main, side);
  side.append(form, heatBox);
  host.append(box);

  // the editable weights, one small field per number, grouped by layer as the lecture writes them
  const fields = [];
  layers.forEach((layer, l) => {
    const group = el('fieldset', 'layer-weights');
    group.append(el('legend', null, `layer ${l + 1} (${layer.activation || 'linear'})`));
    const grid = el('div', 'weight-grid');
    const units = weights.kernels[l][0].length;
    grid.style.gridTemplateColumns = `3.5rem repeat(${units}, 4.5rem)`;
    const unitName = (layer, k) => (layer === 0 ? names[k] : layer === layers.length && units === 1 ? 'ŷ' : `h${layer}.${k + 1}`);
    grid.append(el('span', 'weight-head', 'to →'));
    for (let j = 0; j < units; j++) grid.append(el('span', 'weight-head', unitName(l + 1, j)));
    weights.kernels[l].forEach((row, i) => {
      grid.append(el('span', 'weight-head', unitName(l, i)));
      row.forEach((_, j) => grid.append(field(`kernel-${l}-${i}-${j}`, `weight from ${unitName(l, i)} to ${unitName(l + 1, j)}`,
        () => weights.kernels[l][i][j], (v) => { weights.kernels[l][i][j] = v; })));
    });
    grid.append(el('span', 'weight-head', 'bias'));
    weights.biases[l].forEach((_, j) => grid.append(field(`bias-${l}-${j}`, `bias of ${unitName(l + 1, j)}`,
      () => weights.biases[l][j], (v) => { weights.biases[l][j] = v; }, 'bias')));
    group.append(grid);
    form.append(group);
  });
  const reset = el('button', 'reset-weights', 'Back to the given weights');
  reset.type = 'button';
  reset.addEventListener('click', () => {
    Object.assign(weights, structuredClone(original));
    fields.forEach((f) => { f.input.value = shown(f.get()); f.input.classList.remove('invalid'); });
    update();
  });
  form.append(reset);

  function field(name, title, get, set, cls = 'kernel') {
    const input = el('input', `weight-input ${cls}`);
    input.type = 'number';
    input.step = 'any';
    input.name = name;
    input.title = title;
    input.setAttribute('aria-label', title);
    input.value = shown(get());
    input.addEventListener('input', () => {
      const v = Number(input.value);
      const ok = input.value.trim() !== '' && Number.isFinite(v);
      input.classList.toggle('invalid', !ok);
      if (ok) { set(v); update(); }
    });
    fields.push({ input, get });
    return input;
  }

  function update() {
    const runs = inputs.map((x) => forward(layers, weights, x));
    drawDiagram(runs);
    drawTable(runs);
    drawHeat();
    box.dataset.outputs = JSON.stringify(runs.map((r) => r[r.length - 1].a.map((v) => +v.toFixed(6))));
  }

  function drawDiagram(runs) {
    const sizes = [width, ...layers.map((l) => l.units)];
    const W = 460, H = 60 + 70 * Math.max(...sizes), colX = (c) => 50 + (c * (W - 110)) / (sizes.length - 1);
    const rowY = (c, k) => H / 2 + (k - (sizes[c] - 1) / 2) * 80;
    const s = svg('svg', { viewBox: `0 0 ${W} ${H}`, class: 'network-svg', role: 'img' });
    svg('title', {}, s).textContent = 'the network with its weights';
    const maxW = Math.max(1e-9, ...weights.kernels.flat(2).map(Math.abs));
    layers.forEach((_, l) => weights.kernels[l].forEach((row, i) => row.forEach((w, j) => {
      const [xa, ya, xb, yb] = [colX(l), rowY(l, i), colX(l + 1), rowY(l + 1, j)];
      svg('line', {
        x1: xa, y1: ya, x2: xb, y2: yb, class: `edge ${w >= 0 ? 'positive' : 'negative'}`, 'data-edge': `${l}-${i}-${j}`,
        'stroke-width': (1 + 4 * Math.abs(w) / maxW).toFixed(2),
      }, s);
      // the label sits a third of the way along, so the labels of crossing edges do not meet
      const t = svg('text', { x: xa + (xb - xa) * 0.3, y: ya + (yb - ya) * 0.3 - 4, class: 'edge-label', 'text-anchor': 'middle' }, s);
      t.textContent = fmt(w);
    })));
    sizes.forEach((n, c) => {
      for (let k = 0; k < n; k++) {
        const g = svg('g', { class: c === 0 ? 'unit input' : 'unit' }, s);
        svg('circle', { cx: colX(c), cy: rowY(c, k), r: 22 }, g);
        const label = c === 0 ? names[k] : c === sizes.length - 1 && n === 1 ? 'ŷ' : `h${c}.${k + 1}`;
        svg('text', { x: colX(c), y: rowY(c, k) + 4, 'text-anchor': 'middle', class: 'unit-name' }, g).textContent = label;
        if (c > 0) {
          const act = layers[c - 1].activation || 'linear';
          svg('text', { x: colX(c), y: rowY(c, k) + 36, 'text-anchor': 'middle', class: 'unit-bias' }, g)
            .textContent = `${act}, bias ${fmt(weights.biases[c - 1][k])}`;
        }
      }
    });
    diagram.replaceChildren(s);
  }

  function drawTable(runs) {
    table.replaceChildren();
    const head = el('tr');
    head.append(el('th', null, names.join(', ')));
    layers.forEach((layer, l) => {
      const last = l === layers.length - 1;
      head.append(el('th', null, `z${last ? '' : l + 1} = ${l === 0 ? 'Wᵀx + c' : last ? 'wᵀh + b' : 'Kᵀh + c'}`),
        el('th', null, last ? `ŷ = ${layer.activation || 'linear'}(z)` : `h${l + 1} = ${layer.activation}(z${l + 1})`));
    });
    if (cfg.targets) head.append(el('th', null, 'target'));
    table.append(head);
    runs.forEach((r, n) => {
      const tr = el('tr', 'network-row');
      tr.append(el('td', null, `(${inputs[n].map(fmt).join(', ')})`));
      r.forEach(({ z, a }) => tr.append(el('td', 'z', `(${z.map(fmt).join(', ')})`), el('td', 'a', `(${a.map(fmt).join(', ')})`)));
      const out = r[r.length - 1].a;
      if (cfg.targets) {
        const right = out.length === 1 && Math.abs(out[0] - cfg.targets[n]) < 0.5;
        tr.append(el('td', `target ${right ? 'right' : 'wrong'}`, `${cfg.targets[n]} ${right ? '✓' : '✗'}`));
      }
      table.append(tr);
    });
  }

  function drawHeat() {
    if (width !== 2) { heatBox.hidden = true; return; }
    const [lo, hi] = cfg.range || [0, 1];
    let canvas = heatBox.querySelector('canvas');
    if (!canvas) {
      canvas = el('canvas', 'heat');
      canvas.width = SIDE; canvas.height = SIDE;
      heatBox.append(canvas, el('figcaption', null, `the output ŷ over [${lo}, ${hi}]²: blue 1, orange 0; x1 to the right, x2 up`));
    }
    const cells = paintCells(document.createElement('canvas'), HEAT, (i, r, c) => {
      const x = [lo + ((c + 0.5) / HEAT) * (hi - lo), hi - ((r + 0.5) / HEAT) * (hi - lo)];
      return color(2 * forward(layers, weights, x).pop().a[0] - 1);
    });
    const ctx = canvas.getContext('2d');
    ctx.imageSmoothingEnabled = false;
    ctx.drawImage(cells, 0, 0, SIDE, SIDE);
    // the inputs on top, in their target's colour
    inputs.forEach((x, n) => {
      const px = ((x[0] - lo) / (hi - lo)) * (SIDE - 16) + 8, py = (1 - (x[1] - lo) / (hi - lo)) * (SIDE - 16) + 8;
      ctx.beginPath();
      ctx.arc(px, py, 6, 0, 2 * Math.PI);
      ctx.fillStyle = cfg.targets ? css(color(2 * cfg.targets[n] - 1)) : '#333';
      ctx.fill();
      ctx.lineWidth = 2;
      ctx.strokeStyle = '#fff';
      ctx.stroke();
    });
  }

  update();
}
