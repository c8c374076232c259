// The facts a level's texts may quote (src/i18n/levelFacts.ts fills them in): the level's own inputs,
// a few model figures from src/sim, and the results of the engine's ranking of the level on one seed.
// Every name is listed in docs/level-format.md ("Numbers in texts"); tests/levels/levelTexts.test.ts
// checks that every placeholder in every built-in level resolves on seeds 1–20.
import { pullSecondsFor, startSecondsFor } from '../sim/bootModel';
import { BUNDLE_REQUESTS, DEFAULT_APP_MEMORY_MIB, DEFAULT_IMAGE_MB, DEFAULT_REGISTRY_MBPS, MEMORY_GIB, SERVERS, SERVICE_US, VM_ESCAPE_CHANCE } from '../sim/costs';
import { instanceMemoryGiB } from '../sim/topology';
import { KERNELS, OBJECTIVES, PACKET_KINDS, type Level } from '../sim/types';
import type { Ranking } from './rankLevel';

/** One fact: its value and how many decimals it is shown with (the shape src/i18n/levelFacts.ts fills in;
 * declared here too because the engine imports nothing from the view side). */
export interface FactValue {
  value: number;
  digits: number;
}
export type LevelFacts = ReadonlyMap<string, FactValue>;

const KIND_AT = { disk: 0, net: 1, syscall: 2 } as const;

/** Packets per second a hop with `servers` servers and `serviceUs` per request can carry. */
function packetsPerSecond(servers: number, serviceUs: number): number {
  return serviceUs > 0 ? (servers * 1_000_000) / serviceUs / BUNDLE_REQUESTS : 0;
}

/** Facts that depend only on the level's data and the model, not on a run. */
export function inputFacts(level: Level): Map<string, FactValue> {
  const facts = new Map<string, FactValue>();
  const put = (name: string, value: number, digits = 0): void => {
    if (!facts.has(name)) facts.set(name, { value, digits });
  };
  put('hardware.cores', level.hardware.cores);
  put('hardware.memoryGiB', level.hardware.memoryGiB, 1);
  put('hardware.registryMbps', level.hardware.registryMbps ?? DEFAULT_REGISTRY_MBPS);
  put('level.durationSeconds', level.durationSeconds);
  for (const objective of OBJECTIVES) put(`objective.${objective}`, level.objectives[objective] ?? 0, 1);
  for (const app of level.apps) {
    const prefix = `app.${app.id}`;
    put(`${prefix}.instances`, app.instances);
    for (const kind of PACKET_KINDS) {
      put(`${prefix}.io.${kind}`, app.io[kind] ?? 0, 1);
      put(`${prefix}.requests.${kind}`, (app.io[kind] ?? 0) * BUNDLE_REQUESTS);
    }
    put(`${prefix}.memoryMiB`, app.memoryMiB ?? DEFAULT_APP_MEMORY_MIB);
    put(`${prefix}.image.sizeMB`, app.image?.sizeMB ?? DEFAULT_IMAGE_MB[app.kernel], 1);
    put(`${prefix}.pullSeconds`, pullSecondsFor(level, app), 1);
    put(`${prefix}.vmGiB`, instanceMemoryGiB({ kind: 'vm-per-instance', template: null }, app), 1);
  }
  // The first burst of an app is `burst.<app>.…`; a later one of the same app `burst.<app>.<n>.…` (n ≥ 2).
  const seen = new Map<string, number>();
  const nth = (key: string): string => {
    const count = (seen.get(key) ?? 0) + 1;
    seen.set(key, count);
    return count === 1 ? key : `${key}.${count}`;
  };
  for (const burst of level.bursts ?? []) {
    const from = level.apps.find((app) => app.id === burst.app)?.instances ?? 0;
    const prefix = nth(`burst.${burst.app}`);
    put(`${prefix}.at`, burst.atSecond, 1);
    put(`${prefix}.from`, from);
    put(`${prefix}.instances`, burst.instances);
    put(`${prefix}.deadline`, burst.deadlineSeconds, 1);
  }
  // Likewise threats: `threat.<app>.<kind>.at`, then `threat.<app>.<kind>.<n>.at`; `threat.<kind>.at` for
  // the first of a kind whoever makes it (the only name a host compromise, which has no app, can have).
  for (const threat of level.threats ?? []) {
    if (threat.app) put(`${nth(`threat.${threat.app}.${threat.kind}`)}.at`, threat.atSecond, 1);
    put(`threat.${threat.kind}.at`, threat.atSecond, 1);
  }
  // Model figures (src/sim/costs.ts, bootModel.ts).
  put('model.start.process', startSecondsFor({ kind: 'native', app: level.apps[0], template: null, hypervisorType: null }), 1);
  for (const kernel of KERNELS) {
    const app = { ...level.apps[0], kernel };
    put(`model.start.container.${kernel}`, startSecondsFor({ kind: 'container', app, template: null, hypervisorType: null }), 1);
    put(`model.boot.type1.${kernel}`, startSecondsFor({ kind: 'vm-per-instance', app, template: null, hypervisorType: 'type1' }), 1);
    put(`model.boot.type2.${kernel}`, startSecondsFor({ kind: 'vm-per-instance', app, template: null, hypervisorType: 'type2' }), 1);
    put(`model.memory.guestOs.${kernel}`, MEMORY_GIB.guestOs[kernel], 1);
  }
  put('model.escape.type2', VM_ESCAPE_CHANCE.type2.emulated * 100);
  put('model.escape.type2-para', VM_ESCAPE_CHANCE.type2.para * 100);
  put('model.escape.type1-full', VM_ESCAPE_CHANCE.type1.emulated * 100);
  put('model.escape.type1-para', VM_ESCAPE_CHANCE.type1.para * 100);
  for (const kind of ['disk', 'net'] as const) {
    const at = KIND_AT[kind];
    put(`model.capacity.type1-full.${kind}`, packetsPerSecond(SERVERS.backend, SERVICE_US.backend.emulated[at]), 1);
    put(`model.capacity.type1-para.${kind}`, packetsPerSecond(SERVERS.backend, SERVICE_US.backend.para[at]), 1);
    put(`model.capacity.type2.${kind}`, packetsPerSecond(SERVERS.type2Process, SERVICE_US.type2Process.emulated[at]), 1);
    put(`model.capacity.type2-para.${kind}`, packetsPerSecond(SERVERS.type2Process, SERVICE_US.type2Process.para[at]), 1);
  }
  put('model.capacity.disk', packetsPerSecond(SERVERS.disk, SERVICE_US.disk[0]), 1);
  return facts;
}

const cache = new WeakMap<Ranking, LevelFacts>();

/** Every fact of a level on the ranking's seed: its inputs plus the results of each ranked build. */
export function levelFacts(level: Level, ranking: Ranking): LevelFacts {
  const known = cache.get(ranking);
  if (known) return known;
  const facts = inputFacts(level);
  cache.set(ranking, facts);
  const put = (name: string, value: number, digits = 0): void => {
    facts.set(name, { value, digits });
  };
  put('rank.best.total', ranking.bestTotal);
  for (const { arch, result } of ranking.entries) {
    const prefix = `rank.${arch}`;
    const { score, metrics } = result;
    put(`${prefix}.total`, score.total);
    put(`${prefix}.security`, score.security);
    put(`${prefix}.speed`, score.speed);
    put(`${prefix}.scale`, score.scale);
    put(`${prefix}.stars`, score.stars);
    for (const kind of PACKET_KINDS) {
      put(`${prefix}.p50.${kind}`, metrics.byKind[kind].p50LatencyUs);
      put(`${prefix}.p95.${kind}`, metrics.byKind[kind].p95LatencyUs);
      put(`${prefix}.response95.${kind}`, metrics.byKind[kind].p95ResponseUs ?? 0);
    }
    put(`${prefix}.dropped`, metrics.dropped);
    put(`${prefix}.droppedPercent`, metrics.emitted > 0 ? (100 * metrics.dropped) / metrics.emitted : 0);
    put(`${prefix}.breached`, metrics.breachedTenants);
    put(`${prefix}.burstReadyPercent`, 100 * metrics.burstServedRatio);
    put(`${prefix}.memoryGiB`, metrics.memoryUsedGiB, 1);
    put(`${prefix}.bootSeconds`, metrics.bootSecondsPerInstance, 1);
  }
  return facts;
}
