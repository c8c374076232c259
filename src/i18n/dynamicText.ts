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

// Engine parameters that name a kernel, a piece or an architecture by id; shown by their localized names.
const KERNEL_PARAMS = ['appKernel', 'nodeKernel', 'kernel'];
const PIECE_PARAMS = ['piece', 'on'];
const ARCH_PARAMS = ['arch'];
const DRIVER_PARAMS = ['driver'];

/**
 * A broken rule of the board (the engine's RuleViolation: code, app, node, params) in the player's
 * language, e.g. `reason.kernel-mismatch`. Kernel, piece and architecture ids among the parameters are
 * replaced by their localized names; app and node ids are shown as they are.
 */
export function reasonText(
  i18n: GameI18n,
  code: string,
  params: Record<string, string | number | undefined> = {},
): string {
  const shown: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(params)) {
    if (value === undefined) continue;
    const id = String(value);
    if (KERNEL_PARAMS.includes(name)) shown[name] = translateOr(i18n, `board:kernel.${id}`, id);
    else if (PIECE_PARAMS.includes(name)) shown[name] = translateOr(i18n, `board:piece.${id}.name`, translateOr(i18n, `board:${id}.name`, id));
    else if (ARCH_PARAMS.includes(name)) shown[name] = translateOr(i18n, `board:arch.${id}.name`, id);
    else if (DRIVER_PARAMS.includes(name)) shown[name] = translateOr(i18n, `board:driver.${id}.name`, id);
    else shown[name] = value;
  }
  return translateOr(i18n, `board:reason.${code}`, (i18n.t as (k: string, p?: object) => string)('board:reason.unknown', { code }), shown);
}
