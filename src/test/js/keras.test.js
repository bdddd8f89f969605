import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  epochLine, evaluateLine, keptEpoch, parameterLines, perStep, summaryOf, testBatches,
} from '../../../frontend/labs/keras.js';

test('an epoch line gives steps, time, time per step and the metrics as Keras prints them', () => {
  const m = { steps: 1875, seconds: 3.2, train: { loss: 0.25871, accuracy: 0.92481 }, validation: null };
  assert.equal(epochLine(m), '1875/1875 - 3s 2ms/step - accuracy: 0.9248 - loss: 0.2587');
  const v = { steps: 3, seconds: 0.0004, train: { loss: 30.5, mae: 4 }, validation: { loss: 31, mae: 4.5 } };
  assert.equal(epochLine(v), '3/3 - 0s 133us/step - loss: 30.5000 - mae: 4.0000 - val_loss: 31.0000 - val_mae: 4.5000');
  assert.equal(perStep(5, 2), '3s/step');
});

test('evaluate: 10,000 test images are 313 batches of 32, 30 flowers one', () => {
  assert.equal(testBatches(10000), 313);
  assert.equal(testBatches(60000), 1875);
  assert.equal(testBatches(30), 1);
  assert.equal(evaluateLine(10000, 0.62, { loss: 0.0788, accuracy: 0.9762 }), '313/313 - 1s 2ms/step - accuracy: 0.9762 - loss: 0.0788');
  assert.equal(evaluateLine(102, null, { loss: 14.97, mae: 2.7 }), '4/4 - loss: 14.9700 - mae: 2.7000');
});

test('early stopping with restored weights keeps the epoch of the best validation loss', () => {
  const e = (epoch, val, stopReason) => ({ epoch, train: { loss: 1 / epoch }, validation: { loss: val }, stopReason });
  const epochs = [e(1, 0.9), e(2, 0.4), e(3, 0.5), e(4, 0.41), e(5, 0.6, 'EARLY_STOPPED')];
  const spec = (restore, minDelta) => ({ training: { earlyStopping: { patience: 3, restoreBestWeights: restore, minDelta } } });
  assert.equal(keptEpoch(epochs, spec(true)).epoch, 2);
  assert.equal(keptEpoch(epochs, spec(false)).epoch, 5);
  assert.equal(keptEpoch(epochs, { training: {} }).epoch, 5);
  // an improvement must beat the best by more than minDelta
  assert.equal(keptEpoch([e(1, 0.5), e(2, 0.45), e(3, 0.6, 'EARLY_STOPPED')], spec(true, 0.1)).epoch, 1);
  // a run that completed its epochs keeps its last weights
  assert.equal(keptEpoch([e(1, 0.5), e(2, 0.6, 'COMPLETED')], spec(true)).epoch, 2);
});

test('a summary without data: the engine counts (10-20-3 → 220 + 63 = 283; MNIST 109,386 after a Flatten row)', () => {
  const s = summaryOf(10, [{ units: 20, activation: 'relu' }, { units: 3, activation: 'softmax' }]);
  assert.deepEqual(s.rows.map((r) => r.parameters), [220, 63]);
  assert.equal(s.totalParameters, 283);
  assert.deepEqual(parameterLines(s), ['Total params: 283', 'Trainable params: 283', 'Non-trainable params: 0']);
  const mnist = summaryOf(784, [{ units: 128, activation: 'relu' }, { units: 64, activation: 'relu' }, { units: 10, activation: 'softmax' }], [28, 28]);
  assert.deepEqual(mnist.rows.map((r) => [r.name, r.type, r.outputShape, r.parameters]), [
    ['flatten', 'Flatten', '(None, 784)', 0], ['dense', 'Dense', '(None, 128)', 100480],
    ['dense_1', 'Dense', '(None, 64)', 8256], ['dense_2', 'Dense', '(None, 10)', 650]]);
  assert.equal(parameterLines(mnist)[0], 'Total params: 109,386');
  assert.equal(summaryOf(4, [{ units: 100, activation: 'relu' }, { units: 3, activation: 'softmax' }]).totalParameters, 803);
});

test('a summary block reads a shape as the input width and each layer\'s units', async () => {
  const { parseShape } = await import('../../../frontend/labs/widgets/summary.js');
  assert.deepEqual(parseShape('10-20-3'), { inputs: 10, layers: [{ units: 20 }, { units: 3 }] });
  assert.deepEqual(parseShape('784, 128, 64, 10').layers.length, 3);
  assert.throws(() => parseShape('10'), /input width/);
  assert.throws(() => parseShape('10, 2.5'), /whole numbers/);
});
