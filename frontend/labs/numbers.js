// A number as a student types it, in either convention: "3.65" and "3,65" are both 3.65, never 365. The same
// rule as the server's nnlab.labs.NumberAnswer (docs/api.md, "Numbers in answers"):
// - spaces (also non-breaking and thin ones) and underscores group digits: "1 234" is 1234;
// - with both a comma and a dot, the last of them is the decimal mark and the other groups: "1.234,5" is 1234.5;
// - one comma or one dot alone is the decimal mark, except in a question whose answer is a whole number, where
//   one followed by exactly three digits groups thousands: "1,234" is 1234 there and 1.234 elsewhere;
// - the same mark twice or more groups: "1,234,567";
// - grouped digits come in threes after a first group of one to three ("3 65" is not a number, rather than a
//   guess); an exponent ("5e-5") only without grouping.

const SHAPE = /^([+-]?)([0-9.,_ ]+)([eE][+-]?[0-9]+)?$/;
const GROUPED = /^[1-9][0-9]{0,2}(?:([ _,.])[0-9]{3}(?:\1[0-9]{3})*)?$/;

function decimalMark(body, whole) {
  const comma = body.lastIndexOf(','), dot = body.lastIndexOf('.');
  if (comma >= 0 && dot >= 0) return Math.max(comma, dot);
  const at = Math.max(comma, dot);
  if (at < 0) return -1;
  if (body.indexOf(body[at]) !== at) return -1; // the same mark twice: grouping
  const thousands = whole && body.length - at - 1 === 3 && GROUPED.test(body);
  return thousands ? -1 : at;
}

/**
 * Reads a typed number; whole: the question's answer is a whole number. Returns {value, text} (text: "." as the
 * decimal mark, no grouping, as the instructor sees it) or null when it is not a number.
 */
export function readNumber(typed, whole = false) {
  if (typeof typed !== 'string') return null;
  const s = typed.trim().replace(/[\u00A0\u202F\u2009]/g, ' ').replace(/\u2212/g, '-');
  const m = SHAPE.exec(s);
  if (!m) return null;
  const sign = m[1] === '-' ? '-' : '';
  const body = m[2].trim();
  const exponent = (m[3] || '').toLowerCase();
  const decimal = decimalMark(body, whole);
  const integer = decimal < 0 ? body : body.slice(0, decimal);
  const fraction = decimal < 0 ? '' : body.slice(decimal + 1);
  if (!/^[0-9]*$/.test(fraction) || (!integer && !fraction)) return null;
  const grouped = !/^[0-9]*$/.test(integer);
  if (grouped && (exponent || !GROUPED.test(integer))) return null;
  const digits = integer.replace(/[^0-9]/g, '');
  const text = `${sign}${digits || '0'}${fraction ? `.${fraction}` : ''}${exponent}`;
  const value = Number(text);
  return Number.isFinite(value) ? { value, text } : null;
}
