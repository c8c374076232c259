// Result codes (contracts.md §5b): the format to the byte, checked against Node's zlib in both directions,
// round trips for every built-in level, and the short node ids that change no result.
import { createHash } from 'node:crypto';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { crc32Hex, encodeBase64url } from '../../src/classroom/bytes';
import { KC1_DICTIONARY, KC1_DICTIONARY_TEXT } from '../../src/classroom/dictionary';
import { levelHash } from '../../src/classroom/levelHash';
import { CODE_KEYS, codeBuild, decodeResultCode, encodeResultCode, findCodes, fullBuild, makeResultCode, readCodeJson, type ResultCodeData } from '../../src/classroom/resultCode';
import { builtInLevel } from '../../src/levels/index';
import { runBuild } from '../../src/scoring/rankLevel';
import { MODEL_VERSION } from '../../src/sim/costs';
import { codeOf, realisticRuns, scoreRun, TYPICAL_NICK } from './realisticRuns';

/** The parts of a code, split as the contract writes it. */
function parts(code: string): { body: string; crc: string; compressed: Buffer } {
  const match = /^KC1-([A-Za-z0-9_-]+)-([0-9a-f]{8})$/.exec(code);
  if (match === null) throw new Error(`not a code: ${code}`);
  return { body: match[1], crc: match[2], compressed: Buffer.from(match[1], 'base64url') };
}

/** A code made with Node's zlib alone (another tool's code): deflate-raw with the dictionary, CRC of the compressed bytes. */
function zlibCode(json: string): string {
  const compressed = zlib.deflateRawSync(Buffer.from(json, 'utf8'), { dictionary: Buffer.from(KC1_DICTIONARY_TEXT, 'utf8') });
  return `KC1-${compressed.toString('base64url')}-${zlib.crc32(compressed).toString(16).padStart(8, '0')}`;
}

function sample(overrides: Partial<ResultCodeData> = {}): ResultCodeData {
  const level = builtInLevel('hostile-neighbour')!;
  return {
    v: 1,
    session: '7K3M9QX2',
    nick: 'mina',
    level: level.id,
    levelHash: levelHash(level),
    model: MODEL_VERSION,
    seed: 1234,
    attempt: 2,
    prediction: 'type1-para',
    build: codeBuild(level.reference!),
    score: 67.9,
    stars: 2,
    ...overrides,
  };
}

describe('the KC1 dictionary', () => {
  it('is the contract\'s line, byte for byte (SHA-256 pinned)', () => {
    expect(KC1_DICTIONARY.length).toBe(674);
    expect(createHash('sha256').update(KC1_DICTIONARY).digest('hex')).toBe('6da666e207017415a3151b5b1567315f9be9ec19d94049f2678b6610bf4805e6');
    expect(Buffer.from(KC1_DICTIONARY).toString('utf8')).toBe(KC1_DICTIONARY_TEXT);
    expect(KC1_DICTIONARY_TEXT).not.toMatch(/\s/);
  });
});

describe('code format', () => {
  it('is KC1-, base64url without padding of deflate-raw bytes, -, CRC-32 of those bytes', () => {
    const code = encodeResultCode(sample());
    const { body, crc, compressed } = parts(code);
    expect(body).not.toMatch(/[=+/]/);
    expect(compressed.toString('base64url')).toBe(body);
    expect(crc).toBe(zlib.crc32(compressed).toString(16).padStart(8, '0'));
    // Node's zlib reads it with the dictionary, and not without it.
    const json = zlib.inflateRawSync(compressed, { dictionary: Buffer.from(KC1_DICTIONARY) }).toString('utf8');
    expect(JSON.parse(json)).toEqual(JSON.parse(JSON.stringify(sample())));
    expect(() => zlib.inflateRawSync(compressed).toString('utf8')).toThrow();
  });

  it('writes the fields in the contract\'s order', () => {
    const { compressed } = parts(encodeResultCode(sample()));
    const json = JSON.parse(zlib.inflateRawSync(compressed, { dictionary: Buffer.from(KC1_DICTIONARY) }).toString('utf8')) as object;
    expect(Object.keys(json)).toEqual([...CODE_KEYS]);
    expect(CODE_KEYS).toEqual(['v', 'session', 'nick', 'level', 'levelHash', 'model', 'seed', 'attempt', 'prediction', 'build', 'score', 'stars']);
  });

  it('reads codes made by Node\'s zlib (another tool), whatever their key order or spacing', () => {
    const data = sample({ nick: '미나 😀', prediction: null, session: '' });
    const decoded = decodeResultCode(zlibCode(JSON.stringify(data)));
    expect(decoded).toEqual({ ok: true, value: data });
    const { stars, score, ...rest } = data;
    const reordered = { stars, score, ...rest };
    expect(decodeResultCode(zlibCode(JSON.stringify(reordered, null, 2)))).toMatchObject({ ok: true, value: { nick: '미나 😀', score: 67.9 } });
  });

  it('reports what is wrong with a code, never throwing', () => {
    const code = encodeResultCode(sample());
    const cases: [unknown, string][] = [
      [42, 'not-a-code'],
      ['KC2-abc-00000000', 'not-a-code'],
      [code.slice(0, -3), 'truncated'],
      [code.slice(0, 20), 'truncated'],
      [`${code.slice(0, 10)}!${code.slice(11)}`, 'not-base64'],
      [code.replace(/-([0-9a-f]{8})$/, (_, crc: string) => `-${crc === '00000000' ? '00000001' : '00000000'}`), 'bad-crc'],
      [zlibCode('{"v":1'), 'not-json'],
      [zlibCode('[]'), 'bad-field'],
      [zlibCode(JSON.stringify({ ...sample(), extra: 1 })), 'bad-field'],
      [zlibCode(JSON.stringify({ ...sample(), nick: 'x'.repeat(25) })), 'bad-field'],
      [zlibCode(JSON.stringify({ ...sample(), build: { ...sample().build, format: 'kernel-courier/build@1' } })), 'bad-field'],
      [zlibCode(JSON.stringify({ ...sample(), score: 101 })), 'bad-field'],
      [`KC1-${encodeBase64url(Uint8Array.of(255, 255, 255))}-${crc32Hex(Uint8Array.of(255, 255, 255))}`, 'not-deflate'],
      [`KC1-${'A'.repeat(9000)}-00000000`, 'too-long'],
    ];
    for (const [input, expected] of cases) {
      const decoded = decodeResultCode(input);
      expect(decoded.ok, String(input).slice(0, 40)).toBe(false);
      if (!decoded.ok) expect(decoded.error.code, String(input).slice(0, 40)).toBe(expected);
    }
    const badField = decodeResultCode(zlibCode(JSON.stringify({ ...sample(), stars: 4 })));
    expect(badField).toMatchObject({ ok: false, error: { code: 'bad-field', path: 'stars' } });
  });

  it('finds codes among other text, one per line or inside sentences', () => {
    const first = encodeResultCode(sample());
    const second = encodeResultCode(sample({ nick: 'jun' }));
    expect(findCodes(`mina: ${first}\n\n  ${second}.\nno code here KC1`)).toEqual([first, second]);
  });
});

describe('every built-in level', () => {
  const runs = realisticRuns(10).map((run) => scoreRun(run, 1234));

  it('round-trips its reference build with 10 commands, and zlib reads the code', () => {
    for (const run of runs) {
      const code = codeOf(run);
      const decoded = decodeResultCode(code);
      expect(decoded.ok, run.level.id).toBe(true);
      if (!decoded.ok) continue;
      expect(decoded.value).toMatchObject({ v: 1, session: '7K3M9QX2', nick: TYPICAL_NICK, level: run.level.id, levelHash: levelHash(run.level), model: MODEL_VERSION, seed: 1234, attempt: 3, score: run.score, stars: run.stars });
      expect(decoded.value.build).toEqual(codeBuild(run.build));
      const viaZlib = JSON.parse(zlib.inflateRawSync(parts(code).compressed, { dictionary: Buffer.from(KC1_DICTIONARY) }).toString('utf8')) as unknown;
      expect(viaZlib).toEqual(decoded.value);
      // Encoding what was read gives the same code: one text per result.
      expect(encodeResultCode(decoded.value)).toBe(code);
    }
  });

  it('short node ids change no result: the code\'s build replays exactly as the build played', () => {
    for (const run of runs) {
      const played = runBuild(run.level, run.build, 1234);
      const carried = runBuild(run.level, fullBuild({ build: codeBuild(run.build), level: run.level.id }), 1234);
      expect(carried.score, run.level.id).toEqual(played.score);
      expect(carried.traceHash, run.level.id).toBe(played.traceHash);
      expect(carried.metrics, run.level.id).toEqual(played.metrics);
    }
  });

  it('a build naming a node it does not have keeps its ids (renaming could make a wrong reference right)', () => {
    const build = { nodes: [{ id: 'host', piece: 'host-os' as const, on: 'hardware', kernel: 'linux' as const }], placements: [{ app: 'shop', on: 'nowhere' }] };
    expect(codeBuild(build).nodes[0].id).toBe('host');
  });

  it('a score is carried with the one decimal the screen shows', () => {
    const level = builtInLevel('first-delivery')!;
    const code = makeResultCode({ session: '', nick: '', level, seed: 1, attempt: 1, prediction: null, build: level.reference!, score: 86.94999, stars: 2 });
    expect(readCodeJson(code)).toMatchObject({ ok: true, value: { score: 86.9, session: '', nick: '', prediction: null } });
  });
});
