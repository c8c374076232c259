// Runs builds to the end and ranks architectures: the results the CLI prints (contracts.md §2) and the
// debrief shows. Stars are relative to the best build the engine can find for the level, on the same seed.

import { canonicalBuild } from '../sim/canonicalBuild';
import { MODEL_VERSION } from '../sim/costs';
import { hashString } from '../sim/random';
import { createSimulation, Simulation, type RunMetrics } from '../sim/Simulation';
import { analyzeBuild, buildArchitecture, round2 } from '../sim/topology';
import type { Architecture, Build, Level, RuleViolation } from '../sim/types';
import { BUILD_FORMAT } from '../sim/types';
import { breachCapsStars, scoreInfeasible, scoreRun, starsFor, type Deduction } from './scoreRun';

export const DEFAULT_STAR_THRESHOLDS: [number, number, number] = [0.5, 0.8, 0.95];

/** The metrics block of the CLI's JSON (contracts.md §2), plus optional detail. */
export type ResultMetrics = RunMetrics;

export interface RunResult {
  level: string;
  arch: Architecture | 'mixed' | 'reference';
  apps: Record<string, Architecture>;
  seed: number;
  modelVersion: string;
  feasible: boolean;
  /** Reason codes of the broken rules, in order, each once. */
  reasons: string[];
  metrics: RunMetrics;
  score: { security: number; speed: number; scale: number; total: number; stars: number };
  /** Optional additions: details behind the reasons, every deduction, the trace hash. */
  violations: RuleViolation[];
  deductions: Deduction[];
  traceHash: string;
}

function emptyMetrics(level: Level, memoryUsedGiB: number): RunMetrics {
  const kind = { emitted: 0, delivered: 0, dropped: 0, blocked: 0, p50LatencyUs: 0, p95LatencyUs: 0, p95ResponseUs: 0 };
  return {
    delivered: 0,
    dropped: 0,
    p50LatencyUs: 0,
    p95LatencyUs: 0,
    breachedTenants: 0,
    burstServedRatio: (level.bursts ?? []).length === 0 ? 1 : 0,
    memoryUsedGiB: round2(memoryUsedGiB),
    memoryGiB: level.hardware.memoryGiB,
    bootSecondsPerInstance: 0,
    emitted: 0,
    blocked: 0,
    byKind: { disk: { ...kind }, net: { ...kind }, syscall: { ...kind } },
    breaches: [],
    bursts: [],
    failedInstances: 0,
    tenantsAtRisk: 0,
  };
}

const baselineCache = new Map<string, RunMetrics>();

/** Forgets cached native baselines (the benchmark measures ranking from cold). */
export function clearBaselineCache(): void {
  baselineCache.clear();
}

/**
 * The baseline cache's key for a level: two 32-bit hashes and the length of its JSON without `x-`
 * extension fields (the engine ignores them, and they alone may nest deeply), so the key is short
 * however large the level, and a huge or deeply nested extension is never serialized.
 */
function baselineKey(level: Level): string {
  const text = JSON.stringify(level, (key: string, value: unknown) => (key.startsWith('x-') ? undefined : value));
  return `${hashString(text)}-${hashString(text, 0x9e3779b9)}-${text.length}`;
}

/**
 * The speed yardstick: the same workload run natively on the same seed — every app as a process on one
 * host OS, memory unlimited, kernel families ignored (an ideal machine, not a build anyone could make).
 */
export function nativeBaseline(level: Level, seed = level.seed): RunMetrics {
  const key = `${seed}:${baselineKey(level)}`;
  const cached = baselineCache.get(key);
  if (cached) return cached;
  const ideal: Level = {
    ...level,
    hardware: { ...level.hardware, memoryGiB: Number.MAX_SAFE_INTEGER },
    threats: [],
    allow: ['native'],
    palette: undefined,
  };
  const build = canonicalBuild(ideal, 'native');
  const analysis = analyzeBuild(ideal, build);
  const simulation = new Simulation(ideal, build, analysis, { seed });
  simulation.runToEnd();
  const metrics = simulation.metrics();
  if (baselineCache.size > 64) baselineCache.clear();
  baselineCache.set(key, metrics);
  return metrics;
}

/** Simulates one build to the end and scores it, with stars left at 0 (see withStars). */
export function runBuild(level: Level, build: Build, seed = level.seed): RunResult {
  const created = createSimulation(level, build, { seed });
  const apps: Record<string, Architecture> = {};
  for (const hosting of created.analysis.hostings) apps[hosting.app.id] = hosting.architecture;
  const arch = created.analysis.hostings.length > 0 ? buildArchitecture(created.analysis.hostings) : 'mixed';
  if (!created.ok) {
    const scored = scoreInfeasible(created.violations);
    return {
      level: level.id,
      arch,
      apps,
      seed,
      modelVersion: MODEL_VERSION,
      feasible: false,
      reasons: [...new Set(created.violations.map((violation) => violation.code))],
      metrics: emptyMetrics(level, created.analysis.memoryGiB),
      score: { ...scored.score, stars: 0 },
      violations: created.violations,
      deductions: scored.deductions,
      traceHash: '',
    };
  }
  const simulation = created.simulation;
  simulation.runToEnd();
  const metrics = simulation.metrics();
  const scored = scoreRun(level, metrics, nativeBaseline(level, seed));
  return {
    level: level.id,
    arch,
    apps,
    seed,
    modelVersion: MODEL_VERSION,
    feasible: true,
    reasons: [],
    metrics,
    score: { ...scored.score, stars: 0 },
    violations: [],
    deductions: scored.deductions,
    traceHash: simulation.traceHash(),
  };
}

export interface RankingEntry {
  arch: Architecture | 'reference';
  result: RunResult;
}

export interface Ranking {
  level: string;
  seed: number;
  modelVersion: string;
  bestTotal: number;
  /** Best first; ties keep the level's `allow` order, the reference last. */
  entries: RankingEntry[];
}

/** Every allowed architecture's canonical build and the level's reference, on the same seed. */
export function rankLevel(level: Level, seed = level.seed): Ranking {
  const entries: RankingEntry[] = level.allow.map((arch) => ({ arch, result: runBuild(level, canonicalBuild(level, arch), seed) }));
  if (level.reference) {
    const reference: Build = { ...level.reference, format: BUILD_FORMAT, level: level.id };
    entries.push({ arch: 'reference', result: runBuild(level, reference, seed) });
  }
  const bestTotal = Math.max(0, ...entries.map((entry) => (entry.result.feasible ? entry.result.score.total : 0)));
  const thresholds = level.starThresholds ?? DEFAULT_STAR_THRESHOLDS;
  for (const entry of entries) {
    const { score, feasible, metrics } = entry.result;
    score.stars = starsFor(score.total, bestTotal, thresholds, feasible, breachCapsStars(level, metrics));
  }
  const order = entries.map((entry, index) => ({ entry, index }));
  order.sort((left, right) => right.entry.result.score.total - left.entry.result.score.total || left.index - right.index);
  return { level: level.id, seed, modelVersion: MODEL_VERSION, bestTotal, entries: order.map((item) => item.entry) };
}

/** The best canonical architecture (reference excluded): what a level's `expected` must equal. */
export function bestArchitecture(ranking: Ranking): Architecture | null {
  const best = ranking.entries.find((entry) => entry.arch !== 'reference' && entry.result.feasible);
  return best ? (best.arch as Architecture) : null;
}

/**
 * The totals at which each star is earned on this ranking: threshold × the best total, rounded to 0.1
 * (what the score bars mark). A breached build still earns at most one star where security is scored.
 */
export function starThresholdTotals(level: Level, bestTotal: number): number[] {
  const thresholds = level.starThresholds ?? DEFAULT_STAR_THRESHOLDS;
  return thresholds.map((threshold) => Math.round(threshold * bestTotal * 10) / 10);
}

/** Scores a player's run against the level's best (stars filled in). */
export function withStars(level: Level, result: RunResult, ranking: Ranking): RunResult {
  const best = Math.max(ranking.bestTotal, result.feasible ? result.score.total : 0);
  const thresholds = level.starThresholds ?? DEFAULT_STAR_THRESHOLDS;
  const stars = starsFor(result.score.total, best, thresholds, result.feasible, breachCapsStars(level, result.metrics));
  return { ...result, score: { ...result.score, stars } };
}
