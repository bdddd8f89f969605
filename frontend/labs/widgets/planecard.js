// A model's card on a 2-D set, for the train and compare widgets: its output over the plane as the server streams it
// (epoch messages' grids, asked for with the spec's output.grid; cleared when the job starts over), the points, and its
// figures (test accuracy, steps, time, adaboost's α and ε). A job that ended before its grids could be followed (a k-NN
// fits in one quick step) is drawn from its own predictions over the plane (POST /api/jobs/{id}/predict), never computed in the page.

import { api } from '../../shared/jobs.js';
import { color, css, classColor, argmax } from '../../shared/draw/colors.js';
import { drawOver } from '../../shared/draw/heatmap.js';
import { el } from '../page.js';
import { cellCentres } from './boundaries.js';

const SIDE = 200;
const PLANE_SETS = ['playground', 'xor', 'separable', 'points'];
const f3 = (v) => (Number.isFinite(v) ? v.toFixed(3) : '–');

/** True for a model of a classic kind (knn, tree, forest, svm, adaboost). */
export const isClassic = (model) => !!(model && model.kind && model.kind !== 'network');

/** True for a spec of a 2-D data set, whose model can be drawn over the plane. */
export const onPlane = (spec) => PLANE_SETS.includes((spec.dataset && spec.dataset.name) || 'playground');

/** The spec with grids of `resolution` cells per side in its epoch messages. */
export function withGrid(spec, resolution) {
  return { ...spec, output: { ...(spec.output || {}), grid: { resolution } } };
}

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

/** A card titled `title` appended to `parent`; epoch(m) follows the stream, finish(id, last) draws the end. */
export function planeCard(parent, title, resolution) {
  const c = el('div', 'classic-card plane-card');
  const canvas = el('canvas', 'plane');
  canvas.width = SIDE; canvas.height = SIDE;
  const figures = el('p', 'classic-figures', 'waiting');
  c.append(el('h4', 'swatch', title), canvas, figures);
  parent.append(c);
  let grid = null;
  let points = null;

  return {
    element: c,
    /** The job's points, drawn under the streamed maps from now on (none before the job has started). */
    async follow(id) {
      try { points = await api.points(id); } catch { /* not started yet: finish() fetches them */ }
    },
    epoch(m) {
      if (m.grid) { grid = m.grid; drawPlane(canvas, grid, points, resolution); }
      figures.textContent = `step ${m.epoch}/${m.epochs}${m.test && m.test.accuracy != null ? `: test accuracy ${f3(m.test.accuracy)}` : ''}`;
    },
    /** The job started over on another server instance: its map waits for the new run's first epoch. */
    restart(notice) {
      grid = null;
      delete c.dataset.drawn;
      c.dataset.restarted = 'true';
      canvas.getContext('2d').clearRect(0, 0, SIDE, SIDE);
      figures.textContent = notice;
    },
    async finish(id, last) {
      c.dataset.jobId = id;
      try {
        points = await api.points(id);
        if (!grid) {
          const p = await api.predict(id, cellCentres(resolution, 6));
          const width = p.outputs[0].length;
          grid = { layers: [[...Array(width)].map((_, j) => p.outputs.map((o) => o[j]))] };
          c.dataset.drawn = 'predicted';
        } else {
          c.dataset.drawn = 'streamed';
        }
        drawPlane(canvas, grid, points, resolution);
      } catch (e) {
        figures.textContent = `no map: ${e.message}`;
        return;
      }
      if (!last) return;
      const accuracy = last.test ? last.test.accuracy : NaN;
      c.dataset.accuracy = String(accuracy);
      const extra = last.figures
        ? Object.entries(last.figures).map(([n, v]) => `${n === 'alpha' ? 'α' : n === 'error' ? 'ε' : n} ${f3(v)}`) : [];
      figures.textContent = [`test accuracy ${f3(accuracy)}`, `${last.epoch} step${last.epoch > 1 ? 's' : ''}`,
        last.elapsedSeconds != null ? `${last.elapsedSeconds.toFixed(2)} s` : null, ...extra].filter(Boolean).join(' · ');
    },
  };
}
