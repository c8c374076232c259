// What the board needs to draw every packet in flight, kept from the engine's typed events: each packet's
// hops with their arrival, start and end times. The board draws a little behind the engine (one tick), so
// every hop of what it draws is already known; positions are interpolated between hop points.

import type { SimEvent } from '../../sim/events';
import { KIND_INDEX } from '../../sim/costs';
import type { Point } from './boardLayout';

export const FATE_FLYING = 0;
export const FATE_DELIVERED = 1;
export const FATE_DROPPED = 2;

/** Packets whose whole trip is shorter than this (board µs) are drawn over this long: a syscall's bounce off
 * the kernel takes milliseconds, too quick for an eye. */
export const MIN_VISIBLE_TRIP_US = 450_000;

export interface PacketTrack {
  id: number;
  kind: number;
  app: string;
  instance: number;
  emitUs: number;
  stations: number[];
  arriveUs: number[];
  startUs: number[];
  doneUs: number[];
  endUs: number;
  fate: number;
  dropStation: number;
}

export interface TrackGeometry {
  emitPoint(app: string, instance: number): Point;
  stationPoint(station: number): Point;
  /** Board µs between two packets leaving a hop, by kind: spacing of a drawn queue. */
  laneGapUs(station: number, kind: number): number;
}

export interface PacketPosition {
  x: number;
  y: number;
  /** Waiting in a queue (not moving). */
  queued: boolean;
  /** The hop it waits before or moves into (-1 when it holds past its last known hop). */
  station: number;
}

const QUEUE_SPACING_PX = 7;
const MAX_QUEUE_DRAWN_PX = 90;

export class PacketTracks {
  private readonly tracks = new Map<number, PacketTrack>();
  private readonly pool: PacketTrack[] = [];
  private readonly position: PacketPosition = { x: 0, y: 0, queued: false, station: -1 };

  get size(): number {
    return this.tracks.size;
  }

  clear(): void {
    for (const track of this.tracks.values()) this.pool.push(track);
    this.tracks.clear();
  }

  handle(event: SimEvent): void {
    switch (event.type) {
      case 'packetEmitted': {
        const track = this.pool.pop() ?? {
          id: 0, kind: 0, app: '', instance: 0, emitUs: 0, stations: [], arriveUs: [], startUs: [], doneUs: [], endUs: 0, fate: 0, dropStation: -1,
        };
        track.id = event.packet;
        track.kind = KIND_INDEX[event.kind];
        track.app = event.app;
        track.instance = event.instance;
        track.emitUs = event.atUs;
        track.stations.length = 0;
        track.arriveUs.length = 0;
        track.startUs.length = 0;
        track.doneUs.length = 0;
        track.endUs = Number.POSITIVE_INFINITY;
        track.fate = FATE_FLYING;
        track.dropStation = -1;
        this.tracks.set(event.packet, track);
        break;
      }
      case 'packetHopped': {
        const track = this.tracks.get(event.packet);
        if (!track) return;
        track.stations.push(event.station);
        track.arriveUs.push(event.arriveUs);
        track.startUs.push(event.startUs);
        track.doneUs.push(event.doneUs);
        break;
      }
      case 'packetDelivered': {
        const track = this.tracks.get(event.packet);
        if (!track) return;
        track.fate = FATE_DELIVERED;
        track.endUs = event.atUs;
        break;
      }
      case 'packetDropped': {
        const track = this.tracks.get(event.packet);
        if (!track) return;
        track.fate = FATE_DROPPED;
        track.endUs = event.atUs;
        track.dropStation = event.station;
        break;
      }
      default:
        break;
    }
  }

  /** The board time at which a track is drawn as finished (stretched for very short trips). */
  static visibleEndUs(track: PacketTrack): number {
    if (track.fate === FATE_FLYING) return Number.POSITIVE_INFINITY;
    return Math.max(track.endUs, track.emitUs + MIN_VISIBLE_TRIP_US);
  }

  /**
   * Calls `visit` for every packet visible at board time `atUs` with its position, and `finished` once for
   * each packet whose trip has ended by then (delivered or dropped: where, for effects), forgetting it.
   */
  forEachVisible(
    atUs: number,
    geometry: TrackGeometry,
    visit: (track: PacketTrack, position: PacketPosition) => void,
    finished?: (track: PacketTrack, where: Point) => void,
  ): void {
    const position = this.position;
    for (const track of this.tracks.values()) {
      if (track.emitUs > atUs) continue;
      const visibleEnd = PacketTracks.visibleEndUs(track);
      if (atUs >= visibleEnd) {
        if (finished) finished(track, this.endPoint(track, geometry));
        this.tracks.delete(track.id);
        this.pool.push(track);
        continue;
      }
      // Short trips play in slow motion over MIN_VISIBLE_TRIP_US; long ones in step with the engine.
      let time = atUs;
      if (track.fate !== FATE_FLYING && track.endUs < visibleEnd) {
        time = track.emitUs + ((atUs - track.emitUs) * (track.endUs - track.emitUs)) / (visibleEnd - track.emitUs);
      }
      if (!this.locate(track, time, geometry, position)) continue;
      visit(track, position);
    }
  }

  private endPoint(track: PacketTrack, geometry: TrackGeometry): Point {
    if (track.fate === FATE_DROPPED && track.dropStation >= 0) return geometry.stationPoint(track.dropStation);
    const last = track.stations[track.stations.length - 1];
    return last !== undefined ? geometry.stationPoint(last) : geometry.emitPoint(track.app, track.instance);
  }

  /** Position at time `time`: waiting in line before a hop, or moving from the previous point to it. */
  private locate(track: PacketTrack, time: number, geometry: TrackGeometry, out: PacketPosition): boolean {
    const hops = track.stations.length;
    let previous = geometry.emitPoint(track.app, track.instance);
    for (let hop = 0; hop < hops; hop += 1) {
      const station = track.stations[hop];
      const target = geometry.stationPoint(station);
      if (time < track.startUs[hop]) {
        // In the queue of this hop: the longer its wait, the further back up the line.
        const dx = target.x - previous.x;
        const dy = target.y - previous.y;
        const length = Math.hypot(dx, dy) || 1;
        const rank = (track.startUs[hop] - time) / geometry.laneGapUs(station, track.kind);
        const back = Math.min(MAX_QUEUE_DRAWN_PX, length * 0.9, 10 + rank * QUEUE_SPACING_PX);
        out.x = target.x - (dx / length) * back;
        out.y = target.y - (dy / length) * back;
        out.queued = true;
        out.station = station;
        return true;
      }
      if (time <= track.doneUs[hop]) {
        const span = track.doneUs[hop] - track.startUs[hop];
        const progress = span > 0 ? (time - track.startUs[hop]) / span : 1;
        const eased = progress * progress * (3 - 2 * progress);
        out.x = previous.x + (target.x - previous.x) * eased;
        out.y = previous.y + (target.y - previous.y) * eased;
        out.queued = false;
        out.station = station;
        return true;
      }
      previous = target;
    }
    // Past its last known hop: the next hop is not reported yet (the board runs a tick behind), or the
    // trip is over; hold at the last point.
    out.x = previous.x;
    out.y = previous.y;
    out.queued = false;
    out.station = -1;
    return hops > 0 || track.fate === FATE_FLYING;
  }
}
