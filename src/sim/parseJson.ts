// Turns the text of an outside file into JSON data without ever throwing: a text that is not JSON
// becomes one validation error (path "", code "not-json") that names where the parser stopped, and a
// text that nests arrays and objects more than MAX_JSON_DEPTH deep becomes one error at the path of the
// first container too deep (code "constraint", rule "max-depth"), found before parsing by one linear
// scan, so nothing later (a copy, a cache key) ever walks a deeply nested value.
import { MAX_JSON_DEPTH } from './bounds';
import type { Validated } from './types';
import { childPath, indexPath } from './validation';

/** Parses `text` as JSON; a leading byte-order mark (as some Windows editors save) is ignored. */
export function parseJsonText(text: string, maxDepth = MAX_JSON_DEPTH): Validated<unknown> {
  if (typeof text !== 'string') {
    return notJson('The input is not text.', 'not text');
  }
  const withoutByteOrderMark = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const tooDeep = firstTooDeep(withoutByteOrderMark, maxDepth);
  if (tooDeep !== null) {
    const where = tooDeep === '' ? 'The file' : tooDeep;
    return {
      ok: false,
      errors: [{
        path: tooDeep,
        code: 'constraint',
        message: `${where} nests arrays and objects more than ${maxDepth} deep; level and build files need far fewer levels.`,
        params: { rule: 'max-depth', max: maxDepth },
      }],
    };
  }
  try {
    return { ok: true, value: JSON.parse(withoutByteOrderMark) as unknown };
  } catch (error) {
    const detail = error instanceof SyntaxError ? error.message : 'unreadable text';
    return notJson(`The file is not valid JSON: ${detail}.`, detail);
  }
}

interface Frame {
  array: boolean;
  /** The current member's key (objects) or element index (arrays). */
  key: string;
  index: number;
  expectKey: boolean;
}

/**
 * The path of the first array or object nested deeper than `maxDepth`, or null. Reads the text once,
 * without building anything; on text that is not JSON it may stop early (JSON.parse then reports it).
 */
function firstTooDeep(text: string, maxDepth: number): string | null {
  const stack: Frame[] = [];
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      const start = i;
      for (i += 1; i < text.length; i += 1) {
        const d = text.charCodeAt(i);
        if (d === 0x5c /* \ */) i += 1;
        else if (d === 0x22) break;
      }
      const top = stack[stack.length - 1];
      if (top && !top.array && top.expectKey) {
        top.key = decodeKey(text.slice(start, i + 1));
        top.expectKey = false;
      }
    } else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      if (stack.length >= maxDepth) return pathOf(stack);
      stack.push({ array: c === 0x5b, key: '', index: 0, expectKey: c === 0x7b });
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      stack.pop();
    } else if (c === 0x2c /* , */) {
      const top = stack[stack.length - 1];
      if (top?.array) top.index += 1;
      else if (top) top.expectKey = true;
    }
  }
  return null;
}

function pathOf(stack: readonly Frame[]): string {
  let path = '';
  for (const frame of stack) path = frame.array ? indexPath(path, frame.index) : childPath(path, frame.key);
  return path;
}

function decodeKey(quoted: string): string {
  try {
    const key = JSON.parse(quoted) as unknown;
    return typeof key === 'string' ? key : '';
  } catch {
    return '';
  }
}

function notJson(message: string, detail: string): Validated<unknown> {
  return { ok: false, errors: [{ path: '', code: 'not-json', message, params: { detail } }] };
}
