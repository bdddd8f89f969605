// regions: the linear regions ReLU networks of two inputs cut the plane into, counted by the server.
//  {"networks": [[10], [10, 10, 10], [10, 10, 10, 10, 10]], "seed": 1, "resolution": 200, "range": 6}
// Each network is its hidden layers' units; the weights are the server's seeded random ones (POST
// /api/networks/regions). Each region gets its own colour; a seed field draws other random networks.

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

export async function mount(host, cfg) {
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
        const cell = el('figure', 'plot-cell');
        cell.dataset.layers = a.layers.join(',');
        cell.dataset.regions = a.regions;
        const canvas = paintCells(document.createElement('canvas'), a.resolution, (i) => regionColor(a.cells[i]));
        canvas.className = 'regions-map';
        cell.append(canvas, el('figcaption', null,
          `${a.layers.length} hidden layer${a.layers.length > 1 ? 's' : ''} of ${a.layers.join(', ')}: ${a.regions} regions`));
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
