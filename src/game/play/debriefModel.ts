// What the debrief says, as data: the reasons in plain words (i18n keys with their values), the
// comparison of the player's build with every other allowed architecture on the same seed, the hint
// shown before the comparison opens, and which row of the seeds' summary table this scenario is about.
// Pure, so it is unit-tested and every sentence goes through i18next in the scene.

import type { Ranking, RunResult } from '../../scoring/rankLevel';
import type { Deduction } from '../../scoring/scoreRun';
import type { Architecture, Level, Objective } from '../../sim/types';
import { OBJECTIVES } from '../../sim/types';

export interface Sentence {
  key: string;
  params: Record<string, string | number>;
}

export interface ComparisonRow {
  arch: Architecture | 'reference' | 'mixed' | 'yours';
  isPlayer: boolean;
  feasible: boolean;
  total: number;
  stars: number;
  p95LatencyUs: number;
  breachedTenants: number;
  burstServedRatio: number;
  memoryUsedGiB: number;
}

/** Groups deductions into sentences: one per attack, one per slow packet kind, one per late burst. */
export function explainResult(result: RunResult): Sentence[] {
  const sentences: Sentence[] = [];
  if (!result.feasible) {
    for (const violation of result.violations) {
      sentences.push({
        key: `reason.${violation.code}`,
        params: { ...(violation.params ?? {}), app: violation.app ?? '', node: violation.node ?? '' },
      });
    }
    return sentences;
  }
  const breaches = result.deductions.filter((deduction) => deduction.code === 'breach');
  const byAttack = new Map<string, Deduction[]>();
  for (const breach of breaches) {
    const key = `${breach.params.threat}|${breach.params.attacker}`;
    byAttack.set(key, [...(byAttack.get(key) ?? []), breach]);
  }
  for (const group of byAttack.values()) {
    const first = group[0].params;
    sentences.push({
      key: 'debrief.reason.breach',
      params: {
        threat: String(first.threat),
        attacker: String(first.attacker),
        boundary: String(first.boundary),
        count: group.length,
        tenants: group.map((entry) => entry.params.tenant).join(', '),
        atSecond: Number(first.atSecond),
      },
    });
  }
  for (const deduction of result.deductions) {
    if (deduction.code === 'speed-latency') {
      sentences.push({ key: 'debrief.reason.latency', params: { ...deduction.params, points: deduction.points } });
    } else if (deduction.code === 'speed-drops') {
      sentences.push({ key: 'debrief.reason.drops', params: { ...deduction.params, points: deduction.points } });
    } else if (deduction.code === 'speed-blocked') {
      sentences.push({ key: 'debrief.reason.blocked', params: { ...deduction.params, points: deduction.points } });
    } else if (deduction.code === 'burst-late') {
      sentences.push({ key: 'debrief.reason.burstLate', params: { ...deduction.params, points: deduction.points } });
    } else if (deduction.code === 'burst-memory') {
      sentences.push({ key: 'debrief.reason.burstMemory', params: { ...deduction.params } });
    }
  }
  if (sentences.length === 0) sentences.push({ key: 'debrief.reason.clean', params: {} });
  return sentences;
}

/** The player's run and every ranked build, best first, for the comparison chart. */
export function comparisonRows(ranking: Ranking, player: RunResult): ComparisonRow[] {
  const row = (arch: ComparisonRow['arch'], result: RunResult, isPlayer: boolean): ComparisonRow => ({
    arch,
    isPlayer,
    feasible: result.feasible,
    total: result.score.total,
    stars: result.score.stars,
    p95LatencyUs: result.metrics.p95LatencyUs,
    breachedTenants: result.metrics.breachedTenants,
    burstServedRatio: result.metrics.burstServedRatio,
    memoryUsedGiB: result.metrics.memoryUsedGiB,
  });
  const rows = ranking.entries.map((entry) => row(entry.arch, entry.result, false));
  rows.push(row('yours', player, true));
  return rows.sort((left, right) => right.total - left.total || Number(right.isPlayer) - Number(left.isPlayer));
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
    return { key: 'debrief.hint.fixRule', params: { rule: first ? first.code : 'unplaced-app' } };
  }
  const best = ranking.entries.find((entry) => entry.result.feasible)?.result;
  if (!best || best.score.total <= player.score.total) return { key: 'debrief.hint.best', params: {} };
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
  return { key: `debrief.hint.${worst}`, params: {} };
}
