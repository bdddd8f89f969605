// The projector view of a challenge's leaderboard: large type, updated as students submit.

import { drawBoard, followBoard } from './leaderboard.js';

const root = document.getElementById('challenge');
const table = document.getElementById('leaderboard');
const empty = document.getElementById('no-entries');
const live = document.getElementById('live');

followBoard(root.dataset.challengeId, root.dataset.classId, (board) => drawBoard(table, empty, board), (on) => {
  live.textContent = on ? 'live' : 'reconnecting…';
  live.dataset.connected = String(on);
});
