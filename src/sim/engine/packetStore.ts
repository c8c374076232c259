// The packet store: the typed arrays that every packet and every place a packet can be live in, shared by
// the engine's parts (generation.ts files new packets into it, movement.ts moves them through it, paths.ts
// lays out its stations and paths). Packets are a structure of arrays with reused slots; a tick's arrivals
// are lists per depth and time slice; each hop has one lane per packet kind with its service figures; a
// timing wheel wakes the lanes; each generator's path is a run of station indices.
//
// An array is replaced (never resized in place) when it grows, so a hot loop reads the arrays it needs into
// locals once and reads them again only after something that can grow them (reserveSlots()).

import { MAX_DEPTH, TICK_US } from '../costs';

/** At most this many packets are in flight at once. */
export const MAX_PACKETS_IN_FLIGHT = 1 << 22;
/**
 * Arrivals within a tick are put in time order by a counting sort over this many time slices (≈ 156 µs of
 * board time each, 0.03 µs per request); within a slice, in the order they came. Linear in the packets,
 * and the same for any way of stepping.
 */
export const ORDER_SLICES = 64;
/**
 * Lanes wake on a timing wheel: each lane with packets is filed under the tick in which its head packet
 * finishes, so a tick visits only the lanes that have something to pass on. The wheel spans more ticks
 * than any packet can stay in a hop (the longest service, 0.45 s, plus the drop limit, 2.5 s).
 */
export const WHEEL_TICKS = 512;

// Module-local copies of the constants used in the hot paths: a transpiler may turn imported bindings into
// getter calls, which costs more than the arithmetic around them.
const SLICES = ORDER_SLICES;
const DEPTHS = MAX_DEPTH;
/** One time slice, µs (exact: 156.25), and slices per µs (rounded). */
const SLICE_US = TICK_US / ORDER_SLICES;
const SLICES_PER_US = ORDER_SLICES / TICK_US;

/**
 * The time slice of an arrival `offsetUs` ≥ 0 µs after the tick's start: floor(offsetUs × 64 / 10 000)
 * as the engine always computed it, without the division. offsetUs × 64 is exact, and the quotient's
 * rounding cannot lift a value just under an integer k onto k (the spacing of doubles near 64 × offsetUs
 * is over 0.8 of that near k, times 10 000), so that floor is the true one: the largest slice s with
 * s × 156.25 ≤ offsetUs, both sides exact. A multiplication finds it to within one; the comparisons settle it.
 */
export function sliceOf(offsetUs: number): number {
  let slice = (offsetUs * SLICES_PER_US) | 0;
  if (slice * SLICE_US > offsetUs) slice -= 1;
  else if ((slice + 1) * SLICE_US <= offsetUs) slice += 1;
  return slice >= SLICES ? SLICES - 1 : slice;
}

export function growFloat(array: Float64Array<ArrayBuffer>, size: number): Float64Array<ArrayBuffer> {
  const next = new Float64Array(size);
  next.set(array);
  return next;
}
export function growInt(array: Int32Array<ArrayBuffer>, size: number): Int32Array<ArrayBuffer> {
  const next = new Int32Array(size);
  next.set(array);
  return next;
}
export function growByte(array: Uint8Array<ArrayBuffer>, size: number): Uint8Array<ArrayBuffer> {
  const next = new Uint8Array(size);
  next.set(array);
  return next;
}
export function growUint(array: Uint32Array<ArrayBuffer>, size: number): Uint32Array<ArrayBuffer> {
  const next = new Uint32Array(size);
  next.set(array);
  return next;
}
function growLaneEnds(array: Int32Array<ArrayBuffer>, size: number): Int32Array<ArrayBuffer> {
  const next = new Int32Array(size).fill(-1);
  next.set(array);
  return next;
}

export class PacketStore {
  // ---------------------------------------------------------------- packets (structure of arrays)
  packetCapacity = 4096;
  pId = new Int32Array(4096);
  /** The app instance that emitted it (its generator is instance × 3 + kind). */
  pInst = new Int32Array(4096);
  /** Its position on its path: the hop it is at or arriving at. */
  pHop = new Uint8Array(4096);
  pEmit = new Float64Array(4096);
  pStart = new Float64Array(4096);
  pDone = new Float64Array(4096);
  pArrive = new Float64Array(4096);
  /** The next packet in the same lane or the same arrival list (a packet is in one at a time); meaningless
   * for the last of one. */
  pNext = new Int32Array(4096);
  /** The lane of the hop a packet is at or arriving at (set when it is filed among a tick's arrivals:
   * paths change only between ticks). Its kind is lane % 3. */
  pLane = new Int32Array(4096);
  freeSlots = new Int32Array(4096);
  freeCount = 0;
  slotHighWater = 0;
  nextPacketId = 0;
  inFlight = 0;

  // ---------------------------------------------------------------- one tick's arrivals
  // At each depth, in time order: a list per (depth, time slice), linked through pNext in the order they
  // came, from arrivalFirst to arrivalLast (-1: empty; walks stop at arrivalLast); a bit per non-empty slice.
  readonly arrivalFirst = new Int32Array((DEPTHS + 1) * SLICES).fill(-1);
  readonly arrivalLast = new Int32Array((DEPTHS + 1) * SLICES).fill(-1);
  /** Slices 0–31 and 32–63 of each depth that hold arrivals. */
  readonly arrivalMaskLow = new Int32Array(DEPTHS + 1);
  readonly arrivalMaskHigh = new Int32Array(DEPTHS + 1);

  // ---------------------------------------------------------------- stations (hops) and their lanes
  stationCount = 0;
  /** Per lane (station × 3 + kind): a packet's time in service, µs of board time. */
  stService = new Float64Array(64 * 3);
  /** Per lane: the gap its servers leave between two packets. */
  stInterval = new Float64Array(64 * 3);
  /** When each lane's servers next take a packet: kinds queue separately (syscalls never wait behind disk
   * bundles; disk and network have their own devices and backends). */
  stNextFree = new Float64Array(64 * 3);
  /** Per station: the build node it belongs to (its index; 0 is the hardware), for block commands. */
  stOwner = new Int32Array(64);
  stDepth = new Int32Array(64);
  /** Each hop has one line per packet kind (a lane, index station × 3 + kind): kinds neither wait for
   * nor overtake each other, and within a lane packets leave in the order they came. A lane is a list of
   * packet slots linked through pNext, from laneFirst to laneLast (-1: empty; the last one's link is
   * not kept up, so walks stop at laneLast). */
  laneFirst = new Int32Array(64 * 3).fill(-1);
  laneLast = new Int32Array(64 * 3).fill(-1);
  /** The link from a lane to the next one filed in the same wheel bucket. */
  laneNext = new Int32Array(64 * 3);

  // ---------------------------------------------------------------- the timing wheel
  /** The timing wheel as intrusive lists: bucket (tick % WHEEL_TICKS) × depths + depth holds the lanes
   * whose head finishes in that tick, first filed first, from wheelHead through laneNext to wheelTail
   * (-1: empty; walks stop at wheelTail). A lane with packets is filed in exactly one bucket, by when its
   * head packet finishes; an empty lane in none. */
  readonly wheelHead = new Int32Array(WHEEL_TICKS * (DEPTHS + 1)).fill(-1);
  readonly wheelTail = new Int32Array(WHEEL_TICKS * (DEPTHS + 1)).fill(-1);

  // ---------------------------------------------------------------- paths
  /** Paths, by generator (instance × 3 + kind): the stations of each, top to bottom, are
   * pathStations[genPathStart .. genPathStart + genPathLength). */
  pathStations = new Int32Array(1024);
  pathEnd = 0;
  genPathStart = new Int32Array(192);
  genPathLength = new Int32Array(192);
  /** Where a generator's delivered packets are counted: the first of its app's and kind's latency bins in
   * Tally.latencyBins ((app × 3 + kind) × LATENCY_BINS), set when its instance is made. */
  genBins = new Int32Array(192);

  /** Doubles the packet arrays (up to MAX_PACKETS_IN_FLIGHT). */
  growPackets(): void {
    const size = Math.min(this.packetCapacity * 2, MAX_PACKETS_IN_FLIGHT);
    if (size <= this.packetCapacity) throw new Error(`More than ${MAX_PACKETS_IN_FLIGHT} packets in flight`);
    this.pId = growInt(this.pId, size);
    this.pInst = growInt(this.pInst, size);
    this.pHop = growByte(this.pHop, size);
    this.pEmit = growFloat(this.pEmit, size);
    this.pStart = growFloat(this.pStart, size);
    this.pDone = growFloat(this.pDone, size);
    this.pArrive = growFloat(this.pArrive, size);
    this.pNext = growInt(this.pNext, size);
    this.pLane = growInt(this.pLane, size);
    this.freeSlots = growInt(this.freeSlots, size);
    this.packetCapacity = size;
  }

  /** Makes sure `count` more packets fit without growing the arrays mid-loop. */
  reserveSlots(count: number): void {
    while (this.freeCount + this.packetCapacity - this.slotHighWater < count) this.growPackets();
  }

  releaseSlot(slot: number): void {
    this.freeSlots[this.freeCount] = slot;
    this.freeCount += 1;
    this.inFlight -= 1;
  }

  /** Files a packet among the arrivals of a depth in this tick, at the end of its time slice's list. */
  pushArrival(station: number, kind: number, slot: number, arriveUs: number, tickStartUs: number): void {
    const depth = this.stDepth[station];
    // Arrivals never come before the tick's start, nor (but for the clamp) after its end.
    const slice = sliceOf(arriveUs - tickStartUs);
    this.pLane[slot] = station * 3 + kind;
    this.pArrive[slot] = arriveUs;
    const list = depth * SLICES + slice;
    const last = this.arrivalLast[list];
    if (last < 0) {
      this.arrivalFirst[list] = slot;
      if (slice < 32) this.arrivalMaskLow[depth] |= 1 << slice;
      else this.arrivalMaskHigh[depth] |= 1 << (slice - 32);
    } else {
      this.pNext[last] = slot;
    }
    this.arrivalLast[list] = slot;
  }

  /** Adds a station at `depth` owned by build node `owner` (its index) and returns its index; its lanes'
   * service figures are set by the caller (paths.ts). */
  addStation(depth: number, owner: number): number {
    const index = this.stationCount;
    if (index >= this.stOwner.length) {
      const size = this.stOwner.length * 2;
      this.stService = growFloat(this.stService, size * 3);
      this.stInterval = growFloat(this.stInterval, size * 3);
      this.stNextFree = growFloat(this.stNextFree, size * 3);
      this.stOwner = growInt(this.stOwner, size);
      this.stDepth = growInt(this.stDepth, size);
      this.laneFirst = growLaneEnds(this.laneFirst, size * 3);
      this.laneLast = growLaneEnds(this.laneLast, size * 3);
      this.laneNext = growInt(this.laneNext, size * 3);
    }
    this.stationCount += 1;
    this.stOwner[index] = owner;
    this.stDepth[index] = depth;
    return index;
  }

  /** Makes room for the paths of `generators` generators. */
  growGenerators(generators: number): void {
    if (generators <= this.genPathStart.length) return;
    this.genPathStart = growInt(this.genPathStart, generators);
    this.genPathLength = growInt(this.genPathLength, generators);
    this.genBins = growInt(this.genBins, generators);
  }

  /** Sets a generator's path. One of the same length is rewritten in place, so that packets already on
   * the way follow the new hops; otherwise the path is stored anew. */
  setPath(generator: number, stations: number[]): void {
    let start = this.genPathStart[generator];
    if (this.genPathLength[generator] !== stations.length) {
      start = this.pathEnd;
      if (start + stations.length > this.pathStations.length) {
        this.pathStations = growInt(this.pathStations, Math.max(this.pathStations.length * 2, start + stations.length));
      }
      this.pathEnd = start + stations.length;
      this.genPathStart[generator] = start;
      this.genPathLength[generator] = stations.length;
    }
    for (let hop = 0; hop < stations.length; hop += 1) this.pathStations[start + hop] = stations[hop];
  }
}
