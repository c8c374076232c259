// The drawn schedule of a packet's hops (issue 17 item 3): its stop at each hop is proportional to the
// engine's cost there, so an emulated VM's exit and backend read longer than a para-virtual VM's, by the
// engine's ratio; the slowest built-in path stays watchable at 1× and 2×.
import { describe, expect, it } from 'vitest';
import { DWELL_SCALE, dwellFor, scheduleHop, schedulePath, slowestPathVisualMs, TRAVEL_US } from '../../../src/game/play/dwellSchedule';
import { canonicalBuild } from '../../../src/sim/canonicalBuild';
import { createSimulation } from '../../../src/sim/Simulation';
import type { SimEvent } from '../../../src/sim/events';
import { app, level } from '../../sim/fixtures';

describe('dwell schedule', () => {
  it('slides, waits as long as the engine made it wait, then stops DWELL_SCALE × the service time', () => {
    const out = { travelUs: 0, queueUs: 0, dwellUs: 0, leaveUs: 0 };
    scheduleHop(1_000, 500, 800, 1_800, out);
    expect(out).toEqual({ travelUs: 1_000, queueUs: 1_000 + TRAVEL_US, dwellUs: 1_000 + TRAVEL_US + 300, leaveUs: 1_000 + TRAVEL_US + 300 + DWELL_SCALE * 1_000 });
    expect(dwellFor(-5)).toBe(0);
  });

  it('chains hops: each starts when the previous one is left', () => {
    const path = schedulePath(0, [
      { arriveUs: 0, startUs: 0, doneUs: 10 },
      { arriveUs: 10, startUs: 30, doneUs: 50 },
    ]);
    expect(path[1].travelUs).toBe(path[0].leaveUs);
    expect(path[1].leaveUs - path[1].dwellUs).toBe(DWELL_SCALE * 20);
  });

  it('stops an emulated VM longer than a para-virtual one at the exit and the backend, by the engine\'s ratio', () => {
    const testLevel = level({ apps: [app('a', { instances: 1, io: { disk: 1, net: 0, syscall: 0 } })], durationSeconds: 3 });
    const stopsAt = (arch: 'type1-full' | 'type1-para'): Map<string, number> => {
      const events: SimEvent[] = [];
      const created = createSimulation(testLevel, canonicalBuild(testLevel, arch), { listener: (event) => events.push({ ...event }) });
      if (!created.ok) throw new Error('infeasible');
      created.simulation.step(100);
      const kinds = new Map(created.simulation.stations().map((station) => [station.index, station.kind]));
      const stops = new Map<string, number>();
      for (const event of events) {
        if (event.type !== 'packetHopped') continue;
        const times = scheduleHop(0, event.arriveUs, event.startUs, event.doneUs, { travelUs: 0, queueUs: 0, dwellUs: 0, leaveUs: 0 });
        stops.set(kinds.get(event.station) ?? '', times.leaveUs - times.dwellUs);
      }
      return stops;
    };
    const full = stopsAt('type1-full');
    const para = stopsAt('type1-para');
    // Engine: emulated backend 60 µs and exit 35 µs per disk request; para-virtual 26 and 4.
    expect((full.get('backend') ?? 0) / (para.get('backend') ?? 1)).toBeCloseTo(60 / 26, 5);
    expect((full.get('vm-exit') ?? 0) / (para.get('vm-exit') ?? 1)).toBeCloseTo(35 / 4, 5);
    expect(full.get('guest-kernel')).toBe(para.get('guest-kernel'));
  });

  it('keeps the slowest built-in path watchable: under 4 s at 1×, at least a second at 2×', () => {
    expect(slowestPathVisualMs(1)).toBeLessThan(4000);
    expect(slowestPathVisualMs(2)).toBeGreaterThan(1000);
  });
});
