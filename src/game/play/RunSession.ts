// One run of a build, for the view: the engine, the packet tracks it feeds, the clock that steps it, and
// what the board must show beyond packets (breached tenants and cracked walls, quarantines, bursts, boots
// and image downloads, where apps run after moves, the event log). No Phaser; the scene draws this state.
import { forwardSimEvent } from '../../app/simEventBridge';
import type { GameEvents } from '../../app/gameEvents';
import { createSimulation, type InstanceInfo, type Simulation } from '../../sim/Simulation';
import type { SimEvent } from '../../sim/events';
import { resolvePlacement, type BuildAnalysis } from '../../sim/topology';
import type { Build, Command, Driver, Level, PacketKind, Placement, RuleViolation } from '../../sim/types';
import { MARK_HYPERCALL, MARK_NONE, MARK_VM_EXIT, PacketTracks } from './PacketTracks';
import type { StationInfo } from '../../sim/engine/paths';
import { RunClock } from './runClock';
import { logEntryFor, type LogEntry } from './runLog';

export interface BurstState {
  index: number;
  app: string;
  required: number;
  startUs: number;
  deadlineUs: number;
  served: number | null;
}

/** A wall that stopped something (issue 17 item 3): an attack or escape contained by an isolation
 * boundary or a quarantine, or packets a block command cut off. `walls` name the boxes to flash:
 * `node:<id>`, `vms:<app>` (an app's per-instance VMs) or `app:<app>` (its card). */
export interface WallStop {
  atUs: number;
  /** attackContained's reason (`vm`, `container`, `hypervisor`, `quarantine`) or `block`. */
  reason: string;
  /** The threat stopped (attacks), else null. */
  threat: string | null;
  /** The packet kind cut off (blocks), else null. */
  kind: PacketKind | null;
  app: string;
  walls: string[];
}

export interface RunSessionOptions {
  level: Level;
  build: Build;
  seed: number;
  /** Game events for sound (packet delivered/dropped, breach, instance booted). */
  events?: GameEvents;
  /** Every new log line, as it happens (for announcements). */
  onLog?: (entry: LogEntry) => void;
  /** Lines to leave out of the log (the sandbox's load app scaling itself). */
  logFilter?: (entry: LogEntry) => boolean;
  maxTicksPerFrame?: number;
  /** The wall clock in ms (tests pass a fake one); default performance.now. */
  now?: () => number;
}

/**
 * The most wall-clock ms the engine may take in one frame while the run plays (issue 15): whatever the
 * level, a frame is never blocked for long. Ticks that do not fit wait for the next frame (up to one
 * frame's cap of ticks; beyond that board time is dropped, as the clock does), so a level too heavy for
 * the machine plays slower instead of freezing the page.
 */
export const FRAME_BUDGET_MS = 12;
/** The same while skipping to the end: the rest of the run is computed a slice per frame. */
export const SKIP_BUDGET_MS = 30;
/** The script time a frame of the run aims at in all (the engine's slice and the drawing); and the least slice
 * the engine gets, so a run always moves. */
export const FRAME_SCRIPT_MS = 22;
export const MIN_FRAME_BUDGET_MS = 3;

/**
 * The engine's slice of a frame when drawing the board took `drawMs` (of the frames just before; issue 15):
 * FRAME_BUDGET_MS while drawing is light, less when a crowded board takes long to draw, so the two together
 * stay near FRAME_SCRIPT_MS instead of adding up past a frame's worth. Never under MIN_FRAME_BUDGET_MS.
 */
export function engineBudgetMs(drawMs: number): number {
  return Math.max(MIN_FRAME_BUDGET_MS, Math.min(FRAME_BUDGET_MS, FRAME_SCRIPT_MS - drawMs));
}

export type CommandRequest = Command extends infer C ? (C extends { atMs: number } ? Omit<C, 'atMs'> : never) : never;

/** The most lines the log keeps. */
const MAX_LOG = 200;

export class RunSession {
  readonly simulation: Simulation;
  readonly analysis: BuildAnalysis;
  readonly tracks = new PacketTracks();
  readonly clock: RunClock;
  readonly log: LogEntry[] = [];
  readonly breachedTenants = new Set<string>();
  /** Walls an attack crossed: node ids, or `app#*` for an app's per-instance VMs. */
  readonly cracked = new Set<string>();
  readonly quarantined = new Set<string>();
  readonly blocked: Array<{ app: string; kind: PacketKind; at: string }> = [];
  /** Walls that stopped an attack or a blocked kind, in order (RunPhase flashes the new ones). */
  readonly stops: WallStop[] = [];
  /** Blocks whose first cut-off packet made a stop already. */
  private readonly blocksSeen = new Set<string>();
  /** VM nodes whose driver a command switched. */
  readonly nodeDrivers = new Map<string, Driver>();
  readonly bursts: BurstState[] = [];
  /** Images downloading, by app: when the pull started and ends (board µs). */
  readonly pulling = new Map<string, { startUs: number; doneUs: number }>();
  /** Grows whenever instances start, stop or become ready: the view redraws VM boxes then. */
  instancesVersion = 0;
  /** Grows whenever an app moves, an app is quarantined or released, or a tenant is breached. */
  boardVersion = 0;
  /** Packet events are not tracked (skipping to the end). */
  private tracking = true;
  /** Skipping to the end: each frame runs as many ticks as SKIP_BUDGET_MS allows, until the end. */
  private skippingToEnd = false;
  /** Ticks the clock asked for that did not fit in a frame's budget yet. */
  private backlogTicks = 0;
  private readonly now: () => number;
  private readonly maxTicksPerFrame: number;
  private instanceCache: InstanceInfo[] | null = null;
  private readonly events: GameEvents | undefined;
  private readonly onLog: ((entry: LogEntry) => void) | undefined;
  private readonly logFilter: ((entry: LogEntry) => boolean) | undefined;

  private constructor(options: RunSessionOptions, created: { simulation: Simulation; analysis: BuildAnalysis }) {
    this.simulation = created.simulation;
    this.analysis = created.analysis;
    this.events = options.events;
    this.onLog = options.onLog;
    this.logFilter = options.logFilter;
    this.maxTicksPerFrame = options.maxTicksPerFrame ?? 24;
    this.clock = new RunClock(this.simulation.tickMs, this.maxTicksPerFrame);
    this.now = options.now ?? (() => performance.now());
  }

  /** Starts a run, or returns the rules the build breaks. */
  static start(options: RunSessionOptions): RunSession | { violations: RuleViolation[] } {
    const holder: { session: RunSession | null; early: SimEvent[] } = { session: null, early: [] };
    const created = createSimulation(options.level, options.build, {
      seed: options.seed,
      listener: (event) => {
        if (holder.session) holder.session.handle(event);
        else holder.early.push({ ...event });
      },
    });
    if (!created.ok) return { violations: created.violations };
    const session = new RunSession(options, created);
    holder.session = session;
    for (const event of holder.early) session.handle(event);
    return session;
  }

  get level(): Level {
    return this.simulation.level;
  }

  get done(): boolean {
    return this.simulation.done;
  }

  /** Board time to draw (µs): a tick behind the engine plus the clock's fraction. */
  get drawTimeUs(): number {
    return this.clock.drawTimeUs(this.simulation.tick);
  }

  /**
   * Advances by one frame of `frameMs`; returns the ticks stepped. The engine runs at most `budgetMs` of
   * wall-clock time (FRAME_BUDGET_MS unless the screen asks for less: engineBudgetMs; SKIP_BUDGET_MS while
   * skipping to the end) and at least one tick.
   */
  advance(frameMs: number, budgetMs: number = FRAME_BUDGET_MS): number {
    if (this.simulation.done) return 0;
    if (this.skippingToEnd) return this.stepWithin(SKIP_BUDGET_MS, Number.POSITIVE_INFINITY);
    const ticks = this.clock.advance(frameMs);
    const wanted = this.backlogTicks + ticks;
    if (wanted > this.maxTicksPerFrame) this.clock.droppedMs += (wanted - this.maxTicksPerFrame) * this.simulation.tickMs;
    this.backlogTicks = Math.min(wanted, this.maxTicksPerFrame);
    if (this.backlogTicks === 0) return 0;
    const stepped = this.stepWithin(budgetMs, this.backlogTicks);
    this.backlogTicks -= stepped;
    return stepped;
  }

  /** Steps up to `limit` ticks, one at a time, until `budgetMs` of wall-clock time is spent. */
  private stepWithin(budgetMs: number, limit: number): number {
    const started = this.now();
    let stepped = 0;
    while (stepped < limit && !this.simulation.done) {
      this.simulation.step(1);
      stepped += 1;
      if (this.now() - started >= budgetMs) break;
    }
    return stepped;
  }

  /** Whether the run is skipping to the end (started by skipToEnd, not yet done). */
  get skipping(): boolean {
    return this.skippingToEnd && !this.simulation.done;
  }

  /**
   * Runs the rest without tracking packets (nobody would see them): as much as SKIP_BUDGET_MS allows now,
   * the rest a slice per frame in advance(). Returns whether the run is done already.
   */
  skipToEnd(): boolean {
    this.tracking = false;
    this.tracks.clear();
    this.skippingToEnd = true;
    this.backlogTicks = 0;
    this.stepWithin(SKIP_BUDGET_MS, Number.POSITIVE_INFINITY);
    return this.simulation.done;
  }

  /** Queues a player action now; the engine applies it at its next tick. */
  command(request: CommandRequest): Command {
    return this.simulation.enqueue({ ...request, atMs: this.simulation.nowUs / 1000 } as Command);
  }

  /** The driver of the VM a hop belongs to now (exit, backend, Type-2 process), else null. */
  stationDriver(station: StationInfo): Driver | null {
    if (station.kind !== 'vm-exit' && station.kind !== 'backend' && station.kind !== 'type2-process') return null;
    if (station.app !== null) {
      const hosting = this.simulation.currentHostings().find((entry) => entry.app.id === station.app);
      return hosting?.template?.driver ?? null;
    }
    return this.nodeDrivers.get(station.owner) ?? this.analysis.nodes.get(station.owner)?.driver ?? 'emulated';
  }

  /** A VM's exit hop: a hypercall with para-virtual drivers, a trapped VM exit with emulated devices. */
  stationMark(station: StationInfo): number {
    if (station.kind !== 'vm-exit') return MARK_NONE;
    return this.stationDriver(station) === 'para' ? MARK_HYPERCALL : MARK_VM_EXIT;
  }

  /** Every instance with its state (cached until instances change). */
  instances(): InstanceInfo[] {
    if (!this.instanceCache) this.instanceCache = this.simulation.instances();
    return this.instanceCache;
  }

  /** Running or booting instances of an app (warm spares excluded): what `scale` counts. */
  liveCount(app: string): number {
    let count = 0;
    for (const instance of this.instances()) if (instance.app === app && (instance.state === 'ready' || instance.state === 'booting')) count += 1;
    return count;
  }

  readyCount(app: string): number {
    let count = 0;
    for (const instance of this.instances()) if (instance.app === app && instance.state === 'ready') count += 1;
    return count;
  }

  /** Engine instance indices drawn for an app: running, booting and spare ones. */
  drawnInstances(app: string): number[] {
    const result: number[] = [];
    for (const instance of this.instances()) if (instance.app === app && instance.state !== 'stopped') result.push(instance.index);
    return result;
  }

  booting(): InstanceInfo[] {
    return this.instances().filter((instance) => instance.state === 'booting');
  }

  /** Where each app runs now, as placements (moves included), for the board. */
  placements(): Placement[] {
    return this.simulation.currentHostings().map((hosting) =>
      hosting.kind === 'vm-per-instance' && hosting.template
        ? { app: hosting.app.id, on: hosting.placedOn, vm: { ...hosting.template } }
        : { app: hosting.app.id, on: hosting.placedOn },
    );
  }

  private handle(event: SimEvent): void {
    switch (event.type) {
      case 'packetEmitted':
      case 'packetHopped':
        if (this.tracking) this.tracks.handle(event);
        return;
      case 'packetDelivered':
      case 'packetDropped':
        if (event.type === 'packetDropped' && event.reason === 'blocked') this.blockStop(event.app, event.kind, event.station, event.atUs);
        if (this.tracking) {
          this.tracks.handle(event);
          if (this.events) forwardSimEvent(this.events, event);
        }
        return;
      default:
        break;
    }
    switch (event.type) {
      case 'instanceBooting':
        if (event.pullSeconds > 0 && !this.pulling.has(event.app)) {
          this.pulling.set(event.app, { startUs: event.atUs, doneUs: event.atUs + event.pullSeconds * 1e6 });
        }
        this.instancesChanged();
        break;
      case 'instanceReady':
      case 'instanceStopped':
        this.instancesChanged();
        break;
      case 'imagePulled':
        this.pulling.delete(event.app);
        break;
      case 'attackContained':
        if (event.app !== null) this.attackStop(event.kind, event.app, event.reason, event.atUs);
        break;
      case 'breach':
        this.breachedTenants.add(event.tenant);
        this.crack(event.boundary, event.attacker);
        this.boardVersion += 1;
        break;
      case 'burstStarted':
        this.bursts.push({ index: event.burst, app: event.app, required: event.required, startUs: event.atUs, deadlineUs: event.deadlineUs, served: null });
        break;
      case 'burstEnded': {
        const burst = this.bursts.find((entry) => entry.index === event.burst);
        if (burst) burst.served = event.served;
        break;
      }
      case 'commandApplied': {
        const command = event.command;
        if (command.op === 'quarantine') this.quarantined.add(command.app);
        if (command.op === 'release') this.quarantined.delete(command.app);
        if (command.op === 'block') this.blocked.push({ app: command.app, kind: command.kind, at: command.at });
        if (command.op === 'set-driver' && command.vm) this.nodeDrivers.set(command.vm, command.driver);
        // A scale command changes instances only (instancesVersion, when they start or stop), not the board.
        if (command.op !== 'scale') this.boardVersion += 1;
        break;
      }
      default:
        break;
    }
    if (this.events) forwardSimEvent(this.events, event);
    const entry = logEntryFor(event);
    if (entry && event.type === 'commandRejected') entry.reasonParams = this.rejectionParams(event.command, event.reason) ?? event.params;
    if (entry && (!this.logFilter || this.logFilter(entry))) {
      this.log.push(entry);
      if (this.log.length > MAX_LOG) this.log.splice(0, this.log.length - MAX_LOG);
      this.onLog?.(entry);
    }
  }

  /** The values a rejected move's reason names (the kernels that do not match, the architecture). */
  private rejectionParams(command: Command, reason: string): Record<string, string | number> | undefined {
    if (command.op !== 'move') return undefined;
    const appIndex = this.level.apps.findIndex((app) => app.id === command.app);
    if (appIndex < 0) return undefined;
    const resolved = resolvePlacement(this.level, this.analysis.nodes, this.level.apps[appIndex], appIndex, { on: command.on, vm: command.vm });
    const violation = resolved.violations.find((entry) => entry.code === reason);
    if (violation?.params) return { ...violation.params };
    if (reason === 'arch-not-allowed' && resolved.hosting) return { arch: resolved.hosting.architecture };
    return undefined;
  }

  private instancesChanged(): void {
    this.instanceCache = null;
    this.instancesVersion += 1;
  }

  /** An attack contained by a wall the board can show: the attacker's VM(s), container engine,
   * hypervisor, or its card for a quarantine. Reasons without a wall (nothing to reach) make no stop. */
  private attackStop(threat: string, app: string, reason: string, atUs: number): void {
    const hosting = this.simulation.currentHostings().find((entry) => entry.app.id === app);
    const walls: string[] = [];
    if (reason === 'quarantine') walls.push(`app:${app}`);
    else if (hosting && reason === 'vm') {
      if (hosting.kind === 'vm-per-instance') walls.push(`vms:${app}`);
      else if (hosting.vmNode) walls.push(`node:${hosting.vmNode}`);
    } else if (hosting && reason === 'container' && hosting.engineNode) walls.push(`node:${hosting.engineNode}`);
    else if (hosting && reason === 'hypervisor') {
      if (hosting.kind === 'vm-per-instance') walls.push(`vms:${app}`);
      else if (hosting.vmNode) walls.push(`node:${hosting.vmNode}`);
      if (hosting.hypervisorNode) walls.push(`node:${hosting.hypervisorNode}`);
    }
    if (walls.length === 0) return;
    this.stops.push({ atUs, reason, threat, kind: null, app, walls });
  }

  /** The first packet a block cuts off: the hop's box says what it stopped. */
  private blockStop(app: string, kind: PacketKind, station: number, atUs: number): void {
    const owner = this.simulation.stations()[station]?.owner;
    if (!owner) return;
    const key = `${app}|${kind}|${owner}`;
    if (this.blocksSeen.has(key)) return;
    this.blocksSeen.add(key);
    this.stops.push({ atUs, reason: 'block', threat: null, kind, app, walls: [owner === 'hardware' ? 'hardware' : `node:${owner}`] });
  }

  /** Marks the wall an attack crossed, on the attacker's hosting. */
  private crack(boundary: string, attacker: string | null): void {
    const hosting = attacker ? this.simulation.currentHostings().find((entry) => entry.app.id === attacker) : undefined;
    if (!hosting) {
      const root = this.analysis.rootNode;
      if (root) this.cracked.add(root.id);
      return;
    }
    switch (boundary) {
      case 'container':
        if (hosting.engineNode) this.cracked.add(hosting.engineNode);
        if (hosting.kernelNode) this.cracked.add(hosting.kernelNode);
        break;
      case 'guest-kernel':
        if (hosting.kind === 'vm-per-instance') this.cracked.add(`${hosting.app.id}#*`);
        else if (hosting.vmNode) this.cracked.add(hosting.vmNode);
        break;
      case 'hypervisor':
        if (hosting.kind === 'vm-per-instance') this.cracked.add(`${hosting.app.id}#*`);
        if (hosting.vmNode) this.cracked.add(hosting.vmNode);
        if (hosting.hypervisorNode) this.cracked.add(hosting.hypervisorNode);
        break;
      case 'host-os':
        if (hosting.hostNode) this.cracked.add(hosting.hostNode);
        break;
      default:
        if (hosting.kernelNode) this.cracked.add(hosting.kernelNode);
        else this.cracked.add(hosting.placedOn);
    }
  }
}
