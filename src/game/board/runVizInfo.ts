// What kernelCourier.runViz() reports of one board's packets (a testing aid, docs/embed-api.md): the stops
// measured on screen with the hop's kind and VM driver and the engine's time there, how many packets were
// drawn with a hypercall or VM-exit mark, and the packets drawn now. Built only when asked (allocates).
import type { RunSession } from '../play/RunSession';
import type { PacketLayer } from './PacketLayer';

export interface BoardVizInfo {
  /** Stops measured on screen (board µs), newest last: hop kind, its VM's driver, packet kind index. */
  stops: Array<{ hop: string; driver: string | null; kind: number; shownUs: number; engineUs: number }>;
  /** Packets × frames drawn with the hypercall mark and the trapped-VM-exit mark so far. */
  hypercallMarks: number;
  vmExitMarks: number;
  /** Packets drawn now (at most 60) with their centres in CSS pixels of the canvas. */
  packets: Array<{ id: number; x: number; y: number }>;
}

export function boardVizInfo(layer: PacketLayer, session: RunSession): BoardVizInfo {
  const stations = session.simulation.stations();
  return {
    stops: layer.samples().map((sample) => {
      const info = stations[sample.station];
      return { hop: info?.kind ?? 'unknown', driver: info ? session.stationDriver(info) : null, kind: sample.kind, shownUs: sample.shownUs, engineUs: sample.engineUs };
    }),
    hypercallMarks: layer.hypercallMarks,
    vmExitMarks: layer.vmExitMarks,
    packets: layer.shownPackets(60),
  };
}
