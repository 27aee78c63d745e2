// CSV cells for the dashboard's downloads: RFC 4180 quoting, and the same spreadsheet
// neutralisation as ftfwatch's own CSV writer (CsvField in src/core/csv.h, docs/formats.md):
// a cell a spreadsheet would run as a formula (leading =, +, -, @, tab or carriage return,
// possibly after apostrophes) gets one leading apostrophe; numbers are left alone.
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const TRIGGER = /^'*[=+\-@\t\r]/;

export function neutraliseCell(s) {
  return TRIGGER.test(s) && !NUMBER.test(s) ? `'${s}` : s;
}

export function csvField(v) {
  const raw = v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);
  const s = neutraliseCell(raw);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
