// The class table as CSV (RFC 4180: comma-separated, CRLF line ends, fields quoted when they hold a comma,
// quote or line break, quotes doubled) via papaparse, UTF-8 with a byte-order mark so that spreadsheet
// programs read Korean nicknames. One line per code, so that nothing the teacher collected is lost; the
// column names are in the page's language, the values are the codes' own (ids, numbers, statuses).
import Papa from 'papaparse';
import type { CodeEntry } from './classModel';

export const BOM = '\uFEFF';

/** The columns, in order (their headings come from the page's strings, `csv.<column>`). */
export const CSV_COLUMNS = ['nick', 'level', 'attempt', 'status', 'flags', 'arch', 'prediction', 'predictionHeld', 'claimed', 'replayed', 'stars', 'session', 'code'] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];

function cell(entry: CodeEntry, column: CsvColumn): string {
  const v = entry.verification;
  switch (column) {
    case 'status':
      return v.status;
    case 'flags':
      return entry.flags.join(' ');
    case 'predictionHeld':
      return entry.predictionHeld === null ? '' : entry.predictionHeld ? 'yes' : 'no';
    case 'code':
      return v.code;
    default: {
      const value = v[column];
      return value === null || value === undefined ? '' : String(value);
    }
  }
}

/** A leading =, +, - or @ makes a spreadsheet read a cell as a formula: a nickname is shown as text. */
function defuse(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

export function classCsv(entries: readonly CodeEntry[], heading: (column: CsvColumn) => string): string {
  const rows = entries.map((entry) => CSV_COLUMNS.map((column) => (column === 'nick' ? defuse(cell(entry, column)) : cell(entry, column))));
  return BOM + Papa.unparse({ fields: CSV_COLUMNS.map(heading), data: rows }, { newline: '\r\n', quotes: false });
}

/** The file name of a session's CSV. */
export function csvFileName(sessionId: string): string {
  return `kernel-courier-${sessionId}.csv`;
}
