// backprop: one training example through a trained network and back, step by step, as the server's engine
// computed it (POST /api/jobs/{id}/trace): forward, neuron by neuron, z = Σ aᵢ·wᵢⱼ + bⱼ and a = f(z); the loss;
// then backward, output layer first, δ = ∂L/∂z of each neuron (δⱼ = f'(zⱼ)·Σₖ wⱼₖ·δₖ: the gradient passed back
// layer by layer) and ∂L/∂wᵢⱼ = aᵢ·δⱼ of its incoming weights, each beside the engine's finite-difference
// estimate (L(w + h) − L(w − h)) / 2h.
// {"train": "NAME" (the train block whose last run is traced), "examples": 4 (training examples to choose from),
//  "inputNames": ["x1", "x2"]}

import { activation } from '../../shared/activations.js';
import { api } from '../../shared/jobs.js';
import { el } from '../page.js';

/** A number as the widget shows it: six significant digits, tiny ones in exponent form, a true minus sign. */
export const fmt = (v) => {
  if (v === 0) return '0';
  const s = Math.abs(v) < 1e-4 ? v.toExponential(2) : String(+v.toPrecision(6));
  return s.replace('-', '−');
};

const LOSS_RULES = {
  mse: 'L = mean over outputs of (a − y)²; δ = 2(a − y)·f\'(z) / outputs',
  mae: 'L = mean over outputs of |a − y|; δ = sign(a − y)·f\'(z) / outputs',
  binary_crossentropy: 'L = −y·log a − (1 − y)·log(1 − a) with a = σ(z); δ = (a − y) / outputs',
  sparse_categorical_crossentropy: 'L = −log a_y with a = softmax(z); δⱼ = aⱼ − [j = y]',
  hinge: 'L = max(0, 1 − t·a) with t = ±1; δ = −t·f\'(z) while t·a < 1, else 0',
  perceptron: 'L = max(0, −t·z); δ = a − y (Rosenblatt\'s rule, not the derivative)',
};

/** The steps of a trace: every neuron forward, the loss, every neuron backward (output layer first). */
export function steps(layers) {
  const s = [];
  layers.forEach((layer, l) => layer.z.forEach((_, j) => s.push({ phase: 'forward', l, j })));
  s.push({ phase: 'loss' });
  for (let l = layers.length - 1; l >= 0; l--) layers[l].z.forEach((_, j) => s.push({ phase: 'backward', l, j }));
  return s;
}

export async function mount(host, cfg, page) {
  if (!cfg.train) throw new Error('a backprop block needs "train": the name of the train block whose network it traces');
  const count = cfg.examples || 4;
  const box = el('div', 'backprop');
  const note = el('p', 'bp-note', `Train the network of the block "${cfg.train}" first: its last run is traced here.`);
  const controls = el('div', 'bp-controls');
  const chooser = el('select', 'bp-example');
  chooser.name = 'example';
  for (let i = 0; i < count; i++) {
    const o = el('option', null, `training example ${i}`);
    o.value = String(i);
    chooser.append(o);
  }
  const back = button('bp-back', '◀ Back');
  const next = button('bp-next', 'Next ▶');
  const all = button('bp-all', 'Show all');
  const restart = button('bp-restart', 'Start over');
  const counter = el('span', 'bp-step');
  controls.append(chooser, restart, back, next, all, counter);
  const explain = el('p', 'bp-explain');
  const net = el('div', 'bp-net');
  const lossLine = el('p', 'bp-loss');
  const grads = el('table', 'bp-gradients');
  box.append(note, controls, explain, net, lossLine, grads);
  host.append(box);
  [chooser, back, next, all, restart].forEach((c) => { c.disabled = true; });

  let job = null;
  let weights = null;
  let trace = null;
  let plan = [];
  let at = 0; // steps shown

  page.onTrained(async (name, j) => {
    if (name !== cfg.train || !j.final) return;
    job = j.id;
    const doc = await api.model(job);
    weights = doc.weights;
    await load();
  });
  chooser.addEventListener('change', load);
  next.addEventListener('click', () => show(Math.min(at + 1, plan.length)));
  back.addEventListener('click', () => show(Math.max(at - 1, 0)));
  all.addEventListener('click', () => show(plan.length));
  restart.addEventListener('click', () => show(0));

  async function load() {
    if (!job) return;
    const answer = await api.trace(job, { index: Number(chooser.value) });
    trace = answer.trace;
    plan = steps(trace.layers);
    host.dataset.jobId = job;
    box.dataset.epoch = answer.epoch;
    box.dataset.loss = answer.loss;
    note.textContent = `Job ${job} after ${answer.epoch} epochs, training example ${answer.index}: `
      + `inputs (${trace.inputs.map(fmt).join(', ')}), target ${trace.target.map(fmt).join(', ')}, loss function ${answer.loss}.`;
    [chooser, back, next, all, restart].forEach((c) => { c.disabled = false; });
    show(0);
  }

  /** Draws the first n steps. */
  function show(n) {
    at = n;
    const forwardDone = (l, j) => plan.findIndex((s) => s.phase === 'forward' && s.l === l && s.j === j) < n;
    const backwardDone = (l, j) => plan.findIndex((s) => s.phase === 'backward' && s.l === l && s.j === j) < n;
    const lossDone = plan.findIndex((s) => s.phase === 'loss') < n;
    const current = n > 0 ? plan[n - 1] : null;
    counter.textContent = `step ${n} of ${plan.length}${current ? ` · ${current.phase}` : ''}`;
    box.dataset.step = String(n);
    explain.textContent = current ? explanation(current) : 'Press Next: the input goes forward through the network, neuron by neuron.';
    drawNet(forwardDone, backwardDone, current);
    lossLine.textContent = lossDone ? `L = ${fmt(trace.loss)}` : '';
    drawGradients(backwardDone);
    back.disabled = n === 0;
    next.disabled = n === plan.length;
  }

  function unitName(l, j) {
    const layers = trace.layers.length;
    if (l < 0) return (cfg.inputNames || [])[j] || `x${j + 1}`;
    return l === layers - 1 && trace.layers[l].z.length === 1 ? 'ŷ' : `h${l + 1}.${j + 1}`;
  }

  function incoming(l) {
    return l === 0 ? trace.inputs : trace.layers[l - 1].a;
  }

  function explanation(s) {
    const layer = s.phase === 'loss' ? null : trace.layers[s.l];
    if (s.phase === 'forward') {
      const a = incoming(s.l);
      const terms = a.map((v, i) => `${fmt(v)}·${fmt(weights.kernels[s.l][i][s.j])}`).join(' + ');
      const f = layer.activation;
      return `Forward, ${unitName(s.l, s.j)}: z = ${terms} + ${fmt(weights.biases[s.l][s.j])} = ${fmt(layer.z[s.j])}; `
        + `a = ${f}(z) = ${fmt(layer.a[s.j])}`;
    }
    if (s.phase === 'loss') {
      const out = trace.layers[trace.layers.length - 1];
      return `Loss: ${LOSS_RULES[lossName()] || 'L'}. With a = (${out.a.map(fmt).join(', ')}) and y = `
        + `${trace.target.map(fmt).join(', ')}: L = ${fmt(trace.loss)}.`;
    }
    const last = s.l === trace.layers.length - 1;
    const delta = layer.delta[s.j];
    const weightsIn = incoming(s.l).map((v, i) => `∂L/∂w${i + 1}→ = ${fmt(v)}·${fmt(delta)}`).join(', ');
    if (last) {
      return `Backward, ${unitName(s.l, s.j)}: δ = ∂L/∂z = ${fmt(delta)} (from the loss). `
        + `Its incoming weights: ∂L/∂w = a_in·δ (${weightsIn}); ∂L/∂b = δ.`;
    }
    const above = trace.layers[s.l + 1];
    const sum = above.delta.map((d, k) => `${fmt(weights.kernels[s.l + 1][s.j][k])}·${fmt(d)}`).join(' + ');
    const f = activation(layer.activation);
    const slope = f ? fmt(f.d(layer.z[s.j])) : "f'(z)";
    return `Backward, ${unitName(s.l, s.j)}: the gradient passed back, δ = f'(z)·Σ w·δ_next = ${slope} × (${sum}) `
      + `= ${fmt(delta)}. Its incoming weights: ∂L/∂w = a_in·δ (${weightsIn}); ∂L/∂b = δ.`;
  }

  function lossName() {
    return box.dataset.loss;
  }

  function drawNet(forwardDone, backwardDone, current) {
    net.replaceChildren();
    const inputs = el('div', 'bp-layer');
    inputs.append(el('div', 'bp-layer-title', 'input'));
    trace.inputs.forEach((v, i) => {
      const n = el('div', 'bp-neuron bp-input');
      n.append(el('span', 'bp-name', unitName(-1, i)), el('span', 'bp-a', `a = ${fmt(v)}`));
      inputs.append(n);
    });
    net.append(inputs);
    trace.layers.forEach((layer, l) => {
      const col = el('div', 'bp-layer');
      col.append(el('div', 'bp-layer-title', `layer ${l + 1} (${layer.activation})`));
      layer.z.forEach((_, j) => {
        const n = el('div', 'bp-neuron');
        n.dataset.layer = String(l);
        n.dataset.unit = String(j);
        if (current && current.l === l && current.j === j) n.classList.add('current', current.phase);
        const fwd = forwardDone(l, j);
        const bwd = backwardDone(l, j);
        n.append(el('span', 'bp-name', unitName(l, j)),
          el('span', 'bp-z', fwd ? `z = ${fmt(layer.z[j])}` : 'z = ·'),
          el('span', 'bp-a', fwd ? `a = ${fmt(layer.a[j])}` : 'a = ·'),
          el('span', 'bp-delta', bwd ? `δ = ${fmt(layer.delta[j])}` : 'δ = ·'));
        col.append(n);
      });
      net.append(col);
    });
  }

  function drawGradients(backwardDone) {
    grads.replaceChildren();
    const head = el('tr');
    ['parameter', 'value', '∂L/∂θ (backprop)', 'finite difference', 'relative error'].forEach((h) => head.append(el('th', null, h)));
    grads.append(head);
    trace.layers.forEach((layer, l) => {
      layer.z.forEach((_, j) => {
        if (!backwardDone(l, j)) return;
        layer.kernelGradient.forEach((row, i) => {
          grads.append(row_(`w-${l}-${i}-${j}`, `w ${unitName(l - 1, i)} → ${unitName(l, j)}`, weights.kernels[l][i][j],
            row[j], layer.kernelEstimate[i][j]));
        });
        grads.append(row_(`b-${l}-${j}`, `b of ${unitName(l, j)}`, weights.biases[l][j], layer.biasGradient[j], layer.biasEstimate[j]));
      });
    });
  }

  function row_(id, name, value, g, fd) {
    const tr = el('tr', 'bp-grad');
    tr.dataset.param = id;
    const error = Math.abs(g - fd) / Math.max(Math.abs(g) + Math.abs(fd), 1e-6);
    [name, fmt(value), fmt(g), fmt(fd), error.toExponential(1)].forEach((v, k) => tr.append(el('td', `c${k}`, v)));
    return tr;
  }
}

function button(cls, text) {
  const b = el('button', cls, text);
  b.type = 'button';
  return b;
}
