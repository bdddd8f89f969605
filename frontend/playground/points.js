// Points of one's own: a small CSV file of x1,x2,label rows, read defensively. The server checks them again.

export const MAX_POINTS = 1000;
export const MAX_CSV_BYTES = 100_000;
export const EXTENT = 6;

const shown = (s) => (s.length > 20 ? `${s.slice(0, 20)}…` : s);

/**
 * Reads "x1,x2,label" lines (a header line, blank lines and # comments are skipped; ; or tab also separate).
 * x1 and x2 must lie in [−6, 6]; the label is a class index below `classes` (with two classes, −1 means 0,
 * as in TensorFlow Playground). Returns [[x1, x2, label], …] or throws an Error naming the line.
 */
export function parseCsv(text, classes) {
  const rows = [];
  let seenData = false;
  const lines = text.split(/\r\n|\r|\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (!line || line.startsWith('#')) continue;
    const cells = line.split(/\s*[,;\t]\s*/);
    const numbers = cells.map((c) => (c === '' ? NaN : Number(c)));
    if (!seenData && numbers.some((v) => Number.isNaN(v)) && cells.length === 3) { seenData = true; continue; } // a header
    seenData = true;
    const where = `line ${i + 1}`;
    if (cells.length !== 3) throw new Error(`${where}: expected x1,x2,label, found ${cells.length} value(s)`);
    for (let c = 0; c < 3; c++) {
      if (!Number.isFinite(numbers[c])) throw new Error(`${where}: '${shown(cells[c])}' is not a number`);
    }
    const [x1, x2, raw] = numbers;
    if (Math.abs(x1) > EXTENT || Math.abs(x2) > EXTENT) throw new Error(`${where}: x1 and x2 must lie between -6 and 6`);
    const label = classes === 2 && raw === -1 ? 0 : raw;
    if (!Number.isInteger(label) || label < 0 || label >= classes) {
      throw new Error(`${where}: the label must be ${classes === 2 ? '0 or 1 (or -1)' : '0, 1 or 2'}, was ${shown(cells[2])}`);
    }
    if (rows.length >= MAX_POINTS) throw new Error(`the file has more than ${MAX_POINTS} points`);
    rows.push([x1, x2, label]);
  }
  if (rows.length < 2) throw new Error('the file needs at least 2 points (x1,x2,label per line)');
  return rows;
}
