// Preloader: the loading screen, for a first screen that needs a download: a link straight to a level or
// the sandbox needs the engine screens' chunk. It shows the logo and a bar until that chunk is in — a
// moving stripe, since a script's download reports no progress (files queued on Phaser's loader, should a
// screen ever need some, fill the bar by the loader's `progress` event) — then opens the screen. The menu needs no download (its logo is drawn in code), so Boot
// opens it directly.
import Phaser from 'phaser';
import type { AppContext } from '../AppContext';
import { centeredRect, computeLayout, fontPx, type Rect } from '../layout';
import { ensureScreen } from '../lazyScreens';
import { SceneKeys } from '../sceneKeys';
import { fontFamily, paletteFor } from '../theme';
import { showBackdrop } from '../ui/backdrop';
import { destroyChildren, drawLogo, drawPanel } from '../ui/drawing';
import { fontStyleFor } from '../ui/text';

export class PreloaderScene extends Phaser.Scene {
  /** 0–1 from the loader, or null while waiting for something that reports no progress. */
  private progress: number | null = 0;
  private onResize = () => {
    if (this.bar) this.draw();
  };
  /** The bar and its words, redrawn on each step (the rest is drawn once per window size). */
  private bar: { graphics: Phaser.GameObjects.Graphics; rect: Rect; percent: Phaser.GameObjects.Text } | null = null;

  constructor(private readonly ctx: AppContext) {
    super({ key: SceneKeys.Preloader });
  }

  init(): void {
    this.progress = 0;
    this.bar = null;
  }

  preload(): void {
    this.scale.on(Phaser.Scale.Events.RESIZE, this.onResize);
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => this.scale.off(Phaser.Scale.Events.RESIZE, this.onResize));
    this.load.on(Phaser.Loader.Events.PROGRESS, (value: number) => this.setProgress(value));
    // A missing file only means it is not shown; the loader goes on with the rest.
    this.load.on(Phaser.Loader.Events.FILE_LOAD_ERROR, (file: Phaser.Loader.File) => console.warn(`Could not load ${file.key}`));
  }

  create(): void {
    const route = this.ctx.initialRoute;
    this.setProgress(null);
    void ensureScreen(route.key).then(
      () => {
        if (this.bar) this.setProgress(1);
        this.scene.start(route.key, route.data);
      },
      // The chunk did not arrive (offline, a new version deployed): the menu works without it.
      () => {
        this.ctx.notify({ key: 'notice.screensUnavailable' });
        this.scene.start(SceneKeys.Menu);
      },
    );
  }

  override update(time: number): void {
    // With reduced motion the stripe stays still.
    if (this.progress === null && this.bar && !this.ctx.settings.get().reducedMotion) this.drawBar(time);
  }

  private setProgress(value: number | null): void {
    this.progress = value;
    if (!this.bar) {
      this.draw();
      this.ctx.announce(this.ctx.i18n.t('app.loading'));
    }
    else this.drawBar();
  }

  private draw(): void {
    destroyChildren(this);
    const layout = computeLayout(this.scale.width, this.scale.height);
    const settings = this.ctx.settings.get();
    const palette = paletteFor(settings.colorProfile);
    this.cameras.main.setSize(layout.width, layout.height);
    showBackdrop(this.game.canvas, layout, palette);
    const logoSize = Math.round(Math.min(140 * layout.scale, layout.height * 0.25));
    const centerX = layout.width / 2;
    const logoY = layout.height * 0.36;
    drawLogo(this.add.graphics(), centerX - logoSize / 2, logoY - logoSize / 2, logoSize);
    const family = fontFamily(settings.language);
    const textStyle = (px: number, bold: boolean, color: string) => ({ ...fontStyleFor(family, px, bold), color });
    this.add.text(centerX, logoY + logoSize * 0.7, this.ctx.i18n.t('app.title'), textStyle(fontPx(layout, 'display'), true, palette.heading)).setOrigin(0.5, 0);
    const rect = centeredRect({ x: 0, y: layout.height * 0.72, width: layout.width, height: layout.buttonHeight * 0.5 }, Math.min(520 * layout.scale, layout.width * 0.8), layout.buttonHeight * 0.5);
    const graphics = this.add.graphics();
    const percent = this.add.text(centerX, rect.y + rect.height + layout.gap, '', textStyle(fontPx(layout, 'body'), false, palette.text)).setOrigin(0.5, 0);
    this.bar = { graphics, rect, percent };
    this.drawBar();
  }

  private drawBar(timeMs = 0): void {
    if (!this.bar) return;
    const { graphics: g, rect: bar, percent } = this.bar;
    const palette = paletteFor(this.ctx.settings.get().colorProfile);
    g.clear();
    drawPanel(g, bar, { radius: bar.height / 2, fill: palette.track, border: palette.panelBorder, borderWidth: Math.max(2, palette.panelBorderWidth) });
    const track = bar.width - 8;
    const knob = bar.height - 8;
    g.fillStyle(palette.trackFill, 1);
    if (this.progress === null) {
      // A stripe a quarter of the bar long, sliding across every 1.6 s.
      const length = Math.max(knob, track / 4);
      const phase = (timeMs % 1600) / 1600;
      g.fillRoundedRect(bar.x + 4 + (track - length) * phase, bar.y + 4, length, knob, knob / 2);
      if (percent.text !== this.ctx.i18n.t('app.loading')) percent.setText(this.ctx.i18n.t('app.loading'));
      return;
    }
    const inner = Math.max(0, track * this.progress);
    if (inner > 0) g.fillRoundedRect(bar.x + 4, bar.y + 4, Math.max(inner, knob), knob, knob / 2);
    percent.setText(this.ctx.i18n.t('app.loadingPercent', { percent: Math.round(this.progress * 100) }));
  }
}
