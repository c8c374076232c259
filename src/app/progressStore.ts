// The player's campaign progress (stars, best score and finished attempts per level, unlocked levels),
// saved under `kernel-courier/progress@2`, exported to and imported from a JSON file. One validator checks
// both what storage holds and what a file brings; a bad file or a damaged save never replaces good data.
//
// Across releases (docs/progress-storage.md): a stored value that does not validate is never overwritten
// (PersistedSlot keeps it and the session runs in memory); fields a later release adds are kept when this
// one writes back; a new format gets a new key, and the old key is read once and left in place.
import { defineOwn, PersistedSlot, type BackupEntry, type Validation } from './PersistedSlot';
import type { NoticeKey } from './notices';
import type { KeyValueStorage, StorageStatus } from './storage';

export const PROGRESS_KEY = 'kernel-courier/progress@2';
export const PROGRESS_FORMAT = 'kernel-courier/progress@2';
/** The first format and key: read once (migrated) when the new key is empty, never written again. */
export const LEGACY_PROGRESS_KEY = 'kernel-courier/progress@1';
export const LEGACY_PROGRESS_FORMAT = 'kernel-courier/progress@1';
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

const KNOWN_RECORD_FIELDS = new Set(['stars', 'bestScore', 'attempts']);

export interface ValidateProgressOptions {
  /** Formats accepted (default: the current one). Files may be in any format this release can read. */
  formats?: readonly string[];
  /**
   * Keep fields of level records this release does not know (default true: what a later release
   * stored survives this one writing back). Imports drop them.
   */
  keepUnknownFields?: boolean;
}

/**
 * The one validator of progress, from storage or from a file. The `format` tag tells progress from any
 * other JSON file. Fields this release does not know (top level or in a level record) are not errors:
 * a later release may have added them.
 */
export function validateProgress(value: unknown, options: ValidateProgressOptions = {}): Validation<Progress> {
  const formats = options.formats ?? [PROGRESS_FORMAT];
  const keepUnknown = options.keepUnknownFields ?? true;
  if (!isRecord(value)) return { ok: false, error: 'not an object' };
  if (typeof value.format !== 'string' || !formats.includes(value.format)) return { ok: false, error: 'wrong format' };
  if (!isRecord(value.levels)) return { ok: false, error: 'levels is not an object' };
  const entries = Object.entries(value.levels);
  if (entries.length > MAX_ENTRIES) return { ok: false, error: 'too many levels' };
  const levels: Record<string, LevelRecord> = {};
  for (const [id, record] of entries) {
    if (!LEVEL_ID.test(id)) return { ok: false, error: `bad level id ${id}` };
    if (!isRecord(record)) return { ok: false, error: `levels.${id} is not an object` };
    const { stars, bestScore, attempts } = record;
    if (typeof stars !== 'number' || !Number.isInteger(stars) || stars < 0 || stars > 3) return { ok: false, error: `levels.${id}.stars` };
    if (typeof bestScore !== 'number' || !Number.isFinite(bestScore) || bestScore < 0 || bestScore > 100) {
      return { ok: false, error: `levels.${id}.bestScore` };
    }
    if (attempts !== undefined && (typeof attempts !== 'number' || !Number.isInteger(attempts) || attempts < 0 || attempts > MAX_ATTEMPTS)) {
      return { ok: false, error: `levels.${id}.attempts` };
    }
    const out: LevelRecord = {} as LevelRecord;
    if (keepUnknown) for (const [key, field] of Object.entries(record)) if (!KNOWN_RECORD_FIELDS.has(key)) defineOwn(out, key, field);
    out.stars = stars;
    out.bestScore = bestScore;
    if (attempts !== undefined) out.attempts = attempts;
    defineOwn(levels, id, out);
  }
  const unlocked = value.unlocked;
  if (!Array.isArray(unlocked) || unlocked.length > MAX_ENTRIES || !unlocked.every((id) => typeof id === 'string' && LEVEL_ID.test(id))) {
    return { ok: false, error: 'unlocked' };
  }
  return { ok: true, value: { format: PROGRESS_FORMAT, levels, unlocked: [...new Set(unlocked as string[])] } };
}

/** A level's record, read as an own property only (an id like "constructor" never reads Object.prototype). */
export function levelRecordOf(progress: Progress, id: string): LevelRecord | undefined {
  return Object.prototype.hasOwnProperty.call(progress.levels, id) ? progress.levels[id] : undefined;
}

/** The best of both: highest stars, score and attempts per level, every unlocked level. Nothing is lost. */
export function mergeProgress(a: Progress, b: Progress): Progress {
  const levels: Record<string, LevelRecord> = {};
  for (const [id, record] of Object.entries(a.levels)) defineOwn(levels, id, { ...record });
  for (const [id, record] of Object.entries(b.levels)) {
    const mine = levelRecordOf({ ...a, levels }, id);
    if (!mine) {
      defineOwn(levels, id, { ...record });
      continue;
    }
    const merged: LevelRecord = { ...mine, ...record, stars: Math.max(mine.stars, record.stars), bestScore: Math.max(mine.bestScore, record.bestScore) };
    if (mine.attempts !== undefined || record.attempts !== undefined) merged.attempts = Math.max(mine.attempts ?? 0, record.attempts ?? 0);
    defineOwn(levels, id, merged);
  }
  return { format: PROGRESS_FORMAT, levels, unlocked: [...new Set([...a.unlocked, ...b.unlocked])] };
}

/** The first level, a level unlocked explicitly, and every level after one with at least one star. */
export function isLevelUnlocked(levelIds: readonly string[], progress: Progress, id: string): boolean {
  const index = levelIds.indexOf(id);
  if (index === 0 || progress.unlocked.includes(id)) return true;
  if (index < 0) return false;
  return (levelRecordOf(progress, levelIds[index - 1] ?? '')?.stars ?? 0) >= 1;
}

export type ImportOutcome =
  | {
      ok: true;
      progress: Progress;
      /** Levels in the file that this game has. */
      levelCount: number;
      /** Level ids (records and unlocks) in the file that this game does not have: left out. */
      skipped: number;
    }
  | { ok: false; notice: NoticeKey; params?: Record<string, number> };

/**
 * Reads a progress file's text (as exported), checked by the same validator as storage. With
 * `knownLevelIds`, only those levels count: others are left out (and counted in `skipped`), and a file
 * with nothing for this game is rejected.
 */
export function parseProgressFile(text: string, knownLevelIds?: readonly string[]): ImportOutcome {
  if (typeof text !== 'string') return { ok: false, notice: 'notice.importUnreadable' };
  if (new TextEncoder().encode(text).length > MAX_PROGRESS_FILE_BYTES) return { ok: false, notice: 'notice.importTooLarge' };
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { ok: false, notice: 'notice.importNotJson' };
  }
  const checked = validateProgress(json, { formats: [PROGRESS_FORMAT, LEGACY_PROGRESS_FORMAT], keepUnknownFields: false });
  if (!checked.ok) return { ok: false, notice: 'notice.importWrongFormat' };
  if (!knownLevelIds) return { ok: true, progress: checked.value, levelCount: Object.keys(checked.value.levels).length, skipped: 0 };
  const known = new Set(knownLevelIds);
  const levels: Record<string, LevelRecord> = {};
  let skipped = 0;
  for (const [id, record] of Object.entries(checked.value.levels)) {
    if (known.has(id)) defineOwn(levels, id, record);
    else skipped += 1;
  }
  const unlocked = checked.value.unlocked.filter((id) => known.has(id));
  skipped += checked.value.unlocked.length - unlocked.length;
  const levelCount = Object.keys(levels).length;
  if (levelCount === 0 && unlocked.length === 0 && skipped > 0) return { ok: false, notice: 'notice.importNoKnownLevels', params: { count: skipped } };
  return { ok: true, progress: { format: PROGRESS_FORMAT, levels, unlocked }, levelCount, skipped };
}

export function progressFileText(progress: Progress, meta: { exportedAt: string; gameVersion: string }): string {
  return `${JSON.stringify({ ...progress, exportedAt: meta.exportedAt, gameVersion: meta.gameVersion }, null, 2)}\n`;
}

/** What an import did: the file's outcome, how many levels it added or improved, and the save status. */
export type ImportResult = ImportOutcome & { changed?: number; status?: StorageStatus | 'invalid' };

export type ProgressListener = (progress: Progress, status: StorageStatus) => void;

export interface ProgressStoreOptions {
  /** The game's level ids: imports keep only these. */
  levelIds?: readonly string[];
  /** Clock for backup timestamps (tests). */
  now?: () => Date;
}

/** A legacy (`progress@1`) value, read as the current format. */
function validateLegacyProgress(value: unknown): Validation<Progress> {
  return validateProgress(value, { formats: [LEGACY_PROGRESS_FORMAT] });
}

export class ProgressStore {
  private readonly slot: PersistedSlot<Progress>;
  private progress: Progress;
  private lastStatus: StorageStatus;
  private readonly listeners = new Set<ProgressListener>();
  private readonly levelIds: readonly string[] | undefined;

  constructor(storage: KeyValueStorage | null, options: ProgressStoreOptions = {}) {
    this.levelIds = options.levelIds;
    this.slot = new PersistedSlot(storage, PROGRESS_KEY, (value) => validateProgress(value), {
      legacy: [{ key: LEGACY_PROGRESS_KEY, validate: validateLegacyProgress }],
      now: options.now,
    });
    const loaded = this.slot.load();
    this.lastStatus = loaded.status;
    this.progress = loaded.value ?? emptyProgress();
    this.savedSnapshot = loaded.status === 'ok' ? JSON.stringify(this.progress) : null;
    this.migratedFrom = loaded.migratedFrom;
    this.legacyUnreadable = loaded.legacyUnreadable;
  }

  /** An older key whose progress could not be read when this store opened (new progress saves normally). */
  readonly legacyUnreadable: string | undefined;

  /** The older key progress was brought over from when this store opened, if it was. */
  readonly migratedFrom: string | undefined;

  /** `ok`, or why progress could not be read or written (the UI shows it as a notice). */
  get status(): StorageStatus {
    return this.lastStatus;
  }

  /**
   * True when the stored progress could not be read: it is kept unchanged, and this session's progress
   * lives in memory only (until the player restores a save or imports a file).
   */
  get readOnly(): boolean {
    return this.slot.readOnly;
  }

  get(): Progress {
    return structuredClone(this.progress);
  }

  record(levelId: string): LevelRecord | undefined {
    const record = levelRecordOf(this.progress, levelId);
    return record ? { ...record } : undefined;
  }

  /**
   * A finished run: keeps the best stars and score, unlocks the next level after a star, and saves.
   * What another tab saved meanwhile is merged in first, so no tab erases another's progress.
   */
  recordResult(levelId: string, stars: number, score: number, nextLevelId?: string): { status: StorageStatus | 'invalid'; improved: boolean } {
    const before = levelRecordOf(this.progress, levelId);
    const run: Progress = {
      format: PROGRESS_FORMAT,
      levels: {},
      unlocked: stars >= 1 && nextLevelId ? [nextLevelId] : [],
    };
    defineOwn(run.levels, levelId, { stars: clampInt(stars, 0, 3), bestScore: clampNumber(score, 0, 100) });
    if (!validateProgress(run).ok) return { status: 'invalid', improved: false };
    const mine = levelRecordOf(run, levelId)!;
    const improved = !before || mine.stars > before.stars || mine.bestScore > before.bestScore;
    return { status: this.commit(mergeProgress(this.progress, run)), improved };
  }

  /**
   * One more finished run of a level (the Debrief calls this once per run it shows). Returns the new
   * count; a level without a record gets one with no stars.
   */
  recordAttempt(levelId: string): { status: StorageStatus | 'invalid'; attempts: number } {
    const before = levelRecordOf(this.progress, levelId);
    const attempts = Math.min(MAX_ATTEMPTS, (before?.attempts ?? 0) + 1);
    const run: Progress = { format: PROGRESS_FORMAT, levels: {}, unlocked: [] };
    defineOwn(run.levels, levelId, { stars: before?.stars ?? 0, bestScore: before?.bestScore ?? 0, attempts });
    if (!validateProgress(run).ok) return { status: 'invalid', attempts: before?.attempts ?? 0 };
    const status = this.commit(mergeProgress(this.progress, run));
    return { status, attempts: levelRecordOf(this.progress, levelId)?.attempts ?? attempts };
  }

  /**
   * Imports a file: a bad file changes nothing; a good one is merged with what is here and saved.
   * Only the game's own levels count. `changed` says how many levels it added or improved (0: nothing
   * new), `status` whether it was saved. An import is the player's choice, so it may replace a stored
   * value this release cannot read (which stays in the backups).
   */
  importText(text: string): ImportResult {
    const parsed = parseProgressFile(text, this.levelIds);
    if (!parsed.ok) return parsed;
    this.refresh();
    const before = this.progress;
    const merged = mergeProgress(before, parsed.progress);
    const changed = countChanged(before, merged);
    const status = changed === 0 ? this.lastStatus : this.commit(merged, { replaceUnreadable: true });
    return { ...parsed, changed, status };
  }

  /** The progress file's text: storage is read again first, so what another tab saved is included. */
  exportText(meta: { exportedAt: string; gameVersion: string }): string {
    this.refresh();
    return progressFileText(this.progress, meta);
  }

  /**
   * Reads storage again (another tab saved, or restored, progress). When this session has nothing
   * unsaved, storage wins; otherwise both are merged so nothing of this session is lost. Listeners hear
   * of it; returns whether progress changed.
   */
  reload(): boolean {
    const before = JSON.stringify(this.progress);
    this.refresh();
    const changed = JSON.stringify(this.progress) !== before;
    if (changed) this.notify(this.lastStatus);
    return changed;
  }

  /** The save that "restore the previous save" would bring back: when it was kept, and its level count. */
  previousSave(): { keptAt: string; levelCount: number } | null {
    const previous = this.slot.previous();
    return previous ? { keptAt: previous.entry.keptAt, levelCount: Object.keys(previous.value.levels).length } : null;
  }

  /** The backups (newest first), for support and tests. */
  backups(): BackupEntry[] {
    return this.slot.backups();
  }

  /**
   * Puts the previous save back, replacing this session's progress. What was stored is kept in the
   * backups, so restoring again undoes it.
   */
  restorePrevious(): { status: StorageStatus | 'nothing'; keptAt?: string; levelCount?: number } {
    const restored = this.slot.restorePrevious();
    if (restored.status !== 'ok' || !restored.value) return { status: restored.status };
    this.progress = restored.value;
    this.lastStatus = 'ok';
    this.notify('ok');
    return { status: 'ok', keptAt: restored.entry?.keptAt, levelCount: Object.keys(restored.value.levels).length };
  }

  /**
   * "Reset progress" (Settings; a class's laptops are reused): every level's stars, best score and
   * attempts and every unlocked level are forgotten, on this device. Settings and class sessions' saved
   * states are other keys and stay. What was stored goes to the backups, so "restore the previous save"
   * undoes a reset made by mistake. The progress is empty afterwards even when storage refuses the write
   * (this session then plays from the start, as the status says).
   */
  reset(): StorageStatus | 'invalid' {
    const status = this.slot.reset(emptyProgress());
    this.progress = emptyProgress();
    this.savedSnapshot = status === 'ok' ? JSON.stringify(this.progress) : null;
    this.lastStatus = status === 'invalid' ? this.lastStatus : status;
    this.notify(this.lastStatus);
    return status;
  }

  subscribe(listener: ProgressListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private refresh(): void {
    const loaded = this.slot.load();
    this.lastStatus = loaded.status;
    if (!loaded.value) return;
    const inSync = this.savedSnapshot !== null && JSON.stringify(this.progress) === this.savedSnapshot;
    this.progress = inSync ? loaded.value : mergeProgress(loaded.value, this.progress);
    this.savedSnapshot = JSON.stringify(this.progress);
  }

  /** What this store last read from or wrote to storage; null while it has unsaved progress. */
  private savedSnapshot: string | null = null;

  private commit(next: Progress, options: { replaceUnreadable?: boolean } = {}): StorageStatus | 'invalid' {
    const stored = this.slot.load().value;
    const merged = stored ? mergeProgress(stored, next) : next;
    const status = this.slot.save(merged, options);
    if (status === 'invalid') return status;
    this.progress = merged;
    this.lastStatus = status;
    this.savedSnapshot = status === 'ok' ? JSON.stringify(merged) : null;
    this.notify(status);
    return status;
  }

  private notify(status: StorageStatus): void {
    for (const listener of [...this.listeners]) listener(this.get(), status);
  }
}

/** Levels that `after` has and `before` lacks or has worse (stars, score or attempts), plus new unlocks. */
function countChanged(before: Progress, after: Progress): number {
  let changed = 0;
  for (const [id, record] of Object.entries(after.levels)) {
    const old = levelRecordOf(before, id);
    if (!old || record.stars > old.stars || record.bestScore > old.bestScore || (record.attempts ?? 0) > (old.attempts ?? 0)) changed += 1;
  }
  const unlockedBefore = new Set(before.unlocked);
  return changed + after.unlocked.filter((id) => !unlockedBefore.has(id) && !levelRecordOf(after, id)).length;
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
