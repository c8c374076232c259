// The run's tallies and its report: packets emitted, delivered, dropped and cut off per kind, delivered
// latencies as histogram bins, breaches and bursts as they were judged, the trace hash (equal hashes,
// equal runs), and metrics(), which turns them into RunMetrics at any point of the run. The parts write
// the tallies as they go: a delivered packet's latency is counted in one place, Movement.deliver()
// (movement.ts).

import type { Boundary } from '../events';
import { LATENCY_BINS, LatencyHistogram } from '../LatencyHistogram';
import { round2 } from '../topology';
import type { Level, PacketKind, ThreatKind } from '../types';
import { PACKET_KINDS } from '../types';

export interface BreachRecord {
  threat: number;
  kind: ThreatKind;
  attacker: string | null;
  tenant: string;
  boundary: Boundary;
  atMs: number;
}

export interface BurstRecord {
  app: string;
  atSecond: number;
  required: number;
  served: number;
}

export interface KindMetrics {
  emitted: number;
  delivered: number;
  dropped: number;
  blocked: number;
  p50LatencyUs: number;
  p95LatencyUs: number;
}

export interface RunMetrics {
  delivered: number;
  dropped: number;
  p50LatencyUs: number;
  p95LatencyUs: number;
  breachedTenants: number;
  burstServedRatio: number;
  memoryUsedGiB: number;
  memoryGiB: number;
  bootSecondsPerInstance: number;
  /** Optional additions (contracts.md allows them). */
  emitted: number;
  blocked: number;
  byKind: Record<PacketKind, KindMetrics>;
  breaches: BreachRecord[];
  bursts: BurstRecord[];
  failedInstances: number;
  tenantsAtRisk: number;
}

export class Tally {
  /** Delivered packets' latencies, one LatencyHistogram's bins per kind (kind × LATENCY_BINS + bin); a
   * kind's count is its delivered count. */
  readonly latencyBins = new Float64Array(3 * LATENCY_BINS);
  readonly emittedByKind = new Float64Array(3);
  readonly deliveredByKind = new Float64Array(3);
  readonly droppedByKind = new Float64Array(3);
  /** Cut off: by a block command at a hop, or emitted by a quarantined app. */
  readonly blockedByKind = new Float64Array(3);
  /** FNV-1a style fold of everything observable (see foldTrace()). */
  traceHash = 0x811c9dc5;
  /** Hops served so far (packets entering a station), for the benchmark. */
  hopCount = 0;
  readonly breachedTenantSet = new Set<string>();
  /** The first breach of each tenant. */
  readonly breaches: BreachRecord[] = [];
  readonly burstRecords: BurstRecord[] = [];
  /** Instances that could not boot (no memory left). */
  failedInstances = 0;

  /** Folds two numbers into the trace hash. (movement.ts folds deliveries inline, the same way.) */
  foldTrace(a: number, b: number): void {
    let hash = this.traceHash ^ a;
    hash = Math.imul(hash, 0x01000193);
    hash ^= b;
    this.traceHash = Math.imul(hash, 0x01000193) >>> 0;
  }
}

/** What metrics() needs from the rest of the run besides the tallies. */
export interface MetricsInputs {
  level: Level;
  peakMemoryGiB: number;
  bootSecondsPerInstance: number;
}

/** The run's metrics so far. */
export function runMetrics(tally: Tally, inputs: MetricsInputs): RunMetrics {
  const histograms = [0, 1, 2].map((kind) => {
    const histogram = new LatencyHistogram();
    histogram.addBins(tally.latencyBins, kind * LATENCY_BINS, tally.deliveredByKind[kind]);
    return histogram;
  });
  const all = new LatencyHistogram();
  for (const histogram of histograms) all.addAll(histogram);
  const byKind = {} as Record<PacketKind, KindMetrics>;
  PACKET_KINDS.forEach((kind, index) => {
    byKind[kind] = {
      emitted: tally.emittedByKind[index],
      delivered: tally.deliveredByKind[index],
      dropped: tally.droppedByKind[index],
      blocked: tally.blockedByKind[index],
      p50LatencyUs: Math.round(histograms[index].percentile(0.5)),
      p95LatencyUs: Math.round(histograms[index].percentile(0.95)),
    };
  });
  const sum = (array: Float64Array) => array[0] + array[1] + array[2];
  let required = 0;
  let served = 0;
  for (const record of tally.burstRecords) {
    required += record.required;
    served += record.served;
  }
  return {
    delivered: sum(tally.deliveredByKind),
    dropped: sum(tally.droppedByKind),
    p50LatencyUs: Math.round(all.percentile(0.5)),
    p95LatencyUs: Math.round(all.percentile(0.95)),
    breachedTenants: tally.breachedTenantSet.size,
    burstServedRatio: required === 0 ? 1 : served / required,
    memoryUsedGiB: round2(inputs.peakMemoryGiB),
    memoryGiB: inputs.level.hardware.memoryGiB,
    bootSecondsPerInstance: inputs.bootSecondsPerInstance,
    emitted: sum(tally.emittedByKind),
    blocked: sum(tally.blockedByKind),
    byKind,
    breaches: tally.breaches.slice(),
    bursts: tally.burstRecords.slice(),
    failedInstances: tally.failedInstances,
    tenantsAtRisk: tenantsAtRisk(inputs.level),
  };
}

/** Tenants that some threat of the level could reach in principle (the security score's denominator). */
export function tenantsAtRisk(level: Level): number {
  const tenants = new Set(level.apps.map((app) => app.tenant));
  const atRisk = new Set<string>();
  for (const threat of level.threats ?? []) {
    const attackerTenant = threat.kind === 'host-compromise' ? null : level.apps.find((app) => app.id === threat.app)?.tenant;
    for (const tenant of tenants) if (tenant !== attackerTenant) atRisk.add(tenant);
  }
  return atRisk.size;
}
