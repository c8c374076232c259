// Every lesson holds on every seed (issue 10). Each built-in level names the architecture its lesson argues
// against (`teachesAgainst`); ranked on seeds 1–20, the level's answer — the better of its `expected`
// architecture's canonical build and its `reference` — must rank first (ahead of every other canonical
// build) on at least 19 seeds, and lead the architecture it teaches against by at least 10 points of total
// on at least 18. A level whose `allow` has a single architecture (the first tutorial) has nothing to argue
// against and is exempt from the lead.
import { describe, expect, it } from 'vitest';
import { CAMPAIGN_LEVELS } from '../../src/levels';
import { rankLevel, type Ranking } from '../../src/scoring/rankLevel';
import type { Level } from '../../src/sim/types';

const SEEDS = Array.from({ length: 20 }, (_, index) => index + 1);
const MIN_WINS = 19;
const MIN_LEADS = 18;
const MIN_LEAD_POINTS = 10;

function total(ranking: Ranking, arch: string): number | undefined {
  const entry = ranking.entries.find((candidate) => candidate.arch === arch);
  return entry?.result.feasible ? entry.result.score.total : entry ? 0 : undefined;
}

/** The answer's total on one ranking, and whether it ranks first and how far it leads `against`. */
export function lessonOnSeed(level: Level, ranking: Ranking): { answer: number; wins: boolean; lead: number | null } {
  const expected = level.expected ? (total(ranking, level.expected) ?? 0) : 0;
  const answer = Math.max(expected, total(ranking, 'reference') ?? 0);
  const others = ranking.entries
    .filter((entry) => entry.arch !== 'reference' && entry.arch !== level.expected)
    .map((entry) => (entry.result.feasible ? entry.result.score.total : 0));
  const wins = answer > 0 && answer >= Math.max(0, ...others);
  const against = level.teachesAgainst ? total(ranking, level.teachesAgainst) : undefined;
  return { answer, wins, lead: against === undefined ? null : answer - against };
}

describe.each(CAMPAIGN_LEVELS.map((level) => [level.id, level] as const))('the lesson of %s', (_id, level) => {
  const results = SEEDS.map((seed) => lessonOnSeed(level, rankLevel(level, seed)));

  it('names what it teaches against, when it offers a choice', () => {
    if (level.allow.length < 2) {
      expect(level.teachesAgainst).toBeUndefined();
      return;
    }
    expect(level.teachesAgainst).toBeDefined();
    expect(level.allow).toContain(level.teachesAgainst);
    expect(level.teachesAgainst).not.toBe(level.expected);
  });

  it(`its answer ranks first on at least ${MIN_WINS} of seeds 1–20`, () => {
    const wins = results.filter((result) => result.wins).length;
    expect(wins, `wins on ${wins} seeds; answer totals ${results.map((result) => result.answer).join(', ')}`).toBeGreaterThanOrEqual(MIN_WINS);
  });

  it(`its answer leads what it teaches against by ${MIN_LEAD_POINTS} points on at least ${MIN_LEADS} seeds`, () => {
    if (level.allow.length < 2) return;
    const leads = results.map((result) => result.lead ?? Number.NEGATIVE_INFINITY);
    const held = leads.filter((lead) => lead >= MIN_LEAD_POINTS).length;
    expect(held, `leads ${level.teachesAgainst} by ${leads.map((lead) => lead.toFixed(1)).join(', ')}`).toBeGreaterThanOrEqual(MIN_LEADS);
  });
});
