// What a finished run adds in a class session or with predictions on: the result code (contracts.md §5b)
// saved to the session's "my codes", and the prediction's verdict against the level's ranking on the run's
// seed. Called by the Play screen when a run ends; the Debrief shows the outcome (resultCodeScene.ts).
import { isArchitecture, predictionVerdict, type PredictionVerdict } from '../../classroom/prediction';
import { makeResultCode } from '../../classroom/resultCode';
import { reasonText } from '../../i18n/dynamicText';
import type { GameI18n } from '../../i18n/createI18n';
import type { RunResult } from '../../scoring/rankLevel';
import type { Build, Level } from '../../sim/types';
import { formatScore } from '../debrief/debriefFormat';
import { rankingFor } from '../play/runResult';
import { predictionFor, sessionFor } from './classroomRuntime';

/** Scene data the Debrief passes on to the result-code overlay (key `classroom` of the debrief's data). */
export interface ClassroomOutcome {
  levelId: string;
  /** The run's result code, in a session. */
  code?: string;
  attempt?: number;
  score: number;
  stars: number;
  /** With a prediction made before the first run. */
  verdict?: PredictionVerdict;
}

/** The score a code claims: what the screen shows (one decimal). */
export function shownScore(total: number): number {
  return Math.round((Number.isFinite(total) ? total : 0) * 10) / 10;
}

/** The classroom side of a finished run, or null when neither a session nor a prediction concerns it. */
export function classroomOutcome(level: Level, build: Build, result: RunResult, seed: number): ClassroomOutcome | null {
  const prediction = predictionFor(level.id);
  const session = sessionFor(level.id);
  if (!session && prediction === undefined) return null;
  const outcome: ClassroomOutcome = { levelId: level.id, score: shownScore(result.score.total), stars: result.score.stars };
  const predicted = prediction !== undefined && isArchitecture(prediction) ? prediction : null;
  if (prediction !== undefined) {
    try {
      outcome.verdict = predictionVerdict(level, rankingFor(level, seed), predicted);
    } catch {
      // A level the engine cannot rank gets no verdict; the code is still made.
    }
  }
  if (session) {
    const state = session.store.get();
    const attempt = session.store.nextAttempt(level.id);
    const code = makeResultCode({ session: state.id, nick: state.nick, level, seed, attempt, prediction: predicted, build, score: outcome.score, stars: outcome.stars });
    session.store.addCode({ level: level.id, attempt, score: outcome.score, stars: outcome.stars, code });
    outcome.code = code;
    outcome.attempt = attempt;
  }
  return outcome;
}

/** Reads an outcome from scene data (anything else is ignored). */
export function readOutcome(value: unknown): ClassroomOutcome | null {
  if (typeof value !== 'object' || value === null) return null;
  const outcome = value as Partial<ClassroomOutcome>;
  if (typeof outcome.levelId !== 'string' || typeof outcome.score !== 'number' || typeof outcome.stars !== 'number') return null;
  return outcome as ClassroomOutcome;
}

const t = (i18n: GameI18n, key: string, params?: Record<string, string | number>): string => (i18n.t as (k: string, p?: object) => string)(key, params);

export function archName(i18n: GameI18n, arch: string | null): string {
  if (arch === null) return t(i18n, 'classroom:predict.unsure');
  return i18n.exists(`board:arch.${arch}.name`) ? t(i18n, `board:arch.${arch}.name`) : arch;
}

/** The verdict in one sentence, in the player's language. */
export function verdictSentence(i18n: GameI18n, verdict: PredictionVerdict, language: string): string {
  const params: Record<string, string | number> = {
    prediction: archName(i18n, verdict.prediction),
    winner: verdict.winner ? archName(i18n, verdict.winner) : '',
    winnerTotal: formatScore(verdict.winnerTotal ?? 0, language),
    lead: formatScore(verdict.lead ?? 0, language),
    objective: verdict.objective ? t(i18n, `board:objective.${verdict.objective}.name`) : '',
    reason: verdict.reason ? reasonText(i18n, verdict.reason) : '',
  };
  const key = verdict.outcome === 'missed' && !verdict.objective ? 'prediction.missedNoObjective' : verdict.key;
  return t(i18n, `classroom:${key}`, params);
}

/** "2 stars" in the player's language. */
export function starsText(i18n: GameI18n, stars: number): string {
  return t(i18n, 'debrief:headline.stars', { count: stars });
}
