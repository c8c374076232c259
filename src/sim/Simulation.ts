// The deterministic engine: a level and a build in, a trace of events and the run's metrics out. Time is
// integer ticks of TICK_MS; randomness comes from streams seeded by the run's seed; player actions are
// commands stamped with a time. Packets live in typed arrays so the game can animate every one of them and
// the debrief can rank every architecture in milliseconds.

import {
  BUNDLE_REQUESTS,
  SERVERS,
  KIND_INDEX,
  MAX_DEPTH,
  MAX_QUEUE_WAIT_US,
  SERVICE_US,
  STATION_DEPTH,
  TICK_MS,
  TICK_US,
  VM_VCPUS,
  ATTACK_SPREAD_MS,
  type StationKind,
} from './costs';
import type { Boundary, SimEvent, SimListener } from './events';
import { binOfUnits, LATENCY_BINS, LatencyHistogram, UNITS_PER_US } from './LatencyHistogram';
import { pullSecondsFor, startSecondsFor } from './bootModel';
import { hashString, mixSeed } from './random';
import { resolveAttack, vmDriverOf } from './resolveAttack';
import {
  analyzeBuild,
  instanceMemoryGiB,
  resolvePlacement,
  round2,
  type AppHosting,
  type BuildAnalysis,
} from './topology';
import type { Build, BuildNode, Command, Driver, Level, PacketKind, RuleViolation, Threat, ThreatKind } from './types';
import { PACKET_KINDS } from './types';

export interface SimulationOptions {
  /** The run's seed; default: the level's. */
  seed?: number;
  /** Receives every event as it happens; omit it for the fastest runs (ranking, benchmarks). */
  listener?: SimListener;
}

// Module-local copies of the constants used in the hot loops: a transpiler may turn imported bindings into
// getter calls, which costs more than the arithmetic around them.
const BUNDLE = BUNDLE_REQUESTS;
const MAX_WAIT_US = MAX_QUEUE_WAIT_US;
const TICK_LENGTH_US = TICK_US;
const DEPTHS = MAX_DEPTH;
const BINS = LATENCY_BINS;

/** Instance states. */
const INSTANCE_BOOTING = 1;
const INSTANCE_READY = 2;
const INSTANCE_SPARE = 3;
const INSTANCE_STOPPED = 4;

export type InstanceState = 'booting' | 'ready' | 'spare' | 'stopped';
const INSTANCE_STATE_NAMES: Record<number, InstanceState> = {
  [INSTANCE_BOOTING]: 'booting',
  [INSTANCE_READY]: 'ready',
  [INSTANCE_SPARE]: 'spare',
  [INSTANCE_STOPPED]: 'stopped',
};

/** At most this many packets are in flight at once. */
const MAX_PACKETS_IN_FLIGHT = 1 << 22;
/**
 * Arrivals within a tick are put in time order by a counting sort over this many time slices (≈ 156 µs of
 * board time each, 0.03 µs per request); within a slice, in the order they came. Linear in the packets,
 * and the same for any way of stepping.
 */
const ORDER_SLICES = 64;
/**
 * Lanes wake on a timing wheel: each lane with packets is filed under the tick in which its head packet
 * finishes, so a tick visits only the lanes that have something to pass on. The wheel spans more ticks
 * than any packet can stay in a hop (the longest service, 0.45 s, plus the drop limit, 2.5 s).
 */
const WHEEL_TICKS = 512;
const NO_THREATS: readonly Threat[] = [];
/** A generator whose chance of an empty tick is below this draws every tick; above, it skips empty runs. */
const BUSY_GENERATOR = 0.7;
/** One time slice, µs (exact: 156.25), and slices per µs (rounded). */
const SLICE_US = TICK_LENGTH_US / ORDER_SLICES;
const SLICES_PER_US = ORDER_SLICES / TICK_LENGTH_US;

/** A bundle's µs per 1/64 µs of per-request latency (exact: 78.125), and the inverse (rounded). */
const BUNDLE_US_PER_UNIT = BUNDLE / UNITS_PER_US;
const UNITS_PER_BUNDLE_US = UNITS_PER_US / BUNDLE;

/**
 * The histogram bin of a packet that took `durationUs` (≥ 0) for its bundle: the bin of its per-request
 * latency durationUs / BUNDLE, without the division. The bin depends on floor(64 × that quotient), and the
 * quotient's rounding cannot lift a value just under a multiple of 1/64 onto it (as for sliceOf below), so
 * that is the true floor: the largest k with k × 78.125 ≤ durationUs, both sides exact.
 */
function latencyBin(durationUs: number): number {
  if (!(durationUs >= 0 && durationUs < 1e9)) return binOfLatency(durationUs / BUNDLE);
  let units = (durationUs * UNITS_PER_BUNDLE_US) | 0;
  if (units * BUNDLE_US_PER_UNIT > durationUs) units -= 1;
  else if ((units + 1) * BUNDLE_US_PER_UNIT <= durationUs) units += 1;
  return binOfUnits(units < 1 ? 1 : units);
}

/** LatencyHistogram's bin of a latency in µs (as its add() finds it). */
function binOfLatency(latencyUs: number): number {
  const scaled = latencyUs * UNITS_PER_US;
  return binOfUnits(scaled < 1 ? 1 : scaled >= 0x7fffffff ? 0x7fffffff : scaled | 0);
}

/**
 * The time slice of an arrival `offsetUs` ≥ 0 µs after the tick's start: floor(offsetUs × 64 / 10 000)
 * as the engine always computed it, without the division. offsetUs × 64 is exact, and the quotient's
 * rounding cannot lift a value just under an integer k onto k (the spacing of doubles near 64 × offsetUs
 * is over 0.8 of that near k, times 10 000), so that floor is the true one: the largest slice s with
 * s × 156.25 ≤ offsetUs, both sides exact. A multiplication finds it to within one; the comparisons settle it.
 */
function sliceOf(offsetUs: number): number {
  let slice = (offsetUs * SLICES_PER_US) | 0;
  if (slice * SLICE_US > offsetUs) slice -= 1;
  else if ((slice + 1) * SLICE_US <= offsetUs) slice += 1;
  return slice >= ORDER_SLICES ? ORDER_SLICES - 1 : slice;
}

/** What the view needs to draw one station (hop). */
export interface StationInfo {
  index: number;
  kind: StationKind;
  /** The build node this hop belongs to, or `hardware`. */
  owner: string;
  depth: number;
  /** For hops of one VM made from a template: the app and its instance number. */
  app: string | null;
  instance: number | null;
}

export interface InstanceInfo {
  index: number;
  app: string;
  state: InstanceState;
  bootStartUs: number;
  readyAtUs: number;
}

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

interface PendingBreach {
  atUs: number;
  threat: number;
  kind: ThreatKind;
  attacker: string | null;
  tenant: string;
  boundary: Boundary;
}

interface PendingBurst {
  index: number;
  app: number;
  startTick: number;
  deadlineTick: number;
  required: number;
  started: boolean;
  ended: boolean;
}

function growFloat(array: Float64Array<ArrayBuffer>, size: number): Float64Array<ArrayBuffer> {
  const next = new Float64Array(size);
  next.set(array);
  return next;
}
function growInt(array: Int32Array<ArrayBuffer>, size: number): Int32Array<ArrayBuffer> {
  const next = new Int32Array(size);
  next.set(array);
  return next;
}
function growByte(array: Uint8Array<ArrayBuffer>, size: number): Uint8Array<ArrayBuffer> {
  const next = new Uint8Array(size);
  next.set(array);
  return next;
}
function growUint(array: Uint32Array<ArrayBuffer>, size: number): Uint32Array<ArrayBuffer> {
  const next = new Uint32Array(size);
  next.set(array);
  return next;
}

/** Builds a simulation, or reports the rules the build breaks. */
export function createSimulation(
  level: Level,
  build: Build,
  options: SimulationOptions = {},
): { ok: true; simulation: Simulation; analysis: BuildAnalysis } | { ok: false; violations: RuleViolation[]; analysis: BuildAnalysis } {
  const analysis = analyzeBuild(level, build);
  if (analysis.violations.length > 0) return { ok: false, violations: analysis.violations, analysis };
  return { ok: true, simulation: new Simulation(level, build, analysis, options), analysis };
}

export class Simulation {
  readonly level: Level;
  readonly seed: number;
  readonly tickMs = TICK_MS;
  readonly totalTicks: number;
  private readonly listener: SimListener | undefined;
  private readonly nodes: Map<string, BuildNode>;
  private readonly rootNode: BuildNode | null;
  private readonly hostings: AppHosting[];
  private readonly nodeIndex = new Map<string, number>();
  private readonly appIndex = new Map<string, number>();

  /** Current tick: ticks [0, tick) have been simulated. */
  tick = 0;

  // Stations (hops).
  private stationCount = 0;
  private stationInfos: StationInfo[] = [];
  private stationKey = new Map<string, number>();
  private stService = new Float64Array(64 * 3);
  private stInterval = new Float64Array(64 * 3);
  /** When each lane's servers next take a packet: kinds queue separately (syscalls never wait behind disk
   * bundles; disk and network have their own devices and backends). */
  private stNextFree = new Float64Array(64 * 3);
  private stOwner = new Int32Array(64);
  private stDepth = new Int32Array(64);
  private stationsByDepth: number[][] = [];
  /** Each hop has one line per packet kind (a lane, index station × 3 + kind): kinds neither wait for
   * nor overtake each other, and within a lane packets leave in the order they came. A lane is a list of
   * packet slots linked through pNext, from laneFirst to laneLast (-1: empty; the last one's link is
   * not kept up, so walks stop at laneLast). */
  private laneFirst = new Int32Array(64 * 3).fill(-1);
  private laneLast = new Int32Array(64 * 3).fill(-1);
  /** The timing wheel as intrusive lists: bucket (tick % WHEEL_TICKS) × depths + depth holds the lanes
   * whose head finishes in that tick, first filed first, from wheelHead through laneNext to wheelTail
   * (-1: empty; walks stop at wheelTail). A lane with packets is filed in exactly one bucket, by when its
   * head packet finishes;
   * an empty lane in none. */
  private readonly wheelHead = new Int32Array(WHEEL_TICKS * (MAX_DEPTH + 1)).fill(-1);
  private readonly wheelTail = new Int32Array(WHEEL_TICKS * (MAX_DEPTH + 1)).fill(-1);
  private laneNext = new Int32Array(64 * 3);

  // Paths, by generator (instance * 3 + kind): the stations of each, top to bottom, are
  // pathStations[genPathStart .. genPathStart + genPathLength).
  private pathStations = new Int32Array(1024);
  private pathEnd = 0;
  private genPathStart = new Int32Array(192);
  private genPathLength = new Int32Array(192);

  // Instances.
  private instanceCount = 0;
  private instApp = new Int32Array(64);
  private instState = new Uint8Array(64);
  private instBootStart = new Float64Array(64);
  private instReady = new Float64Array(64);
  private instMemory = new Float64Array(64);
  // Generators: index instance * 3 + kind.
  /** e^(−mean arrivals per full tick): the chance that a tick brings none. */
  private genExpNegMean = new Float64Array(192);
  /** The next tick in which a generator emits at least one packet; -1 until scheduled. */
  private genNextTick = new Int32Array(192);
  private genRatePerUs = new Float64Array(192);
  private genState = new Uint32Array(192);
  private instancesCreated: number[] = [];
  /** Instances booting now (the timeline looks for finished boots only while there are some). */
  private bootingCount = 0;
  /** The generators of ready instances, in index order: busy ones (every tick, see BUSY_GENERATOR) and
   * idle ones (when their tick comes). Rebuilt when an instance changes state. */
  private busyGenerators = new Int32Array(192);
  private busyGeneratorCount = 0;
  /** Per busy generator (same index): what its tick needs, read once when the lists are built (an
   * instance's state, ready time and paths change only when the lists are rebuilt). */
  private busyInstance = new Int32Array(192);
  private busyApp = new Int32Array(192);
  /** From when its tick takes the inlined path: its instance's ready time if a full tick's mean is under
   * 30 (Knuth's product of uniforms) and its app is not quarantined, else never (+∞). */
  private busyFastFromUs = new Float64Array(192);
  private busyExpNegMean = new Float64Array(192);
  /** floor(e^-mean × 2^32): a first 32-bit draw x brings an empty tick exactly when x / 2^32 ≤ e^-mean,
   * that is when x ≤ this (x / 2^32 and e^-mean × 2^32 are exact). */
  private busyEmptyAtMost = new Uint32Array(192);
  /** The lane and depth of its packets' first hop. */
  private busyFirstLane = new Int32Array(192);
  private busyDepth = new Int32Array(192);
  /** 1 when a full tick's mean is under 30 (Knuth's product of uniforms; else sums of exponential gaps). */
  private idleGenerators = new Int32Array(192);
  private idleGeneratorCount = 0;
  /** No idle generator of a ready instance is due before this tick. */
  private idleDueTick = 0;
  /** The idle generators due in this tick, in index order. */
  private dueGenerators = new Int32Array(192);
  private generatorsStale = true;

  // Packets (structure of arrays).
  private packetCapacity = 4096;
  private pId = new Int32Array(4096);
  private pInst = new Int32Array(4096);
  private pHop = new Uint8Array(4096);
  private pEmit = new Float64Array(4096);
  private pStart = new Float64Array(4096);
  private pDone = new Float64Array(4096);
  private pArrive = new Float64Array(4096);
  /** The next packet in the same lane or the same arrival list (a packet is in one at a time); meaningless
   * for the last of one. */
  private pNext = new Int32Array(4096);
  /** The lane of the hop a packet is at or arriving at (set when it is filed among a tick's arrivals:
   * paths change only between ticks). */
  private pLane = new Int32Array(4096);
  private freeSlots = new Int32Array(4096);
  private freeCount = 0;
  private slotHighWater = 0;
  private nextPacketId = 0;
  private inFlight = 0;

  // One tick's arrivals at each depth, in time order: a list per (depth, time slice), linked through pNext
  // in the order they came, from arrivalFirst to arrivalLast (-1: empty; walks stop at arrivalLast); a bit
  // per non-empty slice.
  private readonly arrivalFirst = new Int32Array((DEPTHS + 1) * ORDER_SLICES).fill(-1);
  private readonly arrivalLast = new Int32Array((DEPTHS + 1) * ORDER_SLICES).fill(-1);
  /** Slices 0–31 and 32–63 of each depth that hold arrivals. */
  private readonly arrivalMaskLow = new Int32Array(DEPTHS + 1);
  private readonly arrivalMaskHigh = new Int32Array(DEPTHS + 1);

  // Run state.
  private quarantined: Uint8Array;
  private blockAt: Int32Array;
  /** Whether any block command has applied (until then no hop checks blockAt). */
  private blocking = false;
  private pullDoneUs: Float64Array;
  private imageOnMachine: Uint8Array;
  /** Which images were on the machine when the run began (cached, or pre-pulled by provisioning). */
  private readonly imageAtStart: Uint8Array;
  private memoryUsedGiB: number;
  private peakMemoryGiB: number;
  private readonly commands: Command[] = [];
  private commandCursor = 0;
  private readonly appliedCommands: Command[] = [];
  private readonly pendingBursts: PendingBurst[] = [];
  private pendingBreaches: PendingBreach[] = [];
  private readonly breachedTenantSet = new Set<string>();
  private readonly breaches: BreachRecord[] = [];
  private readonly burstRecords: BurstRecord[] = [];
  private readonly threatTicks: number[];
  private readonly threatFired: boolean[];
  private failedInstances = 0;

  // Metrics.
  /** Delivered packets' latencies, one LatencyHistogram's bins per kind (kind × LATENCY_BINS + bin); a
   * kind's count is its delivered count. */
  private readonly latencyBins = new Float64Array(3 * LATENCY_BINS);
  private readonly emittedByKind = new Float64Array(3);
  private readonly deliveredByKind = new Float64Array(3);
  private readonly droppedByKind = new Float64Array(3);
  private readonly blockedByKind = new Float64Array(3);
  private traceHashValue = 0x811c9dc5;
  /** Hops served so far (packets entering a station), for the benchmark. */
  hopCount = 0;

  constructor(level: Level, build: Build, analysis: BuildAnalysis, options: SimulationOptions = {}) {
    this.level = level;
    this.seed = options.seed ?? level.seed;
    this.listener = options.listener;
    this.nodes = new Map(analysis.nodes);
    this.rootNode = analysis.rootNode;
    this.hostings = analysis.hostings.map((hosting) => ({ ...hosting }));
    this.totalTicks = Math.round((level.durationSeconds * 1000) / TICK_MS);
    build.nodes.forEach((node, index) => this.nodeIndex.set(node.id, index + 1));
    this.nodeIndex.set('hardware', 0);
    level.apps.forEach((app, index) => this.appIndex.set(app.id, index));
    for (let depth = 0; depth <= DEPTHS; depth += 1) {
      this.stationsByDepth.push([]);
    }
    const appCount = level.apps.length;
    this.quarantined = new Uint8Array(appCount);
    this.blockAt = new Int32Array(appCount * 3).fill(-1);
    this.pullDoneUs = new Float64Array(appCount).fill(-1);
    this.imageOnMachine = new Uint8Array(appCount);
    level.apps.forEach((app, index) => {
      const prePull = build.provisioning?.some((entry) => entry.app === app.id && entry.prePull) ?? false;
      if (app.image?.cached || prePull) this.imageOnMachine[index] = 1;
    });
    this.imageAtStart = this.imageOnMachine.slice();
    this.memoryUsedGiB = analysis.memoryGiB;
    this.peakMemoryGiB = analysis.memoryGiB;

    // Instances present at the start: running ones and warm spares, already booted.
    for (const hosting of this.hostings) {
      const memory = instanceMemoryGiB(hosting, hosting.app);
      for (let count = 0; count < hosting.app.instances; count += 1) {
        this.createInstance(hosting.appIndex, INSTANCE_READY, 0, 0, memory);
      }
      const spares = build.provisioning?.find((entry) => entry.app === hosting.app.id)?.warmSpares ?? 0;
      for (let count = 0; count < spares; count += 1) {
        this.createInstance(hosting.appIndex, INSTANCE_SPARE, 0, 0, memory);
      }
    }

    (level.bursts ?? []).forEach((burst, index) => {
      const startTick = Math.floor((burst.atSecond * 1000) / TICK_MS);
      this.pendingBursts.push({
        index,
        app: this.appIndex.get(burst.app) ?? 0,
        startTick,
        deadlineTick: Math.floor(((burst.atSecond + burst.deadlineSeconds) * 1000) / TICK_MS),
        required: burst.instances,
        started: false,
        ended: false,
      });
    });
    const threats = level.threats ?? [];
    this.threatTicks = threats.map((threat) => Math.floor((threat.atSecond * 1000) / TICK_MS));
    this.threatFired = threats.map(() => false);

    const commands = (build.commands ?? []).map((command, index) => ({ command, index }));
    commands.sort((left, right) => left.command.atMs - right.command.atMs || left.index - right.index);
    for (const entry of commands) this.commands.push(entry.command);
  }

  // ---------------------------------------------------------------- public API for the game and tests

  get done(): boolean {
    return this.tick >= this.totalTicks;
  }

  /** Simulated time at the start of the next tick, µs. */
  get nowUs(): number {
    return this.tick * TICK_LENGTH_US;
  }

  /** Advances `ticks` ticks (stops at the end of the run). Stepping in any chunks gives the same run. */
  step(ticks = 1): void {
    const end = Math.min(this.totalTicks, this.tick + Math.max(0, Math.floor(ticks)));
    while (this.tick < end) {
      this.runTick();
      this.tick += 1;
    }
    if (this.tick >= this.totalTicks && !this.endedEmitted) {
      this.endedEmitted = true;
      this.emit({ type: 'runEnded', atUs: this.totalTicks * TICK_LENGTH_US });
    }
  }

  private endedEmitted = false;

  runToEnd(): void {
    this.step(this.totalTicks - this.tick);
  }

  /**
   * Queues a player action. A command stamped earlier than the current time applies at the next tick and
   * is logged with that time, so the log replays the run exactly.
   */
  enqueue(command: Command): Command {
    const atMs = Math.max(command.atMs, this.tick * TICK_MS);
    const stamped = { ...command, atMs } as Command;
    let insertAt = this.commands.length;
    while (insertAt > this.commandCursor && this.commands[insertAt - 1].atMs > atMs) insertAt -= 1;
    this.commands.splice(insertAt, 0, stamped);
    return stamped;
  }

  /** Commands applied so far, in order: with the seed, they replay the run. */
  commandLog(): Command[] {
    return this.appliedCommands.slice();
  }

  stations(): readonly StationInfo[] {
    return this.stationInfos;
  }

  /** The station indices a packet of this app instance and kind visits, top to bottom. */
  pathOf(instance: number, kind: PacketKind): number[] {
    const generator = instance * 3 + KIND_INDEX[kind];
    if (!(generator >= 0 && generator < this.instanceCount * 3)) return [];
    const start = this.genPathStart[generator];
    return Array.from(this.pathStations.subarray(start, start + this.genPathLength[generator]));
  }

  instances(): InstanceInfo[] {
    const result: InstanceInfo[] = [];
    for (let index = 0; index < this.instanceCount; index += 1) {
      result.push({
        index,
        app: this.level.apps[this.instApp[index]].id,
        state: INSTANCE_STATE_NAMES[this.instState[index]],
        bootStartUs: this.instBootStart[index],
        readyAtUs: this.instReady[index],
      });
    }
    return result;
  }

  /** Where each app runs now (after any moves). */
  currentHostings(): readonly AppHosting[] {
    return this.hostings;
  }

  /** Packets currently inside hops (waiting or in service), for drawing. */
  forEachPacket(
    visit: (
      id: number,
      kind: number,
      instance: number,
      station: number,
      arriveUs: number,
      startUs: number,
      doneUs: number,
      emitUs: number,
    ) => void,
  ): void {
    for (let lane = 0; lane < this.stationCount * 3; lane += 1) {
      const station = (lane / 3) | 0;
      const last = this.laneLast[lane];
      for (let slot = this.laneFirst[lane]; slot >= 0; slot = slot === last ? -1 : this.pNext[slot]) {
        visit(
          this.pId[slot],
          lane - station * 3,
          this.pInst[slot],
          station,
          this.pArrive[slot],
          this.pStart[slot],
          this.pDone[slot],
          this.pEmit[slot],
        );
      }
    }
  }

  /** Packets waiting (not yet in service) at a station at time `atUs`. */
  queuedAt(station: number, atUs = this.nowUs): number {
    let waiting = 0;
    for (let lane = station * 3; lane < station * 3 + 3; lane += 1) {
      const last = this.laneLast[lane];
      for (let slot = this.laneFirst[lane]; slot >= 0; slot = slot === last ? -1 : this.pNext[slot]) {
        if (this.pStart[slot] > atUs) waiting += 1;
      }
    }
    return waiting;
  }

  /** The gap a hop's servers leave between two packets of a kind (µs of board time): how far apart a
   * queue's packets are in time, for drawing the queue as a line. */
  laneGapUs(station: number, kind: number): number {
    return this.stInterval[station * 3 + kind] || 1;
  }

  get packetsInFlight(): number {
    return this.inFlight;
  }

  memoryNowGiB(): number {
    return this.memoryUsedGiB;
  }

  /** A hash of everything observable in the run so far: equal hashes, equal runs. */
  traceHash(): string {
    return (this.traceHashValue >>> 0).toString(16).padStart(8, '0');
  }

  metrics(): RunMetrics {
    const histograms = [0, 1, 2].map((kind) => {
      const histogram = new LatencyHistogram();
      histogram.addBins(this.latencyBins, kind * LATENCY_BINS, this.deliveredByKind[kind]);
      return histogram;
    });
    const all = new LatencyHistogram();
    for (const histogram of histograms) all.addAll(histogram);
    const byKind = {} as Record<PacketKind, KindMetrics>;
    PACKET_KINDS.forEach((kind, index) => {
      byKind[kind] = {
        emitted: this.emittedByKind[index],
        delivered: this.deliveredByKind[index],
        dropped: this.droppedByKind[index],
        blocked: this.blockedByKind[index],
        p50LatencyUs: Math.round(histograms[index].percentile(0.5)),
        p95LatencyUs: Math.round(histograms[index].percentile(0.95)),
      };
    });
    const sum = (array: Float64Array) => array[0] + array[1] + array[2];
    let required = 0;
    let served = 0;
    for (const record of this.burstRecords) {
      required += record.required;
      served += record.served;
    }
    return {
      delivered: sum(this.deliveredByKind),
      dropped: sum(this.droppedByKind),
      p50LatencyUs: Math.round(all.percentile(0.5)),
      p95LatencyUs: Math.round(all.percentile(0.95)),
      breachedTenants: this.breachedTenantSet.size,
      burstServedRatio: required === 0 ? 1 : served / required,
      memoryUsedGiB: round2(this.peakMemoryGiB),
      memoryGiB: this.level.hardware.memoryGiB,
      bootSecondsPerInstance: this.bootSecondsPerInstance(),
      emitted: sum(this.emittedByKind),
      blocked: sum(this.blockedByKind),
      byKind,
      breaches: this.breaches.slice(),
      bursts: this.burstRecords.slice(),
      failedInstances: this.failedInstances,
      tenantsAtRisk: this.tenantsAtRisk(),
    };
  }

  /** Tenants that some threat of the level could reach in principle (the security score's denominator). */
  tenantsAtRisk(): number {
    const tenants = new Set(this.level.apps.map((app) => app.tenant));
    const atRisk = new Set<string>();
    for (const threat of this.level.threats ?? []) {
      const attackerTenant = threat.kind === 'host-compromise' ? null : this.level.apps.find((app) => app.id === threat.app)?.tenant;
      for (const tenant of tenants) if (tenant !== attackerTenant) atRisk.add(tenant);
    }
    return atRisk.size;
  }

  /** Seconds one new instance takes to run from the machine as it was at the start (image pull included
   * where the image was neither cached nor pre-pulled), averaged over apps. */
  private bootSecondsPerInstance(): number {
    if (this.hostings.length === 0) return 0;
    let total = 0;
    for (const hosting of this.hostings) {
      total += this.startSeconds(hosting) + (this.imageAtStart[hosting.appIndex] ? 0 : this.pullSeconds(hosting.appIndex));
    }
    return round2(total / this.hostings.length);
  }

  // ---------------------------------------------------------------- stations and paths

  private station(
    key: string,
    kind: StationKind,
    owner: string,
    service: readonly number[],
    servers: number,
    app: string | null = null,
    instance: number | null = null,
  ): number {
    const existing = this.stationKey.get(key);
    if (existing !== undefined) return existing;
    const index = this.stationCount;
    if (index >= this.stOwner.length) {
      const size = this.stOwner.length * 2;
      this.stService = growFloat(this.stService, size * 3);
      this.stInterval = growFloat(this.stInterval, size * 3);
      this.stNextFree = growFloat(this.stNextFree, size * 3);
      this.stOwner = growInt(this.stOwner, size);
      this.stDepth = growInt(this.stDepth, size);
      const first = new Int32Array(size * 3).fill(-1);
      first.set(this.laneFirst);
      this.laneFirst = first;
      const last = new Int32Array(size * 3).fill(-1);
      last.set(this.laneLast);
      this.laneLast = last;
      this.laneNext = growInt(this.laneNext, size * 3);
    }
    this.stationCount += 1;
    this.stationKey.set(key, index);
    const depth = STATION_DEPTH[kind];
    this.stationInfos.push({ index, kind, owner, depth, app, instance });
    this.stationsByDepth[depth].push(index);
    this.stOwner[index] = this.nodeIndex.get(owner) ?? 0;
    this.stDepth[index] = depth;
    this.configureStation(index, service, servers);
    return index;
  }

  /** Sets a hop's per-packet time (per-request µs × bundle) and the gap its servers leave between packets. */
  private configureStation(index: number, service: readonly number[], servers: number): void {
    for (let kind = 0; kind < 3; kind += 1) {
      const packetUs = service[kind] * BUNDLE;
      this.stService[index * 3 + kind] = packetUs;
      this.stInterval[index * 3 + kind] = packetUs / Math.max(1, servers);
    }
  }

  private kernelStation(nodeId: string, kind: 'host-kernel' | 'guest-kernel', cores: number): number {
    return this.station(`kernel:${nodeId}`, kind, nodeId, SERVICE_US.kernel, SERVERS.perCore * cores);
  }

  private hardwareStation(kind: 'disk' | 'nic'): number {
    return this.station(kind, kind, 'hardware', SERVICE_US[kind], SERVERS[kind]);
  }

  /** The hops of one VM: guest kernel, exit into the hypervisor, its device backend (Type-2: the
   * hypervisor's process, then the translation into host syscalls and the host kernel). */
  private vmStations(
    vmKey: string,
    owner: string,
    hypervisorNode: string,
    hypervisorType: 'type1' | 'type2',
    driver: Driver,
    app: string | null,
    instance: number | null,
  ): number[] {
    const vcpus = SERVERS.perCore * VM_VCPUS;
    const guest = this.station(`kernel:${vmKey}`, 'guest-kernel', owner, SERVICE_US.kernel, vcpus, app, instance);
    const exitCosts = hypervisorType === 'type2' ? SERVICE_US.type2VmExit : SERVICE_US.vmExit;
    const exit = this.station(`exit:${vmKey}`, 'vm-exit', owner, exitCosts[driver], vcpus, app, instance);
    this.configureStation(exit, exitCosts[driver], vcpus);
    if (hypervisorType === 'type1') {
      const backend = this.station(`backend:${vmKey}`, 'backend', owner, SERVICE_US.backend[driver], SERVERS.backend, app, instance);
      this.configureStation(backend, SERVICE_US.backend[driver], SERVERS.backend);
      return [guest, exit, backend];
    }
    const process = this.station(`process:${vmKey}`, 'type2-process', owner, SERVICE_US.type2Process[driver], SERVERS.type2Process, app, instance);
    this.configureStation(process, SERVICE_US.type2Process[driver], SERVERS.type2Process);
    const translate = this.station(`host-syscall:${hypervisorNode}`, 'host-syscall', hypervisorNode, SERVICE_US.hostSyscall, SERVERS.hostSyscall);
    const hostId = this.nodes.get(hypervisorNode)?.on ?? 'hardware';
    return [guest, exit, process, translate, this.kernelStation(hostId, 'host-kernel', this.level.hardware.cores)];
  }

  /** The stations below a kernel node for disk/net packets (a VM's way out, or straight to hardware). */
  private belowKernel(kernelNode: string): { kernel: number; below: number[] } {
    const node = this.nodes.get(kernelNode);
    if (node?.piece === 'vm') {
      const hypervisor = this.nodes.get(node.on);
      const hypervisorType = hypervisor?.piece === 'type1-hypervisor' ? 'type1' : 'type2';
      const stations = this.vmStations(node.id, node.id, node.on, hypervisorType, node.driver ?? 'emulated', null, null);
      return { kernel: stations[0], below: stations.slice(1) };
    }
    return { kernel: this.kernelStation(kernelNode, 'host-kernel', this.level.hardware.cores), below: [] };
  }

  /** Builds the three paths (disk, net, syscall) of one instance from its app's hosting. */
  private buildPaths(instance: number, hosting: AppHosting): void {
    const disk = this.hardwareStation('disk');
    const nic = this.hardwareStation('nic');
    let syscallPath: number[];
    let ioPrefix: number[];
    let engineStations: number[] = [];
    if (hosting.kind === 'vm-per-instance' && hosting.template && hosting.hypervisorNode && hosting.hypervisorType) {
      const stations = this.vmStations(
        `${hosting.app.id}#${instance}`,
        hosting.hypervisorNode,
        hosting.hypervisorNode,
        hosting.hypervisorType,
        hosting.template.driver,
        hosting.app.id,
        instance,
      );
      syscallPath = [stations[0]];
      ioPrefix = stations;
    } else {
      const { kernel, below } = this.belowKernel(hosting.kernelNode ?? 'hardware');
      syscallPath = [kernel];
      ioPrefix = [kernel, ...below];
      if (hosting.kind === 'container' && hosting.engineNode) {
        // An engine inside a VM runs on the VM's vCPUs; on a host OS, on the machine's cores.
        const engine = this.station(
          `engine:${hosting.engineNode}`,
          'container-engine',
          hosting.engineNode,
          SERVICE_US.containerEngine,
          SERVERS.perCore * (hosting.vmNode ? VM_VCPUS : this.level.hardware.cores),
        );
        engineStations = [engine];
      }
    }
    this.setPath(instance * 3 + 0, [...engineStations, ...ioPrefix, disk]);
    this.setPath(instance * 3 + 1, [...engineStations, ...ioPrefix, nic]);
    this.setPath(instance * 3 + 2, syscallPath);
  }

  /** Sets a generator's path. One of the same length is rewritten in place, so that packets already on
   * the way follow the new hops; otherwise the path is stored anew. */
  private setPath(generator: number, stations: number[]): void {
    this.generatorsStale = true;
    let start = this.genPathStart[generator];
    if (this.genPathLength[generator] !== stations.length) {
      start = this.pathEnd;
      if (start + stations.length > this.pathStations.length) {
        this.pathStations = growInt(this.pathStations, Math.max(this.pathStations.length * 2, start + stations.length));
      }
      this.pathEnd = start + stations.length;
      this.genPathStart[generator] = start;
      this.genPathLength[generator] = stations.length;
    }
    for (let hop = 0; hop < stations.length; hop += 1) this.pathStations[start + hop] = stations[hop];
  }

  // ---------------------------------------------------------------- instances

  private createInstance(appIndex: number, state: number, bootStartUs: number, readyUs: number, memoryGiB: number): number {
    const index = this.instanceCount;
    if (index >= this.instApp.length) {
      const size = this.instApp.length * 2;
      this.instApp = growInt(this.instApp, size);
      this.instState = growByte(this.instState, size);
      this.instBootStart = growFloat(this.instBootStart, size);
      this.instReady = growFloat(this.instReady, size);
      this.instMemory = growFloat(this.instMemory, size);
      this.genExpNegMean = growFloat(this.genExpNegMean, size * 3);
      this.genNextTick = growInt(this.genNextTick, size * 3);
      this.genRatePerUs = growFloat(this.genRatePerUs, size * 3);
      this.genState = growUint(this.genState, size * 3);
      this.genPathStart = growInt(this.genPathStart, size * 3);
      this.genPathLength = growInt(this.genPathLength, size * 3);
    }
    this.instanceCount += 1;
    this.instApp[index] = appIndex;
    this.instState[index] = state;
    if (state === INSTANCE_BOOTING) this.bootingCount += 1;
    this.generatorsStale = true;
    this.instBootStart[index] = bootStartUs;
    this.instReady[index] = readyUs;
    this.instMemory[index] = memoryGiB;
    const app = this.level.apps[appIndex];
    const serial = this.instancesCreated[appIndex] ?? 0;
    this.instancesCreated[appIndex] = serial + 1;
    PACKET_KINDS.forEach((kind, kindIndex) => {
      const rate = app.io[kind] ?? 0;
      const generator = index * 3 + kindIndex;
      this.genRatePerUs[generator] = rate / 1e6;
      // One stream per (app, its n-th instance, kind): every architecture sees the same arrivals.
      this.genState[generator] = mixSeed(this.seed, hashString(app.id), serial, kindIndex);
      this.genExpNegMean[generator] = Math.exp(-(rate / 1e6) * TICK_LENGTH_US);
      this.genNextTick[generator] = -1;
    });
    const hosting = this.hostings.find((entry) => entry.appIndex === appIndex);
    if (hosting) this.buildPaths(index, hosting);
    return index;
  }

  private pullSeconds(appIndex: number): number {
    return pullSecondsFor(this.level, this.level.apps[appIndex]);
  }

  private startSeconds(hosting: AppHosting): number {
    return startSecondsFor(hosting);
  }

  /** Starts booting one new instance of an app now, if memory allows. */
  private bootInstance(appIndex: number, nowUs: number): void {
    const hosting = this.hostings.find((entry) => entry.appIndex === appIndex);
    if (!hosting) return;
    const memory = instanceMemoryGiB(hosting, hosting.app);
    if (this.memoryUsedGiB + memory > this.level.hardware.memoryGiB + 1e-9) {
      this.failedInstances += 1;
      this.emit({ type: 'instanceFailed', app: hosting.app.id, atUs: nowUs, reason: 'memory' });
      return;
    }
    this.memoryUsedGiB += memory;
    if (this.memoryUsedGiB > this.peakMemoryGiB) this.peakMemoryGiB = this.memoryUsedGiB;
    let pullSeconds = 0;
    let imageReadyUs = nowUs;
    if (!this.imageOnMachine[appIndex]) {
      if (this.pullDoneUs[appIndex] < 0) this.pullDoneUs[appIndex] = nowUs + this.pullSeconds(appIndex) * 1e6;
      imageReadyUs = this.pullDoneUs[appIndex];
      pullSeconds = (imageReadyUs - nowUs) / 1e6;
    }
    const readyUs = imageReadyUs + this.startSeconds(hosting) * 1e6;
    const instance = this.createInstance(appIndex, INSTANCE_BOOTING, nowUs, readyUs, memory);
    this.emit({ type: 'instanceBooting', app: hosting.app.id, instance, atUs: nowUs, readyAtUs: readyUs, pullSeconds });
  }

  private stopInstance(instance: number, nowUs: number): void {
    if (this.instState[instance] === INSTANCE_STOPPED) return;
    if (this.instState[instance] === INSTANCE_BOOTING) this.bootingCount -= 1;
    this.instState[instance] = INSTANCE_STOPPED;
    this.generatorsStale = true;
    this.memoryUsedGiB -= this.instMemory[instance];
    this.emit({ type: 'instanceStopped', app: this.level.apps[this.instApp[instance]].id, instance, atUs: nowUs });
  }

  /** Instances of an app that run or are booting (warm spares excluded), newest last. */
  private liveInstances(appIndex: number): number[] {
    const result: number[] = [];
    for (let index = 0; index < this.instanceCount; index += 1) {
      const state = this.instState[index];
      if (this.instApp[index] === appIndex && (state === INSTANCE_READY || state === INSTANCE_BOOTING)) result.push(index);
    }
    return result;
  }

  private readyCount(appIndex: number): number {
    let count = 0;
    for (let index = 0; index < this.instanceCount; index += 1) {
      if (this.instApp[index] === appIndex && this.instState[index] === INSTANCE_READY) count += 1;
    }
    return count;
  }

  /** Brings an app to `target` live instances: warm spares first, then new boots; or stops the newest. */
  private scaleTo(appIndex: number, target: number, nowUs: number): void {
    const live = this.liveInstances(appIndex);
    if (target > live.length) {
      let missing = target - live.length;
      for (let index = 0; index < this.instanceCount && missing > 0; index += 1) {
        if (this.instApp[index] === appIndex && this.instState[index] === INSTANCE_SPARE) {
          this.instState[index] = INSTANCE_READY;
          this.generatorsStale = true;
          this.instReady[index] = nowUs;
          for (let kind = 0; kind < 3; kind += 1) this.genNextTick[index * 3 + kind] = -1;
          this.emit({ type: 'instanceReady', app: this.level.apps[appIndex].id, instance: index, atUs: nowUs });
          missing -= 1;
        }
      }
      for (let count = 0; count < missing; count += 1) this.bootInstance(appIndex, nowUs);
    } else {
      for (let index = live.length - 1; index >= target; index -= 1) this.stopInstance(live[index], nowUs);
    }
  }

  // ---------------------------------------------------------------- commands

  private applyCommand(command: Command, nowUs: number): void {
    const appIndex = 'app' in command && command.app !== undefined ? this.appIndex.get(command.app) : undefined;
    const reject = (reason: string) => this.emit({ type: 'commandRejected', command, atUs: nowUs, reason });
    if ('app' in command && command.app !== undefined && appIndex === undefined) return reject('unknown-app');
    switch (command.op) {
      case 'scale':
        this.scaleTo(appIndex as number, Math.max(0, Math.floor(command.instances)), nowUs);
        break;
      case 'quarantine':
        this.quarantined[appIndex as number] = 1;
        this.generatorsStale = true;
        this.pendingBreaches = this.pendingBreaches.filter((breach) => {
          if (breach.attacker !== command.app) return true;
          this.emit({ type: 'attackContained', threat: breach.threat, kind: breach.kind, app: breach.attacker, atUs: nowUs, reason: 'quarantine' });
          return false;
        });
        break;
      case 'release':
        this.quarantined[appIndex as number] = 0;
        this.generatorsStale = true;
        break;
      case 'block': {
        const node = this.nodeIndex.get(command.at);
        if (node === undefined) return reject('unknown-node');
        this.blockAt[(appIndex as number) * 3 + KIND_INDEX[command.kind]] = node;
        this.blocking = true;
        break;
      }
      case 'set-driver': {
        const outcome = this.setDriver(command, appIndex);
        if (outcome) return reject(outcome);
        break;
      }
      case 'move': {
        const reason = this.moveApp(appIndex as number, command, nowUs);
        if (reason) return reject(reason);
        break;
      }
    }
    this.appliedCommands.push(command);
    // Only applied commands enter the trace: the log replays them, and rejected ones changed nothing.
    this.foldTrace(0x636d64, Math.round(nowUs / TICK_LENGTH_US));
    this.emit({ type: 'commandApplied', command, atUs: nowUs });
  }

  /** Switches a VM node's driver, or the template driver of an app's per-instance VMs; returns why not. */
  private setDriver(command: Extract<Command, { op: 'set-driver' }>, appIndex: number | undefined): string | null {
    const allowed = (hypervisorType: 'type1' | 'type2' | null) =>
      hypervisorType !== 'type1' || this.level.allow.includes(command.driver === 'para' ? 'type1-para' : 'type1-full');
    if (command.vm) {
      const node = this.nodes.get(command.vm);
      if (!node || node.piece !== 'vm') return 'not-a-vm';
      const hypervisor = this.nodes.get(node.on);
      const hypervisorType = hypervisor?.piece === 'type1-hypervisor' ? 'type1' : 'type2';
      const hostsProcesses = this.hostings.some((hosting) => hosting.kind === 'vm-process' && hosting.vmNode === node.id);
      if (hostsProcesses && !allowed(hypervisorType)) return 'arch-not-allowed';
      this.nodes.set(node.id, { ...node, driver: command.driver });
      for (const hosting of this.hostings) {
        if (hosting.kind === 'vm-process' && hosting.vmNode === node.id && hosting.hypervisorType) {
          hosting.architecture = hosting.hypervisorType === 'type2' ? 'type2' : command.driver === 'para' ? 'type1-para' : 'type1-full';
        }
      }
      this.rebuildPathsWhere((hosting) => hosting.vmNode === node.id, `vm:${node.id}`);
      return null;
    }
    if (appIndex === undefined) return 'not-a-vm';
    const hosting = this.hostings.find((entry) => entry.appIndex === appIndex);
    if (!hosting || hosting.kind !== 'vm-per-instance' || !hosting.template) return 'not-a-vm';
    if (!allowed(hosting.hypervisorType)) return 'arch-not-allowed';
    hosting.template = { ...hosting.template, driver: command.driver };
    if (hosting.hypervisorType === 'type1') hosting.architecture = command.driver === 'para' ? 'type1-para' : 'type1-full';
    this.rebuildPathsWhere((entry) => entry.appIndex === appIndex, 'template');
    return null;
  }

  /** Recomputes paths (same lengths, new costs) for live instances whose hosting matches. */
  private rebuildPathsWhere(match: (hosting: AppHosting) => boolean, _why: string): void {
    // Station keys are per VM, so the VM's exit and process hops are reconfigured in place, and a Type-1
    // path switches to the backend of the new driver.
    const reconfigured = new Set<string>();
    for (let instance = 0; instance < this.instanceCount; instance += 1) {
      if (this.instState[instance] === INSTANCE_STOPPED) continue;
      const hosting = this.hostings.find((entry) => entry.appIndex === this.instApp[instance]);
      if (!hosting || !match(hosting)) continue;
      const vmKey = hosting.kind === 'vm-per-instance' ? `${hosting.app.id}#${instance}` : hosting.vmNode ?? '';
      if (!reconfigured.has(vmKey)) {
        reconfigured.add(vmKey);
        const driver = vmDriverOf(hosting, this.nodes) ?? 'emulated';
        const exitCosts = hosting.hypervisorType === 'type2' ? SERVICE_US.type2VmExit : SERVICE_US.vmExit;
        const exit = this.stationKey.get(`exit:${vmKey}`);
        const process = this.stationKey.get(`process:${vmKey}`);
        const backend = this.stationKey.get(`backend:${vmKey}`);
        if (exit !== undefined) this.configureStation(exit, exitCosts[driver], SERVERS.perCore * VM_VCPUS);
        if (process !== undefined) this.configureStation(process, SERVICE_US.type2Process[driver], SERVERS.type2Process);
        if (backend !== undefined) this.configureStation(backend, SERVICE_US.backend[driver], SERVERS.backend);
      }
      // Paths of the same length are rewritten in place: packets already on the way follow the new hops.
      this.buildPaths(instance, hosting);
    }
  }

  /** Moves an app: its instances stop and the same number boot at the new place. */
  private moveApp(appIndex: number, command: Extract<Command, { op: 'move' }>, nowUs: number): string | null {
    const app = this.level.apps[appIndex];
    const resolved = resolvePlacement(this.level, this.nodes, app, appIndex, { on: command.on, vm: command.vm });
    if (!resolved.hosting || resolved.violations.length > 0) return resolved.violations[0]?.code ?? 'cannot-host-app';
    if (!this.level.allow.includes(resolved.hosting.architecture)) return 'arch-not-allowed';
    const live = this.liveInstances(appIndex);
    for (const instance of live) this.stopInstance(instance, nowUs);
    for (let index = 0; index < this.instanceCount; index += 1) {
      if (this.instApp[index] === appIndex && this.instState[index] === INSTANCE_SPARE) this.stopInstance(index, nowUs);
    }
    const position = this.hostings.findIndex((entry) => entry.appIndex === appIndex);
    this.hostings[position] = resolved.hosting;
    for (let count = 0; count < live.length; count += 1) this.bootInstance(appIndex, nowUs);
    return null;
  }

  // ---------------------------------------------------------------- the tick

  private emit(event: SimEvent): void {
    if (this.listener) this.listener(event);
  }

  private foldTrace(a: number, b: number): void {
    let hash = this.traceHashValue ^ a;
    hash = Math.imul(hash, 0x01000193);
    hash ^= b;
    this.traceHashValue = Math.imul(hash, 0x01000193) >>> 0;
  }

  private runTick(): void {
    const tick = this.tick;
    const tickStartUs = tick * TICK_LENGTH_US;
    const tickEndUs = tickStartUs + TICK_LENGTH_US;

    while (this.commandCursor < this.commands.length && this.commands[this.commandCursor].atMs * 1000 < tickEndUs) {
      const command = this.commands[this.commandCursor];
      this.commandCursor += 1;
      this.applyCommand(command, tickStartUs);
    }
    this.runTimeline(tick, tickStartUs, tickEndUs);
    this.emitPackets(tick, tickStartUs, tickEndUs);
    this.movePackets(tickStartUs, tickEndUs);
  }

  /** Bursts, boots finishing, attacks and their spread: things that happen at tick granularity. */
  private runTimeline(tick: number, tickStartUs: number, tickEndUs: number): void {
    for (const burst of this.pendingBursts) {
      if (!burst.started && tick >= burst.startTick) {
        burst.started = true;
        const app = this.level.apps[burst.app];
        this.emit({ type: 'burstStarted', app: app.id, burst: burst.index, atUs: tickStartUs, required: burst.required, deadlineUs: burst.deadlineTick * TICK_LENGTH_US });
        if (this.liveInstances(burst.app).length < burst.required) this.scaleTo(burst.app, burst.required, tickStartUs);
      }
    }
    for (let instance = 0; this.bootingCount > 0 && instance < this.instanceCount; instance += 1) {
      if (this.instState[instance] === INSTANCE_BOOTING && this.instReady[instance] < tickEndUs) {
        this.instState[instance] = INSTANCE_READY;
        this.bootingCount -= 1;
        this.generatorsStale = true;
        const appIndex = this.instApp[instance];
        if (!this.imageOnMachine[appIndex] && this.pullDoneUs[appIndex] >= 0 && this.pullDoneUs[appIndex] < tickEndUs) {
          this.imageOnMachine[appIndex] = 1;
          this.emit({ type: 'imagePulled', app: this.level.apps[appIndex].id, atUs: this.pullDoneUs[appIndex] });
        }
        this.emit({ type: 'instanceReady', app: this.level.apps[appIndex].id, instance, atUs: this.instReady[instance] });
        this.foldTrace(0x726479, instance);
      }
    }
    for (const burst of this.pendingBursts) {
      // A deadline past the end of the run is judged on the last tick.
      if (burst.started && !burst.ended && (tick >= burst.deadlineTick || tick === this.totalTicks - 1)) {
        burst.ended = true;
        // A quarantined app serves nobody: its instances do not count.
        const served = this.quarantined[burst.app] === 1 ? 0 : Math.min(this.readyCount(burst.app), burst.required);
        const app = this.level.apps[burst.app];
        this.burstRecords.push({ app: app.id, atSecond: (this.level.bursts ?? [])[burst.index].atSecond, required: burst.required, served });
        this.emit({ type: 'burstEnded', app: app.id, burst: burst.index, atUs: tickStartUs, required: burst.required, served });
        this.foldTrace(0x627273, served);
      }
    }
    const threats = this.level.threats ?? NO_THREATS;
    for (let index = 0; index < threats.length; index += 1) {
      if (this.threatFired[index] || tick < this.threatTicks[index]) continue;
      this.threatFired[index] = true;
      const threat = threats[index];
      const attackerIndex = threat.app !== undefined ? this.appIndex.get(threat.app) : undefined;
      const reach = resolveAttack(this.level, threat, index, this.seed, this.nodes, this.hostings, this.rootNode);
      this.emit({
        type: 'attackStarted',
        threat: index,
        kind: threat.kind,
        app: threat.app ?? null,
        atUs: tickStartUs,
        exposedTenants: reach.victims.map((victim) => victim.tenant),
      });
      if (reach.containedBy) {
        this.emit({ type: 'attackContained', threat: index, kind: threat.kind, app: threat.app ?? null, atUs: tickStartUs, reason: reach.containedBy });
      }
      reach.victims.forEach((victim, order) => {
        // The first victim falls at once; each further one a spread interval later, unless quarantined.
        const atUs = tickStartUs + order * ATTACK_SPREAD_MS * 1000;
        const quarantinedAlready = attackerIndex !== undefined && this.quarantined[attackerIndex] === 1 && order > 0;
        if (quarantinedAlready) return;
        this.pendingBreaches.push({ atUs, threat: index, kind: threat.kind, attacker: threat.app ?? null, tenant: victim.tenant, boundary: victim.boundary });
      });
    }
    if (this.pendingBreaches.length > 0) {
      const remaining: PendingBreach[] = [];
      for (const breach of this.pendingBreaches) {
        if (breach.atUs >= tickEndUs) {
          remaining.push(breach);
          continue;
        }
        const first = !this.breachedTenantSet.has(breach.tenant);
        this.breachedTenantSet.add(breach.tenant);
        const record: BreachRecord = {
          threat: breach.threat,
          kind: breach.kind,
          attacker: breach.attacker,
          tenant: breach.tenant,
          boundary: breach.boundary,
          atMs: Math.round(breach.atUs / 1000),
        };
        if (first) this.breaches.push(record);
        this.emit({ type: 'breach', threat: breach.threat, kind: breach.kind, attacker: breach.attacker, tenant: breach.tenant, boundary: breach.boundary, atUs: breach.atUs });
        this.foldTrace(0x627263, hashString(breach.tenant));
      }
      this.pendingBreaches = remaining;
    }
  }

  private growPackets(): void {
    const size = Math.min(this.packetCapacity * 2, MAX_PACKETS_IN_FLIGHT);
    if (size <= this.packetCapacity) throw new Error(`More than ${MAX_PACKETS_IN_FLIGHT} packets in flight`);
    this.pId = growInt(this.pId, size);
    this.pInst = growInt(this.pInst, size);
    this.pHop = growByte(this.pHop, size);
    this.pEmit = growFloat(this.pEmit, size);
    this.pStart = growFloat(this.pStart, size);
    this.pDone = growFloat(this.pDone, size);
    this.pArrive = growFloat(this.pArrive, size);
    this.pNext = growInt(this.pNext, size);
    this.pLane = growInt(this.pLane, size);
    this.freeSlots = growInt(this.freeSlots, size);
    this.packetCapacity = size;
  }

  private releaseSlot(slot: number): void {
    this.freeSlots[this.freeCount] = slot;
    this.freeCount += 1;
    this.inFlight -= 1;
  }

  /** Files a packet among the arrivals of a depth in this tick, at the end of its time slice's list. */
  private pushArrival(station: number, kind: number, slot: number, arriveUs: number, tickStartUs: number): void {
    const depth = this.stDepth[station];
    // Arrivals never come before the tick's start, nor (but for the clamp) after its end.
    const slice = sliceOf(arriveUs - tickStartUs);
    this.pLane[slot] = station * 3 + kind;
    this.pArrive[slot] = arriveUs;
    const list = depth * ORDER_SLICES + slice;
    const last = this.arrivalLast[list];
    if (last < 0) {
      this.arrivalFirst[list] = slot;
      if (slice < 32) this.arrivalMaskLow[depth] |= 1 << slice;
      else this.arrivalMaskHigh[depth] |= 1 << (slice - 32);
    } else {
      this.pNext[last] = slot;
    }
    this.arrivalLast[list] = slot;
  }

  /** One uniform number in [0, 1) from a generator's stream (mulberry32, inlined; see random.ts). */
  private uniform(generator: number): number {
    const state = (this.genState[generator] + 0x6d2b79f5) >>> 0;
    this.genState[generator] = state;
    let mixed = Math.imul(state ^ (state >>> 15), state | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  }

  /** A Poisson count with the given mean (Knuth's product of uniforms; sum of exponential gaps if large). */
  private poissonCount(generator: number, mean: number, expNegMean: number): number {
    if (mean <= 0) return 0;
    if (mean < 30) {
      let product = this.uniform(generator);
      let count = 0;
      while (product > expNegMean) {
        count += 1;
        product *= this.uniform(generator);
      }
      return count;
    }
    let count = 0;
    let elapsed = -Math.log(1 - this.uniform(generator)) / mean;
    while (elapsed < 1) {
      count += 1;
      elapsed += -Math.log(1 - this.uniform(generator)) / mean;
    }
    return count;
  }

  /** A Poisson count given that it is at least one (inverse of the truncated distribution). */
  private poissonAtLeastOne(generator: number, mean: number, expNegMean: number): number {
    if (mean >= 30) {
      let count = 0;
      while (count === 0) count = this.poissonCount(generator, mean, expNegMean);
      return count;
    }
    const target = expNegMean + this.uniform(generator) * (1 - expNegMean);
    let probability = expNegMean;
    let cumulative = expNegMean;
    let count = 0;
    const cap = mean + 10 * Math.sqrt(mean) + 20;
    while (cumulative < target && count < cap) {
      count += 1;
      probability *= mean / count;
      cumulative += probability;
    }
    return Math.max(1, count);
  }

  /** How many whole ticks pass with no arrival before the next tick that has one (geometric). */
  private emptyTicks(generator: number, meanPerTick: number): number {
    if (meanPerTick <= 0) return 0x3fffffff;
    const skip = Math.floor(Math.log(1 - this.uniform(generator)) / -meanPerTick);
    return skip > 0x3fffffff ? 0x3fffffff : skip;
  }

  /**
   * New packets from every running instance. A Poisson process seen tick by tick is a run of empty ticks
   * (geometric) and then a tick with at least one arrival (a truncated Poisson count), each at an
   * independent uniform time in the tick; the per-depth sort puts them in order. An idle generator costs
   * nothing until its tick comes.
   */
  private emitPackets(tick: number, tickStartUs: number, tickEndUs: number): void {
    if (this.generatorsStale) this.listGenerators();
    // The generators run in index order (packet ids and the order of arrivals depend on it): the busy
    // ones, merged with the idle ones due in this tick (usually none).
    let dueCount = 0;
    let nextDue = 0x7fffffff;
    if (tick >= this.idleDueTick) {
      const idle = this.idleGenerators;
      const due = this.dueGenerators;
      for (let index = 0; index < this.idleGeneratorCount; index += 1) {
        const generator = idle[index];
        const next = this.genNextTick[generator];
        if (next > tick) {
          if (next < nextDue) nextDue = next;
        } else {
          due[dueCount] = generator;
          dueCount += 1;
        }
      }
      // (Those due now schedule their next tick, after this one, as they run: see the end.)
      this.idleDueTick = nextDue;
    }
    const busy = this.busyGenerators;
    const busyCount = this.busyGeneratorCount;
    const due = this.dueGenerators;
    const busyInstance = this.busyInstance;
    const busyApp = this.busyApp;
    const busyFastFromUs = this.busyFastFromUs;
    const busyExpNegMean = this.busyExpNegMean;
    const busyEmptyAtMost = this.busyEmptyAtMost;
    const busyFirstLane = this.busyFirstLane;
    const busyDepth = this.busyDepth;
    const genState = this.genState;
    const listener = this.listener;
    const arrivalFirst = this.arrivalFirst;
    const arrivalLast = this.arrivalLast;
    // The packet arrays, read again whenever they grow.
    let pId = this.pId;
    let pInst = this.pInst;
    let pHop = this.pHop;
    let pEmit = this.pEmit;
    let pArrive = this.pArrive;
    let pNext = this.pNext;
    let pLane = this.pLane;
    let freeSlots = this.freeSlots;
    let dueIndex = 0;
    for (let index = 0; index < busyCount; index += 1) {
      const generator = busy[index];
      while (dueIndex < dueCount && due[dueIndex] < generator) {
        this.runGenerator(due[dueIndex], tick, tickStartUs, tickEndUs);
        dueIndex += 1;
      }
      // (A busy generator's next tick is always this one: runGenerator() checks and sets it, which this
      // path can skip.)
      if (!(busyFastFromUs[index] <= tickStartUs)) {
        this.runGenerator(generator, tick, tickStartUs, tickEndUs);
        continue;
      }
      // runGenerator()'s busy path for a whole tick, inlined with the stream's state in a local: a Poisson
      // count by Knuth's product of uniforms (poissonCount() and uniform()), then emitCount() for that many.
      let state = (genState[generator] + 0x6d2b79f5) >>> 0;
      let mixed = Math.imul(state ^ (state >>> 15), state | 1);
      mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
      const first = (mixed ^ (mixed >>> 14)) >>> 0;
      // An empty tick (most often): the first uniform, first / 2^32, is at most e^-mean, told in integers.
      if (first <= busyEmptyAtMost[index]) {
        genState[generator] = state;
        continue;
      }
      const expNegMean = busyExpNegMean[index];
      let product = first / 4294967296;
      let count = 0;
      while (product > expNegMean) {
        count += 1;
        state = (state + 0x6d2b79f5) >>> 0;
        mixed = Math.imul(state ^ (state >>> 15), state | 1);
        mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
        product *= ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
      }
      // (count ≥ 1: the first uniform was above e^-mean.)
      const instance = busyInstance[index];
      const kind = generator - instance * 3;
      this.emittedByKind[kind] += count;
      const depth = busyDepth[index];
      const firstLane = busyFirstLane[index];
      // (runGenerator() may have grown them too.)
      if (pId !== this.pId || this.freeCount + this.packetCapacity - this.slotHighWater < count) {
        this.reserveSlots(count);
        pId = this.pId;
        pInst = this.pInst;
        pHop = this.pHop;
        pEmit = this.pEmit;
        pArrive = this.pArrive;
        pNext = this.pNext;
        pLane = this.pLane;
        freeSlots = this.freeSlots;
      }
      const listBase = depth * ORDER_SLICES;
      let maskLow = this.arrivalMaskLow[depth];
      let maskHigh = this.arrivalMaskHigh[depth];
      // The slot and id counters in locals, written back after the loop (and before any event).
      const inFlightBefore = this.inFlight;
      let freeCount = this.freeCount;
      let slotHighWater = this.slotHighWater;
      let nextPacketId = this.nextPacketId;
      for (let packet = 0; packet < count; packet += 1) {
        state = (state + 0x6d2b79f5) >>> 0;
        mixed = Math.imul(state ^ (state >>> 15), state | 1);
        mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
        const atUs = tickStartUs + (((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296) * TICK_LENGTH_US;
        let slot: number;
        if (freeCount > 0) {
          freeCount -= 1;
          slot = freeSlots[freeCount];
        } else {
          slot = slotHighWater;
          slotHighWater += 1;
        }
        const id = nextPacketId;
        nextPacketId += 1;
        pId[slot] = id;
        pInst[slot] = instance;
        pHop[slot] = 0;
        pEmit[slot] = atUs;
        const slice = sliceOf(atUs - tickStartUs);
        pLane[slot] = firstLane;
        pArrive[slot] = atUs;
        const list = listBase + slice;
        const last = arrivalLast[list];
        if (last < 0) {
          arrivalFirst[list] = slot;
          if (slice < 32) maskLow |= 1 << slice;
          else maskHigh |= 1 << (slice - 32);
        } else {
          pNext[last] = slot;
        }
        arrivalLast[list] = slot;
        if (listener) {
          this.freeCount = freeCount;
          this.slotHighWater = slotHighWater;
          this.nextPacketId = nextPacketId;
          this.inFlight = inFlightBefore + packet + 1;
          listener({ type: 'packetEmitted', packet: id, app: this.level.apps[busyApp[index]].id, instance, kind: PACKET_KINDS[kind], atUs });
        }
      }
      this.freeCount = freeCount;
      this.slotHighWater = slotHighWater;
      this.nextPacketId = nextPacketId;
      this.inFlight = inFlightBefore + count;
      this.arrivalMaskLow[depth] = maskLow;
      this.arrivalMaskHigh[depth] = maskHigh;
      genState[generator] = state;
    }
    for (; dueIndex < dueCount; dueIndex += 1) this.runGenerator(due[dueIndex], tick, tickStartUs, tickEndUs);
    if (dueCount > 0) {
      // The earliest tick an idle generator is due: of those not due now, and of those that just ran.
      for (let index = 0; index < dueCount; index += 1) {
        const next = this.genNextTick[due[index]];
        if (next < nextDue) nextDue = next;
      }
      this.idleDueTick = nextDue;
    }
  }

  /** Sorts the generators of ready instances into busy and idle ones, in index order. */
  private listGenerators(): void {
    this.generatorsStale = false;
    const size = this.genNextTick.length;
    if (this.busyGenerators.length < size) {
      this.busyGenerators = new Int32Array(size);
      this.busyInstance = new Int32Array(size);
      this.busyApp = new Int32Array(size);
      this.busyFastFromUs = new Float64Array(size);
      this.busyExpNegMean = new Float64Array(size);
      this.busyEmptyAtMost = new Uint32Array(size);
      this.busyFirstLane = new Int32Array(size);
      this.busyDepth = new Int32Array(size);
      this.idleGenerators = new Int32Array(size);
      this.dueGenerators = new Int32Array(size);
    }
    let busyCount = 0;
    let idleCount = 0;
    for (let instance = 0; instance < this.instanceCount; instance += 1) {
      if (this.instState[instance] !== INSTANCE_READY) continue;
      for (let kind = 0; kind < 3; kind += 1) {
        const generator = instance * 3 + kind;
        if (this.genRatePerUs[generator] > 0 && this.genExpNegMean[generator] < BUSY_GENERATOR) {
          this.busyGenerators[busyCount] = generator;
          this.busyInstance[busyCount] = instance;
          this.busyApp[busyCount] = this.instApp[instance];
          const inlined = this.genRatePerUs[generator] * TICK_LENGTH_US < 30 && this.quarantined[this.instApp[instance]] !== 1;
          this.busyFastFromUs[busyCount] = inlined ? this.instReady[instance] : Number.POSITIVE_INFINITY;
          this.busyExpNegMean[busyCount] = this.genExpNegMean[generator];
          this.busyEmptyAtMost[busyCount] = Math.floor(this.genExpNegMean[generator] * 4294967296);
          const firstStation = this.pathStations[this.genPathStart[generator]];
          this.busyFirstLane[busyCount] = firstStation * 3 + kind;
          this.busyDepth[busyCount] = this.stDepth[firstStation];
          busyCount += 1;
        } else {
          this.idleGenerators[idleCount] = generator;
          idleCount += 1;
        }
      }
    }
    this.busyGeneratorCount = busyCount;
    this.idleGeneratorCount = idleCount;
    this.idleDueTick = 0;
  }

  /** One generator's tick (of a ready instance). */
  private runGenerator(generator: number, tick: number, tickStartUs: number, tickEndUs: number): void {
    let next = this.genNextTick[generator];
    if (next > tick) return;
    const instance = (generator / 3) | 0;
    const kind = generator - instance * 3;
    const ratePerUs = this.genRatePerUs[generator];
    if (ratePerUs <= 0) {
      this.genNextTick[generator] = 0x3fffffff;
      return;
    }
    const meanPerTick = ratePerUs * TICK_LENGTH_US;
    const expNegMean = this.genExpNegMean[generator];
    if (expNegMean < BUSY_GENERATOR) {
      // Busy: most ticks bring packets, so draw every tick's count directly (no logarithm).
      const readyUs = this.instReady[instance];
      if (readyUs > tickStartUs) {
        const mean = ratePerUs * (tickEndUs - readyUs);
        this.emitCount(instance, kind, this.poissonCount(generator, mean, Math.exp(-mean)), readyUs, tickEndUs - readyUs, tickStartUs);
      } else if (meanPerTick < 30) {
        this.emitBusyTick(generator, instance, kind, expNegMean, tickStartUs);
      } else {
        this.emitCount(instance, kind, this.poissonCount(generator, meanPerTick, expNegMean), tickStartUs, TICK_LENGTH_US, tickStartUs);
      }
      this.genNextTick[generator] = tick + 1;
      return;
    }
    if (next < 0) {
      // Just started: a partial first tick if it became ready inside this one.
      const readyUs = this.instReady[instance];
      if (readyUs > tickStartUs) {
        const windowUs = tickEndUs - readyUs;
        const mean = ratePerUs * windowUs;
        this.emitCount(instance, kind, this.poissonCount(generator, mean, Math.exp(-mean)), readyUs, windowUs, tickStartUs);
        this.genNextTick[generator] = tick + 1 + this.emptyTicks(generator, meanPerTick);
        return;
      }
      next = tick + this.emptyTicks(generator, meanPerTick);
      this.genNextTick[generator] = next;
      if (next > tick) return;
    }
    this.emitCount(instance, kind, this.poissonAtLeastOne(generator, meanPerTick, expNegMean), tickStartUs, TICK_LENGTH_US, tickStartUs);
    this.genNextTick[generator] = tick + 1 + this.emptyTicks(generator, meanPerTick);
  }

  /** Makes sure `count` more packets fit without growing the arrays mid-loop. */
  private reserveSlots(count: number): void {
    while (this.freeCount + this.packetCapacity - this.slotHighWater < count) this.growPackets();
  }

  /** Emits `count` packets of one instance and kind at uniform times in [fromUs, fromUs + windowUs). */
  private emitCount(instance: number, kind: number, count: number, fromUs: number, windowUs: number, tickStartUs: number): void {
    if (count === 0) return;
    const generator = instance * 3 + kind;
    const appIndex = this.instApp[instance];
    this.emittedByKind[kind] += count;
    if (this.quarantined[appIndex] === 1) {
      // A quarantined app stops serving: its requests are counted as cut off.
      this.blockedByKind[kind] += count;
      return;
    }
    const listener = this.listener;
    const firstStation = this.pathStations[this.genPathStart[generator]];
    const depth = this.stDepth[firstStation];
    const firstLane = firstStation * 3 + kind;
    this.reserveSlots(count);
    const pLane = this.pLane;
    const pId = this.pId;
    const pInst = this.pInst;
    const pHop = this.pHop;
    const pEmit = this.pEmit;
    const pArrive = this.pArrive;
    const pNext = this.pNext;
    const freeSlots = this.freeSlots;
    const arrivalFirst = this.arrivalFirst;
    const arrivalLast = this.arrivalLast;
    const listBase = depth * ORDER_SLICES;
    let maskLow = this.arrivalMaskLow[depth];
    let maskHigh = this.arrivalMaskHigh[depth];
    // The stream's state stays in a local while the times are drawn (uniform(), inlined).
    let state = this.genState[generator];
    for (let packet = 0; packet < count; packet += 1) {
      state = (state + 0x6d2b79f5) >>> 0;
      let mixed = Math.imul(state ^ (state >>> 15), state | 1);
      mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
      const atUs = fromUs + (((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296) * windowUs;
      // A free slot, else a new one (room was reserved).
      let slot: number;
      if (this.freeCount > 0) {
        this.freeCount -= 1;
        slot = freeSlots[this.freeCount];
      } else {
        slot = this.slotHighWater;
        this.slotHighWater += 1;
      }
      const id = this.nextPacketId;
      this.nextPacketId += 1;
      this.inFlight += 1;
      pId[slot] = id;
      pInst[slot] = instance;
      pHop[slot] = 0;
      pEmit[slot] = atUs;
      // pushArrival(), inlined.
      const slice = sliceOf(atUs - tickStartUs);
      pLane[slot] = firstLane;
      pArrive[slot] = atUs;
      const list = listBase + slice;
      const last = arrivalLast[list];
      if (last < 0) {
        arrivalFirst[list] = slot;
        if (slice < 32) maskLow |= 1 << slice;
        else maskHigh |= 1 << (slice - 32);
      } else {
        pNext[last] = slot;
      }
      arrivalLast[list] = slot;
      if (listener) {
        listener({ type: 'packetEmitted', packet: id, app: this.level.apps[appIndex].id, instance, kind: PACKET_KINDS[kind], atUs });
      }
    }
    this.arrivalMaskLow[depth] = maskLow;
    this.arrivalMaskHigh[depth] = maskHigh;
    this.genState[generator] = state;
  }

  /** A busy generator's whole tick: a Poisson count by Knuth's product of uniforms (poissonCount() with
   * uniform() inlined, mean under 30), then that many packets. */
  private emitBusyTick(generator: number, instance: number, kind: number, expNegMean: number, tickStartUs: number): void {
    let state = (this.genState[generator] + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), state | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    let product = ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
    let count = 0;
    while (product > expNegMean) {
      count += 1;
      state = (state + 0x6d2b79f5) >>> 0;
      mixed = Math.imul(state ^ (state >>> 15), state | 1);
      mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
      product *= ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
    }
    this.genState[generator] = state;
    if (count > 0) this.emitCount(instance, kind, count, tickStartUs, TICK_LENGTH_US, tickStartUs);
  }

  /**
   * Moves every packet as far as it gets this tick, hop by hop, in time order at each depth. At each depth:
   * the tick's arrivals, each served by its lane (dropped, straight through within the tick, or into the
   * lane), then the lanes the wheel wakes, which pass on (or deliver) every packet that finishes.
   * Nothing here grows an array, so they are read into locals once.
   */
  private movePackets(tickStartUs: number, tickEndUs: number): void {
    const listener = this.listener;
    const pArrive = this.pArrive;
    const pInst = this.pInst;
    const pHop = this.pHop;
    const pStart = this.pStart;
    const pDone = this.pDone;
    const pNext = this.pNext;
    const pathStations = this.pathStations;
    const genPathStart = this.genPathStart;
    const genPathLength = this.genPathLength;
    const pEmit = this.pEmit;
    const pLane = this.pLane;
    const freeSlots = this.freeSlots;
    const latencyBins = this.latencyBins;
    const deliveredByKind = this.deliveredByKind;
    let hops = 0;
    const stNextFree = this.stNextFree;
    const stInterval = this.stInterval;
    const stService = this.stService;
    const laneFirst = this.laneFirst;
    const laneLast = this.laneLast;
    const laneNext = this.laneNext;
    const wheelHead = this.wheelHead;
    const wheelTail = this.wheelTail;
    const arrivalFirst = this.arrivalFirst;
    const arrivalLast = this.arrivalLast;
    const arrivalMaskLow = this.arrivalMaskLow;
    const arrivalMaskHigh = this.arrivalMaskHigh;
    const blocking = this.blocking;
    const pId = this.pId;
    // The trace hash and the slot counters in locals, written back before anything that reads them (an
    // event, a drop) and at the end.
    let traceHash = this.traceHashValue;
    let freeCount = this.freeCount;
    let inFlight = this.inFlight;
    const wheelBase = (this.tick % WHEEL_TICKS) * (DEPTHS + 1);
    // wake()'s usual case, inlined: a lane whose head finishes in the next tick is filed in its bucket.
    const nextTickEndUs = tickEndUs + TICK_LENGTH_US;
    const nextWheelBase = ((this.tick + 1) % WHEEL_TICKS) * (DEPTHS + 1);
    for (let depth = 0; depth <= DEPTHS; depth += 1) {
      let low = arrivalMaskLow[depth];
      let high = arrivalMaskHigh[depth];
      if ((low | high) !== 0) {
        // Arrivals at this depth come only from above: none join the lists while they are walked.
        arrivalMaskLow[depth] = 0;
        arrivalMaskHigh[depth] = 0;
        while ((low | high) !== 0) {
          // The earliest non-empty slice, then its packets in the order they came.
          let slice: number;
          if (low !== 0) {
            const bit = low & -low;
            slice = 31 - Math.clz32(bit);
            low ^= bit;
          } else {
            const bit = high & -high;
            slice = 63 - Math.clz32(bit);
            high ^= bit;
          }
          const list = depth * ORDER_SLICES + slice;
          let slot = arrivalFirst[list];
          const lastInList = arrivalLast[list];
          arrivalFirst[list] = -1;
          arrivalLast[list] = -1;
          while (slot >= 0) {
            const nextSlot = slot === lastInList ? -1 : pNext[slot];
            const arrive = pArrive[slot];
            const lane = pLane[slot];
            const kind = lane % 3;
            if (blocking) {
              const station = (lane / 3) | 0;
              const blockedNode = this.blockAt[this.instApp[pInst[slot]] * 3 + kind];
              if (blockedNode >= 0 && this.stOwner[station] === blockedNode) {
                this.blockedByKind[kind] += 1;
                this.traceHashValue = traceHash;
                this.freeCount = freeCount;
                this.inFlight = inFlight;
                this.dropPacket(slot, station, 'blocked', arrive);
                traceHash = this.traceHashValue;
                freeCount = this.freeCount;
                inFlight = this.inFlight;
                slot = nextSlot;
                continue;
              }
            }
            const free = stNextFree[lane];
            const start = arrive > free ? arrive : free;
            if (start - arrive > MAX_WAIT_US) {
              this.droppedByKind[kind] += 1;
              this.traceHashValue = traceHash;
              this.freeCount = freeCount;
              this.inFlight = inFlight;
              this.dropPacket(slot, (lane / 3) | 0, 'queue-full', arrive);
              traceHash = this.traceHashValue;
              freeCount = this.freeCount;
              inFlight = this.inFlight;
              slot = nextSlot;
              continue;
            }
            stNextFree[lane] = start + stInterval[lane];
            hops += 1;
            const done = start + stService[lane];
            pStart[slot] = start;
            pDone[slot] = done;
            if (listener) {
              this.hopCount += hops;
              hops = 0;
              this.traceHashValue = traceHash;
              this.freeCount = freeCount;
              this.inFlight = inFlight;
              listener({ type: 'packetHopped', packet: pId[slot], station: (lane / 3) | 0, arriveUs: arrive, startUs: start, doneUs: done });
            }
            if (done <= tickEndUs) {
              // Through this hop within the tick: straight on (or delivered), without waiting in the lane.
              // Lanes are first in, first out with one service time, so nothing ahead of it is still inside.
              const generator = pInst[slot] * 3 + kind;
              const hop = pHop[slot];
              if (hop + 1 >= genPathLength[generator]) {
                // Delivered.
                latencyBins[kind * BINS + latencyBin(done - pEmit[slot])] += 1;
                deliveredByKind[kind] += 1;
                // foldTrace(), inlined.
                traceHash = Math.imul(Math.imul(traceHash ^ pId[slot], 0x01000193) ^ (done | 0), 0x01000193) >>> 0;
                if (listener) {
                  this.traceHashValue = traceHash;
                  this.freeCount = freeCount;
                  this.inFlight = inFlight;
                  this.deliveredEvent(slot, kind, done, (done - pEmit[slot]) / BUNDLE);
                }
                freeSlots[freeCount] = slot;
                freeCount += 1;
                inFlight -= 1;
              } else {
                pHop[slot] = hop + 1;
                this.pushArrival(pathStations[genPathStart[generator] + hop + 1], kind, slot, done, tickStartUs);
              }
            } else {
              // Into the lane, at its end.
              const last = laneLast[lane];
              if (last < 0) {
                laneFirst[lane] = slot;
                if (done <= nextTickEndUs) {
                  // (done > tickEndUs here.)
                  const nextBucket = nextWheelBase + depth;
                  const tail = wheelTail[nextBucket];
                  if (tail < 0) wheelHead[nextBucket] = lane;
                  else laneNext[tail] = lane;
                  wheelTail[nextBucket] = lane;
                } else {
                  this.wake(lane, done, depth);
                }
              } else {
                pNext[last] = slot;
              }
              laneLast[lane] = slot;
            }
            slot = nextSlot;
          }
        }
      }
      const bucket = wheelBase + depth;
      let lane = wheelHead[bucket];
      if (lane >= 0) {
        const lastLane = wheelTail[bucket];
        wheelHead[bucket] = -1;
        wheelTail[bucket] = -1;
        while (lane >= 0) {
          // Read the link first: releasing files the lane again, in a later bucket.
          const nextLane = lane === lastLane ? -1 : laneNext[lane];
          let slot = laneFirst[lane];
          const lastInLane = laneLast[lane];
          // A filed lane has packets; when its head finishes (the wheel files it by that).
          const headDone = slot >= 0 ? pDone[slot] : Number.POSITIVE_INFINITY;
          if (headDone <= tickEndUs) {
            // Pass on (or deliver) every packet of the lane whose service ends within the tick.
            const kind = lane % 3;
            while (slot >= 0) {
              const done = pDone[slot];
              if (done > tickEndUs) break;
              // Read the link first: passing the packet on files it among the arrivals.
              const nextSlot = slot === lastInLane ? -1 : pNext[slot];
              const generator = pInst[slot] * 3 + kind;
              const hop = pHop[slot] + 1;
              if (hop >= genPathLength[generator]) {
                // Delivered.
                latencyBins[kind * BINS + latencyBin(done - pEmit[slot])] += 1;
                deliveredByKind[kind] += 1;
                // foldTrace(), inlined.
                traceHash = Math.imul(Math.imul(traceHash ^ pId[slot], 0x01000193) ^ (done | 0), 0x01000193) >>> 0;
                if (listener) {
                  this.traceHashValue = traceHash;
                  this.freeCount = freeCount;
                  this.inFlight = inFlight;
                  this.deliveredEvent(slot, kind, done, (done - pEmit[slot]) / BUNDLE);
                }
                freeSlots[freeCount] = slot;
                freeCount += 1;
                inFlight -= 1;
              } else {
                pHop[slot] = hop;
                // Never earlier than this tick (a driver switch can shorten a lane's service mid-line).
                this.pushArrival(pathStations[genPathStart[generator] + hop], kind, slot, done < tickStartUs ? tickStartUs : done, tickStartUs);
              }
              slot = nextSlot;
            }
            laneFirst[lane] = slot;
            if (slot < 0) laneLast[lane] = -1;
            else {
              const next = pDone[slot];
              if (next <= nextTickEndUs) {
                // (next > tickEndUs here: the walk stopped at it.)
                const nextBucket = nextWheelBase + depth;
                const tail = wheelTail[nextBucket];
                if (tail < 0) wheelHead[nextBucket] = lane;
                else laneNext[tail] = lane;
                wheelTail[nextBucket] = lane;
              } else {
                this.wake(lane, next, depth);
              }
            }
          } else if (headDone < Number.POSITIVE_INFINITY) {
            // Filed early because it lay beyond the wheel: filed again.
            this.wake(lane, headDone, depth);
          }
          lane = nextLane;
        }
      }
    }
    this.hopCount += hops;
    this.traceHashValue = traceHash;
    this.freeCount = freeCount;
    this.inFlight = inFlight;
  }

  /** Files a lane under the tick in which a packet finishing at `doneUs` is passed on (never earlier than
   * the current tick). */
  private wake(lane: number, doneUs: number, depth: number): void {
    const tick = this.tick;
    const tickEndUs = (tick + 1) * TICK_LENGTH_US;
    let dueTick: number;
    if (doneUs > tickEndUs && doneUs <= tickEndUs + TICK_LENGTH_US) {
      // Most often: the next tick. (The rounded quotient below never falls onto an integer from above,
      // so the ceiling is the true one and gives the same.)
      dueTick = tick + 1;
    } else {
      dueTick = Math.ceil(doneUs / TICK_LENGTH_US) - 1;
      if (dueTick < tick) dueTick = tick;
      // Beyond the wheel (not reachable with today's costs): file at its far edge and file again there.
      if (dueTick > tick + WHEEL_TICKS - 1) dueTick = tick + WHEEL_TICKS - 1;
    }
    const bucket = (dueTick % WHEEL_TICKS) * (DEPTHS + 1) + depth;
    const tail = this.wheelTail[bucket];
    if (tail < 0) this.wheelHead[bucket] = lane;
    else this.laneNext[tail] = lane;
    this.wheelTail[bucket] = lane;
  }

  /** A packet reached the end of its path (delivered in movePackets; its latency is per request: the
   * bundle's time ÷ its requests). */
  private deliveredEvent(slot: number, kind: number, done: number, latency: number): void {
    this.listener?.({
      type: 'packetDelivered',
      packet: this.pId[slot],
      app: this.level.apps[this.instApp[this.pInst[slot]]].id,
      kind: PACKET_KINDS[kind],
      atUs: done,
      latencyUs: latency,
    });
  }

  private dropPacket(slot: number, station: number, reason: 'blocked' | 'queue-full', atUs: number): void {
    this.foldTrace(this.pId[slot] ^ 0x5a5a5a5a, atUs | 0);
    if (this.listener) {
      const instance = this.pInst[slot];
      this.listener({
        type: 'packetDropped',
        packet: this.pId[slot],
        app: this.level.apps[this.instApp[instance]].id,
        kind: PACKET_KINDS[this.pLane[slot] % 3],
        station,
        reason,
        atUs,
      });
    }
    this.releaseSlot(slot);
  }
}
