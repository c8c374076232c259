// The board's geometry for packets: the point of every hop (station) and where every app instance's
// packets start, precomputed into arrays from the board layout so that drawing thousands of packets per
// frame only indexes arrays (no allocation, no lookups by name). Rebuilt when the layout or the engine's
// stations or instances change.
import type { InstanceInfo, StationInfo } from '../../sim/Simulation';
import { emitPoint, stationPoint, type BoardLayout, type Point } from './boardLayout';
import type { TrackGeometry } from './PacketTracks';

export class BoardGeometry implements TrackGeometry {
  private stationPoints: Point[] = [];
  private emitPoints: Point[] = [];
  private marks = new Uint8Array(0);
  private readonly fallback: Point;

  constructor(
    private layout: BoardLayout,
    private readonly laneGap: (station: number, kind: number) => number,
    /** A hop's mark (PacketTracks MARK_*): a VM's exit as a hypercall or a trapped exit. */
    private readonly markOf?: (station: StationInfo) => number,
  ) {
    this.fallback = { x: layout.board.x + layout.board.width / 2, y: layout.board.y };
  }

  get stationCount(): number {
    return this.stationPoints.length;
  }

  /** Recomputes every point for the current layout, stations and instances. */
  update(layout: BoardLayout, stations: readonly StationInfo[], instances: readonly InstanceInfo[]): void {
    this.layout = layout;
    this.stationPoints = stations.map((station) => {
      const point = stationPoint(layout, station);
      return { x: point.x, y: point.y };
    });
    this.marks = new Uint8Array(stations.length);
    if (this.markOf) for (const station of stations) this.marks[station.index] = this.markOf(station);
    const ordinal = new Map<string, number>();
    this.emitPoints = instances.map((instance) => {
      const vm = layout.vms.get(`${instance.app}#${instance.index}`);
      const card = layout.apps.get(instance.app);
      if (vm && card) return { x: vm.rect.x + vm.rect.width / 2, y: card.rect.y + card.rect.height };
      const index = ordinal.get(instance.app) ?? 0;
      ordinal.set(instance.app, index + 1);
      const point = emitPoint(layout, instance.app, index);
      return { x: point.x, y: point.y };
    });
  }

  emitPoint(_app: string, instance: number): Point {
    return this.emitPoints[instance] ?? this.fallback;
  }

  stationPoint(station: number): Point {
    return this.stationPoints[station] ?? this.fallback;
  }

  stationMark(station: number): number {
    return this.marks[station] ?? 0;
  }

  laneGapUs(station: number, kind: number): number {
    return this.laneGap(station, kind);
  }
}
