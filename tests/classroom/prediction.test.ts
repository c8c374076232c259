// The prediction verdict: whether the architecture a student expected to score best did, and the one
// objective that explains a miss, from the level's ranking on the run's seed.
import { describe, expect, it } from 'vitest';
import { isArchitecture, predictionVerdict } from '../../src/classroom/prediction';
import { builtInLevel } from '../../src/levels/index';
import { rankLevel, type Ranking } from '../../src/scoring/rankLevel';

function rankingOf(id: string) {
  const level = builtInLevel(id)!;
  return { level, ranking: rankLevel(level, level.seed) };
}

describe('predictionVerdict', () => {
  it('held: the predicted architecture ranks first among the canonical builds', () => {
    const { level, ranking } = rankingOf('hostile-neighbour');
    const verdict = predictionVerdict(level, ranking, 'type1-para');
    expect(verdict).toMatchObject({ outcome: 'held', held: true, winner: 'type1-para', lead: 0, key: 'prediction.held' });
    expect(verdict.predictedTotal).toBe(verdict.winnerTotal);
  });

  it('the reference build is not an architecture: the best canonical one wins even when the reference scores higher', () => {
    const { level, ranking } = rankingOf('cold-pull');
    expect(ranking.entries[0].arch).toBe('reference');
    expect(predictionVerdict(level, ranking, 'container')).toMatchObject({ outcome: 'held', winner: 'container' });
  });

  it('missed: names the lead and the objective that lost most (weighted), with its gap', () => {
    const { level, ranking } = rankingOf('hostile-neighbour');
    const verdict = predictionVerdict(level, ranking, 'container');
    const winner = ranking.entries.find((entry) => entry.arch === 'type1-para')!.result.score;
    const predicted = ranking.entries.find((entry) => entry.arch === 'container')!.result.score;
    expect(verdict).toMatchObject({ outcome: 'missed', held: false, prediction: 'container', winner: 'type1-para', key: 'prediction.missed' });
    expect(verdict.lead).toBeCloseTo(winner.total - predicted.total, 1);
    expect(verdict.objective).toBe('security');
    expect(verdict.objectiveGap).toBeCloseTo(winner.security - predicted.security, 1);
  });

  it('missed-infeasible: an allowed architecture that breaks a rule names the rule; one not allowed says so', () => {
    const { level, ranking } = rankingOf('legacy-on-linux');
    expect(predictionVerdict(level, ranking, 'native')).toMatchObject({ outcome: 'missed-infeasible', held: false, predictedTotal: 0, reason: 'kernel-mismatch' });
    expect(predictionVerdict(level, ranking, 'type1-para')).toMatchObject({ outcome: 'missed-infeasible', reason: 'arch-not-allowed' });
  });

  it('none: "I don\'t know" is neither right nor wrong', () => {
    const { level, ranking } = rankingOf('venom');
    expect(predictionVerdict(level, ranking, null)).toMatchObject({ outcome: 'none', held: null, winner: 'type1-para', key: 'prediction.none' });
  });

  it('held-tie: a prediction with the winner\'s total holds', () => {
    // hypercall-express offers both drivers, so both Type-1 builds are feasible (three-walls offers para only).
    const { level, ranking } = rankingOf('hypercall-express');
    const full = ranking.entries.find((entry) => entry.arch === 'type1-full')!;
    const para = ranking.entries.find((entry) => entry.arch === 'type1-para')!;
    const tied: Ranking = { ...ranking, entries: ranking.entries.map((entry) => (entry === full ? { ...full, result: { ...full.result, score: { ...para.result.score } } } : entry)) };
    expect(predictionVerdict(level, tied, 'type1-full')).toMatchObject({ outcome: 'held-tie', held: true, lead: 0, key: 'prediction.heldTie' });
  });

  it('no-winner: when no canonical build is feasible there is nothing to hold or miss', () => {
    const { level, ranking } = rankingOf('escape-artist');
    const none: Ranking = { ...ranking, entries: ranking.entries.filter((entry) => entry.arch === 'reference' || !entry.result.feasible) };
    expect(predictionVerdict(level, none, 'container')).toMatchObject({ outcome: 'no-winner', held: null, winner: null });
  });

  it('isArchitecture accepts only the contract\'s names', () => {
    expect(['native', 'container', 'type2', 'type1-full', 'type1-para'].every(isArchitecture)).toBe(true);
    expect([null, 'reference', 'mixed', 'Type2', 3].some(isArchitecture)).toBe(false);
  });
});
