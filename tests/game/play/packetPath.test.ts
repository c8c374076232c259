// The packet panel's numbers: the engine's hop data per request, the same µs the scores use.
import { describe, expect, it } from 'vitest';
import { formatUs, packetPath } from '../../../src/game/play/packetPath';
import { MARK_HYPERCALL, MARK_NONE, PacketTracks, type PacketTrack } from '../../../src/game/play/PacketTracks';
import { BUNDLE_REQUESTS, SERVICE_US } from '../../../src/sim/costs';
import { canonicalBuild } from '../../../src/sim/canonicalBuild';
import { createSimulation } from '../../../src/sim/Simulation';
import { app, level } from '../../sim/fixtures';

describe('packetPath', () => {
  it('gives each hop its wait and service time per request, and their total', () => {
    const tracks = new PacketTracks();
    tracks.handle({ type: 'packetEmitted', packet: 1, app: 'a', instance: 0, kind: 'disk', atUs: 0 });
    tracks.handle({ type: 'packetHopped', packet: 1, station: 0, arriveUs: 0, startUs: 0, doneUs: 12 * BUNDLE_REQUESTS });
    tracks.handle({ type: 'packetHopped', packet: 1, station: 1, arriveUs: 12 * BUNDLE_REQUESTS, startUs: 20 * BUNDLE_REQUESTS, doneUs: 24 * BUNDLE_REQUESTS });
    const track = tracks.get(1) as PacketTrack;
    const stations = [
      { index: 0, kind: 'guest-kernel', owner: 'vm', depth: 1, app: null, instance: null },
      { index: 1, kind: 'vm-exit', owner: 'vm', depth: 2, app: null, instance: null },
    ] as const;
    const path = packetPath(track, stations, (station) => (station === 1 ? MARK_HYPERCALL : MARK_NONE));
    expect(path.hops).toEqual([
      { station: 0, kind: 'guest-kernel', mark: MARK_NONE, waitUs: 0, serviceUs: 12 },
      { station: 1, kind: 'vm-exit', mark: MARK_HYPERCALL, waitUs: 8, serviceUs: 4 },
    ]);
    expect(path.totalUs).toBe(24);
    expect(path.state).toBe('flying');
  });

  it('matches the engine: an idle para-virtual disk request costs the sum of its hops in costs.ts', () => {
    const testLevel = level({ apps: [app('a', { instances: 1, io: { disk: 0.5, net: 0, syscall: 0 } })], durationSeconds: 4 });
    const tracks = new PacketTracks();
    let latency = 0;
    let delivered = -1;
    const created = createSimulation(testLevel, canonicalBuild(testLevel, 'type1-para'), {
      listener: (event) => {
        tracks.handle(event);
        if (event.type === 'packetDelivered' && delivered < 0) {
          delivered = event.packet;
          latency = event.latencyUs;
        }
      },
    });
    if (!created.ok) throw new Error('infeasible');
    while (delivered < 0 && !created.simulation.done) created.simulation.step(1);
    const path = packetPath(tracks.get(delivered) as PacketTrack, created.simulation.stations());
    expect(path.state).toBe('delivered');
    expect(path.hops.map((hop) => hop.kind)).toEqual(['guest-kernel', 'vm-exit', 'backend', 'disk']);
    expect(path.hops.map((hop) => hop.serviceUs)).toEqual([SERVICE_US.kernel[0], SERVICE_US.vmExit.para[0], SERVICE_US.backend.para[0], SERVICE_US.disk[0]]);
    expect(path.totalUs).toBeCloseTo(latency, 6);
  });

  it('formats µs with a decimal only under 10', () => {
    expect(formatUs(1.5)).toBe('1.5');
    expect(formatUs(142.4)).toBe('142');
  });
});
