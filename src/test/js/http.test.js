import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RefusedError, csrfToken, refusal, requestHeaders, send } from '../../../frontend/shared/http.js';

test('the CSRF token is read from its cookie and sent only on requests that change something', () => {
  assert.equal(csrfToken('a=1; XSRF-TOKEN=ab%2Fc; b=2'), 'ab/c');
  assert.equal(csrfToken('a=1'), null);
  assert.deepEqual(requestHeaders('POST', true, 't'), { 'Content-Type': 'application/json', 'X-XSRF-TOKEN': 't' });
  assert.deepEqual(requestHeaders('DELETE', false, 't'), { 'X-XSRF-TOKEN': 't' });
  assert.deepEqual(requestHeaders('GET', false, 't'), {});
  assert.deepEqual(requestHeaders('POST', true, null), { 'Content-Type': 'application/json' });
});

test('a refusal carries the problem detail, the status and the Retry-After seconds', () => {
  const e = refusal(429, 'Too Many Requests', '5', JSON.stringify({ title: 'Too many jobs', detail: 'at most 4 unfinished jobs' }));
  assert.ok(e instanceof RefusedError);
  assert.equal(e.message, 'at most 4 unfinished jobs');
  assert.equal(e.status, 429);
  assert.equal(e.retryAfter, 5);
  assert.equal(e.problem.title, 'Too many jobs');
  const page = refusal(502, 'Bad Gateway', null, '<html>proxy</html>');
  assert.equal(page.message, 'Bad Gateway');
  assert.equal(page.retryAfter, null);
  assert.equal(refusal(500, '', 'soon', '').message, 'HTTP 500');
});

test('send posts JSON through the page fetch and turns a refusal into a RefusedError', async () => {
  const seen = [];
  globalThis.fetch = async (path, init) => {
    seen.push([path, init.method, init.headers, init.body]);
    if (path === '/api/jobs/x') {
      return new Response(JSON.stringify({ detail: 'no job x' }), { status: 404, headers: { 'Content-Type': 'application/problem+json' } });
    }
    return new Response(JSON.stringify({ id: 'j1' }), { status: 201 });
  };
  try {
    assert.deepEqual(await send('POST', '/api/jobs', { seed: 1 }), { id: 'j1' });
    assert.deepEqual(seen[0], ['/api/jobs', 'POST', { 'Content-Type': 'application/json' }, '{"seed":1}']);
    await assert.rejects(send('GET', '/api/jobs/x'), { name: 'Error', message: 'no job x', status: 404 });
  } finally {
    delete globalThis.fetch;
  }
});
