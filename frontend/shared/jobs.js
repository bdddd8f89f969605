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
  /** A 2-D spec's points, initial (or given) weights, their losses and grid, without a job. */
  preview: async (spec) => {
    const p = await call('POST', '/api/jobs/preview', spec);
    if (p && p.grid) decodeGrid(p.grid);
    return p;
  },
  list: () => call('GET', '/api/jobs'),
  /** A paced job may run up to epoch `until` (REST; the live connection grants the same way, cheaper). */
  advance: (id, until) => call('POST', `/api/jobs/${id}/advance`, { until }),
  get: (id) => call('GET', `/api/jobs/${id}`),
  history: (id) => call('GET', `/api/jobs/${id}/metrics`),
  model: (id) => call('GET', `/api/jobs/${id}/model`),
  points: (id) => call('GET', `/api/jobs/${id}/points`),
  predict: (id, points) => call('POST', `/api/jobs/${id}/predict`, { points }),
  predictInputs: (id, inputs) => call('POST', `/api/jobs/${id}/predict`, { inputs }),
  /** One example forward and backward through the job's network: {index} of a training example, or {inputs, target}. */
  trace: (id, example) => call('POST', `/api/jobs/${id}/trace`, example || {}),
  pause: (id) => call('POST', `/api/jobs/${id}/pause`),
  resume: (id) => call('POST', `/api/jobs/${id}/resume`),
  step: (id) => call('POST', `/api/jobs/${id}/step`),
  learningRate: (id, learningRate) => call('PATCH', `/api/jobs/${id}`, { learningRate }),
  cancel: (id) => call('DELETE', `/api/jobs/${id}`),
  evaluation: (id, samples, split) => call('GET', `/api/jobs/${id}/evaluation?samples=${samples}${split ? `&split=${split}` : ''}`),
  /** Cancels a job as the page goes away: the request outlives the page. */
  cancelOnLeave: (id) => send('DELETE', `/api/jobs/${id}`, undefined, { keepalive: true }).catch(() => {}),
};

/**
 * What the page's WebSockets received: frames and their characters (about bytes: the JSON is ASCII but for names),
 * counted as the socket hands them over, so traffic can be read off the page.
 */
export const traffic = { messages: 0, bytes: 0 };

/** A STOMP client of this server's /ws (not yet activated): reconnects after a second, 10 s heartbeats. */
export function stompClient() {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  return new window.StompJs.Client({
    webSocketFactory: () => {
      const socket = new WebSocket(`${scheme}://${location.host}/ws`, ['v12.stomp', 'v11.stomp', 'v10.stomp']);
      socket.addEventListener('message', (e) => {
        traffic.messages++;
        traffic.bytes += typeof e.data === 'string' ? e.data.length : e.data.byteLength || e.data.size || 0;
      });
      return socket;
    },
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
        if (!followed.has(id)) return;
        const message = JSON.parse(m.body);
        if (message.grid) decodeGrid(message.grid);
        handlers.message(message, id);
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
    /** Sends a JSON body to a destination (a grant to /app/jobs/{id}); false when not connected (nothing sent). */
    send(destination, body) {
      if (!client.connected) return false;
      client.publish({ destination, body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
      return true;
    },
    follow(id) { [...followed.keys()].filter((k) => k !== id).forEach(forget); subscribe(id); },
    also(id) { subscribe(id); },
    forget,
    get connected() { return client.connected; },
    /** For tests: drop the socket as a network failure would. */
    drop() { client.forceDisconnect(); },
  };
}

/**
 * A grid sent as bytes (docs/api.md, Live messages) made into `layers` of numbers as the numbers encoding has them,
 * every map at the grid's resolution (smaller neuron maps are enlarged, nearest point), so that whoever draws a grid
 * reads one form. A grid of numbers is left as it is. Changes the grid in place and returns it.
 */
export function decodeGrid(grid) {
  if (!grid || !grid.packed || grid.layers) return grid;
  const last = grid.packed.length - 1;
  grid.layers = grid.packed.map((maps, l) => maps.map((text, u) => {
    const [low, high] = grid.ranges[l][u];
    const bytes = atob(text);
    const step = (high - low) / 255;
    const values = new Array(bytes.length);
    for (let i = 0; i < bytes.length; i++) values[i] = low + bytes.charCodeAt(i) * step;
    const own = l === last ? grid.resolution : (grid.neuronResolution || grid.resolution);
    return own === grid.resolution ? values : enlarge(values, own, grid.resolution);
  }));
  return grid;
}

/** A map of from² points on the same square as one of to² points: each point takes the nearest one's value. */
function enlarge(values, from, to) {
  const out = new Array(to * to);
  const near = (i) => Math.round((i * (from - 1)) / (to - 1));
  for (let r = 0; r < to; r++) {
    const row = near(r) * from;
    for (let c = 0; c < to; c++) out[r * to + c] = values[row + near(c)];
  }
  return out;
}
