// "What each hop cost": the per-request time of every hop on a disk and a network request's path in the
// player's build, from the engine's own stations and the service times in src/sim/costs.ts, beside the
// native path. No run is needed: creating the simulation builds the paths. Pure, so it is unit-tested.
import { NATIVE_LATENCY_US } from '../../scoring/scoreRun';
import { SERVICE_US, type StationKind } from '../../sim/costs';
import { createSimulation, type StationInfo } from '../../sim/Simulation';
import type { Architecture, Build, Driver, Level } from '../../sim/types';

export type IoKind = 'disk' | 'net';

export interface HopCost {
  station: StationKind;
  /** The VM's driver for a VM's exit, backend or Type-2 process; null for every other hop. */
  driver: Driver | null;
  /** Time per request with no queue, µs. */
  us: number;
}

export interface PathCost {
  kind: IoKind;
  hops: HopCost[];
  totalUs: number;
  /** The same request on one host OS with nothing in between, with no queue (NATIVE_LATENCY_US). The
   * speed score compares p95 response times with the native run's instead (docs/model.md §10). */
  native: HopCost[];
  nativeUs: number;
}

/** One path through the build, shared by every app listed (apps whose paths cost the same are grouped). */
export interface AppPathCosts {
  apps: string[];
  arch: Architecture;
  disk: PathCost;
  net: PathCost;
}

const KIND_INDEX: Record<IoKind, 0 | 1> = { disk: 0, net: 1 };
const DRIVEN: ReadonlySet<StationKind> = new Set<StationKind>(['vm-exit', 'backend', 'type2-process']);

/** The time one request of a kind spends in a hop of this kind, with no queue (src/sim/costs.ts). */
export function serviceUs(station: StationKind, kind: IoKind, driver: Driver, type2: boolean): number {
  const k = KIND_INDEX[kind];
  switch (station) {
    case 'container-engine':
      return SERVICE_US.containerEngine[k];
    case 'guest-kernel':
    case 'host-kernel':
      return SERVICE_US.kernel[k];
    case 'vm-exit':
      return (type2 ? SERVICE_US.type2VmExit : SERVICE_US.vmExit)[driver][k];
    case 'backend':
      return SERVICE_US.backend[driver][k];
    case 'type2-process':
      return SERVICE_US.type2Process[driver][k];
    case 'host-syscall':
      return SERVICE_US.hostSyscall[k];
    case 'disk':
      return SERVICE_US.disk[k];
    case 'nic':
      return SERVICE_US.nic[k];
  }
}

/** The native path of a kind: the host kernel, then the device. */
export function nativePath(kind: IoKind): HopCost[] {
  const device: StationKind = kind === 'disk' ? 'disk' : 'nic';
  return [
    { station: 'host-kernel', driver: null, us: serviceUs('host-kernel', kind, 'para', false) },
    { station: device, driver: null, us: serviceUs(device, kind, 'para', false) },
  ];
}

function roundUs(value: number): number {
  return Math.round(value * 10) / 10;
}

function driverOf(station: StationInfo, build: Build): Driver {
  if (station.app !== null) return build.placements.find((placement) => placement.app === station.app)?.vm?.driver ?? 'emulated';
  return build.nodes.find((node) => node.id === station.owner)?.driver ?? 'emulated';
}

function pathCost(kind: IoKind, stations: readonly StationInfo[], build: Build): PathCost {
  const type2 = stations.some((station) => station.kind === 'type2-process');
  const hops = stations.map((station) => {
    const driver = DRIVEN.has(station.kind) ? driverOf(station, build) : null;
    return { station: station.kind, driver, us: serviceUs(station.kind, kind, driver ?? 'para', type2) };
  });
  const native = nativePath(kind);
  return {
    kind,
    hops,
    totalUs: roundUs(hops.reduce((sum, hop) => sum + hop.us, 0)),
    native,
    nativeUs: roundUs(NATIVE_LATENCY_US[kind]),
  };
}

function signature(path: PathCost): string {
  return path.hops.map((hop) => `${hop.station}:${hop.driver ?? ''}:${hop.us}`).join('>');
}

/**
 * The disk and network paths of each app's first instance as the build stands at the start of the run
 * (later moves and driver switches are not shown), apps with identical paths grouped, in the level's
 * app order. Null for a build that breaks a rule (it never ran).
 */
export function hopCosts(level: Level, build: Build): AppPathCosts[] | null {
  const created = createSimulation(level, build);
  if (!created.ok) return null;
  const simulation = created.simulation;
  const stations = simulation.stations();
  const instances = simulation.instances();
  const groups: AppPathCosts[] = [];
  const bySignature = new Map<string, AppPathCosts>();
  for (const hosting of created.analysis.hostings) {
    const instance = instances.find((candidate) => candidate.app === hosting.app.id);
    if (!instance) continue;
    const path = (kind: IoKind) => pathCost(kind, simulation.pathOf(instance.index, kind).map((index) => stations[index]!), build);
    const disk = path('disk');
    const net = path('net');
    const key = `${signature(disk)}|${signature(net)}`;
    const existing = bySignature.get(key);
    if (existing) {
      existing.apps.push(hosting.app.id);
      continue;
    }
    const group: AppPathCosts = { apps: [hosting.app.id], arch: hosting.architecture, disk, net };
    bySignature.set(key, group);
    groups.push(group);
  }
  return groups;
}

/** How much slower than native a path is with no queue: the extra µs and the factor. */
export function overheadOf(path: PathCost): { extraUs: number; factor: number } {
  const extraUs = roundUs(path.totalUs - path.nativeUs);
  const factor = path.nativeUs > 0 ? Math.round((path.totalUs / path.nativeUs) * 100) / 100 : 1;
  return { extraUs, factor };
}

/** The length a block's bars stand for: the longer of the build's and the native path, plus a little room. */
export function hopScaleMax(path: PathCost): number {
  return Math.max(path.totalUs, path.nativeUs) * 1.06;
}
