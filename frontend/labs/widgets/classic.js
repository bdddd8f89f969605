// classic: models side by side on one data set — the classic kinds (k-NN, tree, forest, SVM, adaboost: the job
// spec's model.kind) and networks — each trained by the server as a job and followed live to its end.
// {"dataset": a job spec's dataset, "seed": 1, "resolution": heat-map cells per side (40, 2-D sets),
//  "models": [{"name": "k-NN, k = 5", "model": {"kind": "knn", "k": 5}, "training": {…} (networks)}, …],
//  "rounds": true: a table of every step's α, ε (adaboost's figures) and accuracy, and a slider back over the steps}
// One button trains every model, two at a time. Each gets a card: on a 2-D set its output over the plane with the
// points (training filled, test hollow), then its test accuracy and its training time.

import { pageRunner } from '../../shared/run.js';
import { api } from '../../shared/jobs.js';
import { classicModel } from '../../shared/classic.js';
import { el } from '../page.js';
import { drawPlane, isClassic, onPlane } from './planecard.js';

const SIDE = 200;
const f3 = (v) => (Number.isFinite(v) ? v.toFixed(3) : '–');

/**
 * A block's model as the job spec takes it: a classic kind's built by the code the playground uses (the kind's own
 * options, its defaults for those left out; an unknown kind refused in words), a network's as the block gives it.
 */
export function blockModel(model) {
  return isClassic(model) ? classicModel(model.kind, model) : model;
}

export function mount(host, cfg) {
  if (!cfg.dataset || !Array.isArray(cfg.models) || !cfg.models.length) {
    throw new Error('a classic block needs "dataset" and "models"');
  }
  const plane = onPlane(cfg);
  const resolution = cfg.resolution || 40;
  const box = el('div', 'classic');
  const train = el('button', 'run', cfg.models.length > 1 ? `Train the ${cfg.models.length} models` : 'Train');
  train.type = 'button';
  const cards = el('div', 'classic-cards');
  box.append(train, cards);
  host.append(box);

  // with rounds the job starts paused and goes on once the page follows it: every step's message arrives live with
  // its heat map (a finished job's stored history keeps each step's figures, Adaboost's α and ε, but not its maps)
  const specOf = (m) => ({
    dataset: cfg.dataset, model: blockModel(m.model), training: m.training || {}, seed: cfg.seed ?? 1,
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
