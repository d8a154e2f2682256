/** Small helpers the benchmarks share for medians and plain-text tables. */

export function median(values) {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const middle = Math.floor(sorted.length / 2);

  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** A number with a fixed count of decimals, or "–" when there is none. */
export function fixed(value, decimals = 1) {
  return Number.isFinite(value) ? value.toFixed(decimals) : '–';
}

/** Like `fixed`, with an explicit sign, for differences. */
export function signed(value, decimals = 1) {
  if (!Number.isFinite(value)) return '–';
  const text = value.toFixed(decimals);

  return value > 0 && !/^0\.?0*$/.test(text) ? `+${text}` : text.replace(/^-(0\.?0*)$/, '$1');
}

/**
 * Prints rows of strings as a Markdown table, padded so that it also reads well in a terminal
 * and can be pasted into the docs as it is. The first column is left-aligned, the others right.
 */
export function printTable(header, rows) {
  const all = [header, ...rows];
  const widths = header.map((_, column) => Math.max(...all.map((row) => row[column].length)));
  const pad = (cell, column) =>
    column === 0 ? cell.padEnd(widths[0]) : cell.padStart(widths[column]);
  const line = (row) => `| ${row.map(pad).join(' | ')} |`;
  const rule = widths.map((width, column) =>
    column === 0 ? '-'.repeat(width) : `${'-'.repeat(width - 1)}:`,
  );

  console.log(line(header));
  console.log(`| ${rule.join(' | ')} |`);
  for (const row of rows) console.log(line(row));
}
