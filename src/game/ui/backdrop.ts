// The screens' background — the palette's colour, a soft glow behind the upper middle, a faint circuit-board
// pattern of dots and traces — as CSS on the game's canvas, which is transparent (createGame.ts). The browser
// paints it once per window size and palette, off the main thread, and composites the canvas over it; no
// frame draws it. As a canvas texture it cost the menu's first frame ~50 ms at 4× CPU throttling (painting
// it, then its first copy onto the screen) and every drawn frame three full-screen fills (the game's
// background colour, the camera's, the backdrop image): issue 16.
import type { Layout } from '../layout';
import type { Palette } from '../theme';

/** The CSS background properties the backdrop sets (as in CSSStyleDeclaration). */
export interface BackdropStyle {
  backgroundColor: string;
  backgroundImage: string;
  backgroundSize: string;
  backgroundPosition: string;
  backgroundRepeat: string;
}

/** The glow's rings: ten ellipses around (50 %, 18 %) of the screen, 0.44 to 1.25 widths across. */
const GLOW_RINGS = 10;
const GLOW_RING_ALPHA = 0.05;
/** Traces run in from each side this share of the width, on every third row of dots. */
const TRACE_REACH = 0.12;
const TRACE_EVERY = 3;

/** A palette colour as a CSS colour with `alpha`. */
function rgbaColor(color: number, alpha = 1): string {
  return `rgba(${(color >> 16) & 255}, ${(color >> 8) & 255}, ${color & 255}, ${alpha})`;
}

/** A length in CSS pixels, rounded to a hundredth (style strings stay short and compare equal). */
function px(value: number): string {
  return `${Math.round(value * 100) / 100}px`;
}

/**
 * The glow: what ten stacked translucent ellipses (GLOW_RING_ALPHA each) give, as one elliptical radial
 * gradient — inside ring i (1 = the smallest) lie rings i…10, past the last nothing.
 */
function glowLayer(width: number, height: number, color: number): string {
  /** Ring `ring`'s width as a share of the screen's. */
  const across = (ring: number) => 0.35 + ring * 0.09;
  const radiusX = (width * across(GLOW_RINGS)) / 2;
  const radiusY = (height * (0.25 + GLOW_RINGS * 0.07)) / 2;
  const covered = (rings: number) => rgbaColor(color, Math.round((1 - (1 - GLOW_RING_ALPHA) ** rings) * 10000) / 10000);
  const stops = [`${covered(GLOW_RINGS)} 0%`];
  for (let ring = 1; ring <= GLOW_RINGS; ring += 1) stops.push(`${covered(GLOW_RINGS - ring)} ${Math.round((across(ring) / across(GLOW_RINGS)) * 10000) / 100}%`);
  return `radial-gradient(${px(radiusX)} ${px(radiusY)} at ${px(width / 2)} ${px(height * 0.18)}, ${stops.join(', ')})`;
}

/** The CSS background of a screen `layout` big in `palette`. */
export function backdropStyle(layout: Layout, palette: Palette): BackdropStyle {
  const { width, height } = layout;
  const layers: { image: string; size: string; position: string; repeat: string }[] = [];
  if (palette.patternAlpha > 0) {
    // Dots every `step`, the first half a step in from the top left; a trace on every third row.
    const step = Math.round(48 * layout.scale);
    const radius = Math.max(1, 1.4 * layout.scale);
    const lineWidth = Math.max(1, layout.scale);
    const lineTop = step * 1.5 - lineWidth / 2;
    const trace = rgbaColor(palette.pattern, Math.round(palette.patternAlpha * 0.8 * 1000) / 1000);
    const traceImage = `linear-gradient(to bottom, transparent ${px(lineTop)}, ${trace} ${px(lineTop)}, ${trace} ${px(lineTop + lineWidth)}, transparent ${px(lineTop + lineWidth)})`;
    const traceSize = `${px(width * TRACE_REACH)} ${px(step * TRACE_EVERY)}`;
    layers.push({ image: traceImage, size: traceSize, position: '0px 0px', repeat: 'repeat-y' });
    layers.push({ image: traceImage, size: traceSize, position: `${px(width * (1 - TRACE_REACH))} 0px`, repeat: 'repeat-y' });
    const dot = rgbaColor(palette.pattern, palette.patternAlpha);
    // Half a pixel of soft edge each side of the radius, as an anti-aliased circle has.
    layers.push({
      image: `radial-gradient(circle at ${px(step / 2)} ${px(step / 2)}, ${dot} ${px(radius - 0.5)}, transparent ${px(radius + 0.5)})`,
      size: `${px(step)} ${px(step)}`,
      position: '0px 0px',
      repeat: 'repeat',
    });
  }
  if (palette.backgroundGlow !== palette.background) layers.push({ image: glowLayer(width, height, palette.backgroundGlow), size: 'auto', position: '0px 0px', repeat: 'no-repeat' });
  return {
    backgroundColor: rgbaColor(palette.background),
    backgroundImage: layers.length ? layers.map((layer) => layer.image).join(', ') : 'none',
    backgroundSize: layers.length ? layers.map((layer) => layer.size).join(', ') : 'auto',
    backgroundPosition: layers.length ? layers.map((layer) => layer.position).join(', ') : '0px 0px',
    backgroundRepeat: layers.length ? layers.map((layer) => layer.repeat).join(', ') : 'repeat',
  };
}

/** What each canvas shows now, so a screen rebuilt at the same size and palette changes nothing. */
const shown = new WeakMap<HTMLElement, string>();

/** Shows the backdrop of `layout` in `palette` behind the game's canvas (no change: no work). */
export function showBackdrop(canvas: HTMLElement, layout: Layout, palette: Palette): void {
  const style = backdropStyle(layout, palette);
  const key = `${style.backgroundColor}|${style.backgroundImage}|${style.backgroundSize}|${style.backgroundPosition}|${style.backgroundRepeat}`;
  if (shown.get(canvas) === key) return;
  shown.set(canvas, key);
  Object.assign(canvas.style, style);
}
