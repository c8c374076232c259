// Stations (hops) and paths: which hops a packet of an app instance passes, top to bottom, and what each
// hop costs. buildPaths() is the one place an instance's three paths (disk, net, syscall) are laid out
// from its app's hosting; configureStation() the one place a hop's cost (per-packet service time and the
// gap its servers leave) is set. Stations are shared where the machine shares them (a kernel, a device, a
// hypervisor's translation), and per VM where each VM has its own. The numbers live in the packet store.

import { BUNDLE_REQUESTS, SERVERS, SERVICE_US, STATION_DEPTH, VM_VCPUS, type StationKind } from '../costs';
import type { AppHosting } from '../topology';
import type { BuildNode, Driver, Level } from '../types';
import type { PacketStore } from './packetStore';

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

export class Paths {
  readonly infos: StationInfo[] = [];
  private readonly store: PacketStore;
  private readonly level: Level;
  /** The build's nodes as they are now (a driver switch replaces a VM's entry); shared with the run. */
  private readonly nodes: Map<string, BuildNode>;
  /** Build node id → index (0: the hardware), as stations record their owner. */
  private readonly nodeIndex: Map<string, number>;
  private readonly stationKey = new Map<string, number>();

  constructor(store: PacketStore, level: Level, nodes: Map<string, BuildNode>, nodeIndex: Map<string, number>) {
    this.store = store;
    this.level = level;
    this.nodes = nodes;
    this.nodeIndex = nodeIndex;
  }

  /** The station with this key, made on first use. */
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
    const depth = STATION_DEPTH[kind];
    const index = this.store.addStation(depth, this.nodeIndex.get(owner) ?? 0);
    this.stationKey.set(key, index);
    this.infos.push({ index, kind, owner, depth, app, instance });
    this.configureStation(index, service, servers);
    return index;
  }

  /** Sets a hop's per-packet time (per-request µs × bundle) and the gap its servers leave between packets. */
  configureStation(index: number, service: readonly number[], servers: number): void {
    const store = this.store;
    for (let kind = 0; kind < 3; kind += 1) {
      const packetUs = service[kind] * BUNDLE_REQUESTS;
      store.stService[index * 3 + kind] = packetUs;
      store.stInterval[index * 3 + kind] = packetUs / Math.max(1, servers);
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

  /** Lays out the three paths (disk, net, syscall) of one instance from its app's hosting: the one place
   * an instance's hops are chosen. A path of the same length as before is rewritten in place, so packets
   * already on the way follow the new hops. */
  buildPaths(instance: number, hosting: AppHosting): void {
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
    this.store.setPath(instance * 3 + 0, [...engineStations, ...ioPrefix, disk]);
    this.store.setPath(instance * 3 + 1, [...engineStations, ...ioPrefix, nic]);
    this.store.setPath(instance * 3 + 2, syscallPath);
  }

  /** After a driver switch: the exit, process and backend hops of the VM keyed `vmKey` (a VM node's id, or
   * app#instance for a template's VM) take the costs of `driver`. Stations are per VM, so this changes
   * only that VM. */
  reconfigureVm(vmKey: string, hypervisorType: 'type1' | 'type2' | null, driver: Driver): void {
    const exitCosts = hypervisorType === 'type2' ? SERVICE_US.type2VmExit : SERVICE_US.vmExit;
    const exit = this.stationKey.get(`exit:${vmKey}`);
    const process = this.stationKey.get(`process:${vmKey}`);
    const backend = this.stationKey.get(`backend:${vmKey}`);
    if (exit !== undefined) this.configureStation(exit, exitCosts[driver], SERVERS.perCore * VM_VCPUS);
    if (process !== undefined) this.configureStation(process, SERVICE_US.type2Process[driver], SERVERS.type2Process);
    if (backend !== undefined) this.configureStation(backend, SERVICE_US.backend[driver], SERVERS.backend);
  }

  /** The station indices a generator's packets visit, top to bottom. */
  pathOf(generator: number): number[] {
    const store = this.store;
    const start = store.genPathStart[generator];
    return Array.from(store.pathStations.subarray(start, start + store.genPathLength[generator]));
  }
}
