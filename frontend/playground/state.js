// Every setting of the page, declared once. The same table reads the URL hash, writes it back,
// and tells the controls which values they may offer.

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
export const ACTIVATIONS = ['relu', 'tanh', 'sigmoid', 'linear'];
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
  'features', 'addPoints'];

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
  if (!datasets(s).includes(s.dataset)) s.dataset = datasets(s)[0];
  s.layerActivations = s.layerActivations.slice(0, s.networkShape.length);
  return s;
}

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
  const classification = state.problem === 'classification';
  const three = classCount(state) === 3;
  const layers = state.networkShape.map((units, i) => ({ units, activation: layerActivation(state, i) }));
  if (state.dropout > 0) layers.forEach((layer) => { layer.dropout = state.dropout; });
  if (three) layers.push({ units: 3, activation: 'softmax' });
  else layers.push(classification ? { units: 1, activation: 'sigmoid' } : { units: 1, activation: 'tanh' });
  const training = {
    optimizer: state.optimizer,
    learningRate: state.learningRate,
    batchSize: state.batchSize,
    epochs,
    loss: three ? 'sparse_categorical_crossentropy' : classification ? 'binary_crossentropy' : 'mse',
  };
  if (state.regularization === 'L1') training.l1 = state.regularizationRate;
  if (state.regularization === 'L2') training.l2 = state.regularizationRate;
  const dataset = points && classification
    ? { name: 'points', points, trainRatio: state.trainRatio / 100, features: state.features }
    : {
      name: 'playground', kind: state.dataset, noise: state.noise / 100, trainRatio: state.trainRatio / 100,
      features: state.features,
    };
  if (three) dataset.classes = 3;
  dataset.seed = state.dataSeed;
  return {
    dataset,
    model: weights ? { layers, weights } : { layers, init: state.initZero ? 'zeros' : 'uniform' },
    training,
    seed: state.seed,
    output: { weights: true, grid: { resolution: 50, neurons: true, neuronResolution: 25, encoding: 'bytes' } },
    pace: { until: 0 },
  };
}

/** The epochs of a job that starts at page epoch `from`: up to "stop at" when it is set and ahead, else a job's most. */
export function jobEpochs(state, from) {
  return state.stopAt > from ? Math.min(MAX_EPOCHS, state.stopAt - from) : MAX_EPOCHS;
}
