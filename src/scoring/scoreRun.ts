// Judges a finished run: metrics in, objective scores (0–100), the weighted total and every deduction with
// a reason code out. Separate from the engine so the rules of judging can change alone.

import { DEFAULT_COMPUTE_US, SERVICE_US } from '../sim/costs';
import type { KindMetrics, RunMetrics } from '../sim/Simulation';
import type { Level, Objective, PacketKind, RuleViolation } from '../sim/types';
import { OBJECTIVES, PACKET_KINDS } from '../sim/types';

export interface Deduction {
  objective: Objective | 'feasibility';
  code: string;
  /** Points taken from that objective's 100. */
  points: number;
  params: Record<string, string | number>;
}

export interface ObjectiveScores {
  security: number;
  speed: number;
  scale: number;
  total: number;
}

export interface ScoredRun {
  score: ObjectiveScores;
  deductions: Deduction[];
}

/** What one request of each kind costs on bare hardware with no queue: the speed score's yardstick, µs. */
export const NATIVE_LATENCY_US: Record<PacketKind, number> = {
  disk: SERVICE_US.kernel[0] + SERVICE_US.disk[0],
  net: SERVICE_US.kernel[1] + SERVICE_US.nic[1],
  syscall: SERVICE_US.kernel[2],
};

/** A kind whose p95 is within this factor of native loses no points: [Assumption], so the noise of
 * percentiles over a few hundred packets does not cost a native-like build points. */
const LATENCY_TOLERANCE = 1.03;

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

/**
 * A kind's p95 response time (the app's own compute + the I/O), µs: the engine's figure (`p95ResponseUs`,
 * from each request's own app's `computeUs`), or, for a result made without it, the I/O p95 plus the
 * default compute.
 */
export function responseP95Us(entry: KindMetrics): number {
  return entry.p95ResponseUs ?? entry.p95LatencyUs + DEFAULT_COMPUTE_US;
}

/**
 * Speed: for each packet kind, the p95 response time (the app's own compute + the I/O) the same workload
 * gets natively ÷ this run's (capped at 1), weighted by the kind's share of the packets, × 100; then every
 * request lost (dropped, or cut off by a block or a quarantine) takes its full share of the 100 points:
 * 11.7 % of the requests lost costs 11.7 points (kc-model-4), never less because the build was slow. `native` is the native baseline run
 * (see nativeBaseline), whose response times include the same apps' compute; without it the unloaded
 * native path plus the default compute is the yardstick.
 */
export function scoreSpeed(metrics: RunMetrics, native?: RunMetrics): { score: number; deductions: Deduction[] } {
  const deductions: Deduction[] = [];
  const emitted = metrics.emitted;
  if (emitted === 0) return { score: 100, deductions };
  let latencyFactor = 0;
  for (const kind of PACKET_KINDS) {
    const entry = metrics.byKind[kind];
    if (entry.emitted === 0) continue;
    const share = entry.emitted / emitted;
    const nativeUs =
      native && native.byKind[kind].delivered > 0 ? responseP95Us(native.byKind[kind]) : NATIVE_LATENCY_US[kind] + DEFAULT_COMPUTE_US;
    const runUs = responseP95Us(entry);
    const ratio = entry.delivered === 0 ? 0 : runUs <= nativeUs * LATENCY_TOLERANCE ? 1 : nativeUs / runUs;
    latencyFactor += share * ratio;
    if (ratio < 1) {
      deductions.push({
        objective: 'speed',
        code: 'speed-latency',
        points: round1(100 * share * (1 - ratio)),
        params: {
          kind,
          // Response times (the app's compute + the I/O), which the points are computed from; the I/O
          // p95 alone (what the hop view shows) beside them, the run's and the native run's.
          p95Us: Math.round(runUs),
          nativeUs: Math.round(nativeUs),
          factor: round1(runUs / nativeUs),
          ioP95Us: entry.p95LatencyUs,
          nativeIoP95Us: native && native.byKind[kind].delivered > 0 ? native.byKind[kind].p95LatencyUs : NATIVE_LATENCY_US[kind],
        },
      });
    }
  }
  // A lost request (dropped, or cut off by a block or a quarantine) gives its user nothing: the share of
  // requests lost takes the same share of the speed score's 100 points (kc-model-4), not of what the
  // latency left; the score stops at 0 (then the lost points are what was left to take).
  const latencyPoints = 100 * latencyFactor;
  let remaining = latencyPoints;
  const lostPoints = (count: number): number => {
    const points = Math.min(remaining, (100 * count) / emitted);
    remaining -= points;
    return points;
  };
  if (metrics.dropped > 0) {
    deductions.push({
      objective: 'speed',
      code: 'speed-drops',
      points: round1(lostPoints(metrics.dropped)),
      params: { dropped: metrics.dropped, percent: round1((100 * metrics.dropped) / emitted) },
    });
  }
  if (metrics.blocked > 0) {
    deductions.push({
      objective: 'speed',
      code: 'speed-blocked',
      points: round1(lostPoints(metrics.blocked)),
      params: { blocked: metrics.blocked, percent: round1((100 * metrics.blocked) / emitted) },
    });
  }
  const score = Math.max(0, remaining);
  return { score: round1(score), deductions };
}

/** Security: 100 with no tenant breached, minus an equal share for each tenant an attack reached. */
export function scoreSecurity(metrics: RunMetrics): { score: number; deductions: Deduction[] } {
  const atRisk = metrics.tenantsAtRisk;
  if (atRisk === 0 || metrics.breachedTenants === 0) return { score: 100, deductions: [] };
  const perTenant = 100 / atRisk;
  const deductions: Deduction[] = metrics.breaches.map((breach) => ({
    objective: 'security' as const,
    code: 'breach',
    points: round1(perTenant),
    params: {
      tenant: breach.tenant,
      boundary: breach.boundary,
      threat: breach.kind,
      attacker: breach.attacker ?? '',
      atSecond: round1(breach.atMs / 1000),
    },
  }));
  return { score: round1(Math.max(0, 100 - perTenant * metrics.breachedTenants)), deductions };
}

/** Scale: 100 × instances running by each deadline ÷ instances required. */
export function scoreScale(metrics: RunMetrics): { score: number; deductions: Deduction[] } {
  const deductions: Deduction[] = [];
  let required = 0;
  for (const burst of metrics.bursts) required += burst.required;
  for (const burst of metrics.bursts) {
    if (burst.served < burst.required) {
      deductions.push({
        objective: 'scale',
        code: 'burst-late',
        points: round1((100 * (burst.required - burst.served)) / required),
        params: { app: burst.app, served: burst.served, required: burst.required, atSecond: burst.atSecond },
      });
    }
  }
  if (metrics.failedInstances > 0) {
    deductions.push({ objective: 'scale', code: 'burst-memory', points: 0, params: { count: metrics.failedInstances } });
  }
  return { score: round1(100 * metrics.burstServedRatio), deductions };
}

/** The weighted total over the level's objectives (contracts.md §1d). */
export function weightedTotal(level: Level, scores: Omit<ObjectiveScores, 'total'>, scale = 1): number {
  let weighted = 0;
  let weights = 0;
  for (const objective of OBJECTIVES) {
    const weight = (level.objectives[objective] ?? 0) * scale;
    if (!(weight > 0)) continue;
    weighted += weight * scores[objective];
    weights += weight;
  }
  // Weights so large that their sum overflows (the validator bounds them; a level built in code may not)
  // are divided by the largest first: the same average, and a finite total.
  if ((!Number.isFinite(weights) || !Number.isFinite(weighted)) && scale === 1) {
    const largest = Math.max(...OBJECTIVES.map((objective) => level.objectives[objective] ?? 0));
    return Number.isFinite(largest) && largest > 0 ? weightedTotal(level, scores, 1 / largest) : 0;
  }
  return weights === 0 ? 0 : round1(weighted / weights);
}

export function scoreRun(level: Level, metrics: RunMetrics, native?: RunMetrics): ScoredRun {
  const security = scoreSecurity(metrics);
  const speed = scoreSpeed(metrics, native);
  const scale = scoreScale(metrics);
  const partial = { security: security.score, speed: speed.score, scale: scale.score };
  return {
    score: { ...partial, total: weightedTotal(level, partial) },
    deductions: [...security.deductions, ...speed.deductions, ...scale.deductions],
  };
}

/** An infeasible build scores 0 on everything; each broken rule is a deduction. */
export function scoreInfeasible(violations: RuleViolation[]): ScoredRun {
  return {
    score: { security: 0, speed: 0, scale: 0, total: 0 },
    deductions: violations.map((violation) => ({
      objective: 'feasibility' as const,
      code: violation.code,
      points: 100,
      params: {
        ...(violation.params ?? {}),
        ...(violation.app ? { app: violation.app } : {}),
        ...(violation.node ? { node: violation.node } : {}),
      },
    })),
  };
}

/**
 * Whether the breach cap applies: where security is scored (weight above 0), a run that breached any
 * tenant other than the attacker's own earns at most one star (contracts.md §1d, kc-model-4).
 */
export function breachCapsStars(level: Pick<Level, 'objectives'>, metrics: Pick<RunMetrics, 'breachedTenants'>): boolean {
  return (level.objectives.security ?? 0) > 0 && metrics.breachedTenants > 0;
}

/** The most stars a breached build can earn where security is scored. */
export const BREACHED_MAX_STARS = 1;

/**
 * Stars: one per threshold that total ÷ best reaches; 0 for an infeasible build; at most
 * BREACHED_MAX_STARS when `breached` (see breachCapsStars).
 */
export function starsFor(total: number, bestTotal: number, thresholds: readonly number[], feasible: boolean, breached = false): number {
  if (!feasible || bestTotal <= 0) return 0;
  const ratio = total / bestTotal;
  let stars = 0;
  for (const threshold of thresholds) if (ratio >= threshold - 1e-9) stars += 1;
  return breached ? Math.min(stars, BREACHED_MAX_STARS) : stars;
}
