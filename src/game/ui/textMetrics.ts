// Font metrics measured once per font: Phaser measures a font's ascent and descent on a pooled canvas every
// time a Text is created or its size changes, and the game makes hundreds of labels (and shrinks many of
// them step by step to fit). Measuring each font once and reusing it made the menu appear sooner.
import Phaser from 'phaser';

export interface FontMetrics {
  ascent: number;
  descent: number;
  fontSize: number;
}

/** What TextStyle keeps that this module reads or sets (Phaser's own fields). */
interface TextStyleFields {
  _font: string;
  fontStyle: string;
  fontSize: string;
  fontFamily: string;
  testString: string;
  metrics: FontMetrics;
  parent: Phaser.GameObjects.Text;
}

type StyleUpdate = (this: TextStyleFields, recalculateMetrics: boolean) => Phaser.GameObjects.Text;

const cache = new Map<string, FontMetrics>();
let context: CanvasRenderingContext2D | null | undefined;
let installed = false;

/** The CSS font string Phaser builds from a style (TextStyle: `[fontStyle, fontSize, fontFamily]`). */
export function fontString(fontStyle: string, fontSize: string, fontFamily: string): string {
  return [fontStyle, fontSize, fontFamily].join(' ').trim();
}

/** The size fonts are measured at; other sizes scale from it (outline fonts scale linearly). */
const REFERENCE_PX = 100;

/**
 * Ascent and descent of `sample` in a font, as Phaser measures them (the text's bounding box), or null
 * where the browser cannot say (no canvas, or no bounding-box metrics: Phaser then measures by pixels).
 * A size in px is measured once per style and family at REFERENCE_PX and scaled: measuring Hangul text
 * costs a font fallback lookup per size, and the game uses dozens of sizes.
 */
export function measureFont(fontStyle: string, fontSize: string, fontFamily: string, sample: string): FontMetrics | null {
  const px = /^\d+(\.\d+)?px$/.test(fontSize) ? Number.parseFloat(fontSize) : Number.NaN;
  const measuredSize = Number.isFinite(px) ? `${REFERENCE_PX}px` : fontSize;
  const key = `${fontString(fontStyle, measuredSize, fontFamily)}\u0000${sample}`;
  let known = cache.get(key);
  if (!known) {
    const measuring = measuringContext();
    if (!measuring) return null;
    measuring.font = fontString(fontStyle, measuredSize, fontFamily);
    const measured = measuring.measureText(sample);
    if (!('actualBoundingBoxAscent' in measured)) return null;
    known = { ascent: measured.actualBoundingBoxAscent, descent: measured.actualBoundingBoxDescent, fontSize: 0 };
    cache.set(key, known);
  }
  const scale = Number.isFinite(px) ? px / REFERENCE_PX : 1;
  const ascent = Math.ceil(known.ascent * scale);
  const descent = Math.ceil(known.descent * scale);
  return { ascent, descent, fontSize: ascent + descent };
}

/** Makes a font change on any Text (setFontSize, setFontStyle…) use the measured-once metrics. */
export function installTextMetricsCache(): void {
  if (installed) return;
  installed = true;
  const prototype = Phaser.GameObjects.TextStyle.prototype as unknown as { update: StyleUpdate };
  const original = prototype.update;
  prototype.update = function update(this: TextStyleFields, recalculateMetrics: boolean) {
    if (!recalculateMetrics) return original.call(this, false);
    const metrics = measureFont(this.fontStyle, this.fontSize, this.fontFamily, this.testString);
    if (!metrics) return original.call(this, true);
    this._font = fontString(this.fontStyle, this.fontSize, this.fontFamily);
    this.metrics = metrics;
    return this.parent.updateText();
  };
}

/**
 * The `width` Phaser gives a Text showing `content` on one line at `fontPx` (the line measured and rounded up,
 * plus its left and right padding: GetTextSize and Text.updateText), measured without laying out or painting
 * the Text. A label shrunk or cut to fit tried each size or length with setFontSize/setText, and each try
 * measured, resized and painted the label's canvas: a board of 64 app cards took a second to open (issue 15).
 * Null when the Text is not laid out as one plain line (wrapping, letter spacing, an outline, a fixed width,
 * several lines, no canvas): then only setting the text says its width.
 */
export function plainLineWidth(text: Phaser.GameObjects.Text, content: string, fontPx?: number): number | null {
  const style = plainStyle(text);
  if (!isPlainLine(style, content) || style.fixedWidth || text.letterSpacing) return null;
  const width = measuredLine(fontString(style.fontStyle, fontPx === undefined ? style.fontSize : `${fontPx}px`, style.fontFamily), content);
  return width === null ? null : width + (text.padding.left ?? 0) + (text.padding.right ?? 0);
}

type PlainStyle = Phaser.GameObjects.TextStyle & TextStyleFields & { wordWrapWidth: number | null; wordWrapCallback: unknown; fixedWidth: number; fixedHeight: number };

function plainStyle(text: Phaser.GameObjects.Text): PlainStyle {
  return text.style as unknown as PlainStyle;
}

/** Laid out as one line of plain text: no wrapping, no outline, no line break. */
function isPlainLine(style: PlainStyle, content: string): boolean {
  return !style.wordWrapWidth && !style.wordWrapCallback && !style.strokeThickness && !/[\r\n]/.test(content);
}

/**
 * The largest size from `fromPx` down to `minPx` at which a one-line Text is at most `maxHeight` tall as
 * Phaser lays it out (its font's metrics, measureFont, and its padding) — `minPx` when none is — without
 * laying it out. Null when its height cannot be known so (not one plain line, a fixed height, no metrics).
 */
export function fittingLineSizeByHeight(text: Phaser.GameObjects.Text, fromPx: number, minPx: number, maxHeight: number): number | null {
  const style = plainStyle(text);
  if (!isPlainLine(style, text.text) || style.fixedHeight) return null;
  const padding = (text.padding.top ?? 0) + (text.padding.bottom ?? 0);
  return lineSizeForHeight(style.fontStyle, style.fontFamily, style.testString, padding, fromPx, minPx, maxHeight);
}

/**
 * The largest size from `fromPx` down to `minPx` at which one line in this font, with `padding` above and
 * below together, is at most `maxHeight` tall (`minPx` when none is; null without metrics).
 */
export function lineSizeForHeight(fontStyle: string, fontFamily: string, testString: string, padding: number, fromPx: number, minPx: number, maxHeight: number): number | null {
  for (let size = fromPx; size > minPx; size -= 1) {
    const metrics = measureFont(fontStyle, `${size}px`, fontFamily, testString);
    if (!metrics) return null;
    if (metrics.fontSize + padding <= maxHeight) return size;
  }
  return minPx;
}

/**
 * The largest size from `fromPx` down to `minPx` at which `content` fits `maxWidth` on one line (plainLineWidth),
 * with its width there — at `minPx` when no size fits. Null when the Text is not laid out as one plain line.
 */
export function fittingLineSize(text: Phaser.GameObjects.Text, content: string, fromPx: number, minPx: number, maxWidth: number): { size: number; width: number } | null {
  let size = fromPx;
  let width = plainLineWidth(text, content, size);
  while (width !== null && width > maxWidth && size > minPx) {
    size -= 1;
    width = plainLineWidth(text, content, size);
  }
  return width === null ? null : { size, width };
}

/** The width of `content` on one line in a CSS font, rounded up as Phaser rounds a Text's line (null: no canvas). */
export function measuredLine(font: string, content: string): number | null {
  const measuring = measuringContext();
  if (!measuring) return null;
  measuring.font = font;
  return Math.ceil(measuring.measureText(content).width);
}

/** The one canvas fonts and lines are measured on (null where there is no canvas). */
function measuringContext(): CanvasRenderingContext2D | null {
  if (context === undefined) context = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
  return context;
}
