// The prediction verdict: before a run the student picks the architecture they expect to score best (or
// "I don't know"); after it, the level's ranking on the run's seed says whether the prediction held and
// why. This module returns the facts and the translation key of the one-sentence "why"
// (locales/*/classroom.json, `prediction.*`); the screen localizes the architecture and objective names
// (board:arch.<id>.name, board:objective.<id>) and calls i18next with `key` and the params.
import type { Ranking, RankingEntry } from '../scoring/rankLevel';
import type { Architecture, Level, Objective } from '../sim/types';
import { ARCHITECTURES, OBJECTIVES } from '../sim/types';

export type PredictionOutcome = 'held' | 'held-tie' | 'missed' | 'missed-infeasible' | 'none' | 'no-winner';

export interface PredictionVerdict {
  outcome: PredictionOutcome;
  /** True when the prediction held, false when it missed, null without a prediction (or a winner). */
  held: boolean | null;
  prediction: Architecture | null;
  /** The best canonical architecture on this seed (the reference build is not an architecture). */
  winner: Architecture | null;
  winnerTotal: number | null;
  predictedTotal: number | null;
  /** Winner's total minus the predicted one's, one decimal; 0 for a tie. */
  lead: number | null;
  /** The objective where the predicted architecture lost most weighted points to the winner. */
  objective: Objective | null;
  /** How many points of that objective (0–100 scale) the predicted architecture was behind. */
  objectiveGap: number | null;
  /** For an infeasible prediction: the first rule it breaks (a reason code). */
  reason: string | null;
  /** The translation key of the sentence, in namespace `classroom`. */
  key: string;
}

const KEYS: Record<PredictionOutcome, string> = {
  held: 'prediction.held',
  'held-tie': 'prediction.heldTie',
  missed: 'prediction.missed',
  'missed-infeasible': 'prediction.missedInfeasible',
  none: 'prediction.none',
  'no-winner': 'prediction.noWinner',
};

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

/** Whether a value is an architecture name (a prediction read from outside). */
export function isArchitecture(value: unknown): value is Architecture {
  return typeof value === 'string' && (ARCHITECTURES as readonly string[]).includes(value);
}

function entryOf(ranking: Ranking, arch: Architecture): RankingEntry | undefined {
  return ranking.entries.find((entry) => entry.arch === arch);
}

/** The objective with the largest weighted loss of `predicted` against `winner`, if any is lost. */
function worstObjective(level: Level, winner: RankingEntry, predicted: RankingEntry): { objective: Objective; gap: number } | null {
  let worst: { objective: Objective; gap: number; weighted: number } | null = null;
  for (const objective of OBJECTIVES) {
    const weight = level.objectives[objective] ?? 0;
    if (weight <= 0) continue;
    const gap = winner.result.score[objective] - predicted.result.score[objective];
    const weighted = weight * gap;
    if (gap > 0 && (worst === null || weighted > worst.weighted)) worst = { objective, gap: round1(gap), weighted };
  }
  return worst === null ? null : { objective: worst.objective, gap: worst.gap };
}

/** Judges a prediction against the level's ranking on the run's seed. */
export function predictionVerdict(level: Level, ranking: Ranking, prediction: Architecture | null): PredictionVerdict {
  const winnerEntry = ranking.entries.find((entry) => entry.arch !== 'reference' && entry.result.feasible);
  const winner = winnerEntry ? (winnerEntry.arch as Architecture) : null;
  const winnerTotal = winnerEntry ? winnerEntry.result.score.total : null;
  const verdict = (outcome: PredictionOutcome, fields: Partial<PredictionVerdict> = {}): PredictionVerdict => ({
    outcome,
    held: outcome === 'held' || outcome === 'held-tie' ? true : outcome === 'missed' || outcome === 'missed-infeasible' ? false : null,
    prediction,
    winner,
    winnerTotal,
    predictedTotal: null,
    lead: null,
    objective: null,
    objectiveGap: null,
    reason: null,
    key: KEYS[outcome],
    ...fields,
  });
  if (winnerEntry === undefined || winnerTotal === null) return verdict('no-winner');
  if (prediction === null) return verdict('none');
  const predicted = entryOf(ranking, prediction);
  if (predicted === undefined) return verdict('missed-infeasible', { predictedTotal: 0, lead: winnerTotal, reason: 'arch-not-allowed' });
  if (!predicted.result.feasible) {
    return verdict('missed-infeasible', { predictedTotal: 0, lead: winnerTotal, reason: predicted.result.reasons[0] ?? null });
  }
  const predictedTotal = predicted.result.score.total;
  const lead = round1(winnerTotal - predictedTotal);
  if (prediction === winner) return verdict('held', { predictedTotal, lead: 0 });
  if (lead <= 0) return verdict('held-tie', { predictedTotal, lead: 0 });
  const worst = worstObjective(level, winnerEntry, predicted);
  return verdict('missed', { predictedTotal, lead, objective: worst?.objective ?? null, objectiveGap: worst?.gap ?? null });
}
