// The saved progress as SCORM suspend data: compact JSON, deflate-raw compressed (fflate), base64url.
// SCORM 1.2 allows 4,096 characters (CMIString4096); the whole campaign fits in well under 1,000.
// Decoding validates through the progress store's own validator (via `importText`), so a damaged or
// foreign suspend_data never replaces good progress.
import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';
import { PROGRESS_FORMAT, type LevelRecord, type Progress } from '../app/progressStore';

export const SUSPEND_DATA_LIMIT = 4096;
const PREFIX = 'kc1:';

interface Compact {
  /** level id → [stars, best score, attempts]. */
  l: Record<string, [number, number, number]>;
  u: string[];
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

function pack(compact: Compact): string {
  return PREFIX + toBase64Url(deflateSync(strToU8(JSON.stringify(compact)), { level: 9 }));
}

/**
 * Progress as suspend data of at most `limit` characters. Levels outside `levelIds` are left out (they
 * are not this package's), then, if still too long, the explicitly unlocked list.
 */
export function encodeSuspendData(progress: Progress, levelIds: readonly string[], limit = SUSPEND_DATA_LIMIT): string {
  const levels: Compact['l'] = {};
  for (const id of levelIds) {
    if (!Object.prototype.hasOwnProperty.call(progress.levels, id)) continue;
    const record = progress.levels[id];
    levels[id] = [record.stars, Math.round(record.bestScore * 100) / 100, record.attempts ?? 0];
  }
  const unlocked = progress.unlocked.filter((id) => levelIds.includes(id));
  const full = pack({ l: levels, u: unlocked });
  if (full.length <= limit) return full;
  const withoutUnlocked = pack({ l: levels, u: [] });
  if (withoutUnlocked.length <= limit) return withoutUnlocked;
  throw new Error(`Progress does not fit in ${limit} characters of suspend data.`);
}

/** The progress file text (kernel-courier/progress@2) held in suspend data, or null if it holds none. */
export function decodeSuspendData(text: string): string | null {
  if (!text.startsWith(PREFIX)) return null;
  try {
    const value = JSON.parse(strFromU8(inflateSync(fromBase64Url(text.slice(PREFIX.length))))) as Partial<Compact>;
    if (typeof value !== 'object' || value === null || typeof value.l !== 'object' || value.l === null) return null;
    const levels: Record<string, LevelRecord> = {};
    for (const [id, entry] of Object.entries(value.l)) {
      if (!Array.isArray(entry) || entry.length !== 3) return null;
      const [stars, bestScore, attempts] = entry;
      Object.defineProperty(levels, id, { value: { stars, bestScore, attempts }, enumerable: true, writable: true, configurable: true });
    }
    const progress: Progress = { format: PROGRESS_FORMAT, levels, unlocked: Array.isArray(value.u) ? value.u : [] };
    return JSON.stringify(progress);
  } catch {
    return null;
  }
}
