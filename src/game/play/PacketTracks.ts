// What the board needs to draw every packet in flight, kept from the engine's typed events: each packet's
// hops with their arrival, start and end times, and when each is drawn (dwellSchedule.ts): a short slide to
// the hop, its wait in the hop's line, then a stop at the hop proportional to the engine's cost there. The
// drawing runs behind the engine (one tick, plus the slides and the stretched stops), so every hop of what
// it draws is already known.

import type { SimEvent } from '../../sim/events';
import { KIND_INDEX } from '../../sim/costs';
import type { Point } from './boardLayout';
import { scheduleHop, TRAVEL_US, type HopTimes } from './dwellSchedule';

export const FATE_FLYING = 0;
export const FATE_DELIVERED = 1;
export const FATE_DROPPED = 2;

/** What a drawn packet is doing (PacketPosition.phase). */
export const PHASE_TRAVEL = 0;
export const PHASE_QUEUE = 1;
export const PHASE_DWELL = 2;
export const PHASE_HOLD = 3;

/** Marks of a hop (TrackGeometry.stationMark): a para-virtual VM's exit is a hypercall, an emulated one a
 * trapped VM exit. */
export const MARK_NONE = 0;
export const MARK_HYPERCALL = 1;
export const MARK_VM_EXIT = 2;

/** Packets whose whole trip is shorter than this (board µs) are drawn over this long: a syscall's bounce off
 * the kernel takes milliseconds, too quick for an eye. */
export const MIN_VISIBLE_TRIP_US = 450_000;

export interface PacketTrack {
  id: number;
  kind: number;
  app: string;
  instance: number;
  emitUs: number;
  /**
   * Hops known so far: the first `hops` entries of the lists below are this packet's (a pooled track's lists
   * keep their length and their memory between packets: emptying a list with `length = 0` gave its memory
   * back, and refilling it was most of a crowded run's garbage — a major collection then pushed a frame
   * past 50 ms, issue 15).
   */
  hops: number;
  stations: number[];
  arriveUs: number[];
  startUs: number[];
  doneUs: number[];
  /** Drawn times of each hop (dwellSchedule.ts): slide start, line, stop, leave. */
  travelUs: number[];
  queueUs: number[];
  dwellUs: number[];
  leaveUs: number[];
  endUs: number;
  fate: number;
  dropStation: number;
  /** The hop whose stop the packet layer last saw drawn, and the drawn times it saw it first and last
   * (for kernelCourier.runViz(): dwell measured on screen). */
  seenHop: number;
  seenFromUs: number;
  seenToUs: number;
}

export interface TrackGeometry {
  emitPoint(app: string, instance: number): Point;
  stationPoint(station: number): Point;
  /** Board µs between two packets leaving a hop, by kind: spacing of a drawn queue. */
  laneGapUs(station: number, kind: number): number;
  /** MARK_HYPERCALL / MARK_VM_EXIT for a VM's exit hop, else MARK_NONE (optional). */
  stationMark?(station: number): number;
}

export interface PacketPosition {
  x: number;
  y: number;
  /** Waiting in a queue (not moving). */
  queued: boolean;
  /** The hop it waits before or moves into (-1 when it holds past its last known hop). */
  station: number;
  /** PHASE_TRAVEL, PHASE_QUEUE, PHASE_DWELL or PHASE_HOLD. */
  phase: number;
  /** Index of that hop in the track (-1 when holding). */
  hop: number;
  /** MARK_HYPERCALL / MARK_VM_EXIT while the packet crosses a VM's exit (sliding in, stopping, sliding out). */
  mark: number;
}

const QUEUE_SPACING_PX = 7;
const MAX_QUEUE_DRAWN_PX = 90;

/**
 * Packets the view follows at most (issue 15: bounded work per frame whatever the level or `packets=`).
 * Every frame walks every track to place it; an overloaded level kept 45,000 packets in flight and that walk
 * alone filled the frame. Packets emitted while this many are followed are counted (`untracked`) but not
 * drawn: the board already shows full queues and piles at that load.
 */
export const MAX_TRACKS = 12_000;

export class PacketTracks {
  private readonly tracks = new Map<number, PacketTrack>();
  /** Packets in flight that are not followed (emitted while MAX_TRACKS were). */
  private readonly untrackedIds = new Set<number>();
  private readonly pool: PacketTrack[] = [];
  private readonly position: PacketPosition = { x: 0, y: 0, queued: false, station: -1, phase: PHASE_HOLD, hop: -1, mark: MARK_NONE };
  private readonly times: HopTimes = { travelUs: 0, queueUs: 0, dwellUs: 0, leaveUs: 0 };

  /** The live track of a packet, if it is still drawn. */
  get(id: number): PacketTrack | undefined {
    return this.tracks.get(id);
  }

  get size(): number {
    return this.tracks.size;
  }

  /** Packets in flight the view does not follow (MAX_TRACKS). */
  get untracked(): number {
    return this.untrackedIds.size;
  }

  clear(): void {
    for (const track of this.tracks.values()) this.pool.push(track);
    this.tracks.clear();
    this.untrackedIds.clear();
  }

  handle(event: SimEvent): void {
    switch (event.type) {
      case 'packetEmitted': {
        if (this.tracks.size >= MAX_TRACKS) {
          this.untrackedIds.add(event.packet);
          break;
        }
        const track = this.pool.pop() ?? {
          id: 0, kind: 0, app: '', instance: 0, emitUs: 0, hops: 0, stations: [], arriveUs: [], startUs: [], doneUs: [],
          travelUs: [], queueUs: [], dwellUs: [], leaveUs: [], endUs: 0, fate: 0, dropStation: -1, seenHop: -1, seenFromUs: 0, seenToUs: 0,
        };
        track.id = event.packet;
        track.kind = KIND_INDEX[event.kind];
        track.app = event.app;
        track.instance = event.instance;
        track.emitUs = event.atUs;
        track.hops = 0;
        track.seenHop = -1;
        track.endUs = Number.POSITIVE_INFINITY;
        track.fate = FATE_FLYING;
        track.dropStation = -1;
        this.tracks.set(event.packet, track);
        break;
      }
      case 'packetHopped': {
        const track = this.tracks.get(event.packet);
        if (!track) return;
        const hop = track.hops;
        const times = scheduleHop(hop > 0 ? track.leaveUs[hop - 1] : track.emitUs, event.arriveUs, event.startUs, event.doneUs, this.times);
        track.stations[hop] = event.station;
        track.arriveUs[hop] = event.arriveUs;
        track.startUs[hop] = event.startUs;
        track.doneUs[hop] = event.doneUs;
        track.travelUs[hop] = times.travelUs;
        track.queueUs[hop] = times.queueUs;
        track.dwellUs[hop] = times.dwellUs;
        track.leaveUs[hop] = times.leaveUs;
        track.hops = hop + 1;
        break;
      }
      case 'packetDelivered': {
        const track = this.tracks.get(event.packet);
        if (!track) {
          this.untrackedIds.delete(event.packet);
          return;
        }
        track.fate = FATE_DELIVERED;
        track.endUs = event.atUs;
        break;
      }
      case 'packetDropped': {
        const track = this.tracks.get(event.packet);
        if (!track) {
          this.untrackedIds.delete(event.packet);
          return;
        }
        track.fate = FATE_DROPPED;
        track.endUs = event.atUs;
        track.dropStation = event.station;
        break;
      }
      default:
        break;
    }
  }

  /** The drawn time a finished track's trip ends: it leaves its last hop (a dropped one slides to the hop
   * that dropped it). */
  static scheduledEndUs(track: PacketTrack): number {
    const hops = track.hops;
    const last = hops > 0 ? track.leaveUs[hops - 1] : track.emitUs;
    return track.fate === FATE_DROPPED ? last + TRAVEL_US : last;
  }

  /** The board time at which a track is drawn as finished (stretched for very short trips). */
  static visibleEndUs(track: PacketTrack): number {
    if (track.fate === FATE_FLYING) return Number.POSITIVE_INFINITY;
    return Math.max(PacketTracks.scheduledEndUs(track), track.emitUs + MIN_VISIBLE_TRIP_US);
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
      // Short trips play in slow motion over MIN_VISIBLE_TRIP_US; long ones on their schedule.
      let time = atUs;
      if (track.fate !== FATE_FLYING) {
        const end = PacketTracks.scheduledEndUs(track);
        if (end < visibleEnd) time = track.emitUs + ((atUs - track.emitUs) * (end - track.emitUs)) / (visibleEnd - track.emitUs);
      }
      if (!this.locate(track, time, geometry, position)) continue;
      visit(track, position);
    }
  }

  private endPoint(track: PacketTrack, geometry: TrackGeometry): Point {
    if (track.fate === FATE_DROPPED && track.dropStation >= 0) return geometry.stationPoint(track.dropStation);
    const last = track.hops > 0 ? track.stations[track.hops - 1] : undefined;
    return last !== undefined ? geometry.stationPoint(last) : geometry.emitPoint(track.app, track.instance);
  }

  /** Where the line of a hop puts a packet `rank` gaps from its head, coming from `previous`. */
  private static queueSpot(previous: Point, target: Point, rank: number, out: PacketPosition): void {
    const dx = target.x - previous.x;
    const dy = target.y - previous.y;
    // Not Math.hypot: V8 does not inline it, and each call's result was a new heap number (worst-dense walks
    // 12,000 tracks a frame: 5 MB a second of garbage).
    const length = Math.sqrt(dx * dx + dy * dy) || 1;
    const back = Math.min(MAX_QUEUE_DRAWN_PX, length * 0.9, 10 + rank * QUEUE_SPACING_PX);
    out.x = target.x - (dx / length) * back;
    out.y = target.y - (dy / length) * back;
  }

  /**
   * Position at drawn time `time`: sliding to a hop (to the end of its line when one waits), waiting in the
   * line, stopping at the hop, or holding past its last known hop.
   */
  private locate(track: PacketTrack, time: number, geometry: TrackGeometry, out: PacketPosition): boolean {
    const hops = track.hops;
    let previous = geometry.emitPoint(track.app, track.instance);
    let previousMark = MARK_NONE;
    for (let hop = 0; hop < hops; hop += 1) {
      if (time >= track.leaveUs[hop]) {
        previous = geometry.stationPoint(track.stations[hop]);
        previousMark = geometry.stationMark ? geometry.stationMark(track.stations[hop]) : MARK_NONE;
        continue;
      }
      const station = track.stations[hop];
      const target = geometry.stationPoint(station);
      const mark = geometry.stationMark ? geometry.stationMark(station) : MARK_NONE;
      out.station = station;
      out.hop = hop;
      if (time < track.queueUs[hop]) {
        // Sliding in: to the end of the line it will wait in, or to the hop itself.
        const waits = track.startUs[hop] > track.arriveUs[hop];
        let endX = target.x;
        let endY = target.y;
        if (waits) {
          PacketTracks.queueSpot(previous, target, (track.startUs[hop] - track.arriveUs[hop]) / geometry.laneGapUs(station, track.kind), out);
          endX = out.x;
          endY = out.y;
        }
        const progress = Math.max(0, (time - track.travelUs[hop]) / TRAVEL_US);
        const eased = progress * progress * (3 - 2 * progress);
        out.x = previous.x + (endX - previous.x) * eased;
        out.y = previous.y + (endY - previous.y) * eased;
        out.queued = false;
        out.phase = PHASE_TRAVEL;
        // Crossing a VM's exit: sliding into it, or out of it to the next hop.
        out.mark = mark !== MARK_NONE ? mark : previousMark;
        return true;
      }
      if (time < track.dwellUs[hop]) {
        // In the line: the longer its wait (in the engine's time), the further back up the line.
        const engineTime = track.arriveUs[hop] + (time - track.queueUs[hop]);
        PacketTracks.queueSpot(previous, target, (track.startUs[hop] - engineTime) / geometry.laneGapUs(station, track.kind), out);
        out.queued = true;
        out.phase = PHASE_QUEUE;
        out.mark = mark;
        return true;
      }
      // The stop at the hop, as long as the engine's cost there (times DWELL_SCALE); packets stopped at
      // one hop together are spread a little so that they read as a pile.
      out.x = target.x + ((track.id % 5) - 2) * 2;
      out.y = target.y;
      out.queued = false;
      out.phase = PHASE_DWELL;
      out.mark = mark;
      return true;
    }
    out.queued = false;
    out.hop = -1;
    out.station = -1;
    out.mark = MARK_NONE;
    if (track.fate === FATE_DROPPED && track.dropStation >= 0) {
      // Sliding to the hop that dropped it.
      const target = geometry.stationPoint(track.dropStation);
      const from = hops > 0 ? track.leaveUs[hops - 1] : track.emitUs;
      const progress = Math.min(1, Math.max(0, (time - from) / TRAVEL_US));
      out.x = previous.x + (target.x - previous.x) * progress;
      out.y = previous.y + (target.y - previous.y) * progress;
      out.phase = PHASE_TRAVEL;
      return true;
    }
    // Past its last known hop: the next hop is not reported yet, or the trip is over; hold at the last point.
    out.x = previous.x;
    out.y = previous.y;
    out.phase = PHASE_HOLD;
    return hops > 0 || track.fate === FATE_FLYING;
  }
}
