// Preloader: a real progress bar driven by the loader's `progress` event while what the first screen
// needs loads (the logo and any images), then opens the first screen: the menu, or what the URL asked for.
// Sounds are not loaded here: the audio adapter gets their URLs and Howler fetches them after the first
// gesture (when sound may start at all), so the menu is interactive after the smallest download.
import Phaser from 'phaser';
import { SOUND_URLS } from '../../audio/soundAssets';
import logoUrl from '../../../assets/images/logo.svg?url';
import { AssetKeys } from '../assetKeys';
import type { AppContext } from '../AppContext';
import { centeredRect, computeLayout, fontPx } from '../layout';
import { ensureScreen } from '../lazyScreens';
import { SceneKeys } from '../sceneKeys';
import { fontFamily, paletteFor, TEXT_METRICS_SAMPLE } from '../theme';
import { destroyChildren, drawBackground, drawPanel } from '../ui/drawing';

export class PreloaderScene extends Phaser.Scene {
  private progress = 0;
  private onResize = () => this.draw();

  constructor(private readonly ctx: AppContext) {
    super({ key: SceneKeys.Preloader });
  }

  preload(): void {
    this.draw();
    this.scale.on(Phaser.Scale.Events.RESIZE, this.onResize);
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => this.scale.off(Phaser.Scale.Events.RESIZE, this.onResize));
    this.load.on(Phaser.Loader.Events.PROGRESS, (value: number) => {
      this.progress = value;
      this.draw();
    });
    // A missing image only means it is not drawn; the loader goes on with the rest.
    this.load.on(Phaser.Loader.Events.FILE_LOAD_ERROR, (file: Phaser.Loader.File) => console.warn(`Could not load ${file.key}`));
    // Rasterized large enough for a 4K menu; drawn smaller everywhere else.
    if (!this.textures.exists(AssetKeys.Logo)) this.load.svg(AssetKeys.Logo, logoUrl, { width: 384, height: 384 });
  }

  create(): void {
    if (this.ctx.audio.enabled) this.ctx.audio.setSources(SOUND_URLS);
    const route = this.ctx.initialRoute;
    void ensureScreen(route.key).then(() => this.scene.start(route.key, route.data));
  }

  private draw(): void {
    destroyChildren(this);
    const layout = computeLayout(this.scale.width, this.scale.height);
    const settings = this.ctx.settings.get();
    const palette = paletteFor(settings.colorProfile);
    this.cameras.main.setSize(layout.width, layout.height);
    drawBackground(this, layout, palette);
    const logoSize = Math.round(Math.min(140 * layout.scale, layout.height * 0.25));
    const centerX = layout.width / 2;
    const logoY = layout.height * 0.36;
    if (this.textures.exists(AssetKeys.Logo)) this.add.image(centerX, logoY, AssetKeys.Logo).setDisplaySize(logoSize, logoSize);
    const style = {
      fontFamily: fontFamily(settings.language),
      color: palette.heading,
      testString: TEXT_METRICS_SAMPLE,
    };
    this.add.text(centerX, logoY + logoSize * 0.7, this.ctx.i18n.t('app.title'), { ...style, fontSize: `${fontPx(layout, 'display')}px`, fontStyle: 'bold' }).setOrigin(0.5, 0);
    const bar = centeredRect({ x: 0, y: layout.height * 0.72, width: layout.width, height: layout.buttonHeight * 0.5 }, Math.min(520 * layout.scale, layout.width * 0.8), layout.buttonHeight * 0.5);
    const g = this.add.graphics();
    drawPanel(g, bar, { radius: bar.height / 2, fill: palette.track, border: palette.panelBorder, borderWidth: Math.max(2, palette.panelBorderWidth) });
    const inner = Math.max(0, (bar.width - 8) * this.progress);
    if (inner > 0) {
      g.fillStyle(palette.trackFill, 1);
      g.fillRoundedRect(bar.x + 4, bar.y + 4, Math.max(inner, bar.height - 8), bar.height - 8, (bar.height - 8) / 2);
    }
    const percent = Math.round(this.progress * 100);
    this.add
      .text(centerX, bar.y + bar.height + layout.gap, this.ctx.i18n.t('app.loadingPercent', { percent }), { ...style, color: palette.text, fontSize: `${fontPx(layout, 'body')}px` })
      .setOrigin(0.5, 0);
  }
}
