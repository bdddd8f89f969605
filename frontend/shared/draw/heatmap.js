// The heat map: a square of resolution² cells, row 0 at the top, one canvas pixel per cell (CSS or drawOver
// scales it). Every map of the playground and the labs is painted here.

import { argmax, classColor, color } from './colors.js';

/** Paints cell i (row-major) of a resolution² canvas in colourAt(i, row, col) = [r, g, b]. */
export function paintCells(canvas, resolution, colourAt) {
  if (canvas.width !== resolution || canvas.height !== resolution) { canvas.width = resolution; canvas.height = resolution; }
  const ctx = canvas.getContext('2d');
  const image = ctx.createImageData(resolution, resolution);
  for (let r = 0, i = 0; r < resolution; r++) {
    for (let c = 0; c < resolution; c++, i++) {
      const [red, green, blue] = colourAt(i, r, c);
      image.data[i * 4] = red;
      image.data[i * 4 + 1] = green;
      image.data[i * 4 + 2] = blue;
      image.data[i * 4 + 3] = 255;
    }
  }
  ctx.putImageData(image, 0, 0);
  return canvas;
}

/** Values mapped to [−1, 1] by toUnit, in the diverging colours (discretized: the sign only). */
export function drawMap(canvas, values, resolution, toUnit = (v) => v, discretize = false) {
  return paintCells(canvas, resolution, (i) => color(toUnit(values[i]), discretize));
}

/** Per-class probability maps: the argmax class's colour, shaded by its probability (full when discretized). */
export function drawClassMap(canvas, maps, resolution, discretize = false) {
  return paintCells(canvas, resolution, (i) => {
    const [k, p] = argmax(maps, i);
    return classColor(k, discretize ? 1 : p, maps.length);
  });
}

/** One class's probability map: grey where it is 0, the class colour where it is 1. */
export function drawClassProbability(canvas, values, resolution, k) {
  return paintCells(canvas, resolution, (i) => classColor(k, values[i], 1e9));
}

export function clearMap(canvas) {
  canvas.getContext('2d').clearRect(0, 0, canvas.width, canvas.height);
}

/**
 * A heat map of resolution² cells drawn over the whole of a larger canvas: on white at `alpha` (pale, so that
 * points in full colour stand out on it), smoothed or as blocks.
 */
export function drawOver(target, colourAt, resolution, { alpha = 1, smooth = false } = {}) {
  const cells = paintCells(document.createElement('canvas'), resolution, colourAt);
  const ctx = target.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, target.width, target.height);
  ctx.globalAlpha = alpha;
  ctx.imageSmoothingEnabled = smooth;
  ctx.drawImage(cells, 0, 0, target.width, target.height);
  ctx.globalAlpha = 1;
}
