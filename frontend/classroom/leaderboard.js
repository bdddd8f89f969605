// A challenge's leaderboard: drawn from /api/challenges/{id}/leaderboard, then again whenever the server pushes it
// on /topic/classes/{class id}/challenges/{id} (and once more after every reconnect, so nothing is missed).
// Names are the students' own text: they only ever go in as text.

import { send } from '../shared/http.js';
import { stompClient } from '../shared/jobs.js';

function cell(text) {
  const td = document.createElement('td');
  td.textContent = text === undefined || text === null ? '' : String(text);
  return td;
}

export const scoreText = (metric, v) => (metric === 'accuracy' ? `${(v * 100).toFixed(1)} %` : Number(v).toFixed(4));

/** Redraws the table's body (and the "no submission yet" line) from a leaderboard. */
export function drawBoard(table, empty, board) {
  const rows = board.entries.map((e) => {
    const tr = document.createElement('tr');
    tr.dataset.rank = e.rank;
    tr.append(cell(e.rank), cell(e.name), cell(scoreText(board.metric, e.score)),
      cell(new Date(e.submittedAt).toLocaleTimeString()), cell(e.submissions));
    tr.cells[1].className = 'name';
    tr.cells[2].className = 'score';
    return tr;
  });
  table.tBodies[0].replaceChildren(...rows);
  empty.hidden = rows.length > 0;
}

/**
 * Follows a challenge's board: onBoard(board) at once and at each change; onLive(connected) as the connection
 * comes and goes. A slow poll stays as a fallback should the socket be refused.
 */
export function followBoard(challengeId, classId, onBoard, onLive) {
  const load = () => send('GET', `/api/challenges/${challengeId}/leaderboard`).then(onBoard).catch(() => {});
  const client = stompClient();
  client.onConnect = () => {
    onLive(true);
    client.subscribe(`/topic/classes/${classId}/challenges/${challengeId}`, (m) => onBoard(JSON.parse(m.body)));
    load();
  };
  client.onWebSocketClose = () => onLive(false);
  client.activate();
  load();
  setInterval(load, 30000);
  return client;
}
