// Text in the game's style: system fonts, measured with Hangul so Korean is never clipped, and helpers
// that shrink or wrap a label until it fits its box instead of overflowing.
import Phaser from 'phaser';
import { TEXT_METRICS_SAMPLE } from '../theme';
import { rememberFit } from './textAudit';
import { fittingLineSize, measureFont } from './textMetrics';
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
}

/** The font of a Text style: family, size, weight, and the metrics measured once for that font. */
export function fontStyleFor(fontFamily: string, fontPx: number, bold: boolean): Phaser.Types.GameObjects.Text.TextStyle {
  const fontStyle = bold ? 'bold' : 'normal';
  const fontSize = `${fontPx}px`;
  const metrics = measureFont(fontStyle, fontSize, fontFamily, TEXT_METRICS_SAMPLE);
  return { fontFamily, fontSize, fontStyle, testString: TEXT_METRICS_SAMPLE, ...(metrics ? { metrics } : {}) };
}

export function addText(scene: Phaser.Scene, kit: UiKit, x: number, y: number, content: string, options: TextOptions): Phaser.GameObjects.Text {
  const pad = Math.ceil(options.fontPx * 0.12);
  // Created empty, its padding and line spacing set as fields, then laid out once with its words: given in
  // the style, Phaser lays out the Text again for each of them, and every layout sets the canvas's font
  // anew (about 1 ms each at 4× CPU throttling; the menu's twelve labels were laid out four times each).
  const text = scene.add.text(x, y, '', {
    ...fontStyleFor(kit.fontFamily, options.fontPx, options.bold === true),
    color: options.color ?? kit.palette.text,
    align: options.align ?? 'left',
    // Phaser's advanced wrap throws when the width is narrower than one character.
    ...(options.wrapWidth ? { wordWrap: { width: Math.max(options.wrapWidth, options.fontPx * 2), useAdvancedWrap: true } } : {}),
  });
  text.padding.top = pad;
  text.padding.bottom = pad;
  text.lineSpacing = options.lineSpacing ?? Math.round(options.fontPx * 0.25);
  if (content === '') text.updateText();
  else text.setText(content);
  text.setOrigin(options.originX ?? 0, options.originY ?? 0);
  return text;
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
    // Unwrapped text grows a little slower than its font size (padding), so scaling the size by the
    // overflow lands at or just above the largest size that fits; the steps below finish from there.
    const jump = Math.max(minFontPx, Math.floor(size * Math.min(maxWidth / text.width, maxHeight / text.height)));
    if (jump < size - 1) {
      size = jump + 1;
      text.setFontSize(size);
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
