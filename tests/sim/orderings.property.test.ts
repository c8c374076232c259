// Property tests: the seeds' summary orderings hold across randomly generated valid levels and seeds.
// Security: Type-1 ≥ Type-2 ≥ containers under a kernel exploit; Type-1 untouched by a host compromise.
// Speed: Type-2's p95 clearly above para-virtual Type-1 and containers; para-virtual no slower than full.
// Scale: containers reach a burst sooner and use less memory than any VM.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runBuild } from '../../src/scoring/rankLevel';
import { canonicalBuild } from '../../src/sim/canonicalBuild';
import type { SimEvent } from '../../src/sim/events';
import { createSimulation } from '../../src/sim/Simulation';
import type { Architecture, AppSpec, Level } from '../../src/sim/types';
import { validateLevel } from '../../src/sim/validateLevel';

const VM_ARCHITECTURES: Architecture[] = ['type2', 'type1-full', 'type1-para'];

const appArbitrary = (index: number) =>
  fc.record({
    tenant: fc.constantFrom('t0', 't1', 't2', 't3'),
    trust: fc.constantFrom('trusted', 'untrusted') as fc.Arbitrary<'trusted' | 'untrusted'>,
    // Packets per second per instance, in fifths: loads that stay below the disk's and NIC's capacity.
    disk: fc.integer({ min: 1, max: 4 }),
    net: fc.integer({ min: 1, max: 5 }),
    syscallFactor: fc.double({ min: 0, max: 2, noNaN: true }),
    instances: fc.integer({ min: 1, max: 3 }),
    memoryMiB: fc.integer({ min: 64, max: 2048 }),
    sizeMB: fc.integer({ min: 5, max: 1500 }),
    cached: fc.boolean(),
  }).map((raw): AppSpec => ({
    id: `app-${index}`,
    tenant: raw.tenant,
    kernel: 'linux',
    trust: raw.trust,
    // Syscalls at most twice the I/O, so disk and network decide the overall p95.
    io: { disk: raw.disk / 5, net: raw.net / 5, syscall: Math.floor((raw.disk + raw.net) * raw.syscallFactor) / 5 },
    instances: raw.instances,
    memoryMiB: raw.memoryMiB,
    image: { sizeMB: raw.sizeMB, cached: raw.cached },
  }));

const levelArbitrary = fc
  .record({
    apps: fc.integer({ min: 1, max: 4 }).chain((count) => fc.tuple(...Array.from({ length: count }, (_, index) => appArbitrary(index)))),
    cores: fc.integer({ min: 4, max: 32 }),
    durationSeconds: fc.integer({ min: 20, max: 40 }),
    seed: fc.integer({ min: -1000000, max: 1000000 }),
    attackAt: fc.integer({ min: 0, max: 4 }),
    burstAt: fc.integer({ min: 0, max: 3 }),
    burstExtra: fc.integer({ min: 1, max: 6 }),
  })
  .map((raw): Level => {
    const apps = raw.apps.map((entry) => ({ ...entry }));
    apps[0].trust = 'untrusted';
    if (apps.length > 1 && apps.every((entry) => entry.tenant === apps[0].tenant)) apps[1].tenant = 'other';
    return {
      format: 'kernel-courier/level@1',
      id: 'generated',
      title: { en: 'Generated' },
      brief: { en: 'Generated' },
      hardware: { cores: raw.cores, memoryGiB: 512 },
      apps,
      bursts: [{ app: apps[apps.length - 1].id, atSecond: raw.burstAt, instances: apps[apps.length - 1].instances + raw.burstExtra, deadlineSeconds: 2 }],
      threats: [{ app: apps[0].id, kind: 'kernel-exploit', atSecond: raw.attackAt }],
      objectives: { security: 1, speed: 1, scale: 1 },
      allow: ['native', 'container', 'type2', 'type1-full', 'type1-para'],
      durationSeconds: raw.durationSeconds,
      seed: raw.seed,
    };
  });

const RUNS = { numRuns: Number(process.env.PROPERTY_RUNS ?? 100) };

describe('seed orderings over random valid levels', () => {
  it('generates valid levels', () => {
    fc.assert(fc.property(levelArbitrary, (level) => validateLevel(level).ok), RUNS);
  });

  it('security: Type-1 ≥ Type-2 ≥ containers under a kernel exploit', () => {
    fc.assert(
      fc.property(levelArbitrary, (level) => {
        const breached = (arch: Architecture) => runBuild(level, canonicalBuild(level, arch)).metrics.breachedTenants;
        const otherTenants = new Set(level.apps.filter((entry) => entry.tenant !== level.apps[0].tenant).map((entry) => entry.tenant)).size;
        expect(breached('type1-para')).toBeLessThanOrEqual(breached('type2'));
        expect(breached('type1-full')).toBeLessThanOrEqual(breached('type2'));
        expect(breached('type2')).toBeLessThanOrEqual(breached('container'));
        expect(breached('container')).toBe(otherTenants);
      }),
      RUNS,
    );
  });

  it('security: a host compromise leaves Type-1 untouched and reaches every tenant on a host OS', () => {
    fc.assert(
      fc.property(levelArbitrary, (generated) => {
        const level: Level = { ...generated, threats: [{ kind: 'host-compromise', atSecond: 1 }] };
        const tenants = new Set(level.apps.map((entry) => entry.tenant)).size;
        expect(runBuild(level, canonicalBuild(level, 'type1-full')).metrics.breachedTenants).toBe(0);
        expect(runBuild(level, canonicalBuild(level, 'type1-para')).metrics.breachedTenants).toBe(0);
        expect(runBuild(level, canonicalBuild(level, 'type2')).metrics.breachedTenants).toBe(tenants);
        expect(runBuild(level, canonicalBuild(level, 'container')).metrics.breachedTenants).toBe(tenants);
      }),
      RUNS,
    );
  });

  it('speed: Type-2 p95 clearly above para-virtual Type-1 and containers; para no slower than full', () => {
    fc.assert(
      fc.property(levelArbitrary, (generated) => {
        const level: Level = { ...generated, bursts: [], objectives: { speed: 1 } };
        const metrics = (arch: Architecture) => runBuild(level, canonicalBuild(level, arch)).metrics;
        const [type2, para, full, container] = (['type2', 'type1-para', 'type1-full', 'container'] as const).map(metrics);
        expect(type2.p95LatencyUs).toBeGreaterThan(1.2 * para.p95LatencyUs);
        expect(type2.p95LatencyUs).toBeGreaterThan(1.2 * container.p95LatencyUs);
        expect(para.p95LatencyUs).toBeLessThanOrEqual(full.p95LatencyUs);
        for (const kind of ['disk', 'net'] as const) {
          // A percentile needs packets: compare a kind only where every build delivered a few.
          if ([type2, para, full, container].some((entry) => entry.byKind[kind].delivered < 10)) continue;
          expect(type2.byKind[kind].p95LatencyUs).toBeGreaterThan(1.2 * Math.max(para.byKind[kind].p95LatencyUs, container.byKind[kind].p95LatencyUs));
          expect(para.byKind[kind].p95LatencyUs).toBeLessThanOrEqual(full.byKind[kind].p95LatencyUs);
        }
      }),
      RUNS,
    );
  });

  it('scale: containers reach a burst sooner and use less memory than any VM', () => {
    const readyBy = (level: Level, arch: Architecture) => {
      let latest = 0;
      const created = createSimulation(level, canonicalBuild(level, arch), {
        listener: (event: SimEvent) => {
          if (event.type === 'instanceBooting') latest = Math.max(latest, event.readyAtUs);
        },
      });
      if (!created.ok) throw new Error(arch);
      created.simulation.runToEnd();
      return { readyAtUs: latest, memoryGiB: created.simulation.metrics().memoryUsedGiB, served: created.simulation.metrics().burstServedRatio };
    };
    fc.assert(
      fc.property(levelArbitrary, (level) => {
        const container = readyBy(level, 'container');
        for (const arch of VM_ARCHITECTURES) {
          const vm = readyBy(level, arch);
          expect(container.readyAtUs).toBeLessThan(vm.readyAtUs);
          expect(container.memoryGiB).toBeLessThan(vm.memoryGiB);
          expect(container.served).toBeGreaterThanOrEqual(vm.served);
        }
      }),
      RUNS,
    );
  });
});
