// compgraph: the lecture's computational graph e = c·d with c = a + b and d = b + 1. The student sets a and b and
// sees the forward values on the nodes and each edge's local derivative; three ways to get ∂e/∂a and ∂e/∂b:
// summing the products along every path, forward mode (one sweep per input, carrying ∂x/∂input forward) and
// reverse mode (one sweep from e back, carrying ∂e/∂x: backpropagation); and how many operations summing over
// paths costs against factorising them, for a chain of k such diamonds.
// {"a": 2, "b": 1}

import { el } from '../page.js';

const NS = 'http://www.w3.org/2000/svg';
const fmt = (v) => String(+v.toPrecision(6)).replace('-', '−');

/** Forward values and every derivative of the graph at (a, b). */
export function evaluate(a, b) {
  const c = a + b;
  const d = b + 1;
  const e = c * d;
  // local derivatives on the edges
  const local = { ac: 1, bc: 1, bd: 1, ce: d, de: c };
  return {
    a, b, c, d, e, local,
    dedA: local.ce * local.ac,
    dedB: local.ce * local.bc + local.de * local.bd,
  };
}

const NODES = {
  a: { x: 60, y: 60, label: 'a' },
  b: { x: 60, y: 200, label: 'b' },
  c: { x: 230, y: 60, label: 'c = a + b' },
  d: { x: 230, y: 200, label: 'd = b + 1' },
  e: { x: 400, y: 130, label: 'e = c · d' },
};
const EDGES = [['a', 'c'], ['b', 'c'], ['b', 'd'], ['c', 'e'], ['d', 'e']];

function svg(tag, attrs, parent, text) {
  const n = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) n.setAttribute(k, v);
  if (text !== undefined) n.textContent = text;
  if (parent) parent.append(n);
  return n;
}

export function mount(host, cfg) {
  const box = el('div', 'compgraph');
  const form = el('form', 'compgraph-inputs');
  form.addEventListener('submit', (e) => e.preventDefault());
  const inputs = {};
  for (const name of ['a', 'b']) {
    const label = el('label', null);
    label.append(el('span', null, `${name} = `));
    const input = el('input');
    input.type = 'number';
    input.step = 'any';
    input.name = name;
    input.value = String(cfg[name] ?? (name === 'a' ? 2 : 1));
    input.addEventListener('input', update);
    inputs[name] = input;
    label.append(input);
    form.append(label);
  }
  const modes = el('div', 'compgraph-modes');
  const MODES = { paths: 'sum over paths', forward: 'forward mode', reverse: 'reverse mode (backprop)' };
  let mode = cfg.mode || 'paths';
  for (const [id, text] of Object.entries(MODES)) {
    const b = el('button', `mode mode-${id}`, text);
    b.type = 'button';
    b.addEventListener('click', () => { mode = id; update(); });
    modes.append(b);
  }
  form.append(modes);
  const picture = svg('svg', { viewBox: '0 0 480 260', class: 'compgraph-svg', role: 'img' });
  const working = el('ol', 'compgraph-working');
  const result = el('p', 'compgraph-result');
  const cost = el('div', 'compgraph-cost');
  box.append(form, picture, result, working, cost);
  host.append(box);
  drawCost(cost);
  update();

  function update() {
    const a = Number(inputs.a.value);
    const b = Number(inputs.b.value);
    modes.querySelectorAll('button').forEach((btn) => btn.classList.toggle('active', btn.classList.contains(`mode-${mode}`)));
    if (!Number.isFinite(a) || !Number.isFinite(b) || inputs.a.value === '' || inputs.b.value === '') {
      result.textContent = 'a and b must be numbers.';
      return;
    }
    const g = evaluate(a, b);
    box.dataset.mode = mode;
    box.dataset.dedb = String(g.dedB);
    box.dataset.deda = String(g.dedA);
    draw(g);
    explain(g);
  }

  function draw(g) {
    picture.replaceChildren();
    const adjoint = { e: 1, c: g.local.ce, d: g.local.de, a: g.dedA, b: g.dedB }; // ∂e/∂x
    const tangentB = { a: 0, b: 1, c: 1, d: 1, e: g.dedB }; // ∂x/∂b
    for (const [from, to] of EDGES) {
      const p = NODES[from], q = NODES[to];
      svg('line', { x1: p.x + 28, y1: p.y, x2: q.x - 28, y2: q.y, class: 'compgraph-edge' }, picture);
      const mx = (p.x + q.x) / 2, my = (p.y + q.y) / 2 - 8;
      const local = g.local[from + to];
      const name = `∂${to}/∂${from}`;
      const symbolic = from + to === 'ce' ? ' = d' : from + to === 'de' ? ' = c' : '';
      const t = svg('text', { x: mx, y: my, class: 'compgraph-edge-label', 'text-anchor': 'middle' }, picture,
        `${name}${symbolic} = ${fmt(local)}`);
      t.dataset.edge = `${from}-${to}`;
    }
    for (const [id, n] of Object.entries(NODES)) {
      svg('circle', { cx: n.x, cy: n.y, r: 28, class: `compgraph-node node-${id}` }, picture);
      const v = svg('text', { x: n.x, y: n.y + 5, 'text-anchor': 'middle', class: 'compgraph-value' }, picture, `${id} = ${fmt(g[id])}`);
      v.dataset.node = id;
      svg('text', { x: n.x, y: n.y - 34, 'text-anchor': 'middle', class: 'compgraph-label' }, picture, n.label);
      let below = null;
      if (mode === 'reverse') below = `∂e/∂${id} = ${fmt(adjoint[id])}`;
      if (mode === 'forward') below = `∂${id}/∂b = ${fmt(tangentB[id])}`;
      if (below) {
        const d = svg('text', { x: n.x, y: n.y + 46, 'text-anchor': 'middle', class: 'compgraph-derivative' }, picture, below);
        d.dataset.node = id;
      }
    }
  }

  function explain(g) {
    const L = g.local;
    const lines = [];
    if (mode === 'paths') {
      result.textContent = `∂e/∂b = ∂e/∂c·∂c/∂b + ∂e/∂d·∂d/∂b = ${fmt(L.ce)}·${fmt(L.bc)} + ${fmt(L.de)}·${fmt(L.bd)} = ${fmt(g.dedB)}`;
      lines.push(`Forward: c = a + b = ${fmt(g.c)}, d = b + 1 = ${fmt(g.d)}, e = c·d = ${fmt(g.e)}.`);
      lines.push(`Two paths lead from b to e (b → c → e and b → d → e): multiply the derivatives along each path, then add the paths.`);
      lines.push(`One path leads from a to e: ∂e/∂a = ∂e/∂c·∂c/∂a = ${fmt(L.ce)}·${fmt(L.ac)} = ${fmt(g.dedA)}.`);
    } else if (mode === 'forward') {
      result.textContent = `Forward mode, seeded with ∂b/∂b = 1, ∂a/∂b = 0: ∂e/∂b = ${fmt(g.dedB)} after one sweep; ∂e/∂a = ${fmt(g.dedA)} needs a second sweep.`;
      lines.push(`∂c/∂b = ∂a/∂b + ∂b/∂b = 0 + 1 = 1; ∂d/∂b = ∂b/∂b = 1.`);
      lines.push(`∂e/∂b = ∂c/∂b·d + c·∂d/∂b = 1·${fmt(g.d)} + ${fmt(g.c)}·1 = ${fmt(g.dedB)}.`);
      lines.push(`A second sweep, seeded ∂a/∂a = 1, ∂b/∂a = 0, gives ∂c/∂a = 1, ∂d/∂a = 0, ∂e/∂a = 1·${fmt(g.d)} + ${fmt(g.c)}·0 = ${fmt(g.dedA)}: one sweep per input.`);
    } else {
      result.textContent = `Reverse mode from ∂e/∂e = 1: one sweep gives ∂e/∂a = ${fmt(g.dedA)} and ∂e/∂b = ${fmt(g.dedB)}.`;
      lines.push(`∂e/∂c = ∂e/∂e·d = ${fmt(L.ce)}; ∂e/∂d = ∂e/∂e·c = ${fmt(L.de)}.`);
      lines.push(`∂e/∂a = ∂e/∂c·∂c/∂a = ${fmt(L.ce)}·1 = ${fmt(g.dedA)}.`);
      lines.push(`∂e/∂b = ∂e/∂c·∂c/∂b + ∂e/∂d·∂d/∂b = ${fmt(L.ce)}·1 + ${fmt(L.de)}·1 = ${fmt(g.dedB)}: the sum at b is over the edges leaving b, each carrying the gradient passed back to its end.`);
      lines.push('One sweep per output: a network has millions of inputs (weights) and one loss, so training runs reverse mode.');
    }
    working.replaceChildren(...lines.map((t) => el('li', null, t)));
  }
}

/**
 * Paths against factorising for a chain of k diamonds (each node splits into two and joins again, as b does
 * here): 2^k paths of 2k edges, so 2^k·(2k − 1) products and 2^k − 1 sums; reverse mode 4k products and k sums.
 */
export function operations(k) {
  const paths = 2 ** k;
  return { paths, pathProducts: paths * (2 * k - 1), pathSums: paths - 1, reverseProducts: 4 * k, reverseSums: k };
}

function drawCost(host) {
  const label = el('label', null);
  label.append(el('span', null, 'diamonds in a chain, k = '));
  const k = el('input');
  k.type = 'range';
  k.min = '1';
  k.max = '20';
  k.value = '1';
  k.name = 'k';
  label.append(k);
  const out = el('p', 'compgraph-operations');
  host.append(el('h4', null, 'Summing over paths vs factorising'), label, out);
  const show = () => {
    const n = Number(k.value);
    const o = operations(n);
    out.textContent = `k = ${n}: ${o.paths.toLocaleString('en')} paths; summing over them takes `
      + `${o.pathProducts.toLocaleString('en')} products and ${o.pathSums.toLocaleString('en')} sums; `
      + `factorised (reverse mode) ${o.reverseProducts} products and ${o.reverseSums} sums.`;
    out.dataset.paths = String(o.paths);
  };
  k.addEventListener('input', show);
  show();
}
