// The heat map's colour legend: what orange, blue (and green) and the scale −1 … 1 mean for what is shown.

import { CLASS_COLORS, MIDDLE, NEGATIVE, POSITIVE, css } from '../shared/draw/colors.js';

function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

/**
 * What the legend says for a view: `classes` is 1 (regression), 2 or 3; `neuron` names a hovered neuron
 * whose own output the map shows instead of the network's.
 */
export function legendText(classes, neuron = null) {
  if (neuron) return `${neuron}: its output, from −1 (orange) to 1 (blue)`;
  if (classes === 3) return 'the class the model predicts: paler where it is less sure';
  if (classes === 2) return 'orange: class 0, blue: class 1; the scale is 2p̂ − 1, so −1 is sure of orange, 1 sure of blue, 0 undecided';
  return 'the predicted value, from −1 (orange) to 1 (blue)';
}

/** Fills `box` with the legend: a scale bar (or the three class swatches) and its words. */
export function drawLegend(box, classes, neuron = null) {
  const scale = el('div', 'legend-scale');
  if (classes === 3 && !neuron) {
    CLASS_COLORS.forEach((c, k) => {
      const swatch = el('span', 'legend-swatch');
      swatch.style.background = css(c);
      scale.append(swatch, el('span', 'legend-class', `class ${k}`));
    });
  } else {
    const bar = el('span', 'legend-bar');
    bar.style.background = `linear-gradient(to right, ${css(NEGATIVE)}, ${css(MIDDLE)}, ${css(POSITIVE)})`;
    scale.append(el('span', 'legend-tick', '−1'), bar, el('span', 'legend-tick', '1'));
  }
  box.replaceChildren(scale, el('span', 'legend-words', legendText(classes, neuron)));
  box.dataset.classes = String(classes);
}
