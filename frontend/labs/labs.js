// A lab page: typeset the maths with KaTeX, then turn every widget block into its widget.
// Widgets live in widgets/NAME.js and export mount(element, config, page).

import { LabPage } from './page.js';
import { heartbeat } from '../shared/http.js';

function typeset(root) {
  for (const el of root.querySelectorAll('span.math')) {
    const tex = el.textContent;
    try {
      window.katex.render(tex, el, { displayMode: el.dataset.display === 'true', throwOnError: false });
    } catch (e) {
      el.textContent = tex;
      el.classList.add('math-error');
    }
  }
}

/**
 * A block with "revealAfter": its answer part (the elements marked .answer-part, else all it shows) waits for that
 * question to be answered right.
 */
function hideAnswer(el, config, page) {
  if (!config.revealAfter) return;
  let parts = [...el.querySelectorAll('.answer-part')];
  if (!parts.length) {
    const all = document.createElement('div');
    all.className = 'answer-part';
    all.append(...el.childNodes);
    el.append(all);
    parts = [all];
  }
  parts.forEach((part) => page.revealAfter(config.revealAfter, part));
}

async function mountAll(root, slug) {
  const page = new LabPage(slug);
  await page.load();
  const blocks = [...root.querySelectorAll('.lab-widget')];
  for (const el of blocks) {
    const name = el.dataset.widget;
    try {
      const config = JSON.parse(el.dataset.config || '{}');
      const mod = await import(`./widgets/${name}.js`);
      await mod.mount(el, config, page);
      hideAnswer(el, config, page);
      el.dataset.ready = 'true';
    } catch (e) {
      el.classList.add('widget-failed');
      const p = document.createElement('p');
      p.className = 'error';
      p.textContent = `This ${name} block could not start: ${e.message}`;
      el.append(p);
    }
  }
  document.body.dataset.widgetsReady = 'true';
}

const lab = document.getElementById('lab');
if (lab && lab.dataset.slug) heartbeat(lab.dataset.slug);
typeset(document.querySelector('.lab-body') || document.body);
mountAll(document.querySelector('.lab-body') || document.body, lab && lab.dataset.slug);
