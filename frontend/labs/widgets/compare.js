// compare: variants of one job spec trained side by side on one chart. {"spec": the shared job spec,
// "variants": [{"name", "spec": what this variant changes (merged into the shared spec: objects key by key,
// arrays and values replaced)}], "fields": settings the student may edit for all variants (as a train
// block's), "parallel": variants trained at once (default 2), "logScale": true for a log loss axis, on which
// losses far apart (a run that overfits beside one that does not) stay readable}. One colour per variant: the
// validation loss solid and the training loss dashed on one chart, and a table of the metrics of the weights each
// variant ends with: its last epoch's, or for early stopping with restored weights the epoch it went back to.
// A named block tells the page of each variant's finished job as "NAME/VARIANT" (for a regions block).
// A variant may be a classic model (its "model" with a "kind": knn, tree, forest, svm, adaboost), which replaces the
// shared model whole, so that an SVM stands beside an MLP; its loss is the 0-1 loss the server reports. "maps" (default:
// true when a variant is classic, on 2-D sets) adds a card per variant with its output over the plane as the server
// streams it (the spec's output.grid; "resolution" cells per side, 40), its test accuracy, steps, time and figures.

import { pageRunner } from '../../shared/run.js';
import { merge } from '../../shared/spec.js';
import { COLORS, lineChart } from '../../shared/draw/chart.js';
import { el, throttled } from '../page.js';
import { epochSpan, formSettings, lossAxis, runButtons, specForm } from './train.js';
import { keptEpoch } from '../keras.js';
import { isClassic, onPlane, planeCard, withGrid } from './planecard.js';

export { merge };

/**
 * A variant's spec: its changes merged into the shared spec, except that a model of another kind (a classic one
 * beside a network, or a network beside a classic one) replaces the shared model whole.
 */
export function variantSpec(shared, over) {
  const out = merge(shared, over || {});
  const model = over && over.model;
  if (model && (model.kind || 'network') !== ((shared.model && shared.model.kind) || 'network')) out.model = structuredClone(model);
  return out;
}

const f4 = (v) => (v == null || !isFinite(v) ? '' : Number(v).toFixed(4));

/**
 * What the shared run tells about variant `r` (its epochs, card and status); `changed(now)` redraws, at once when
 * `now`. A variant whose job started over on another server instance drops its epochs: its curves and card start again
 * from the first epoch, and it keeps the plain notice to show beside its status.
 */
export function variantHandlers(r, changed) {
  return {
    epoch: (m) => {
      if (r.card) r.card.epoch(m);
      if (r.epochs.has(m.epoch)) return;
      r.epochs.set(m.epoch, m);
      r.status = r.final ? r.status : 'RUNNING';
      changed(false);
    },
    restart: (notice) => {
      r.epochs.clear();
      r.notice = notice;
      r.status = 'QUEUED';
      if (r.card) r.card.restart(notice);
      changed(true);
    },
    final: (status, why) => {
      r.final = true;
      r.status = status;
      r.error = why;
      changed(true);
    },
  };
}

export async function mount(host, cfg, page) {
  if (!cfg.spec || !Array.isArray(cfg.variants) || !cfg.variants.length) throw new Error('a compare block needs "spec" and "variants"');
  cfg.variants.forEach((v, i) => { if (!v.name) throw new Error(`variant ${i} needs a "name"`); });
  const base = structuredClone(cfg.spec);
  base.training = base.training || {};
  const parallel = Math.max(1, cfg.parallel || 2);

  const box = el('div', 'compare');
  const { form, spec } = specForm(base, cfg.fields || [], await formSettings());
  const runner = pageRunner();
  const { run, stop } = runButtons(form, `Train the ${cfg.variants.length} variants`);
  const status = el('p', 'compare-status');
  const error = el('p', 'error');
  error.hidden = true;
  const charts = el('div', 'compare-charts');
  const lossChart = el('div', 'loss-curve');
  charts.append(lossChart);
  const cards = el('div', 'classic-cards compare-cards');
  const table = el('table', 'compare-results');
  const note = el('p', 'compare-note', 'Losses and accuracy of the weights each variant ends with: its last epoch\'s, '
    + 'or, when early stopping goes back to its best epoch, that epoch\'s.');
  const classicNote = el('p', 'compare-note', 'A classic model\'s loss is its 0-1 loss: the share of examples it gets wrong.');
  classicNote.hidden = !cfg.variants.some((v) => isClassic(v.spec && v.spec.model));
  box.append(form, status, error, charts, cards, table, note, classicNote);
  host.append(box);

  let runs = [];
  let stopped = false;
  const resolution = cfg.resolution || 40;
  const maps = (spec) => onPlane(spec) && (cfg.maps ?? cfg.variants.some((v) => isClassic(v.spec && v.spec.model)));

  // epochs of several runs may come by the thousand a second: the chart follows at most ten times a second
  const following = throttled(() => redraw(), 100);
  function changed(now) {
    if (!now) { following.soon(); return; }
    following.cancel(); // drawn now, whole: no later redraw replaces the chart
    redraw();
  }

  const ordered = (r) => [...r.epochs.values()].sort((a, b) => a.epoch - b.epoch);
  const series = (r, split, metric) => ordered(r).filter((e) => e[split] && e[split][metric] != null).map((e) => [e.epoch, e[split][metric]]);

  function redraw() {
    const loss = [];
    for (const r of runs) {
      // a classic model that fits in one step has one point per series: drawn as a marker
      const validation = series(r, 'validation', 'loss'), train = series(r, 'train', 'loss');
      loss.push({ name: `${r.name} validation`, points: validation, color: r.color, markers: validation.length === 1 });
      loss.push({ name: `${r.name} train`, points: train, color: r.color, dash: '4 3', width: 1.2, markers: train.length === 1 });
    }
    lineChart(lossChart, loss, {
      xLabel: 'epoch', yLabel: `${lossAxis(runs[0] && runs[0].spec)}${cfg.logScale ? ', log scale' : ''}`, yLog: !!cfg.logScale,
      title: 'validation loss (solid) and training loss (dashed) per variant', width: 720, height: 320,
      xInteger: true, xFit: [0, epochSpan(runs)],
    });
    drawTable();
    const done = runs.filter((r) => r.final).length;
    status.textContent = `${done}/${runs.length} variants done`;
  }

  function drawTable() {
    table.replaceChildren();
    const head = el('tr');
    ['variant', 'status', 'epochs', 'best validation loss (epoch)', 'train loss', 'validation loss', 'test loss', 'test accuracy']
      .forEach((h) => head.append(el('th', null, h)));
    table.append(head);
    for (const r of runs) {
      const es = ordered(r);
      const last = es[es.length - 1];
      const kept = r.final ? keptEpoch(es, r.spec) : last;
      const best = es.filter((e) => e.validation && e.validation.loss != null)
        .reduce((b, e) => (!b || e.validation.loss < b.validation.loss ? e : b), null);
      const tr = el('tr', `variant-result status-${(r.status || '').toLowerCase()}`);
      tr.dataset.variant = r.name;
      if (kept) tr.dataset.keptEpoch = String(kept.epoch);
      const name = el('td', 'swatch', r.name);
      name.style.setProperty('--c', r.color);
      tr.append(name);
      const why = last && last.stopReason && last.stopReason !== 'COMPLETED' ? last.stopReason.toLowerCase().replace('_', ' ') : '';
      const back = kept && kept.epoch !== last.epoch ? `weights of epoch ${kept.epoch}` : '';
      const state = el('td', null, r.status || 'QUEUED');
      if (r.notice) {
        tr.dataset.restarted = 'true';
        state.append(el('span', 'restart-notice', r.notice));
      }
      tr.append(state);
      [last ? `${last.epoch}${why || back ? ` (${[why, back].filter(Boolean).join('; ')})` : ''}` : '',
        best ? `${f4(best.validation.loss)} (${best.epoch})` : '', kept && kept.train ? f4(kept.train.loss) : '',
        kept && kept.validation ? f4(kept.validation.loss) : '', kept && kept.test ? f4(kept.test.loss) : '',
        kept && kept.test && kept.test.accuracy != null ? f4(kept.test.accuracy) : '']
        .forEach((v) => tr.append(el('td', null, v)));
      table.append(tr);
    }
  }

  async function trainVariant(r) {
    if (stopped) { r.final = true; r.status = 'CANCELLED'; return; }
    try {
      const followed = await runner.start(r.spec, variantHandlers(r, changed));
      r.run = followed;
      r.id = followed.id;
      r.spec = followed.spec; // as the server completed it: the loss's name for the axis
      r.status = followed.job.status;
      redraw();
      if (stopped) followed.cancel().catch(() => {});
      if (r.card) r.card.follow(r.id);
      const { status: ended } = await followed.done;
      if (r.card && ended === 'SUCCEEDED') await r.card.finish(r.id, followed.last);
      if (cfg.name && page) page.trained(`${cfg.name}/${r.name}`, { id: r.id, spec: r.spec, final: true, status: ended }, { latest: false });
    } catch (e) {
      r.final = true;
      r.status = 'FAILED';
      error.hidden = false;
      error.textContent = `${r.name}: ${e.message}`;
    }
  }

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    run.disabled = true;
    stop.disabled = false;
    stopped = false;
    error.hidden = true;
    delete box.dataset.done;
    box.dataset.status = 'RUNNING';
    const shared = spec();
    cards.replaceChildren();
    runs = cfg.variants.map((v, i) => ({
      name: v.name, color: COLORS[i % COLORS.length], spec: variantSpec(shared, v.spec), id: null, status: 'QUEUED', epochs: new Map(), final: false,
    }));
    for (const r of runs) {
      if (!maps(r.spec)) continue;
      r.spec = withGrid(r.spec, resolution);
      r.card = planeCard(cards, r.name, resolution);
      r.card.element.dataset.variant = r.name;
      r.card.element.classList.add('compare-card');
      r.card.element.style.setProperty('--c', r.color);
    }
    redraw();
    let next = 0;
    async function worker() {
      while (next < runs.length) await trainVariant(runs[next++]);
    }
    await Promise.all([...Array(Math.min(parallel, runs.length))].map(worker));
    redraw();
    box.dataset.done = 'true';
    box.dataset.status = runs.every((r) => r.status === 'SUCCEEDED') ? 'SUCCEEDED' : 'ENDED';
    run.disabled = false;
    stop.disabled = true;
  });

  stop.addEventListener('click', () => {
    stopped = true;
    for (const r of runs) if (r.run && !r.final) r.run.cancel().catch(() => {});
  });
  redraw();
}
