// Player commands: the queue of commands stamped with a time, and what each does when its tick comes
// (scale, quarantine and release, block a kind of packet at a node, switch a VM's driver, move an app).
// Applied commands are logged and folded into the trace, so the seed and the log replay the run; a
// rejected one changes nothing and says why (a driver the level does not offer, in `set-driver` or in the
// VM a `move` would make, is refused: `driver-not-offered`). Controls holds the switches commands set that the packet
// parts read (which apps are quarantined, where each app's packets of a kind are blocked).

import { KIND_INDEX, TICK_MS, TICK_US } from '../costs';
import type { SimListener } from '../events';
import { vmDriverOf } from '../resolveAttack';
import { driverOffered, resolvePlacement, type AppHosting } from '../topology';
import type { Build, BuildNode, Command, Level } from '../types';
import { INSTANCE_STOPPED, type Fleet } from './fleet';
import type { Tally } from './metrics';
import type { Paths } from './paths';
import type { Timeline } from './timeline';

/** The switches player commands set, read by the packet parts. */
export class Controls {
  /** Per app: 1 while quarantined (its instances emit nothing that gets through, and serve no burst). */
  readonly quarantined: Uint8Array;
  /** Per app × 3 + kind: the build node (its index) where those packets are blocked, or -1. */
  readonly blockAt: Int32Array;
  /** Whether any block command has applied (until then no hop checks blockAt). */
  blocking = false;

  constructor(appCount: number) {
    this.quarantined = new Uint8Array(appCount);
    this.blockAt = new Int32Array(appCount * 3).fill(-1);
  }
}

/** What the command part works on. */
export interface CommandContext {
  level: Level;
  listener: SimListener | undefined;
  /** The build's nodes as they are now (shared with the other parts). */
  nodes: Map<string, BuildNode>;
  nodeIndex: Map<string, number>;
  appIndex: Map<string, number>;
  fleet: Fleet;
  paths: Paths;
  controls: Controls;
  timeline: Timeline;
  tally: Tally;
}

export class Commands {
  /** Commands in time order (stable for equal times); those before `cursor` have been applied or rejected. */
  private readonly queue: Command[] = [];
  private cursor = 0;
  private readonly applied: Command[] = [];
  private readonly context: CommandContext;

  constructor(build: Build, context: CommandContext) {
    this.context = context;
    const commands = (build.commands ?? []).map((command, index) => ({ command, index }));
    commands.sort((left, right) => left.command.atMs - right.command.atMs || left.index - right.index);
    for (const entry of commands) this.queue.push(entry.command);
  }

  /**
   * Queues a player action. A command stamped earlier than `tick` applies at that tick and is logged with
   * its time, so the log replays the run exactly.
   */
  enqueue(command: Command, tick: number): Command {
    const atMs = Math.max(command.atMs, tick * TICK_MS);
    const stamped = { ...command, atMs } as Command;
    let insertAt = this.queue.length;
    while (insertAt > this.cursor && this.queue[insertAt - 1].atMs > atMs) insertAt -= 1;
    this.queue.splice(insertAt, 0, stamped);
    return stamped;
  }

  /** Commands applied so far, in order. */
  log(): Command[] {
    return this.applied.slice();
  }

  /** Applies (at the tick's start) every command due before the tick's end. */
  applyDue(tickStartUs: number, tickEndUs: number): void {
    while (this.cursor < this.queue.length && this.queue[this.cursor].atMs * 1000 < tickEndUs) {
      const command = this.queue[this.cursor];
      this.cursor += 1;
      this.apply(command, tickStartUs);
    }
  }

  private apply(command: Command, nowUs: number): void {
    const { appIndex: appIndexOf, controls, fleet, listener, nodeIndex } = this.context;
    const appIndex = 'app' in command && command.app !== undefined ? appIndexOf.get(command.app) : undefined;
    const reject = (reason: string) => {
      // The driver a level does not offer is named in the refusal (the board's sentence shows it).
      const params = reason === 'driver-not-offered' && (command.op === 'set-driver' || command.op === 'move') ? { driver: command.op === 'move' ? command.vm?.driver ?? '' : command.driver } : undefined;
      listener?.({ type: 'commandRejected', command, atUs: nowUs, reason, ...(params ? { params } : {}) });
    };
    if ('app' in command && command.app !== undefined && appIndex === undefined) return reject('unknown-app');
    switch (command.op) {
      case 'scale':
        fleet.scaleTo(appIndex as number, Math.max(0, Math.floor(command.instances)), nowUs);
        break;
      case 'quarantine':
        controls.quarantined[appIndex as number] = 1;
        fleet.generatorsStale = true;
        this.context.timeline.containBreachesBy(command.app, nowUs);
        break;
      case 'release':
        controls.quarantined[appIndex as number] = 0;
        fleet.generatorsStale = true;
        break;
      case 'block': {
        const node = nodeIndex.get(command.at);
        if (node === undefined) return reject('unknown-node');
        controls.blockAt[(appIndex as number) * 3 + KIND_INDEX[command.kind]] = node;
        controls.blocking = true;
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
    this.applied.push(command);
    // Only applied commands enter the trace: the log replays them, and rejected ones changed nothing.
    this.context.tally.foldTrace(0x636d64, Math.round(nowUs / TICK_US));
    listener?.({ type: 'commandApplied', command, atUs: nowUs });
  }

  /** Switches a VM node's driver, or the template driver of an app's per-instance VMs; returns why not.
   * A driver the level does not offer (its `drivers`) is refused, whatever the VM. */
  private setDriver(command: Extract<Command, { op: 'set-driver' }>, appIndex: number | undefined): string | null {
    const { level, nodes, fleet } = this.context;
    if (!driverOffered(level, command.driver)) return 'driver-not-offered';
    const allowed = (hypervisorType: 'type1' | 'type2' | null) =>
      hypervisorType !== 'type1' || level.allow.includes(command.driver === 'para' ? 'type1-para' : 'type1-full');
    if (command.vm) {
      const node = nodes.get(command.vm);
      if (!node || node.piece !== 'vm') return 'not-a-vm';
      const hypervisor = nodes.get(node.on);
      const hypervisorType = hypervisor?.piece === 'type1-hypervisor' ? 'type1' : 'type2';
      const hostsProcesses = fleet.hostings.some((hosting) => hosting.kind === 'vm-process' && hosting.vmNode === node.id);
      if (hostsProcesses && !allowed(hypervisorType)) return 'arch-not-allowed';
      nodes.set(node.id, { ...node, driver: command.driver });
      for (const hosting of fleet.hostings) {
        if (hosting.kind === 'vm-process' && hosting.vmNode === node.id && hosting.hypervisorType) {
          hosting.architecture = hosting.hypervisorType === 'type2' ? 'type2' : command.driver === 'para' ? 'type1-para' : 'type1-full';
        }
      }
      this.rebuildPathsWhere((hosting) => hosting.vmNode === node.id);
      return null;
    }
    if (appIndex === undefined) return 'not-a-vm';
    const hosting = fleet.hostingOf(appIndex);
    if (!hosting || hosting.kind !== 'vm-per-instance' || !hosting.template) return 'not-a-vm';
    if (!allowed(hosting.hypervisorType)) return 'arch-not-allowed';
    hosting.template = { ...hosting.template, driver: command.driver };
    if (hosting.hypervisorType === 'type1') hosting.architecture = command.driver === 'para' ? 'type1-para' : 'type1-full';
    this.rebuildPathsWhere((entry) => entry.appIndex === appIndex);
    return null;
  }

  /** Recomputes paths (same lengths, new costs) for live instances whose hosting matches. */
  private rebuildPathsWhere(match: (hosting: AppHosting) => boolean): void {
    const { fleet, nodes, paths } = this.context;
    // Station keys are per VM, so the VM's exit and process hops are reconfigured in place, and a Type-1
    // path switches to the backend of the new driver.
    const reconfigured = new Set<string>();
    for (let instance = 0; instance < fleet.instanceCount; instance += 1) {
      if (fleet.instState[instance] === INSTANCE_STOPPED) continue;
      const hosting = fleet.hostingOf(fleet.instApp[instance]);
      if (!hosting || !match(hosting)) continue;
      const vmKey = hosting.kind === 'vm-per-instance' ? `${hosting.app.id}#${instance}` : hosting.vmNode ?? '';
      if (!reconfigured.has(vmKey)) {
        reconfigured.add(vmKey);
        paths.reconfigureVm(vmKey, hosting.hypervisorType, vmDriverOf(hosting, nodes) ?? 'emulated');
      }
      // Paths of the same length are rewritten in place: packets already on the way follow the new hops.
      fleet.buildPaths(instance, hosting);
    }
  }

  /** Moves an app: its instances stop and the same number boot at the new place. A move that would make
   * VMs with a driver the level does not offer is refused. */
  private moveApp(appIndex: number, command: Extract<Command, { op: 'move' }>, nowUs: number): string | null {
    const { level, nodes, fleet } = this.context;
    if (command.vm && !driverOffered(level, command.vm.driver)) return 'driver-not-offered';
    const app = level.apps[appIndex];
    const resolved = resolvePlacement(level, nodes, app, appIndex, { on: command.on, vm: command.vm });
    if (!resolved.hosting || resolved.violations.length > 0) return resolved.violations[0]?.code ?? 'cannot-host-app';
    if (!level.allow.includes(resolved.hosting.architecture)) return 'arch-not-allowed';
    fleet.moveApp(appIndex, resolved.hosting, nowUs);
    return null;
  }
}
