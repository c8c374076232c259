// contracts.md §5b: a result code is at most 400 characters for the reference build of every built-in
// level with up to 10 commands. The commands are the kinds the play screen issues, over every app of the
// level in turn (tests/classroom/realisticRuns.ts); the nickname is a typical one (three Hangul syllables,
// 9 UTF-8 bytes, more than a typical Latin name) and the other fields as a session run has them (a session
// id, the session's seed, a prediction, a score with one decimal). The longest nickname (24 Hangul
// syllables) does not fit on every level: `npm run bench` prints that measurement, and docs/classroom.md
// reports it.
import { describe, expect, it } from 'vitest';
import { decodeResultCode } from '../../src/classroom/resultCode';
import { codeOf, realisticRuns, scoreRun, TYPICAL_NICK } from './realisticRuns';

const LIMIT = 400;

describe('result code size', () => {
  for (const count of [0, 10]) {
    it(`every built-in level's reference build with ${count} commands fits in ${LIMIT} characters`, () => {
      const lengths: Record<string, number> = {};
      for (const run of realisticRuns(count)) {
        expect(run.build.commands?.length ?? 0).toBe(count);
        const scored = scoreRun(run, 1234);
        for (const nick of [TYPICAL_NICK, 'Mina Park']) {
          const code = codeOf(scored, nick, 12);
          expect(decodeResultCode(code).ok).toBe(true);
          lengths[`${run.level.id} ${nick}`] = code.length;
        }
      }
      const over = Object.entries(lengths).filter(([, length]) => length > LIMIT);
      expect(over, JSON.stringify(over)).toEqual([]);
      expect(Object.keys(lengths).length).toBe(2 * 23);
    });
  }
});
