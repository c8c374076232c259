// Text from outside (a file's keys, a path, an argument) reaches a terminal only escaped: control
// characters (C0, DEL, C1 — which include ESC and CSI, the starts of terminal commands), line and
// paragraph separators, zero-width characters and bidirectional overrides (which can disguise text)
// become `\uXXXX`. Escaped text is still valid inside a JSON string, and means the same there.

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;
// The same set without the C0 controls, which JSON.stringify already escapes (and which its output uses
// as plain newlines and indentation).
const UNSAFE_IN_JSON = /[\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;

function escapeChar(char: string): string {
  return `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** One line for stderr: every unsafe character (newlines too) escaped. */
export function terminalLine(text: string): string {
  return text.replace(UNSAFE, escapeChar);
}

/** A value quoted for a message: JSON string syntax, with every unsafe character escaped. */
export function quoted(text: string): string {
  return terminalLine(JSON.stringify(text));
}

/** JSON for stdout: the same data as JSON.stringify, with no unsafe character left raw in the text. */
export function terminalJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(UNSAFE_IN_JSON, escapeChar);
}
