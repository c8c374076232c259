// Packet movement and queues: every packet in flight moved as far as it gets in a tick, hop by hop, in time
// order at each depth. A packet arriving at a hop waits in its lane (one per hop and packet kind, first in
// first out) until the lane's servers are free; it is dropped if it would wait longer than the drop limit,
// or cut off where a block command stops its kind. A lane with packets sleeps on the timing wheel until its
// head finishes. A packet leaving its last hop is delivered: deliver() is the one place that records it,
// its latency counted under its app and kind (metrics.ts adds each app's own compute to make response times).
//
// Speed: movePackets() is the engine's hottest loop and is one function on purpose. It reads the store's
// arrays into locals once, keeps the trace hash and slot counters in locals (written back before anything
// that reads them: an event, a drop), and inlines the common cases of wake() and foldTrace(). The two
// places a packet can be delivered (straight through its last hop within the tick, or released from the
// last hop's lane) are duplicated on purpose; both call deliver(). V8 inlines at most about 920 bytes of
// callee bytecode into one function: movePackets() spends most of it on deliver() (twice), binOfUnits(),
// pushArrival(), sliceOf() and wake(); a bigger deliver() or pushArrival() pushes wake() out and costs a
// few per cent (check with node --trace-turbo-inlining on the bundled bench).

import { BUNDLE_REQUESTS, MAX_DEPTH, MAX_QUEUE_WAIT_US, TICK_US } from '../costs';
import type { PacketDeliveredEvent, PacketDroppedEvent, PacketHoppedEvent, SimListener } from '../events';
import type { AppSpec } from '../types';
import { PACKET_KINDS } from '../types';
import type { Controls } from './commands';
import type { Fleet } from './fleet';
import { binOfUnits, UNITS_PER_US } from '../LatencyHistogram';
import type { Tally } from './metrics';
import { ORDER_SLICES, WHEEL_TICKS, type PacketStore } from './packetStore';

// Module-local copies of the constants used in the hot loops: a transpiler may turn imported bindings into
// getter calls, which costs more than the arithmetic around them.
const BUNDLE = BUNDLE_REQUESTS;
const MAX_WAIT_US = MAX_QUEUE_WAIT_US;
const TICK_LENGTH_US = TICK_US;
const DEPTHS = MAX_DEPTH;
const SLICES = ORDER_SLICES;
const WHEEL = WHEEL_TICKS;
/** A bundle's µs per 1/64 µs of per-request latency (exact: 78.125), and the inverse (rounded). */
const BUNDLE_US_PER_UNIT = BUNDLE / UNITS_PER_US;
const UNITS_PER_BUNDLE_US = UNITS_PER_US / BUNDLE;

/**
 * The histogram bin of a packet that took `durationUs` (≥ 0) for its bundle: the bin of its per-request
 * latency durationUs / BUNDLE, without the division. The bin depends on floor(64 × that quotient), and the
 * quotient's rounding cannot lift a value just under a multiple of 1/64 onto it (as for sliceOf in
 * packetStore.ts), so that is the true floor: the largest k with k × 78.125 ≤ durationUs, both sides exact.
 * (Movement.deliver() inlines it and calls it only for the rare out-of-range case.)
 */
function latencyBin(durationUs: number): number {
  if (!(durationUs >= 0 && durationUs < 1e9)) return binOfLatency(durationUs / BUNDLE);
  let units = (durationUs * UNITS_PER_BUNDLE_US) | 0;
  if (units * BUNDLE_US_PER_UNIT > durationUs) units -= 1;
  else if ((units + 1) * BUNDLE_US_PER_UNIT <= durationUs) units += 1;
  return binOfUnits(units < 1 ? 1 : units);
}

/** LatencyHistogram's bin of a latency in µs (as its add() finds it). */
function binOfLatency(latencyUs: number): number {
  const scaled = latencyUs * UNITS_PER_US;
  return binOfUnits(scaled < 1 ? 1 : scaled >= 0x7fffffff ? 0x7fffffff : scaled | 0);
}

export class Movement {
  private readonly store: PacketStore;
  private readonly fleet: Fleet;
  private readonly tally: Tally;
  private readonly controls: Controls;
  private readonly apps: readonly AppSpec[];
  private readonly listener: SimListener | undefined;
  // The packet events, filled again for each packet (SimListener).
  private readonly hopped: PacketHoppedEvent = { type: 'packetHopped', packet: 0, station: 0, arriveUs: 0, startUs: 0, doneUs: 0 };
  private readonly delivered: PacketDeliveredEvent = { type: 'packetDelivered', packet: 0, app: '', kind: 'disk', atUs: 0, latencyUs: 0 };
  private readonly dropped: PacketDroppedEvent = { type: 'packetDropped', packet: 0, app: '', kind: 'disk', station: 0, reason: 'queue-full', atUs: 0 };

  constructor(store: PacketStore, fleet: Fleet, tally: Tally, controls: Controls, apps: readonly AppSpec[], listener: SimListener | undefined) {
    this.store = store;
    this.fleet = fleet;
    this.tally = tally;
    this.controls = controls;
    this.apps = apps;
    this.listener = listener;
  }

  /**
   * Moves every packet as far as it gets this tick, hop by hop, in time order at each depth. At each depth:
   * the tick's arrivals, each served by its lane (dropped, straight through within the tick, or into the
   * lane), then the lanes the wheel wakes, which pass on (or deliver) every packet that finishes.
   * Nothing here grows an array, so they are read into locals once.
   */
  movePackets(tick: number, tickStartUs: number, tickEndUs: number): void {
    const store = this.store;
    const tally = this.tally;
    const listener = this.listener;
    const pArrive = store.pArrive;
    const pInst = store.pInst;
    const pHop = store.pHop;
    const pStart = store.pStart;
    const pDone = store.pDone;
    const pNext = store.pNext;
    const pathStations = store.pathStations;
    const genPathStart = store.genPathStart;
    const genPathLength = store.genPathLength;
    const pLane = store.pLane;
    const freeSlots = store.freeSlots;
    let hops = 0;
    const stNextFree = store.stNextFree;
    const stInterval = store.stInterval;
    const stService = store.stService;
    const laneFirst = store.laneFirst;
    const laneLast = store.laneLast;
    const laneNext = store.laneNext;
    const wheelHead = store.wheelHead;
    const wheelTail = store.wheelTail;
    const arrivalFirst = store.arrivalFirst;
    const arrivalLast = store.arrivalLast;
    const arrivalMaskLow = store.arrivalMaskLow;
    const arrivalMaskHigh = store.arrivalMaskHigh;
    const blocking = this.controls.blocking;
    const pId = store.pId;
    // The trace hash and the slot counters in locals, written back before anything that reads them (an
    // event, a drop) and at the end.
    let traceHash = tally.traceHash;
    let freeCount = store.freeCount;
    let inFlight = store.inFlight;
    const wheelBase = (tick % WHEEL) * (DEPTHS + 1);
    // wake()'s usual case, inlined: a lane whose head finishes in the next tick is filed in its bucket.
    const nextTickEndUs = tickEndUs + TICK_LENGTH_US;
    const nextWheelBase = ((tick + 1) % WHEEL) * (DEPTHS + 1);
    for (let depth = 0; depth <= DEPTHS; depth += 1) {
      let low = arrivalMaskLow[depth];
      let high = arrivalMaskHigh[depth];
      if ((low | high) !== 0) {
        // Arrivals at this depth come only from above: none join the lists while they are walked.
        arrivalMaskLow[depth] = 0;
        arrivalMaskHigh[depth] = 0;
        while ((low | high) !== 0) {
          // The earliest non-empty slice, then its packets in the order they came.
          let slice: number;
          if (low !== 0) {
            const bit = low & -low;
            slice = 31 - Math.clz32(bit);
            low ^= bit;
          } else {
            const bit = high & -high;
            slice = 63 - Math.clz32(bit);
            high ^= bit;
          }
          const list = depth * SLICES + slice;
          let slot = arrivalFirst[list];
          const lastInList = arrivalLast[list];
          arrivalFirst[list] = -1;
          arrivalLast[list] = -1;
          while (slot >= 0) {
            const nextSlot = slot === lastInList ? -1 : pNext[slot];
            const arrive = pArrive[slot];
            const lane = pLane[slot];
            const kind = lane % 3;
            if (blocking) {
              const station = (lane / 3) | 0;
              const blockedNode = this.controls.blockAt[this.fleet.instApp[pInst[slot]] * 3 + kind];
              if (blockedNode >= 0 && store.stOwner[station] === blockedNode) {
                tally.blockedByKind[kind] += 1;
                tally.traceHash = traceHash;
                store.freeCount = freeCount;
                store.inFlight = inFlight;
                this.dropPacket(slot, station, 'blocked', arrive);
                traceHash = tally.traceHash;
                freeCount = store.freeCount;
                inFlight = store.inFlight;
                slot = nextSlot;
                continue;
              }
            }
            // The lane's servers take it when they are free; too long a wait and it is dropped.
            const free = stNextFree[lane];
            const start = arrive > free ? arrive : free;
            if (start - arrive > MAX_WAIT_US) {
              tally.droppedByKind[kind] += 1;
              tally.traceHash = traceHash;
              store.freeCount = freeCount;
              store.inFlight = inFlight;
              this.dropPacket(slot, (lane / 3) | 0, 'queue-full', arrive);
              traceHash = tally.traceHash;
              freeCount = store.freeCount;
              inFlight = store.inFlight;
              slot = nextSlot;
              continue;
            }
            stNextFree[lane] = start + stInterval[lane];
            hops += 1;
            const done = start + stService[lane];
            pStart[slot] = start;
            pDone[slot] = done;
            if (listener) {
              tally.hopCount += hops;
              hops = 0;
              tally.traceHash = traceHash;
              store.freeCount = freeCount;
              store.inFlight = inFlight;
              this.hopEvent(listener, pId[slot], (lane / 3) | 0, arrive, start, done);
            }
            if (done <= tickEndUs) {
              // Through this hop within the tick: straight on (or delivered), without waiting in the lane.
              // Lanes are first in, first out with one service time, so nothing ahead of it is still inside.
              const generator = pInst[slot] * 3 + kind;
              const hop = pHop[slot];
              if (hop + 1 >= genPathLength[generator]) {
                // Delivered. foldTrace(), inlined.
                traceHash = Math.imul(Math.imul(traceHash ^ pId[slot], 0x01000193) ^ (done | 0), 0x01000193) >>> 0;
                if (listener) {
                  tally.traceHash = traceHash;
                  store.freeCount = freeCount;
                  store.inFlight = inFlight;
                }
                const bundleUs = this.deliver(slot, generator, done);
                if (listener) this.deliveredEvent(slot, kind, done, bundleUs);
                freeSlots[freeCount] = slot;
                freeCount += 1;
                inFlight -= 1;
              } else {
                pHop[slot] = hop + 1;
                store.pushArrival(pathStations[genPathStart[generator] + hop + 1], kind, slot, done, tickStartUs);
              }
            } else {
              // Into the lane, at its end.
              const last = laneLast[lane];
              if (last < 0) {
                laneFirst[lane] = slot;
                if (done <= nextTickEndUs) {
                  // (done > tickEndUs here.)
                  const nextBucket = nextWheelBase + depth;
                  const tail = wheelTail[nextBucket];
                  if (tail < 0) wheelHead[nextBucket] = lane;
                  else laneNext[tail] = lane;
                  wheelTail[nextBucket] = lane;
                } else {
                  this.wake(tick, lane, done, depth);
                }
              } else {
                pNext[last] = slot;
              }
              laneLast[lane] = slot;
            }
            slot = nextSlot;
          }
        }
      }
      const bucket = wheelBase + depth;
      let lane = wheelHead[bucket];
      if (lane >= 0) {
        const lastLane = wheelTail[bucket];
        wheelHead[bucket] = -1;
        wheelTail[bucket] = -1;
        while (lane >= 0) {
          // Read the link first: releasing files the lane again, in a later bucket.
          const nextLane = lane === lastLane ? -1 : laneNext[lane];
          let slot = laneFirst[lane];
          const lastInLane = laneLast[lane];
          // A filed lane has packets; when its head finishes (the wheel files it by that).
          const headDone = slot >= 0 ? pDone[slot] : Number.POSITIVE_INFINITY;
          if (headDone <= tickEndUs) {
            // Pass on (or deliver) every packet of the lane whose service ends within the tick.
            const kind = lane % 3;
            while (slot >= 0) {
              const done = pDone[slot];
              if (done > tickEndUs) break;
              // Read the link first: passing the packet on files it among the arrivals.
              const nextSlot = slot === lastInLane ? -1 : pNext[slot];
              const generator = pInst[slot] * 3 + kind;
              const hop = pHop[slot] + 1;
              if (hop >= genPathLength[generator]) {
                // Delivered. foldTrace(), inlined.
                traceHash = Math.imul(Math.imul(traceHash ^ pId[slot], 0x01000193) ^ (done | 0), 0x01000193) >>> 0;
                if (listener) {
                  tally.traceHash = traceHash;
                  store.freeCount = freeCount;
                  store.inFlight = inFlight;
                }
                const bundleUs = this.deliver(slot, generator, done);
                if (listener) this.deliveredEvent(slot, kind, done, bundleUs);
                freeSlots[freeCount] = slot;
                freeCount += 1;
                inFlight -= 1;
              } else {
                pHop[slot] = hop;
                // Never earlier than this tick (a driver switch can shorten a lane's service mid-line).
                store.pushArrival(pathStations[genPathStart[generator] + hop], kind, slot, done < tickStartUs ? tickStartUs : done, tickStartUs);
              }
              slot = nextSlot;
            }
            laneFirst[lane] = slot;
            if (slot < 0) laneLast[lane] = -1;
            else {
              const next = pDone[slot];
              if (next <= nextTickEndUs) {
                // (next > tickEndUs here: the walk stopped at it.)
                const nextBucket = nextWheelBase + depth;
                const tail = wheelTail[nextBucket];
                if (tail < 0) wheelHead[nextBucket] = lane;
                else laneNext[tail] = lane;
                wheelTail[nextBucket] = lane;
              } else {
                this.wake(tick, lane, next, depth);
              }
            }
          } else if (headDone < Number.POSITIVE_INFINITY) {
            // Filed early because it lay beyond the wheel: filed again.
            this.wake(tick, lane, headDone, depth);
          }
          lane = nextLane;
        }
      }
    }
    tally.hopCount += hops;
    tally.traceHash = traceHash;
    store.freeCount = freeCount;
    store.inFlight = inFlight;
  }

  /**
   * A packet left the last hop of its path at `doneUs`: the one place a delivery is recorded and its
   * latency worked out. Returns its bundle's time from emission to delivery, µs; its latency per request,
   * that ÷ BUNDLE_REQUESTS, goes into its app's and kind's histogram here (its generator, instance × 3 +
   * kind, names them) and into the packetDelivered event (deliveredEvent(), given this return value). The caller has folded the delivery into the trace and
   * frees the slot. It is inlined twice into movePackets(): keep it small (see the top of this file).
   */
  private deliver(slot: number, generator: number, doneUs: number): number {
    const store = this.store;
    const bundleUs = doneUs - store.pEmit[slot];
    // Its histogram bin: latencyBin(), inlined.
    let bin: number;
    if (bundleUs >= 0 && bundleUs < 1e9) {
      let units = (bundleUs * UNITS_PER_BUNDLE_US) | 0;
      if (units * BUNDLE_US_PER_UNIT > bundleUs) units -= 1;
      else if ((units + 1) * BUNDLE_US_PER_UNIT <= bundleUs) units += 1;
      bin = binOfUnits(units < 1 ? 1 : units);
    } else {
      bin = latencyBin(bundleUs);
    }
    // Under its app and kind (a kind's delivered count is the sum of its bins: metrics.ts counts it there,
    // which keeps this small).
    this.tally.latencyBins[store.genBins[generator] + bin] += 1;
    return bundleUs;
  }

  /** The packetHopped event, filled again for each hop (out of movePackets: its locals are its speed). */
  private hopEvent(listener: SimListener, packet: number, station: number, arriveUs: number, startUs: number, doneUs: number): void {
    const event = this.hopped;
    event.packet = packet;
    event.station = station;
    event.arriveUs = arriveUs;
    event.startUs = startUs;
    event.doneUs = doneUs;
    listener(event);
  }

  /** The packetDelivered event of a delivery (its latency per request: the bundle's ÷ its requests). */
  private deliveredEvent(slot: number, kind: number, doneUs: number, bundleUs: number): void {
    const store = this.store;
    if (!this.listener) return;
    const event = this.delivered;
    event.packet = store.pId[slot];
    event.app = this.apps[this.fleet.instApp[store.pInst[slot]]].id;
    event.kind = PACKET_KINDS[kind];
    event.atUs = doneUs;
    event.latencyUs = bundleUs / BUNDLE;
    this.listener(event);
  }

  /** Files a lane under the tick in which a packet finishing at `doneUs` is passed on (never earlier than
   * the current tick). */
  private wake(tick: number, lane: number, doneUs: number, depth: number): void {
    const tickEndUs = (tick + 1) * TICK_LENGTH_US;
    let dueTick: number;
    if (doneUs > tickEndUs && doneUs <= tickEndUs + TICK_LENGTH_US) {
      // Most often: the next tick. (The rounded quotient below never falls onto an integer from above,
      // so the ceiling is the true one and gives the same.)
      dueTick = tick + 1;
    } else {
      dueTick = Math.ceil(doneUs / TICK_LENGTH_US) - 1;
      if (dueTick < tick) dueTick = tick;
      // Beyond the wheel (not reachable with today's costs): file at its far edge and file again there.
      if (dueTick > tick + WHEEL - 1) dueTick = tick + WHEEL - 1;
    }
    const store = this.store;
    const bucket = (dueTick % WHEEL) * (DEPTHS + 1) + depth;
    const tail = store.wheelTail[bucket];
    if (tail < 0) store.wheelHead[bucket] = lane;
    else store.laneNext[tail] = lane;
    store.wheelTail[bucket] = lane;
  }

  /** A packet leaves the run without being delivered: blocked at a hop, or dropped from a full queue. */
  private dropPacket(slot: number, station: number, reason: 'blocked' | 'queue-full', atUs: number): void {
    const store = this.store;
    this.tally.foldTrace(store.pId[slot] ^ 0x5a5a5a5a, atUs | 0);
    if (this.listener) {
      const event = this.dropped;
      event.packet = store.pId[slot];
      event.app = this.apps[this.fleet.instApp[store.pInst[slot]]].id;
      event.kind = PACKET_KINDS[store.pLane[slot] % 3];
      event.station = station;
      event.reason = reason;
      event.atUs = atUs;
      this.listener(event);
    }
    store.releaseSlot(slot);
  }
}
