// digits: draw a digit; the model of a train block on the page ("train": its name, else the latest run)
// predicts it. The drawing is turned into an MNIST-like input: the ink's bounding box scaled to fit 20×20
// (aspect kept), placed in 28×28 with its centre of mass at the centre, pixels in [0, 1] (sent as MNIST's
// raw 0..255: the predict API applies the job's scaling).

import { api } from '../../shared/jobs.js';
import { el } from '../page.js';

const SIZE = 280;

/** 784 values in [0, 1] from a grey canvas where ink is dark; null when nothing is drawn. */
export function mnistInput(canvas) {
  const w = canvas.width, h = canvas.height;
  const src = canvas.getContext('2d').getImageData(0, 0, w, h).data;
  let x0 = w, y0 = h, x1 = -1, y1 = -1;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      if (src[(y * w + x) * 4] < 128) { x0 = Math.min(x0, x); x1 = Math.max(x1, x); y0 = Math.min(y0, y); y1 = Math.max(y1, y); }
    }
  }
  if (x1 < 0) return null;
  const bw = x1 - x0 + 1, bh = y1 - y0 + 1, scale = 20 / Math.max(bw, bh);
  const tw = Math.max(1, Math.round(bw * scale)), th = Math.max(1, Math.round(bh * scale));
  // scale in halving steps so that thin strokes survive (area averaging, as MNIST's anti-aliasing)
  let stage = document.createElement('canvas');
  stage.width = bw; stage.height = bh;
  const sctx = stage.getContext('2d');
  sctx.drawImage(canvas, x0, y0, bw, bh, 0, 0, bw, bh);
  while (stage.width / 2 > tw && stage.height / 2 > th) {
    const half = document.createElement('canvas');
    half.width = Math.max(tw, Math.floor(stage.width / 2)); half.height = Math.max(th, Math.floor(stage.height / 2));
    const hctx = half.getContext('2d');
    hctx.imageSmoothingEnabled = true; hctx.imageSmoothingQuality = 'high';
    hctx.drawImage(stage, 0, 0, half.width, half.height);
    stage = half;
  }
  const small = document.createElement('canvas');
  small.width = tw; small.height = th;
  const ctx = small.getContext('2d');
  ctx.imageSmoothingEnabled = true; ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(stage, 0, 0, tw, th);
  const px = ctx.getImageData(0, 0, tw, th).data;
  const ink = new Float32Array(tw * th);
  let mass = 0, mx = 0, my = 0;
  for (let y = 0; y < th; y++) {
    for (let x = 0; x < tw; x++) {
      const v = 1 - px[(y * tw + x) * 4] / 255;
      ink[y * tw + x] = v; mass += v; mx += v * x; my += v * y;
    }
  }
  const cx = mass ? mx / mass : tw / 2, cy = mass ? my / mass : th / 2;
  const ox = Math.round(14 - cx - 0.5), oy = Math.round(14 - cy - 0.5);
  const out = new Array(784).fill(0);
  for (let y = 0; y < th; y++) {
    for (let x = 0; x < tw; x++) {
      const X = x + ox, Y = y + oy;
      if (X >= 0 && X < 28 && Y >= 0 && Y < 28) out[Y * 28 + X] = Math.min(1, Math.max(0, ink[y * tw + x]));
    }
  }
  return out;
}

export function mount(host, cfg, page) {
  const box = el('div', 'digits');
  const canvas = el('canvas', 'draw');
  canvas.width = SIZE; canvas.height = SIZE;
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  const clear = () => { ctx.fillStyle = '#fff'; ctx.fillRect(0, 0, SIZE, SIZE); };
  clear();
  ctx.lineWidth = cfg.stroke || 22; ctx.lineCap = 'round'; ctx.lineJoin = 'round'; ctx.strokeStyle = '#000';
  let drawing = false;
  const pos = (e) => { const r = canvas.getBoundingClientRect(); return [(e.clientX - r.left) * SIZE / r.width, (e.clientY - r.top) * SIZE / r.height]; };
  canvas.addEventListener('pointerdown', (e) => { drawing = true; canvas.setPointerCapture?.(e.pointerId); const [x, y] = pos(e); ctx.beginPath(); ctx.moveTo(x, y); ctx.lineTo(x + 0.1, y + 0.1); ctx.stroke(); });
  canvas.addEventListener('pointermove', (e) => { if (!drawing) return; const [x, y] = pos(e); ctx.lineTo(x, y); ctx.stroke(); });
  const end = () => { if (drawing) { drawing = false; if (cfg.auto !== false) predict(); } };
  canvas.addEventListener('pointerup', end);
  canvas.addEventListener('pointerleave', end);

  const buttons = el('div', 'digit-buttons');
  const predictButton = el('button', 'predict', 'Predict');
  const clearButton = el('button', 'clear', 'Clear');
  predictButton.type = 'button'; clearButton.type = 'button';
  buttons.append(predictButton, clearButton);
  const preview = el('canvas', 'preview');
  preview.width = 28; preview.height = 28;
  const status = el('p', 'digit-status', 'Train the model above, then draw a digit.');
  const answer = el('p', 'digit-answer');
  const bars = el('div', 'probabilities');
  const side = el('div', 'digit-side');
  side.append(el('span', 'caption', 'what the model sees (28×28)'), preview, answer, bars);
  box.append(canvas, side, buttons, status);
  host.append(box);

  const job = () => (cfg.train && page.jobs.get(cfg.train)) || page.lastJob;
  page.onTrained(() => { if (job()) status.textContent = job().final ? 'Draw a digit: the trained model will read it.' : 'Training… you can already draw.'; });

  clearButton.addEventListener('click', () => {
    clear(); answer.textContent = ''; bars.replaceChildren(); delete box.dataset.predicted;
    preview.getContext('2d').clearRect(0, 0, 28, 28);
  });
  predictButton.addEventListener('click', predict);

  async function predict() {
    const input = mnistInput(canvas);
    if (!input) { status.textContent = 'Draw a digit first.'; return; }
    const img = preview.getContext('2d').createImageData(28, 28);
    input.forEach((v, i) => { const g = 255 - Math.round(v * 255); img.data.set([g, g, g, 255], i * 4); });
    preview.getContext('2d').putImageData(img, 0, 0);
    const j = job();
    if (!j) { status.textContent = 'No model yet: run the training above first.'; return; }
    try {
      // the API takes the data set's raw features (MNIST: 0..255) and applies the job's own scaling
      const out = await api.predictInputs(j.id, [input.map((v) => Math.round(v * 255))]);
      const probs = out.outputs[0];
      const best = out.classes ? out.classes[0] : probs.indexOf(Math.max(...probs));
      const label = out.labels && out.labels[0] != null ? out.labels[0] : String(best);
      answer.textContent = `The model reads: ${label} (${(100 * probs[best]).toFixed(1)} %)`;
      box.dataset.predicted = label;
      bars.replaceChildren();
      probs.forEach((p, k) => {
        const row = el('div', `bar-row${k === best ? ' best' : ''}`);
        const bar = el('span', 'bar');
        bar.style.width = `${(100 * p).toFixed(1)}%`;
        row.append(el('span', 'bar-label', k), el('span', 'bar-track'), el('span', 'bar-value', `${(100 * p).toFixed(1)} %`));
        row.children[1].append(bar);
        bars.append(row);
      });
      status.textContent = '';
    } catch (e) {
      status.textContent = `Prediction failed: ${e.message}`;
    }
  }
}
