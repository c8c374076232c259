// Notices: short, localized messages the player must see (a bad link, blocked storage, a failed import).
// A notice is data (a translation key and parameters); the banner turns it into text at display time.
import type ui from '../../locales/en/ui.json';

export type NoticeKey = `notice.${keyof typeof ui.notice}`;

/** A level file refused by validation (src/app/budgetNotice.ts): its path, figure and limit. */
export type FaultNoticeKey = `faults:budget.${string}`;

export interface Notice {
  key: NoticeKey | FaultNoticeKey;
  params?: Record<string, string | number>;
}

const MAX_DISPLAY_CHARS = 40;

/**
 * Makes an outside value (from a URL, a file) safe and short for display: characters that could be
 * read as markup or are invisible are shown percent-encoded, as they would appear in a link, and the
 * result is cut to 40 characters. Never throws.
 */
export function sanitizeForDisplay(value: string, maxChars = MAX_DISPLAY_CHARS): string {
  const chars = Array.from(String(value));
  const shown = chars.slice(0, maxChars).map(escapeChar).join('');
  return chars.length > maxChars ? `${shown}…` : shown;
}

function escapeChar(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  // Control characters, zero-width characters and bidirectional overrides (which can disguise text).
  const isControl =
    code < 0x20 ||
    (code >= 0x7f && code < 0xa0) ||
    (code >= 0x200b && code <= 0x200f) ||
    (code >= 0x2028 && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069) ||
    code === 0xfeff;
  if (isControl || `<>&"'\`\\`.includes(char)) {
    return Array.from(new TextEncoder().encode(char), (byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`).join('');
  }
  return char;
}

/** Two notices are the same message when key and parameters match; used to avoid showing duplicates. */
export function noticeId(notice: Notice): string {
  const params = Object.entries(notice.params ?? {})
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, value]) => `${name}=${String(value)}`)
    .join('&');
  return `${notice.key}?${params}`;
}
