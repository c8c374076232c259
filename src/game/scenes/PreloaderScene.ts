// Preloader: shows the logo and a real progress bar driven by the loader's `progress` event while the
// sounds load (skipped when the URL disables audio), hands the sounds to the audio adapter as in-memory
// URLs, then opens the first screen: the menu, or what the URL asked for.
import Phaser from 'phaser';
import { SOUND_URLS } from '../../audio/soundAssets';
import { SOUND_KEYS, type SoundKey } from '../../audio/soundSettings';
import { AssetKeys, soundAssetKey } from '../assetKeys';
import type { AppContext } from '../AppContext';
import { centeredRect, computeLayout, fontPx } from '../layout';
import { SceneKeys } from '../sceneKeys';
import { fontFamily, paletteFor, TEXT_METRICS_SAMPLE } from '../theme';
import { drawBackground, drawPanel } from '../ui/drawing';

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
    // A missing sound only means that sound stays silent; the loader goes on with the rest.
    this.load.on(Phaser.Loader.Events.FILE_LOAD_ERROR, (file: Phaser.Loader.File) => console.warn(`Could not load ${file.key}`));
    if (this.ctx.audio.enabled) {
      for (const key of SOUND_KEYS) this.load.binary(soundAssetKey(key), SOUND_URLS[key]);
    }
  }

  create(): void {
    if (this.ctx.audio.enabled) {
      const sources: Partial<Record<SoundKey, string>> = {};
      for (const key of SOUND_KEYS) {
        const data = this.cache.binary.get(soundAssetKey(key)) as ArrayBuffer | undefined;
        if (data) sources[key] = URL.createObjectURL(new Blob([data], { type: 'audio/wav' }));
      }
      this.ctx.audio.setSources(sources);
    }
    const route = this.ctx.initialRoute;
    this.scene.start(route.key, route.data);
  }

  private draw(): void {
    this.children.removeAll(true);
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
