// One packet's path with the time at each hop (issue 17 item 3), for the panel a click or `P` opens: the
// engine's hop data (arrive, start, done, board µs per bundle) turned into µs per request, the unit of the
// scores and the debrief. Pure: no Phaser.
import { BUNDLE_REQUESTS } from '../../sim/costs';
import type { StationInfo } from '../../sim/engine/paths';
import { FATE_DELIVERED, FATE_DROPPED, MARK_NONE, type PacketTrack } from './PacketTracks';

export interface PathHop {
  station: number;
  /** The hop's kind (board:station.*). */
  kind: StationInfo['kind'] | 'unknown';
  /** MARK_HYPERCALL / MARK_VM_EXIT for a VM's exit. */
  mark: number;
  /** µs per request waiting in the hop's line, and being served there. */
  waitUs: number;
  serviceUs: number;
}

export interface PacketPath {
  id: number;
  app: string;
  /** Packet kind index: 0 disk, 1 net, 2 syscall. */
  kind: number;
  hops: PathHop[];
  /** µs per request over every hop known so far (waits included). */
  totalUs: number;
  state: 'flying' | 'delivered' | 'dropped';
}

/** The path of a tracked packet so far, per request. */
export function packetPath(track: Readonly<PacketTrack>, stations: readonly StationInfo[], markOf: (station: number) => number = () => MARK_NONE): PacketPath {
  const hops: PathHop[] = [];
  let total = 0;
  for (let hop = 0; hop < track.hops; hop += 1) {
    const station = track.stations[hop];
    const waitUs = Math.max(0, track.startUs[hop] - track.arriveUs[hop]) / BUNDLE_REQUESTS;
    const serviceUs = Math.max(0, track.doneUs[hop] - track.startUs[hop]) / BUNDLE_REQUESTS;
    total += waitUs + serviceUs;
    hops.push({ station, kind: stations[station]?.kind ?? 'unknown', mark: markOf(station), waitUs, serviceUs });
  }
  const state = track.fate === FATE_DELIVERED ? 'delivered' : track.fate === FATE_DROPPED ? 'dropped' : 'flying';
  return { id: track.id, app: track.app, kind: track.kind, hops, totalUs: total, state };
}

/** µs for the panel: one decimal under 10, whole above. */
export function formatUs(us: number): string {
  return us < 10 ? (Math.round(us * 10) / 10).toString() : Math.round(us).toString();
}
