// The classic model kinds of the job spec (`model.kind`, docs/api.md "Classic models"): their names in plain
// words, the options a page offers for each (values within the server's limits, the server's defaults) and the
// `model` part of a spec built from chosen values. The server refuses an option of another kind, so only the
// kind's own options (and of an SVM only those of its kernel) go into the spec.

/** kind → {name, step (what one streamed step is), options: {option → {label, values, default, words?}}}. */
export const CLASSIC_KINDS = {
  knn: {
    name: 'k-nearest neighbours',
    step: 'the whole fit',
    options: { k: { label: 'Neighbours that vote (k)', values: [1, 3, 5, 9, 15, 25, 50], default: 5 } },
  },
  tree: {
    name: 'decision tree',
    step: 'the whole fit',
    options: { maxDepth: { label: 'Deepest split', values: [1, 2, 3, 4, 6, 8, 12, 20], default: 8 } },
  },
  forest: {
    name: 'random forest',
    step: 'one tree',
    options: {
      trees: { label: 'Trees', values: [1, 5, 10, 25, 50, 100, 200], default: 50 },
      maxDepth: { label: 'Deepest split', values: [1, 2, 3, 4, 6, 8, 12, 20], default: 8 },
    },
  },
  svm: {
    name: 'SVM',
    step: 'the whole fit',
    options: {
      kernel: {
        label: 'Kernel', values: ['linear', 'polynomial', 'rbf'], default: 'rbf',
        words: { linear: 'linear', polynomial: 'polynomial', rbf: 'Gaussian (RBF)' },
      },
      c: { label: 'Cost of a margin violation (C)', values: [0.01, 0.1, 1, 10, 100, 1000], default: 1 },
      gamma: {
        label: 'Kernel scale (γ)', values: [0, 0.1, 0.5, 1, 2, 5, 10], default: 0, words: { 0: 'auto (1 / features)' },
        when: (v) => v.kernel !== 'linear',
      },
      degree: { label: 'Degree', values: [2, 3, 4, 5], default: 3, when: (v) => v.kernel === 'polynomial' },
    },
  },
  adaboost: {
    name: 'Adaboost (perceptrons)',
    step: 'one boosting round',
    twoClassesOnly: true,
    options: { rounds: { label: 'Boosting rounds', values: [1, 5, 10, 20, 50, 100, 200, 500], default: 50 } },
  },
};

/** Adaboost's weak learners (the playground always takes the lecture's perceptron; a lab may show stumps). */
const WEAK_LEARNERS = ['perceptron', 'stump'];

/** Every option name of any kind, once (a page keeps their values side by side). */
export const CLASSIC_OPTIONS = [...new Set(Object.values(CLASSIC_KINDS).flatMap((k) => Object.keys(k.options)))];

/** The options of a kind that apply to the chosen values (an SVM's degree only with the polynomial kernel …). */
export function optionsOf(kind, values) {
  const k = CLASSIC_KINDS[kind];
  if (!k) return [];
  return Object.entries(k.options).filter(([, o]) => !o.when || o.when({ ...defaultsOf(kind), ...values })).map(([name]) => name);
}

function defaultsOf(kind) {
  return Object.fromEntries(Object.entries(CLASSIC_KINDS[kind].options).map(([n, o]) => [n, o.default]));
}

/** How an option's value reads on the page. */
export function optionWords(kind, name, value) {
  const o = CLASSIC_KINDS[kind].options[name];
  return (o.words && o.words[value]) || String(value);
}

/**
 * The spec's `model` for a kind and chosen values (missing ones: the defaults); γ 0 is left out (the server's
 * own default, 1 / features), Adaboost's weak learner is the lecture's perceptron unless a stump is asked for.
 */
export function classicModel(kind, values = {}) {
  if (!CLASSIC_KINDS[kind]) throw new Error(`unknown model kind ${kind} (${Object.keys(CLASSIC_KINDS).join(', ')})`);
  const chosen = { ...defaultsOf(kind), ...values };
  const model = { kind };
  for (const name of optionsOf(kind, chosen)) {
    if (name === 'gamma' && chosen.gamma === 0) continue;
    model[name] = chosen[name];
  }
  if (kind === 'adaboost') model.weakLearner = WEAK_LEARNERS.includes(values.weakLearner) ? values.weakLearner : 'perceptron';
  return model;
}

/** The steps a kind's job streams (one epoch each): a forest's trees, Adaboost's rounds, else the one fit. */
export function classicSteps(model) {
  if (model.kind === 'forest') return model.trees ?? CLASSIC_KINDS.forest.options.trees.default;
  if (model.kind === 'adaboost') return model.rounds ?? CLASSIC_KINDS.adaboost.options.rounds.default;
  return 1;
}
