// Every setting of the page, declared once. The same table reads the URL hash, writes it back,
// and tells the controls which values they may offer.

import { CLASSIC_KINDS, classicModel, classicSteps } from '../shared/classic.js';

export const DATASETS = {
  classification: ['circle', 'xor', 'gauss', 'spiral'],
  regression: ['reg-plane', 'reg-gauss'],
};
/** The sets that also come with a third class ("classes=3"). */
export const THREE_CLASS_SETS = ['circle', 'gauss', 'spiral'];
export const FEATURES = ['x1', 'x2', 'x1sq', 'x2sq', 'x1x2', 'sinx1', 'sinx2'];
export const LEARNING_RATES = [0.00001, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10];
export const REGULARIZATION_RATES = [0, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10];
export const OPTIMIZERS = ['sgd', 'momentum', 'adam', 'rmsprop'];
/** Fraction of each hidden layer's outputs dropped while training. */
export const DROPOUT_RATES = [0, 0.1, 0.2, 0.3, 0.5];
export const ACTIVATIONS = ['relu', 'tanh', 'sigmoid', 'linear', 'clipped_linear'];
/** The activation's name on the page, in plain words. */
export const ACTIVATION_WORDS = {
  relu: 'ReLU', tanh: 'Tanh', sigmoid: 'Sigmoid', linear: 'Linear', clipped_linear: 'Clipped linear',
};
/** What the less known ones compute, for their option's tooltip. */
export const ACTIVATION_FORMULAS = { clipped_linear: 'min(max(z, 0), 1): z between 0 and 1, its gradient 0 outside [0, 1]' };
/**
 * The output unit of two classes: the sigmoid (cross-entropy loss) or the clipped linear min(max(z, 0), 1), read as
 * a probability like the sigmoid's but with a gradient of 0 outside [0, 1] (squared-error loss: cross-entropy is
 * the sigmoid's). Three classes have a softmax, regression a tanh (its targets are in [−1, 1]).
 */
export const OUTPUTS = ['sigmoid', 'clipped_linear'];
/** The page's models: a neural network, or a classic kind of the job spec (shared/classic.js). */
export const MODELS = ['network', ...Object.keys(CLASSIC_KINDS)];
export const MAX_LAYERS = 6;
/** Epochs a second the page asks of the server; 0: as fast as it goes ("speed=max" in the hash). */
export const SPEEDS = [1, 5, 30, 120, 0];
/** The most epochs of one job (nnlab.limits.max-epochs): a run without "stop at" goes on in a new job after it. */
export const MAX_EPOCHS = 10000;
export const MAX_NEURONS = 8;

const int = (min, max, step = 1) => ({
  parse: (s) => {
    const v = Number(s);
    return Number.isInteger(v) && v >= min && v <= max && (v - min) % step === 0 ? v : undefined;
  },
  write: String,
});
const num = (allowed) => ({
  parse: (s) => { const v = Number(s); return allowed.includes(v) ? v : undefined; },
  write: String,
});
const oneOf = (allowed) => ({ parse: (s) => (allowed.includes(s) ? s : undefined), write: String });
const bool = { parse: (s) => (s === 'true' ? true : s === 'false' ? false : undefined), write: String };
const list = (allowed) => ({
  parse: (s) => { const v = s === '' ? [] : s.split(','); return v.every((x) => allowed.includes(x)) ? v : undefined; },
  write: (v) => v.join(','),
});
const speed = {
  parse: (s) => (s === 'max' ? 0 : SPEEDS.includes(Number(s)) && s !== '0' ? Number(s) : undefined),
  write: (v) => (v === 0 ? 'max' : String(v)),
};
/** One flag per hidden layer, "1" or "0" ("batchNorm=0,1": the second layer is normalised). */
const flags = {
  parse: (s) => {
    const v = s === '' ? [] : s.split(',');
    return v.length <= MAX_LAYERS && v.every((x) => x === '0' || x === '1') ? v.map((x) => x === '1') : undefined;
  },
  write: (v) => v.map((x) => (x ? '1' : '0')).join(','),
};
const shape = {
  parse: (s) => {
    if (s === '') return [];
    const v = s.split(',').map(Number);
    return v.length <= MAX_LAYERS && v.every((n) => Number.isInteger(n) && n >= 1 && n <= MAX_NEURONS) ? v : undefined;
  },
  write: (v) => v.join(','),
};

/** Controls that a link can hide ("hide=" in the hash), by their data-control name. */
export const HIDEABLE = ['dataset', 'noise', 'trainRatio', 'batchSize', 'regenerate', 'learningRate', 'optimizer', 'activation',
  'regularization', 'regularizationRate', 'dropout', 'problem', 'classes', 'numHiddenLayers', 'showTestData', 'discretize', 'initZero',
  'features', 'addPoints', 'model', 'batchNorm', 'output'];

/** The classic kinds' options, each a setting of its own (the hash keeps the values of every kind). */
const CLASSIC_SETTINGS = {};
for (const kind of Object.values(CLASSIC_KINDS)) {
  for (const [name, o] of Object.entries(kind.options)) {
    CLASSIC_SETTINGS[name] = [typeof o.default === 'number' ? num(o.values) : oneOf(o.values), o.default];
  }
}

/** name → [type, default]. The hash lists them in this order. */
export const SETTINGS = {
  dataset: [oneOf([...DATASETS.classification, ...DATASETS.regression]), 'circle'],
  problem: [oneOf(['classification', 'regression']), 'classification'],
  classes: [int(2, 3), 2],
  noise: [int(0, 50, 5), 0],
  trainRatio: [int(10, 90, 10), 50],
  batchSize: [int(1, 30), 10],
  learningRate: [num(LEARNING_RATES), 0.03],
  optimizer: [oneOf(OPTIMIZERS), 'sgd'],
  activation: [oneOf(ACTIVATIONS), 'tanh'],
  regularization: [oneOf(['none', 'L1', 'L2']), 'none'],
  regularizationRate: [num(REGULARIZATION_RATES), 0],
  dropout: [num(DROPOUT_RATES), 0],
  networkShape: [shape, [4, 2]],
  layerActivations: [list(['', ...ACTIVATIONS]), []],
  /** Batch normalisation after each hidden layer's activation (true) or not. */
  batchNorm: [flags, []],
  /** The output unit of two classes. */
  output: [oneOf(OUTPUTS), 'sigmoid'],
  model: [oneOf(MODELS), 'network'],
  ...CLASSIC_SETTINGS,
  features: [list(FEATURES), ['x1', 'x2']],
  seed: [int(0, 2 ** 31 - 1), 1],
  /** Draws the data (points and their train/test split); `seed` draws the weights and the shuffling. */
  dataSeed: [int(0, 2 ** 31 - 1), 1],
  speed: [speed, 30],
  stopAt: [int(0, 1000000), 0],
  showTestData: [bool, false],
  discretize: [bool, false],
  initZero: [bool, false],
  hide: [list(HIDEABLE), []],
};

export function defaults() {
  const s = {};
  for (const [name, [, value]] of Object.entries(SETTINGS)) s[name] = Array.isArray(value) ? [...value] : value;
  return s;
}

/** Reads "#a=1&b=2"; unknown keys and bad values are ignored (the default stays). */
export function fromHash(hash) {
  const s = defaults();
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  for (const [name, [type]] of Object.entries(SETTINGS)) {
    if (!params.has(name)) continue;
    const v = type.parse(params.get(name));
    if (v !== undefined) s[name] = v;
  }
  // a link from before there were two seeds: its seed drew the data too
  if (!params.has('dataSeed') && params.has('seed')) s.dataSeed = s.seed;
  return fitted(s);
}

/** The state with what its other settings rule out put right: the data set, the model, per-layer lists. */
export function fitted(s) {
  if (!datasets(s).includes(s.dataset)) s.dataset = datasets(s)[0];
  if (!models(s).includes(s.model)) s.model = 'network';
  s.layerActivations = s.layerActivations.slice(0, s.networkShape.length);
  s.batchNorm = s.batchNorm.slice(0, s.networkShape.length);
  while (s.batchNorm.length && !s.batchNorm[s.batchNorm.length - 1]) s.batchNorm.pop();
  return s;
}

/** The models the state's data allows: the classic kinds classify (Adaboost two classes only). */
export function models(state) {
  if (state.problem !== 'classification') return ['network'];
  return MODELS.filter((m) => classCount(state) === 2 || !(CLASSIC_KINDS[m] && CLASSIC_KINDS[m].twoClassesOnly));
}

/** Whether the state trains a classic model, not a network. */
export const isClassic = (state) => state.model !== 'network';

export function toHash(state) {
  const parts = [];
  for (const [name, [type]] of Object.entries(SETTINGS)) {
    parts.push(`${name}=${encodeURIComponent(type.write(state[name]))}`);
  }
  return '#' + parts.join('&');
}

/** How many classes the state's data has: 3 only for classification with classes=3, else 2 (or 1 value). */
export function classCount(state) {
  if (state.problem !== 'classification') return 1;
  return state.classes === 3 ? 3 : 2;
}

/** The data sets the state's problem and class count offer. */
export function datasets(state) {
  return classCount(state) === 3 ? THREE_CLASS_SETS : DATASETS[state.problem];
}

/** A hidden layer's own activation, or the one all layers share ('' in layerActivations). */
export function layerActivation(state, layer) {
  return state.layerActivations[layer] || state.activation;
}

/**
 * The job spec this state trains (from given weights to go on after a finished job; on given points, clicked or
 * uploaded, instead of the generated set): paced (it runs only as far as the page grants), `epochs` of them (the
 * epochs left to "stop at", else as many as a job may have), weights and per-neuron grids in the live messages,
 * the grids as bytes and the neurons' smaller than the output's (see docs/api.md, Live messages).
 */
export function jobSpec(state, { weights, points, epochs = jobEpochs(state, 0) } = {}) {
  if (isClassic(state)) return classicJobSpec(state, points);
  const classification = state.problem === 'classification';
  const three = classCount(state) === 3;
  const layers = state.networkShape.map((units, i) => ({ units, activation: layerActivation(state, i) }));
  // the server normalises a layer or drops out of it, not both: dropout goes to the layers without batch norm
  layers.forEach((layer, i) => {
    if (state.batchNorm[i]) layer.batchNorm = true;
    else if (state.dropout > 0) layer.dropout = state.dropout;
  });
  const clipped = classification && !three && state.output === 'clipped_linear';
  if (three) layers.push({ units: 3, activation: 'softmax' });
  else layers.push(classification ? { units: 1, activation: clipped ? 'clipped_linear' : 'sigmoid' } : { units: 1, activation: 'tanh' });
  const training = {
    optimizer: state.optimizer,
    learningRate: state.learningRate,
    batchSize: state.batchSize,
    epochs,
    loss: three ? 'sparse_categorical_crossentropy' : classification && !clipped ? 'binary_crossentropy' : 'mse',
  };
  if (state.regularization === 'L1') training.l1 = state.regularizationRate;
  if (state.regularization === 'L2') training.l2 = state.regularizationRate;
  return {
    dataset: datasetSpec(state, points),
    model: weights ? { layers, weights } : { layers, init: state.initZero ? 'zeros' : 'uniform' },
    training,
    seed: state.seed,
    output: { weights: true, grid: { resolution: 50, neurons: true, neuronResolution: 25, encoding: 'bytes' } },
    pace: { until: 0 },
  };
}

/**
 * A classic model's job spec: its kind and options, as many epochs as it streams steps (a forest's trees,
 * Adaboost's rounds, else 1), the output over the plane in each snapshot (no weights, no neuron maps), paced.
 */
function classicJobSpec(state, points) {
  const model = classicModel(state.model, state);
  return {
    dataset: datasetSpec(state, points),
    model,
    training: { epochs: classicSteps(model) },
    seed: state.seed,
    output: { grid: { resolution: 50, encoding: 'bytes' } },
    pace: { until: 0 },
  };
}

/** The spec's data set: the generated one of the state, or the given points (clicked or uploaded). */
function datasetSpec(state, points) {
  const classification = state.problem === 'classification';
  const dataset = points && classification
    ? { name: 'points', points, trainRatio: state.trainRatio / 100, features: state.features }
    : {
      name: 'playground', kind: state.dataset, noise: state.noise / 100, trainRatio: state.trainRatio / 100,
      features: state.features,
    };
  if (classCount(state) === 3) dataset.classes = 3;
  dataset.seed = state.dataSeed;
  return dataset;
}

/**
 * The spec of a preview: the page's own network, or for a classic model a network on the same data (a preview is
 * for networks; the page takes only its points then).
 */
export function previewSpec(state, options = {}) {
  return jobSpec(isClassic(state) ? { ...state, model: 'network' } : state, options);
}

/** The epochs of a job that starts at page epoch `from`: up to "stop at" when it is set and ahead, else a job's most. */
export function jobEpochs(state, from) {
  return state.stopAt > from ? Math.min(MAX_EPOCHS, state.stopAt - from) : MAX_EPOCHS;
}
