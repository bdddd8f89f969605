// The job API over REST, and the jobs' live messages over STOMP (WebSocket at /ws).

import { RefusedError, send } from './http.js';

/** A job's statuses after which nothing more happens to it. */
export const FINAL = Object.freeze(['SUCCEEDED', 'FAILED', 'CANCELLED', 'INTERRUPTED']);
export const isFinal = (status) => FINAL.includes(status);

/** As send(), with the call named in the message of a refusal (its status, Retry-After and problem kept). */
async function call(method, path, body) {
  try {
    return await send(method, path, body);
  } catch (e) {
    throw e instanceof RefusedError ? new RefusedError(`${method} ${path}: ${e.message}`, e.status, e.retryAfter, e.problem) : e;
  }
}

export const api = {
  submit: (spec) => call('POST', '/api/jobs', spec),
  get: (id) => call('GET', `/api/jobs/${id}`),
  history: (id) => call('GET', `/api/jobs/${id}/metrics`),
  model: (id) => call('GET', `/api/jobs/${id}/model`),
  points: (id) => call('GET', `/api/jobs/${id}/points`),
  predict: (id, points) => call('POST', `/api/jobs/${id}/predict`, { points }),
  predictInputs: (id, inputs) => call('POST', `/api/jobs/${id}/predict`, { inputs }),
  pause: (id) => call('POST', `/api/jobs/${id}/pause`),
  resume: (id) => call('POST', `/api/jobs/${id}/resume`),
  step: (id) => call('POST', `/api/jobs/${id}/step`),
  learningRate: (id, learningRate) => call('PATCH', `/api/jobs/${id}`, { learningRate }),
  cancel: (id) => call('DELETE', `/api/jobs/${id}`),
  evaluation: (id, samples, split) => call('GET', `/api/jobs/${id}/evaluation?samples=${samples}${split ? `&split=${split}` : ''}`),
  /** Cancels a job as the page goes away: the request outlives the page. */
  cancelOnLeave: (id) => send('DELETE', `/api/jobs/${id}`, undefined, { keepalive: true }).catch(() => {}),
};

/** A STOMP client of this server's /ws (not yet activated): reconnects after a second, 10 s heartbeats. */
export function stompClient() {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  return new window.StompJs.Client({
    brokerURL: `${scheme}://${location.host}/ws`,
    reconnectDelay: 1000,
    heartbeatIncoming: 10000,
    heartbeatOutgoing: 10000,
  });
}

/**
 * One STOMP connection for the page, reconnecting by itself. follow(id) subscribes to a job's topic and
 * asks for its snapshot (status and history), again after every reconnect, so nothing is lost; also(id)
 * follows one more job beside the others, forget(id) stops following one.
 * handlers: message(msg, jobId), snapshot(snap, jobId), connected(bool).
 */
export function liveClient(handlers, client = stompClient()) {
  const followed = new Map(); // job id -> its subscriptions

  function unsubscribe(id) {
    // after a drop the old subscriptions died with the connection
    if (client.connected) (followed.get(id) || []).forEach((s) => s.unsubscribe());
  }

  function subscribe(id) {
    unsubscribe(id);
    followed.set(id, []);
    if (!client.connected) return;
    followed.set(id, [
      client.subscribe(`/topic/jobs/${id}`, (m) => {
        if (followed.has(id)) handlers.message(JSON.parse(m.body), id);
      }),
      client.subscribe(`/app/jobs/${id}`, (m) => {
        if (followed.has(id)) handlers.snapshot(JSON.parse(m.body), id);
      }),
    ]);
  }

  function forget(id) {
    unsubscribe(id);
    followed.delete(id);
  }

  client.onConnect = () => { handlers.connected(true); [...followed.keys()].forEach(subscribe); };
  client.onWebSocketClose = () => handlers.connected(false);
  client.onStompError = () => handlers.connected(false);
  client.activate();

  return {
    follow(id) { [...followed.keys()].filter((k) => k !== id).forEach(forget); subscribe(id); },
    also(id) { subscribe(id); },
    forget,
    get connected() { return client.connected; },
    /** For tests: drop the socket as a network failure would. */
    drop() { client.forceDisconnect(); },
  };
}
