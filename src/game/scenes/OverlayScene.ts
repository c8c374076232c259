// The base of overlays (settings, glossary): a dimmed layer over the paused screen and a panel on top.
// Escape or the close button returns to the screen underneath, exactly as it was.
import type { AppContext } from '../AppContext';
import { centeredRect, fontPx, type Rect } from '../layout';
import { SceneKeys, type SceneKey } from '../sceneKeys';
import { Button } from '../ui/Button';
import { drawDim, drawPanel, panelStyle } from '../ui/drawing';
import { addText, fitText } from '../ui/text';
import type { UiKit } from '../ui/UiKit';
import { ScreenScene } from './ScreenScene';

export abstract class OverlayScene extends ScreenScene {
  protected constructor(ctx: AppContext, key: SceneKey) {
    super(ctx, key);
  }

  protected get returnTo(): SceneKey | undefined {
    return this.sceneData.returnTo as SceneKey | undefined;
  }

  close(): void {
    const back = this.returnTo;
    this.scene.stop();
    if (back) this.scene.resume(back);
  }

  protected override onBack(): void {
    this.close();
  }

  protected override isOverlay(): boolean {
    return true;
  }

  // Overlays appear by fading their own camera in over the screen underneath.
  protected override fadeIn(): void {
    const ms = this.kit.motion.fadeMs;
    if (ms <= 0) return;
    this.cameras.main.setAlpha(0);
    this.tweens.add({ targets: this.cameras.main, alpha: 1, duration: ms, ease: 'Sine.easeOut' });
  }

  /**
   * Dim layer, panel, title and close button. Returns the panel's inner area for the overlay's content.
   * The panel keeps a margin from the window edges and never exceeds `maxWidth`; given `contentHeight`
   * (the content's natural height for an inner width and the most height there is), it is only as tall
   * as its content.
   */
  protected addPanel(
    kit: UiKit,
    title: string,
    maxWidth: number,
    contentHeight?: (width: number, maxHeight: number) => number,
    withGlossary = false,
  ): Rect {
    const { layout, palette } = kit;
    this.cameras.main.setBackgroundColor('rgba(0,0,0,0)');
    drawDim(this, layout, palette).setInteractive();
    const outer = { x: layout.margin, y: layout.margin, width: layout.width - 2 * layout.margin, height: layout.height - 2 * layout.margin };
    const pad = Math.round(layout.gap * 1.4);
    const closeSize = layout.buttonHeight;
    const chrome = pad * 2 + closeSize + layout.gap;
    const width = Math.min(maxWidth, outer.width);
    const height = contentHeight ? Math.min(outer.height, chrome + contentHeight(width - pad * 2, outer.height - chrome)) : outer.height;
    const panel = centeredRect(outer, width, height);
    drawPanel(this.add.graphics(), panel, panelStyle(palette, layout));
    const closeRect = { x: panel.x + panel.width - pad - closeSize * 2.6, y: panel.y + pad, width: closeSize * 2.6, height: closeSize };
    new Button(this, kit, {
      id: 'overlay-close',
      rect: closeRect,
      label: this.ctx.i18n.t('common.close'),
      icon: 'close',
      fontPx: fontPx(layout, 'button'),
      variant: 'quiet',
      onActivate: () => this.close(),
    });
    let headingRight = closeRect.x;
    if (withGlossary) {
      // The glossary is reachable from every screen, overlays included.
      const label = this.ctx.i18n.t('common.glossary');
      const compact = panel.width < 620 * layout.scale;
      const width = compact ? closeSize * 1.3 : Math.max(closeSize * 3.2, label.length * fontPx(layout, 'button') * 0.75 + closeSize);
      const rect = { x: closeRect.x - layout.gap / 2 - width, y: closeRect.y, width, height: closeSize };
      new Button(this, kit, { id: 'overlay-glossary', rect, label: compact ? '' : label, ariaLabel: label, icon: 'book', fontPx: fontPx(layout, 'button'), variant: 'quiet', onActivate: () => this.openOverlay(SceneKeys.Glossary) });
      headingRight = rect.x;
    }
    const heading = addText(this, kit, panel.x + pad, panel.y + pad + closeSize / 2, title, {
      fontPx: fontPx(layout, 'title'),
      bold: true,
      color: palette.heading,
      originY: 0.5,
    });
    fitText(heading, headingRight - panel.x - pad * 2, closeSize * 1.3, fontPx(layout, 'body'));
    const top = panel.y + pad + closeSize + layout.gap;
    return { x: panel.x + pad, y: top, width: panel.width - pad * 2, height: panel.y + panel.height - pad - top };
  }
}
