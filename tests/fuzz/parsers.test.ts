// One fuzz suite over every parser of outside input (issue 15): level and build files, URL parameters,
// stored progress, settings and class-session state, progress files, join links, result codes, host-page
// messages and LMS suspend data. Each parser gets random input and mutations of valid input (truncation,
// bit flips, huge and odd numbers, deep nesting, `__proto__`/`constructor` keys, long strings, unusual
// Unicode, random values at random places); every call must return its typed answer — never throw — and
// every rejection must be a clear error (a known code or notice key, a message, a path where the format
// has paths). Object.prototype must come out untouched.
//
// In `npm test` (the unit project) a fixed seed runs a small share (~6,000 cases, a few seconds);
// `npm run fuzz` runs FUZZ_SCALE (20 there) times as many — over 100,000 — with a fresh seed each time
// (printed, so a failure can be replayed with FUZZ_SEED), and prints cases per second and totals per parser.
import { strToU8, deflateSync } from 'fflate';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { acceptCommand, MESSAGE_SOURCE, MESSAGE_VERSION } from '../../src/embed/messages';
import { PersistedSlot } from '../../src/app/PersistedSlot';
import { parseProgressFile, progressFileText, PROGRESS_KEY, validateProgress, type Progress } from '../../src/app/progressStore';
import { defaultSettings, SETTINGS_FORMAT, SETTINGS_KEY, validateSettings } from '../../src/app/settings';
import { SESSION_STATE_FORMAT, sessionStorageKey, validateSessionState } from '../../src/app/sessionStore';
import { memoryStorage } from '../../src/app/storage';
import { parseUrlParams } from '../../src/app/urlParams';
import { CODE_ERROR_CODES, decodeResultCode } from '../../src/classroom/resultCode';
import { encodeSession, SESSION_ERROR_CODES, sessionFromFragment } from '../../src/classroom/session';
import { KC1_DICTIONARY } from '../../src/classroom/dictionary';
import { CAMPAIGN_LEVELS } from '../../src/levels/index';
import { decodeSuspendData, encodeSuspendData } from '../../src/lms/suspendData';
import { canonicalBuild } from '../../src/sim/canonicalBuild';
import { parseJsonText } from '../../src/sim/parseJson';
import { validateBuild } from '../../src/sim/validateBuild';
import { validateLevel } from '../../src/sim/validateLevel';
import { CONSTRAINT_RULES, MAX_MESSAGE_CHARS, VALIDATION_CODES } from '../../src/sim/validation';
import type { ValidationError } from '../../src/sim/types';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { codeOf, realisticRuns, scoreRun } from '../classroom/realisticRuns';

const SCALE = Math.max(1, Number(process.env.FUZZ_SCALE ?? 1) || 1);
const SEED = process.env.FUZZ_SEED !== undefined ? Number(process.env.FUZZ_SEED) : SCALE === 1 ? 15 : Date.now() % 2 ** 31;
/** Cases per parser at scale 1. */
const BASE_RUNS = 500;
const runs = Math.round(BASE_RUNS * SCALE);
const TIMEOUT = 60_000 * SCALE;

// ------------------------------------------------------------------------------------------ valid inputs

const levels = [CAMPAIGN_LEVELS[0], CAMPAIGN_LEVELS[11], CAMPAIGN_LEVELS[22]];
const levelTexts = levels.map((level) => JSON.stringify(level, null, 1));
const builds = levels.flatMap((level) => [canonicalBuild(level, level.allow[level.allow.length - 1]), ...(level.reference ? [{ ...level.reference, level: level.id }] : [])]);
const buildTexts = builds.map((build) => JSON.stringify(build));
const urlTexts = [
  '?locale=ko&level=first-delivery&mode=campaign&audio=muted&randomSeed=42&colorProfile=projector&reducedMotion=1&renderer=canvas',
  '?mode=sandbox&packets=1000&renderer=webgl&locale=en',
  '?mode=embed&chapter=2&parentOrigin=https%3A%2F%2Flms.example.org&locale=ko-KR',
];
const progress: Progress = {
  format: 'kernel-courier/progress@2',
  levels: { 'first-delivery': { stars: 3, bestScore: 97.5, attempts: 4 }, 'laptop-lab': { stars: 1, bestScore: 41 } },
  unlocked: ['first-delivery', 'laptop-lab', 'other-os-on-my-pc'],
};
const progressTexts = [JSON.stringify(progress), progressFileText(progress, { exportedAt: '2026-12-05T20:00:00.000Z', gameVersion: '0.1.0' })];
const settingsDefaults = defaultSettings({ prefersReducedMotion: false, browserLanguage: 'en' });
const settingsTexts = [JSON.stringify({ format: SETTINGS_FORMAT, ...settingsDefaults, language: 'ko', musicVolume: 0.3 })];
const SESSION_ID = '7K3M9QX2';
const sessionStateTexts = [
  JSON.stringify({
    format: SESSION_STATE_FORMAT,
    id: SESSION_ID,
    nick: '민지 🦊',
    codes: [{ level: 'first-delivery', attempt: 1, score: 88, stars: 2, code: 'KC1-abc-00000000' }],
    attempts: { 'first-delivery': 1 },
    predictions: { 'first-delivery': 'native', 'laptop-lab': null },
    startedAt: 1_764_900_000_000,
  }),
];
const levelIds = CAMPAIGN_LEVELS.map((level) => level.id);
const suspendTexts = [encodeSuspendData(progress, levelIds)];
const suspendJson = [JSON.stringify({ l: { 'first-delivery': [3, 97.5, 4], 'laptop-lab': [1, 41, 0] }, u: ['first-delivery'] })];
const session = { format: 'kernel-courier/session@1' as const, id: SESSION_ID, title: 'OS class 3-B', levels: ['first-delivery', 'hostile-neighbour'], locale: 'ko', seed: 1234, hints: true, predict: true, race: true, minutes: 40 };
const joinFragments = [`#join=${encodeSession(session)}`];
const realCodes = realisticRuns(2).map((run) => codeOf(scoreRun(run, 1234)));
const codeJson = realCodes.map((code) => inflateRawSync(Buffer.from(/^KC1-([A-Za-z0-9_-]+)-/.exec(code)![1], 'base64url'), { dictionary: Buffer.from(KC1_DICTIONARY) }).toString('utf8'));
const commands = [
  { target: MESSAGE_SOURCE, version: MESSAGE_VERSION, type: 'startLevel', id: 'c1', level: 'first-delivery' },
  { target: MESSAGE_SOURCE, version: MESSAGE_VERSION, type: 'setLocale', id: 2, locale: 'ko' },
  { target: MESSAGE_SOURCE, version: MESSAGE_VERSION, type: 'getProgress', id: 'p' },
];

// ------------------------------------------------------------------------------------------ mutations

const ODD_NUMBERS = ['1e308', '-1e308', '1e999', '-0', '9007199254740993', '0.1e-400', '123456789012345678901234567890', '1E+2', '-1', '0', '1000001', '3.5'];
const ODD_TEXT = [
  '\u0000', '\uD800', '\uDFFF', '\u202E', '\u200B', '\uFEFF', '\u2028', '𝕂𝕖𝕣𝕟𝕖𝕝', '🦊'.repeat(50), 'e\u0301\u0301\u0301', '커널 택배', '\\u0000', '<script>alert(1)</script>', '%00%ZZ', '\r\n',
];
const SPECIAL_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', ''];

const oddValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(null, true, false, 0, -0, -1, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, 0.1, '', [], {}, 'x'.repeat(100_000)),
  fc.constantFrom(...ODD_TEXT),
  fc.jsonValue({ maxDepth: 3 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.integer({ min: 1, max: 200 }).map((depth) => {
    let value: unknown = 1;
    for (let index = 0; index < depth; index += 1) value = index % 2 === 0 ? [value] : { a: value };
    return value;
  }),
);

/** Every path (as a key list) of a JSON value, up to `limit`. */
function pathsOf(value: unknown, prefix: Array<string | number> = [], out: Array<Array<string | number>> = [], limit = 400): Array<Array<string | number>> {
  if (out.length >= limit) return out;
  out.push(prefix);
  if (Array.isArray(value)) value.forEach((item, index) => pathsOf(item, [...prefix, index], out, limit));
  else if (value !== null && typeof value === 'object') for (const [key, item] of Object.entries(value)) pathsOf(item, [...prefix, key], out, limit);
  return out;
}

/** A copy of `value` with the value at `path` replaced, removed, or given a special key beside it. */
function structuralMutation(json: unknown, path: Array<string | number>, action: number, replacement: unknown, key: string): unknown {
  const copy = JSON.parse(JSON.stringify(json)) as unknown;
  if (path.length === 0) return action === 0 ? replacement : copy;
  let parent = copy as Record<string | number, unknown>;
  for (const step of path.slice(0, -1)) parent = parent[step] as Record<string | number, unknown>;
  const last = path[path.length - 1];
  if (action === 0) parent[last] = replacement;
  else if (action === 1) {
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else delete parent[last];
  } else if (!Array.isArray(parent)) {
    // An own property named like a prototype member, as JSON.parse would make it.
    Object.defineProperty(parent, key, { value: replacement, enumerable: true, configurable: true, writable: true });
  }
  return copy;
}

/** Text mutations of a valid text: each of the kinds issue 15 names. */
function mutatedText(valid: readonly string[]): fc.Arbitrary<string> {
  const base = fc.constantFrom(...valid);
  return fc.oneof(
    // Truncation.
    base.chain((text) => fc.nat({ max: text.length }).map((cut) => text.slice(0, cut))),
    // Bit flips (one to four characters).
    base.chain((text) =>
      fc.array(fc.tuple(fc.nat({ max: Math.max(0, text.length - 1) }), fc.nat({ max: 15 })), { minLength: 1, maxLength: 4 }).map((flips) => {
        const chars = [...text];
        for (const [index, bit] of flips) if (chars[index] !== undefined) chars[index] = String.fromCodePoint((chars[index].codePointAt(0)! ^ (1 << bit)) & 0xffff);
        return chars.join('');
      }),
    ),
    // Huge and odd numbers in place of a number.
    base.chain((text) => {
      const numbers = [...text.matchAll(/-?\d+(\.\d+)?([eE][+-]?\d+)?/g)];
      if (numbers.length === 0) return fc.constant(text);
      return fc.tuple(fc.nat({ max: numbers.length - 1 }), fc.constantFrom(...ODD_NUMBERS)).map(([which, odd]) => {
        const match = numbers[which];
        return text.slice(0, match.index) + odd + text.slice(match.index + match[0].length);
      });
    }),
    // Deep nesting, wrapped around the text or in place of a value.
    base.chain((text) =>
      fc.tuple(fc.integer({ min: 10, max: 1000 }), fc.boolean()).map(([depth, wrap]) =>
        wrap ? `${'['.repeat(depth)}${text}${']'.repeat(depth)}` : text.replace(/:(\s*)(\d+|"[^"]*")/, `:$1${'['.repeat(depth)}1${']'.repeat(depth)}`),
      ),
    ),
    // `__proto__`, `constructor` and the like as keys.
    base.chain((text) => fc.constantFrom(...SPECIAL_KEYS).map((key) => text.replace('{', `{"${key}":{"polluted":true,"format":1},`))),
    // Long strings.
    base.chain((text) => fc.integer({ min: 1000, max: 20_000 }).map((length) => text.replace(/"([^"]*)"/, `"${'A'.repeat(length)}"`))),
    // Unusual Unicode in a string or anywhere.
    base.chain((text) =>
      fc.tuple(fc.nat({ max: text.length }), fc.constantFrom(...ODD_TEXT), fc.boolean()).map(([at, odd, inString]) =>
        inString ? text.replace(/"([a-z-]+)"/, `"$1${odd}"`) : text.slice(0, at) + odd + text.slice(at),
      ),
    ),
    // A random value, a removal or a special key at a random place of the parsed structure.
    base.chain((text) => {
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        return fc.constant(text);
      }
      const paths = pathsOf(json);
      return fc
        .tuple(fc.constantFrom(...paths), fc.nat({ max: 2 }), oddValue, fc.constantFrom(...SPECIAL_KEYS))
        .map(([path, action, replacement, key]) => JSON.stringify(structuralMutation(json, path, action, replacement, key)) ?? 'null');
    }),
  );
}

/** Random text: printable, any Unicode, or random JSON. */
const randomText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.jsonValue({ maxDepth: 4 }).map((value) => JSON.stringify(value)),
);

function inputs(valid: readonly string[]): fc.Arbitrary<string> {
  return fc.oneof({ arbitrary: mutatedText(valid), weight: 4 }, { arbitrary: randomText, weight: 1 });
}

// ------------------------------------------------------------------------------------------ checks

const totals = new Map<string, { cases: number; accepted: number; rejected: number; ms: number }>();
let uncaught = 0;
const objectPrototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort().join(',');

function fuzz(name: string, arbitrary: fc.Arbitrary<unknown>, check: (input: never) => boolean): void {
  const entry = { cases: 0, accepted: 0, rejected: 0, ms: 0 };
  totals.set(name, entry);
  const started = performance.now();
  try {
    fc.assert(
      fc.property(arbitrary, (input) => {
        entry.cases += 1;
        let accepted: boolean;
        try {
          accepted = check(input as never);
        } catch (error) {
          uncaught += 1;
          throw new Error(`${name} threw on ${JSON.stringify(input)?.slice(0, 300)}: ${String(error)}`);
        }
        if (accepted) entry.accepted += 1;
        else entry.rejected += 1;
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      { numRuns: runs, seed: SEED },
    );
  } finally {
    entry.ms = performance.now() - started;
  }
  expect(Object.getOwnPropertyNames(Object.prototype).sort().join(',')).toBe(objectPrototypeKeys);
}

const KNOWN_CODES = new Set<string>(VALIDATION_CODES);
const KNOWN_RULES = new Set<string>(CONSTRAINT_RULES);

/** A validation error is clear: a known code (and rule), a path, a non-empty message of sane length. */
function expectClearErrors(errors: readonly ValidationError[]): void {
  expect(errors.length).toBeGreaterThan(0);
  for (const error of errors) {
    expect(KNOWN_CODES.has(error.code), error.code).toBe(true);
    if (error.code === 'constraint') expect(KNOWN_RULES.has(String(error.params?.rule)), String(error.params?.rule)).toBe(true);
    expect(typeof error.path).toBe('string');
    expect(error.message.length).toBeGreaterThan(0);
    expect(error.message.length).toBeLessThanOrEqual(MAX_MESSAGE_CHARS);
  }
}

function checkLevelText(text: string): boolean {
  const parsed = parseJsonText(text);
  if (!parsed.ok) {
    expectClearErrors(parsed.errors);
    return false;
  }
  const result = validateLevel(parsed.value);
  if (!result.ok) expectClearErrors(result.errors);
  return result.ok;
}

function checkBuildText(text: string, index: number): boolean {
  const parsed = parseJsonText(text);
  if (!parsed.ok) {
    expectClearErrors(parsed.errors);
    return false;
  }
  const result = validateBuild(parsed.value, levels[index % levels.length]);
  if (!result.ok) expectClearErrors(result.errors);
  const alone = validateBuild(parsed.value);
  if (!alone.ok) expectClearErrors(alone.errors);
  return result.ok;
}

function loadSlot(key: string, text: string, validate: (value: unknown) => { ok: boolean }): boolean {
  const storage = memoryStorage({ [key]: text });
  const outcome = new PersistedSlot(storage, key, validate as never).load();
  expect(['ok', 'blocked', 'full', 'corrupted']).toContain(outcome.status);
  // A stored value that does not validate is kept (in the backups), never overwritten.
  if (outcome.value === null) expect(storage.dump()[key]).toBe(text);
  return outcome.value !== null;
}

function deflateJoin(text: string): string {
  return deflateRawSync(Buffer.from(text, 'utf8')).toString('base64url');
}

describe(`every parser of outside input, fuzzed (seed ${SEED}, ${runs} cases each)`, () => {
  it('level files (parseJsonText + validateLevel)', () => fuzz('level files', inputs(levelTexts), checkLevelText), TIMEOUT);

  it('build files (with and without their level)', () => fuzz('build files', fc.tuple(inputs(buildTexts), fc.nat()), ([text, index]: [string, number]) => checkBuildText(text, index)), TIMEOUT);

  it('URL parameters', () =>
    fuzz('URL parameters', inputs(urlTexts), (search: string) => {
      const parsed = parseUrlParams(search);
      expect(typeof parsed.params.mode).toBe('string');
      for (const notice of parsed.notices) {
        expect(notice.key).toMatch(/^notice\./);
        // Whatever comes from the URL is shown short and safe.
        for (const value of Object.values(notice.params ?? {})) if (typeof value === 'string') expect([...value].length).toBeLessThanOrEqual(41 * 9);
      }
      return parsed.notices.length === 0;
    }), TIMEOUT);

  it('stored progress, and progress files', () =>
    fuzz('stored progress + files', inputs(progressTexts), (text: string) => {
      const stored = loadSlot(PROGRESS_KEY, text, (value) => validateProgress(value));
      const file = parseProgressFile(text, levelIds);
      if (!file.ok) expect(file.notice).toMatch(/^notice\.import/);
      return stored || file.ok;
    }), TIMEOUT);

  it('stored settings', () => fuzz('stored settings', inputs(settingsTexts), (text: string) => loadSlot(SETTINGS_KEY, text, (value) => validateSettings(value, settingsDefaults))), TIMEOUT);

  it('stored class-session state', () =>
    fuzz('stored session state', inputs(sessionStateTexts), (text: string) => loadSlot(sessionStorageKey(SESSION_ID), text, (value) => validateSessionState(value, SESSION_ID))), TIMEOUT);

  it('join links', () =>
    fuzz(
      'join links',
      fc.oneof(inputs(joinFragments), mutatedText([JSON.stringify(session)]).map((json) => `#join=${deflateJoin(json)}`)),
      (fragment: string) => {
        const result = sessionFromFragment(fragment);
        if (!result.ok) expect(SESSION_ERROR_CODES).toContain(result.error.code);
        return result.ok;
      },
    ), TIMEOUT);

  it('result codes', () =>
    fuzz(
      'result codes',
      fc.oneof(
        inputs(realCodes),
        mutatedText(codeJson).map((json) => {
          const bytes = deflateRawSync(Buffer.from(json, 'utf8'), { dictionary: Buffer.from(KC1_DICTIONARY) });
          return `KC1-${bytes.toString('base64url')}-${(Number(BigInt.asUintN(32, BigInt(crc32(bytes))))).toString(16).padStart(8, '0')}`;
        }),
      ),
      (code: string) => {
        const result = decodeResultCode(code);
        if (!result.ok) {
          expect(CODE_ERROR_CODES).toContain(result.error.code);
          expect(result.error.message.length).toBeGreaterThan(0);
        }
        return result.ok;
      },
    ), TIMEOUT);

  it('host-page messages', () => {
    const parent = {};
    const data = fc.oneof(
      mutatedText(commands.map((command) => JSON.stringify(command))).map((text) => {
        try {
          return JSON.parse(text) as unknown;
        } catch {
          return text;
        }
      }),
      oddValue,
      fc.constant(Object.create({ target: MESSAGE_SOURCE, version: MESSAGE_VERSION, type: 'pause', id: 1 }) as unknown),
      fc.constant(new Proxy({}, { get: () => { throw new Error('hostile getter'); } }) as unknown),
    );
    const event = fc.record({ data, origin: fc.constantFrom('https://lms.example.org', 'https://evil.example', 'null', ''), source: fc.constantFrom<unknown>(parent, null, undefined, {}) });
    fuzz('host-page messages', event, (incoming: { data: unknown; origin: string; source: unknown }) => {
      const accepted = acceptCommand(incoming, parent, 'https://lms.example.org');
      if (!accepted.ok) expect(['noParentOrigin', 'wrongWindow', 'wrongOrigin', 'notForUs', 'badShape']).toContain(accepted.why);
      else expect(['startLevel', 'setLocale', 'pause', 'resume', 'getProgress']).toContain(accepted.command.type);
      return accepted.ok;
    });
  }, TIMEOUT);

  it('LMS suspend data (and the progress it holds)', () =>
    fuzz(
      'LMS suspend data',
      fc.oneof(inputs(suspendTexts), mutatedText(suspendJson).map((json) => `kc1:${Buffer.from(deflateSync(strToU8(json))).toString('base64url')}`)),
      (text: string) => {
        const held = decodeSuspendData(text);
        if (held === null) return false;
        const file = parseProgressFile(held, levelIds);
        if (!file.ok) expect(file.notice).toMatch(/^notice\.import/);
        return file.ok;
      },
    ), TIMEOUT);
});

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit += 1) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

afterAll(() => {
  if (totals.size === 0) return;
  const rows = [...totals.entries()].map(
    ([name, entry]) =>
      `${name.padEnd(26)} ${String(entry.cases).padStart(8)} cases  ${String(entry.accepted).padStart(7)} accepted  ${String(entry.rejected).padStart(7)} rejected  ${Math.round(entry.cases / (entry.ms / 1000) || 0).toString().padStart(7)} cases/s`,
  );
  const cases = [...totals.values()].reduce((sum, entry) => sum + entry.cases, 0);
  const ms = [...totals.values()].reduce((sum, entry) => sum + entry.ms, 0);
  console.log(`Fuzzing (seed ${SEED}, scale ${SCALE}): ${uncaught} uncaught exceptions\n${rows.join('\n')}\n${'total'.padEnd(26)} ${String(cases).padStart(8)} cases in ${(ms / 1000).toFixed(1)} s = ${Math.round(cases / (ms / 1000))} cases/s`);
});
