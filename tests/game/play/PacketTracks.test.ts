// Packet tracks: every packet the engine reports is drawn along its hops, queued where it waits, and
// forgotten once delivered or dropped; very short trips are slowed down to be seen.
import { describe, expect, it } from 'vitest';
import { MIN_VISIBLE_TRIP_US, PacketTracks, type TrackGeometry } from '../../../src/game/play/PacketTracks';
import { canonicalBuild } from '../../../src/sim/canonicalBuild';
import { createSimulation } from '../../../src/sim/Simulation';
import { app, level } from '../../sim/fixtures';

const geometry: TrackGeometry = {
  emitPoint: () => ({ x: 0, y: 0 }),
  stationPoint: (station) => ({ x: 0, y: 100 * (station + 1) }),
  laneGapUs: () => 1000,
};

describe('PacketTracks', () => {
  it('moves a packet from hop to hop and forgets it once delivered', () => {
    const tracks = new PacketTracks();
    tracks.handle({ type: 'packetEmitted', packet: 1, app: 'a', instance: 0, kind: 'disk', atUs: 0 });
    tracks.handle({ type: 'packetHopped', packet: 1, station: 0, arriveUs: 0, startUs: 0, doneUs: 1_000_000 });
    tracks.handle({ type: 'packetHopped', packet: 1, station: 1, arriveUs: 1_000_000, startUs: 1_500_000, doneUs: 2_000_000 });
    tracks.handle({ type: 'packetDelivered', packet: 1, app: 'a', kind: 'disk', atUs: 2_000_000, latencyUs: 200 });
    const seen: Array<[number, number, boolean]> = [];
    for (const time of [500_000, 1_250_000, 1_750_000]) {
      tracks.forEachVisible(time, geometry, (_track, position) => seen.push([Math.round(position.y), Math.round(position.x), position.queued]));
    }
    expect(seen[0][0]).toBe(50);
    expect(seen[1][2]).toBe(true);
    expect(seen[1][0]).toBeLessThan(200);
    expect(seen[1][0]).toBeGreaterThan(100);
    expect(seen[2][0]).toBe(150);
    const finished: number[] = [];
    tracks.forEachVisible(2_000_001, geometry, () => undefined, (track) => finished.push(track.id));
    expect(finished).toEqual([1]);
    expect(tracks.size).toBe(0);
  });

  it('draws a very short trip over the minimum visible time', () => {
    const tracks = new PacketTracks();
    tracks.handle({ type: 'packetEmitted', packet: 2, app: 'a', instance: 0, kind: 'syscall', atUs: 0 });
    tracks.handle({ type: 'packetHopped', packet: 2, station: 0, arriveUs: 0, startUs: 0, doneUs: 15_000 });
    tracks.handle({ type: 'packetDelivered', packet: 2, app: 'a', kind: 'syscall', atUs: 15_000, latencyUs: 1.5 });
    let visible = 0;
    tracks.forEachVisible(MIN_VISIBLE_TRIP_US / 2, geometry, () => (visible += 1));
    expect(visible).toBe(1);
    expect(tracks.size).toBe(1);
  });

  it('follows a real run: everything emitted is eventually forgotten', () => {
    const testLevel = level({ apps: [app('a', { instances: 2 })], durationSeconds: 3 });
    const created = createSimulation(testLevel, canonicalBuild(testLevel, 'type2'), { listener: (event) => tracks.handle(event) });
    const tracks = new PacketTracks();
    if (!created.ok) throw new Error('infeasible');
    let maxVisible = 0;
    while (!created.simulation.done) {
      created.simulation.step(5);
      let visible = 0;
      tracks.forEachVisible(created.simulation.nowUs - 10_000, geometry, () => (visible += 1));
      maxVisible = Math.max(maxVisible, visible);
    }
    expect(maxVisible).toBeGreaterThan(0);
    tracks.forEachVisible(created.simulation.nowUs + 10_000_000, geometry, () => undefined);
    expect(tracks.size).toBe(created.simulation.packetsInFlight);
  });
});
