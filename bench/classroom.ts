// Classroom benchmark: how long the teacher's page (or `sim --verify`) takes to verify 30 codes of the
// heaviest built-in level, on one thread, from cold (a fresh verifier: the level's ranking on the session's
// seed is computed once, then each code's build is replayed); and how long result codes are, for every
// built-in level's reference build with 10 commands — with a typical nickname and with the longest one
// (24 Hangul syllables), which the 400-character bound of contracts.md §5b does not always fit. Measures
// and reports; asserts nothing (tests/classroom/codeSize.test.ts asserts the bound).
import { performance } from 'node:perf_hooks';
import { CodeVerifier } from '../src/classroom/verify';
import { clearBaselineCache } from '../src/scoring/rankLevel';
import { codeOf, realisticCommands, realisticRuns, scoreRun, TYPICAL_NICK, WORST_NICK, type ScoredRun } from '../tests/classroom/realisticRuns';
import { median } from './engine';

const SEED = 1234;
const CLASS_SIZE = 30;
const NICKS = ['mina', '김민지', 'Jun', '박서연', 'Alex K.', '이도윤', 'Sam', '최하은', 'Noor', '정우진'];

export interface ClassroomBenchResult {
  heaviestLevel: string;
  verify30: { medianMs: number; minMs: number; maxMs: number; runs: number; perCodeMedianMs: number; allVerified: boolean };
  /** Cold verification of one code per level (ranking included), the figure that picks the heaviest. */
  verifyOneMs: { level: string; ms: number }[];
  codeLength: {
    typical: { nick: string; max: number; maxLevel: string; over400: number };
    worst: { nick: string; max: number; maxLevel: string; over400: number; levelsOver400: string[] };
    perLevel: { level: string; typical: number; worst: number }[];
  };
  encodeMsMedian: number;
  goals: { verify30Ms: number; codeLength: number };
}

/** 30 students' codes of one level: the reference build with 0–10 commands, different nicknames and attempts. */
function classCodes(run: ScoredRun): string[] {
  return Array.from({ length: CLASS_SIZE }, (_, student) => {
    const count = student % 11;
    const build = count === 0 ? { ...run.build, commands: undefined } : { ...run.build, commands: realisticCommands(run.level, run.build, count) };
    const scored = scoreRun({ level: run.level, build }, SEED);
    return codeOf(scored, `${NICKS[student % NICKS.length]}${student >= NICKS.length ? ` ${Math.floor(student / NICKS.length) + 1}` : ''}`, 1 + (student % 4));
  });
}

export function runClassroomBench(repeats = 7): ClassroomBenchResult {
  const runs = realisticRuns(10).map((run) => scoreRun(run, SEED));
  // Warm up the engine and the encoder once, so the first level measured is not charged for it.
  new CodeVerifier().verify(codeOf(runs[0]));

  const verifyOneMs = runs.map((run) => {
    const code = codeOf(run);
    const times: number[] = [];
    for (let repeat = 0; repeat < 3; repeat += 1) {
      clearBaselineCache();
      const started = performance.now();
      new CodeVerifier().verify(code);
      times.push(performance.now() - started);
    }
    return { level: run.level.id, ms: Math.round(median(times) * 10) / 10 };
  });
  const heaviest = verifyOneMs.reduce((worst, entry) => (entry.ms > worst.ms ? entry : worst));
  const heavyRun = runs.find((run) => run.level.id === heaviest.level)!;
  const codes = classCodes(heavyRun);

  const times: number[] = [];
  let allVerified = true;
  for (let repeat = 0; repeat < repeats; repeat += 1) {
    clearBaselineCache();
    const started = performance.now();
    const results = new CodeVerifier().verifyAll(codes);
    times.push(performance.now() - started);
    allVerified &&= results.every((result) => result.status === 'verified');
  }

  const encodeTimes: number[] = [];
  const perLevel = runs.map((run) => {
    const started = performance.now();
    const typical = codeOf(run, TYPICAL_NICK).length;
    encodeTimes.push(performance.now() - started);
    return { level: run.level.id, typical, worst: codeOf(run, WORST_NICK).length };
  });
  const summary = (key: 'typical' | 'worst') => {
    const top = perLevel.reduce((best, entry) => (entry[key] > best[key] ? entry : best));
    const over = perLevel.filter((entry) => entry[key] > 400);
    return { max: top[key], maxLevel: top.level, over400: over.length, levelsOver400: over.map((entry) => entry.level) };
  };
  const typical = summary('typical');
  const worst = summary('worst');
  const round = (value: number) => Math.round(value * 10) / 10;
  return {
    heaviestLevel: heaviest.level,
    verify30: { medianMs: round(median(times)), minMs: round(Math.min(...times)), maxMs: round(Math.max(...times)), runs: repeats, perCodeMedianMs: round(median(times) / CLASS_SIZE), allVerified },
    verifyOneMs,
    codeLength: {
      typical: { nick: TYPICAL_NICK, max: typical.max, maxLevel: typical.maxLevel, over400: typical.over400 },
      worst: { nick: WORST_NICK, ...worst },
      perLevel,
    },
    encodeMsMedian: round(median(encodeTimes)),
    goals: { verify30Ms: 1000, codeLength: 400 },
  };
}

export function classroomTable(result: ClassroomBenchResult): string {
  const { verify30, codeLength } = result;
  return [
    `Verify ${CLASS_SIZE} result codes of the heaviest built-in level (${result.heaviestLevel}; reference build with 0-10 commands), one thread, cold verifier, ${verify30.runs} runs:`,
    `  median ${verify30.medianMs} ms (min ${verify30.minMs}, max ${verify30.maxMs}; ${verify30.perCodeMedianMs} ms a code), all verified: ${verify30.allVerified} (goal < ${result.goals.verify30Ms} ms)`,
    `Result code length, reference build + 10 commands, every built-in level (goal <= ${result.goals.codeLength}):`,
    `  nick "${codeLength.typical.nick}": longest ${codeLength.typical.max} (${codeLength.typical.maxLevel}), levels over 400: ${codeLength.typical.over400}`,
    `  nick of 24 Hangul syllables: longest ${codeLength.worst.max} (${codeLength.worst.maxLevel}), levels over 400: ${codeLength.worst.over400} of ${codeLength.perLevel.length}`,
    `Making one code (optimal DEFLATE): median ${result.encodeMsMedian} ms`,
  ].join('\n');
}
