// What the debrief says, as data: the reasons in plain words (i18n keys with their values), the
// comparison of the player's build with every other allowed architecture on the same seed, the hint
// shown before the comparison opens, and which row of the seeds' summary table this scenario is about.
// Pure, so it is unit-tested and every sentence goes through i18next in the scene.

import type { Ranking, RunResult } from '../../scoring/rankLevel';
import { responseP95Us, type Deduction } from '../../scoring/scoreRun';
import type { Architecture, Build, Level, Objective, PacketKind } from '../../sim/types';
import { OBJECTIVES, PACKET_KINDS } from '../../sim/types';

/** What a sentence is about: an objective, a broken rule of the board, or a clean run. */
export type SentenceTopic = Objective | 'feasibility' | 'clean';

export interface Sentence {
  /** An i18n key (`debrief:reason.…`, `debrief:hint.…`), or `board:reason.<code>` for a broken rule. */
  key: string;
  params: Record<string, string | number>;
  topic: SentenceTopic;
  /** Points this sentence cost its objective (out of 100); 0 when it explains without costing. */
  points: number;
  /** For a broken rule: its reason code (shown with the i18n helper `reasonText`). */
  rule?: string;
}

export interface ComparisonRow {
  arch: Architecture | 'reference' | 'mixed' | 'yours';
  /** The architecture the engine recognized in the build (for the player's row: what they built). */
  builtArch: Architecture | 'mixed' | 'reference';
  isPlayer: boolean;
  feasible: boolean;
  total: number;
  stars: number;
  p95LatencyUs: number;
  /**
   * The speed score's latency figure: each kind's p95 response time (the app's compute + the I/O, µs),
   * from the same function the score uses (responseP95Us), for the kinds this run emitted.
   */
  p95ResponseUs: Partial<Record<PacketKind, number>>;
  breachedTenants: number;
  burstServedRatio: number;
  memoryUsedGiB: number;
  /** For an infeasible build: its first broken rule. */
  reason: { code: string; params: Record<string, string | number> } | null;
  /** The build the row ran (as placed, before commands), to name it by what it is; null when unknown. */
  build?: Build | null;
}

/** Below this factor (p95 ÷ native) a slow kind is "a little slower than native". */
export const CLOSE_TO_NATIVE_FACTOR = 1.2;

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

function ruleParams(violation: RunResult['violations'][number]): Record<string, string | number> {
  return { ...(violation.params ?? {}), app: violation.app ?? '', node: violation.node ?? '' };
}

/**
 * Groups deductions into sentences: one per attack and wall it got through, one per slow packet kind,
 * one for drops, one for blocked traffic, one per late burst. With the level, the sentences that cost
 * the most weighted points come first (the first one is what the screen reader hears).
 */
export function explainResult(result: RunResult, level?: Level): Sentence[] {
  const sentences: Sentence[] = [];
  if (!result.feasible) {
    for (const violation of result.violations) {
      sentences.push({ key: `board:reason.${violation.code}`, params: ruleParams(violation), topic: 'feasibility', points: 100, rule: violation.code });
    }
    return sentences;
  }
  const byAttack = new Map<string, Deduction[]>();
  for (const breach of result.deductions.filter((deduction) => deduction.code === 'breach')) {
    const key = `${breach.params.threat}|${breach.params.attacker}|${breach.params.boundary}`;
    byAttack.set(key, [...(byAttack.get(key) ?? []), breach]);
  }
  for (const group of byAttack.values()) {
    const first = group[0]!.params;
    sentences.push({
      key: `debrief:reason.breach.${String(first.boundary)}`,
      params: {
        threat: String(first.threat),
        attacker: String(first.attacker),
        boundary: String(first.boundary),
        count: group.length,
        tenants: group.map((entry) => entry.params.tenant).join(', '),
        atSecond: Number(first.atSecond),
      },
      topic: 'security',
      // From the unrounded share, so three of three tenants cost 100 points, not 3 × 33.3.
      points: result.metrics.tenantsAtRisk > 0 ? round1((100 * group.length) / result.metrics.tenantsAtRisk) : round1(group.reduce((sum, entry) => sum + entry.points, 0)),
    });
  }
  for (const deduction of result.deductions) {
    const params = { ...deduction.params, points: deduction.points };
    if (deduction.code === 'speed-latency') {
      const close = Number(deduction.params.factor) < CLOSE_TO_NATIVE_FACTOR;
      sentences.push({ key: `debrief:reason.${close ? 'latencyClose' : 'latency'}.${String(deduction.params.kind)}`, params, topic: 'speed', points: deduction.points });
    } else if (deduction.code === 'speed-drops') {
      sentences.push({ key: 'debrief:reason.drops', params, topic: 'speed', points: deduction.points });
    } else if (deduction.code === 'speed-blocked') {
      sentences.push({ key: 'debrief:reason.blocked', params, topic: 'speed', points: deduction.points });
    } else if (deduction.code === 'burst-late') {
      sentences.push({ key: 'debrief:reason.burstLate', params, topic: 'scale', points: deduction.points });
    } else if (deduction.code === 'burst-memory') {
      sentences.push({ key: 'debrief:reason.burstMemory', params: { ...deduction.params }, topic: 'scale', points: 0 });
    }
  }
  if (sentences.length === 0) return [{ key: 'debrief:reason.clean', params: {}, topic: 'clean', points: 0 }];
  if (level) {
    const weighted = (sentence: Sentence) => sentence.points * (sentence.topic in level.objectives ? (level.objectives[sentence.topic as Objective] ?? 0) : 0);
    const order = sentences.map((sentence, index) => ({ sentence, index }));
    order.sort((left, right) => weighted(right.sentence) - weighted(left.sentence) || left.index - right.index);
    return order.map((item) => item.sentence);
  }
  return sentences;
}

/** The player's run and every ranked build, best first, for the comparison chart. */
export function comparisonRows(ranking: Ranking, player: RunResult): ComparisonRow[] {
  const row = (arch: ComparisonRow['arch'], result: RunResult, isPlayer: boolean): ComparisonRow => {
    const first = result.violations[0];
    return {
      arch,
      builtArch: result.arch,
      isPlayer,
      feasible: result.feasible,
      total: result.score.total,
      stars: result.score.stars,
      p95LatencyUs: result.metrics.p95LatencyUs,
      p95ResponseUs: responseFigures(result),
      breachedTenants: result.metrics.breachedTenants,
      burstServedRatio: result.metrics.burstServedRatio,
      memoryUsedGiB: result.metrics.memoryUsedGiB,
      reason: result.feasible ? null : first ? { code: first.code, params: ruleParams(first) } : { code: result.reasons[0] ?? 'unknown', params: {} },
    };
  };
  const rows = ranking.entries.map((entry) => row(entry.arch, entry.result, false));
  rows.push(row('yours', player, true));
  return rows.sort((left, right) => right.total - left.total || Number(right.isPlayer) - Number(left.isPlayer));
}

/** Each emitted kind's p95 response time, rounded to whole µs, as the speed score computes it. */
export function responseFigures(result: RunResult): Partial<Record<PacketKind, number>> {
  const figures: Partial<Record<PacketKind, number>> = {};
  if (!result.feasible) return figures;
  for (const kind of PACKET_KINDS) {
    const entry = result.metrics.byKind[kind];
    if (entry && entry.emitted > 0 && entry.delivered > 0) figures[kind] = Math.round(responseP95Us(entry));
  }
  return figures;
}

/** The chart opens once the player has three stars or is on a second attempt (design.md). */
export function comparisonUnlocked(stars: number, attempts: number): boolean {
  return stars >= 3 || attempts >= 2;
}

/** The objective that weighs most in the level: its row of the seeds' table is highlighted. */
export function focusObjective(level: Level): Objective {
  let best: Objective = 'speed';
  let weight = -1;
  for (const objective of OBJECTIVES) {
    const value = level.objectives[objective] ?? 0;
    if (value > weight) {
      best = objective;
      weight = value;
    }
  }
  return best;
}

/** A hint toward a better build: what cost the most points, weighted by the level. */
export function hintFor(level: Level, player: RunResult, ranking: Ranking): Sentence {
  if (!player.feasible) {
    const first = player.violations[0];
    return { key: 'debrief:hint.fixRule', params: first ? ruleParams(first) : {}, topic: 'feasibility', points: 0, rule: first ? first.code : 'unplaced-app' };
  }
  const best = ranking.entries.find((entry) => entry.result.feasible)?.result;
  if (!best || best.score.total <= player.score.total) return { key: 'debrief:hint.best', params: {}, topic: 'clean', points: 0 };
  let worst: Objective = 'speed';
  let gap = -Infinity;
  for (const objective of OBJECTIVES) {
    const weight = level.objectives[objective] ?? 0;
    if (weight <= 0) continue;
    const loss = weight * (best.score[objective] - player.score[objective]);
    if (loss > gap) {
      gap = loss;
      worst = objective;
    }
  }
  return { key: `debrief:hint.${worst}`, params: {}, topic: worst, points: 0 };
}
