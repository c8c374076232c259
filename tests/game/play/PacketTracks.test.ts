// Packet tracks: every packet the engine reports is drawn along its hops, queued where it waits, and
// forgotten once delivered or dropped; each stop lasts in proportion to the hop's cost; very short trips
// are slowed down to be seen.
import { describe, expect, it } from 'vitest';
import { MARK_HYPERCALL, MARK_NONE, MAX_TRACKS, MIN_VISIBLE_TRIP_US, PacketTracks, PHASE_DWELL, PHASE_QUEUE, PHASE_TRAVEL, type TrackGeometry } from '../../../src/game/play/PacketTracks';
import { DWELL_SCALE, schedulePath, TRAVEL_US } from '../../../src/game/play/dwellSchedule';
import { canonicalBuild } from '../../../src/sim/canonicalBuild';
import { createSimulation } from '../../../src/sim/Simulation';
import { app, level } from '../../sim/fixtures';

const geometry: TrackGeometry = {
  emitPoint: () => ({ x: 0, y: 0 }),
  stationPoint: (station) => ({ x: 0, y: 100 * (station + 1) }),
  laneGapUs: () => 1000,
};

describe('PacketTracks', () => {
  it('slides a packet to each hop, queues it where it waits, stops it there in proportion to its cost, and forgets it once delivered', () => {
    const tracks = new PacketTracks();
    tracks.handle({ type: 'packetEmitted', packet: 1, app: 'a', instance: 0, kind: 'disk', atUs: 0 });
    tracks.handle({ type: 'packetHopped', packet: 1, station: 0, arriveUs: 0, startUs: 0, doneUs: 1_000_000 });
    tracks.handle({ type: 'packetHopped', packet: 1, station: 1, arriveUs: 1_000_000, startUs: 1_500_000, doneUs: 2_000_000 });
    tracks.handle({ type: 'packetDelivered', packet: 1, app: 'a', kind: 'disk', atUs: 2_000_000, latencyUs: 200 });
    // Drawn: slide to hop 0 [0, T], stop there 2 × 1 s; slide to hop 1's line, wait 0.5 s, stop 2 × 0.5 s.
    const T = TRAVEL_US;
    const leave0 = T + DWELL_SCALE * 1_000_000;
    const queue1 = leave0 + T;
    const dwell1 = queue1 + 500_000;
    const leave1 = dwell1 + DWELL_SCALE * 500_000;
    const seen: Array<{ y: number; queued: boolean; phase: number; hop: number }> = [];
    for (const time of [T / 2, T + 10_000, leave0 - 10_000, queue1 + 250_000, dwell1 + 10_000, leave1 - 10_000]) {
      tracks.forEachVisible(time, geometry, (_track, position) => seen.push({ y: Math.round(position.y), queued: position.queued, phase: position.phase, hop: position.hop }));
    }
    expect(seen[0]).toEqual({ y: 50, queued: false, phase: PHASE_TRAVEL, hop: 0 });
    expect(seen[1]).toEqual({ y: 100, queued: false, phase: PHASE_DWELL, hop: 0 });
    expect(seen[2]).toEqual({ y: 100, queued: false, phase: PHASE_DWELL, hop: 0 });
    expect(seen[3].queued).toBe(true);
    expect(seen[3].phase).toBe(PHASE_QUEUE);
    expect(seen[3].y).toBeLessThan(200);
    expect(seen[3].y).toBeGreaterThan(100);
    expect(seen[4]).toEqual({ y: 200, queued: false, phase: PHASE_DWELL, hop: 1 });
    expect(seen[5]).toEqual({ y: 200, queued: false, phase: PHASE_DWELL, hop: 1 });
    const finished: number[] = [];
    tracks.forEachVisible(leave1 - 1, geometry, () => undefined, (track) => finished.push(track.id));
    expect(finished).toEqual([]);
    tracks.forEachVisible(leave1 + 1, geometry, () => undefined, (track) => finished.push(track.id));
    expect(finished).toEqual([1]);
    expect(tracks.size).toBe(0);
  });

  it('marks a packet crossing a VM exit with the exit\'s mark (sliding in, stopping, sliding out)', () => {
    const tracks = new PacketTracks();
    const marked: TrackGeometry = { ...geometry, stationMark: (station) => (station === 1 ? MARK_HYPERCALL : MARK_NONE) };
    tracks.handle({ type: 'packetEmitted', packet: 3, app: 'a', instance: 0, kind: 'disk', atUs: 0 });
    tracks.handle({ type: 'packetHopped', packet: 3, station: 0, arriveUs: 0, startUs: 0, doneUs: 100_000 });
    tracks.handle({ type: 'packetHopped', packet: 3, station: 1, arriveUs: 100_000, startUs: 100_000, doneUs: 120_000 });
    tracks.handle({ type: 'packetHopped', packet: 3, station: 2, arriveUs: 120_000, startUs: 120_000, doneUs: 400_000 });
    const [hop0, hop1, hop2] = schedulePath(0, [
      { arriveUs: 0, startUs: 0, doneUs: 100_000 },
      { arriveUs: 100_000, startUs: 100_000, doneUs: 120_000 },
      { arriveUs: 120_000, startUs: 120_000, doneUs: 400_000 },
    ]);
    const marks: number[] = [];
    for (const time of [hop0.dwellUs + 1, hop1.travelUs + 1, hop1.dwellUs + 1, hop2.travelUs + 1, hop2.dwellUs + 1]) {
      tracks.forEachVisible(time, marked, (_track, position) => marks.push(position.mark));
    }
    expect(marks).toEqual([MARK_NONE, MARK_HYPERCALL, MARK_HYPERCALL, MARK_HYPERCALL, MARK_NONE]);
  });

  it('reuses a finished track for a new packet with only the new packet\'s hops', () => {
    const tracks = new PacketTracks();
    tracks.handle({ type: 'packetEmitted', packet: 1, app: 'a', instance: 0, kind: 'disk', atUs: 0 });
    for (let station = 0; station < 4; station += 1) {
      tracks.handle({ type: 'packetHopped', packet: 1, station, arriveUs: station * 1000, startUs: station * 1000, doneUs: station * 1000 + 1000 });
    }
    tracks.handle({ type: 'packetDelivered', packet: 1, app: 'a', kind: 'disk', atUs: 4000, latencyUs: 4 });
    const first = tracks.get(1);
    expect(first?.hops).toBe(4);
    tracks.forEachVisible(100_000_000, geometry, () => undefined);
    expect(tracks.size).toBe(0);
    // The next packet takes the pooled track: one hop known, held there (not on the old packet's later hops).
    tracks.handle({ type: 'packetEmitted', packet: 2, app: 'a', instance: 0, kind: 'disk', atUs: 100_000_000 });
    tracks.handle({ type: 'packetHopped', packet: 2, station: 0, arriveUs: 100_000_000, startUs: 100_000_000, doneUs: 100_001_000 });
    const second = tracks.get(2);
    expect(second).toBe(first);
    expect(second?.hops).toBe(1);
    const seen: Array<{ y: number; hop: number; station: number }> = [];
    tracks.forEachVisible(200_000_000, geometry, (_track, position) => seen.push({ y: Math.round(position.y), hop: position.hop, station: position.station }));
    expect(seen).toEqual([{ y: 100, hop: -1, station: -1 }]);
    expect(PacketTracks.scheduledEndUs(second as NonNullable<typeof second>)).toBe(second?.leaveUs[0]);
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

  it(`follows at most MAX_TRACKS packets; the rest are counted while in flight and forgotten when they end`, () => {
    const tracks = new PacketTracks();
    const extra = 25;
    for (let packet = 0; packet < MAX_TRACKS + extra; packet += 1) tracks.handle({ type: 'packetEmitted', packet, app: 'a', instance: 0, kind: 'net', atUs: 0 });
    expect(tracks.size).toBe(MAX_TRACKS);
    expect(tracks.untracked).toBe(extra);
    // One followed and two unfollowed packets end: the followed one stays drawn until its trip is over,
    // the unfollowed ones leave the count at once; an unknown id changes nothing.
    tracks.handle({ type: 'packetDelivered', packet: 0, app: 'a', kind: 'net', atUs: 10, latencyUs: 10 });
    tracks.handle({ type: 'packetDelivered', packet: MAX_TRACKS, app: 'a', kind: 'net', atUs: 10, latencyUs: 10 });
    tracks.handle({ type: 'packetDropped', packet: MAX_TRACKS + 1, app: 'a', kind: 'net', atUs: 10, station: 0, reason: 'queue-full' });
    tracks.handle({ type: 'packetDropped', packet: 10 * MAX_TRACKS, app: 'a', kind: 'net', atUs: 10, station: 0, reason: 'queue-full' });
    expect(tracks.untracked).toBe(extra - 2);
    expect(tracks.size).toBe(MAX_TRACKS);
    let visited = 0;
    tracks.forEachVisible(1, geometry, () => (visited += 1));
    expect(visited).toBeLessThanOrEqual(MAX_TRACKS);
    tracks.clear();
    expect(tracks.untracked).toBe(0);
    expect(tracks.size).toBe(0);
  });
});
