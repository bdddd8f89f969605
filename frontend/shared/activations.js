// The engine's activations (nnlab.engine.Activation) for computations in the page, where asking the server for
// every value would be too slow (the network widget's forward pass over a heat map). Charts of the functions
// draw the server's own curves (GET /api/activations/{id}/curve) instead. The same definitions as the engine's:
// the step is 1 only for z > 0, leaky ReLU's slope 0.01.

const sigmoid = (z) => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));
export const LEAKY_SLOPE = 0.01;

/** id -> {f(z), d(z)}: each function with its derivative. */
export const ACTIVATIONS = {
  linear: { f: (z) => z, d: () => 1 },
  sigmoid: { f: sigmoid, d: (z) => sigmoid(z) * (1 - sigmoid(z)) },
  tanh: { f: Math.tanh, d: (z) => 1 - Math.tanh(z) ** 2 },
  relu: { f: (z) => (z > 0 ? z : 0), d: (z) => (z > 0 ? 1 : 0) },
  leaky_relu: { f: (z) => (z > 0 ? z : LEAKY_SLOPE * z), d: (z) => (z > 0 ? 1 : LEAKY_SLOPE) },
  elu: { f: (z) => (z > 0 ? z : Math.expm1(z)), d: (z) => (z > 0 ? 1 : Math.exp(z)) },
  softplus: { f: (z) => (z > 30 ? z : Math.log1p(Math.exp(z))), d: sigmoid },
  gaussian: { f: (z) => Math.exp(-z * z), d: (z) => -2 * z * Math.exp(-z * z) },
  step: { f: (z) => (z > 0 ? 1 : 0), d: () => 0 },
  clipped_linear: { f: (z) => Math.min(Math.max(z, 0), 1), d: (z) => (z > 0 && z < 1 ? 1 : 0) },
};

/** The engine's id of a name a lab may use: "identity" is the engine's "linear". */
export const activationId = (name) => (name === 'identity' ? 'linear' : name);

/** The activation a name means, or undefined (softmax is not one unit's function). */
export const activation = (name) => ACTIVATIONS[activationId(name)];
