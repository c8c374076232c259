// The board's layout: bars as wide as what stands on them, apps on top, every hop at a point inside the
// board, for any window size.
import { describe, expect, it } from 'vitest';
import { computeBoardLayout, emitPoint, stationPoint, type Rect } from '../../../src/game/play/boardLayout';
import { canonicalBuild } from '../../../src/sim/canonicalBuild';
import { createSimulation } from '../../../src/sim/Simulation';
import { ARCHITECTURES } from '../../../src/sim/types';
import { app, level } from '../../sim/fixtures';

const inside = (point: { x: number; y: number }, rect: Rect) =>
  point.x >= rect.x - 0.5 && point.x <= rect.x + rect.width + 0.5 && point.y >= rect.y - 0.5 && point.y <= rect.y + rect.height + 0.5;

describe('board layout', () => {
  const testLevel = level({ apps: [app('a', { instances: 3 }), app('b')], allow: [...ARCHITECTURES] });
  const boards: Rect[] = [
    { x: 0, y: 80, width: 1280, height: 560 },
    { x: 40, y: 100, width: 700, height: 760 },
    { x: 200, y: 120, width: 1500, height: 840 },
  ];

  for (const board of boards) {
    for (const arch of ARCHITECTURES) {
      it(`${arch} in ${board.width}×${board.height}: every box and hop inside the board`, () => {
        const build = canonicalBuild(testLevel, arch);
        const layout = computeBoardLayout(testLevel, build.nodes, build.placements, board);
        for (const box of layout.nodes.values()) expect(inside({ x: box.rect.x, y: box.rect.y }, board)).toBe(true);
        for (const box of layout.apps.values()) {
          expect(inside({ x: box.rect.x + box.rect.width, y: box.rect.y + box.rect.height }, board)).toBe(true);
          expect(box.rect.y).toBeLessThan(layout.hardware.y);
        }
        const created = createSimulation(testLevel, build);
        if (!created.ok) throw new Error('infeasible');
        for (const station of created.simulation.stations()) expect(inside(stationPoint(layout, station), board), station.kind).toBe(true);
        expect(inside(emitPoint(layout, 'a'), board)).toBe(true);
      });
    }
  }

  it('a bar is as wide as everything standing on it, and children sit above their parent', () => {
    const build = canonicalBuild(testLevel, 'type2');
    const layout = computeBoardLayout(testLevel, build.nodes, build.placements, boards[0]);
    const host = layout.nodes.get('host')!;
    const hypervisor = layout.nodes.get('hypervisor')!;
    expect(hypervisor.rect.y).toBeLessThan(host.rect.y);
    expect(hypervisor.rect.width).toBeCloseTo(host.rect.width, 0);
    expect(layout.vms.size).toBe(4);
    for (const vm of layout.vms.values()) expect(vm.rect.y).toBeLessThan(hypervisor.rect.y);
  });

  it('a packet path goes down the board', () => {
    const build = canonicalBuild(testLevel, 'type2');
    const layout = computeBoardLayout(testLevel, build.nodes, build.placements, boards[0]);
    const created = createSimulation(testLevel, build);
    if (!created.ok) throw new Error('infeasible');
    const stations = created.simulation.stations();
    const ys = created.simulation.pathOf(0, 'disk').map((index) => stationPoint(layout, stations[index]).y);
    for (let index = 1; index < ys.length; index += 1) expect(ys[index]).toBeGreaterThanOrEqual(ys[index - 1] - 1);
  });
});

describe('board layout row weights', () => {
  it('a taller app row and hardware row keep every box inside the board and pieces in order', () => {
    const testLevel = level({ apps: [app('a', { instances: 2 }), app('b')] });
    const board: Rect = { x: 10, y: 20, width: 800, height: 500 };
    const build = canonicalBuild(testLevel, 'type2');
    const plain = computeBoardLayout(testLevel, build.nodes, build.placements, board);
    const weighted = computeBoardLayout(testLevel, build.nodes, build.placements, board, undefined, { apps: 1.6, hardware: 1.25 });
    expect(weighted.apps.get('a')!.rect.height).toBeGreaterThan(plain.apps.get('a')!.rect.height * 1.3);
    expect(weighted.hardware.height).toBeGreaterThan(plain.hardware.height);
    expect(weighted.hardware.y + weighted.hardware.height).toBeCloseTo(plain.hardware.y + plain.hardware.height, 5);
    expect(weighted.apps.get('a')!.rect.y).toBeCloseTo(board.y + 3, 5);
    const host = weighted.nodes.get('host')!.rect;
    const hypervisor = weighted.nodes.get('hypervisor')!.rect;
    expect(host.y + host.height).toBeLessThanOrEqual(weighted.hardware.y);
    expect(hypervisor.y + hypervisor.height).toBeLessThanOrEqual(host.y);
    for (const vm of weighted.vms.values()) expect(vm.rect.y + vm.rect.height).toBeLessThanOrEqual(hypervisor.y);
    for (const vm of weighted.vms.values()) expect(vm.rect.y).toBeGreaterThanOrEqual(weighted.apps.get(vm.app)!.rect.y + weighted.apps.get(vm.app)!.rect.height);
  });
});
