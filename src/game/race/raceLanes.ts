// The race view's data, without Phaser: which lanes race (every architecture the level allows, as its
// canonical build, in the level's `allow` order, and optionally the player's own build last), each lane's
// run on one seed, and each lane's final score and stars exactly as the ranking computes them
// (scoring/rankLevel.ts): the lane's own finished run scored against the native baseline on that seed,
// stars against the best total of the level's ranking on that seed.
import { DEFAULT_STAR_THRESHOLDS, nativeBaseline, runBuild } from '../../scoring/rankLevel';
import { scoreRun, starsFor } from '../../scoring/scoreRun';
import { canonicalBuild } from '../../sim/canonicalBuild';
import type { RunMetrics } from '../../sim/Simulation';
import type { Architecture, Build, Level, RuleViolation } from '../../sim/types';
import { BUILD_FORMAT } from '../../sim/types';
import { rankingFor } from '../play/runResult';
import { RunSession } from '../play/RunSession';

/** A lane: an architecture's canonical build, or the player's own build (`yours`). */
export interface RaceLaneSpec {
  id: Architecture | 'yours';
  build: Build;
}

export interface LaneScore {
  feasible: boolean;
  total: number;
  stars: number;
  /** Reason codes when the build breaks a rule (it cannot run). */
  reasons: string[];
}

/** Every allowed architecture's canonical build, then the player's build when given. */
export function raceLaneSpecs(level: Level, yourBuild?: Build): RaceLaneSpec[] {
  const lanes: RaceLaneSpec[] = level.allow.map((arch) => ({ id: arch, build: canonicalBuild(level, arch) }));
  if (yourBuild) lanes.push({ id: 'yours', build: { ...yourBuild, format: BUILD_FORMAT, level: level.id } });
  return lanes;
}

/** A lane's run: the engine on its build and the race's seed, or the rules the build breaks. */
export function startLane(level: Level, spec: RaceLaneSpec, seed: number): RunSession | { violations: RuleViolation[] } {
  return RunSession.start({ level, build: spec.build, seed });
}

/** The final score of a lane whose run reached its end (`metrics`), or of a build that cannot run (null). */
export function laneScore(level: Level, spec: RaceLaneSpec, seed: number, metrics: RunMetrics | null): LaneScore {
  if (!metrics) {
    const result = runBuild(level, spec.build, seed);
    return { feasible: false, total: result.score.total, stars: 0, reasons: result.reasons };
  }
  const { total } = scoreRun(level, metrics, nativeBaseline(level, seed)).score;
  const best = Math.max(rankingFor(level, seed).bestTotal, total);
  return { feasible: true, total, stars: starsFor(total, best, level.starThresholds ?? DEFAULT_STAR_THRESHOLDS, true), reasons: [] };
}

/** Lane indices best first (ties keep the lanes' order), and each lane's place (1 = first; ties share). */
export function rankLanes(scores: readonly LaneScore[]): { order: number[]; places: number[] } {
  const order = scores.map((_, index) => index).sort((left, right) => scores[right].total - scores[left].total || left - right);
  const places = new Array<number>(scores.length).fill(0);
  order.forEach((laneIndex, position) => {
    const previous = order[position - 1];
    places[laneIndex] = previous !== undefined && scores[previous].total === scores[laneIndex].total ? places[previous] : position + 1;
  });
  return { order, places };
}
