import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeEdit, withEdit } from '../../../frontend/playground/edit.js';

test('an edit names its weight or bias in words', () => {
  const names = { inputName: (i) => ['X₁', 'X₂'][i], outputLayer: 2, outputs: 1 };
  assert.equal(describeEdit({ layer: 0, input: 1, unit: 2 }, names), 'weight from X₂ to layer 1, neuron 3');
  assert.equal(describeEdit({ layer: 2, input: 0, unit: 0 }, names), 'weight from layer 2, neuron 1 to the output');
  assert.equal(describeEdit({ layer: 1, unit: 3, bias: true }, names), 'bias of layer 2, neuron 4');
  assert.equal(describeEdit({ layer: 2, unit: 2, bias: true }, { ...names, outputs: 3 }), 'bias of the output for class 2');
  const weights = { kernels: [[[1, 2]]], biases: [[0, 0]] };
  const edited = withEdit(weights, { layer: 0, unit: 1, bias: true }, 0.5);
  assert.deepEqual(edited, { kernels: [[[1, 2]]], biases: [[0, 0.5]] });
  assert.deepEqual(weights.biases, [[0, 0]], 'the shown weights stay as they were');
  assert.deepEqual(withEdit(weights, { layer: 0, input: 0, unit: 0 }, -3).kernels, [[[-3, 2]]]);
});
