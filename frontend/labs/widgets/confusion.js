// confusion: how a classifier of a train block on the page ("train": its name, else the page's latest run)
// does on held-out data, from GET /api/jobs/{id}/evaluation: the confusion matrix shaded by row share,
// accuracy per class, and a grid of sample predictions (MNIST digits drawn from their pixels), the wrong
// ones marked. It fills in when a run ends; "Evaluate now" judges a running job's current weights.
// Block settings: {"train", "samples" (default 24), "split" (test, validation or train; default the test
// split, else validation)}. When the server is busy computing other evaluations (503), the widget waits as
// its Retry-After says and asks again, a few times, then says the server stayed busy.

import { api } from '../../shared/jobs.js';
import { withRetryAfter } from '../../shared/run.js';
import { el } from '../page.js';

const pct = (v) => (v == null ? '–' : `${(100 * v).toFixed(1)} %`);
/** How often a busy server (503) is asked again before the widget gives up. */
const BUSY_RETRIES = 3;

export function mount(host, cfg, page) {
  const samples = cfg.samples ?? 24;
  const box = el('div', 'confusion');
  const now = el('button', 'evaluate', 'Evaluate now');
  now.type = 'button';
  now.disabled = true;
  const status = el('p', 'confusion-status', 'Train the model above: its confusion matrix and sample predictions appear here.');
  const caption = el('p', 'confusion-caption');
  const matrix = el('div', 'matrix-box');
  const grid = el('div', 'sample-grid');
  box.append(now, status, caption, matrix, grid);
  host.append(box);

  const job = () => (cfg.train ? page.jobs.get(cfg.train) : page.lastJob);
  let shown = null;
  let latest = 0; // only the latest request's answer is shown

  page.onTrained((name, j, latest = true) => {
    if (cfg.train ? name !== cfg.train : !latest) return; // without a name: the page's latest run, no compare variant
    now.disabled = false;
    if (j.final && shown !== j.id) evaluate(j);
  });
  now.addEventListener('click', () => { const j = job(); if (j) evaluate(j); });

  async function evaluate(j) {
    const n = ++latest;
    status.textContent = 'Evaluating…';
    try {
      const e = await evaluation(j, n);
      if (n !== latest) return;
      shown = j.final ? j.id : null;
      status.textContent = '';
      draw(e);
      box.dataset.jobId = j.id;
      box.dataset.accuracy = String(e.accuracy);
      box.dataset.epoch = String(e.epoch);
    } catch (err) {
      if (n !== latest) return;
      status.textContent = err.status === 503
        ? `No evaluation: the server stayed busy after ${BUSY_RETRIES} retries (${err.message}). Try again later.`
        : `No evaluation: ${err.message}`;
    }
  }

  /** The evaluation, asked again after Retry-After (else 2 s) while the server answers 503 busy. */
  function evaluation(j, n) {
    return withRetryAfter(() => api.evaluation(j.id, samples, cfg.split), {
      retries: BUSY_RETRIES,
      when: (err) => err.status === 503,
      wanted: () => n === latest,
      onWait: (wait) => { status.textContent = `The server is busy evaluating other runs: trying again in ${wait} s…`; },
    });
  }

  function draw(e) {
    caption.textContent = `${e.split} set, ${e.examples} examples, weights of epoch ${e.epoch}: `
      + `${e.correct} right, accuracy ${pct(e.accuracy)}. Rows: the true class; columns: the predicted one.`;
    matrix.replaceChildren(matrixTable(e));
    grid.replaceChildren(...e.samples.map((s) => sample(e, s)));
  }
}

function matrixTable(e) {
  const t = el('table', 'confusion-matrix');
  const head = el('tr');
  head.append(el('th', 'corner', 'true \\ predicted'));
  e.classNames.forEach((c) => head.append(el('th', 'predicted', c)));
  head.append(el('th', 'class-accuracy', 'accuracy'));
  t.append(head);
  e.matrix.forEach((row, i) => {
    const tr = el('tr');
    tr.append(el('th', 'true', e.classNames[i]));
    const support = e.classes[i].support;
    row.forEach((count, j) => {
      const td = el('td', `cell${i === j ? ' diagonal' : count ? ' mistake' : ''}`, count);
      const share = support ? count / support : 0;
      // the share of the row sets the shade: blue where right, red where wrong
      td.style.backgroundColor = i === j ? `rgba(31, 119, 180, ${share.toFixed(3)})` : `rgba(214, 39, 40, ${Math.min(1, 2 * share).toFixed(3)})`;
      if (share > 0.55) td.classList.add('dark');
      td.title = `${count} of ${support} with true class ${e.classNames[i]} predicted as ${e.classNames[j]}`;
      tr.append(td);
    });
    tr.append(el('td', 'class-accuracy', pct(e.classes[i].accuracy)));
    t.append(tr);
  });
  const foot = el('tr', 'overall');
  const label = el('th', null, 'overall');
  label.colSpan = e.classNames.length + 1;
  foot.append(label, el('td', 'class-accuracy', pct(e.accuracy)));
  t.append(foot);
  return t;
}

function sample(e, s) {
  const fig = el('figure', `sample ${s.correct ? 'right' : 'wrong'}`);
  fig.dataset.index = String(s.index);
  if (s.pixels && e.image) {
    const c = el('canvas', 'digit');
    c.width = e.image.width; c.height = e.image.height;
    const ctx = c.getContext('2d');
    const img = ctx.createImageData(c.width, c.height);
    s.pixels.forEach((v, i) => { const g = 255 - v; img.data.set([g, g, g, 255], i * 4); });
    ctx.putImageData(img, 0, 0);
    fig.append(c);
  } else if (s.features) {
    fig.append(el('span', 'features', e.featureNames.map((n, i) => `${n} ${+s.features[i].toPrecision(3)}`).join(', ')));
  }
  const predicted = e.classNames[s.predictedClass], truth = e.classNames[s.trueClass];
  const p = s.probabilities ? ` (${pct(s.probabilities[s.predictedClass])})` : '';
  const cap = el('figcaption');
  cap.append(el('span', 'predicted', `${predicted}${p}`));
  if (!s.correct) cap.append(el('span', 'truth', `true: ${truth}`));
  fig.title = `example ${s.index} of the ${e.split} set: predicted ${predicted}${p}, true class ${truth}`;
  fig.append(cap);
  return fig;
}
