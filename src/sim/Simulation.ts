// The deterministic engine: a level and a build in, a trace of events and the run's metrics out. Time is
// integer ticks of TICK_MS; randomness comes from streams seeded by the run's seed; player actions are
// commands stamped with a time. Packets live in typed arrays so the game can animate every one of them and
// the debrief can rank every architecture in milliseconds.
//
// This class is the engine's public face and runs the tick; the work is done by the parts in engine/:
//   packetStore.ts  the typed arrays of packets, arrivals, stations and lanes, the timing wheel, paths
//   paths.ts        which hops an instance's packets pass and what each hop costs
//   fleet.ts        instances: made, booted (image pull, start), ready, scaled, stopped, moved; memory
//   commands.ts     the player's commands and the switches they set (quarantine, block)
//   timeline.ts     bursts, boots finishing, attacks and breaches (tick-granular events)
//   generation.ts   new packets from each ready instance's Poisson streams
//   movement.ts     packets through the hops: lanes, queues, drops, the timing wheel, deliveries
//   metrics.ts      the tallies, the trace hash, and RunMetrics
// One tick: commands due → timeline → generation → movement.
// Where to change what: a delivered packet's latency is recorded in one place, Movement.deliver(); an
// instance's arrival streams and paths are set up in one place, Fleet.createInstance() (the hops of its
// paths in Paths.buildPaths(), a hop's cost in Paths.configureStation()).

import { KIND_INDEX, TICK_MS, TICK_US } from './costs';
import type { SimListener } from './events';
import { analyzeBuild, type AppHosting, type BuildAnalysis } from './topology';
import type { Build, Command, Level, PacketKind, RuleViolation } from './types';
import { Commands, Controls } from './engine/commands';
import { Fleet, type InstanceInfo } from './engine/fleet';
import { Generation } from './engine/generation';
import { runMetrics, Tally, tenantsAtRisk, type RunMetrics } from './engine/metrics';
import { Movement } from './engine/movement';
import { PacketStore } from './engine/packetStore';
import { Paths, type StationInfo } from './engine/paths';
import { Timeline } from './engine/timeline';

export type { InstanceInfo, InstanceState } from './engine/fleet';
export type { BreachRecord, BurstRecord, KindMetrics, RunMetrics } from './engine/metrics';
export type { StationInfo } from './engine/paths';

export interface SimulationOptions {
  /** The run's seed; default: the level's. */
  seed?: number;
  /** Receives every event as it happens; omit it for the fastest runs (ranking, benchmarks). */
  listener?: SimListener;
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

  /** Current tick: ticks [0, tick) have been simulated. */
  tick = 0;
  private endedEmitted = false;

  // The shared state and the parts that work on it (see the top of this file).
  private readonly store = new PacketStore();
  private readonly tally: Tally;
  private readonly paths: Paths;
  private readonly fleet: Fleet;
  private readonly controls: Controls;
  private readonly timeline: Timeline;
  private readonly commands: Commands;
  private readonly generation: Generation;
  private readonly movement: Movement;

  constructor(level: Level, build: Build, analysis: BuildAnalysis, options: SimulationOptions = {}) {
    this.level = level;
    this.seed = options.seed ?? level.seed;
    this.listener = options.listener;
    this.totalTicks = Math.round((level.durationSeconds * 1000) / TICK_MS);
    this.tally = new Tally(level.apps.length);
    const listener = this.listener;
    // The build's nodes as they are now: a driver switch replaces a VM's entry; every part sees the change.
    const nodes = new Map(analysis.nodes);
    const nodeIndex = new Map<string, number>();
    build.nodes.forEach((node, index) => nodeIndex.set(node.id, index + 1));
    nodeIndex.set('hardware', 0);
    const appIndex = new Map<string, number>();
    level.apps.forEach((app, index) => appIndex.set(app.id, index));
    this.controls = new Controls(level.apps.length);
    this.paths = new Paths(this.store, level, nodes, nodeIndex);
    // (Makes the instances present at the start, and their stations and paths.)
    this.fleet = new Fleet(level, build, analysis, this.seed, listener, this.store, this.paths, this.tally);
    const { fleet, controls, tally } = this;
    this.timeline = new Timeline({ level, seed: this.seed, totalTicks: this.totalTicks, listener, nodes, rootNode: analysis.rootNode, appIndex, fleet, controls, tally });
    this.commands = new Commands(build, { level, listener, nodes, nodeIndex, appIndex, fleet, paths: this.paths, controls, timeline: this.timeline, tally });
    this.generation = new Generation(this.store, fleet, tally, controls, level.apps, listener);
    this.movement = new Movement(this.store, fleet, tally, controls, level.apps, listener);
  }

  // ---------------------------------------------------------------- running

  get done(): boolean {
    return this.tick >= this.totalTicks;
  }

  /** Simulated time at the start of the next tick, µs. */
  get nowUs(): number {
    return this.tick * TICK_US;
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
      this.listener?.({ type: 'runEnded', atUs: this.totalTicks * TICK_US });
    }
  }

  runToEnd(): void {
    this.step(this.totalTicks - this.tick);
  }

  /** One tick: the commands due, the timeline, new packets, then every packet moved. */
  private runTick(): void {
    const tick = this.tick;
    const tickStartUs = tick * TICK_US;
    const tickEndUs = tickStartUs + TICK_US;
    this.commands.applyDue(tickStartUs, tickEndUs);
    this.timeline.run(tick, tickStartUs, tickEndUs);
    this.generation.emitPackets(tick, tickStartUs, tickEndUs);
    this.movement.movePackets(tick, tickStartUs, tickEndUs);
  }

  /**
   * Queues a player action. A command stamped earlier than the current time applies at the next tick and
   * is logged with that time, so the log replays the run exactly.
   */
  enqueue(command: Command): Command {
    return this.commands.enqueue(command, this.tick);
  }

  /** Commands applied so far, in order: with the seed, they replay the run. */
  commandLog(): Command[] {
    return this.commands.log();
  }

  // ---------------------------------------------------------------- what the game and tests read

  stations(): readonly StationInfo[] {
    return this.paths.infos;
  }

  /** The station indices a packet of this app instance and kind visits, top to bottom. */
  pathOf(instance: number, kind: PacketKind): number[] {
    const generator = instance * 3 + KIND_INDEX[kind];
    if (!(generator >= 0 && generator < this.fleet.instanceCount * 3)) return [];
    return this.paths.pathOf(generator);
  }

  instances(): InstanceInfo[] {
    return this.fleet.infos();
  }

  /** Where each app runs now (after any moves). */
  currentHostings(): readonly AppHosting[] {
    return this.fleet.hostings;
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
    const store = this.store;
    for (let lane = 0; lane < store.stationCount * 3; lane += 1) {
      const station = (lane / 3) | 0;
      const last = store.laneLast[lane];
      for (let slot = store.laneFirst[lane]; slot >= 0; slot = slot === last ? -1 : store.pNext[slot]) {
        visit(store.pId[slot], lane - station * 3, store.pInst[slot], station, store.pArrive[slot], store.pStart[slot], store.pDone[slot], store.pEmit[slot]);
      }
    }
  }

  /** Packets waiting (not yet in service) at a station at time `atUs`. */
  queuedAt(station: number, atUs = this.nowUs): number {
    const store = this.store;
    let waiting = 0;
    for (let lane = station * 3; lane < station * 3 + 3; lane += 1) {
      const last = store.laneLast[lane];
      for (let slot = store.laneFirst[lane]; slot >= 0; slot = slot === last ? -1 : store.pNext[slot]) {
        if (store.pStart[slot] > atUs) waiting += 1;
      }
    }
    return waiting;
  }

  /** The gap a hop's servers leave between two packets of a kind (µs of board time): how far apart a
   * queue's packets are in time, for drawing the queue as a line. */
  laneGapUs(station: number, kind: number): number {
    return this.store.stInterval[station * 3 + kind] || 1;
  }

  get packetsInFlight(): number {
    return this.store.inFlight;
  }

  /** Hops served so far (packets entering a station), for the benchmark. */
  get hopCount(): number {
    return this.tally.hopCount;
  }

  memoryNowGiB(): number {
    return this.fleet.memoryUsedGiB;
  }

  /** A hash of everything observable in the run so far: equal hashes, equal runs. */
  traceHash(): string {
    return (this.tally.traceHash >>> 0).toString(16).padStart(8, '0');
  }

  metrics(): RunMetrics {
    return runMetrics(this.tally, { level: this.level, peakMemoryGiB: this.fleet.peakMemoryGiB, bootSecondsPerInstance: this.fleet.bootSecondsPerInstance() });
  }

  /** Tenants that some threat of the level could reach in principle (the security score's denominator). */
  tenantsAtRisk(): number {
    return tenantsAtRisk(this.level);
  }
}
