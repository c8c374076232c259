// The hop-cost breakdown agrees with the unloaded path sums of docs/model.md §5 for every architecture,
// groups apps with the same path, and has nothing to show for a build that breaks a rule.
import { describe, expect, it } from 'vitest';
import { hopCosts, nativePath, overheadOf, serviceUs } from '../../../src/game/debrief/hopCosts';
import { canonicalBuild } from '../../../src/sim/canonicalBuild';
import { ARCHITECTURES, type Architecture } from '../../../src/sim/types';
import { app, build, level } from '../../sim/fixtures';

const quiet = level({ apps: [app('a'), app('b')], objectives: { speed: 1 }, allow: [...ARCHITECTURES] });

describe('hopCosts', () => {
  it.each<[Architecture, number, number, string[]]>([
    ['native', 112, 37, ['host-kernel', 'disk']],
    ['container', 115, 43, ['container-engine', 'host-kernel', 'disk']],
    ['type1-para', 142, 52, ['guest-kernel', 'vm-exit', 'backend', 'disk']],
    ['type1-full', 207, 112, ['guest-kernel', 'vm-exit', 'backend', 'disk']],
    ['type2', 284, 154, ['guest-kernel', 'vm-exit', 'type2-process', 'host-syscall', 'host-kernel', 'disk']],
  ])('%s: disk %d µs, net %d µs, as model.md §5 sums them', (arch, diskUs, netUs, stations) => {
    const groups = hopCosts(quiet, canonicalBuild(quiet, arch));
    expect(groups).toHaveLength(1);
    const [group] = groups!;
    expect(group!.apps).toEqual(['a', 'b']);
    expect(group!.arch).toBe(arch);
    expect(group!.disk.totalUs).toBe(diskUs);
    expect(group!.net.totalUs).toBe(netUs);
    expect(group!.disk.hops.map((hop) => hop.station)).toEqual(stations);
    expect(group!.disk.nativeUs).toBe(112);
    expect(group!.net.nativeUs).toBe(37);
  });

  it('names the driver of a VM hop and no other', () => {
    const [group] = hopCosts(quiet, canonicalBuild(quiet, 'type1-full'))!;
    expect(group!.disk.hops.map((hop) => hop.driver)).toEqual([null, 'emulated', 'emulated', null]);
    expect(group!.disk.hops.map((hop) => hop.us)).toEqual([12, 35, 60, 100]);
  });

  it('separates apps whose paths differ (containers inside a para-virtual VM beside a native app)', () => {
    const mixed = build(
      [
        { id: 'hv', piece: 'type1-hypervisor', on: 'hardware' },
        { id: 'vm-a', piece: 'vm', on: 'hv', kernel: 'linux', driver: 'para' },
        { id: 'ce', piece: 'container-engine', on: 'vm-a' },
      ],
      [
        { app: 'a', on: 'ce' },
        { app: 'b', on: 'hv', vm: { kernel: 'linux', driver: 'emulated' } },
      ],
    );
    const groups = hopCosts(quiet, mixed)!;
    expect(groups.map((group) => group.apps)).toEqual([['a'], ['b']]);
    expect(groups[0]!.disk.totalUs).toBe(145);
    expect(groups[0]!.net.totalUs).toBe(58);
    expect(groups[1]!.disk.totalUs).toBe(207);
  });

  it('returns null for an infeasible build', () => {
    expect(hopCosts(quiet, build([{ id: 'host', piece: 'host-os', on: 'hardware', kernel: 'linux' }], [{ app: 'a', on: 'host' }]))).toBeNull();
  });

  it('computes the overhead over native', () => {
    const [group] = hopCosts(quiet, canonicalBuild(quiet, 'type2'))!;
    expect(overheadOf(group!.disk)).toEqual({ extraUs: 172, factor: 2.54 });
    expect(nativePath('net').map((hop) => hop.us)).toEqual([12, 25]);
    expect(serviceUs('vm-exit', 'net', 'para', true)).toBe(8);
  });
});
