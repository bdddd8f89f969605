// playground: the playground page in an iframe, with settings in its hash ("settings": {key: value}, the
// playground's own hash keys) and the controls named in "hide" hidden (the playground reads "hide" too).

import { el } from '../page.js';

export function mount(host, cfg) {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(cfg.settings || {})) params.set(k, Array.isArray(v) ? v.join(',') : String(v));
  if (Array.isArray(cfg.hide) && cfg.hide.length) params.set('hide', cfg.hide.join(','));
  const frame = el('iframe', 'playground-frame');
  frame.src = `/playground#${params.toString()}`;
  frame.title = cfg.title || 'playground';
  frame.loading = 'lazy';
  frame.style.height = `${cfg.height || 640}px`;
  const open = el('a', 'open-playground', 'open in its own tab');
  open.href = frame.src;
  open.target = '_blank';
  open.rel = 'noopener';
  host.append(frame, open);
}
