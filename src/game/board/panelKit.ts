// Shared pieces of the Play screen's panels: a panel plate, headings, wrapped paragraphs that stop where
// the space ends, and a column cursor that hands out rows from the top.
import type Phaser from 'phaser';
import type { GameI18n } from '../../i18n/createI18n';
import { fontPx, type Rect } from '../layout';
import { drawPanel, panelStyle } from '../ui/drawing';
import { Picture } from '../ui/picture';
import { addText, fitText } from '../ui/text';
import { fittingLineSize, plainLineWidth } from '../ui/textMetrics';
import type { UiKit } from '../ui/UiKit';
import type { BoardText } from './boardText';

export interface PanelContext {
  scene: Phaser.Scene;
  kit: UiKit;
  text: BoardText;
  i18n: GameI18n;
  /** Print keyboard shortcuts on the panels (default true; false on touch devices, see ui/keyHints.ts). */
  keyHints?: boolean;
}

/** The label with its key in brackets when the panels print key hints: "Remove (Del)". */
export function withKey(context: PanelContext, label: string, key: string): string {
  return context.keyHints === false ? label : `${label} (${key})`;
}

export function tr(context: PanelContext, key: string, params?: object): string {
  return (context.i18n.t as (k: string, p?: object) => string)(key, params);
}

/** A panel plate behind a group of controls. */
export function panelPlate(context: PanelContext, rect: Rect, alpha = 0.97): Phaser.GameObjects.Graphics {
  const g = context.scene.add.graphics();
  drawPanel(g, rect, panelStyle(context.kit.palette, context.kit.layout, { fillAlpha: alpha, radius: context.kit.layout.radius }));
  return g;
}

/** Hands out rows of a column from the top, with a gap between them. */
export class ColumnCursor {
  y: number;

  constructor(
    readonly area: Rect,
    readonly gap: number,
  ) {
    this.y = area.y;
  }

  get remaining(): number {
    return this.area.y + this.area.height - this.y;
  }

  take(height: number): Rect {
    const rect = { x: this.area.x, y: this.y, width: this.area.width, height };
    this.y += height + this.gap;
    return rect;
  }

  /** A heading line; returns the text. */
  heading(context: PanelContext, label: string, color?: string): Phaser.GameObjects.Text {
    const px = fontPx(context.kit.layout, 'small');
    const text = addText(context.scene, context.kit, this.area.x, this.y, label, { fontPx: px, bold: true, color: color ?? context.kit.palette.heading });
    fitText(text, this.area.width, px * 1.6, 11);
    this.y += text.height + this.gap * 0.3;
    return text;
  }

  /**
   * A wrapped paragraph if it fits in what is left (keeping `reserve` free below); returns null when it
   * does not fit, so the caller can say "and n more".
   */
  paragraph(context: PanelContext, content: string, options: { px?: number; color?: string; bold?: boolean; reserve?: number } = {}): Phaser.GameObjects.Text | null {
    const px = options.px ?? fontPx(context.kit.layout, 'small');
    const text = addText(context.scene, context.kit, this.area.x, this.y, content, {
      fontPx: px,
      color: options.color ?? context.kit.palette.text,
      bold: options.bold,
      wrapWidth: this.area.width,
    });
    if (text.height > this.remaining - (options.reserve ?? 0)) {
      text.destroy();
      return null;
    }
    this.y += text.height + this.gap * 0.25;
    return text;
  }
}

/**
 * Fits one line of text: shrinks its font down to `minPx`, then, if it is still too wide, cuts it with an
 * ellipsis (never wraps, so a narrow card never breaks a word in two).
 */
export function fitLine(text: Phaser.GameObjects.Text, maxWidth: number, minPx: number): void {
  let size = parseInt(String(text.style.fontSize), 10) || minPx;
  if (fitPlainLine(text, maxWidth, minPx, size)) return;
  while (size > minPx && text.width > maxWidth) {
    size -= 1;
    text.setFontSize(size);
  }
  if (text.width <= maxWidth) return;
  const full = text.text;
  let low = 0;
  let high = full.length;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    text.setText(`${full.slice(0, middle)}…`);
    if (text.width <= maxWidth) low = middle;
    else high = middle - 1;
  }
  text.setText(low > 0 ? `${full.slice(0, low)}…` : '');
}

/**
 * fitLine for a one-line label: each size and cut measured (plainLineWidth), the label set once or twice.
 * False (the label as it came) if it is not one plain line, or if the label set does not fit after all:
 * fitLine then tries each step itself.
 */
function fitPlainLine(text: Phaser.GameObjects.Text, maxWidth: number, minPx: number, startPx: number): boolean {
  const full = text.text;
  const fit = fittingLineSize(text, full, startPx, minPx, maxWidth);
  if (!fit) return false;
  const { size } = fit;
  const widthAt = (px: number, content: string) => plainLineWidth(text, content, px) ?? 0;
  if (size !== startPx) text.setFontSize(size);
  if (fit.width <= maxWidth) return settled(text, full, startPx, maxWidth);
  let low = 0;
  let high = full.length;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (widthAt(size, `${full.slice(0, middle)}…`) <= maxWidth) low = middle;
    else high = middle - 1;
  }
  text.setText(low > 0 ? `${full.slice(0, low)}…` : '');
  return settled(text, full, startPx, maxWidth);
}

/** Whether a label fitted by measure fits as laid out; if not, it is put back as it came. */
function settled(text: Phaser.GameObjects.Text, full: string, startPx: number, maxWidth: number): boolean {
  if (text.width <= maxWidth) return true;
  text.setFontSize(startPx);
  text.setText(full);
  return false;
}

const liveObjects = new WeakSet<object>();

/** Marks a display object that changes during a run (it is not baked into the still picture). */
export function markLive<T extends object>(object: T): T {
  liveObjects.add(object);
  return object;
}

/** A picture of live objects that change now and then, kept just above `below` in the scene's display list. */
export function livePicture(scene: Phaser.Scene, below: Phaser.GameObjects.GameObject): Picture {
  return new Picture(scene, (image) => {
    scene.add.existing(markLive(image));
    scene.children.moveAbove(image, below);
  });
}

export function isLive(object: object): boolean {
  return liveObjects.has(object);
}
