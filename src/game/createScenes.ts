// The game's first-chunk scenes in render order (later ones draw on top). The screens that need the
// engine (play, debrief, sandbox) are in engineScreens.ts, loaded after the menu (lazyScreens.ts).
import type Phaser from 'phaser';
import type { AppContext } from './AppContext';
import { BootScene } from './scenes/BootScene';
import { GlossaryScene } from './scenes/GlossaryScene';
import { KeysScene } from './scenes/KeysScene';
import { LevelSelectScene } from './scenes/LevelSelectScene';
import { MenuScene } from './scenes/MenuScene';
import { PreloaderScene } from './scenes/PreloaderScene';
import { SettingsScene } from './scenes/SettingsScene';

/**
 * The first chunk's scenes, in render order (later ones draw on top). Phaser sets up a scene's systems (its
 * cameras, input, tweens, loader…) when the scene is added, about 5 ms each under 4x CPU throttling (issue
 * 16's boot profile): only `first` is added at boot; `later` is added once the first screen is up, or at
 * once when one of them is asked for before that (lazyScreens.ts: addLaterScreens).
 */
export function createScenes(ctx: AppContext): { first: Phaser.Scene[]; later: Phaser.Scene[] } {
  return {
    first: [new BootScene(ctx), new MenuScene(ctx)],
    later: [
      new PreloaderScene(ctx),
      new LevelSelectScene(ctx),
      // play, debrief and sandbox arrive in a chunk of their own after the menu (lazyScreens.ts).
      // Overlays last, so they draw above every screen; the glossary can open above the settings.
      new SettingsScene(ctx),
      new GlossaryScene(ctx),
      new KeysScene(ctx),
    ],
  };
}
