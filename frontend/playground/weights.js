// Trained weights as a JSON file: what Export writes (the server's model document) and what Import reads back.

import { classCount } from './state.js';

/** Import reads at most this many bytes. */
export const MAX_FILE_BYTES = 1_000_000;

/** The network's layer sizes for a state: inputs, every hidden layer, outputs (e.g. [2, 4, 2, 1]). */
export function networkSizes(state) {
  const outputs = classCount(state) === 3 ? 3 : 1;
  return [state.features.length, ...state.networkShape, outputs];
}

/**
 * Reads an exported file (the model document, or just its weights) defensively: returns the
 * {kernels, biases} to train from, or throws an Error saying what is wrong, in words for the page.
 */
export function readWeights(text, state) {
  let doc;
  try {
    doc = JSON.parse(text);
  } catch {
    throw new Error('the file is not JSON: export the weights with the Export button first');
  }
  const weights = doc && typeof doc === 'object' && doc.weights ? doc.weights : doc;
  const { kernels, biases } = weights && typeof weights === 'object' ? weights : {};
  if (!Array.isArray(kernels) || !Array.isArray(biases) || kernels.length !== biases.length) {
    throw new Error('the file has no weights (kernels and biases, one per layer)');
  }
  const numbers = (a, n) => Array.isArray(a) && a.length === n && a.every((v) => typeof v === 'number' && Number.isFinite(v));
  const found = [];
  for (let l = 0; l < kernels.length; l++) {
    const rows = kernels[l];
    if (!Array.isArray(rows) || !rows.length || !Array.isArray(rows[0])) {
      throw new Error(`layer ${l + 1} of the file has no weight matrix`);
    }
    const units = rows[0].length;
    if (!rows.every((r) => numbers(r, units)) || !numbers(biases[l], units)) {
      throw new Error(`layer ${l + 1} of the file has rows of different lengths or values that are not numbers`);
    }
    if (l === 0) found.push(rows.length);
    else if (rows.length !== found[found.length - 1]) {
      throw new Error(`layer ${l + 1} of the file takes ${rows.length} inputs, but layer ${l} has ${found[found.length - 1]} units`);
    }
    found.push(units);
  }
  const expected = networkSizes(state);
  if (found.join('-') !== expected.join('-')) {
    throw new Error(`the weights are for a ${found.join('-')} network, this one is ${expected.join('-')}: `
      + 'set the same features, layers, neurons and classes, then import again');
  }
  return { kernels, biases };
}
