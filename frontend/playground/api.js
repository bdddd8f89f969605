// The job API over REST, and the job's live messages over STOMP (WebSocket at /ws).

async function call(method, path, body) {
  const res = await fetch(path, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  const json = text ? JSON.parse(text) : null;
  if (!res.ok) {
    const why = json && (json.detail || json.title) ? (json.detail || json.title) : res.statusText;
    throw new Error(`${method} ${path}: ${why}`);
  }
  return json;
}

export const api = {
  submit: (spec) => call('POST', '/api/jobs', spec),
  get: (id) => call('GET', `/api/jobs/${id}`),
  history: (id) => call('GET', `/api/jobs/${id}/metrics`),
  model: (id) => call('GET', `/api/jobs/${id}/model`),
  points: (id) => call('GET', `/api/jobs/${id}/points`),
  predict: (id, points) => call('POST', `/api/jobs/${id}/predict`, { points }),
  pause: (id) => call('POST', `/api/jobs/${id}/pause`),
  resume: (id) => call('POST', `/api/jobs/${id}/resume`),
  step: (id) => call('POST', `/api/jobs/${id}/step`),
  learningRate: (id, learningRate) => call('PATCH', `/api/jobs/${id}`, { learningRate }),
  cancel: (id) => call('DELETE', `/api/jobs/${id}`),
};

/**
 * One STOMP connection for the page, reconnecting by itself. follow(id) subscribes to a job's topic and
 * asks for its snapshot (status and history), again after every reconnect, so nothing is lost.
 * handlers: message(msg), snapshot(snap), connected(bool).
 */
export function liveClient(handlers) {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  const client = new window.StompJs.Client({
    brokerURL: `${scheme}://${location.host}/ws`,
    reconnectDelay: 1000,
    heartbeatIncoming: 10000,
    heartbeatOutgoing: 10000,
  });
  let jobId = null;
  let subs = [];

  function subscribe() {
    subs.forEach((s) => s.unsubscribe());
    subs = [];
    if (!jobId || !client.connected) return;
    const id = jobId;
    subs.push(client.subscribe(`/topic/jobs/${id}`, (m) => {
      if (id === jobId) handlers.message(JSON.parse(m.body));
    }));
    subs.push(client.subscribe(`/app/jobs/${id}`, (m) => {
      if (id === jobId) handlers.snapshot(JSON.parse(m.body));
    }));
  }

  client.onConnect = () => { handlers.connected(true); subscribe(); };
  client.onWebSocketClose = () => handlers.connected(false);
  client.onStompError = () => handlers.connected(false);
  client.activate();

  return {
    follow(id) { jobId = id; subscribe(); },
    get connected() { return client.connected; },
    /** For tests: drop the socket as a network failure would. */
    drop() { client.forceDisconnect(); },
  };
}
