// How long a packet is drawn at each hop (issue 17 item 3): it slides to the hop in a fixed short time,
// waits in the hop's line as long as the engine made it wait, then stays at the hop for a time
// proportional to what the engine charged it there (the hop's `doneUs − startUs`, the same µs the scores
// use), so an emulated path's long stops at the VM exit and the device backend look different from a
// para-virtual path's short ones while they run. Pure: no Phaser, no allocation in the per-hop function.
import { BUNDLE_REQUESTS, SERVICE_US } from '../../sim/costs';

/** Board µs a packet takes to slide from one hop to the next (the engine has no travel time). */
export const TRAVEL_US = 120_000;

/**
 * Board µs drawn at a hop per board µs the engine spent serving the packet there. The engine's times are
 * already in board time (a bundle of BUNDLE_REQUESTS requests); doubling them makes a para-virtual VM exit
 * (4 µs per request: 40 ms) still a blink and an emulated one (35 µs: 350 ms) a clear stop, while the
 * slowest built-in path (Type-2, emulated, disk: 284 µs per request) takes about 3.6 s at 1× and 1.8 s at
 * 2× (slowestPathVisualUs): watchable at both.
 */
export const DWELL_SCALE = 2;

/** Where a packet is drawn on one hop, in board µs of the drawing (the engine's time plus the lag the
 * travel and the stretched stops add). */
export interface HopTimes {
  /** Starts sliding from the previous point. */
  travelUs: number;
  /** Reaches the hop's line (or the hop itself when nothing waits). */
  queueUs: number;
  /** Enters the hop: starts its stop there. */
  dwellUs: number;
  /** Leaves the hop. */
  leaveUs: number;
}

/** The drawn stop at a hop for the engine's service time there (board µs). */
export function dwellFor(serviceUs: number): number {
  return Math.max(0, serviceUs) * DWELL_SCALE;
}

/**
 * The drawn times of one hop: the packet left the previous hop (or its app) at `previousLeaveUs` (drawn
 * time); the engine had it arrive at `arriveUs`, start service at `startUs` and finish at `doneUs`.
 * Writes into `out` (no allocation) and returns it.
 */
export function scheduleHop(previousLeaveUs: number, arriveUs: number, startUs: number, doneUs: number, out: HopTimes): HopTimes {
  out.travelUs = previousLeaveUs;
  out.queueUs = previousLeaveUs + TRAVEL_US;
  out.dwellUs = out.queueUs + Math.max(0, startUs - arriveUs);
  out.leaveUs = out.dwellUs + dwellFor(doneUs - startUs);
  return out;
}

/** A whole path's drawn times from the engine's hop data (for tests and tools; allocates). */
export function schedulePath(emitUs: number, hops: ReadonlyArray<{ arriveUs: number; startUs: number; doneUs: number }>): HopTimes[] {
  const result: HopTimes[] = [];
  let leave = emitUs;
  for (const hop of hops) {
    const times = scheduleHop(leave, hop.arriveUs, hop.startUs, hop.doneUs, { travelUs: 0, queueUs: 0, dwellUs: 0, leaveUs: 0 });
    result.push(times);
    leave = times.leaveUs;
  }
  return result;
}

/** Per-request µs of the slowest built-in unloaded path (Type-2, emulated devices, disk), from costs.ts. */
export function slowestPathRequestUs(): number {
  const disk = 0;
  return (
    SERVICE_US.kernel[disk] +
    SERVICE_US.type2VmExit.emulated[disk] +
    SERVICE_US.type2Process.emulated[disk] +
    SERVICE_US.hostSyscall[disk] +
    SERVICE_US.kernel[disk] +
    SERVICE_US.disk[disk]
  );
}

/** Wall-clock ms the slowest built-in path takes on screen at a run speed, unloaded (six hops). */
export function slowestPathVisualMs(speed: number): number {
  const hops = 6;
  const serviceUs = slowestPathRequestUs() * BUNDLE_REQUESTS;
  return (hops * TRAVEL_US + dwellFor(serviceUs)) / 1000 / speed;
}
