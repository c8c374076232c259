// What the teacher's page keeps on the teacher's device, per session, in IndexedDB (idb-keyval): the
// session itself and the codes collected for it, in order. Codes are verified again when a session is
// opened (verification is the only source of truth). "Forget this session" deletes its entry. Nothing is
// sent anywhere. Outside data read back is checked here, in one place.
import { createStore, del, get, keys, set, type UseStore } from 'idb-keyval';
import { CODE_TOKEN, validateSession, type Session } from '../classroom/index';

export interface SavedSession {
  session: Session;
  codes: string[];
  /** When the session was made (ms since 1970). */
  created: number;
}

const PREFIX = 'session/';

export class TeacherStore {
  private constructor(private readonly store: UseStore | null) {}

  /** The store, or one that keeps nothing when the browser gives no IndexedDB (private windows). */
  static open(): TeacherStore {
    try {
      return new TeacherStore(typeof indexedDB === 'undefined' ? null : createStore('kernel-courier-teacher', 'sessions'));
    } catch {
      return new TeacherStore(null);
    }
  }

  get available(): boolean {
    return this.store !== null;
  }

  async save(saved: SavedSession): Promise<boolean> {
    if (this.store === null) return false;
    try {
      await set(PREFIX + saved.session.id, { session: saved.session, codes: [...saved.codes], created: saved.created }, this.store);
      return true;
    } catch {
      return false;
    }
  }

  async load(id: string): Promise<SavedSession | null> {
    if (this.store === null) return null;
    try {
      return readSaved(await get(PREFIX + id, this.store));
    } catch {
      return null;
    }
  }

  /** Every saved session, newest first. */
  async list(): Promise<SavedSession[]> {
    if (this.store === null) return [];
    try {
      const ids = (await keys(this.store)).filter((key): key is string => typeof key === 'string' && key.startsWith(PREFIX));
      const all = await Promise.all(ids.map((key) => this.load(key.slice(PREFIX.length))));
      return all.filter((saved): saved is SavedSession => saved !== null).sort((a, b) => b.created - a.created);
    } catch {
      return [];
    }
  }

  async forget(id: string): Promise<boolean> {
    if (this.store === null) return false;
    try {
      await del(PREFIX + id, this.store);
      return true;
    } catch {
      return false;
    }
  }
}

/** A saved entry read back: a valid session, codes that look like codes, a time; null otherwise. */
export function readSaved(value: unknown): SavedSession | null {
  if (typeof value !== 'object' || value === null) return null;
  const record = value as Record<string, unknown>;
  const checked = validateSession(record.session);
  if (!checked.ok) return null;
  const token = new RegExp(`^${CODE_TOKEN.source}$`);
  const codes = Array.isArray(record.codes) ? record.codes.filter((code): code is string => typeof code === 'string' && code.length <= 8192 && token.test(code)) : [];
  const created = typeof record.created === 'number' && Number.isFinite(record.created) ? record.created : 0;
  return { session: checked.session, codes, created };
}
