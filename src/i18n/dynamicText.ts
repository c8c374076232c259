// Looks up keys built at run time from data (chapter ids, reason codes from the engine) that a
// compile-time check cannot see, with a readable fallback instead of a raw key on screen.
import type { GameI18n } from './createI18n';

export function translateOr(
  i18n: GameI18n,
  key: string,
  fallback: string,
  params?: Record<string, string | number>,
): string {
  return i18n.exists(key) ? (i18n.t as (k: string, p?: object) => string)(key, params) : fallback;
}

export function chapterName(i18n: GameI18n, chapterId: string | undefined): string {
  const id = chapterId ?? 'other';
  return translateOr(i18n, `board:chapter.${id}`, id);
}

/** A broken rule of the board in the player's language, e.g. `reason.kernel-mismatch`. */
export function reasonText(i18n: GameI18n, code: string, params: Record<string, string | number> = {}): string {
  return translateOr(i18n, `board:reason.${code}`, (i18n.t as (k: string, p?: object) => string)('board:reason.unknown', { code }), params);
}
