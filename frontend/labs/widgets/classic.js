// classic: models side by side on one data set — the classic kinds (k-NN, tree, forest, SVM, adaboost: the job
// spec's model.kind) and networks — each trained by the server as a job and followed live to its end.
// {"dataset": a job spec's dataset, "seed": 1, "resolution": heat-map cells per side (40, 2-D sets),
//  "models": [{"name": "k-NN, k = 5", "model": {"kind": "knn", "k": 5}, "training": {…} (networks)}, …],
//  "rounds": true: a table of every step's α, ε (adaboost's figures) and accuracy, and a slider back over the steps}
// One button trains every model, two at a time. Each gets a card: on a 2-D set its output over the plane with the
// points (training filled, test hollow), then its test accuracy and its training time.

import { pageRunner } from '../../shared/run.js';
import { api } from '../../shared/jobs.js';
import { color, css, classColor, argmax } from '../../shared/draw/colors.js';
import { drawOver } from '../../shared/draw/heatmap.js';
import { el } from '../page.js';

const SIDE = 200;
const f3 = (v) => (Number.isFinite(v) ? v.toFixed(3) : '–');

/**
 * A 2-D model's output over [−6, 6]² on a SIDE² canvas: a grid of an epoch message (one map: P(class 1), else a
 * map per class, the argmax class's colour), then the points (training filled, test hollow).
 */
export function drawPlane(canvas, grid, points, resolution) {
  const ctx = canvas.getContext('2d');
  const maps = grid ? grid.layers[grid.layers.length - 1] : null;
  if (maps && maps.length === 1) drawOver(canvas, (i) => color(2 * maps[0][i] - 1), resolution, { alpha: 0.55, smooth: true });
  else if (maps) drawOver(canvas, (i) => { const [c, p] = argmax(maps, i); return classColor(c, p, maps.length); }, resolution, { alpha: 0.55 });
  const side = canvas.width;
  const px = (x) => ((x + 6) / 12) * side, py = (y) => ((6 - y) / 12) * side;
  for (const [set, hollow] of [[points && points.train, false], [points && points.test, true]]) {
    for (const [x1, x2, label] of set || []) {
      ctx.beginPath();
      ctx.arc(px(x1), py(x2), 2.5, 0, 2 * Math.PI);
      const c = css(classColor(Math.max(0, Math.round(label)), 1, 3));
      if (hollow) { ctx.strokeStyle = c; ctx.lineWidth = 1.5; ctx.stroke(); } else { ctx.fillStyle = c; ctx.fill(); }
    }
  }
}

export function mount(host, cfg) {
  if (!cfg.dataset || !Array.isArray(cfg.models) || !cfg.models.length) {
    throw new Error('a classic block needs "dataset" and "models"');
  }
  const plane = ['playground', 'xor', 'separable', 'points'].includes(cfg.dataset.name || 'playground');
  const resolution = cfg.resolution || 40;
  const box = el('div', 'classic');
  const train = el('button', 'run', cfg.models.length > 1 ? `Train the ${cfg.models.length} models` : 'Train');
  train.type = 'button';
  const cards = el('div', 'classic-cards');
  box.append(train, cards);
  host.append(box);

  // with rounds the job starts paused and goes on once the page follows it: every step's message arrives live,
  // with its figures and heat map (a finished job's stored history has neither)
  const specOf = (m) => ({
    dataset: cfg.dataset, model: m.model, training: m.training || {}, seed: cfg.seed ?? 1,
    ...(plane ? { output: { grid: { resolution } } } : {}),
    ...(cfg.rounds ? { startPaused: true } : {}),
  });

  function card(m) {
    const c = el('div', 'classic-card');
    const title = el('h4', null, m.name);
    const canvas = el('canvas', 'plane');
    canvas.width = SIDE; canvas.height = SIDE;
    canvas.hidden = !plane;
    const figures = el('p', 'classic-figures', 'waiting');
    c.append(title, canvas, figures);
    cards.append(c);
    return { c, canvas, figures, frames: [] };
  }

  const draw = (k, frame, points) => drawPlane(k.canvas, frame && frame.grid, points, resolution);

  function roundsTable(k, points) {
    const table = el('table', 'classic-rounds');
    const head = el('tr');
    ['step', 'α', 'ε', 'train accuracy', 'test accuracy'].forEach((h) => head.append(el('th', null, h)));
    table.append(head);
    for (const f of k.frames) {
      const tr = el('tr');
      [f.epoch, f3(f.figures && f.figures.alpha), f3(f.figures && f.figures.error), f3(f.train && f.train.accuracy),
        f3(f.test && f.test.accuracy)].forEach((x) => tr.append(el('td', null, String(x))));
      table.append(tr);
    }
    const withGrid = k.frames.filter((f) => f.grid);
    if (plane && withGrid.length > 1) {
      const slider = el('input', 'step-slider');
      slider.type = 'range'; slider.min = '0'; slider.max = String(withGrid.length - 1); slider.value = slider.max;
      slider.setAttribute('aria-label', 'step shown');
      const shown = el('span', 'step-readout', `after step ${withGrid[withGrid.length - 1].epoch}`);
      slider.addEventListener('input', () => {
        const f = withGrid[+slider.value];
        draw(k, f, points);
        shown.textContent = `after step ${f.epoch}`;
      });
      k.c.append(slider, shown);
    }
    k.c.append(table);
  }

  async function trainOne(m, k) {
    const followed = await pageRunner().start(specOf(m), {
      epoch(msg) {
        k.frames.push(msg);
        k.figures.textContent = `step ${msg.epoch}/${msg.epochs}: test accuracy ${f3(msg.test && msg.test.accuracy)}`;
      },
      // the job started over on another server instance: its steps so far are dropped, the student told why
      restart(notice) {
        k.frames = [];
        k.figures.textContent = notice;
      },
      snapshot(snap, run) { if (cfg.rounds) api.resume(run.id).catch(() => {}); },
    }, { retries: 5 });
    k.c.dataset.jobId = followed.id;
    const { status, error } = await followed.done;
    const last = followed.last;
    if (status !== 'SUCCEEDED' || !last) throw new Error(error || `the job ended ${status}`);
    const points = plane ? await api.points(followed.id) : null;
    const lastGrid = [...k.frames].reverse().find((f) => f.grid);
    if (plane) draw(k, lastGrid, points);
    const accuracy = last.test ? last.test.accuracy : NaN;
    k.c.dataset.accuracy = String(accuracy);
    k.figures.textContent = `test accuracy ${f3(accuracy)} · ${last.elapsedSeconds.toFixed(2)} s`;
    if (cfg.rounds) roundsTable(k, points);
  }

  train.addEventListener('click', async () => {
    train.disabled = true;
    cards.replaceChildren();
    box.dataset.done = 'false';
    const work = cfg.models.map((m) => [m, card(m)]);
    let next = 0;
    async function worker() {
      while (next < work.length) {
        const [m, k] = work[next++];
        try {
          await trainOne(m, k);
        } catch (e) {
          k.figures.textContent = e.message;
          k.c.classList.add('failed');
        }
      }
    }
    await Promise.all([worker(), worker()]);
    box.dataset.done = 'true';
    train.disabled = false;
  });
}
