// Result codes of real runs, as a student's screen would make them: the build is run by the engine on the
// session's seed and scored exactly as the game scores it (runBuild + withStars against the ranking), then
// encoded with makeResultCode. Used by the teacher's unit tests and the real-browser test until the
// students' screens (branch classui) make the codes in the browser.
import { decodeResultCode, encodeResultCode, makeResultCode } from '../../src/classroom/resultCode';
import { builtInLevel } from '../../src/levels/index';
import { rankLevel, runBuild, withStars } from '../../src/scoring/rankLevel';
import { canonicalBuild } from '../../src/sim/canonicalBuild';
import type { Architecture, Build } from '../../src/sim/types';
import { BUILD_FORMAT } from '../../src/sim/types';

export interface StudentRun {
  session: string;
  nick: string;
  level: string;
  seed: number;
  /** A canonical architecture, or 'reference' for the level's reference build. */
  build: Architecture | 'reference';
  attempt?: number;
  prediction?: Architecture | null;
}

export interface MadeCode {
  code: string;
  score: number;
  stars: number;
  arch: string;
}

export function studentCode(run: StudentRun): MadeCode {
  const level = builtInLevel(run.level);
  if (level === undefined) throw new Error(`no level ${run.level}`);
  const build: Build =
    run.build === 'reference' && level.reference !== undefined
      ? { ...level.reference, format: BUILD_FORMAT, level: level.id }
      : canonicalBuild(level, (run.build === 'reference' ? level.expected ?? level.allow[0] : run.build) as Architecture);
  const result = withStars(level, runBuild(level, build, run.seed), rankLevel(level, run.seed));
  const code = makeResultCode({
    session: run.session,
    nick: run.nick,
    level,
    seed: run.seed,
    attempt: run.attempt ?? 1,
    prediction: run.prediction ?? null,
    build,
    score: result.score.total,
    stars: result.score.stars,
  });
  return { code, score: Math.round(result.score.total * 10) / 10, stars: result.score.stars, arch: result.arch };
}

/** The same code's JSON re-encoded with another claimed score (10 points higher, or lower when that would
 * pass 100): an edited code, `mismatch`. */
export function editedCode(code: string): string {
  const read = decodeResultCode(code);
  if (!read.ok) throw new Error(read.error.message);
  const score = read.value.score;
  return encodeResultCode({ ...read.value, score: Math.round((score > 90 ? score - 10 : score + 10) * 10) / 10 });
}
