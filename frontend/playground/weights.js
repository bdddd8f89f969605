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
 * Reads an exported file (the model document, or just its weights) defensively: returns the {kernels, biases,
 * batchNorm} to train from (batchNorm only when the file normalises a layer) and `normalised`, a flag per hidden
 * layer of the file's batch normalisation (the page switches it on where the file has it, off elsewhere), or
 * throws an Error saying what is wrong, in words for the page.
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
  const batchNorm = readBatchNorm(weights.batchNorm, found.slice(1));
  const normalised = networkSizes(state).slice(1, -1).map((_, l) => Boolean(batchNorm && batchNorm[l]));
  return { weights: batchNorm ? { kernels, biases, batchNorm } : { kernels, biases }, normalised };
}

/**
 * A file's batch normalisation (`weights.batchNorm`: per layer {gamma, beta, movingMean, movingVariance} or null),
 * checked against the layers' units; null when it normalises no layer.
 */
function readBatchNorm(norms, units) {
  if (norms == null) return null;
  if (!Array.isArray(norms) || norms.length > units.length) {
    throw new Error(`the file's batch normalisation is not a list of at most ${units.length} layers`);
  }
  const finite = (a, n) => Array.isArray(a) && a.length === n && a.every((v) => typeof v === 'number' && Number.isFinite(v));
  norms.forEach((n, l) => {
    if (n == null) return;
    if (l === units.length - 1) {
      throw new Error('the file normalises the output layer: batch normalisation goes on hidden layers only');
    }
    for (const part of ['gamma', 'beta', 'movingMean', 'movingVariance']) {
      if (!finite(n[part], units[l])) {
        throw new Error(`the batch normalisation of layer ${l + 1} in the file needs ${units[l]} numbers as ${part}`);
      }
    }
    if (n.movingVariance.some((v) => v < 0)) {
      throw new Error(`the batch normalisation of layer ${l + 1} in the file has a negative movingVariance`);
    }
  });
  return norms.some((n) => n != null) ? norms : null;
}
