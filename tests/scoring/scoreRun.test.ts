// The scoring engine: objective scores, weights, the infeasible cap, stars and deduction reason codes.
import { describe, expect, it } from 'vitest';
import { bestArchitecture, nativeBaseline, rankLevel, runBuild, withStars } from '../../src/scoring/rankLevel';
import { breachCapsStars, scoreSecurity, scoreSpeed, starsFor, weightedTotal, scoreInfeasible } from '../../src/scoring/scoreRun';
import type { RunMetrics } from '../../src/sim/Simulation';
import { canonicalBuild } from '../../src/sim/canonicalBuild';
import { DEFAULT_COMPUTE_US } from '../../src/sim/costs';
import { app, build, level } from '../sim/fixtures';

describe('objective scores', () => {
  const hostile = level({
    apps: [app('evil', { trust: 'untrusted' }), app('b'), app('c'), app('d')],
    threats: [{ app: 'evil', kind: 'kernel-exploit', atSecond: 1 }],
    objectives: { security: 3, speed: 1 },
  });

  it('security falls by an equal share per breached tenant and names each breach', () => {
    const container = runBuild(hostile, canonicalBuild(hostile, 'container'));
    expect(container.metrics.breachedTenants).toBe(3);
    expect(container.score.security).toBe(0);
    expect(container.deductions.filter((deduction) => deduction.code === 'breach').map((deduction) => deduction.params.tenant)).toEqual(['b', 'c', 'd']);
    const quarantined = runBuild(hostile, { ...canonicalBuild(hostile, 'container'), commands: [{ atMs: 1500, op: 'quarantine', app: 'evil' }] });
    expect(quarantined.metrics.breachedTenants).toBe(1);
    expect(quarantined.score.security).toBeCloseTo(66.7, 1);
    expect(scoreSecurity(runBuild(hostile, canonicalBuild(hostile, 'type1-para')).metrics).score).toBe(100);
  });

  it('speed is 100 natively, a little less in containers, and falls with virtualization overhead', () => {
    const io = level({ apps: [app('a', { io: { disk: 1.2, net: 1.6, syscall: 0.8 } })], objectives: { speed: 1 } });
    const speed = (arch: 'native' | 'container' | 'type1-para' | 'type1-full' | 'type2') => runBuild(io, canonicalBuild(io, arch)).score.speed;
    expect(speed('native')).toBe(100);
    // The container's few extra µs of I/O vanish next to the app's own compute (within the tolerance).
    expect(speed('container')).toBeGreaterThanOrEqual(97);
    expect(speed('type1-para')).toBeLessThan(speed('container'));
    expect(speed('type1-full')).toBeLessThan(speed('type1-para'));
    expect(speed('type2')).toBeLessThan(speed('type1-full'));
    const type2 = runBuild(io, canonicalBuild(io, 'type2'));
    expect(type2.deductions.map((deduction) => deduction.code)).toContain('speed-latency');
  });

  it('drops cost speed and are named', () => {
    const overloaded = level({ apps: [app('a', { instances: 6, io: { disk: 6 } })], objectives: { speed: 1 } });
    const result = runBuild(overloaded, canonicalBuild(overloaded, 'type2'));
    expect(result.metrics.dropped).toBeGreaterThan(0);
    expect(result.deductions.find((deduction) => deduction.code === 'speed-drops')).toBeDefined();
    expect(scoreSpeed(result.metrics).score).toBeLessThan(50);
  });

  it('a lost request takes its full share of the 100 speed points, however slow the rest (kc-model-4)', () => {
    const overloaded = level({ apps: [app('a', { instances: 6, io: { disk: 6 } })], objectives: { speed: 1 } });
    const metrics = runBuild(overloaded, canonicalBuild(overloaded, 'type2')).metrics;
    const lostShare = (metrics.dropped + metrics.blocked) / metrics.emitted;
    expect(lostShare).toBeGreaterThan(0.02);
    const scored = scoreSpeed(metrics);
    const drops = scored.deductions.find((deduction) => deduction.code === 'speed-drops');
    const latency = scored.deductions.filter((deduction) => deduction.code === 'speed-latency').reduce((sum, deduction) => sum + deduction.points, 0);
    // The drops cost their percentage in points (unless the score already reached 0), not a share of
    // what the latency left (kc-model-3 charged latency factor × percentage: 3.4 points for 11.7 %).
    expect(drops?.points).toBeCloseTo(Math.min((100 * metrics.dropped) / metrics.emitted, 100 - latency), 0);
    expect(drops?.params.percent).toBeCloseTo((100 * metrics.dropped) / metrics.emitted, 1);
    // Every lost point is explained: the deductions add up to 100 − speed.
    const explained = scored.deductions.reduce((sum, deduction) => sum + deduction.points, 0);
    expect(Math.abs(100 - scored.score - explained)).toBeLessThan(0.3);
  });

  it('a slow build and a fast one lose the same points for the same share of lost requests', () => {
    const io = level({ apps: [app('a', { io: { disk: 1.2, net: 1.6, syscall: 0.8 } })], objectives: { speed: 1 } });
    const base = runBuild(io, canonicalBuild(io, 'type2')).metrics;
    const lose = (metrics: RunMetrics, share: number): RunMetrics => ({ ...metrics, dropped: Math.round(metrics.emitted * share) });
    const slow = scoreSpeed(base).score;
    expect(slow).toBeLessThan(90);
    // About 11.7 % dropped costs its percentage in points, the case issue 17 found costing 3.4.
    const lostPercent = (100 * Math.round(base.emitted * 0.117)) / base.emitted;
    expect(lostPercent).toBeGreaterThan(11);
    expect(slow - scoreSpeed(lose(base, 0.117)).score).toBeCloseTo(lostPercent, 0);
    expect(scoreSpeed(lose(base, 0.117)).deductions.find((deduction) => deduction.code === 'speed-drops')?.points).toBeCloseTo(lostPercent, 1);
    // A native-speed run loses the same points for the same share.
    const fast = { ...base, byKind: Object.fromEntries(Object.entries(base.byKind).map(([kind, entry]) => [kind, { ...entry, p95ResponseUs: 1 }])) } as RunMetrics;
    expect(scoreSpeed(fast).score).toBe(100);
    expect(100 - scoreSpeed(lose(fast, 0.117)).score).toBeCloseTo(lostPercent, 0);
    // Lost requests never push speed below 0.
    expect(scoreSpeed(lose(base, 0.95)).score).toBe(0);
  });

  it('scale is the share of burst instances running by the deadline', () => {
    const bursty = level({
      apps: [app('a'), app('b', { image: { sizeMB: 40, cached: false } })],
      bursts: [{ app: 'b', atSecond: 2, instances: 4, deadlineSeconds: 4 }],
      objectives: { scale: 1 },
    });
    expect(runBuild(bursty, canonicalBuild(bursty, 'container')).score.scale).toBe(100);
    const vm = runBuild(bursty, canonicalBuild(bursty, 'type1-para'));
    expect(vm.score.scale).toBe(25);
    expect(vm.deductions).toContainEqual(expect.objectContaining({ code: 'burst-late', params: expect.objectContaining({ served: 1, required: 4 }) }));
  });
});

describe('speed reflects what users feel: the app\'s own compute plus the I/O (kc-model-3)', () => {
  // A moderate load: one web app, two instances, about a third of a disk hop's and a tenth of the NIC's
  // capacity in use, few syscalls. The seeds' "Type-1 is fast, close to containers; Type-2 is slow".
  const moderate = level({
    apps: [app('web', { instances: 2, io: { disk: 1.2, net: 1.6, syscall: 0.4 } })],
    objectives: { speed: 1 },
    durationSeconds: 30,
  });
  const speed = (arch: 'container' | 'type1-para' | 'type2', seed: number) => runBuild(moderate, canonicalBuild(moderate, arch), seed).score.speed;

  it.each(Array.from({ length: 20 }, (_, index) => index + 1))('para-virtual Type-1 is within 10 points of containers, emulated Type-2 at least 20 below both (seed %i)', (seed) => {
    const container = speed('container', seed);
    const para = speed('type1-para', seed);
    const type2 = speed('type2', seed);
    expect(container - para).toBeLessThanOrEqual(10);
    expect(para - type2).toBeGreaterThanOrEqual(20);
    expect(container - type2).toBeGreaterThanOrEqual(20);
  });

  it('scores the engine\'s response times and keeps the I/O p95 beside them in the latency deduction', () => {
    const type2 = runBuild(moderate, canonicalBuild(moderate, 'type2'));
    const disk = type2.deductions.find((deduction) => deduction.code === 'speed-latency' && deduction.params.kind === 'disk');
    expect(disk?.params.p95Us).toBe(type2.metrics.byKind.disk.p95ResponseUs);
    expect(disk?.params.ioP95Us).toBe(type2.metrics.byKind.disk.p95LatencyUs);
    expect(Number(disk?.params.p95Us)).toBeGreaterThan(Number(disk?.params.ioP95Us) + 0.9 * DEFAULT_COMPUTE_US);
    expect(Number(disk?.params.nativeIoP95Us)).toBeLessThan(Number(disk?.params.nativeUs));
  });

  it('takes each app\'s own compute: a compute-heavy app narrows the gap between architectures', () => {
    const heavy = level({ ...moderate, apps: [app('web', { ...moderate.apps[0], computeUs: 5000 })] });
    const light = level({ ...moderate, apps: [app('web', { ...moderate.apps[0], computeUs: 0 })] });
    const type2Speed = (testLevel: typeof moderate) => runBuild(testLevel, canonicalBuild(testLevel, 'type2'), 1).score.speed;
    expect(type2Speed(heavy)).toBeGreaterThan(90);
    expect(type2Speed(light)).toBeLessThan(type2Speed(moderate));
  });

  it('a result without engine response times is scored with the I/O p95 plus the default compute', () => {
    const result = runBuild(moderate, canonicalBuild(moderate, 'type2'));
    const withoutResponse = structuredClone(result.metrics);
    for (const kind of ['disk', 'net', 'syscall'] as const) delete withoutResponse.byKind[kind].p95ResponseUs;
    const disk = scoreSpeed(withoutResponse, nativeBaseline(moderate)).deductions.find((deduction) => deduction.params.kind === 'disk');
    expect(disk?.params.p95Us).toBe(result.metrics.byKind.disk.p95LatencyUs + DEFAULT_COMPUTE_US);
  });
});

describe('totals and stars', () => {
  it('weights objectives by the level and ignores zero weights', () => {
    const weighted = level({ objectives: { security: 3, speed: 1, scale: 0 } });
    expect(weightedTotal(weighted, { security: 100, speed: 60, scale: 0 })).toBe(90);
  });

  it('an infeasible build scores 0 with a deduction per broken rule', () => {
    const result = runBuild(level(), build([{ id: 'host', piece: 'host-os', on: 'hardware', kernel: 'windows' }], [{ app: 'a', on: 'host' }, { app: 'b', on: 'host' }]));
    expect(result.feasible).toBe(false);
    expect(result.score.total).toBe(0);
    expect(result.deductions.every((deduction) => deduction.objective === 'feasibility')).toBe(true);
    expect(scoreInfeasible([{ code: 'memory-exceeded', params: { usedGiB: 9, memoryGiB: 8 } }]).deductions[0]).toMatchObject({ code: 'memory-exceeded', params: { usedGiB: 9, memoryGiB: 8 } });
  });

  it('stars count the thresholds reached relative to the best', () => {
    expect(starsFor(95, 100, [0.5, 0.8, 0.95], true)).toBe(3);
    expect(starsFor(94, 100, [0.5, 0.8, 0.95], true)).toBe(2);
    expect(starsFor(50, 100, [0.5, 0.8, 0.95], true)).toBe(1);
    expect(starsFor(49, 100, [0.5, 0.8, 0.95], true)).toBe(0);
    expect(starsFor(100, 100, [0.5, 0.8, 0.95], false)).toBe(0);
  });

  it('a build that let another tenant be breached earns at most one star where security is scored (kc-model-4)', () => {
    expect(starsFor(100, 100, [0.5, 0.8, 0.95], true, true)).toBe(1);
    expect(starsFor(60, 100, [0.5, 0.8, 0.95], true, true)).toBe(1);
    expect(starsFor(40, 100, [0.5, 0.8, 0.95], true, true)).toBe(0);
    expect(breachCapsStars({ objectives: { security: 1, speed: 2 } }, { breachedTenants: 1 })).toBe(true);
    expect(breachCapsStars({ objectives: { security: 1, speed: 2 } }, { breachedTenants: 0 })).toBe(false);
    // Where security is not scored, a breach does not cap the stars.
    expect(breachCapsStars({ objectives: { speed: 1 } }, { breachedTenants: 2 })).toBe(false);
    expect(breachCapsStars({ objectives: { security: 0, speed: 1 } }, { breachedTenants: 2 })).toBe(false);
  });

  it('the cap holds in rankings and players\' runs: a breached build at 2/3 of the best gets one star, not two', () => {
    // Security weighted 1 of 3: a shared-kernel build breaches, keeps full speed, and reaches r ≥ 0.8.
    const light = level({
      apps: [app('evil', { trust: 'untrusted' }), app('b'), app('c'), app('d'), app('e'), app('f')],
      threats: [{ app: 'evil', kind: 'snoop', atSecond: 15 }],
      objectives: { security: 1, speed: 9 },
    });
    const ranking = rankLevel(light);
    const native = ranking.entries.find((entry) => entry.arch === 'native')!.result;
    expect(native.metrics.breachedTenants).toBeGreaterThan(0);
    expect(native.score.total / ranking.bestTotal).toBeGreaterThanOrEqual(0.8);
    expect(native.score.stars).toBe(1);
    expect(withStars(light, runBuild(light, canonicalBuild(light, 'native')), ranking).score.stars).toBe(1);
  });

  it('the ranking finds the best architecture by simulating every one on the same seed', () => {
    const hostile = level({
      apps: [app('evil', { trust: 'untrusted', io: { disk: 0.6, net: 0.8, syscall: 1 } }), app('b')],
      threats: [{ app: 'evil', kind: 'kernel-exploit', atSecond: 1 }],
      objectives: { security: 4, speed: 1 },
    });
    const ranking = rankLevel(hostile);
    expect(bestArchitecture(ranking)).toBe('type1-para');
    expect(ranking.entries[0].result.score.stars).toBe(3);
    const player = withStars(hostile, runBuild(hostile, canonicalBuild(hostile, 'container')), ranking);
    expect(player.score.stars).toBeLessThan(3);
  });
});
