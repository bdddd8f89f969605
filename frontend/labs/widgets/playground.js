// playground: the playground page in an iframe, with settings in its hash ("settings": {key: value}, the
// playground's own hash keys) and the controls named in "hide" hidden (the playground reads "hide" too).
// A playground holds a job on the server from its first ▶ or step on, and jobs per client are limited
// (nnlab.jobs.max-active-per-client), so a frame opens when the student asks for it ("open": true opens it
// with the page), and at most MAX_OPEN frames of a page are open at once: opening one more closes the one
// opened longest ago, cancelling its job if it has one.

import { api } from '../../shared/jobs.js';
import { el } from '../page.js';

export const MAX_OPEN = 2;
const openFrames = []; // the page's open frames, oldest first: {close}

function hash(cfg) {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(cfg.settings || {})) params.set(k, Array.isArray(v) ? v.join(',') : String(v));
  if (Array.isArray(cfg.hide) && cfg.hide.length) params.set('hide', cfg.hide.join(','));
  return params.toString();
}

/** A short description of the preset for the button: data set, hidden layers, features. */
function describe(s) {
  const shape = s.networkShape ? (s.networkShape.length ? `hidden layers ${s.networkShape.join('-')}` : 'no hidden layer') : '';
  return [s.dataset, shape, s.features ? `features ${s.features.join(', ')}` : '', s.noise ? `noise ${s.noise}` : '']
    .filter(Boolean).join(' · ');
}

export function mount(host, cfg) {
  const src = `/playground#${hash(cfg)}`;
  const box = el('div', 'playground-box');
  const poster = el('div', 'playground-poster');
  const start = el('button', 'open-frame', '▶ Open this playground');
  start.type = 'button';
  const what = el('span', 'preset', describe(cfg.settings || {}));
  const note = el('p', 'closed-note');
  note.hidden = true;
  poster.append(start, what, note);
  const tab = el('a', 'open-playground', 'open in its own tab');
  tab.href = src;
  tab.target = '_blank';
  tab.rel = 'noopener';
  box.append(poster, tab);
  host.append(box);

  let frame = null;
  const entry = { close };

  function openFrame() {
    if (frame) return;
    while (openFrames.length >= MAX_OPEN) {
      openFrames[0].close(`Closed when a later playground was opened (at most ${MAX_OPEN} run at once); open it again to start over.`);
    }
    frame = el('iframe', 'playground-frame');
    frame.src = src;
    frame.title = cfg.title || 'playground';
    frame.style.height = `${cfg.height || 740}px`; // the whole output column, down to its file buttons, at the lab column's width
    poster.hidden = true;
    box.insertBefore(frame, tab);
    box.dataset.open = 'true';
    openFrames.push(entry);
  }

  /** Removes the frame; its job is cancelled here, as the frame may not get to do it itself. */
  function close(why) {
    if (!frame) return;
    let jobId = null;
    try { jobId = frame.contentWindow.playground && frame.contentWindow.playground.jobId; } catch (e) { /* not loaded yet */ }
    if (jobId) api.cancel(jobId).catch(() => {});
    frame.remove();
    frame = null;
    openFrames.splice(openFrames.indexOf(entry), 1);
    poster.hidden = false;
    note.hidden = !why;
    note.textContent = why || '';
    box.dataset.open = 'false';
  }

  start.addEventListener('click', openFrame);
  if (cfg.open) openFrame();
}
