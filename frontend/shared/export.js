// A job exported as code: its Keras or PyTorch script downloaded, with links to the files the script reads beside
// it (the job's examples as CSV, its trained weights as JSON). The playground and the labs' train blocks show these.

import { refusal } from './http.js';

export const FRAMEWORKS = Object.freeze({ keras: 'Keras', pytorch: 'PyTorch' });

/** The file name of a Content-Disposition header, or null. */
export function attachmentName(header) {
  const m = /filename="([^"]+)"/.exec(header || '');
  return m ? m[1] : null;
}

/** Fetches the job's script; resolves to { text, name } or rejects with the server's refusal in words. */
export async function fetchScript(id, framework) {
  const res = await globalThis.fetch(`/api/jobs/${encodeURIComponent(id)}/code?framework=${framework}`,
    { credentials: 'same-origin' });
  const text = await res.text();
  if (!res.ok) throw refusal(res.status, res.statusText, res.headers.get('Retry-After'), text);
  return { text, name: attachmentName(res.headers.get('Content-Disposition')) || `nnlab-job-${id}-${framework}.py` };
}

/** Hands a text to the browser as a download. */
export function saveText(text, name, type) {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([text], { type }));
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 60000);
}

/** A link to one of the export's files (the server names the download). */
function fileLink(id, file, label) {
  const a = document.createElement('a');
  a.href = `/api/jobs/${encodeURIComponent(id)}/code/${file}`;
  a.textContent = label;
  a.className = `export-${file.replace('.', '-')}`;
  return a;
}

/**
 * "Export as Keras" and "Export as PyTorch" buttons and a line under them, in a `div.export-code`.
 * jobId(): the job to export (a promise: the playground may have to make one first), null when there is none yet;
 * hasWeights(): whether the job has weights to link to. onExported({ framework, text, name, id }) follows a download.
 */
export function exportButtons({ jobId, hasWeights = () => true, onExported = () => {} }) {
  const box = document.createElement('div');
  box.className = 'export-code';
  const info = document.createElement('output');
  info.className = 'export-info';
  for (const [framework, label] of Object.entries(FRAMEWORKS)) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = `export-${framework}`;
    button.textContent = `Export as ${label}`;
    button.title = `download a ${label} script that rebuilds this network, loads the same data and trains it the same way`;
    button.addEventListener('click', async () => {
      info.classList.remove('error');
      button.disabled = true;
      try {
        const id = await jobId();
        if (!id) { info.textContent = 'nothing to export yet: run it first'; return; }
        const script = await fetchScript(id, framework);
        saveText(script.text, script.name, 'text/x-python');
        const parts = [`${script.name} downloaded.`];
        const links = [];
        if (script.text.includes('add_argument("--data"')) links.push(fileLink(id, 'data.csv', 'its data (CSV)'));
        if (hasWeights()) links.push(fileLink(id, 'weights.json', 'the trained weights (JSON)'));
        info.replaceChildren(parts.join(' '));
        if (links.length) {
          info.append(' Beside it: ');
          links.forEach((a, i) => info.append(...(i ? [' · ', a] : [a])));
        }
        onExported({ framework, id, ...script });
      } catch (e) {
        info.classList.add('error');
        info.textContent = e.message;
      } finally {
        button.disabled = false;
      }
    });
    box.append(button);
  }
  box.append(info);
  return box;
}
