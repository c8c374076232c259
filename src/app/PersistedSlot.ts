// One versioned value in storage, read and written safely. A stored value that does not validate is
// kept aside under a backup key and never overwritten by a default; a value is validated before it is
// written, so a good save is never replaced by a bad one; storage errors become a status, not a crash.
import { statusOfStorageError, type KeyValueStorage, type StorageStatus } from './storage';

export type Validation<T> = { ok: true; value: T } | { ok: false; error: string };

export interface LoadOutcome<T> {
  /** The stored value, or null when nothing usable is stored. */
  value: T | null;
  status: StorageStatus;
}

export class PersistedSlot<T> {
  readonly backupKey: string;
  private lastStatus: StorageStatus = 'ok';

  constructor(
    private readonly storage: KeyValueStorage | null,
    readonly key: string,
    private readonly validate: (value: unknown) => Validation<T>,
  ) {
    this.backupKey = `${key}.backup`;
  }

  get status(): StorageStatus {
    return this.lastStatus;
  }

  load(): LoadOutcome<T> {
    if (!this.storage) return this.finish(null, 'blocked');
    let raw: string | null;
    try {
      raw = this.storage.getItem(this.key);
    } catch {
      return this.finish(null, 'blocked');
    }
    if (raw === null) return this.finish(null, 'ok');
    const checked = this.validate(parseJson(raw));
    if (checked.ok) return this.finish(checked.value, 'ok');
    this.keepAside(raw);
    return this.finish(null, 'corrupted');
  }

  /** Validates, then writes. Returns the status; on failure nothing in storage changes. */
  save(value: T): StorageStatus | 'invalid' {
    const checked = this.validate(value);
    if (!checked.ok) return 'invalid';
    if (!this.storage) return this.finish(null, 'blocked').status;
    try {
      // Whatever unreadable value sits under the key is copied aside before it is replaced.
      const current = this.storage.getItem(this.key);
      if (current !== null && !this.validate(parseJson(current)).ok) this.keepAside(current);
      this.storage.setItem(this.key, JSON.stringify(checked.value));
      return this.finish(null, 'ok').status;
    } catch (error) {
      return this.finish(null, statusOfStorageError(error)).status;
    }
  }

  /** The raw value kept aside from a corrupted load, if any. */
  backup(): string | null {
    try {
      return this.storage?.getItem(this.backupKey) ?? null;
    } catch {
      return null;
    }
  }

  // The first unreadable value is the one most likely to be a real save that got damaged, so an
  // existing backup is not replaced by later garbage.
  private keepAside(raw: string): void {
    try {
      if (this.storage && this.storage.getItem(this.backupKey) === null) this.storage.setItem(this.backupKey, raw);
    } catch {
      // The original stays under the main key, untouched, so nothing is lost.
    }
  }

  private finish(value: T | null, status: StorageStatus): LoadOutcome<T> {
    this.lastStatus = status;
    return { value, status };
  }
}

function parseJson(raw: string): unknown {
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return undefined;
  }
}
