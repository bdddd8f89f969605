// The server's evaluation of a network without a job: its data, loss, accuracy and maps (POST /api/jobs/preview).

import { send } from '../shared/http.js';

/** The preview of a job spec: {points, weights, train, test, grid}. */
export const preview = (spec) => send('POST', '/api/jobs/preview', spec);
