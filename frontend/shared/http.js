// Calls to the server's API, JSON in and out: refusals become RefusedError (status, Retry-After, the problem's
// detail), and requests that change something carry the CSRF token (the XSRF-TOKEN cookie) as X-XSRF-TOKEN.

const SAFE = /^(GET|HEAD|OPTIONS|TRACE)$/i;

/**
 * The server's refusal (an answer that is not 2xx); the message is the problem's detail, title or status.
 * `status` is the HTTP status, `retryAfter` the seconds of a Retry-After header (else null), `problem` the body.
 */
export class RefusedError extends Error {
  constructor(message, status, retryAfter = null, problem = null) {
    super(message);
    this.status = status;
    this.retryAfter = retryAfter;
    this.problem = problem;
  }
}

/** The CSRF token of a cookie string, or null. */
export function csrfToken(cookie = globalThis.document ? document.cookie : '') {
  const m = cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]*)/);
  return m ? decodeURIComponent(m[1]) : null;
}

/** The headers a request of this method (with a JSON body or not) sends. */
export function requestHeaders(method, json, token = csrfToken()) {
  const headers = {};
  if (json) headers['Content-Type'] = 'application/json';
  if (token && !SAFE.test(method)) headers['X-XSRF-TOKEN'] = token;
  return headers;
}

/** Reads a refusal: the problem's detail (else title, status text) and the seconds of Retry-After. */
export function refusal(status, statusText, retryAfterHeader, text) {
  let problem = null;
  try { problem = text ? JSON.parse(text) : null; } catch { /* not JSON: a proxy's error page */ }
  const wait = Number.parseInt(retryAfterHeader || '', 10);
  return new RefusedError((problem && (problem.detail || problem.title)) || statusText || `HTTP ${status}`,
    status, Number.isFinite(wait) ? wait : null, problem);
}

/**
 * Sends a JSON body (or none); resolves to the parsed answer, or rejects with a RefusedError. The page's fetch is
 * looked up at each call, so that a wrapper installed later (a test's) sees every request.
 */
export async function send(method, path, body, { keepalive = false } = {}) {
  const res = await globalThis.fetch(path, {
    method,
    headers: requestHeaders(method, body !== undefined),
    credentials: 'same-origin',
    keepalive,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw refusal(res.status, res.statusText, res.headers.get('Retry-After'), text);
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
