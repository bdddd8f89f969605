// Keras's printed output, as the lecture shows it: the progress line of an epoch and of evaluate()
// (`1875/1875 - 3s 2ms/step - accuracy: 0.9610 - loss: 0.1388`), the epoch whose weights early stopping keeps,
// and model.summary()'s rows and parameter lines. Plain functions of numbers, no page.

const f4 = (v) => (v == null || !isFinite(v) ? String(v) : Number(v).toFixed(4));

/** Keras's evaluate() batch size, so 10,000 test images make 313 batches. */
export const EVALUATE_BATCH = 32;

/** A duration as Keras's progress bar gives one: whole seconds. */
export function seconds(s) {
  return `${Math.round(s)}s`;
}

/** Time per step as Keras gives it: in s, ms or us, whichever has a whole number of at least 1. */
export function perStep(s, steps) {
  const t = steps > 0 ? s / steps : 0;
  if (t >= 1 || t === 0) return `${Math.round(t)}s/step`;
  if (t >= 1e-3) return `${Math.round(t * 1e3)}ms/step`;
  return `${Math.round(t * 1e6)}us/step`;
}

/** ` - accuracy: … - loss: … - mae: …` of one split's metrics, names prefixed (`val_`). */
function metrics(prefix, m) {
  if (!m) return [];
  const parts = [];
  if (m.accuracy != null) parts.push(`${prefix}accuracy: ${f4(m.accuracy)}`);
  if (m.loss != null) parts.push(`${prefix}loss: ${f4(m.loss)}`);
  if (m.mae != null) parts.push(`${prefix}mae: ${f4(m.mae)}`);
  return parts;
}

/** One split's metrics alone, `accuracy: … - loss: …`. */
export function metricLine(m) {
  return metrics('', m).join(' - ');
}

/** An epoch message (docs/api.md) as Keras's line at the end of the epoch: steps, time, time per step, metrics. */
export function epochLine(m) {
  const head = [`${m.steps}/${m.steps}`];
  if (m.seconds != null) head.push(`${seconds(m.seconds)} ${perStep(m.seconds, m.steps)}`);
  return [...head, ...metrics('', m.train), ...metrics('val_', m.validation)].join(' - ');
}

/** How many batches evaluate() makes of `examples`. */
export function testBatches(examples, batch = EVALUATE_BATCH) {
  return Math.ceil(examples / batch);
}

/** model.evaluate()'s line: the test batches, the time they took (when known) and the test metrics. */
export function evaluateLine(examples, secondsTaken, test) {
  const batches = testBatches(examples);
  const head = [`${batches}/${batches}`];
  if (secondsTaken != null) head.push(`${seconds(secondsTaken)} ${perStep(secondsTaken, batches)}`);
  return [...head, ...metrics('', test)].join(' - ');
}

/**
 * The epoch whose weights a run ends with: for a run that early stopping ended with restoreBestWeights, the epoch
 * of the best monitored loss (validation loss, else training loss; better means lower by more than minDelta, as
 * the server decides it); otherwise the last epoch. `epochs` in order; `spec` as the server completed it.
 */
export function keptEpoch(epochs, spec) {
  const last = epochs[epochs.length - 1];
  const es = spec && spec.training && spec.training.earlyStopping;
  if (!last || !es || !es.restoreBestWeights || last.stopReason !== 'EARLY_STOPPED') return last;
  const minDelta = es.minDelta || 0;
  let best = null, bestLoss = Infinity;
  for (const e of epochs) {
    const monitored = e.validation && e.validation.loss != null ? e.validation.loss : e.train && e.train.loss;
    if (monitored < bestLoss - minDelta) { bestLoss = monitored; best = e; }
  }
  return best || last;
}

/**
 * model.summary() of a dense network computed here, without data or a server: `inputs` the input width,
 * `layers` [{units, activation}], `inputShape` an image's shape ([28, 28]) to flatten first, else omitted. The
 * same rows as the server's summary of a job (docs/api.md): {name, type, units, activation, outputShape,
 * parameters}, and totalParameters.
 */
export function summaryOf(inputs, layers, inputShape) {
  const rows = [];
  if (inputShape && inputShape.length > 1) {
    rows.push({ name: 'flatten', type: 'Flatten', units: inputs, activation: null, outputShape: `(None, ${inputs})`, parameters: 0 });
  }
  let fanIn = inputs, total = 0, frozen = 0, norms = 0;
  layers.forEach((l, i) => {
    const parameters = (fanIn + 1) * l.units;
    total += parameters;
    rows.push({ name: i === 0 ? 'dense' : `dense_${i}`, type: 'Dense', units: l.units, activation: l.activation, outputShape: `(None, ${l.units})`, parameters });
    if (l.batchNorm) {
      // γ, β trained; the moving mean and variance not
      rows.push({ name: norms === 0 ? 'batch_normalization' : `batch_normalization_${norms}`, type: 'BatchNormalization', units: l.units, activation: null, outputShape: `(None, ${l.units})`, parameters: 4 * l.units });
      total += 4 * l.units;
      frozen += 2 * l.units;
      norms += 1;
    }
    fanIn = l.units;
  });
  return { rows, totalParameters: total, nonTrainableParameters: frozen };
}

/** The lines under Keras's summary table: only batch normalisation's moving statistics are not trainable. */
export function parameterLines(summary) {
  const n = (v) => Number(v).toLocaleString('en-US');
  const frozen = summary.nonTrainableParameters || 0;
  return [`Total params: ${n(summary.totalParameters)}`, `Trainable params: ${n(summary.totalParameters - frozen)}`,
    `Non-trainable params: ${n(frozen)}`];
}
