// What a class session keeps on the student's device: the nickname, the result codes of finished runs, the
// attempts per level and the predictions, under `kernel-courier/session/<id>@1` (one key per session, so a
// student can be in two sessions; campaign progress is never touched). Read and written through
// PersistedSlot; `validateSessionState` is the one validator of what is stored.
import { PersistedSlot, type Validation } from './PersistedSlot';
import type { KeyValueStorage, StorageStatus } from './storage';

export const SESSION_STATE_FORMAT = 'kernel-courier/session-state@1';
/** At most this many codes are kept per session (oldest dropped first): 30 levels, several attempts each. */
export const MAX_SESSION_CODES = 200;
export const MAX_NICK_LENGTH = 24;
const SESSION_ID = /^[0-9A-HJKMNP-TV-Z]{8}$/;
const LEVEL_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
const ARCH = /^[a-z0-9-]{1,24}$/;

export function sessionStorageKey(sessionId: string): string {
  return `kernel-courier/session/${sessionId}@1`;
}

/** One finished run's code, as the "my codes" list shows it. */
export interface StoredCode {
  level: string;
  attempt: number;
  score: number;
  stars: number;
  code: string;
}

export interface SessionState {
  id: string;
  /** "" until the student chooses one. */
  nick: string;
  codes: StoredCode[];
  /** Finished runs per level (the next code's `attempt` is this plus one). */
  attempts: Record<string, number>;
  /** The prediction made before a level's first run: an architecture name, or null for "I don't know". */
  predictions: Record<string, string | null>;
  /** When the student first joined on this device (ms since the epoch): the countdown starts there. */
  startedAt: number;
}

interface StoredSessionState extends SessionState {
  format: typeof SESSION_STATE_FORMAT;
}

/** Characters as a person counts them (code points), as the result code's 24-character limit counts them. */
export function nickLength(nick: string): number {
  return Array.from(nick).length;
}

/** Why a nickname cannot be used, or null when it can (1–24 characters, any script, no control characters). */
export function nickProblem(nick: string): 'empty' | 'too-long' | 'control' | null {
  if (nick.trim() === '') return 'empty';
  if (nickLength(nick) > MAX_NICK_LENGTH) return 'too-long';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(nick) || /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(nick)) return 'control';
  return null;
}

const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 1_000_000;
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function validCode(value: unknown): StoredCode | null {
  if (!isRecord(value)) return null;
  const { level, attempt, score, stars, code } = value;
  if (typeof level !== 'string' || !LEVEL_ID.test(level)) return null;
  if (!isCount(attempt) || typeof score !== 'number' || !Number.isFinite(score) || !isCount(stars) || stars > 3) return null;
  if (typeof code !== 'string' || !code.startsWith('KC1-') || code.length > 8192) return null;
  return { level, attempt, score, stars, code };
}

/** The one validator of a stored session state. */
export function validateSessionState(value: unknown, id: string): Validation<StoredSessionState> {
  if (!isRecord(value)) return { ok: false, error: 'not an object' };
  if (value.format !== SESSION_STATE_FORMAT) return { ok: false, error: 'wrong format' };
  if (value.id !== id) return { ok: false, error: 'another session' };
  const nick = value.nick;
  if (typeof nick !== 'string' || (nick !== '' && nickProblem(nick) !== null)) return { ok: false, error: 'bad nick' };
  if (!Array.isArray(value.codes) || value.codes.length > MAX_SESSION_CODES) return { ok: false, error: 'bad codes' };
  const codes: StoredCode[] = [];
  for (const entry of value.codes) {
    const code = validCode(entry);
    if (!code) return { ok: false, error: 'bad code' };
    codes.push(code);
  }
  if (!isRecord(value.attempts) || !isRecord(value.predictions)) return { ok: false, error: 'bad maps' };
  const attempts: Record<string, number> = {};
  for (const [level, count] of Object.entries(value.attempts)) {
    if (!LEVEL_ID.test(level) || !isCount(count)) return { ok: false, error: 'bad attempts' };
    attempts[level] = count;
  }
  const predictions: Record<string, string | null> = {};
  for (const [level, arch] of Object.entries(value.predictions)) {
    if (!LEVEL_ID.test(level) || !(arch === null || (typeof arch === 'string' && ARCH.test(arch)))) return { ok: false, error: 'bad predictions' };
    predictions[level] = arch;
  }
  const startedAt = value.startedAt;
  if (typeof startedAt !== 'number' || !Number.isSafeInteger(startedAt) || startedAt < 0) return { ok: false, error: 'bad startedAt' };
  return { ok: true, value: { format: SESSION_STATE_FORMAT, id, nick, codes, attempts, predictions, startedAt } };
}

/** One session's state on this device. Storage errors become a status; the state in memory still works. */
export class SessionStateStore {
  private readonly slot: PersistedSlot<StoredSessionState>;
  private state: SessionState;
  private lastStatus: StorageStatus | 'invalid';

  constructor(storage: KeyValueStorage | null, readonly sessionId: string, now: () => number = () => Date.now()) {
    if (!SESSION_ID.test(sessionId)) throw new Error('A session id is 8 Crockford base32 characters.');
    this.slot = new PersistedSlot(storage, sessionStorageKey(sessionId), (value) => validateSessionState(value, sessionId));
    const loaded = this.slot.load();
    this.lastStatus = loaded.status;
    this.state = loaded.value ? strip(loaded.value) : { id: sessionId, nick: '', codes: [], attempts: {}, predictions: {}, startedAt: Math.floor(now()) };
  }

  /** `ok`, or why the state could not be read or saved (it then lasts for this visit only). */
  get status(): StorageStatus | 'invalid' {
    return this.lastStatus;
  }

  get(): SessionState {
    return structuredClone(this.state);
  }

  setNick(nick: string): StorageStatus | 'invalid' {
    if (nickProblem(nick) !== null) return 'invalid';
    return this.save({ ...this.state, nick: nick.trim() });
  }

  /** The prediction before a level's first run (null: "I don't know"); undefined when none was made yet. */
  prediction(levelId: string): string | null | undefined {
    return Object.prototype.hasOwnProperty.call(this.state.predictions, levelId) ? this.state.predictions[levelId] : undefined;
  }

  setPrediction(levelId: string, arch: string | null): StorageStatus | 'invalid' {
    return this.save({ ...this.state, predictions: { ...this.state.predictions, [levelId]: arch } });
  }

  /** The attempt number the next finished run of a level gets (1 for the first). */
  nextAttempt(levelId: string): number {
    return (this.state.attempts[levelId] ?? 0) + 1;
  }

  /** A finished run: counts the attempt and keeps its code. */
  addCode(code: StoredCode): StorageStatus | 'invalid' {
    const codes = [...this.state.codes, code].slice(-MAX_SESSION_CODES);
    return this.save({ ...this.state, codes, attempts: { ...this.state.attempts, [code.level]: Math.max(code.attempt, this.state.attempts[code.level] ?? 0) } });
  }

  /** Another tab saved this session: read it again. */
  reload(): void {
    const loaded = this.slot.load();
    if (loaded.value) this.state = strip(loaded.value);
  }

  private save(next: SessionState): StorageStatus | 'invalid' {
    const checked = validateSessionState({ ...next, format: SESSION_STATE_FORMAT }, this.sessionId);
    if (!checked.ok) return 'invalid';
    this.state = strip(checked.value);
    this.lastStatus = this.slot.save(checked.value, { replaceUnreadable: true });
    return this.lastStatus;
  }
}

function strip(value: StoredSessionState): SessionState {
  const { format: _format, ...state } = value;
  return structuredClone(state);
}
