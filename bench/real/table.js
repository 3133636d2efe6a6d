'use strict';
// Plain-text tables for the terminal: a header, a rule, rows; numbers right-aligned.

function formatTable(header, rows) {
  const widths = header.map((cell, i) => Math.max(String(cell).length, ...rows.map((row) => String(row[i]).length)));
  const numeric = header.map((_, i) => rows.every((row) => /^[-+\d.,/→() s%]*$/.test(String(row[i]))));
  const line = (row) =>
    row
      .map((cell, i) => (numeric[i] && i > 0 ? String(cell).padStart(widths[i]) : String(cell).padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(line)].join('\n');
}

/** `after`, with the change against the baseline's figure in brackets when there is one and it differs. */
function withDelta(after, baseline) {
  if (baseline === undefined || baseline === after) return String(after);
  const delta = after - baseline;
  return `${after} (${delta > 0 ? '+' : ''}${Number.isInteger(delta) ? delta : delta.toFixed(1)})`;
}

module.exports = { formatTable, withDelta };
