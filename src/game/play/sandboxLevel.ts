// The sandbox's machine and apps: every piece allowed, no palette limit, big hardware, a fixed set of demo
// apps (a Linux web app and database of one tenant, an untrusted Linux neighbour, a Windows app; different I/O mixes),
// and for `?packets=N` a load app whose instances the load controller scales. Data, not a campaign level.
import { KIND_INDEX } from '../../sim/costs';
import type { AppSpec, Build, Level } from '../../sim/types';
import { BUILD_FORMAT, LEVEL_FORMAT, PACKET_KINDS } from '../../sim/types';
import { MIN_VISIBLE_TRIP_US } from './PacketTracks';
import { DWELL_SCALE, TRAVEL_US } from './dwellSchedule';

export const SANDBOX_LEVEL_ID = 'sandbox';
export const LOAD_APP_ID = 'load';

/** The load app: mostly system calls (they bounce off the guest kernel, so the machine's one disk and
 * network card are not what limits the packets on the board), a trickle of disk and network. */
export const LOAD_APP: AppSpec = {
  id: LOAD_APP_ID,
  tenant: 'lab',
  kernel: 'linux',
  trust: 'trusted',
  io: { disk: 0.04, net: 0.1, syscall: 60 },
  instances: 1,
  memoryMiB: 128,
  image: { sizeMB: 20, cached: true },
};

const DEMO_APPS: AppSpec[] = [
  { id: 'web', tenant: 'shop', kernel: 'linux', trust: 'trusted', io: { disk: 0.6, net: 2, syscall: 4 }, instances: 2, memoryMiB: 512, image: { sizeMB: 120, cached: true } },
  { id: 'db', tenant: 'shop', kernel: 'linux', trust: 'trusted', io: { disk: 2, net: 0.6, syscall: 3 }, instances: 1, memoryMiB: 2048, image: { sizeMB: 300, cached: false } },
  { id: 'mods', tenant: 'modders', kernel: 'linux', trust: 'untrusted', io: { disk: 0.4, net: 1.2, syscall: 4 }, instances: 1, memoryMiB: 256, image: { sizeMB: 80, cached: true } },
  { id: 'ledger', tenant: 'office', kernel: 'windows', trust: 'trusted', io: { disk: 0.8, net: 0.8, syscall: 2 }, instances: 1, memoryMiB: 1024, image: { sizeMB: 1000, cached: true } },
];

/** Unloaded board seconds of a packet's trip in a Type-1 para-virtual VM, by kind (from costs.ts). */
const TYPE1_PARA_TRIP_SECONDS = [0.71, 0.335, 0.0075];

/** Hops of those trips, by kind (guest kernel, exit, backend, device; a syscall stops at the guest kernel). */
const TYPE1_PARA_HOPS = [4, 4, 1];

/** Packets one load instance keeps on the board: each trip as drawn (a slide per hop, stops DWELL_SCALE × the
 * engine's time: dwellSchedule.ts), short trips for MIN_VISIBLE_TRIP_US. */
export function loadPacketsPerInstance(app: AppSpec = LOAD_APP): number {
  let total = 0;
  for (const kind of PACKET_KINDS) {
    const index = KIND_INDEX[kind];
    const drawn = (TYPE1_PARA_HOPS[index] * TRAVEL_US) / 1e6 + DWELL_SCALE * TYPE1_PARA_TRIP_SECONDS[index];
    const seconds = Math.max(drawn, MIN_VISIBLE_TRIP_US / 1e6);
    total += (app.io[kind] ?? 0) * seconds;
  }
  return total;
}

export interface SandboxOptions {
  /** Include the load app with this many instances at the start. */
  loadInstances?: number;
}

export function sandboxLevel(options: SandboxOptions = {}): Level {
  const apps: AppSpec[] = DEMO_APPS.map((app) => ({ ...app, io: { ...app.io }, image: { ...app.image } }));
  if (options.loadInstances !== undefined) apps.push({ ...LOAD_APP, io: { ...LOAD_APP.io }, image: { ...LOAD_APP.image }, instances: Math.max(1, Math.round(options.loadInstances)) });
  return {
    format: LEVEL_FORMAT,
    id: SANDBOX_LEVEL_ID,
    title: { en: 'Sandbox', ko: '샌드박스' },
    brief: { en: 'Every piece, no goal.', ko: '모든 조각, 목표 없음.' },
    hardware: { cores: 64, memoryGiB: 512, registryMbps: 200 },
    apps,
    threats: [{ app: 'mods', kind: 'kernel-exploit', atSecond: 40 }],
    objectives: { speed: 1 },
    allow: ['native', 'container', 'type2', 'type1-full', 'type1-para'],
    // Three hours of board time: a 30-minute demonstration (or the long-run benchmark) at 4× never ends.
    durationSeconds: 10_800,
    seed: 2024,
  };
}

/** The sandbox's starting build: a Type-1 hypervisor and one para-virtual VM per instance of every app. */
export function sandboxDefaultBuild(level: Level): Build {
  return {
    format: BUILD_FORMAT,
    level: level.id,
    nodes: [{ id: 'hypervisor', piece: 'type1-hypervisor', on: 'hardware' }],
    placements: level.apps.map((app) => ({ app: app.id, on: 'hypervisor', vm: { kernel: app.kernel, driver: 'para' as const } })),
  };
}
