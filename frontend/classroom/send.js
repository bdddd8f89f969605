// Calls from the classroom pages to the API, JSON in and out. The CSRF header is added by /xsrf.js,
// which every page loads before its modules.

/**
 * The server's refusal (an answer that is not 2xx); the message is the problem's detail, title or status.
 * `status` is the HTTP status, `retryAfter` the seconds of a Retry-After header (else null).
 */
export class RefusedError extends Error {
  constructor(message, status, retryAfter) {
    super(message);
    this.status = status;
    this.retryAfter = retryAfter;
  }
}

/** Sends a JSON body (or none); resolves to the parsed answer, or rejects with the problem's detail. */
export async function send(method, path, body) {
  const headers = {};
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(path, {
    method, headers, credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) {
    let problem = null;
    try { problem = text ? JSON.parse(text) : null; } catch { /* not JSON: a proxy's error page */ }
    const wait = Number.parseInt(res.headers.get('Retry-After') || '', 10);
    throw new RefusedError((problem && (problem.detail || problem.title)) || res.statusText || `HTTP ${res.status}`,
      res.status, Number.isFinite(wait) ? wait : null);
  }
  return text ? JSON.parse(text) : null;
}

/**
 * Tells the server, now and every 25 s while the page is open, which page this is (a lab's slug or
 * "playground"), so the instructor's dashboard shows where each student is. Only students' heartbeats
 * are kept; failures are ignored (the next beat tries again).
 */
export function heartbeat(page) {
  const beat = () => send('POST', '/api/progress', { page }).catch(() => {});
  beat();
  setInterval(beat, 25000);
  document.addEventListener('visibilitychange', () => { if (!document.hidden) beat(); });
}
