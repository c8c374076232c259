// The screens that need the engine (play, debrief, sandbox) live in a chunk of their own, loaded after
// the menu is interactive, so the first download is Phaser plus the shell. `ensureScreen(key)` resolves
// once a screen can be started; starting one before its chunk has arrived just waits for it.
import type Phaser from 'phaser';
import type { AppContext } from './AppContext';
import { SceneKeys, type SceneKey } from './sceneKeys';

const LAZY_KEYS: ReadonlySet<SceneKey> = new Set([SceneKeys.Play, SceneKeys.Debrief, SceneKeys.Sandbox, SceneKeys.Classroom, SceneKeys.Predict, SceneKeys.ResultCode, SceneKeys.Race]);

let loading: Promise<void> | null = null;
let target: { game: Phaser.Game; ctx: AppContext } | null = null;
/** The first chunk's scenes not added at boot (createScenes.ts), until addLaterScreens adds them. */
let later: Phaser.Scene[] = [];

/**
 * Called once by createGame: where the lazy screens are added when their chunk arrives, and the first
 * chunk's scenes that were left out of the boot (`laterScenes`).
 */
export function registerLazyScreens(game: Phaser.Game, ctx: AppContext, laterScenes: Phaser.Scene[] = []): void {
  target = { game, ctx };
  loading = null;
  later = laterScenes;
}

/**
 * Adds the first chunk's scenes left out of the boot, in their order (above any engine screen already
 * added, so the overlays still draw on top). Called when the first screen has been up for a moment, and
 * before any screen or overlay starts (ensureScreen, ScreenScene.openOverlay, BootScene). Added during a
 * step of the game, Phaser adds them at the start of its next one, before the scene starts queued since.
 */
export function addLaterScreens(): void {
  if (!target || later.length === 0) return;
  const manager = target.game.scene;
  const scenes = later;
  later = [];
  for (const scene of scenes) {
    const key = scene.sys.settings.key;
    if (!manager.getScene(key)) manager.add(key, scene, false);
  }
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
  addLaterScreens();
  return isLazyScreen(key) ? loadAll() : Promise.resolve();
}

/**
 * Adds the first chunk's other scenes and starts fetching the engine screens, in the background (called
 * once the first screen is interactive and the page is quiet).
 */
export function prefetchScreens(): void {
  addLaterScreens();
  void loadAll().catch(() => undefined);
}
