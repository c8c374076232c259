// The player's campaign progress (stars, best score and finished attempts per level, unlocked levels),
// saved under `kernel-courier/progress@1`, exported to and imported from a JSON file. One validator checks
// both what storage holds and what a file brings; a bad file or a damaged save never replaces good data.
import { PersistedSlot, type Validation } from './PersistedSlot';
import type { NoticeKey } from './notices';
import type { KeyValueStorage, StorageStatus } from './storage';

export const PROGRESS_KEY = 'kernel-courier/progress@1';
export const PROGRESS_FORMAT = 'kernel-courier/progress@1';
export const MAX_PROGRESS_FILE_BYTES = 512 * 1024;
const MAX_ENTRIES = 2000;
const LEVEL_ID = /^[a-z0-9-]{1,64}$/;

export interface LevelRecord {
  /** 0–3. */
  stars: number;
  /** 0–100, the best `total` score of any run. */
  bestScore: number;
  /**
   * Optional: how many runs of the level the player has finished (the Debrief counts one each time it
   * opens for a new run), so "a second attempt" survives a reload. Saves without it load as before.
   */
  attempts?: number;
}

/** The most attempts one level may record (a sanity bound for the validator). */
export const MAX_ATTEMPTS = 1_000_000;

export interface Progress {
  format: typeof PROGRESS_FORMAT;
  levels: Record<string, LevelRecord>;
  /** Levels unlocked explicitly (kept even if the campaign order changes later). */
  unlocked: string[];
}

export function emptyProgress(): Progress {
  return { format: PROGRESS_FORMAT, levels: {}, unlocked: [] };
}

const OPTIONAL_FILE_FIELDS = new Set(['exportedAt', 'gameVersion']);

/**
 * The one validator of progress, from storage or from a file. Unknown keys are rejected (except
 * `x-…` extensions and the export metadata) so that a different kind of JSON file is not mistaken
 * for progress.
 */
export function validateProgress(value: unknown): Validation<Progress> {
  if (!isRecord(value)) return { ok: false, error: 'not an object' };
  if (value.format !== PROGRESS_FORMAT) return { ok: false, error: 'wrong format' };
  for (const key of Object.keys(value)) {
    if (!['format', 'levels', 'unlocked'].includes(key) && !OPTIONAL_FILE_FIELDS.has(key) && !key.startsWith('x-')) {
      return { ok: false, error: `unknown key ${key}` };
    }
  }
  if (!isRecord(value.levels)) return { ok: false, error: 'levels is not an object' };
  const entries = Object.entries(value.levels);
  if (entries.length > MAX_ENTRIES) return { ok: false, error: 'too many levels' };
  const levels: Record<string, LevelRecord> = {};
  for (const [id, record] of entries) {
    if (!LEVEL_ID.test(id)) return { ok: false, error: `bad level id ${id}` };
    if (!isRecord(record)) return { ok: false, error: `levels.${id} is not an object` };
    const { stars, bestScore, attempts } = record;
    if (Object.keys(record).some((key) => key !== 'stars' && key !== 'bestScore' && key !== 'attempts')) return { ok: false, error: `levels.${id} has unknown keys` };
    if (typeof stars !== 'number' || !Number.isInteger(stars) || stars < 0 || stars > 3) return { ok: false, error: `levels.${id}.stars` };
    if (typeof bestScore !== 'number' || !Number.isFinite(bestScore) || bestScore < 0 || bestScore > 100) {
      return { ok: false, error: `levels.${id}.bestScore` };
    }
    if (attempts !== undefined && (typeof attempts !== 'number' || !Number.isInteger(attempts) || attempts < 0 || attempts > MAX_ATTEMPTS)) {
      return { ok: false, error: `levels.${id}.attempts` };
    }
    levels[id] = attempts === undefined ? { stars, bestScore } : { stars, bestScore, attempts };
  }
  const unlocked = value.unlocked;
  if (!Array.isArray(unlocked) || unlocked.length > MAX_ENTRIES || !unlocked.every((id) => typeof id === 'string' && LEVEL_ID.test(id))) {
    return { ok: false, error: 'unlocked' };
  }
  return { ok: true, value: { format: PROGRESS_FORMAT, levels, unlocked: [...new Set(unlocked as string[])] } };
}

/** The best of both: highest stars, score and attempts per level, every unlocked level. Nothing is lost. */
export function mergeProgress(a: Progress, b: Progress): Progress {
  const levels: Record<string, LevelRecord> = { ...a.levels };
  for (const [id, record] of Object.entries(b.levels)) {
    const mine = levels[id];
    if (!mine) {
      levels[id] = { ...record };
      continue;
    }
    const merged: LevelRecord = { stars: Math.max(mine.stars, record.stars), bestScore: Math.max(mine.bestScore, record.bestScore) };
    if (mine.attempts !== undefined || record.attempts !== undefined) merged.attempts = Math.max(mine.attempts ?? 0, record.attempts ?? 0);
    levels[id] = merged;
  }
  return { format: PROGRESS_FORMAT, levels, unlocked: [...new Set([...a.unlocked, ...b.unlocked])] };
}

/** The first level, a level unlocked explicitly, and every level after one with at least one star. */
export function isLevelUnlocked(levelIds: readonly string[], progress: Progress, id: string): boolean {
  const index = levelIds.indexOf(id);
  if (index === 0 || progress.unlocked.includes(id)) return true;
  if (index < 0) return false;
  return (progress.levels[levelIds[index - 1] ?? '']?.stars ?? 0) >= 1;
}

export type ImportOutcome = { ok: true; progress: Progress; levelCount: number } | { ok: false; notice: NoticeKey };

/** Reads a progress file's text (as exported), checked by the same validator as storage. */
export function parseProgressFile(text: string): ImportOutcome {
  if (typeof text !== 'string') return { ok: false, notice: 'notice.importUnreadable' };
  if (new TextEncoder().encode(text).length > MAX_PROGRESS_FILE_BYTES) return { ok: false, notice: 'notice.importTooLarge' };
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { ok: false, notice: 'notice.importNotJson' };
  }
  const checked = validateProgress(json);
  if (!checked.ok) return { ok: false, notice: 'notice.importWrongFormat' };
  return { ok: true, progress: checked.value, levelCount: Object.keys(checked.value.levels).length };
}

export function progressFileText(progress: Progress, meta: { exportedAt: string; gameVersion: string }): string {
  return `${JSON.stringify({ ...progress, exportedAt: meta.exportedAt, gameVersion: meta.gameVersion }, null, 2)}\n`;
}

export type ProgressListener = (progress: Progress, status: StorageStatus) => void;

export class ProgressStore {
  private readonly slot: PersistedSlot<Progress>;
  private progress: Progress;
  private lastStatus: StorageStatus;
  private readonly listeners = new Set<ProgressListener>();

  constructor(storage: KeyValueStorage | null) {
    this.slot = new PersistedSlot(storage, PROGRESS_KEY, validateProgress);
    const loaded = this.slot.load();
    this.lastStatus = loaded.status;
    this.progress = loaded.value ?? emptyProgress();
  }

  /** `ok`, or why progress could not be read or written (the UI shows it as a notice). */
  get status(): StorageStatus {
    return this.lastStatus;
  }

  get(): Progress {
    return structuredClone(this.progress);
  }

  record(levelId: string): LevelRecord | undefined {
    const record = this.progress.levels[levelId];
    return record ? { ...record } : undefined;
  }

  /**
   * A finished run: keeps the best stars and score, unlocks the next level after a star, and saves.
   * What another tab saved meanwhile is merged in first, so no tab erases another's progress.
   */
  recordResult(levelId: string, stars: number, score: number, nextLevelId?: string): { status: StorageStatus | 'invalid'; improved: boolean } {
    const before = this.progress.levels[levelId];
    const run: Progress = {
      format: PROGRESS_FORMAT,
      levels: { [levelId]: { stars: clampInt(stars, 0, 3), bestScore: clampNumber(score, 0, 100) } },
      unlocked: stars >= 1 && nextLevelId ? [nextLevelId] : [],
    };
    if (!validateProgress(run).ok) return { status: 'invalid', improved: false };
    const improved = !before || run.levels[levelId]!.stars > before.stars || run.levels[levelId]!.bestScore > before.bestScore;
    return { status: this.commit(mergeProgress(this.progress, run)), improved };
  }

  /**
   * One more finished run of a level (the Debrief calls this once per run it shows). Returns the new
   * count; a level without a record gets one with no stars.
   */
  recordAttempt(levelId: string): { status: StorageStatus | 'invalid'; attempts: number } {
    const before = this.progress.levels[levelId];
    const attempts = Math.min(MAX_ATTEMPTS, (before?.attempts ?? 0) + 1);
    const run: Progress = {
      format: PROGRESS_FORMAT,
      levels: { [levelId]: { stars: before?.stars ?? 0, bestScore: before?.bestScore ?? 0, attempts } },
      unlocked: [],
    };
    if (!validateProgress(run).ok) return { status: 'invalid', attempts: before?.attempts ?? 0 };
    const status = this.commit(mergeProgress(this.progress, run));
    return { status, attempts: this.progress.levels[levelId]?.attempts ?? attempts };
  }

  /** Imports a file: a bad file changes nothing; a good one is merged with what is here and saved. */
  importText(text: string): ImportOutcome & { status?: StorageStatus | 'invalid' } {
    const parsed = parseProgressFile(text);
    if (!parsed.ok) return parsed;
    const status = this.commit(mergeProgress(this.progress, parsed.progress));
    return { ...parsed, status };
  }

  exportText(meta: { exportedAt: string; gameVersion: string }): string {
    return progressFileText(this.progress, meta);
  }

  subscribe(listener: ProgressListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private commit(next: Progress): StorageStatus | 'invalid' {
    const stored = this.slot.load().value;
    const merged = stored ? mergeProgress(stored, next) : next;
    const status = this.slot.save(merged);
    if (status === 'invalid') return status;
    this.progress = merged;
    this.lastStatus = status;
    for (const listener of [...this.listeners]) listener(this.get(), status);
    return status;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function clampInt(value: number, min: number, max: number): number {
  return Number.isFinite(value) ? Math.min(max, Math.max(min, Math.round(value))) : min;
}

function clampNumber(value: number, min: number, max: number): number {
  return Number.isFinite(value) ? Math.min(max, Math.max(min, value)) : min;
}
