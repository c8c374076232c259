// Verification by replay (contracts.md §5b): every outcome, made the way a cheat or an accident would make
// it — a changed character, a truncated code, a re-encoded JSON with a higher score (Node's zlib, not our
// encoder), a code of an older model or of another version of the level, a level this game does not know.
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { KC1_DICTIONARY } from '../../src/classroom/dictionary';
import { CodeVerifier, verifyCode, verifyText, VERIFY_STATUSES } from '../../src/classroom/verify';
import { builtInLevel } from '../../src/levels/index';
import type { Level } from '../../src/sim/types';
import { codeOf, realisticRuns, scoreRun, TYPICAL_NICK } from './realisticRuns';

const dictionary = Buffer.from(KC1_DICTIONARY);

function jsonOf(code: string): Record<string, unknown> {
  const body = /^KC1-([A-Za-z0-9_-]+)-[0-9a-f]{8}$/.exec(code)![1];
  return JSON.parse(zlib.inflateRawSync(Buffer.from(body, 'base64url'), { dictionary }).toString('utf8')) as Record<string, unknown>;
}

/** Re-encodes edited JSON with Node's zlib and a correct CRC: what someone who read the format would do. */
function reencode(json: unknown): string {
  const compressed = zlib.deflateRawSync(Buffer.from(JSON.stringify(json), 'utf8'), { dictionary });
  return `KC1-${compressed.toString('base64url')}-${zlib.crc32(compressed).toString(16).padStart(8, '0')}`;
}

const runs = realisticRuns(10).map((run) => scoreRun(run, 1234));
const verifier = new CodeVerifier();

describe('verified', () => {
  it('every built-in level\'s reference build with 10 commands verifies, with the contract\'s fields in order', () => {
    for (const run of runs) {
      const code = codeOf(run);
      const result = verifier.verify(code);
      expect(result.status, `${run.level.id}: ${result.reason?.message}`).toBe('verified');
      expect(Object.keys(result).slice(0, 10)).toEqual(['code', 'status', 'nick', 'session', 'level', 'arch', 'prediction', 'claimed', 'replayed', 'stars']);
      expect(result).toMatchObject({ code, nick: TYPICAL_NICK, session: '7K3M9QX2', level: run.level.id, claimed: run.score, replayed: run.score, stars: run.stars, seed: 1234 });
      expect(result.reason).toBeUndefined();
    }
  });

  it('a claim within 0.05 of the replay verifies; one outside does not', () => {
    const run = runs.find((entry) => entry.score > 1 && entry.score < 99)!;
    const json = jsonOf(codeOf(run));
    expect(verifier.verify(reencode({ ...json, score: Math.round((run.score + 0.05) * 100) / 100 })).status).toBe('verified');
    expect(verifier.verify(reencode({ ...json, score: Math.round((run.score - 0.04) * 100) / 100 })).status).toBe('verified');
    expect(verifier.verify(reencode({ ...json, score: Math.round((run.score + 0.1) * 100) / 100 })).status).toBe('mismatch');
  });
});

describe('mismatch', () => {
  it('the same JSON re-encoded with a higher score', () => {
    for (const run of runs.filter((entry) => entry.score <= 90).slice(0, 6)) {
      const json = jsonOf(codeOf(run));
      const result = verifier.verify(reencode({ ...json, score: run.score + 10 }));
      expect(result.status, run.level.id).toBe('mismatch');
      expect(result).toMatchObject({ claimed: run.score + 10, replayed: run.score, stars: run.stars, reason: { code: 'score' } });
    }
  });

  it('more stars claimed, or a build edited to one that earns less', () => {
    const run = runs.find((entry) => entry.stars < 3)!;
    const json = jsonOf(codeOf(run));
    expect(verifier.verify(reencode({ ...json, stars: run.stars + 1 }))).toMatchObject({ status: 'mismatch', reason: { code: 'stars' } });
    // The claim kept, the build edited into one that breaks a rule (a Windows VM for a Linux app): the
    // replay scores it 0, infeasible.
    const honest = runs.find((entry) => entry.level.id === 'hostile-neighbour')!;
    const original = jsonOf(codeOf(honest));
    const build = original.build as { placements: { app: string; on: string; vm?: object }[] };
    const placements = build.placements.map((placement, index) => (index === 0 ? { ...placement, vm: { kernel: 'windows', driver: 'para' } } : placement));
    const result = verifier.verify(reencode({ ...original, build: { ...build, placements } }));
    expect(honest.score).toBeGreaterThan(0);
    expect(result).toMatchObject({ status: 'mismatch', claimed: honest.score, replayed: 0, stars: 0, reason: { code: 'score-and-stars' } });
  });
});

describe('other-version', () => {
  it('a code from an older model version', () => {
    const json = jsonOf(codeOf(runs[0]));
    const result = verifier.verify(reencode({ ...json, model: 'kc-model-1' }));
    expect(result).toMatchObject({ status: 'other-version', model: 'kc-model-1', replayed: null, reason: { code: 'model' } });
  });

  it('a code made on another version of the level (its hash differs)', () => {
    const json = jsonOf(codeOf(runs[0]));
    const result = verifier.verify(reencode({ ...json, levelHash: '00000000' }));
    expect(result).toMatchObject({ status: 'other-version', reason: { code: 'level-hash' } });
    // The same code against an edited copy of the level: another version, even though the id matches.
    const edited: Level = { ...runs[0].level, durationSeconds: runs[0].level.durationSeconds + 1 };
    const other = new CodeVerifier((id) => (id === edited.id ? edited : builtInLevel(id)));
    expect(other.verify(codeOf(runs[0])).status).toBe('other-version');
  });

  it('a verifier running another model says other-version for today\'s codes', () => {
    expect(new CodeVerifier(undefined, 'kc-model-99').verify(codeOf(runs[0])).status).toBe('other-version');
  });
});

describe('unreadable', () => {
  const code = codeOf(runs[5]);

  it('changing any one character, anywhere, makes the code unreadable', () => {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    for (let index = 0; index < code.length; index += 1) {
      const replacement = alphabet[(alphabet.indexOf(code[index]) + 1 + (index % 7)) % alphabet.length];
      const changed = code.slice(0, index) + replacement + code.slice(index + 1);
      if (changed === code) continue;
      const result = verifier.verify(changed);
      expect(result.status, `position ${index}`).toBe('unreadable');
      expect(result.reason?.code).toBeDefined();
    }
  });

  it('a truncated code, at every length', () => {
    for (let length = 0; length < code.length; length += 1) {
      expect(verifier.verify(code.slice(0, length)).status, `length ${length}`).toBe('unreadable');
    }
  });

  it('non-text and empty input', () => {
    for (const input of [undefined, null, 7, {}, '', '   ']) expect(verifyCode(input).status).toBe('unreadable');
  });

  it('a build that does not fit its level (an app it does not have) is unreadable, naming the field', () => {
    const json = jsonOf(code);
    const build = json.build as { placements: { app: string }[] };
    const result = verifier.verify(reencode({ ...json, build: { ...build, placements: [...build.placements, { app: 'ghost', on: '0' }] } }));
    expect(result.status).toBe('unreadable');
    expect(result.reason).toMatchObject({ code: 'bad-field' });
    expect(result.reason?.path).toMatch(/^build\./);
  });
});

describe('unknown-level', () => {
  it('a level id this version does not know', () => {
    const json = jsonOf(codeOf(runs[0]));
    const result = verifier.verify(reencode({ ...json, level: 'level-from-the-future' }));
    expect(result).toMatchObject({ status: 'unknown-level', level: 'level-from-the-future', nick: TYPICAL_NICK, reason: { code: 'level' } });
  });
});

describe('verifyText', () => {
  it('verifies every code in a text, in order, one status each', () => {
    const good = codeOf(runs[0]);
    const results = verifyText(`class 3-B\n\nmina ${good}\n${good.slice(0, -1)}x\n`, verifier);
    expect(results.map((result) => result.status)).toEqual(['verified', 'unreadable']);
    for (const result of results) expect(VERIFY_STATUSES).toContain(result.status);
  });
});
