// Classroom sessions, format `kernel-courier/session@1` (contracts.md §5a): the types, the one validator of
// a session from outside, and the join link's codec (base64url of the deflate-raw compressed JSON, in the
// fragment `#join=…` so that no web server sees it). Decoding never throws: every failure is a typed error
// whose `code` the screens localize (locales/*/classroom.json, `joinError.*`).
import { builtInLevel } from '../levels/index';
import type { ValidationError } from '../sim/types';
import {
  ErrorList,
  LOCALE_PATTERN,
  checkObject,
  checkUnique,
  describeValue,
  indexPath,
  neverThrow,
  ownValue,
  readArray,
  readBoolean,
  readNumber,
  readString,
  snapshotJson,
} from '../sim/validation';
import { characterCount, decodeBase64url, encodeBase64url, fromUtf8, hasControlOrLoneSurrogate, utf8 } from './bytes';
import { deflateRaw, inflateRaw } from './compression';

export const SESSION_FORMAT = 'kernel-courier/session@1' as const;

export interface Session {
  format: typeof SESSION_FORMAT;
  /** 8 characters of Crockford base32 (upper case). */
  id: string;
  /** At most 80 characters. */
  title?: string;
  /** 1–30 built-in level ids, in the order students play them. */
  levels: string[];
  locale?: string;
  /** Every student's runs use it instead of the level's seed. */
  seed?: number;
  /** Default true. */
  hints?: boolean;
  /** Ask for a prediction before each run; default true. */
  predict?: boolean;
  /** Offer the race view after each level; default true. */
  race?: boolean;
  /** A countdown the student sees; it never blocks play or codes. */
  minutes?: number;
}

/** A session with every default filled in. */
export interface SessionSettings {
  id: string;
  title: string;
  levels: string[];
  locale: string | undefined;
  seed: number | undefined;
  hints: boolean;
  predict: boolean;
  race: boolean;
  minutes: number | undefined;
}

export const SESSION_KEYS = ['format', 'id', 'title', 'levels', 'locale', 'seed', 'hints', 'predict', 'race', 'minutes'] as const;

/** Crockford's base32 alphabet: digits and upper-case letters without I, L, O and U. */
export const CROCKFORD_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const SESSION_ID_PATTERN = /^[0-9A-HJKMNP-TV-Z]{8}$/;
export const MAX_TITLE_CHARACTERS = 80;
export const MAX_SESSION_LEVELS = 30;
export const MAX_MINUTES = 1440;
/** Longer join data than this is refused before decoding (a real session is a few hundred characters). */
export const MAX_JOIN_CHARACTERS = 8192;
/** The most bytes a session's JSON may inflate to. */
export const MAX_SESSION_JSON_BYTES = 16384;

/**
 * Why join data could not be read, for the screen's message: `empty` (no `join=` data), `too-long`,
 * `truncated` (cut off: the link was not copied whole), `not-base64` (characters a link cannot hold, or
 * edited), `not-deflate` (not compressed data), `not-json`, `bad-field` (a field breaks the format; `path`
 * names it), `unknown-level` (a level id this game does not have; `path` names it).
 */
export const SESSION_ERROR_CODES = [
  'empty',
  'too-long',
  'truncated',
  'not-base64',
  'not-deflate',
  'not-json',
  'bad-field',
  'unknown-level',
] as const;
export type SessionErrorCode = (typeof SESSION_ERROR_CODES)[number];

export interface SessionError {
  code: SessionErrorCode;
  /** The JSON path of the field, for `bad-field` and `unknown-level` ("" for the whole object). */
  path?: string;
  /** English, for logs and the command line; screens localize by `code`. */
  message: string;
  /** Every problem the validator found (bad-field, unknown-level), in order. */
  errors?: ValidationError[];
}

export type SessionResult = { ok: true; session: Session } | { ok: false; error: SessionError };

/** A random session id: 8 Crockford base32 characters (40 random bits). */
export function makeSessionId(randomBytes: (bytes: Uint8Array) => Uint8Array = (bytes) => globalThis.crypto.getRandomValues(bytes)): string {
  const bytes = randomBytes(new Uint8Array(5));
  let bits = 0n;
  for (const byte of bytes) bits = (bits << 8n) | BigInt(byte);
  let id = '';
  for (let index = 7; index >= 0; index -= 1) id += CROCKFORD_ALPHABET[Number((bits >> BigInt(index * 5)) & 31n)];
  return id;
}

function checkText(value: string | undefined, path: string, errors: ErrorList, max: number): void {
  if (value === undefined) return;
  const count = characterCount(value);
  if (count > max) {
    errors.add(path, 'length', `${path} must have at most ${max} characters; it has ${count}.`, { max, actual: count });
  } else if (hasControlOrLoneSurrogate(value)) {
    errors.add(path, 'pattern', `${path} may not contain control characters.`, { pattern: 'no-control', actual: describeValue(value) });
  }
}

/**
 * The one validator of a session from outside (a join link, a teacher's file): every field's type and
 * range, no unknown keys (`x-` keys are kept and ignored), every level a built-in one, at most once.
 */
export function validateSession(input: unknown): { ok: true; session: Session } | { ok: false; errors: ValidationError[] } {
  const validated = neverThrow(() => {
    const data = snapshotJson(input);
    const errors = new ErrorList();
    const object = checkObject(data, '', errors, SESSION_KEYS);
    if (object === undefined) return errors.result<Session>(data);
    const format = ownValue(object, 'format');
    if (format === undefined) {
      errors.add('format', 'required', 'format is required.', { key: 'format' });
    } else if (format !== SESSION_FORMAT) {
      errors.add('format', 'format', `format must be "${SESSION_FORMAT}"; got ${describeValue(format)}.`, {
        expected: SESSION_FORMAT,
        actual: describeValue(format),
      });
    }
    readString(object, '', 'id', errors, {
      required: true,
      pattern: { regex: SESSION_ID_PATTERN, text: '8 characters of Crockford base32 (0-9 and A-Z without I, L, O, U)' },
    });
    checkText(readString(object, '', 'title', errors, { required: false }), 'title', errors, MAX_TITLE_CHARACTERS);
    const levels = readArray(object, '', 'levels', errors, { required: true, minLength: 1, maxLength: MAX_SESSION_LEVELS });
    const seen = new Map<string, string>();
    levels?.forEach((id, index) => {
      const path = indexPath('levels', index);
      if (typeof id !== 'string') {
        errors.add(path, 'type', `${path} must be a string; got ${describeValue(id)}.`, { expected: 'string', actual: describeValue(id) });
        return;
      }
      if (builtInLevel(id) === undefined) {
        errors.add(path, 'reference', `${path} names ${describeValue(id)}, which is not a built-in level.`, {
          value: id,
          target: 'level',
        });
        return;
      }
      checkUnique(seen, id, path, errors, 'the level');
    });
    readString(object, '', 'locale', errors, { required: false, pattern: { regex: LOCALE_PATTERN, text: 'a language tag such as "en" or "ko"' } });
    readNumber(object, '', 'seed', errors, { required: false, integer: true });
    for (const key of ['hints', 'predict', 'race']) readBoolean(object, '', key, errors, false);
    readNumber(object, '', 'minutes', errors, { required: false, integer: true, min: 1, max: MAX_MINUTES });
    return errors.result<Session>(object);
  });
  return validated.ok ? { ok: true, session: validated.value } : { ok: false, errors: validated.errors };
}

/** The session with its defaults filled in. */
export function sessionSettings(session: Session): SessionSettings {
  return {
    id: session.id,
    title: session.title ?? '',
    levels: [...session.levels],
    locale: session.locale,
    seed: session.seed,
    hints: session.hints ?? true,
    predict: session.predict ?? true,
    race: session.race ?? true,
    minutes: session.minutes,
  };
}

/** The session's JSON, fields in the contract's order, `x-` fields left out. */
export function sessionJson(session: Session): string {
  const ordered: Record<string, unknown> = {};
  for (const key of SESSION_KEYS) {
    const value = (session as unknown as Record<string, unknown>)[key];
    if (value !== undefined) ordered[key] = value;
  }
  return JSON.stringify(ordered);
}

/** The join data of a session: base64url (no padding) of its deflate-raw compressed JSON. */
export function encodeSession(session: Session): string {
  return encodeBase64url(deflateRaw(utf8(sessionJson(session))));
}

function failure(code: SessionErrorCode, message: string, errors?: ValidationError[]): SessionResult {
  const error: SessionError = { code, message };
  if (errors !== undefined) {
    error.errors = errors;
    error.path = errors[0]?.path ?? '';
  }
  return { ok: false, error };
}

/** Reads join data (what follows `#join=`); surrounding white space is ignored. Never throws. */
export function decodeSession(data: unknown): SessionResult {
  try {
    if (typeof data !== 'string' || data.trim() === '') return failure('empty', 'The link has no session in it.');
    const text = data.trim();
    if (text.length > MAX_JOIN_CHARACTERS) return failure('too-long', `The session data is longer than ${MAX_JOIN_CHARACTERS} characters.`);
    // Base64url as some tools write it, with `=` padding to a multiple of 4, is read too (the game never
    // writes padding); padding that does not fit the length is refused like any stray character.
    const unpadded = text.length % 4 === 0 && /[^=]={1,2}$/.test(text) ? text.replace(/={1,2}$/, '') : text;
    const decoded = decodeBase64url(unpadded);
    if (!decoded.ok) {
      return decoded.problem === 'length'
        ? failure('truncated', 'The session data is cut off: copy the whole link.')
        : failure('not-base64', 'The session data has characters a join link cannot hold, or was edited.');
    }
    const inflated = inflateRaw(decoded.bytes, MAX_SESSION_JSON_BYTES);
    if (!inflated.ok) {
      if (inflated.problem === 'truncated') return failure('truncated', 'The session data is cut off: copy the whole link.');
      if (inflated.problem === 'too-large') return failure('too-long', 'The session data is too large.');
      return failure('not-deflate', 'The session data is not a compressed session.');
    }
    const json = fromUtf8(inflated.bytes);
    if (json === undefined) return failure('not-json', 'The session is not UTF-8 text.');
    let value: unknown;
    try {
      value = JSON.parse(json);
    } catch {
      return failure('not-json', 'The session is not JSON.');
    }
    const validated = validateSession(value);
    if (validated.ok) return { ok: true, session: validated.session };
    const first = validated.errors[0];
    const unknownLevel = first !== undefined && first.code === 'reference' && first.params?.target === 'level';
    return failure(unknownLevel ? 'unknown-level' : 'bad-field', first?.message ?? 'The session is not valid.', validated.errors);
  } catch {
    return failure('not-json', 'The session could not be read.');
  }
}

/** The join data in a page address's fragment (`#join=…`, possibly among other `&`-separated fields), or
 * undefined when the fragment has none. */
export function joinDataOf(fragment: string): string | undefined {
  const body = fragment.startsWith('#') ? fragment.slice(1) : fragment;
  for (const part of body.split('&')) {
    if (part.startsWith('join=')) return part.slice('join='.length);
  }
  return undefined;
}

/** Reads the session of a page's fragment; `empty` when it has no `join=`. Never throws. */
export function sessionFromFragment(fragment: unknown): SessionResult {
  if (typeof fragment !== 'string') return decodeSession(undefined);
  return decodeSession(joinDataOf(fragment));
}

/** The join link: the game's address with `?mode=classroom` and the session in the fragment. */
export function joinLink(gameAddress: string, session: Session): string {
  const url = new URL(gameAddress);
  url.searchParams.set('mode', 'classroom');
  url.hash = `join=${encodeSession(session)}`;
  return url.toString();
}
