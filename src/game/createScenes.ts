// The game's scenes in render order (later ones draw on top). To replace a placeholder, e.g. the Play
// scene, construct the new class here instead; its key must stay the same (see sceneKeys.ts).
import type Phaser from 'phaser';
import type { AppContext } from './AppContext';
import { BootScene } from './scenes/BootScene';
import { GlossaryScene } from './scenes/GlossaryScene';
import { LevelSelectScene } from './scenes/LevelSelectScene';
import { MenuScene } from './scenes/MenuScene';
import { DebriefScene } from './scenes/DebriefScene';
import { PlayScene } from './scenes/PlayScene';
import { PreloaderScene } from './scenes/PreloaderScene';
import { SandboxScene } from './scenes/SandboxScene';
import { SettingsScene } from './scenes/SettingsScene';

export function createScenes(ctx: AppContext): Phaser.Scene[] {
  return [
    new BootScene(ctx),
    new PreloaderScene(ctx),
    new MenuScene(ctx),
    new LevelSelectScene(ctx),
    new PlayScene(ctx),
    new DebriefScene(ctx),
    new SandboxScene(ctx),
    // Overlays last, so they draw above every screen; the glossary can open above the settings.
    new SettingsScene(ctx),
    new GlossaryScene(ctx),
  ];
}
