import { test } from 'node:test';
import assert from 'node:assert/strict';
import { argmax, classColor, color, MIDDLE, NEGATIVE, POSITIVE } from '../../../frontend/shared/draw/colors.js';
import { ACTIVATIONS, activation } from '../../../frontend/shared/activations.js';

test('the diverging scale: orange below 0, grey at 0, blue above, clamped; discretized by sign', () => {
  assert.deepEqual(color(-1), NEGATIVE);
  assert.deepEqual(color(0), MIDDLE);
  assert.deepEqual(color(1), POSITIVE);
  assert.deepEqual(color(7), POSITIVE);
  assert.deepEqual(color(NaN), MIDDLE);
  assert.deepEqual(color(0.01, true), POSITIVE);
  assert.deepEqual(color(-0.01, true), NEGATIVE);
});

test('class colours fade to grey as the confidence falls to a guess', () => {
  assert.deepEqual(classColor(1, 1, 3), POSITIVE);
  assert.deepEqual(classColor(0, 1 / 3, 3), MIDDLE);
  assert.deepEqual(argmax([[0.2, 0.7], [0.5, 0.1], [0.3, 0.2]], 0), [1, 0.5]);
  assert.deepEqual(argmax([[0.2, 0.7], [0.5, 0.1], [0.3, 0.2]], 1), [0, 0.7]);
});

test('the page activations are the engine ones: the step is 0 at z = 0, identity is linear', () => {
  assert.equal(ACTIVATIONS.step.f(0), 0);
  assert.equal(ACTIVATIONS.step.f(1e-9), 1);
  assert.equal(ACTIVATIONS.relu.d(0), 0);
  assert.equal(ACTIVATIONS.leaky_relu.f(-2), -0.02);
  assert.equal(ACTIVATIONS.sigmoid.f(0), 0.5);
  assert.equal(ACTIVATIONS.sigmoid.d(0), 0.25);
  assert.ok(Math.abs(ACTIVATIONS.sigmoid.f(-800)) < 1e-300, 'no overflow far left');
  assert.equal(activation('identity'), ACTIVATIONS.linear);
  assert.equal(activation('softmax'), undefined);
});
