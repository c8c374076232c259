// One versioned value in storage, read and written safely.
// - A stored value that does not validate is never overwritten: it is copied into the backups, and the
//   slot turns read-only for the session (saves report `corrupted` and change nothing), so an older
//   release, or a damaged value, cannot cost the player a newer save. Only an explicit action of the
//   player (restoring a backup, importing a file, changing a setting) may replace it, and then it stays
//   in the backups.
// - Fields this release does not know, at the top level of the stored object, are kept when writing back.
// - When the format changes, the key changes too; the old key is read once (a migration) and left in place.
// - The last few saves are kept as backups (bounded), so the previous save can be restored.
// A value is validated before it is written; storage errors become a status, not a crash.
import { statusOfStorageError, type KeyValueStorage, type StorageStatus } from './storage';

export type Validation<T> = { ok: true; value: T } | { ok: false; error: string };

export interface LoadOutcome<T> {
  /** The stored value, or null when nothing usable is stored. */
  value: T | null;
  status: StorageStatus;
  /** The older key the value was migrated from, when it was. */
  migratedFrom?: string;
  /** An older key that holds a value this release cannot read (left in place, copied to the backups). */
  legacyUnreadable?: string;
}

/** A stored value kept aside: the save as it was before a session changed it, or an unreadable one. */
export interface BackupEntry {
  /** When it was kept aside (ISO 8601). */
  keptAt: string;
  reason: 'before-session' | 'unreadable' | 'replaced' | 'legacy' | 'reset';
  raw: string;
}

export interface LegacyKey<T> {
  key: string;
  validate: (value: unknown) => Validation<T>;
}

export interface SlotOptions<T> {
  /** Older keys (newest first) read once when this key is empty; they are never written or removed. */
  legacy?: readonly LegacyKey<T>[];
  /** Clock for the backups' timestamps (tests). */
  now?: () => Date;
}

/** How many backups are kept, and their largest total size in characters (older ones go first). */
export const MAX_BACKUPS = 5;
export const MAX_BACKUP_CHARS = 1024 * 1024;

export class PersistedSlot<T> {
  readonly backupKey: string;
  private lastStatus: StorageStatus = 'ok';
  private unreadable = false;
  private sessionBackupTaken = false;
  private readonly legacy: readonly LegacyKey<T>[];
  private readonly now: () => Date;

  constructor(
    private readonly storage: KeyValueStorage | null,
    readonly key: string,
    private readonly validate: (value: unknown) => Validation<T>,
    options: SlotOptions<T> = {},
  ) {
    this.backupKey = `${key}.backups`;
    this.legacy = options.legacy ?? [];
    this.now = options.now ?? (() => new Date());
  }

  get status(): StorageStatus {
    return this.lastStatus;
  }

  /** True when the stored value could not be read: saves then change nothing in storage. */
  get readOnly(): boolean {
    return this.unreadable;
  }

  load(): LoadOutcome<T> {
    if (!this.storage) return this.finish(null, 'blocked');
    let raw: string | null;
    try {
      raw = this.storage.getItem(this.key);
    } catch {
      return this.finish(null, 'blocked');
    }
    if (raw === null) {
      this.unreadable = false;
      return this.migrate();
    }
    const checked = this.validate(parseJson(raw));
    if (checked.ok) {
      this.unreadable = false;
      return this.finish(checked.value, 'ok');
    }
    this.keepAside(raw, 'unreadable');
    this.unreadable = true;
    return this.finish(null, 'corrupted');
  }

  /**
   * Validates, then writes. Returns the status; on failure nothing in storage changes. Without
   * `replaceUnreadable`, a stored value that does not validate is never replaced (status `corrupted`).
   * With it (an explicit action of the player), that value is kept in the backups and then replaced.
   */
  save(value: T, options: { replaceUnreadable?: boolean } = {}): StorageStatus | 'invalid' {
    const checked = this.validate(value);
    if (!checked.ok) return 'invalid';
    if (!this.storage) return this.finish(null, 'blocked').status;
    if (this.unreadable && options.replaceUnreadable !== true) return this.finish(null, 'corrupted').status;
    try {
      const current = this.storage.getItem(this.key);
      let out: unknown = checked.value;
      if (current !== null) {
        const parsed = parseJson(current);
        if (!this.validate(parsed).ok) {
          // Another tab (perhaps a newer release) wrote something this release cannot read.
          this.keepAside(current, 'unreadable');
          if (options.replaceUnreadable !== true) {
            this.unreadable = true;
            return this.finish(null, 'corrupted').status;
          }
        } else {
          if (!this.sessionBackupTaken) this.keepAside(current, 'before-session');
          out = withUnknownFields(parsed, checked.value);
        }
      }
      this.sessionBackupTaken = true;
      const text = JSON.stringify(out);
      if (text !== current) this.storage.setItem(this.key, text);
      this.unreadable = false;
      return this.finish(null, 'ok').status;
    } catch (error) {
      return this.finish(null, statusOfStorageError(error)).status;
    }
  }

  /** The backups, newest first. */
  backups(): BackupEntry[] {
    try {
      return parseBackups(this.storage?.getItem(this.backupKey) ?? null);
    } catch {
      return [];
    }
  }

  /**
   * The newest backup that validates and differs from what is stored now, or null. What restoring it
   * would bring back.
   */
  previous(): { entry: BackupEntry; value: T } | null {
    let current: string | null = null;
    try {
      current = this.storage?.getItem(this.key) ?? null;
    } catch {
      return null;
    }
    for (const entry of this.backups()) {
      if (entry.raw === current) continue;
      const checked = this.validate(parseJson(entry.raw));
      if (checked.ok) return { entry, value: checked.value };
    }
    return null;
  }

  /**
   * Puts the previous save back (an explicit action of the player). What was stored is kept in the
   * backups first, so restoring can itself be undone by restoring again.
   */
  restorePrevious(): { status: StorageStatus | 'nothing'; value: T | null; entry?: BackupEntry } {
    const previous = this.previous();
    if (!previous || !this.storage) return { status: this.storage ? 'nothing' : 'blocked', value: null };
    try {
      const current = this.storage.getItem(this.key);
      if (current !== null) this.keepAside(current, 'replaced');
      this.storage.setItem(this.key, previous.entry.raw);
      this.unreadable = false;
      this.sessionBackupTaken = true;
      this.finish(previous.value, 'ok');
      return { status: 'ok', value: previous.value, entry: previous.entry };
    } catch (error) {
      return { status: this.finish(null, statusOfStorageError(error)).status, value: null };
    }
  }

  /**
   * Replaces what is stored with `empty` (an explicit action of the player: "Reset progress"), fields
   * of a newer release included. What was stored, readable or not, is kept in the backups first, so
   * "restore the previous save" can bring it back.
   */
  reset(empty: T): StorageStatus | 'invalid' {
    const checked = this.validate(empty);
    if (!checked.ok) return 'invalid';
    if (!this.storage) return this.finish(null, 'blocked').status;
    try {
      const current = this.storage.getItem(this.key);
      if (current !== null) this.keepAside(current, 'reset');
      this.storage.setItem(this.key, JSON.stringify(checked.value));
      this.unreadable = false;
      this.sessionBackupTaken = true;
      return this.finish(checked.value, 'ok').status;
    } catch (error) {
      return this.finish(null, statusOfStorageError(error)).status;
    }
  }

  /** Reads the first older key that holds a value, once: a valid one is copied here; the old key stays. */
  private migrate(): LoadOutcome<T> {
    for (const legacy of this.legacy) {
      let raw: string | null;
      try {
        raw = this.storage?.getItem(legacy.key) ?? null;
      } catch {
        return this.finish(null, 'blocked');
      }
      if (raw === null) continue;
      const checked = legacy.validate(parseJson(raw));
      // An unreadable old value stays where it is (this key is empty, so nothing is at risk) and is
      // copied into the backups, so it can still be found.
      if (!checked.ok) {
        this.keepAside(raw, 'unreadable');
        return { ...this.finish(null, 'ok'), legacyUnreadable: legacy.key };
      }
      this.keepAside(raw, 'legacy');
      const status = this.save(checked.value);
      const value = this.validate(checked.value);
      return { ...this.finish(value.ok ? value.value : null, status === 'invalid' ? 'corrupted' : status), migratedFrom: legacy.key };
    }
    return this.finish(null, 'ok');
  }

  // Newest first, no two alike, at most MAX_BACKUPS and MAX_BACKUP_CHARS; a value that alone is larger
  // is not copied (it stays where it is).
  private keepAside(raw: string, reason: BackupEntry['reason']): void {
    if (!this.storage || raw.length > MAX_BACKUP_CHARS / 2) return;
    try {
      const entries = parseBackups(this.storage.getItem(this.backupKey)).filter((entry) => entry.raw !== raw);
      entries.unshift({ keptAt: this.now().toISOString(), reason, raw });
      const kept: BackupEntry[] = [];
      let chars = 0;
      for (const entry of entries) {
        if (kept.length >= MAX_BACKUPS || chars + entry.raw.length > MAX_BACKUP_CHARS) break;
        kept.push(entry);
        chars += entry.raw.length;
      }
      this.storage.setItem(this.backupKey, JSON.stringify(kept));
    } catch {
      // The original stays under its key, untouched, so nothing is lost.
    }
  }

  private finish(value: T | null, status: StorageStatus): LoadOutcome<T> {
    this.lastStatus = status;
    return { value, status };
  }
}

/** The fields of the stored object this release does not write, kept; the new value's fields win. */
function withUnknownFields(stored: unknown, value: unknown): unknown {
  if (!isPlainRecord(stored) || !isPlainRecord(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(stored)) if (!Object.prototype.hasOwnProperty.call(value, key)) defineOwn(out, key, field);
  for (const [key, field] of Object.entries(value)) defineOwn(out, key, field);
  return out;
}

function parseBackups(text: string | null): BackupEntry[] {
  const parsed = text === null ? undefined : parseJson(text);
  if (!Array.isArray(parsed)) return [];
  return parsed.filter(
    (entry): entry is BackupEntry =>
      isPlainRecord(entry) && typeof entry.raw === 'string' && typeof entry.keptAt === 'string' && typeof entry.reason === 'string',
  );
}

function isPlainRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Sets an own property even when the key is "__proto__" (never the prototype). */
export function defineOwn(target: object, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function parseJson(raw: string): unknown {
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return undefined;
  }
}
