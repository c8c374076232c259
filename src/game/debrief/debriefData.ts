// Everything the Debrief shows, computed once when it opens: the scene data the Play scene hands over
// (checked, since scene data is untyped), the ranking of every allowed architecture on the run's seed,
// the reasons, the comparison rows, the hint, the hop costs and the seeds' table row. Pure (no Phaser).
import { rankLevel, type Ranking, type RunResult } from '../../scoring/rankLevel';
import { canonicalBuild } from '../../sim/canonicalBuild';
import { BUILD_FORMAT, type Build, type Level } from '../../sim/types';
import { comparisonRows, comparisonUnlocked, explainResult, hintFor, type ComparisonRow, type Sentence } from '../play/debriefModel';
import { weightedFormula, type FormulaTerm } from './debriefFormat';
import { hopCosts, type AppPathCosts } from './hopCosts';
import { columnOfArch, highlightedRow, type SeedsColumn, type SeedsRow } from './seedsTable';

/** What the Play scene passes to `debrief` (scene data). */
export interface DebriefSceneData {
  levelId: string;
  /** Optional: the level itself, for one outside the campaign. */
  level?: Level;
  result: RunResult;
  build: Build | null;
  /** The attempt number the Play scene counted in this session (1 for the first run). */
  attempt: number;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** True when a value has the parts of a RunResult the Debrief reads. */
export function isRunResult(value: unknown): value is RunResult {
  if (!isRecord(value)) return false;
  const { score, metrics } = value;
  if (typeof value.feasible !== 'boolean' || typeof value.arch !== 'string' || !isFiniteNumber(value.seed)) return false;
  if (!Array.isArray(value.deductions) || !Array.isArray(value.violations) || !Array.isArray(value.reasons)) return false;
  if (!isRecord(score) || !['security', 'speed', 'scale', 'total', 'stars'].every((key) => isFiniteNumber(score[key]))) return false;
  if (!isRecord(metrics) || !isRecord(metrics.byKind)) return false;
  return ['p95LatencyUs', 'breachedTenants', 'burstServedRatio', 'memoryUsedGiB', 'memoryGiB', 'tenantsAtRisk'].every((key) => isFiniteNumber(metrics[key]));
}

function looksLikeLevel(value: unknown, id: string): value is Level {
  return isRecord(value) && value.id === id && Array.isArray(value.apps) && Array.isArray(value.allow) && isRecord(value.objectives) && isRecord(value.hardware);
}

/**
 * Reads the scene data, or null when it does not describe a finished run of a known level. A level that
 * is not in the campaign (the sandbox's, an editor's) may come along as `level`.
 */
export function readDebriefData(data: unknown, levels: readonly Level[]): (DebriefSceneData & { level: Level }) | null {
  if (!isRecord(data) || typeof data.levelId !== 'string') return null;
  const id = data.levelId;
  const level = levels.find((candidate) => candidate.id === id) ?? (looksLikeLevel(data.level, id) ? data.level : undefined);
  if (!level || !isRunResult(data.result)) return null;
  const build = isRecord(data.build) && Array.isArray(data.build.nodes) && Array.isArray(data.build.placements) ? (data.build as unknown as Build) : null;
  const attempt = isFiniteNumber(data.attempt) && data.attempt >= 1 ? Math.floor(data.attempt) : 1;
  return { levelId: level.id, level, result: data.result, build, attempt };
}

export interface PreparedDebrief {
  level: Level;
  result: RunResult;
  build: Build | null;
  attempts: number;
  ranking: Ranking;
  /** Most costly first. */
  sentences: Sentence[];
  rows: ComparisonRow[];
  unlocked: boolean;
  hint: Sentence;
  /** Null for an infeasible build (or when the build is unknown). */
  hops: AppPathCosts[] | null;
  formula: { terms: FormulaTerm[]; weightSum: number; total: number };
  focusRow: SeedsRow;
  playerColumn: SeedsColumn | null;
}

/** The build behind a comparison row: an architecture's canonical build, the author's, or the player's. */
function rowBuild(level: Level, row: ComparisonRow, played: Build | null): Build | null {
  if (row.isPlayer) return played;
  if (row.arch === 'reference') return level.reference ? { ...level.reference, format: BUILD_FORMAT, level: level.id } : null;
  if (row.arch === 'mixed' || row.arch === 'yours') return null;
  return canonicalBuild(level, row.arch);
}

/** Runs the ranking on the result's seed and gathers every part of the screen. */
export function prepareDebrief(level: Level, result: RunResult, build: Build | null, attempts: number): PreparedDebrief {
  const ranking = rankLevel(level, result.seed);
  let hops: AppPathCosts[] | null = null;
  if (build && result.feasible) {
    try {
      hops = hopCosts(level, build);
    } catch {
      // A build the engine cannot set up shows no paths rather than breaking the screen.
      hops = null;
    }
  }
  return {
    level,
    result,
    build,
    attempts,
    ranking,
    sentences: explainResult(result, level),
    rows: comparisonRows(ranking, result).map((row) => ({ ...row, build: rowBuild(level, row, build) })),
    unlocked: comparisonUnlocked(result.score.stars, attempts),
    hint: hintFor(level, result, ranking),
    hops,
    formula: weightedFormula(level, result.score),
    focusRow: highlightedRow(level),
    playerColumn: columnOfArch(result.arch),
  };
}
