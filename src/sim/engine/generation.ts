// Packet generation: each ready instance's three arrival streams (disk, net, syscall; Poisson, seeded per
// app, instance and kind in fleet.ts) turned into new packets each tick, filed among the tick's arrivals at
// their first hop in the packet store. A Poisson process seen tick by tick is a run of empty ticks
// (geometric) and then a tick with at least one arrival (a truncated Poisson count), each at an
// independent uniform time in the tick; the per-depth sort puts them in order. Busy generators (most
// ticks bring packets) draw every tick, inlined in emitPackets(); idle ones cost nothing until their tick.
//
// Speed: emitPackets(), emitCount() and emitBusyTick() are the engine's hot paths. They read the store's
// arrays into locals once and keep the random stream's state in a local; the busy tick is inlined in the
// emission loop on purpose (the same draws as runGenerator() → emitBusyTick() → emitCount(), which serve
// the rarer cases). Keep the copies in step: packet ids, times and the trace depend on the exact draws.

import { TICK_US } from '../costs';
import type { PacketEmittedEvent, SimListener } from '../events';
import type { AppSpec } from '../types';
import { PACKET_KINDS } from '../types';
import type { Controls } from './commands';
import { INSTANCE_READY, type Fleet } from './fleet';
import type { Tally } from './metrics';
import { ORDER_SLICES, sliceOf, type PacketStore } from './packetStore';

// Module-local copies of the constants used in the hot loops: a transpiler may turn imported bindings into
// getter calls, which costs more than the arithmetic around them.
const TICK_LENGTH_US = TICK_US;
const SLICES = ORDER_SLICES;
/** A generator whose chance of an empty tick is below this draws every tick; above, it skips empty runs. */
const BUSY_GENERATOR = 0.7;

export class Generation {
  private readonly store: PacketStore;
  private readonly fleet: Fleet;
  private readonly tally: Tally;
  private readonly controls: Controls;
  private readonly apps: readonly AppSpec[];
  private readonly listener: SimListener | undefined;
  // The packetEmitted event, filled again for each packet (SimListener).
  private readonly emitted: PacketEmittedEvent = { type: 'packetEmitted', packet: 0, app: '', instance: 0, kind: 'disk', atUs: 0 };

  /** The generators of ready instances, in index order: busy ones (every tick, see BUSY_GENERATOR) and
   * idle ones (when their tick comes). Rebuilt when fleet.generatorsStale says so. */
  private busyGenerators = new Int32Array(192);
  private busyGeneratorCount = 0;
  /** Per busy generator (same index): what its tick needs, read once when the lists are built (an
   * instance's state, ready time and paths change only when the lists are rebuilt). */
  private busyInstance = new Int32Array(192);
  private busyApp = new Int32Array(192);
  /** From when its tick takes the inlined path: its instance's ready time if a full tick's mean is under
   * 30 (Knuth's product of uniforms) and its app is not quarantined, else never (+∞). */
  private busyFastFromUs = new Float64Array(192);
  private busyExpNegMean = new Float64Array(192);
  /** floor(e^-mean × 2^32): a first 32-bit draw x brings an empty tick exactly when x / 2^32 ≤ e^-mean,
   * that is when x ≤ this (x / 2^32 and e^-mean × 2^32 are exact). */
  private busyEmptyAtMost = new Uint32Array(192);
  /** The lane and depth of its packets' first hop. */
  private busyFirstLane = new Int32Array(192);
  private busyDepth = new Int32Array(192);
  private idleGenerators = new Int32Array(192);
  private idleGeneratorCount = 0;
  /** No idle generator of a ready instance is due before this tick. */
  private idleDueTick = 0;
  /** The idle generators due in this tick, in index order. */
  private dueGenerators = new Int32Array(192);

  constructor(store: PacketStore, fleet: Fleet, tally: Tally, controls: Controls, apps: readonly AppSpec[], listener: SimListener | undefined) {
    this.store = store;
    this.fleet = fleet;
    this.tally = tally;
    this.controls = controls;
    this.apps = apps;
    this.listener = listener;
  }

  /** The packetEmitted event, filled again for each packet (out of the generating loops: their locals are
   * their speed). */
  private emitEvent(listener: SimListener, packet: number, app: string, instance: number, kind: number, atUs: number): void {
    const event = this.emitted;
    event.packet = packet;
    event.app = app;
    event.instance = instance;
    event.kind = PACKET_KINDS[kind];
    event.atUs = atUs;
    listener(event);
  }

  /** One uniform number in [0, 1) from a generator's stream (mulberry32, inlined; see random.ts). */
  private uniform(generator: number): number {
    const genState = this.fleet.genState;
    const state = (genState[generator] + 0x6d2b79f5) >>> 0;
    genState[generator] = state;
    let mixed = Math.imul(state ^ (state >>> 15), state | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  }

  /** A Poisson count with the given mean (Knuth's product of uniforms; sum of exponential gaps if large). */
  private poissonCount(generator: number, mean: number, expNegMean: number): number {
    if (mean <= 0) return 0;
    if (mean < 30) {
      let product = this.uniform(generator);
      let count = 0;
      while (product > expNegMean) {
        count += 1;
        product *= this.uniform(generator);
      }
      return count;
    }
    let count = 0;
    let elapsed = -Math.log(1 - this.uniform(generator)) / mean;
    while (elapsed < 1) {
      count += 1;
      elapsed += -Math.log(1 - this.uniform(generator)) / mean;
    }
    return count;
  }

  /** A Poisson count given that it is at least one (inverse of the truncated distribution). */
  private poissonAtLeastOne(generator: number, mean: number, expNegMean: number): number {
    if (mean >= 30) {
      let count = 0;
      while (count === 0) count = this.poissonCount(generator, mean, expNegMean);
      return count;
    }
    const target = expNegMean + this.uniform(generator) * (1 - expNegMean);
    let probability = expNegMean;
    let cumulative = expNegMean;
    let count = 0;
    const cap = mean + 10 * Math.sqrt(mean) + 20;
    while (cumulative < target && count < cap) {
      count += 1;
      probability *= mean / count;
      cumulative += probability;
    }
    return Math.max(1, count);
  }

  /** How many whole ticks pass with no arrival before the next tick that has one (geometric). */
  private emptyTicks(generator: number, meanPerTick: number): number {
    if (meanPerTick <= 0) return 0x3fffffff;
    const skip = Math.floor(Math.log(1 - this.uniform(generator)) / -meanPerTick);
    return skip > 0x3fffffff ? 0x3fffffff : skip;
  }

  /** New packets from every ready instance in this tick. An idle generator costs nothing until its tick
   * comes. */
  emitPackets(tick: number, tickStartUs: number, tickEndUs: number): void {
    const store = this.store;
    const fleet = this.fleet;
    if (fleet.generatorsStale) this.listGenerators();
    // The generators run in index order (packet ids and the order of arrivals depend on it): the busy
    // ones, merged with the idle ones due in this tick (usually none).
    let dueCount = 0;
    let nextDue = 0x7fffffff;
    if (tick >= this.idleDueTick) {
      const idle = this.idleGenerators;
      const due = this.dueGenerators;
      const genNextTick = fleet.genNextTick;
      for (let index = 0; index < this.idleGeneratorCount; index += 1) {
        const generator = idle[index];
        const next = genNextTick[generator];
        if (next > tick) {
          if (next < nextDue) nextDue = next;
        } else {
          due[dueCount] = generator;
          dueCount += 1;
        }
      }
      // (Those due now schedule their next tick, after this one, as they run: see the end.)
      this.idleDueTick = nextDue;
    }
    const busy = this.busyGenerators;
    const busyCount = this.busyGeneratorCount;
    const due = this.dueGenerators;
    const busyInstance = this.busyInstance;
    const busyApp = this.busyApp;
    const busyFastFromUs = this.busyFastFromUs;
    const busyExpNegMean = this.busyExpNegMean;
    const busyEmptyAtMost = this.busyEmptyAtMost;
    const busyFirstLane = this.busyFirstLane;
    const busyDepth = this.busyDepth;
    const genState = fleet.genState;
    const emittedByKind = this.tally.emittedByKind;
    const listener = this.listener;
    const arrivalFirst = store.arrivalFirst;
    const arrivalLast = store.arrivalLast;
    const arrivalMaskLow = store.arrivalMaskLow;
    const arrivalMaskHigh = store.arrivalMaskHigh;
    // The packet arrays, read again whenever they grow.
    let pId = store.pId;
    let pInst = store.pInst;
    let pHop = store.pHop;
    let pEmit = store.pEmit;
    let pArrive = store.pArrive;
    let pNext = store.pNext;
    let pLane = store.pLane;
    let freeSlots = store.freeSlots;
    let dueIndex = 0;
    for (let index = 0; index < busyCount; index += 1) {
      const generator = busy[index];
      while (dueIndex < dueCount && due[dueIndex] < generator) {
        this.runGenerator(due[dueIndex], tick, tickStartUs, tickEndUs);
        dueIndex += 1;
      }
      // (A busy generator's next tick is always this one: runGenerator() checks and sets it, which this
      // path can skip.)
      if (!(busyFastFromUs[index] <= tickStartUs)) {
        this.runGenerator(generator, tick, tickStartUs, tickEndUs);
        continue;
      }
      // runGenerator()'s busy path for a whole tick, inlined with the stream's state in a local: a Poisson
      // count by Knuth's product of uniforms (poissonCount() and uniform()), then emitCount() for that many.
      let state = (genState[generator] + 0x6d2b79f5) >>> 0;
      let mixed = Math.imul(state ^ (state >>> 15), state | 1);
      mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
      const first = (mixed ^ (mixed >>> 14)) >>> 0;
      // An empty tick (most often): the first uniform, first / 2^32, is at most e^-mean, told in integers.
      if (first <= busyEmptyAtMost[index]) {
        genState[generator] = state;
        continue;
      }
      const expNegMean = busyExpNegMean[index];
      let product = first / 4294967296;
      let count = 0;
      while (product > expNegMean) {
        count += 1;
        state = (state + 0x6d2b79f5) >>> 0;
        mixed = Math.imul(state ^ (state >>> 15), state | 1);
        mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
        product *= ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
      }
      // (count ≥ 1: the first uniform was above e^-mean.)
      const instance = busyInstance[index];
      const kind = generator - instance * 3;
      emittedByKind[kind] += count;
      const depth = busyDepth[index];
      const firstLane = busyFirstLane[index];
      // (runGenerator() may have grown them too.)
      if (pId !== store.pId || store.freeCount + store.packetCapacity - store.slotHighWater < count) {
        store.reserveSlots(count);
        pId = store.pId;
        pInst = store.pInst;
        pHop = store.pHop;
        pEmit = store.pEmit;
        pArrive = store.pArrive;
        pNext = store.pNext;
        pLane = store.pLane;
        freeSlots = store.freeSlots;
      }
      const listBase = depth * SLICES;
      let maskLow = arrivalMaskLow[depth];
      let maskHigh = arrivalMaskHigh[depth];
      // The slot and id counters in locals, written back after the loop (and before any event).
      const inFlightBefore = store.inFlight;
      let freeCount = store.freeCount;
      let slotHighWater = store.slotHighWater;
      let nextPacketId = store.nextPacketId;
      for (let packet = 0; packet < count; packet += 1) {
        state = (state + 0x6d2b79f5) >>> 0;
        mixed = Math.imul(state ^ (state >>> 15), state | 1);
        mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
        const atUs = tickStartUs + (((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296) * TICK_LENGTH_US;
        let slot: number;
        if (freeCount > 0) {
          freeCount -= 1;
          slot = freeSlots[freeCount];
        } else {
          slot = slotHighWater;
          slotHighWater += 1;
        }
        const id = nextPacketId;
        nextPacketId += 1;
        pId[slot] = id;
        pInst[slot] = instance;
        pHop[slot] = 0;
        pEmit[slot] = atUs;
        const slice = sliceOf(atUs - tickStartUs);
        pLane[slot] = firstLane;
        pArrive[slot] = atUs;
        const list = listBase + slice;
        const last = arrivalLast[list];
        if (last < 0) {
          arrivalFirst[list] = slot;
          if (slice < 32) maskLow |= 1 << slice;
          else maskHigh |= 1 << (slice - 32);
        } else {
          pNext[last] = slot;
        }
        arrivalLast[list] = slot;
        if (listener) {
          store.freeCount = freeCount;
          store.slotHighWater = slotHighWater;
          store.nextPacketId = nextPacketId;
          store.inFlight = inFlightBefore + packet + 1;
          this.emitEvent(listener, id, this.apps[busyApp[index]].id, instance, kind, atUs);
        }
      }
      store.freeCount = freeCount;
      store.slotHighWater = slotHighWater;
      store.nextPacketId = nextPacketId;
      store.inFlight = inFlightBefore + count;
      arrivalMaskLow[depth] = maskLow;
      arrivalMaskHigh[depth] = maskHigh;
      genState[generator] = state;
    }
    for (; dueIndex < dueCount; dueIndex += 1) this.runGenerator(due[dueIndex], tick, tickStartUs, tickEndUs);
    if (dueCount > 0) {
      // The earliest tick an idle generator is due: of those not due now, and of those that just ran.
      const genNextTick = fleet.genNextTick;
      for (let index = 0; index < dueCount; index += 1) {
        const next = genNextTick[due[index]];
        if (next < nextDue) nextDue = next;
      }
      this.idleDueTick = nextDue;
    }
  }

  /** Sorts the generators of ready instances into busy and idle ones, in index order. */
  private listGenerators(): void {
    const fleet = this.fleet;
    const store = this.store;
    fleet.generatorsStale = false;
    const size = fleet.genNextTick.length;
    if (this.busyGenerators.length < size) {
      this.busyGenerators = new Int32Array(size);
      this.busyInstance = new Int32Array(size);
      this.busyApp = new Int32Array(size);
      this.busyFastFromUs = new Float64Array(size);
      this.busyExpNegMean = new Float64Array(size);
      this.busyEmptyAtMost = new Uint32Array(size);
      this.busyFirstLane = new Int32Array(size);
      this.busyDepth = new Int32Array(size);
      this.idleGenerators = new Int32Array(size);
      this.dueGenerators = new Int32Array(size);
    }
    let busyCount = 0;
    let idleCount = 0;
    for (let instance = 0; instance < fleet.instanceCount; instance += 1) {
      if (fleet.instState[instance] !== INSTANCE_READY) continue;
      for (let kind = 0; kind < 3; kind += 1) {
        const generator = instance * 3 + kind;
        if (fleet.genRatePerUs[generator] > 0 && fleet.genExpNegMean[generator] < BUSY_GENERATOR) {
          this.busyGenerators[busyCount] = generator;
          this.busyInstance[busyCount] = instance;
          this.busyApp[busyCount] = fleet.instApp[instance];
          const inlined = fleet.genRatePerUs[generator] * TICK_LENGTH_US < 30 && this.controls.quarantined[fleet.instApp[instance]] !== 1;
          this.busyFastFromUs[busyCount] = inlined ? fleet.instReady[instance] : Number.POSITIVE_INFINITY;
          this.busyExpNegMean[busyCount] = fleet.genExpNegMean[generator];
          this.busyEmptyAtMost[busyCount] = Math.floor(fleet.genExpNegMean[generator] * 4294967296);
          const firstStation = store.pathStations[store.genPathStart[generator]];
          this.busyFirstLane[busyCount] = firstStation * 3 + kind;
          this.busyDepth[busyCount] = store.stDepth[firstStation];
          busyCount += 1;
        } else {
          this.idleGenerators[idleCount] = generator;
          idleCount += 1;
        }
      }
    }
    this.busyGeneratorCount = busyCount;
    this.idleGeneratorCount = idleCount;
    this.idleDueTick = 0;
  }

  /** One generator's tick (of a ready instance). */
  private runGenerator(generator: number, tick: number, tickStartUs: number, tickEndUs: number): void {
    const fleet = this.fleet;
    let next = fleet.genNextTick[generator];
    if (next > tick) return;
    const instance = (generator / 3) | 0;
    const kind = generator - instance * 3;
    const ratePerUs = fleet.genRatePerUs[generator];
    if (ratePerUs <= 0) {
      fleet.genNextTick[generator] = 0x3fffffff;
      return;
    }
    const meanPerTick = ratePerUs * TICK_LENGTH_US;
    const expNegMean = fleet.genExpNegMean[generator];
    if (expNegMean < BUSY_GENERATOR) {
      // Busy: most ticks bring packets, so draw every tick's count directly (no logarithm).
      const readyUs = fleet.instReady[instance];
      if (readyUs > tickStartUs) {
        const mean = ratePerUs * (tickEndUs - readyUs);
        this.emitCount(instance, kind, this.poissonCount(generator, mean, Math.exp(-mean)), readyUs, tickEndUs - readyUs, tickStartUs);
      } else if (meanPerTick < 30) {
        this.emitBusyTick(generator, instance, kind, expNegMean, tickStartUs);
      } else {
        this.emitCount(instance, kind, this.poissonCount(generator, meanPerTick, expNegMean), tickStartUs, TICK_LENGTH_US, tickStartUs);
      }
      fleet.genNextTick[generator] = tick + 1;
      return;
    }
    if (next < 0) {
      // Just started: a partial first tick if it became ready inside this one.
      const readyUs = fleet.instReady[instance];
      if (readyUs > tickStartUs) {
        const windowUs = tickEndUs - readyUs;
        const mean = ratePerUs * windowUs;
        this.emitCount(instance, kind, this.poissonCount(generator, mean, Math.exp(-mean)), readyUs, windowUs, tickStartUs);
        fleet.genNextTick[generator] = tick + 1 + this.emptyTicks(generator, meanPerTick);
        return;
      }
      next = tick + this.emptyTicks(generator, meanPerTick);
      fleet.genNextTick[generator] = next;
      if (next > tick) return;
    }
    this.emitCount(instance, kind, this.poissonAtLeastOne(generator, meanPerTick, expNegMean), tickStartUs, TICK_LENGTH_US, tickStartUs);
    fleet.genNextTick[generator] = tick + 1 + this.emptyTicks(generator, meanPerTick);
  }

  /** Emits `count` packets of one instance and kind at uniform times in [fromUs, fromUs + windowUs). */
  private emitCount(instance: number, kind: number, count: number, fromUs: number, windowUs: number, tickStartUs: number): void {
    if (count === 0) return;
    const store = this.store;
    const generator = instance * 3 + kind;
    const appIndex = this.fleet.instApp[instance];
    this.tally.emittedByKind[kind] += count;
    if (this.controls.quarantined[appIndex] === 1) {
      // A quarantined app stops serving: its requests are counted as cut off.
      this.tally.blockedByKind[kind] += count;
      return;
    }
    const listener = this.listener;
    const firstStation = store.pathStations[store.genPathStart[generator]];
    const depth = store.stDepth[firstStation];
    const firstLane = firstStation * 3 + kind;
    store.reserveSlots(count);
    const pLane = store.pLane;
    const pId = store.pId;
    const pInst = store.pInst;
    const pHop = store.pHop;
    const pEmit = store.pEmit;
    const pArrive = store.pArrive;
    const pNext = store.pNext;
    const freeSlots = store.freeSlots;
    const arrivalFirst = store.arrivalFirst;
    const arrivalLast = store.arrivalLast;
    const listBase = depth * SLICES;
    let maskLow = store.arrivalMaskLow[depth];
    let maskHigh = store.arrivalMaskHigh[depth];
    // The stream's state stays in a local while the times are drawn (uniform(), inlined).
    const genState = this.fleet.genState;
    let state = genState[generator];
    for (let packet = 0; packet < count; packet += 1) {
      state = (state + 0x6d2b79f5) >>> 0;
      let mixed = Math.imul(state ^ (state >>> 15), state | 1);
      mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
      const atUs = fromUs + (((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296) * windowUs;
      // A free slot, else a new one (room was reserved).
      let slot: number;
      if (store.freeCount > 0) {
        store.freeCount -= 1;
        slot = freeSlots[store.freeCount];
      } else {
        slot = store.slotHighWater;
        store.slotHighWater += 1;
      }
      const id = store.nextPacketId;
      store.nextPacketId += 1;
      store.inFlight += 1;
      pId[slot] = id;
      pInst[slot] = instance;
      pHop[slot] = 0;
      pEmit[slot] = atUs;
      // pushArrival(), inlined.
      const slice = sliceOf(atUs - tickStartUs);
      pLane[slot] = firstLane;
      pArrive[slot] = atUs;
      const list = listBase + slice;
      const last = arrivalLast[list];
      if (last < 0) {
        arrivalFirst[list] = slot;
        if (slice < 32) maskLow |= 1 << slice;
        else maskHigh |= 1 << (slice - 32);
      } else {
        pNext[last] = slot;
      }
      arrivalLast[list] = slot;
      if (listener) {
        this.emitEvent(listener, id, this.apps[appIndex].id, instance, kind, atUs);
      }
    }
    store.arrivalMaskLow[depth] = maskLow;
    store.arrivalMaskHigh[depth] = maskHigh;
    genState[generator] = state;
  }

  /** A busy generator's whole tick: a Poisson count by Knuth's product of uniforms (poissonCount() with
   * uniform() inlined, mean under 30), then that many packets. */
  private emitBusyTick(generator: number, instance: number, kind: number, expNegMean: number, tickStartUs: number): void {
    const genState = this.fleet.genState;
    let state = (genState[generator] + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), state | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    let product = ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
    let count = 0;
    while (product > expNegMean) {
      count += 1;
      state = (state + 0x6d2b79f5) >>> 0;
      mixed = Math.imul(state ^ (state >>> 15), state | 1);
      mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
      product *= ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
    }
    genState[generator] = state;
    if (count > 0) this.emitCount(instance, kind, count, tickStartUs, TICK_LENGTH_US, tickStartUs);
  }
}
