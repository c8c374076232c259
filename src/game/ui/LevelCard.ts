// A level in the level list: its number, localized title, stars (filled and outlined star shapes plus
// words) and best score; its id in small type beside the number (a teacher's link names it: `?level=<id>`). A locked level shows a lock and the word "Locked", and cannot be chosen.
import Phaser from 'phaser';
import { fontPx, type Rect } from '../layout';
import { hexToNumber } from './Button';
import { drawIcon, drawPanel, drawStars } from './drawing';
import { addText, fitText } from './text';
import type { UiKit } from './UiKit';
import { Widget } from './Widget';

export interface LevelCardOptions {
  id: string;
  rect: Rect;
  numberLabel: string;
  title: string;
  stars: number;
  starsLabel: string;
  scoreLabel: string;
  locked: boolean;
  lockedLabel: string;
  lockedHint: string;
  /** The level's id, shown small at the top right, and how a screen reader says it (after the rest). */
  levelId?: { text: string; spoken: string };
  onActivate: () => void;
}

export class LevelCard extends Widget {
  private readonly options: LevelCardOptions;
  private readonly plate: Phaser.GameObjects.Graphics;

  constructor(scene: Phaser.Scene, kit: UiKit, options: LevelCardOptions) {
    super(scene, kit, options.id, options.rect, !options.locked);
    this.options = options;
    const { layout, palette } = kit;
    const { width: w, height: h } = options.rect;
    const pad = Math.round(14 * layout.scale);
    this.plate = scene.add.graphics();
    this.add(this.plate);
    const muted = options.locked ? palette.disabledText : palette.textMuted;
    const small = fontPx(layout, 'small');
    const number = addText(scene, kit, -w / 2 + pad, -h / 2 + pad * 0.8, options.numberLabel, { fontPx: small, color: muted, bold: true });
    this.add(number);
    if (options.levelId) {
      const room = w - pad * 2 - number.width - pad;
      if (room > small * 3) {
        const id = addText(scene, kit, w / 2 - pad, number.y + number.height / 2, options.levelId.text, { fontPx: Math.round(small * 0.9), color: muted, originX: 1, originY: 0.5 });
        fitText(id, room, number.height, Math.max(10, small * 0.6));
        this.add(id);
      }
    }
    const titleTop = number.y + number.height;
    const starsSize = Math.round(Math.min(h * 0.17, 30 * layout.scale));
    const bottomLine = h / 2 - pad * 0.8;
    const title = addText(scene, kit, -w / 2 + pad, titleTop, options.title, {
      fontPx: fontPx(layout, 'heading'),
      bold: true,
      color: options.locked ? palette.disabledText : palette.heading,
      wrapWidth: w - pad * 2,
    });
    this.add(title);
    const titleRoom = options.locked
      ? this.lockCentreY(small, Math.round(starsSize * 1.2)) - starsSize * 0.75 - titleTop
      : bottomLine - small * 1.3 - starsSize * 1.3 - titleTop;
    fitText(title, w - pad * 2, titleRoom, Math.max(14, fontPx(layout, 'body') * 0.8));
    if (options.locked) {
      const lockSize = Math.round(starsSize * 1.2);
      const lockY = this.lockCentreY(small, lockSize);
      const lockLabel = addText(scene, kit, -w / 2 + pad + lockSize + pad * 0.6, lockY, options.lockedLabel, { fontPx: fontPx(layout, 'body'), bold: true, color: palette.text, originY: 0.5 });
      this.add(lockLabel);
      const hint = addText(scene, kit, -w / 2 + pad, bottomLine, options.lockedHint, { fontPx: small, color: muted, originY: 1, wrapWidth: w - pad * 2 });
      fitText(hint, w - pad * 2, small * 2.9, Math.max(11, small * 0.7));
      this.add(hint);
    } else {
      const starsLabel = addText(scene, kit, -w / 2 + pad + starsSize * 3.6 + pad * 0.5, bottomLine - small * 1.3 - starsSize * 0.55, options.starsLabel, {
        fontPx: small,
        color: palette.text,
        originY: 0.5,
      });
      fitText(starsLabel, w - pad * 2.5 - starsSize * 3.6, starsSize * 1.5, Math.max(11, small * 0.7));
      this.add(starsLabel);
      const score = addText(scene, kit, -w / 2 + pad, bottomLine, options.scoreLabel, { fontPx: small, color: muted, originY: 1 });
      fitText(score, w - pad * 2, small * 1.6, Math.max(11, small * 0.7));
      this.add(score);
    }
    this.redraw();
  }

  // The lock sits above the (up to two-line) hint at the bottom of the card.
  private lockCentreY(small: number, lockSize: number): number {
    return this.rect.height / 2 - Math.round(14 * this.kit.layout.scale) * 0.8 - small * 2.6 - lockSize * 0.6;
  }

  describe(): string {
    const o = this.options;
    const id = o.levelId ? ` ${o.levelId.spoken}` : '';
    return o.locked ? `${o.numberLabel}: ${o.title}, ${o.lockedLabel}. ${o.lockedHint}${id}` : `${o.numberLabel}: ${o.title}, ${o.starsLabel}, ${o.scoreLabel}${id ? `.${id}` : ''}`;
  }

  protected onActivate(): void {
    if (!this.options.locked) this.options.onActivate();
  }

  protected override get cached(): boolean {
    return true;
  }

  protected draw(): void {
    const { palette, layout } = this.kit;
    const { width: w, height: h } = this.rect;
    const g = this.plate;
    g.clear();
    const radius = Math.round(layout.radius * 1.2);
    const active = this.hovered || this.ringVisible;
    drawPanel(g, { x: -w / 2, y: -h / 2, width: w, height: h }, {
      radius,
      fill: this.options.locked ? palette.disabled : active ? palette.buttonHover : palette.panel,
      border: this.options.locked ? palette.panelBorder : active ? palette.accent : palette.buttonBorder,
      borderWidth: Math.max(2, palette.panelBorderWidth),
      shadowAlpha: this.options.locked ? 0 : palette.shadowAlpha,
      shadowColor: palette.shadow,
      shadowOffset: Math.max(3, 5 * layout.scale),
    });
    const pad = Math.round(14 * layout.scale);
    const small = fontPx(layout, 'small');
    const starsSize = Math.round(Math.min(h * 0.17, 30 * layout.scale));
    const bottomLine = h / 2 - pad * 0.8;
    if (this.options.locked) {
      const lockSize = Math.round(starsSize * 1.2);
      drawIcon(g, 'lock', -w / 2 + pad + lockSize / 2, this.lockCentreY(small, lockSize), lockSize, palette.lock);
      // A diagonal hatch along the top edge marks locked cards by texture too; it stays inside the card.
      g.lineStyle(1, hexToNumber(palette.disabledText), 0.25);
      const depth = h * 0.3;
      for (let x = -w / 2 + radius; x + depth < w / 2 - radius; x += 14 * layout.scale) g.lineBetween(x, -h / 2 + 2, x + depth, -h / 2 + 2 + depth);
    } else {
      drawStars(g, -w / 2 + pad + starsSize * 1.65, bottomLine - small * 1.3 - starsSize * 0.55, starsSize, this.options.stars, palette);
    }
    this.drawFocusRing(g, radius);
  }
}
