// Hand-editing: a small field over the network for one weight or one bias, and the weights with that one
// value changed. What the change does (pause, evaluate, carry into the next job) is the page's (main.js).

/**
 * What an edit names, in words: a weight {layer, input, unit} or a bias {layer, unit, bias: true}. `inputName(i)`
 * names the network's i-th input, `outputLayer` is the output layer's index and `outputs` its units.
 */
export function describeEdit(edit, { inputName = (i) => `input ${i + 1}`, outputLayer = Infinity, outputs = 1 } = {}) {
  const neuron = (layer, unit) => {
    if (layer === outputLayer) return outputs > 1 ? `the output for class ${unit}` : 'the output';
    return `layer ${layer + 1}, neuron ${unit + 1}`;
  };
  if (edit.bias) return `bias of ${neuron(edit.layer, edit.unit)}`;
  const from = edit.layer === 0 ? inputName(edit.input) : neuron(edit.layer - 1, edit.input);
  return `weight from ${from} to ${neuron(edit.layer, edit.unit)}`;
}

/** A copy of the weights with the edit's value set (the given weights stay as they are; batch norm's kept). */
export function withEdit(weights, edit, value) {
  const copy = { kernels: weights.kernels.map((k) => k.map((row) => [...row])), biases: weights.biases.map((b) => [...b]) };
  if (weights.batchNorm) copy.batchNorm = structuredClone(weights.batchNorm);
  if (edit.bias) copy.biases[edit.layer][edit.unit] = value;
  else copy.kernels[edit.layer][edit.input][edit.unit] = value;
  return copy;
}

/**
 * Opens a number field at (x, y) inside `container` showing `value`; Enter (or leaving a changed field) calls
 * set(number), Escape closes it. At most one field is open.
 */
export function openEditor(container, { x, y, value, label, set }) {
  container.querySelector('.weight-editor')?.remove();
  const input = document.createElement('input');
  input.className = 'weight-editor';
  input.type = 'number';
  input.step = '0.1';
  input.value = value.toFixed(3);
  input.title = label;
  input.setAttribute('aria-label', label);
  input.style.left = `${Math.max(0, Math.min(x, container.clientWidth - 90))}px`;
  input.style.top = `${y}px`;
  let done = false;
  input.addEventListener('change', () => {
    if (done) return;
    done = true;
    const number = Number(input.value);
    input.remove();
    if (input.value !== '' && Number.isFinite(number)) set(number);
  });
  input.addEventListener('keydown', (e) => { if (e.key === 'Escape') { done = true; input.remove(); } });
  container.append(input);
  input.focus();
  input.select();
  return input;
}
