// regions: the linear regions ReLU networks of two inputs cut the plane into, counted by the server.
//  {"networks": [[10], [10, 10, 10], [10, 10, 10, 10, 10]], "seed": 1, "resolution": 200, "range": 6}
// Each network is its hidden layers' units; the weights are the server's seeded random ones (POST
// /api/networks/regions). Each region gets its own colour; a seed field draws other random networks.
//  {"trained": ["depths/1 layer", "train-name"], "resolution": 200, "range": 6}
// instead counts the networks trained on the page: train blocks by name, compare blocks' variants as
// "block/variant", each once its run ends (GET /api/jobs/{id}/regions: the job's own weights, features and scaling).

import { send } from '../../shared/http.js';
import { paintCells } from '../../shared/draw/heatmap.js';
import { el } from '../page.js';

/** A colour per region number, spread around the hue circle so that neighbours differ. */
export function regionColor(k) {
  const hue = (k * 137.508) % 360;
  const light = 55 + (k % 3) * 12;
  return hsl(hue, 65, light);
}

function hsl(h, s, l) {
  s /= 100; l /= 100;
  const f = (n) => {
    const k = (n + h / 30) % 12;
    return Math.round(255 * (l - s * Math.min(l, 1 - l) * Math.max(-1, Math.min(k - 3, 9 - k, 1))));
  };
  return [f(0), f(8), f(4)];
}

/** A map of one count's cells, a region per colour, with its caption. */
function regionsFigure(a, caption) {
  const cell = el('figure', 'plot-cell');
  cell.dataset.regions = a.regions;
  const canvas = paintCells(document.createElement('canvas'), a.resolution, (i) => regionColor(a.cells[i]));
  canvas.className = 'regions-map';
  cell.append(canvas, el('figcaption', null, caption));
  return cell;
}

const layersText = (units) => `${units.length} hidden layer${units.length > 1 ? 's' : ''} of ${units.join(', ')}`;

/** The regions of networks trained by other blocks of the page, each counted when its run ends. */
function mountTrained(host, cfg, page) {
  const resolution = cfg.resolution || 200;
  const range = cfg.range || 6;
  const grid = el('div', 'plot-grid regions-grid trained-regions');
  const figures = new Map(cfg.trained.map((name) => {
    const f = el('figure', 'plot-cell');
    f.dataset.train = name;
    f.append(el('figcaption', null, `${name}: train it above to count its regions`));
    grid.append(f);
    return [name, f];
  }));
  host.append(grid, el('p', 'surface-status', `[−${range}, ${range}]², ${resolution} × ${resolution} points; the trained weights`));
  page.onTrained(async (name, job) => {
    const old = figures.get(name);
    if (!old || !job.final) return;
    let figure;
    try {
      const a = await send('GET', `/api/jobs/${job.id}/regions?resolution=${resolution}&range=${range}`);
      figure = regionsFigure(a, `${name}, ${layersText(a.hidden)}, trained ${a.epoch} epochs: ${a.regions} regions`);
      figure.dataset.layers = a.hidden.join(',');
      figure.dataset.jobId = job.id;
    } catch (e) {
      figure = el('figure', 'plot-cell regions-refused');
      figure.append(el('figcaption', null, `${name}: no regions counted: ${e.message}`));
    }
    figure.dataset.train = name;
    figures.get(name).replaceWith(figure);
    figures.set(name, figure);
  });
}

export async function mount(host, cfg, page) {
  if (cfg.trained) {
    if (!Array.isArray(cfg.trained) || !cfg.trained.length) throw new Error('"trained" lists train blocks\' names');
    mountTrained(host, cfg, page);
    return;
  }
  const networks = cfg.networks || [[10], [10, 10, 10], [10, 10, 10, 10, 10]];
  const resolution = cfg.resolution || 200;
  const range = cfg.range || 6;
  const seedField = el('input');
  Object.assign(seedField, { type: 'number', min: 0, step: 1, value: cfg.seed ?? 1 });
  seedField.name = 'seed';
  const label = el('label', 'surface-field', 'random weights, seed ');
  label.append(seedField);
  const grid = el('div', 'plot-grid regions-grid');
  const status = el('p', 'surface-status');
  host.append(label, grid, status);

  async function refresh() {
    const seed = Number(seedField.value);
    status.textContent = 'counting…';
    try {
      const answers = await Promise.all(networks.map((layers) =>
        send('POST', '/api/networks/regions', { layers, seed, resolution, range })));
      grid.replaceChildren();
      answers.forEach((a) => {
        const cell = regionsFigure(a, `${layersText(a.layers)}: ${a.regions} regions`);
        cell.dataset.layers = a.layers.join(',');
        grid.append(cell);
      });
      status.textContent = `[−${range}, ${range}]², ${resolution} × ${resolution} points; seed ${seed}`;
      host.dataset.seed = String(seed);
    } catch (e) {
      status.textContent = `The server could not count the regions: ${e.message}`;
    }
  }
  seedField.addEventListener('change', refresh);
  await refresh();
}
