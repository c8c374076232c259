// `window.kernelCourier` (contracts.md §4): a small automation API for same-origin host pages and
// tests. It only reads state and starts levels; the Play scene reports results through setLastResult.
import type { RunResult } from './gameEvents';

export interface KernelCourierApi {
  readonly version: string;
  /** Resolves when the first interactive screen is shown. */
  readonly ready: Promise<void>;
  /** The current screen's key: `menu`, `levels`, `play`, `debrief`, `sandbox`, `settings`, `glossary`… */
  scene(): string;
  /** The built-in level ids, in campaign order. */
  levels(): string[];
  /** Opens a level (locked or not); resolves once its screen is shown, rejects for an unknown id. */
  startLevel(id: string): Promise<void>;
  /** The last finished run's result in the CLI's JSON shape, or null. */
  lastResult(): RunResult | null;
  /** Optional addition: the renderer in use, `canvas` or `webgl` (what `renderer=auto` chose). */
  renderer(): string;
  /**
   * Optional addition, a testing aid: runs a build of a level (a build file, an architecture's canonical
   * build, or by default the level's reference) and shows its Debrief as if it had just been played.
   * Resolves once the Debrief is shown; rejects for an unknown level id or an invalid build.
   */
  openDebrief(id: string, options?: OpenDebriefOptions): Promise<void>;
  /** Optional addition: the focusable widgets of the screen on show, with their rectangles in CSS pixels
   * of the game's canvas and their accessible names (for tests and host pages that drive the game). */
  widgets(): Array<{ id: string; label: string; enabled: boolean; pictured: boolean; x: number; y: number; width: number; height: number }>;
  /** Optional addition: live display objects in running scenes and packets in flight on a board (benchmarks);
   * frames drawn and frames left undrawn because the screen on show was still (src/game/frameGate.ts). */
  stats(): { displayObjects: number; packetsInFlight: number; canvases: number; framesDrawn?: number; framesSkipped?: number; screensDrawn?: number; packetsDrawn?: number; idleJobs?: number; building?: boolean; scenes?: number };
  /** Optional addition, a testing aid: the texts the screen on show draws, each with the box of its
   * letters in CSS pixels of the canvas, its drawing order, and `overflows` when it no longer fits the
   * box it was fitted into (tests/e2e/textOverlap.test.ts fails on overlaps). */
  texts(): Array<{ scene: string; text: string; x: number; y: number; width: number; height: number; order: number; overflows?: { maxWidth: number; maxHeight: number }; behindPackets?: boolean; covering?: boolean }>;
  /** Optional addition: the race view's state while it is shown (its lanes, their labels' font size, live
   * numbers, and at the end each lane's score, stars and place, and the ranking read to screen readers), else null. */
  race(): RaceSnapshot | null;
  /** Optional addition, a testing aid: the screen on show throws an Error with `message` from its next
   * update (`where` 'update', the default) or from its handler of the next key (`where` 'key'), as a bug
   * would, so the error screen opens (tests/e2e/faults.test.ts). It writes nothing and reads nothing; a page
   * that can call it could break the game anyway. Returns whether a screen was on show. */
  throwInScene(message?: string, where?: 'update' | 'key'): boolean;
  /** Optional addition, a testing aid: validates `level` as a level file (`kernel-courier/level@1`, its
   * bounds and work budget) and opens it on the Sandbox's board, running at once (each app in its own
   * para-virtual VM on a Type-1 hypervisor; Skip allowed). A refused file shows the validation notice
   * (path, figure and limit, localized) and rejects with the errors. Resolves once the board is shown. */
  playLevelFile(level: unknown): Promise<void>;
  /** Optional addition, a testing aid: the run on show (play, sandbox or race view): stops measured on
   * screen per hop, hypercall / VM-exit marks drawn, packets drawn, wall flashes and the packet panel
   * (docs/embed-api.md), else null. */
  runViz(): unknown;
}

export interface RaceSnapshot {
  level: string;
  seed: number;
  state: 'ready' | 'running' | 'paused' | 'ended';
  lanes: Array<{ id: string; label: string; labelFontPx: number; labelHeight: number; delivered: number; dropped: number; total: number | null; stars: number | null; place: number | null }>;
  ranking: string | null;
}

export interface OpenDebriefOptions {
  /** An architecture's canonical build (`native`, `container`, `type2`, `type1-full`, `type1-para`) or `reference`. */
  arch?: string;
  /** A build file (`kernel-courier/build@1`); wins over `arch`. */
  build?: unknown;
  /** The attempt to pretend (2 or more opens the comparison). Default 1. */
  attempt?: number;
  /** The run's seed (default: the level's). */
  seed?: number;
}

export interface AutomationDeps {
  version: string;
  levelIds: () => readonly string[];
  currentScreen: () => string | undefined;
  /** Shows the level's screen; resolves when it is shown. */
  openLevel: (id: string) => Promise<void>;
  /** The renderer the game was created with. */
  renderer?: () => string;
  widgets?: () => ReturnType<KernelCourierApi['widgets']>;
  stats?: () => ReturnType<KernelCourierApi['stats']>;
  texts?: () => ReturnType<KernelCourierApi['texts']>;
  /** Runs a build and shows its Debrief; resolves when it is shown (see openDebrief). */
  openDebrief?: (id: string, options: OpenDebriefOptions) => Promise<void>;
  race?: () => RaceSnapshot | null;
  throwInScene?: (message: string, where: 'update' | 'key') => boolean;
  playLevelFile?: (level: unknown) => Promise<void>;
  runViz?: () => unknown;
}

export interface Automation {
  api: KernelCourierApi;
  /** The first interactive screen is shown (the performance mark is set now); `ready` resolves once
   * `settled` has (the page's loading screen is gone), or at once without it. */
  markReady(settled?: Promise<unknown>): void;
  setLastResult(result: RunResult | null): void;
}

export function createAutomationApi(deps: AutomationDeps): Automation {
  let resolveReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => {
    resolveReady = resolve;
  });
  let isReady = false;
  let last: RunResult | null = null;

  const api: KernelCourierApi = Object.freeze({
    version: deps.version,
    ready,
    scene: () => deps.currentScreen() ?? 'boot',
    levels: () => [...deps.levelIds()],
    startLevel: async (id: string) => {
      const known = deps.levelIds();
      if (typeof id !== 'string' || !known.includes(id)) {
        throw new Error(`Unknown level id ${JSON.stringify(id)}. Known level ids: ${known.join(', ')}.`);
      }
      await ready;
      await deps.openLevel(id);
    },
    // A copy, so a host page cannot change what the game keeps.
    lastResult: () => (last === null ? null : structuredClone(last)),
    renderer: () => deps.renderer?.() ?? 'unknown',
    widgets: () => structuredClone(deps.widgets?.() ?? []),
    stats: () => deps.stats?.() ?? { displayObjects: 0, packetsInFlight: 0, canvases: 0 },
    race: () => {
      const snapshot = deps.race?.() ?? null;
      return snapshot === null ? null : structuredClone(snapshot);
    },
    texts: () => structuredClone(deps.texts?.() ?? []),
    throwInScene: (message?: string, where?: 'update' | 'key') =>
      deps.throwInScene?.(typeof message === 'string' ? message.slice(0, 200) : 'kernelCourier.throwInScene', where === 'key' ? 'key' : 'update') ?? false,
    playLevelFile: async (level: unknown) => {
      if (!deps.playLevelFile) throw new Error('playLevelFile is not available in this page.');
      await ready;
      await deps.playLevelFile(level);
    },
    runViz: () => structuredClone(deps.runViz?.() ?? null),
    openDebrief: async (id: string, options: OpenDebriefOptions = {}) => {
      const known = deps.levelIds();
      if (typeof id !== 'string' || !known.includes(id)) {
        throw new Error(`Unknown level id ${JSON.stringify(id)}. Known level ids: ${known.join(', ')}.`);
      }
      if (!deps.openDebrief) throw new Error('openDebrief is not available in this page.');
      await ready;
      await deps.openDebrief(id, typeof options === 'object' && options !== null ? { ...options } : {});
    },
  });

  return {
    api,
    markReady: (settled) => {
      if (isReady) return;
      isReady = true;
      // A performance mark, so benchmarks can read when the game became interactive.
      globalThis.performance?.mark?.('kernel-courier-ready');
      if (settled) void settled.then(resolveReady, resolveReady);
      else resolveReady();
    },
    setLastResult: (result) => {
      last = result === null ? null : structuredClone(result);
    },
  };
}

export function installAutomationApi(win: Window, api: KernelCourierApi): void {
  Object.defineProperty(win, 'kernelCourier', { value: api, configurable: true, enumerable: false, writable: false });
}

declare global {
  interface Window {
    kernelCourier?: KernelCourierApi;
  }
}
