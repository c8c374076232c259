// Fuzzing the readers of outside input: result codes (decodeResultCode, CodeVerifier.verify, verifyText)
// and join links (decodeSession, sessionFromFragment). Random text, random bytes behind a correct CRC,
// random JSON behind correct compression, and mutations of real codes and links; every call must return
// a typed answer (a status or error code from the published lists), never throw. In `npm test`: 10,500
// codes and 6,000 links (a few seconds); `npm run fuzz` runs FUZZ_SCALE (default there 20) times as many.
import zlib from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KC1_DICTIONARY } from '../../src/classroom/dictionary';
import { CODE_ERROR_CODES, decodeResultCode } from '../../src/classroom/resultCode';
import { decodeSession, encodeSession, SESSION_ERROR_CODES, sessionFromFragment, type Session } from '../../src/classroom/session';
import { CodeVerifier, VERIFY_STATUSES, verifyText } from '../../src/classroom/verify';
import { codeOf, realisticRuns, scoreRun, WORST_NICK } from './realisticRuns';

const SCALE = Math.max(1, Number(process.env.FUZZ_SCALE ?? 1) || 1);
const runs = (count: number) => Math.round(count * SCALE);
/** A minute per test at scale 1 (the project's limit), more for a bigger run. */
const TIMEOUT = 60_000 * SCALE;
const dictionary = Buffer.from(KC1_DICTIONARY);

const samples = realisticRuns(10).map((run) => scoreRun(run, 1234));
const realCodes = samples.flatMap((run, index) => [codeOf(run), ...(index % 4 === 0 ? [codeOf(run, WORST_NICK, 1)] : [])]);
const realJson = realCodes.slice(0, 6).map((code) => {
  const body = /^KC1-([A-Za-z0-9_-]+)-/.exec(code)![1];
  return JSON.parse(zlib.inflateRawSync(Buffer.from(body, 'base64url'), { dictionary }).toString('utf8')) as Record<string, unknown>;
});
const sessions: Session[] = [
  { format: 'kernel-courier/session@1', id: '7K3M9QX2', title: 'OS class 3-B, week 9', levels: ['first-delivery', 'hostile-neighbour'], locale: 'ko', seed: 1234, hints: true, predict: true, race: true, minutes: 40 },
  { format: 'kernel-courier/session@1', id: 'ABCDEFGH', levels: realisticRuns(0).map((run) => run.level.id) },
];
const realLinks = sessions.map(encodeSession);

const verifier = new CodeVerifier();
let calls = 0;

function crcHex(bytes: Uint8Array): string {
  return zlib.crc32(bytes).toString(16).padStart(8, '0');
}

function codeOfBytes(bytes: Uint8Array): string {
  return `KC1-${Buffer.from(bytes).toString('base64url')}-${crcHex(bytes)}`;
}

function codeOfJson(text: string): string {
  return codeOfBytes(zlib.deflateRawSync(Buffer.from(text, 'utf8'), { dictionary }));
}

/** Every reader of codes on one input: typed answers only. */
function checkCode(input: unknown): void {
  calls += 1;
  const decoded = decodeResultCode(input);
  if (!decoded.ok) {
    expect(CODE_ERROR_CODES).toContain(decoded.error.code);
    expect(typeof decoded.error.message).toBe('string');
  }
  const verified = verifier.verify(input);
  expect(VERIFY_STATUSES).toContain(verified.status);
  if (verified.status !== 'verified') expect(verified.reason?.message).toEqual(expect.any(String));
  // A code the decoder refuses is never verified.
  if (!decoded.ok) expect(verified.status).toBe('unreadable');
  if (typeof input === 'string') for (const result of verifyText(`line ${input} end\n${input}`, verifier)) expect(VERIFY_STATUSES).toContain(result.status);
}

function checkLink(input: unknown): void {
  calls += 1;
  for (const result of [decodeSession(input), sessionFromFragment(`#join=${String(input)}`)]) {
    if (!result.ok) {
      expect(SESSION_ERROR_CODES).toContain(result.error.code);
      expect(typeof result.error.message).toBe('string');
    }
  }
}

/** One edit of a text: replace, insert or delete a character, swap two, cut, or repeat a piece. */
const mutation = (alphabet: string) =>
  fc.tuple(fc.nat(), fc.nat(), fc.constantFrom(...alphabet.split('')), fc.integer({ min: 0, max: 5 })).map(([at, other, character, kind]) => (text: string): string => {
    const index = text.length === 0 ? 0 : at % text.length;
    const second = text.length === 0 ? 0 : other % text.length;
    switch (kind) {
      case 0:
        return text.slice(0, index) + character + text.slice(index + 1);
      case 1:
        return text.slice(0, index) + character + text.slice(index);
      case 2:
        return text.slice(0, index) + text.slice(index + 1);
      case 3: {
        const chars = text.split('');
        [chars[index], chars[second]] = [chars[second], chars[index]];
        return chars.join('');
      }
      case 4:
        return text.slice(0, index);
      default:
        return text.slice(0, index) + text.slice(Math.min(index, second), Math.max(index, second)) + text.slice(index);
    }
  });

const CODE_CHARACTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_=+/ .é가\u0000\n';

describe('fuzzing result codes (0 exceptions, every failure typed)', () => {
  it('random text, with and without the KC1- prefix', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 120 }), fc.string({ unit: 'binary', maxLength: 120 }), fc.string({ unit: fc.constantFrom(...CODE_CHARACTERS.split('')), maxLength: 200 })), fc.boolean(), (text, prefixed) => {
        checkCode(prefixed ? `KC1-${text}` : text);
      }),
      { numRuns: runs(2500) },
    );
  }, TIMEOUT);

  it('random bytes behind a correct CRC (the inflater and the JSON reader)', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => checkCode(codeOfBytes(bytes))), { numRuns: runs(2500) });
  }, TIMEOUT);

  it('random JSON behind correct compression and CRC (the field checks)', () => {
    const nearCode = fc.record(
      { v: fc.constantFrom(1, 2, '1'), session: fc.oneof(fc.constant('7K3M9QX2'), fc.string()), nick: fc.string({ maxLength: 30 }), level: fc.oneof(fc.constantFrom(...samples.map((run) => run.level.id)), fc.string()), levelHash: fc.string(), model: fc.string(), seed: fc.oneof(fc.integer(), fc.double()), attempt: fc.integer(), prediction: fc.jsonValue(), build: fc.jsonValue({ maxDepth: 4 }), score: fc.oneof(fc.double(), fc.jsonValue()), stars: fc.integer({ min: -1, max: 4 }) },
      { requiredKeys: [] },
    );
    fc.assert(fc.property(fc.oneof(fc.jsonValue({ maxDepth: 5 }), nearCode), (value) => checkCode(codeOfJson(JSON.stringify(value) ?? 'null'))), { numRuns: runs(2000) });
  }, TIMEOUT);

  it('mutations of real codes (one to three edits)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...realCodes), fc.array(mutation(CODE_CHARACTERS), { minLength: 1, maxLength: 3 }), (code, edits) => {
        checkCode(edits.reduce((text, edit) => edit(text), code));
      }),
      { numRuns: runs(3000) },
    );
  }, TIMEOUT);

  it('real codes with one field replaced by any JSON, re-encoded correctly (these replay)', () => {
    const keys = Object.keys(realJson[0]);
    fc.assert(
      fc.property(fc.constantFrom(...realJson), fc.constantFrom(...keys), fc.jsonValue({ maxDepth: 3 }), (json, key, value) => {
        checkCode(codeOfJson(JSON.stringify({ ...json, [key]: value })));
      }),
      { numRuns: runs(500) },
    );
  }, TIMEOUT);
});

describe('fuzzing join links (0 exceptions, every failure typed)', () => {
  it('random text and random compressed bytes', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 200 }), fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes).toString('base64url')), fc.jsonValue({ maxDepth: 4 }).map((value) => zlib.deflateRawSync(Buffer.from(JSON.stringify(value) ?? 'null')).toString('base64url'))), (text) => checkLink(text)),
      { numRuns: runs(3000) },
    );
  }, TIMEOUT);

  it('mutations of real join links', () => {
    fc.assert(
      fc.property(fc.constantFrom(...realLinks), fc.array(mutation('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_=%&#'), { minLength: 1, maxLength: 3 }), (link, edits) => {
        checkLink(edits.reduce((text, edit) => edit(text), link));
      }),
      { numRuns: runs(3000) },
    );
  }, TIMEOUT);

  it('ran every case', () => {
    // 10,500 codes and 6,000 links at scale 1 (each through every reader above).
    expect(calls).toBeGreaterThanOrEqual(runs(16500));
  });
});
