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

export function createScenes(ctx: AppContext): Phaser.Scene[] {
  return [
    new BootScene(ctx),
    new PreloaderScene(ctx),
    new MenuScene(ctx),
    new LevelSelectScene(ctx),
    // play, debrief and sandbox arrive in a chunk of their own after the menu (lazyScreens.ts).
    // Overlays last, so they draw above every screen; the glossary can open above the settings.
    new SettingsScene(ctx),
    new GlossaryScene(ctx),
    new KeysScene(ctx),
  ];
}
