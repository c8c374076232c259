// Boot: loads only what the loading screen shows (the logo), then hands over to the Preloader.
import Phaser from 'phaser';
import logoUrl from '../../../assets/images/logo.svg?url';
import { AssetKeys } from '../assetKeys';
import type { AppContext } from '../AppContext';
import { SceneKeys } from '../sceneKeys';
import { paletteFor } from '../theme';

export class BootScene extends Phaser.Scene {
  constructor(private readonly ctx: AppContext) {
    super({ key: SceneKeys.Boot });
  }

  preload(): void {
    this.cameras.main.setBackgroundColor(paletteFor(this.ctx.settings.get().colorProfile).background);
    // Rasterized large enough for a 4K menu; drawn smaller everywhere else.
    this.load.svg(AssetKeys.Logo, logoUrl, { width: 384, height: 384 });
  }

  create(): void {
    this.scene.start(SceneKeys.Preloader);
  }
}
