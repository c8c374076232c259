// contracts.md §5b: a result code is at most 400 characters for the reference build of every built-in
// level with up to 10 commands. The commands are the kinds the play screen issues, over every app of the
// level in turn (tests/classroom/realisticRuns.ts); the nickname is a typical one (three Hangul syllables,
// 9 UTF-8 bytes, more than a typical Latin name) and the other fields as a session run has them (a session
// id, a prediction, a score with one decimal). The session's seed and the attempt change the score's digits
// and so the length by a few characters: several of each are tried, the largest seed a session may have
// included. The longest nickname (24 Hangul syllables) does not fit on every level: `npm run bench` prints
// that measurement, and docs/classroom.md reports it.
//
// mixed-fleet, the longest (nine nodes and four apps), was over the bound from kc-model-3 to the first
// kc-model-4 reference (397–415); its reference now shares one Windows VM among the tax system's instances
// (no container engine there: the same score) and its apps have short ids, and it fits like every other
// level. No level is exempt.
import { describe, expect, it } from 'vitest';
import { decodeResultCode } from '../../src/classroom/resultCode';
import { codeOf, realisticRuns, scoreRun, TYPICAL_NICK } from './realisticRuns';

const LIMIT = 400;
const SEEDS = [1, 1234, 2147483647];
const ATTEMPTS = [1, 3, 12];

describe('result code size', () => {
  for (const count of [0, 10]) {
    it(`every built-in level's reference build with ${count} commands fits in ${LIMIT} characters`, () => {
      const longest: Record<string, number> = {};
      for (const run of realisticRuns(count)) {
        expect(run.build.commands?.length ?? 0).toBe(count);
        for (const seed of SEEDS) {
          const scored = scoreRun(run, seed);
          for (const nick of [TYPICAL_NICK, 'Mina Park']) {
            for (const attempt of ATTEMPTS) {
              const code = codeOf(scored, nick, attempt);
              expect(decodeResultCode(code).ok).toBe(true);
              longest[run.level.id] = Math.max(longest[run.level.id] ?? 0, code.length);
            }
          }
        }
      }
      const over = Object.entries(longest).filter(([, length]) => length > LIMIT);
      expect(over, JSON.stringify(over)).toEqual([]);
      expect(Object.keys(longest).length).toBe(23);
    });
  }
});
