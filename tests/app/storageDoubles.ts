// Storage doubles for tests: blocked (every access throws SecurityError), full (writes throw
// QuotaExceededError) and plain memory storage preloaded with whatever a test needs.
import { memoryStorage, type KeyValueStorage } from '../../src/app/storage';

function domError(name: string, message: string): Error {
  const error = new Error(message);
  error.name = name;
  return error;
}

export function blockedStorage(): KeyValueStorage {
  const fail = (): never => {
    throw domError('SecurityError', 'The operation is insecure.');
  };
  return { getItem: fail, setItem: fail, removeItem: fail };
}

export function fullStorage(initial: Record<string, string> = {}): KeyValueStorage & { dump(): Record<string, string> } {
  const inner = memoryStorage(initial);
  return {
    ...inner,
    setItem: () => {
      throw domError('QuotaExceededError', 'The quota has been exceeded.');
    },
  };
}

export { memoryStorage };

/** The raw values a PersistedSlot kept aside under `key`, newest first. */
export function backupsOf(storage: { dump(): Record<string, string> }, key: string): string[] {
  const text = storage.dump()[`${key}.backups`];
  return text === undefined ? [] : (JSON.parse(text) as Array<{ raw: string }>).map((entry) => entry.raw);
}
