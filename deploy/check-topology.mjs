// Checks a running topology through its load balancer (deploy/run-locally.sh check DIR runs it): health of both
// instances, an instructor's session and a student's cookie valid on both, jobs submitted through the balancer
// followed over STOMP (WebSocket upgrade) and SSE on both instances while they run, and rate limits shared.
// Node 18+ and nothing else: the WebSocket and STOMP frames are written by hand. Each run makes 5 failed sign-ins
// from this address, and an address may fail 20 times in 5 minutes (nnlab.security.login-failures-per-address):
// about three runs in a row, then the instructor's sign-in is refused (429) for a while.
//
// Environment: NNLAB_URL (the balancer), NNLAB_INSTANCES ("host:port host:port", the instances as the balancer
// names them), NNLAB_INSTRUCTOR_PASSWORD, NNLAB_ACCESS_LOG (nginx's access log with "check=$http_x_nnlab_check"
// and "upstream=$upstream_addr": which instance answered each request). Exit status 1 when a check fails.
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { randomBytes } from 'node:crypto';

const base = process.env.NNLAB_URL ?? 'http://127.0.0.1:28080';
const instances = (process.env.NNLAB_INSTANCES ?? '').split(/\s+/).filter(Boolean);
const password = process.env.NNLAB_INSTRUCTOR_PASSWORD;
const accessLog = process.env.NNLAB_ACCESS_LOG;
const EPOCHS = Number(process.env.NNLAB_CHECK_EPOCHS ?? 2000);
// a follower that has not seen its job end by then reports what it got (a loaded machine trains slowly)
const FOLLOW_SECONDS = Number(process.env.NNLAB_CHECK_FOLLOW_SECONDS ?? 240);
const t0 = Date.now();
let failures = 0;

const since = () => ((Date.now() - t0) / 1000).toFixed(1).padStart(6) + ' s';
function check(ok, what) {
    console.log(`${since()}  ${ok ? 'ok  ' : 'FAIL'}  ${what}`);
    if (!ok) failures++;
    return ok;
}

// ---- which instance answered: nginx's access log, by the X-Nnlab-Check header each request carries ------------
let probes = 0;
const newProbe = () => `c${process.pid}-${++probes}`;
async function instanceOf(probe) {
    for (let i = 0; i < 50; i++) {
        const line = readFileSync(accessLog, 'utf8').split('\n').find(l => l.includes(` check=${probe} `));
        const upstream = line && /upstream=(\S+)/.exec(line)[1];
        if (upstream) {
            const index = instances.indexOf(upstream.split(',').pop().trim());
            return index < 0 ? upstream : 'AB'[index];
        }
        await new Promise(r => setTimeout(r, 100));
    }
    return '?';
}

// ---- a browser: cookies, the CSRF header, requests through the balancer -------------------------------------
class Browser {
    constructor(name) { this.name = name; this.cookies = new Map(); }
    cookieHeader() { return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '); }
    keep(response) {
        for (const c of response.headers.getSetCookie()) {
            const [pair] = c.split(';');
            const at = pair.indexOf('=');
            const value = pair.slice(at + 1);
            if (value === '' || /max-age=0/i.test(c)) this.cookies.delete(pair.slice(0, at));
            else this.cookies.set(pair.slice(0, at), value);
        }
    }
    async fetch(path, { method = 'GET', json, form, headers = {} } = {}) {
        const probe = newProbe();
        const h = { 'X-Nnlab-Check': probe, Cookie: this.cookieHeader(), ...headers };
        let body;
        if (json !== undefined) { h['Content-Type'] = 'application/json'; body = JSON.stringify(json); }
        if (form) { h['Content-Type'] = 'application/x-www-form-urlencoded'; body = new URLSearchParams(form).toString(); }
        if (method !== 'GET' && this.cookies.has('XSRF-TOKEN')) h['X-XSRF-TOKEN'] = this.cookies.get('XSRF-TOKEN');
        const response = await fetch(base + path, { method, headers: h, body, redirect: 'manual' });
        this.keep(response);
        const text = await response.text();
        let parsed = null;
        try { parsed = JSON.parse(text); } catch { /* a page or nothing */ }
        return { status: response.status, headers: response.headers, json: parsed, text, on: await instanceOf(probe) };
    }
}

// ---- SSE: /api/jobs/{id}/events until the stream ends -----------------------------------------------------------
async function followSse(browser, jobId) {
    const probe = newProbe();
    const response = await fetch(`${base}/api/jobs/${jobId}/events`, {
        headers: { 'X-Nnlab-Check': probe, Cookie: browser.cookieHeader(), Accept: 'text/event-stream' },
        signal: AbortSignal.timeout(FOLLOW_SECONDS * 1000),
    });
    const epochs = [], arrivals = [];
    let status = null, initial = null, rest = '', error;
    const decoder = new TextDecoder();
    try {
      for await (const chunk of response.body) {
        rest += decoder.decode(chunk, { stream: true });
        let end;
        while ((end = rest.indexOf('\n\n')) >= 0) {
            const event = rest.slice(0, end);
            rest = rest.slice(end + 2);
            const data = event.split('\n').filter(l => l.startsWith('data:')).map(l => l.slice(5)).join('\n');
            if (!data) continue;
            const message = JSON.parse(data);
            if (message.type === 'epoch') { epochs.push(message.epoch); arrivals.push(Date.now()); }
            if (message.type === 'status') { status = message.status; initial ??= message.status; }
        }
      }
    } catch (e) {
        error = `the stream had not ended after ${FOLLOW_SECONDS} s (${e.name})`;
    }
    return { via: 'SSE', http: response.status, on: await instanceOf(probe), epochs, arrivals, status, initial, error };
}

// ---- STOMP over a WebSocket through the balancer --------------------------------------------------------------
function wsFrame(text) {
    const payload = Buffer.from(text);
    const mask = randomBytes(4);
    const length = payload.length < 126 ? Buffer.from([0x80 | payload.length])
        : payload.length < 65536 ? Buffer.from([0x80 | 126, payload.length >> 8, payload.length & 255])
            : (() => { const b = Buffer.alloc(9); b[0] = 0x80 | 127; b.writeBigUInt64BE(BigInt(payload.length), 1); return b; })();
    const masked = Buffer.from(payload.map((byte, i) => byte ^ mask[i % 4]));
    return Buffer.concat([Buffer.from([0x81]), length, mask, masked]);
}
const stompFrame = (command, headers, body = '') =>
    wsFrame(`${[command, ...Object.entries(headers).map(([k, v]) => `${k}:${v}`)].join('\n')}\n\n${body}\0`);

function followStomp(browser, jobId) {
    return new Promise((resolve, reject) => {
        const probe = newProbe();
        const url = new URL('/ws', base);
        const req = request({
            host: url.hostname, port: url.port, path: url.pathname, headers: {
                Connection: 'Upgrade', Upgrade: 'websocket', 'Sec-WebSocket-Version': '13',
                'Sec-WebSocket-Key': randomBytes(16).toString('base64'), 'Sec-WebSocket-Protocol': 'v12.stomp',
                Origin: base, Cookie: browser.cookieHeader(), 'X-Nnlab-Check': probe,
            },
        });
        const result = { via: 'STOMP', http: null, on: null, epochs: [], arrivals: [], history: 0, live: 0, status: null };
        let finish = async () => { result.on = await instanceOf(probe); resolve(result); };
        req.on('response', r => { result.http = r.statusCode; r.resume(); reject(new Error(`/ws answered ${r.statusCode}`)); });
        req.on('error', reject);
        req.on('upgrade', (response, socket) => {
            result.http = response.statusCode;
            let buffer = Buffer.alloc(0), fragments = [], text = '';
            const seen = new Set();
            let early = [], snapshotSeen = false, ended = false;
            const epoch = (m, live) => {
                if (live && !snapshotSeen) { early.push(m); return; }
                if (seen.has(m.epoch)) return;
                seen.add(m.epoch);
                result.epochs.push(m.epoch);
                result.arrivals.push(Date.now());
                if (live) result.live++; else result.history++;
            };
            const onStomp = frame => {
                if (ended) return;
                const [head, ...bodyParts] = frame.split('\n\n');
                const [command, ...lines] = head.replace(/^\n+/, '').split('\n');
                const headers = Object.fromEntries(lines.map(l => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 1)]));
                const body = bodyParts.join('\n\n');
                if (command === 'CONNECTED') {
                    socket.write(stompFrame('SUBSCRIBE', { id: 'live', destination: `/topic/jobs/${jobId}` }));
                    socket.write(stompFrame('SUBSCRIBE', { id: 'snapshot', destination: `/app/jobs/${jobId}` }));
                } else if (command === 'MESSAGE') {
                    const m = JSON.parse(body);
                    if (headers.subscription === 'snapshot') {
                        result.initial = m.status?.status;
                        snapshotSeen = true;
                        for (const e of m.history ?? []) epoch(e, false);
                        for (const e of early) epoch(e, true); // drop those the history had (by epoch)
                        early = [];
                        if (['SUCCEEDED', 'FAILED', 'CANCELLED', 'INTERRUPTED'].includes(m.status?.status)) {
                            result.status = m.status.status;
                        }
                    } else if (m.type === 'epoch') epoch(m, true);
                    else if (m.type === 'status') result.status = m.status;
                    if (snapshotSeen && !ended && ['SUCCEEDED', 'FAILED', 'CANCELLED', 'INTERRUPTED'].includes(result.status)) {
                        ended = true;
                        socket.write(stompFrame('DISCONNECT', {}));
                        socket.end();
                    }
                } else if (command === 'ERROR') {
                    ended = true;
                    result.error = headers.message || body;
                    socket.end();
                }
            };
            socket.on('data', chunk => {
                buffer = Buffer.concat([buffer, chunk]);
                while (buffer.length >= 2) {
                    let length = buffer[1] & 127, offset = 2;
                    if (length === 126) { if (buffer.length < 4) return; length = buffer.readUInt16BE(2); offset = 4; }
                    if (length === 127) { if (buffer.length < 10) return; length = Number(buffer.readBigUInt64BE(2)); offset = 10; }
                    if (buffer.length < offset + length) return;
                    const fin = buffer[0] & 0x80, opcode = buffer[0] & 15;
                    const payload = buffer.subarray(offset, offset + length);
                    buffer = buffer.subarray(offset + length);
                    if (opcode === 8) { socket.end(); continue; }
                    if (opcode === 9) { continue; }
                    fragments.push(payload);
                    if (!fin) continue;
                    text += Buffer.concat(fragments).toString();
                    fragments = [];
                    let end;
                    while ((end = text.indexOf('\0')) >= 0) { const f = text.slice(0, end); text = text.slice(end + 1); if (f.trim()) onStomp(f); }
                }
            });
            socket.on('close', () => finish());
            socket.setTimeout(FOLLOW_SECONDS * 1000, () => {
                result.error = `no end after ${FOLLOW_SECONDS} s`;
                socket.destroy();
            });
            socket.on('error', reject);
            socket.write(stompFrame('CONNECT', { 'accept-version': '1.2', host: url.hostname, 'heart-beat': '0,0' }));
        });
        req.end();
    });
}

const summary = statuses => Object.entries(statuses.reduce((m, s) => ({ ...m, [s]: (m[s] ?? 0) + 1 }), {}))
    .map(([s, n]) => `${n}× ${s}`).join(', ') || 'nothing';

function inOrder(epochs, n) {
    return epochs.length === n && epochs.every((e, i) => e === i + 1);
}

/** What is wrong with a follower's epochs: the ranges missing, repeated ones, ones out of order. */
function faults(epochs, n) {
    const have = new Set(epochs), missing = [];
    for (let e = 1; e <= n; e++) {
        if (have.has(e)) continue;
        const last = missing.at(-1);
        if (last && last[1] === e - 1) last[1] = e; else missing.push([e, e]);
    }
    const repeated = epochs.length - have.size;
    const backwards = epochs.filter((e, i) => i > 0 && e < epochs[i - 1]).length;
    return [missing.length ? `missing ${missing.slice(0, 4).map(([a, b]) => a === b ? a : `${a}…${b}`).join(', ')}` : '',
        repeated ? `${repeated} repeated` : '', backwards ? `${backwards} out of order` : ''].filter(Boolean).join('; ');
}

// ---- the checks --------------------------------------------------------------------------------------------------
console.log(`checking ${base} (instances: A = ${instances[0]}, B = ${instances[1]})`);

// health, as the balancer's round robin reaches each instance
const health = new Browser('anonymous');
const seenHealth = new Set();
for (let i = 0; i < 4; i++) {
    const r = await health.fetch('/actuator/health');
    check(r.status === 200 && r.json?.status === 'UP', `/actuator/health on ${r.on}: ${r.status} ${r.json?.status}`);
    seenHealth.add(r.on);
}
check(seenHealth.has('A') && seenHealth.has('B'), `the balancer reached both instances (${[...seenHealth].join(', ')})`);

// an instructor signs in on one instance; the session works on both
const instructor = new Browser('instructor');
await instructor.fetch('/login');
const login = await instructor.fetch('/login', {
    method: 'POST', form: { username: 'instructor', password, _csrf: instructor.cookies.get('XSRF-TOKEN') },
});
check(login.status === 302 && /\/instructor$/.test(login.headers.get('location')),
    `instructor signed in on ${login.on}: ${login.status} → ${login.headers.get('location')}`);
const instructorOn = new Set();
for (let i = 0; i < 2; i++) {
    const r = await instructor.fetch('/api/classes');
    check(r.status === 200, `the instructor's session on ${r.on}: GET /api/classes ${r.status}`);
    instructorOn.add(r.on);
}
const klass = await instructor.fetch('/api/classes', { method: 'POST', json: { name: `Topology check ${process.pid}` } });
check(klass.status === 201, `class created on ${klass.on}: ${klass.status}, code ${klass.json?.code}`);
if (klass.json && !klass.json.open) {
    const opened = await instructor.fetch(`/api/classes/${klass.json.id}/open`, { method: 'POST' });
    check(opened.status === 200, `class opened on ${opened.on}: ${opened.status}`);
}

// students join on one instance; their cookie works on both
async function join(name) {
    const student = new Browser(name);
    await student.fetch('/join');
    const r = await student.fetch('/join', {
        method: 'POST', form: { code: klass.json.code, displayName: name, _csrf: student.cookies.get('XSRF-TOKEN') },
    });
    check(r.status === 302 && student.cookies.has('nnlab_student'), `${name} joined on ${r.on}: ${r.status}, cookie ${student.cookies.has('nnlab_student') ? 'set' : 'missing'}`);
    return student;
}
const student = await join('Ada');
for (let i = 0; i < 2; i++) {
    const r = await student.fetch('/api/jobs');
    check(r.status === 200 && Array.isArray(r.json), `Ada's cookie on ${r.on}: GET /api/jobs ${r.status}`);
}

// jobs submitted through the balancer (one lands on each instance), each followed over SSE and STOMP on both
const spec = {
    dataset: { name: 'playground', kind: 'spiral', noise: 0.15, trainRatio: 0.5, features: ['x1', 'x2'] },
    model: { layers: [{ units: 8, activation: 'tanh' }, { units: 8, activation: 'tanh' }, { units: 2, activation: 'softmax' }] },
    training: { optimizer: 'sgd', learningRate: 0.03, batchSize: 10, epochs: EPOCHS },
    // paused until every follower is there, so that all of them see it run however fast this machine trains it
    startPaused: true,
};
const jobs = [];
for (let i = 0; i < 2; i++) {
    const r = await student.fetch('/api/jobs', { method: 'POST', json: spec });
    check(r.status === 201, `job ${r.json?.id} (${EPOCHS} epochs) submitted on ${r.on}: ${r.status} ${r.json?.status ?? r.text.slice(0, 200)}`);
    if (r.status === 201) jobs.push({ id: r.json.id, on: r.on, submitted: Date.now() });
}
// one follower after another, so that the round robin puts one of each kind on each instance
const follows = [];
for (const job of jobs) {
    for (const follow of [followSse, followSse, followStomp, followStomp]) {
        follows.push(follow(student, job.id).then(f => ({ ...f, job })));
        await new Promise(r => setTimeout(r, 150));
    }
}
// give the last handshakes and subscriptions a moment, then let the jobs run. A job's controls work on the instance
// running it only (the other one answers 409, "it is PAUSED"): the round robin's next request goes there
await new Promise(r => setTimeout(r, 2000));
for (const job of jobs) {
    const tries = [];
    for (let i = 0; i < 2; i++) {
        const r = await student.fetch(`/api/jobs/${job.id}/resume`, { method: 'POST' });
        tries.push(`${r.status} on ${r.on}`);
        if (r.status === 200) break;
    }
    check(tries.at(-1).startsWith('200'), `job ${job.id.slice(0, 8)} (on ${job.on}) resumed: ${tries.join(', then ')}`);
    job.submitted = Date.now();
}
// late followers, on both instances, once a job has run a while: the history, then live, with no gap
for (const job of jobs) {
    let done = 0;
    for (let i = 0; i < 600 && done < EPOCHS / 10; i++) {
        const r = await student.fetch(`/api/jobs/${job.id}`);
        done = r.json?.epochsDone ?? 0;
        if (r.json?.status === 'SUCCEEDED') break;
        await new Promise(r => setTimeout(r, 100));
    }
    for (const follow of [followSse, followSse, followStomp, followStomp]) {
        follows.push(follow(student, job.id).then(f => ({ ...f, job, late: done })));
        await new Promise(r => setTimeout(r, 150));
    }
}
for (const f of await Promise.all(follows)) {
    const spread = f.arrivals.length ? ((f.arrivals.at(-1) - f.arrivals[0]) / 1000).toFixed(1) : '-';
    const first = f.arrivals.length ? ((f.arrivals[0] - f.job.submitted) / 1000).toFixed(1) : '-';
    const parts = f.via === 'STOMP' ? `, ${f.history} from the snapshot + ${f.live} live` : '';
    const whileRunning = ['QUEUED', 'RUNNING', 'PAUSED'].includes(f.initial);
    // the early ones must have seen it run; a late one may get its snapshot after the end (then all of it is history)
    const early = f.late === undefined;
    check(inOrder(f.epochs, EPOCHS) && f.status === 'SUCCEEDED' && (!early || (whileRunning && (f.via === 'SSE' || f.live > 0))),
        `job ${f.job.id.slice(0, 8)} (ran on ${f.job.on}) followed over ${f.via} on ${f.on} from ${f.initial}`
        + `${f.late !== undefined ? ` (late: after epoch ${f.late})` : ''}: ${f.epochs.length} epochs`
        + `${inOrder(f.epochs, EPOCHS) ? ` 1…${EPOCHS} in order` : ` NOT 1…${EPOCHS} in order (${faults(f.epochs, EPOCHS)})`}${parts}, final ${f.status}`
        + ` (HTTP ${f.http}; first epoch ${first} s after the resume, epochs over ${spread} s)${f.error ? ' ERROR ' + f.error : ''}`);
}
const followedOn = jobs.map(j => j.on).join(' and ');
check(new Set(jobs.map(j => j.on)).size === 2, `jobs ran on ${followedOn}`);

// rate limits are shared: a student's page heartbeats (POST /api/progress), 60 a minute per caller wherever they
// land (a bucket of its own on each instance would let about 120 through)
const limited = await join('Grace');
const answers = { A: [], B: [] };
let firstRefusal = null;
const burst = Date.now();
for (let i = 1; i <= 130 && !firstRefusal; i++) {
    const r = await limited.fetch('/api/progress', { method: 'POST', json: { page: 'playground' } });
    (answers[r.on] ??= []).push(r.status);
    if (r.status === 429) firstRefusal = { i, on: r.on, retryAfter: r.headers.get('retry-after') };
}
// the bucket refills one a second: 60 plus one per second the burst took may pass, wherever they land
const burstSeconds = (Date.now() - burst) / 1000;
check(firstRefusal !== null && firstRefusal.i > 60 && firstRefusal.i <= 61 + Math.ceil(burstSeconds),
    `heartbeats of one student: number ${firstRefusal?.i} (of a burst of ${burstSeconds.toFixed(1)} s) answered 429 on `
    + `${firstRefusal?.on} (Retry-After ${firstRefusal?.retryAfter}); A answered ${summary(answers.A)}, B ${summary(answers.B)}`);

// sign-in throttle shared: failed sign-ins for one username, alternating between instances
const intruder = new Browser('intruder');
await intruder.fetch('/login');
const username = `nobody-${process.pid}`;
const attempts = [];
for (let i = 1; i <= 7; i++) {
    const r = await intruder.fetch('/login', { method: 'POST', form: { username, password: 'wrong password', _csrf: intruder.cookies.get('XSRF-TOKEN') } });
    attempts.push(`${r.status}@${r.on}`);
}
const firstLocked = attempts.findIndex(a => a.startsWith('429')) + 1;
check(firstLocked === 6, `failed sign-ins for one username: ${attempts.join(' ')} (429 from attempt ${firstLocked})`);

console.log(`${since()}  ${failures === 0 ? 'all checks passed' : failures + ' check(s) failed'}`);
process.exit(failures === 0 ? 0 : 1);
