// The run's tallies and its report: packets emitted, delivered, dropped and cut off per kind, delivered
// latencies as histogram bins per app and kind, breaches and bursts as they were judged, the trace hash
// (equal hashes, equal runs), and metrics(), which turns them into RunMetrics at any point of the run: the
// I/O latencies per kind, and the response times (each request's I/O latency plus its app's own compute).
// The parts write the tallies as they go: a delivered packet's latency is counted in one place,
// Movement.deliver() (movement.ts).

import type { Boundary } from '../events';
import { DEFAULT_COMPUTE_US } from '../costs';
import { binOfUnits, LATENCY_BINS, LatencyHistogram, UNITS_PER_US } from '../LatencyHistogram';
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
  /**
   * Optional addition (kc-model-3): the p95 response time of this kind's requests, µs: each request's I/O
   * latency plus its app's own compute (`computeUs`, default DEFAULT_COMPUTE_US), what a user waits for.
   * The speed score compares it with the native run's; the hop view and the latency figures above stay
   * I/O only. The engine always fills it (0 with nothing delivered); a result made without it (an older
   * saved result) is scored with the I/O p95 plus the default compute.
   */
  p95ResponseUs?: number;
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
  /** Delivered packets' latencies, one LatencyHistogram's bins per app and kind ((app × 3 + kind) ×
   * LATENCY_BINS + bin). A kind's delivered count is the sum of its bins over all apps (not kept apart, so
   * that Movement.deliver() stays small). */
  readonly latencyBins: Float64Array;
  readonly emittedByKind = new Float64Array(3);
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

  constructor(apps: number) {
    this.latencyBins = new Float64Array(apps * 3 * LATENCY_BINS);
  }

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

/** A bin's middle in 1/64 µs units (LatencyHistogram's bins: 32 per power of two). */
function middleUnitsOfBin(bin: number): number {
  const octave = bin >> 5;
  return Math.floor((1 + ((bin & 31) + 0.5) / 32) * 2 ** octave);
}

/**
 * The run's I/O latencies and response times by kind, from the per-app bins: a kind's I/O histogram is
 * the sum over its apps; its response histogram moves each app's bins up by that app's own compute per
 * request (`computeUs`, default DEFAULT_COMPUTE_US), each bin's packets taken at the bin's middle (off by
 * at most half a bin, about 1.6 % of the I/O latency; exact when the compute is 0).
 */
function kindHistograms(tally: Tally, level: Level): { io: LatencyHistogram[]; response: LatencyHistogram[] } {
  const io = [0, 1, 2].map(() => new LatencyHistogram());
  const response = [0, 1, 2].map(() => new LatencyHistogram());
  const bins = tally.latencyBins;
  level.apps.forEach((app, appIndex) => {
    const computeUnits = Math.round((app.computeUs ?? DEFAULT_COMPUTE_US) * UNITS_PER_US);
    for (let kind = 0; kind < 3; kind += 1) {
      const offset = (appIndex * 3 + kind) * LATENCY_BINS;
      const ioBins = io[kind].bins;
      const responseBins = response[kind].bins;
      let count = 0;
      for (let bin = 0; bin < LATENCY_BINS; bin += 1) {
        const packets = bins[offset + bin];
        if (packets === 0) continue;
        count += packets;
        ioBins[bin] += packets;
        const units = middleUnitsOfBin(bin) + computeUnits;
        responseBins[computeUnits === 0 ? bin : binOfUnits(units < 0x7fffffff ? units : 0x7fffffff)] += packets;
      }
      io[kind].count += count;
      response[kind].count += count;
    }
  });
  return { io, response };
}

/** The run's metrics so far. */
export function runMetrics(tally: Tally, inputs: MetricsInputs): RunMetrics {
  const { io: histograms, response } = kindHistograms(tally, inputs.level);
  const all = new LatencyHistogram();
  for (const histogram of histograms) all.addAll(histogram);
  const byKind = {} as Record<PacketKind, KindMetrics>;
  PACKET_KINDS.forEach((kind, index) => {
    byKind[kind] = {
      emitted: tally.emittedByKind[index],
      delivered: histograms[index].count,
      dropped: tally.droppedByKind[index],
      blocked: tally.blockedByKind[index],
      p50LatencyUs: Math.round(histograms[index].percentile(0.5)),
      p95LatencyUs: Math.round(histograms[index].percentile(0.95)),
      p95ResponseUs: Math.round(response[index].percentile(0.95)),
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
    delivered: histograms[0].count + histograms[1].count + histograms[2].count,
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
