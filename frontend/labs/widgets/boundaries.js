// boundaries: the decision boundaries of trained classifiers of the page side by side, each one's wrong points
// marked on it. {"train": ["shallow", "deep"] (train blocks' names), "split": "test" (or "train": whose wrong
// points are marked), "resolution": heat-map cells per side (50), "range": 6 (the square [−range, range]²)}
// When a named block's run ends, its job answers POST /api/jobs/{id}/predict twice: for the centres of the heat
// map's cells (the classes' probabilities, drawn as the heat map) and for the split's points (the classes the
// network gives them). A point is wrong where that class differs from its label; it gets a ring and a cross, and
// the count is written under the map. Nothing here computes the network: every class is the server's.

import { api } from '../../shared/jobs.js';
import { argmax, classColor, color, css } from '../../shared/draw/colors.js';
import { drawOver } from '../../shared/draw/heatmap.js';
import { el } from '../page.js';

const SIDE = 300;
const pct = (v) => `${(100 * v).toFixed(1)} %`;

/** The centres of resolution² cells of [−range, range]², row 0 at the top (x2 = range), as [x1, x2] rows. */
export function cellCentres(resolution, range) {
  const step = (2 * range) / resolution;
  const out = [];
  for (let r = 0; r < resolution; r++) {
    for (let c = 0; c < resolution; c++) out.push([-range + (c + 0.5) * step, range - (r + 0.5) * step]);
  }
  return out;
}

/** The points ([x1, x2, label]) whose predicted class differs from their label. */
export function wrongPoints(points, classes) {
  return points.filter((p, i) => classes[i] !== Math.round(p[2]));
}

export function mount(host, cfg, page) {
  const names = Array.isArray(cfg.train) ? cfg.train : [cfg.train];
  if (!names.length || names.some((n) => typeof n !== 'string' || !n)) {
    throw new Error('a boundaries block needs "train": the names of train blocks');
  }
  const split = cfg.split || 'test';
  if (!['test', 'train'].includes(split)) throw new Error('"split" is test or train');
  const resolution = cfg.resolution || 50;
  const range = cfg.range || 6;

  const box = el('div', 'boundaries plot-grid');
  const cards = new Map(names.map((name) => {
    const fig = el('figure', 'boundary-card plot-cell');
    fig.dataset.train = name;
    const canvas = el('canvas', 'plane');
    canvas.width = SIDE; canvas.height = SIDE;
    const caption = el('figcaption', null, `${name}: train the block above to see its boundary`);
    fig.append(canvas, caption);
    box.append(fig);
    return [name, { fig, canvas, caption, shown: null, latest: 0 }];
  }));
  host.append(box, el('p', 'boundaries-note', `Filled points: training; rings: test. Crossed and circled: the ${split} `
    + 'points the network puts in the wrong class (its own answers, from the server).'));

  page.onTrained((name, job) => {
    const card = cards.get(name);
    if (card && job.final && card.shown !== job.id) show(card, name, job);
  });

  async function show(card, name, job) {
    const n = ++card.latest;
    card.caption.textContent = `${name}: drawing…`;
    try {
      const points = await api.points(job.id);
      const marked = points[split];
      const [grid, own] = await Promise.all([
        api.predict(job.id, cellCentres(resolution, range)),
        api.predict(job.id, marked.map((p) => [p[0], p[1]])),
      ]);
      if (n !== card.latest) return;
      const wrong = wrongPoints(marked, own.classes);
      draw(card.canvas, grid.outputs, points, wrong);
      card.shown = job.id;
      Object.assign(card.fig.dataset, {
        jobId: job.id, wrong: String(wrong.length), points: String(marked.length), epoch: String(own.epoch),
      });
      card.caption.textContent = `${name}: ${wrong.length} of ${marked.length} ${split} points wrong `
        + `(${pct(1 - wrong.length / marked.length)} right), epoch ${own.epoch}`;
    } catch (e) {
      if (n === card.latest) card.caption.textContent = `${name}: no boundary: ${e.message}`;
    }
  }

  function draw(canvas, outputs, points, wrong) {
    const width = outputs[0].length;
    const maps = [...Array(width)].map((_, k) => outputs.map((o) => o[k]));
    if (width === 1) drawOver(canvas, (i) => color(2 * maps[0][i] - 1), resolution, { alpha: 0.55, smooth: true });
    else drawOver(canvas, (i) => { const [k, p] = argmax(maps, i); return classColor(k, p, width); }, resolution, { alpha: 0.55 });
    const ctx = canvas.getContext('2d');
    const px = (x) => ((x + range) / (2 * range)) * SIDE, py = (y) => ((range - y) / (2 * range)) * SIDE;
    for (const [set, hollow] of [[points.train, false], [points.test, true]]) {
      for (const [x1, x2, label] of set) {
        ctx.beginPath();
        ctx.arc(px(x1), py(x2), 2.5, 0, 2 * Math.PI);
        const c = css(classColor(Math.max(0, Math.round(label)), 1, 3));
        if (hollow) { ctx.strokeStyle = c; ctx.lineWidth = 1.5; ctx.stroke(); } else { ctx.fillStyle = c; ctx.fill(); }
      }
    }
    ctx.strokeStyle = '#d00';
    ctx.lineWidth = 1.5;
    for (const [x1, x2] of wrong) {
      const x = px(x1), y = py(x2);
      ctx.beginPath();
      ctx.arc(x, y, 6, 0, 2 * Math.PI);
      ctx.moveTo(x - 4, y - 4); ctx.lineTo(x + 4, y + 4);
      ctx.moveTo(x + 4, y - 4); ctx.lineTo(x - 4, y + 4);
      ctx.stroke();
    }
  }
}
