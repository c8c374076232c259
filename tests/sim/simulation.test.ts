// The engine's behaviour: determinism, replays, events, queues, bursts, attacks and player commands.
import { describe, expect, it } from 'vitest';
import { canonicalBuild } from '../../src/sim/canonicalBuild';
import type { SimEvent } from '../../src/sim/events';
import { createSimulation, type Simulation } from '../../src/sim/Simulation';
import type { Build, Level } from '../../src/sim/types';
import { app, build, level } from './fixtures';

function simulate(testLevel: Level, testBuild: Build, seed?: number, listener?: (event: SimEvent) => void): Simulation {
  const created = createSimulation(testLevel, testBuild, { seed, listener });
  if (!created.ok) throw new Error(JSON.stringify(created.violations));
  return created.simulation;
}

function finished(testLevel: Level, testBuild: Build, seed?: number) {
  const simulation = simulate(testLevel, testBuild, seed);
  simulation.runToEnd();
  return simulation;
}

const busy = level({
  apps: [
    app('a', { trust: 'untrusted', instances: 2, io: { disk: 1.2, net: 1.6, syscall: 4 } }),
    app('b', { instances: 3, io: { disk: 1, net: 2, syscall: 3 }, image: { sizeMB: 100, cached: false } }),
  ],
  bursts: [{ app: 'b', atSecond: 4, instances: 6, deadlineSeconds: 8 }],
  threats: [{ app: 'a', kind: 'kernel-exploit', atSecond: 6 }],
  objectives: { security: 1, speed: 1, scale: 1 },
});

describe('determinism', () => {
  for (const arch of busy.allow) {
    it(`${arch}: same seed, same trace; another seed, another trace`, () => {
      const first = finished(busy, canonicalBuild(busy, arch));
      const second = finished(busy, canonicalBuild(busy, arch));
      expect(first.traceHash()).toBe(second.traceHash());
      expect(first.metrics()).toEqual(second.metrics());
      expect(finished(busy, canonicalBuild(busy, arch), 99).traceHash()).not.toBe(first.traceHash());
    });
  }

  it('stepping in one chunk equals stepping in many uneven chunks', () => {
    const whole = finished(busy, canonicalBuild(busy, 'container'));
    const pieces = simulate(busy, canonicalBuild(busy, 'container'));
    const chunks = [1, 7, 0, 3, 250, 13, 1, 99, 2];
    let index = 0;
    while (!pieces.done) {
      pieces.step(chunks[index % chunks.length]);
      index += 1;
    }
    expect(pieces.traceHash()).toBe(whole.traceHash());
    expect(pieces.metrics()).toEqual(whole.metrics());
  });

  it('a rejected command leaves the run unchanged', () => {
    const plain = finished(busy, canonicalBuild(busy, 'container'));
    const rejected = finished(busy, { ...canonicalBuild(busy, 'container'), commands: [{ atMs: 500, op: 'set-driver', app: 'a', driver: 'para' }] });
    expect(rejected.commandLog()).toEqual([]);
    expect(rejected.traceHash()).toBe(plain.traceHash());
  });

  it('the seed and the command log replay a run with player actions exactly', () => {
    const live = simulate(busy, canonicalBuild(busy, 'type1-full'), 5);
    live.step(150);
    live.enqueue({ atMs: 0, op: 'set-driver', app: 'b', driver: 'para' });
    live.step(200);
    live.enqueue({ atMs: live.nowUs / 1000, op: 'scale', app: 'a', instances: 1 });
    live.runToEnd();
    const log = live.commandLog();
    expect(log.map((command) => [command.op, command.atMs])).toEqual([
      ['set-driver', 1500],
      ['scale', 3500],
    ]);
    const replay = finished(busy, { ...canonicalBuild(busy, 'type1-full'), commands: log }, 5);
    expect(replay.traceHash()).toBe(live.traceHash());
    expect(replay.metrics()).toEqual(live.metrics());
  });
});

describe('packets', () => {
  it('kinds queue separately: adding disk traffic does not slow the network', () => {
    const netOnly = level({ apps: [app('a', { instances: 2, io: { net: 1 } })] });
    const withDisk = level({ apps: [app('a', { instances: 2, io: { net: 1, disk: 2 } })] });
    const net = (testLevel: Level) => finished(testLevel, canonicalBuild(testLevel, 'type2')).metrics().byKind.net.p95LatencyUs;
    expect(net(withDisk)).toBe(net(netOnly));
  });

  it('a syscall stops at the first kernel; disk and network reach the hardware', () => {
    const plain = level();
    for (const arch of plain.allow) {
      const simulation = simulate(plain, canonicalBuild(plain, arch));
      const stations = simulation.stations();
      const kinds = (kind: 'disk' | 'net' | 'syscall') => simulation.pathOf(0, kind).map((index) => stations[index].kind);
      expect(kinds('syscall'), arch).toHaveLength(1);
      expect(kinds('syscall')[0], arch).toMatch(/kernel/);
      expect(kinds('disk').at(-1), arch).toBe('disk');
      expect(kinds('net').at(-1), arch).toBe('nic');
    }
  });

  it('walks the hops each architecture expresses', () => {
    const plain = level();
    const hops = (arch: 'native' | 'container' | 'type2' | 'type1-full' | 'type1-para') => {
      const simulation = simulate(plain, canonicalBuild(plain, arch));
      return simulation.pathOf(0, 'disk').map((index) => simulation.stations()[index].kind);
    };
    expect(hops('native')).toEqual(['host-kernel', 'disk']);
    expect(hops('container')).toEqual(['container-engine', 'host-kernel', 'disk']);
    expect(hops('type1-para')).toEqual(['guest-kernel', 'vm-exit', 'backend', 'disk']);
    expect(hops('type2')).toEqual(['guest-kernel', 'vm-exit', 'type2-process', 'host-syscall', 'host-kernel', 'disk']);
  });

  it('reports every packet through typed events, from emission to delivery or drop', () => {
    const events: SimEvent[] = [];
    const simulation = simulate(level({ durationSeconds: 15 }), canonicalBuild(level(), 'type1-para'), undefined, (event) => events.push({ ...event }));
    simulation.runToEnd();
    const emitted = events.filter((event) => event.type === 'packetEmitted').length;
    const delivered = events.filter((event) => event.type === 'packetDelivered').length;
    const dropped = events.filter((event) => event.type === 'packetDropped').length;
    expect(emitted).toBeGreaterThan(50);
    expect(delivered + dropped + simulation.packetsInFlight).toBe(emitted);
    expect(events.at(-1)?.type).toBe('runEnded');
    const hops = events.filter((event) => event.type === 'packetHopped');
    for (const hop of hops.slice(0, 50)) {
      if (hop.type !== 'packetHopped') continue;
      expect(hop.startUs).toBeGreaterThanOrEqual(hop.arriveUs);
      expect(hop.doneUs).toBeGreaterThan(hop.startUs);
    }
  });

  it('a hop under load builds a queue, latency grows with load, and overload drops packets', () => {
    const loaded = (rate: number) =>
      finished(level({ apps: [app('a', { instances: 4, io: { disk: rate } })], objectives: { speed: 1 } }), canonicalBuild(level({ apps: [app('a', { instances: 4, io: { disk: rate } })] }), 'native')).metrics();
    const light = loaded(0.4);
    const medium = loaded(2.4);
    const heavy = loaded(3.8);
    const overload = loaded(8);
    expect(medium.p95LatencyUs).toBeGreaterThan(light.p95LatencyUs);
    expect(heavy.p95LatencyUs).toBeGreaterThan(medium.p95LatencyUs);
    expect(heavy.p95LatencyUs).toBeGreaterThan(light.p95LatencyUs * 1.25);
    expect(light.dropped).toBe(0);
    expect(overload.dropped).toBeGreaterThan(0);
    expect(overload.p95LatencyUs).toBeGreaterThan(heavy.p95LatencyUs);
  });
});

describe('bursts and boots', () => {
  it('a burst whose deadline falls after the end is judged at the end of the run', () => {
    const late = { ...busy, bursts: [{ app: 'b', atSecond: 14, instances: 5, deadlineSeconds: 30 }] };
    const metrics = finished(late, canonicalBuild(late, 'container')).metrics();
    expect(metrics.bursts).toHaveLength(1);
    expect(metrics.bursts[0].served).toBe(5);
  });

  it('containers reach a burst in time where VMs do not; a cold image is pulled once', () => {
    const events: SimEvent[] = [];
    const container = simulate(busy, canonicalBuild(busy, 'container'), undefined, (event) => events.push({ ...event }));
    container.runToEnd();
    expect(container.metrics().burstServedRatio).toBe(1);
    expect(events.filter((event) => event.type === 'imagePulled')).toHaveLength(1);
    const booting = events.filter((event) => event.type === 'instanceBooting');
    expect(booting).toHaveLength(3);
    const vm = finished(busy, canonicalBuild(busy, 'type1-para')).metrics();
    expect(vm.burstServedRatio).toBe(0.5);
    expect(vm.bursts).toEqual([{ app: 'b', atSecond: 4, required: 6, served: 3 }]);
  });

  it('warm spares serve a burst at once and pre-pulled images skip the pull', () => {
    const vmBuild = canonicalBuild(busy, 'type1-para');
    const spares = finished(busy, { ...vmBuild, provisioning: [{ app: 'b', warmSpares: 3 }] }).metrics();
    expect(spares.burstServedRatio).toBe(1);
    const cold = finished(busy, canonicalBuild(busy, 'container')).metrics();
    const warm = finished(busy, { ...canonicalBuild(busy, 'container'), provisioning: [{ app: 'b', prePull: true }] }).metrics();
    expect(warm.bootSecondsPerInstance).toBeLessThan(cold.bootSecondsPerInstance);
  });

  it('an instance that does not fit in memory fails to start and is counted', () => {
    const tight = { ...busy, hardware: { cores: 16, memoryGiB: 8 } };
    const metrics = finished(tight, canonicalBuild(tight, 'type1-para')).metrics();
    expect(metrics.failedInstances).toBeGreaterThan(0);
    expect(metrics.memoryUsedGiB).toBeLessThanOrEqual(8);
  });
});

describe('threats', () => {
  const tenants = level({
    apps: [app('evil', { trust: 'untrusted' }), app('b'), app('c')],
    threats: [{ app: 'evil', kind: 'kernel-exploit', atSecond: 2 }],
  });

  it('a kernel exploit on a shared kernel reaches every tenant on it, one after another', () => {
    const events: SimEvent[] = [];
    const simulation = simulate(tenants, canonicalBuild(tenants, 'container'), undefined, (event) => events.push({ ...event }));
    simulation.runToEnd();
    const breaches = events.filter((event) => event.type === 'breach');
    expect(breaches.map((event) => (event.type === 'breach' ? [event.tenant, event.boundary, event.atUs] : null))).toEqual([
      ['b', 'shared-kernel', 2_000_000],
      ['c', 'shared-kernel', 3_000_000],
    ]);
    expect(simulation.metrics().breachedTenants).toBe(2);
  });

  it('a VM boundary holds against a kernel exploit', () => {
    for (const arch of ['type2', 'type1-full', 'type1-para'] as const) {
      expect(finished(tenants, canonicalBuild(tenants, arch)).metrics().breachedTenants, arch).toBe(0);
    }
  });

  it('quarantine stops an attack from spreading further', () => {
    const quarantined = finished(tenants, {
      ...canonicalBuild(tenants, 'container'),
      commands: [{ atMs: 2500, op: 'quarantine', app: 'evil' }],
    }).metrics();
    expect(quarantined.breachedTenants).toBe(1);
    expect(quarantined.blocked).toBeGreaterThan(0);
  });

  it('a host compromise exposes everything on a host OS and nothing on Type-1', () => {
    const compromised = level({ apps: [app('a'), app('b')], threats: [{ kind: 'host-compromise', atSecond: 1 }] });
    expect(finished(compromised, canonicalBuild(compromised, 'type2')).metrics().breachedTenants).toBe(2);
    expect(finished(compromised, canonicalBuild(compromised, 'container')).metrics().breachedTenants).toBe(2);
    expect(finished(compromised, canonicalBuild(compromised, 'type1-full')).metrics().breachedTenants).toBe(0);
  });

  it('snoop is stopped by any container or VM but reads neighbouring processes', () => {
    const snooping = level({ apps: [app('evil', { trust: 'untrusted' }), app('b')], threats: [{ app: 'evil', kind: 'snoop', atSecond: 1 }] });
    expect(finished(snooping, canonicalBuild(snooping, 'native')).metrics().breaches).toMatchObject([{ tenant: 'b', boundary: 'none' }]);
    expect(finished(snooping, canonicalBuild(snooping, 'container')).metrics().breachedTenants).toBe(0);
    expect(finished(snooping, canonicalBuild(snooping, 'type1-para')).metrics().breachedTenants).toBe(0);
  });

  it('a container escape crosses a shared kernel but not a VM boundary', () => {
    const escaping = level({
      apps: [app('evil', { trust: 'untrusted' }), app('b')],
      threats: [{ app: 'evil', kind: 'container-escape', atSecond: 1 }],
      allow: ['container', 'container-in-vm'],
    });
    expect(finished(escaping, canonicalBuild(escaping, 'container')).metrics().breaches).toMatchObject([{ tenant: 'b', boundary: 'container' }]);
    const perTenantVm = build(
      [
        { id: 'hypervisor', piece: 'type1-hypervisor', on: 'hardware' },
        { id: 'vm-evil', piece: 'vm', on: 'hypervisor', kernel: 'linux', driver: 'para' },
        { id: 'engine-evil', piece: 'container-engine', on: 'vm-evil' },
        { id: 'vm-b', piece: 'vm', on: 'hypervisor', kernel: 'linux', driver: 'para' },
        { id: 'engine-b', piece: 'container-engine', on: 'vm-b' },
      ],
      [{ app: 'evil', on: 'engine-evil' }, { app: 'b', on: 'engine-b' }],
    );
    expect(finished(escaping, perTenantVm).metrics().breachedTenants).toBe(0);
    expect(finished(escaping, canonicalBuild(escaping, 'container-in-vm')).metrics().breachedTenants).toBe(0);
  });

  it('a VM escape succeeds more often against Type-2 than Type-1, on the same seeds', () => {
    const escaping = level({ apps: [app('evil', { trust: 'untrusted' }), app('b')], threats: [{ app: 'evil', kind: 'vm-escape', atSecond: 1 }], durationSeconds: 3 });
    const successes = { type2: 0, 'type1-full': 0, 'type1-para': 0 };
    for (let seed = 0; seed < 60; seed += 1) {
      for (const arch of ['type2', 'type1-full', 'type1-para'] as const) {
        successes[arch] += finished(escaping, canonicalBuild(escaping, arch), seed).metrics().breachedTenants;
      }
    }
    expect(successes.type2).toBeGreaterThan(successes['type1-full']);
    expect(successes['type1-full']).toBeGreaterThan(successes['type1-para']);
    expect(successes['type1-para']).toBeGreaterThan(0);
  });
});

describe('player commands', () => {
  it('scale up boots instances and scale down stops them', () => {
    const events: SimEvent[] = [];
    const simulation = simulate(level(), { ...canonicalBuild(level(), 'container'), commands: [
      { atMs: 1000, op: 'scale', app: 'a', instances: 3 },
      { atMs: 5000, op: 'scale', app: 'a', instances: 1 },
    ] }, undefined, (event) => events.push({ ...event }));
    simulation.runToEnd();
    expect(events.filter((event) => event.type === 'instanceBooting')).toHaveLength(2);
    expect(events.filter((event) => event.type === 'instanceStopped')).toHaveLength(2);
  });

  it('switching to para-virtual drivers makes I/O faster from then on', () => {
    const slow = finished(level(), canonicalBuild(level(), 'type1-full')).metrics();
    const switched = finished(level(), { ...canonicalBuild(level(), 'type1-full'), commands: [{ atMs: 0, op: 'set-driver', app: 'a', driver: 'para' }, { atMs: 0, op: 'set-driver', app: 'b', driver: 'para' }] }).metrics();
    const para = finished(level(), canonicalBuild(level(), 'type1-para')).metrics();
    expect(switched.byKind.disk.p95LatencyUs).toBeLessThan(slow.byKind.disk.p95LatencyUs);
    expect(switched.byKind.disk.p95LatencyUs).toBe(para.byKind.disk.p95LatencyUs);
  });

  it('a driver the level does not offer is refused at run time, named in the event, and changes nothing', () => {
    const emulatedOnly = level({ allow: ['type2', 'type1-full'], drivers: ['emulated'] });
    const events: SimEvent[] = [];
    const plain = finished(emulatedOnly, canonicalBuild(emulatedOnly, 'type1-full'));
    const simulation = simulate(
      emulatedOnly,
      { ...canonicalBuild(emulatedOnly, 'type1-full'), commands: [{ atMs: 0, op: 'set-driver', app: 'a', driver: 'para' }] },
      undefined,
      (event) => events.push({ ...event }),
    );
    simulation.runToEnd();
    expect(events.find((event) => event.type === 'commandRejected')).toMatchObject({ reason: 'driver-not-offered', params: { driver: 'para' } });
    expect(events.some((event) => event.type === 'commandApplied')).toBe(false);
    expect(simulation.traceHash()).toBe(plain.traceHash());
    expect(simulation.currentHostings().map((hosting) => hosting.template?.driver)).toEqual(['emulated', 'emulated']);
    // The offered driver is still switched to (a no-op switch is applied like any other).
    const switched = finished(emulatedOnly, { ...canonicalBuild(emulatedOnly, 'type1-full'), commands: [{ atMs: 0, op: 'set-driver', app: 'a', driver: 'emulated' }] });
    expect(switched.commandLog()).toHaveLength(1);
  });

  it('a driver switch of a shared VM node to a driver not offered is refused too', () => {
    const paraOnly = level({ allow: ['container', 'type2', 'type1-para'], drivers: ['para'] });
    const events: SimEvent[] = [];
    const shared = build(
      [
        { id: 'hv', piece: 'type1-hypervisor', on: 'hardware' },
        { id: 'vm', piece: 'vm', on: 'hv', kernel: 'linux', driver: 'para' },
      ],
      [{ app: 'a', on: 'vm' }, { app: 'b', on: 'vm' }],
      { commands: [{ atMs: 500, op: 'set-driver', vm: 'vm', driver: 'emulated' }] },
    );
    simulate(paraOnly, shared, undefined, (event) => events.push({ ...event })).runToEnd();
    expect(events.filter((event) => event.type === 'commandRejected').map((event) => event.type === 'commandRejected' && event.reason)).toEqual(['driver-not-offered']);
  });

  it('a move that would make a VM with a driver the level does not offer is refused; the offered one moves', () => {
    const paraOnly = level({ allow: ['container', 'type2', 'type1-para'], drivers: ['para'] });
    const events: SimEvent[] = [];
    const hosted = build(
      [
        { id: 'host', piece: 'host-os', on: 'hardware', kernel: 'linux' },
        { id: 'engine', piece: 'container-engine', on: 'host' },
        { id: 'hypervisor', piece: 'type2-hypervisor', on: 'host' },
      ],
      [{ app: 'a', on: 'engine' }, { app: 'b', on: 'engine' }],
      { commands: [
        { atMs: 1000, op: 'move', app: 'a', on: 'hypervisor', vm: { kernel: 'linux', driver: 'emulated' } },
        { atMs: 2000, op: 'move', app: 'b', on: 'hypervisor', vm: { kernel: 'linux', driver: 'para' } },
      ] },
    );
    const simulation = simulate(paraOnly, hosted, undefined, (event) => events.push({ ...event }));
    simulation.runToEnd();
    expect(events.filter((event) => event.type === 'commandRejected')).toMatchObject([{ reason: 'driver-not-offered', params: { driver: 'emulated' }, command: { app: 'a' } }]);
    expect(simulation.currentHostings().map((hosting) => hosting.architecture)).toEqual(['container', 'type2']);
  });

  it('blocking a packet kind at a layer cuts that traffic there', () => {
    const blocked = finished(level(), { ...canonicalBuild(level(), 'native'), commands: [{ atMs: 0, op: 'block', app: 'a', kind: 'net', at: 'host' }] }).metrics();
    expect(blocked.blocked).toBeGreaterThan(0);
    expect(blocked.byKind.net.blocked).toBe(blocked.blocked);
  });

  it('moving an app re-boots it at its new place; an impossible move is rejected', () => {
    const events: SimEvent[] = [];
    const mixed = build(
      [
        { id: 'host', piece: 'host-os', on: 'hardware', kernel: 'linux' },
        { id: 'engine', piece: 'container-engine', on: 'host' },
        { id: 'hypervisor', piece: 'type2-hypervisor', on: 'host' },
      ],
      [{ app: 'a', on: 'engine' }, { app: 'b', on: 'engine' }],
      { commands: [
        { atMs: 1000, op: 'move', app: 'a', on: 'hypervisor', vm: { kernel: 'linux', driver: 'para' } },
        { atMs: 2000, op: 'move', app: 'b', on: 'hypervisor', vm: { kernel: 'windows', driver: 'para' } },
      ] },
    );
    const simulation = simulate(level(), mixed, undefined, (event) => events.push({ ...event }));
    simulation.runToEnd();
    expect(simulation.currentHostings().map((hosting) => hosting.architecture)).toEqual(['type2', 'container']);
    expect(events.find((event) => event.type === 'commandRejected')).toMatchObject({ reason: 'kernel-mismatch' });
    expect(events.filter((event) => event.type === 'instanceBooting' && event.app === 'a')).toHaveLength(1);
  });
});
