// Sessions (contracts.md §5a): the join data is base64url of the deflate-raw compressed JSON (no
// dictionary), checked against Node's zlib both ways; broken, truncated or edited links give a typed
// error, never a throw; the level hash is computed here independently with node:crypto.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { levelHash } from '../../src/classroom/levelHash';
import {
  decodeSession,
  encodeSession,
  joinDataOf,
  joinLink,
  makeSessionId,
  SESSION_ERROR_CODES,
  SESSION_ID_PATTERN,
  sessionFromFragment,
  sessionJson,
  sessionSettings,
  validateSession,
  type Session,
} from '../../src/classroom/session';
import { builtInLevel, CAMPAIGN_LEVELS } from '../../src/levels/index';

const session: Session = {
  format: 'kernel-courier/session@1',
  id: '7K3M9QX2',
  title: 'OS class 3-B, week 9 · 운영체제 3반',
  levels: ['first-delivery', 'hostile-neighbour', 'three-walls'],
  locale: 'ko',
  seed: 1234,
  hints: true,
  predict: true,
  race: true,
  minutes: 40,
};

/** Join data as another tool would make it: Node's zlib, Buffer's base64url. */
function zlibJoinData(value: unknown): string {
  return zlib.deflateRawSync(Buffer.from(typeof value === 'string' ? value : JSON.stringify(value), 'utf8')).toString('base64url');
}

describe('join data', () => {
  it('round-trips, keeps the contract\'s key order and is read by Node\'s zlib', () => {
    const data = encodeSession(session);
    expect(data).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeSession(data)).toEqual({ ok: true, session });
    const json = zlib.inflateRawSync(Buffer.from(data, 'base64url')).toString('utf8');
    expect(json).toBe(sessionJson(session));
    expect(Object.keys(JSON.parse(json) as object)).toEqual(['format', 'id', 'title', 'levels', 'locale', 'seed', 'hints', 'predict', 'race', 'minutes']);
  });

  it('reads join data made by Node\'s zlib, with or without base64 padding', () => {
    const minimal = { format: 'kernel-courier/session@1', id: 'ABCDEFGH', levels: ['first-delivery'] };
    expect(decodeSession(zlibJoinData(minimal))).toEqual({ ok: true, session: minimal });
    const padded = zlib.deflateRawSync(Buffer.from(JSON.stringify(session))).toString('base64').replace(/\+/g, '-').replace(/\//g, '_');
    expect(decodeSession(padded)).toEqual({ ok: true, session });
    expect(sessionSettings(minimal as Session)).toMatchObject({ title: '', hints: true, predict: true, race: true, seed: undefined, minutes: undefined });
  });

  it('the join link puts the session in the fragment, after ?mode=classroom', () => {
    const link = joinLink('https://example.org/kernel-courier/index.html?locale=ko', session);
    const url = new URL(link);
    expect(url.searchParams.get('mode')).toBe('classroom');
    expect(url.searchParams.get('locale')).toBe('ko');
    expect(url.search).not.toContain('join');
    expect(url.hash.startsWith('#join=')).toBe(true);
    expect(sessionFromFragment(url.hash)).toEqual({ ok: true, session });
    expect(joinDataOf('#x=1&join=abc&y=2')).toBe('abc');
    expect(joinDataOf('#other')).toBeUndefined();
  });

  it('session ids are 8 Crockford base32 characters', () => {
    for (let index = 0; index < 50; index += 1) expect(makeSessionId()).toMatch(SESSION_ID_PATTERN);
    expect(makeSessionId(() => new Uint8Array(5))).toBe('00000000');
    expect(makeSessionId(() => new Uint8Array(5).fill(255))).toBe('ZZZZZZZZ');
  });
});

describe('broken, truncated and edited links', () => {
  const data = encodeSession(session);

  function errorOf(input: unknown): string {
    const result = decodeSession(input);
    expect(result.ok).toBe(false);
    return result.ok ? '' : result.error.code;
  }

  it('each failure has its own code and an English message', () => {
    expect(errorOf(undefined)).toBe('empty');
    expect(errorOf('')).toBe('empty');
    expect(errorOf('A'.repeat(9000))).toBe('too-long');
    expect(errorOf(`${data.slice(0, 10)}*${data.slice(11)}`)).toBe('not-base64');
    expect(errorOf(zlibJoinData('{"format":'))).toBe('not-json');
    expect(errorOf(zlibJoinData({ ...session, format: 'kernel-courier/session@2' }))).toBe('bad-field');
    expect(errorOf(zlibJoinData({ ...session, id: '7K3M9QXI' }))).toBe('bad-field');
    expect(errorOf(zlibJoinData({ ...session, levels: [] }))).toBe('bad-field');
    expect(errorOf(zlibJoinData({ ...session, levels: Array.from({ length: 31 }, (_, index) => CAMPAIGN_LEVELS[index % 23].id) }))).toBe('bad-field');
    expect(errorOf(zlibJoinData({ ...session, levels: ['first-delivery', 'first-delivery'] }))).toBe('bad-field');
    expect(errorOf(zlibJoinData({ ...session, title: 'x'.repeat(81) }))).toBe('bad-field');
    expect(errorOf(zlibJoinData({ ...session, minutes: 0 }))).toBe('bad-field');
    expect(errorOf(zlibJoinData({ ...session, seed: 1.5 }))).toBe('bad-field');
    expect(errorOf(zlibJoinData({ ...session, surprise: true }))).toBe('bad-field');
    const unknown = decodeSession(zlibJoinData({ ...session, levels: ['first-delivery', 'no-such-level'] }));
    expect(unknown).toMatchObject({ ok: false, error: { code: 'unknown-level', path: 'levels[1]' } });
    expect(errorOf(Buffer.from('not compressed at all').toString('base64url'))).toMatch(/not-deflate|truncated/);
  });

  it('every truncation of the data is refused with a typed error, never a throw or a different session', () => {
    for (let length = 0; length < data.length; length += 1) {
      const result = decodeSession(data.slice(0, length));
      expect(result.ok, `length ${length}`).toBe(false);
      if (!result.ok) expect(SESSION_ERROR_CODES).toContain(result.error.code);
    }
  });

  it('any one character changed is refused or read as a valid session, never thrown', () => {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    for (let index = 0; index < data.length; index += 1) {
      const changed = data.slice(0, index) + alphabet[(alphabet.indexOf(data[index]) + 5) % 64] + data.slice(index + 1);
      const result = decodeSession(changed);
      if (result.ok) expect(validateSession(result.session).ok).toBe(true);
      else expect(SESSION_ERROR_CODES).toContain(result.error.code);
    }
  });

  it('a fragment that is not text or has no join= is empty', () => {
    expect(sessionFromFragment(undefined)).toMatchObject({ ok: false, error: { code: 'empty' } });
    expect(sessionFromFragment('#level=first-delivery')).toMatchObject({ ok: false, error: { code: 'empty' } });
  });
});

describe('level hash', () => {
  /** Sorted keys, no whitespace, SHA-256, first 8 hex digits: written here from the contract's words. */
  function independentHash(text: string): string {
    const sort = (value: unknown): unknown =>
      Array.isArray(value)
        ? value.map(sort)
        : value !== null && typeof value === 'object'
          ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([key, inner]) => [key, sort(inner)]))
          : value;
    return createHash('sha256').update(JSON.stringify(sort(JSON.parse(text))), 'utf8').digest('hex').slice(0, 8);
  }

  it('is the first 8 hex digits of the SHA-256 of the sorted-keys JSON, for every built-in level file', () => {
    const directory = join(import.meta.dirname, '../../src/levels/campaign');
    const files = readdirSync(directory).filter((name) => name.endsWith('.json'));
    expect(files.length).toBe(CAMPAIGN_LEVELS.length);
    const hashes = new Set<string>();
    for (const file of files) {
      const text = readFileSync(join(directory, file), 'utf8');
      const level = builtInLevel((JSON.parse(text) as { id: string }).id)!;
      expect(levelHash(level), file).toBe(independentHash(text));
      hashes.add(levelHash(level));
    }
    expect(hashes.size).toBe(files.length);
  });

  it('changes with any change of the level, not with key order', () => {
    const level = builtInLevel('first-delivery')!;
    const reordered = Object.fromEntries(Object.entries(level).reverse()) as typeof level;
    expect(levelHash(reordered)).toBe(levelHash(level));
    expect(levelHash({ ...level, seed: level.seed + 1 })).not.toBe(levelHash(level));
  });
});
