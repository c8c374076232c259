// Boot: sets the background the loading screen shows, then hands over to the Preloader, which loads and
// draws its own progress.
import Phaser from 'phaser';
import type { AppContext } from '../AppContext';
import { SceneKeys } from '../sceneKeys';
import { paletteFor } from '../theme';

export class BootScene extends Phaser.Scene {
  constructor(private readonly ctx: AppContext) {
    super({ key: SceneKeys.Boot });
  }

  preload(): void {
    this.cameras.main.setBackgroundColor(paletteFor(this.ctx.settings.get().colorProfile).background);
  }

  create(): void {
    this.scene.start(SceneKeys.Preloader);
  }
}
