// Refusals in plain words, next to what caused them, and the way back without a reload: a busy server
// (429, 503) is asked again after its Retry-After, a class paused by its instructor (423) again every few
// seconds until the instructor resumes it.

import { RefusedError } from '../shared/http.js';

/** How often a page asks again while the class's submissions are paused. */
export const PAUSED_POLL_SECONDS = 5;
const BUSY_RETRIES = 20;

const sleep = (ms) => new Promise((resolve) => { setTimeout(resolve, ms); });

/** What went wrong, in words for the page: the server's own sentence, without the request's method and path. */
export function plainWords(e) {
  if (!e) return '';
  const text = String(e.message || e).replace(/^(GET|POST|PUT|PATCH|DELETE) \/\S*: /, '');
  if (e instanceof RefusedError && e.status === 423) {
    return `${text.replace(/: wait until they resume them$/, '')}. ▶ works again as soon as they resume them.`;
  }
  if (e instanceof RefusedError && (e.status === 429 || e.status === 503)) {
    const wait = e.retryAfter ?? 2;
    return `${text} — trying again in ${wait} s.`;
  }
  if (e instanceof TypeError) return 'the server cannot be reached: check the connection, then try again';
  return text;
}

/** A message element: shows a refusal's words (or hides itself for none). */
export function say(element, e) {
  element.textContent = plainWords(e);
  element.hidden = !e;
}

const paused = (e) => e instanceof RefusedError && e.status === 423;
const busy = (e) => e instanceof RefusedError && (e.status === 429 || e.status === 503);

/**
 * Runs action(); a refusal shows next to `element`; a busy server is asked again after its Retry-After, a paused
 * class every PAUSED_POLL_SECONDS until it answers. wanted() false (a newer action, another state) gives up
 * quietly. Resolves to the action's result, or undefined if it was given up or failed (the words stay shown);
 * with `rethrow`, a failure not waited out is thrown instead. `wait(ms)` sleeps (a test's clock).
 */
export async function persist(action, element, {
  wanted = () => true, pollSeconds = PAUSED_POLL_SECONDS, rethrow = false, wait = sleep,
} = {}) {
  let shown = false; // only its own words are taken back
  for (let busyTries = 0; ;) {
    try {
      const result = await action();
      if (shown && wanted()) say(element, null);
      return result;
    } catch (e) {
      if (!wanted()) return undefined;
      say(element, e);
      shown = true;
      if (paused(e)) await wait(pollSeconds * 1000);
      else if (busy(e) && busyTries++ < BUSY_RETRIES) await wait((e.retryAfter ?? 2) * 1000);
      else if (rethrow) throw e;
      else return undefined;
      if (!wanted()) return undefined;
    }
  }
}
