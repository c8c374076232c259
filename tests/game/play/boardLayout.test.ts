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
  const testLevel = level({ apps: [app('a', { instances: 3 }), app('b')] });
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
