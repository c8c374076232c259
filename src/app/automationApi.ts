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
}

export interface AutomationDeps {
  version: string;
  levelIds: () => readonly string[];
  currentScreen: () => string | undefined;
  /** Shows the level's screen; resolves when it is shown. */
  openLevel: (id: string) => Promise<void>;
  /** The renderer the game was created with. */
  renderer?: () => string;
}

export interface Automation {
  api: KernelCourierApi;
  markReady(): void;
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
  });

  return {
    api,
    markReady: () => {
      if (isReady) return;
      isReady = true;
      // A performance mark, so benchmarks can read when the game became interactive.
      globalThis.performance?.mark?.('kernel-courier-ready');
      resolveReady();
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
