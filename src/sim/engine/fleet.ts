// The fleet: every app instance of the run (running, booting, warm spare, stopped), where each app is
// hosted now, the machine's memory and which images are on it. This is where an instance is made
// (createInstance(): its arrival streams and its paths, the one place both are set up), where a VM or
// container boots (bootInstance(): memory check, image pull, start time from bootModel.ts) and becomes
// ready (finishBoots()), and where an app is scaled up (warm spares first) or down.

import { TICK_US } from '../costs';
import type { SimListener } from '../events';
import { pullSecondsFor, startSecondsFor } from '../bootModel';
import { LATENCY_BINS } from '../LatencyHistogram';
import { hashString, mixSeed } from '../random';
import { instanceMemoryGiB, round2, type AppHosting, type BuildAnalysis } from '../topology';
import type { Build, Level } from '../types';
import { PACKET_KINDS } from '../types';
import type { Tally } from './metrics';
import { growByte, growFloat, growInt, growUint, type PacketStore } from './packetStore';
import type { Paths } from './paths';

/** Instance states. */
export const INSTANCE_BOOTING = 1;
export const INSTANCE_READY = 2;
export const INSTANCE_SPARE = 3;
export const INSTANCE_STOPPED = 4;

export type InstanceState = 'booting' | 'ready' | 'spare' | 'stopped';
const INSTANCE_STATE_NAMES: Record<number, InstanceState> = {
  [INSTANCE_BOOTING]: 'booting',
  [INSTANCE_READY]: 'ready',
  [INSTANCE_SPARE]: 'spare',
  [INSTANCE_STOPPED]: 'stopped',
};

export interface InstanceInfo {
  index: number;
  app: string;
  state: InstanceState;
  bootStartUs: number;
  readyAtUs: number;
}

export class Fleet {
  /** Where each app runs now (a move replaces its entry; a driver switch changes it in place). */
  readonly hostings: AppHosting[];

  // Instances, by index.
  instanceCount = 0;
  instApp = new Int32Array(64);
  instState = new Uint8Array(64);
  instBootStart = new Float64Array(64);
  instReady = new Float64Array(64);
  instMemory = new Float64Array(64);
  /** Instances booting now (the timeline looks for finished boots only while there are some). */
  bootingCount = 0;
  /** Instances made so far per app: an instance's stream is its app's n-th. */
  private readonly instancesCreated: number[] = [];

  // Generators (arrival streams), by instance × 3 + kind; generation.ts draws from them.
  /** e^(−mean arrivals per full tick): the chance that a tick brings none. */
  genExpNegMean = new Float64Array(192);
  /** The next tick in which a generator emits at least one packet; -1 until scheduled. */
  genNextTick = new Int32Array(192);
  genRatePerUs = new Float64Array(192);
  genState = new Uint32Array(192);
  /** Set when an instance changes state or paths, or an app is quarantined or released: generation.ts
   * rebuilds its lists of generators before the next emission. */
  generatorsStale = true;

  // Memory and images.
  memoryUsedGiB: number;
  peakMemoryGiB: number;
  /** When an app's image pull finishes (-1: none started). */
  private readonly pullDoneUs: Float64Array;
  readonly imageOnMachine: Uint8Array;
  /** Which images were on the machine when the run began (cached, or pre-pulled by provisioning). */
  private readonly imageAtStart: Uint8Array;

  private readonly level: Level;
  private readonly seed: number;
  private readonly listener: SimListener | undefined;
  private readonly store: PacketStore;
  private readonly paths: Paths;
  private readonly tally: Tally;

  constructor(
    level: Level,
    build: Build,
    analysis: BuildAnalysis,
    seed: number,
    listener: SimListener | undefined,
    store: PacketStore,
    paths: Paths,
    tally: Tally,
  ) {
    this.level = level;
    this.seed = seed;
    this.listener = listener;
    this.store = store;
    this.paths = paths;
    this.tally = tally;
    this.hostings = analysis.hostings.map((hosting) => ({ ...hosting }));
    const appCount = level.apps.length;
    this.pullDoneUs = new Float64Array(appCount).fill(-1);
    this.imageOnMachine = new Uint8Array(appCount);
    level.apps.forEach((app, index) => {
      const prePull = build.provisioning?.some((entry) => entry.app === app.id && entry.prePull) ?? false;
      if (app.image?.cached || prePull) this.imageOnMachine[index] = 1;
    });
    this.imageAtStart = this.imageOnMachine.slice();
    this.memoryUsedGiB = analysis.memoryGiB;
    this.peakMemoryGiB = analysis.memoryGiB;

    // Instances present at the start: running ones and warm spares, already booted.
    for (const hosting of this.hostings) {
      const memory = instanceMemoryGiB(hosting, hosting.app);
      for (let count = 0; count < hosting.app.instances; count += 1) {
        this.createInstance(hosting.appIndex, INSTANCE_READY, 0, 0, memory);
      }
      const spares = build.provisioning?.find((entry) => entry.app === hosting.app.id)?.warmSpares ?? 0;
      for (let count = 0; count < spares; count += 1) {
        this.createInstance(hosting.appIndex, INSTANCE_SPARE, 0, 0, memory);
      }
    }
  }

  /** Where an app runs now, if it runs anywhere. */
  hostingOf(appIndex: number): AppHosting | undefined {
    return this.hostings.find((entry) => entry.appIndex === appIndex);
  }

  /**
   * Makes one instance of an app: its record, its three arrival streams (one per packet kind) and its
   * paths. The one place an instance is set up; a boot (bootInstance()) and the run's first instances both
   * come here.
   */
  private createInstance(appIndex: number, state: number, bootStartUs: number, readyUs: number, memoryGiB: number): number {
    const index = this.instanceCount;
    if (index >= this.instApp.length) {
      const size = this.instApp.length * 2;
      this.instApp = growInt(this.instApp, size);
      this.instState = growByte(this.instState, size);
      this.instBootStart = growFloat(this.instBootStart, size);
      this.instReady = growFloat(this.instReady, size);
      this.instMemory = growFloat(this.instMemory, size);
      this.genExpNegMean = growFloat(this.genExpNegMean, size * 3);
      this.genNextTick = growInt(this.genNextTick, size * 3);
      this.genRatePerUs = growFloat(this.genRatePerUs, size * 3);
      this.genState = growUint(this.genState, size * 3);
      this.store.growGenerators(size * 3);
    }
    this.instanceCount += 1;
    this.instApp[index] = appIndex;
    for (let kind = 0; kind < 3; kind += 1) this.store.genBins[index * 3 + kind] = (appIndex * 3 + kind) * LATENCY_BINS;
    this.instState[index] = state;
    if (state === INSTANCE_BOOTING) this.bootingCount += 1;
    this.generatorsStale = true;
    this.instBootStart[index] = bootStartUs;
    this.instReady[index] = readyUs;
    this.instMemory[index] = memoryGiB;
    const app = this.level.apps[appIndex];
    const serial = this.instancesCreated[appIndex] ?? 0;
    this.instancesCreated[appIndex] = serial + 1;
    PACKET_KINDS.forEach((kind, kindIndex) => {
      const rate = app.io[kind] ?? 0;
      const generator = index * 3 + kindIndex;
      this.genRatePerUs[generator] = rate / 1e6;
      // One stream per (app, its n-th instance, kind): every architecture sees the same arrivals.
      this.genState[generator] = mixSeed(this.seed, hashString(app.id), serial, kindIndex);
      this.genExpNegMean[generator] = Math.exp(-(rate / 1e6) * TICK_US);
      this.genNextTick[generator] = -1;
    });
    const hosting = this.hostingOf(appIndex);
    if (hosting) this.buildPaths(index, hosting);
    return index;
  }

  /** Lays out (or, after a driver switch, lays out again) an instance's paths; see Paths.buildPaths(). */
  buildPaths(instance: number, hosting: AppHosting): void {
    this.paths.buildPaths(instance, hosting);
    this.generatorsStale = true;
  }

  private pullSeconds(appIndex: number): number {
    return pullSecondsFor(this.level, this.level.apps[appIndex]);
  }

  /** Starts booting one new instance of an app now, if memory allows: the image is pulled first unless it
   * is on the machine (one pull per app, shared by its boots), then the instance starts. */
  bootInstance(appIndex: number, nowUs: number): void {
    const hosting = this.hostingOf(appIndex);
    if (!hosting) return;
    const memory = instanceMemoryGiB(hosting, hosting.app);
    if (this.memoryUsedGiB + memory > this.level.hardware.memoryGiB + 1e-9) {
      this.tally.failedInstances += 1;
      this.listener?.({ type: 'instanceFailed', app: hosting.app.id, atUs: nowUs, reason: 'memory' });
      return;
    }
    this.memoryUsedGiB += memory;
    if (this.memoryUsedGiB > this.peakMemoryGiB) this.peakMemoryGiB = this.memoryUsedGiB;
    let pullSeconds = 0;
    let imageReadyUs = nowUs;
    if (!this.imageOnMachine[appIndex]) {
      if (this.pullDoneUs[appIndex] < 0) this.pullDoneUs[appIndex] = nowUs + this.pullSeconds(appIndex) * 1e6;
      imageReadyUs = this.pullDoneUs[appIndex];
      pullSeconds = (imageReadyUs - nowUs) / 1e6;
    }
    const readyUs = imageReadyUs + startSecondsFor(hosting) * 1e6;
    const instance = this.createInstance(appIndex, INSTANCE_BOOTING, nowUs, readyUs, memory);
    this.listener?.({ type: 'instanceBooting', app: hosting.app.id, instance, atUs: nowUs, readyAtUs: readyUs, pullSeconds });
  }

  /** Booting instances whose start finishes before `tickEndUs` become ready (and their image counts as
   * pulled). */
  finishBoots(tickEndUs: number): void {
    for (let instance = 0; this.bootingCount > 0 && instance < this.instanceCount; instance += 1) {
      if (this.instState[instance] === INSTANCE_BOOTING && this.instReady[instance] < tickEndUs) {
        this.instState[instance] = INSTANCE_READY;
        this.bootingCount -= 1;
        this.generatorsStale = true;
        const appIndex = this.instApp[instance];
        if (!this.imageOnMachine[appIndex] && this.pullDoneUs[appIndex] >= 0 && this.pullDoneUs[appIndex] < tickEndUs) {
          this.imageOnMachine[appIndex] = 1;
          this.listener?.({ type: 'imagePulled', app: this.level.apps[appIndex].id, atUs: this.pullDoneUs[appIndex] });
        }
        this.listener?.({ type: 'instanceReady', app: this.level.apps[appIndex].id, instance, atUs: this.instReady[instance] });
        this.tally.foldTrace(0x726479, instance);
      }
    }
  }

  stopInstance(instance: number, nowUs: number): void {
    if (this.instState[instance] === INSTANCE_STOPPED) return;
    if (this.instState[instance] === INSTANCE_BOOTING) this.bootingCount -= 1;
    this.instState[instance] = INSTANCE_STOPPED;
    this.generatorsStale = true;
    this.memoryUsedGiB -= this.instMemory[instance];
    this.listener?.({ type: 'instanceStopped', app: this.level.apps[this.instApp[instance]].id, instance, atUs: nowUs });
  }

  /** Instances of an app that run or are booting (warm spares excluded), newest last. */
  liveInstances(appIndex: number): number[] {
    const result: number[] = [];
    for (let index = 0; index < this.instanceCount; index += 1) {
      const state = this.instState[index];
      if (this.instApp[index] === appIndex && (state === INSTANCE_READY || state === INSTANCE_BOOTING)) result.push(index);
    }
    return result;
  }

  readyCount(appIndex: number): number {
    let count = 0;
    for (let index = 0; index < this.instanceCount; index += 1) {
      if (this.instApp[index] === appIndex && this.instState[index] === INSTANCE_READY) count += 1;
    }
    return count;
  }

  /** Brings an app to `target` live instances: warm spares first, then new boots; or stops the newest. */
  scaleTo(appIndex: number, target: number, nowUs: number): void {
    const live = this.liveInstances(appIndex);
    if (target > live.length) {
      let missing = target - live.length;
      for (let index = 0; index < this.instanceCount && missing > 0; index += 1) {
        if (this.instApp[index] === appIndex && this.instState[index] === INSTANCE_SPARE) {
          this.instState[index] = INSTANCE_READY;
          this.generatorsStale = true;
          this.instReady[index] = nowUs;
          for (let kind = 0; kind < 3; kind += 1) this.genNextTick[index * 3 + kind] = -1;
          this.listener?.({ type: 'instanceReady', app: this.level.apps[appIndex].id, instance: index, atUs: nowUs });
          missing -= 1;
        }
      }
      for (let count = 0; count < missing; count += 1) this.bootInstance(appIndex, nowUs);
    } else {
      for (let index = live.length - 1; index >= target; index -= 1) this.stopInstance(live[index], nowUs);
    }
  }

  /** Moves an app to a new hosting: its instances (warm spares too) stop, and as many as were live boot
   * at the new place. */
  moveApp(appIndex: number, hosting: AppHosting, nowUs: number): void {
    const live = this.liveInstances(appIndex);
    for (const instance of live) this.stopInstance(instance, nowUs);
    for (let index = 0; index < this.instanceCount; index += 1) {
      if (this.instApp[index] === appIndex && this.instState[index] === INSTANCE_SPARE) this.stopInstance(index, nowUs);
    }
    const position = this.hostings.findIndex((entry) => entry.appIndex === appIndex);
    this.hostings[position] = hosting;
    for (let count = 0; count < live.length; count += 1) this.bootInstance(appIndex, nowUs);
  }

  /** Seconds one new instance takes to run from the machine as it was at the start (image pull included
   * where the image was neither cached nor pre-pulled), averaged over apps. */
  bootSecondsPerInstance(): number {
    if (this.hostings.length === 0) return 0;
    let total = 0;
    for (const hosting of this.hostings) {
      total += startSecondsFor(hosting) + (this.imageAtStart[hosting.appIndex] ? 0 : this.pullSeconds(hosting.appIndex));
    }
    return round2(total / this.hostings.length);
  }

  infos(): InstanceInfo[] {
    const result: InstanceInfo[] = [];
    for (let index = 0; index < this.instanceCount; index += 1) {
      result.push({
        index,
        app: this.level.apps[this.instApp[index]].id,
        state: INSTANCE_STATE_NAMES[this.instState[index]],
        bootStartUs: this.instBootStart[index],
        readyAtUs: this.instReady[index],
      });
    }
    return result;
  }
}
