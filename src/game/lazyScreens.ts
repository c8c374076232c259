// The screens that need the engine (play, debrief, sandbox) live in a chunk of their own, loaded after
// the menu is interactive, so the first download is Phaser plus the shell. `ensureScreen(key)` resolves
// once a screen can be started; starting one before its chunk has arrived just waits for it.
import type Phaser from 'phaser';
import type { AppContext } from './AppContext';
import { SceneKeys, type SceneKey } from './sceneKeys';

const LAZY_KEYS: ReadonlySet<SceneKey> = new Set([SceneKeys.Play, SceneKeys.Debrief, SceneKeys.Sandbox, SceneKeys.Classroom, SceneKeys.Predict, SceneKeys.ResultCode, SceneKeys.Race]);

let loading: Promise<void> | null = null;
let target: { game: Phaser.Game; ctx: AppContext } | null = null;

/** Called once by createGame: where the lazy screens are added when their chunk arrives. */
export function registerLazyScreens(game: Phaser.Game, ctx: AppContext): void {
  target = { game, ctx };
  loading = null;
}

function loadAll(): Promise<void> {
  if (!loading) {
    loading = import('./engineScreens').then((module) => {
      if (!target) return;
      for (const scene of module.createEngineScreens(target.ctx)) {
        const key = scene.sys.settings.key;
        // Added below the overlays, so settings and the glossary still draw on top.
        if (!target.game.scene.getScene(key)) target.game.scene.add(key, scene, false);
      }
      for (const overlay of [SceneKeys.Settings, SceneKeys.Glossary, SceneKeys.Keys]) {
        if (target.game.scene.getScene(overlay)) target.game.scene.bringToTop(overlay);
      }
    });
    loading.catch(() => {
      loading = null;
    });
  }
  return loading;
}

export function isLazyScreen(key: string): boolean {
  return LAZY_KEYS.has(key as SceneKey);
}

/** Resolves when `key` can be started (at once for screens in the first chunk). */
export function ensureScreen(key: string): Promise<void> {
  return isLazyScreen(key) ? loadAll() : Promise.resolve();
}

/** Starts fetching the engine screens in the background (called once the menu is interactive). */
export function prefetchScreens(): void {
  void loadAll().catch(() => undefined);
}
