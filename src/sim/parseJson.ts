// Turns the text of an outside file into JSON data without ever throwing: a text that is not JSON
// becomes one validation error (path "", code "not-json") that names where the parser stopped.
import type { Validated } from './types';

/** Parses `text` as JSON; a leading byte-order mark (as some Windows editors save) is ignored. */
export function parseJsonText(text: string): Validated<unknown> {
  if (typeof text !== 'string') {
    return notJson('The input is not text.', 'not text');
  }
  const withoutByteOrderMark = text.startsWith('\uFEFF') ? text.slice(1) : text;
  try {
    return { ok: true, value: JSON.parse(withoutByteOrderMark) as unknown };
  } catch (error) {
    const detail = error instanceof SyntaxError ? error.message : 'unreadable text';
    return notJson(`The file is not valid JSON: ${detail}.`, detail);
  }
}

function notJson(message: string, detail: string): Validated<unknown> {
  return { ok: false, errors: [{ path: '', code: 'not-json', message, params: { detail } }] };
}
