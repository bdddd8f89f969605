import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { readNumber } from '../../../frontend/labs/numbers.js';

const table = readFileSync(new URL('../resources/nnlab/labs/typed-numbers.tsv', import.meta.url), 'utf8')
  .split('\n').filter((l) => l && !l.startsWith('#')).map((l) => l.split('\t'));

test('the table the server reads too: decimal commas, grouping, refusals', () => {
  assert.ok(table.length > 30);
  for (const [typed, whole, expected] of table) {
    const read = readNumber(typed, whole === 'true');
    if (expected === '-') assert.equal(read, null, typed);
    else assert.deepEqual(read, { value: Number(expected), text: expected }, `${typed} (whole: ${whole})`);
  }
});

// a seeded generator, so that a failure names an input that fails again
function random(seed) {
  let s = seed >>> 0;
  return () => { s = (s * 1664525 + 1013904223) >>> 0; return s / 2 ** 32; };
}

function group(digits, sep) {
  const out = [];
  for (let end = digits.length; end > 0; end -= 3) out.unshift(digits.slice(Math.max(0, end - 3), end));
  return out.join(sep);
}

test('generated numbers read back the same in every convention', () => {
  const next = random(20261205);
  let checked = 0;
  for (let i = 0; i < 2000; i++) {
    const digits = String(Math.floor(next() * 10 ** (1 + Math.floor(next() * 8))));
    const places = Math.floor(next() * 5);
    const fraction = Array.from({ length: places }, () => String(Math.floor(next() * 10))).join('');
    const sign = next() < 0.3 ? '-' : '';
    const expected = `${sign}${digits}${fraction ? `.${fraction}` : ''}`;
    const forms = [`${sign}${digits}${fraction ? `.${fraction}` : ''}`, `${sign}${group(digits, ' ')}${fraction ? `,${fraction}` : ''}`,
      `${sign}${group(digits, '\u00a0')}${fraction ? `.${fraction}` : ''}`];
    if (fraction) {
      forms.push(`${sign}${digits},${fraction}`); // the decimal comma: never read as a thousands separator
      if (digits.length > 3) forms.push(`${sign}${group(digits, ',')}.${fraction}`, `${sign}${group(digits, '.')},${fraction}`);
    } else if (digits.length > 3) {
      forms.push(`${sign}${group(digits, ',')}`, `${sign}${group(digits, '.')}`, `${sign}${group(digits, '_')}`);
    }
    for (const typed of forms) {
      // grouped with a lone comma or dot reads as thousands only where the answer is whole
      const lone = !fraction && digits.length > 3 && digits.length <= 6 && /[,.]/.test(typed);
      const whole = !fraction && (lone || next() < 0.5);
      assert.deepEqual(readNumber(typed, whole), { value: Number(expected), text: expected }, `${typed} (whole: ${whole})`);
      checked++;
    }
    if (digits.length > 3) {
      // a space in the wrong place is no number, never a guess (so "3 65" is not 365)
      const cut = 1 + Math.floor(next() * (digits.length - 1));
      const typed = `${digits.slice(0, cut)} ${digits.slice(cut)}`;
      if ((digits.length - cut) % 3 !== 0 || digits[0] === '0') assert.equal(readNumber(typed, true), null, typed);
      else if ((digits.length - cut) === 3 && cut <= 3) assert.equal(readNumber(typed, true).text, digits, typed);
    }
  }
  assert.ok(checked > 6000, `${checked} forms checked`);
});
