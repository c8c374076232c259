// The storage the stores write to, injected so tests can hand in blocked, full or corrupted storage.
// `localStorageOf` touches window.localStorage on every call: where the browser blocks it, the access
// itself throws, and the stores turn that into a status instead of a crash.

export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export function localStorageOf(win: { localStorage: Storage }): KeyValueStorage {
  return {
    getItem: (key) => win.localStorage.getItem(key),
    setItem: (key, value) => win.localStorage.setItem(key, value),
    removeItem: (key) => win.localStorage.removeItem(key),
  };
}

/** In-memory storage: the fallback when nothing else works, and the base of test doubles. */
export function memoryStorage(initial: Record<string, string> = {}): KeyValueStorage & { dump(): Record<string, string> } {
  const data = new Map(Object.entries(initial));
  return {
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, String(value)),
    removeItem: (key) => void data.delete(key),
    dump: () => Object.fromEntries(data),
  };
}

export type StorageStatus = 'ok' | 'blocked' | 'full' | 'corrupted';

/** Classifies an exception from storage: quota errors mean full, anything else blocked. */
export function statusOfStorageError(error: unknown): Exclude<StorageStatus, 'ok' | 'corrupted'> {
  const name = typeof error === 'object' && error !== null && 'name' in error ? String((error as { name: unknown }).name) : '';
  const code = typeof error === 'object' && error !== null && 'code' in error ? Number((error as { code: unknown }).code) : 0;
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED' || code === 22 || code === 1014 ? 'full' : 'blocked';
}
