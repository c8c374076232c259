// Text in the game's style: system fonts, measured with Hangul so Korean is never clipped, and helpers
// that shrink or wrap a label until it fits its box instead of overflowing.
import Phaser from 'phaser';
import { TEXT_METRICS_SAMPLE } from '../theme';
import { rememberFit } from './textAudit';
import { fittingLineSize, fittingLineSizeByHeight, lineSizeForHeight, measureFont } from './textMetrics';
import type { UiKit } from './UiKit';

export interface TextOptions {
  fontPx: number;
  color?: string;
  bold?: boolean;
  wrapWidth?: number;
  align?: 'left' | 'center' | 'right';
  originX?: number;
  originY?: number;
  lineSpacing?: number;
  /**
   * A one-line label that will be fitted to this height (fitText): made at the largest size from `fontPx`
   * down to `minFontPx` whose line fits it, measured from the font's metrics, instead of being laid out at
   * `fontPx` first and again at the size that fits (each new size of a font costs the browser a font
   * lookup: 5-7 ms under 4x throttling, issue 16). Its padding and line spacing stay those of `fontPx`.
   */
  fitHeight?: { maxHeight: number; minFontPx: number };
}

/** The font of a Text style: family, size, weight, and the metrics measured once for that font. */
export function fontStyleFor(fontFamily: string, fontPx: number, bold: boolean): Phaser.Types.GameObjects.Text.TextStyle {
  const fontStyle = bold ? 'bold' : 'normal';
  const fontSize = `${fontPx}px`;
  const metrics = measureFont(fontStyle, fontSize, fontFamily, TEXT_METRICS_SAMPLE);
  return { fontFamily, fontSize, fontStyle, testString: TEXT_METRICS_SAMPLE, ...(metrics ? { metrics } : {}) };
}

/**
 * A Text laid out once when it is made: Phaser's constructor lays a Text out for its words, then again for
 * its padding and its line spacing, each time setting a new canvas's font and measuring (the first font on a
 * fresh canvas costs ~2 ms at 4× CPU throttling; the menu's twelve labels were laid out three or four times
 * each, issue 16). Layouts asked for while it is being made wait until its padding and spacing are set.
 */
class LaidOutText extends Phaser.GameObjects.Text {
  private made = false;

  constructor(scene: Phaser.Scene, x: number, y: number, content: string, style: Phaser.Types.GameObjects.Text.TextStyle, pad: number, lineSpacing: number) {
    super(scene, x, y, content, style);
    this.padding.top = pad;
    this.padding.bottom = pad;
    this.lineSpacing = lineSpacing;
    this.made = true;
    this.updateText();
  }

  override updateText(): this {
    // Phaser's constructor calls this before the fields above exist (`made` is undefined then).
    return this.made ? super.updateText() : this;
  }
}

export function addText(scene: Phaser.Scene, kit: UiKit, x: number, y: number, content: string, options: TextOptions): Phaser.GameObjects.Text {
  const pad = Math.ceil(options.fontPx * 0.12);
  const fontPx = startingSize(kit, content, options, pad);
  const style: Phaser.Types.GameObjects.Text.TextStyle = {
    ...fontStyleFor(kit.fontFamily, fontPx, options.bold === true),
    color: options.color ?? kit.palette.text,
    align: options.align ?? 'left',
    // Phaser's advanced wrap throws when the width is narrower than one character.
    ...(options.wrapWidth ? { wordWrap: { width: Math.max(options.wrapWidth, options.fontPx * 2), useAdvancedWrap: true } } : {}),
  };
  const text = new LaidOutText(scene, x, y, content, style, pad, options.lineSpacing ?? Math.round(options.fontPx * 0.25));
  scene.add.existing(text);
  text.setOrigin(options.originX ?? 0, options.originY ?? 0);
  return text;
}

/** The size a Text is made at: `fontPx`, or for `fitHeight` the largest whose one line fits that height. */
function startingSize(kit: UiKit, content: string, options: TextOptions, pad: number): number {
  const fit = options.fitHeight;
  // fitText shrinks nothing at or below its smallest size.
  if (!fit || options.wrapWidth || options.fontPx <= fit.minFontPx || /[\r\n]/.test(content)) return options.fontPx;
  return lineSizeForHeight(options.bold === true ? 'bold' : 'normal', kit.fontFamily, TEXT_METRICS_SAMPLE, pad * 2, options.fontPx, fit.minFontPx, fit.maxHeight) ?? options.fontPx;
}

/**
 * Gives a text new words at the largest size from `fontPx` down to `minFontPx` at which they fit
 * `maxWidth`×`maxHeight`, as fitText would, but measured first: a one-line label is laid out once (and its
 * size set only when it changes), where resetting the size and fitting laid it out four to six times — for
 * a band whose words change every quarter of a second. Words that need wrapping go through fitText.
 */
export function setFittedText(text: Phaser.GameObjects.Text, content: string, fontPx: number, minFontPx: number, maxWidth: number, maxHeight: number): void {
  const fit = fittingLineSize(text, content, fontPx, minFontPx, maxWidth);
  if (fit && fit.width <= maxWidth) {
    if (parseInt(String(text.style.fontSize), 10) !== fit.size) text.setFontSize(fit.size);
    if (text.text !== content) text.setText(content);
    if (text.width <= maxWidth && text.height <= maxHeight) {
      rememberFit(text, maxWidth, maxHeight);
      return;
    }
  }
  text.setFontSize(fontPx);
  text.setText(content);
  fitText(text, maxWidth, maxHeight, minFontPx);
}

/**
 * Shrinks a text's font (down to `minFontPx`) until it fits `maxWidth`×`maxHeight`; if the width still
 * does not fit, wraps it at `maxWidth`. Returns the final font size.
 */
export function fitText(text: Phaser.GameObjects.Text, maxWidth: number, maxHeight: number, minFontPx: number): number {
  rememberFit(text, maxWidth, maxHeight);
  let size = parseInt(String(text.style.fontSize), 10) || minFontPx;
  if (size > minFontPx && !text.style.wordWrapWidth && (text.width > maxWidth || text.height > maxHeight)) {
    // Where the height decides, the size that fits is known before laying the label out again (one line:
    // its font's measured metrics and its padding); a label laid out at each size tried cost a layout each.
    const byHeight = text.height > maxHeight ? fittingLineSizeByHeight(text, size - 1, minFontPx, maxHeight) : null;
    if (byHeight !== null && byHeight <= Math.floor((size * maxWidth) / text.width)) {
      size = byHeight;
      text.setFontSize(size);
    } else {
      // Unwrapped text grows a little slower than its font size (padding), so scaling the size by the
      // overflow lands at or just above the largest size that fits; the steps below finish from there.
      const jump = Math.max(minFontPx, Math.floor(size * Math.min(maxWidth / text.width, maxHeight / text.height)));
      if (jump < size - 1) {
        size = jump + 1;
        text.setFontSize(size);
      }
    }
  }
  while (size > minFontPx && (text.width > maxWidth || text.height > maxHeight)) {
    size -= 1;
    text.setFontSize(size);
  }
  if (text.width > maxWidth && maxWidth >= size * 2) {
    text.setWordWrapWidth(maxWidth, true);
    while (size > minFontPx * 0.85 && text.height > maxHeight) {
      size -= 1;
      text.setFontSize(size);
    }
  }
  return size;
}

/**
 * Sets a Text's colour only when it changes: Phaser re-renders the text's canvas on every setColor, even to
 * the colour it has (a button redrawn for a focus move or hover, a log line refreshed, would pay for it).
 */
export function setTextColor<T extends Phaser.GameObjects.Text>(text: T, color: string): T {
  if (text.style.color !== color) text.setColor(color);
  return text;
}
