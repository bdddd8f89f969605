import { test } from 'node:test';
import assert from 'node:assert/strict';
import { attachmentName, fetchScript } from '../../../frontend/shared/export.js';

test('the download keeps the name the server gives it', () => {
  assert.equal(attachmentName('attachment; filename="nnlab-job-7-keras.py"'), 'nnlab-job-7-keras.py');
  assert.equal(attachmentName('inline'), null);
  assert.equal(attachmentName(null), null);
});

test('a script is fetched for the framework; a refusal comes back in the server\'s words', async () => {
  const asked = [];
  globalThis.fetch = async (path) => {
    asked.push(path);
    if (path.includes('framework=keras')) {
      return new Response('import tensorflow as tf\n', { status: 200,
        headers: { 'Content-Disposition': 'attachment; filename="nnlab-job-a-keras.py"' } });
    }
    return new Response(JSON.stringify({ status: 409, detail: 'job a is not a neural network' }), { status: 409 });
  };
  assert.deepEqual(await fetchScript('a', 'keras'), { text: 'import tensorflow as tf\n', name: 'nnlab-job-a-keras.py' });
  await assert.rejects(fetchScript('a', 'pytorch'), (e) => e.status === 409 && e.message === 'job a is not a neural network');
  assert.deepEqual(asked, ['/api/jobs/a/code?framework=keras', '/api/jobs/a/code?framework=pytorch']);
});
