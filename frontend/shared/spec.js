// Building job specs (docs/api.md): the server's defaults and catalogue, the editable fields of a spec, merging
// a variant into a shared spec. The defaults are read from the server (GET /api/spec/defaults, dotted paths of
// the spec); a server without that endpoint leaves a field empty, and an empty field leaves the server to
// apply its own default.

import { RefusedError, send } from './http.js';

/** The value at a dotted path ("training.learningRate") of a spec, or undefined. */
export function valueAt(spec, path) {
  return path.split('.').reduce((o, k) => (o == null ? undefined : o[k]), spec);
}

/** Sets (or, for undefined, removes) the value at a dotted path, creating the objects on the way. */
export function setAt(spec, path, value) {
  const keys = path.split('.');
  let o = spec;
  for (const k of keys.slice(0, -1)) {
    if (o[k] == null || typeof o[k] !== 'object') o[k] = {};
    o = o[k];
  }
  const last = keys[keys.length - 1];
  if (value === undefined) delete o[last]; else o[last] = value;
  return spec;
}

/** `over` merged into a copy of `base`: objects key by key, everything else (arrays too) replaced. */
export function merge(base, over) {
  if (over === null || typeof over !== 'object' || Array.isArray(over)
      || base === null || typeof base !== 'object' || Array.isArray(base)) return structuredClone(over);
  const out = structuredClone(base);
  for (const [k, v] of Object.entries(over)) out[k] = k in out ? merge(out[k], v) : structuredClone(v);
  return out;
}

/** GET path as JSON; null when the server does not have it (404). */
async function optional(get, path) {
  try {
    return await get(path);
  } catch (e) {
    if (e instanceof RefusedError && e.status === 404) return null;
    throw e;
  }
}

const getJson = (path) => send('GET', path);
const cache = new Map();

/** The server's defaults by dotted path ({} from a server that does not serve them). Read once per page. */
export function loadDefaults(get = getJson) {
  if (get !== getJson) return optional(get, '/api/spec/defaults').then((a) => (a && a.defaults) || {});
  if (!cache.has('defaults')) cache.set('defaults', loadDefaults((p) => getJson(p)));
  return cache.get('defaults');
}

/** The server's catalogue: datasets, activations ({id, name, formula, derivative}), optimizers, losses. Read once per page. */
export function loadCatalogue(get = getJson) {
  if (get !== getJson) return get('/api/catalogue');
  if (!cache.has('catalogue')) cache.set('catalogue', loadCatalogue((p) => getJson(p)));
  return cache.get('catalogue');
}

/** An activation's curve from the engine: {z, values, derivatives} at `points` z from `from` to `to`. */
export function activationCurve(id, from, to, points, get = getJson) {
  return get(`/api/activations/${encodeURIComponent(id)}/curve?from=${from}&to=${to}&points=${points}`);
}

/** A whole number, blank for none (undefined), NaN for anything else. */
const optInt = (s) => (String(s).trim() === '' ? undefined : Number.isInteger(Number(s)) ? Number(s) : NaN);
/** A number, blank for none (undefined): the server's default applies. */
const optNum = (s) => (String(s).trim() === '' ? undefined : Number(s));

/** A plain field at a dotted path of the spec: shown as the spec's value, else the server's default. */
const plain = (label, path, read, options) => ({
  label, path, options,
  get: (s, defaults = {}) => valueAt(s, path) ?? defaults[path] ?? '',
  set: (s, v) => { setAt(s, path, read(v)); },
});

/** Every editable setting of a spec, declared once: its label, how it reads from and writes to text. */
export const FIELDS = {
  dataset: { label: 'Data set', get: (s) => s.dataset.name, set: (s, v) => { s.dataset.name = String(v).trim(); } },
  trainLimit: plain('Training examples (empty = all)', 'dataset.trainLimit', optInt),
  layers: {
    label: 'Layers (units activation, …)',
    get: (s) => s.model.layers.map((l) => `${l.units} ${l.activation || 'linear'}`).join(', '),
    set: (s, v) => {
      const old = s.model.layers;
      s.model.layers = String(v).split(',').map((part, i) => {
        const [units, activation] = part.trim().split(/\s+/);
        const layer = { ...(old[i] || {}), units: Number(units) };
        if (activation) layer.activation = activation;
        return layer;
      });
      // other layer sizes: the given weights no longer fit
      if (JSON.stringify(old.map((l) => l.units)) !== JSON.stringify(s.model.layers.map((l) => l.units))) delete s.model.weights;
    },
  },
  optimizer: plain('Optimizer', 'training.optimizer', (v) => v || undefined, 'optimizers'),
  learningRate: plain('Learning rate', 'training.learningRate', optNum),
  epochs: plain('Epochs', 'training.epochs', optNum),
  batchSize: plain('Batch size', 'training.batchSize', optNum),
  seed: plain('Seed (empty = new each run)', 'seed', optInt),
};

/** A copy of `base` with the fields' texts (key -> text) written into it. */
export function specFrom(base, texts) {
  const s = structuredClone(base);
  s.training = s.training || {};
  for (const [key, text] of Object.entries(texts)) {
    const f = FIELDS[key];
    if (!f) throw new Error(`unknown field ${key} (${Object.keys(FIELDS).join(', ')})`);
    f.set(s, text);
  }
  return s;
}

/** The epochs a spec trains: its own, else the server's default, else 0 (not known). */
export const epochsOf = (spec, defaults = {}) => valueAt(spec, 'training.epochs') ?? defaults['training.epochs'] ?? 0;

/**
 * The spec of a dense network over a base spec: `depth` hidden layers of `width` units with `activation`, then
 * the output layer; the optimizer set (grid searches).
 */
export function denseSpec(base, { width, depth, activation, optimizer, output = 'linear', outputs = 1 }) {
  const s = structuredClone(base);
  s.model = { layers: [...Array(depth)].map(() => ({ units: width, activation })).concat([{ units: outputs, activation: output }]) };
  s.training = { ...(s.training || {}), optimizer };
  return s;
}

/** A spec whose epoch messages carry the weights and the output over a grid, started paused when asked. */
export function liveOutputSpec(base, { resolution, neurons = false, startPaused = false }) {
  const s = structuredClone(base);
  s.output = { weights: true, grid: neurons ? { resolution, neurons: true } : { resolution } };
  if (startPaused) s.startPaused = true;
  return s;
}
