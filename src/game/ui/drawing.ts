// Vector drawing shared by every screen: soft-shadowed rounded panels, icons and stars (the background is
// CSS behind the canvas: backdrop.ts), all drawn in code with Phaser Graphics so the art scales crisply to any window.
import Phaser from 'phaser';
import type { Layout, Rect } from '../layout';
import type { Palette } from '../theme';

const v = (x: number, y: number): Phaser.Math.Vector2 => new Phaser.Math.Vector2(x, y);

export interface PanelStyle {
  radius: number;
  fill: number;
  fillAlpha?: number;
  border?: number;
  borderWidth?: number;
  shadowAlpha?: number;
  shadowColor?: number;
  /** How far the shadow falls below the panel. */
  shadowOffset?: number;
}

/** A rounded panel with a soft drop shadow (three widening translucent layers). */
export function drawPanel(g: Phaser.GameObjects.Graphics, rect: Rect, style: PanelStyle): void {
  const { x, y, width, height } = rect;
  const radius = Math.min(style.radius, width / 2, height / 2);
  const shadowAlpha = style.shadowAlpha ?? 0;
  if (shadowAlpha > 0) {
    const offset = style.shadowOffset ?? Math.max(2, radius * 0.35);
    for (let i = 3; i >= 1; i--) {
      const spread = i * offset * 0.45;
      g.fillStyle(style.shadowColor ?? 0x000000, shadowAlpha / (i + 1));
      g.fillRoundedRect(x - spread / 2, y + offset - spread / 3, width + spread, height + spread, radius + spread / 2);
    }
  }
  g.fillStyle(style.fill, style.fillAlpha ?? 1);
  g.fillRoundedRect(x, y, width, height, radius);
  if (style.border !== undefined && (style.borderWidth ?? 0) > 0) {
    const w = style.borderWidth ?? 1;
    g.lineStyle(w, style.border, 1);
    g.strokeRoundedRect(x + w / 2, y + w / 2, width - w, height - w, Math.max(0, radius - w / 2));
  }
}

export function panelStyle(palette: Palette, layout: Layout, overrides: Partial<PanelStyle> = {}): PanelStyle {
  return {
    radius: layout.radius * 1.3,
    fill: palette.panel,
    fillAlpha: 0.97,
    border: palette.panelBorder,
    borderWidth: palette.panelBorderWidth,
    shadowAlpha: palette.shadowAlpha,
    shadowColor: palette.shadow,
    ...overrides,
  };
}

/**
 * The game's logo (the same picture as assets/images/logo.svg, the page's icon): a parcel whose tape is a
 * circuit trace into a kernel chip. Drawn in code, so the first screen waits for no download and the logo
 * stays crisp at any size. (x, y) is the top-left corner of a `size` square.
 */
export function drawLogo(g: Phaser.GameObjects.Graphics, x: number, y: number, size: number): void {
  const k = size / 128;
  const p = (px: number, py: number) => v(x + px * k, y + py * k);
  const polyline = (width: number, color: number, points: Phaser.Math.Vector2[]) => {
    g.lineStyle(Math.max(1, width * k), color, 1);
    g.strokePoints(points, false, false);
  };
  g.fillStyle(0x16305e, 1);
  g.fillRoundedRect(x + 4 * k, y + 4 * k, 120 * k, 120 * k, 28 * k);
  g.lineStyle(Math.max(1, 4 * k), 0x3d66ad, 1);
  g.strokeRoundedRect(x + 4 * k, y + 4 * k, 120 * k, 120 * k, 28 * k);
  g.fillStyle(0xffd166, 1);
  g.fillPoints([p(26, 46), p(64, 28), p(102, 46), p(102, 90), p(64, 108), p(26, 90)], true);
  polyline(4, 0xb8860b, [p(26, 46), p(64, 64), p(102, 46)]);
  polyline(4, 0xb8860b, [p(64, 64), p(64, 108)]);
  polyline(5, 0x0b1630, [p(45, 37), p(83, 55), p(83, 70)]);
  g.fillStyle(0x0b1630, 1);
  g.fillRoundedRect(x + 72 * k, y + 70 * k, 22 * k, 22 * k, 4 * k);
  g.fillStyle(0x5ce1e6, 1);
  g.fillRoundedRect(x + 77 * k, y + 75 * k, 12 * k, 12 * k, 2 * k);
  for (const [fromX, toX, atY] of [[72, 67, 76], [72, 67, 86], [94, 99, 76], [94, 99, 86]]) polyline(3, 0x0b1630, [p(fromX, atY), p(toX, atY)]);
}

/** A dimmed full-screen layer under an overlay. */
export function drawDim(scene: Phaser.Scene, layout: Layout, palette: Palette): Phaser.GameObjects.Rectangle {
  return scene.add.rectangle(0, 0, layout.width, layout.height, palette.dim, palette.dimAlpha).setOrigin(0, 0);
}

export type IconName = 'back' | 'close' | 'gear' | 'book' | 'lock' | 'check' | 'play' | 'cubes' | 'prev' | 'next' | 'download' | 'upload';

/** Simple line icons centred at (cx, cy) within a square of `size`. */
export function drawIcon(g: Phaser.GameObjects.Graphics, name: IconName, cx: number, cy: number, size: number, color: number): void {
  const s = size / 2;
  const line = Math.max(2, size * 0.12);
  g.lineStyle(line, color, 1);
  g.fillStyle(color, 1);
  switch (name) {
    case 'back':
    case 'prev':
      g.strokePoints([v(cx + s * 0.25, cy - s * 0.7), v(cx - s * 0.45, cy), v(cx + s * 0.25, cy + s * 0.7)]);
      if (name === 'back') g.lineBetween(cx - s * 0.4, cy, cx + s * 0.8, cy);
      break;
    case 'next':
      g.strokePoints([v(cx - s * 0.25, cy - s * 0.7), v(cx + s * 0.45, cy), v(cx - s * 0.25, cy + s * 0.7)]);
      break;
    case 'close':
      g.lineBetween(cx - s * 0.6, cy - s * 0.6, cx + s * 0.6, cy + s * 0.6);
      g.lineBetween(cx + s * 0.6, cy - s * 0.6, cx - s * 0.6, cy + s * 0.6);
      break;
    case 'gear': {
      const teeth = 8;
      for (let i = 0; i < teeth; i++) {
        const a = (i / teeth) * Math.PI * 2;
        g.lineBetween(cx + Math.cos(a) * s * 0.45, cy + Math.sin(a) * s * 0.45, cx + Math.cos(a) * s * 0.9, cy + Math.sin(a) * s * 0.9);
      }
      g.strokeCircle(cx, cy, s * 0.55);
      g.fillCircle(cx, cy, s * 0.18);
      break;
    }
    case 'book':
      g.strokeRect(cx - s * 0.85, cy - s * 0.6, s * 0.8, s * 1.2);
      g.strokeRect(cx + s * 0.05, cy - s * 0.6, s * 0.8, s * 1.2);
      g.lineBetween(cx - s * 0.65, cy - s * 0.25, cx - s * 0.25, cy - s * 0.25);
      g.lineBetween(cx + s * 0.25, cy - s * 0.25, cx + s * 0.65, cy - s * 0.25);
      g.lineBetween(cx - s * 0.65, cy + s * 0.1, cx - s * 0.25, cy + s * 0.1);
      g.lineBetween(cx + s * 0.25, cy + s * 0.1, cx + s * 0.65, cy + s * 0.1);
      break;
    case 'lock':
      g.beginPath();
      g.arc(cx, cy - s * 0.15, s * 0.42, Math.PI, 0, false);
      g.strokePath();
      g.lineBetween(cx - s * 0.42, cy - s * 0.15, cx - s * 0.42, cy + s * 0.05);
      g.lineBetween(cx + s * 0.42, cy - s * 0.15, cx + s * 0.42, cy + s * 0.05);
      g.fillRoundedRect(cx - s * 0.7, cy + s * 0.0, s * 1.4, s * 0.95, s * 0.15);
      break;
    case 'check':
      g.strokePoints([v(cx - s * 0.65, cy), v(cx - s * 0.15, cy + s * 0.5), v(cx + s * 0.7, cy - s * 0.55)]);
      break;
    case 'play':
      g.fillTriangle(cx - s * 0.45, cy - s * 0.65, cx - s * 0.45, cy + s * 0.65, cx + s * 0.7, cy);
      break;
    case 'cubes':
      g.strokeRect(cx - s * 0.85, cy - s * 0.05, s * 0.8, s * 0.8);
      g.strokeRect(cx + s * 0.05, cy - s * 0.05, s * 0.8, s * 0.8);
      g.strokeRect(cx - s * 0.4, cy - s * 0.85, s * 0.8, s * 0.8);
      break;
    case 'download':
    case 'upload': {
      const up = name === 'upload';
      g.lineBetween(cx, cy - s * 0.7, cx, cy + s * 0.35);
      const tip = up ? cy - s * 0.75 : cy + s * 0.4;
      const back = up ? cy - s * 0.3 : cy - s * 0.05;
      g.strokePoints([v(cx - s * 0.4, back), v(cx, tip), v(cx + s * 0.4, back)]);
      g.lineBetween(cx - s * 0.8, cy + s * 0.75, cx + s * 0.8, cy + s * 0.75);
      break;
    }
  }
}

/** The ten corners of a five-pointed star of outer radius `outer` centred at (cx, cy), top point up. */
export function starPoints(cx: number, cy: number, outer: number): Phaser.Math.Vector2[] {
  const inner = outer * 0.45;
  return Array.from({ length: 10 }, (_, i) => {
    const radius = i % 2 === 0 ? outer : inner;
    const angle = -Math.PI / 2 + (i * Math.PI) / 5;
    return v(cx + Math.cos(angle) * radius, cy + Math.sin(angle) * radius);
  });
}

/**
 * Three stars in a row, centred at (cx, cy). Earned stars are filled, the others only outlined, so
 * the count reads by shape as well as by colour.
 */
export function drawStars(g: Phaser.GameObjects.Graphics, cx: number, cy: number, size: number, earned: number, palette: Palette): void {
  const gap = size * 1.15;
  for (let i = 0; i < 3; i++) {
    const points = starPoints(cx + (i - 1) * gap, cy, size / 2);
    if (i < earned) {
      g.fillStyle(palette.star, 1);
      g.fillPoints(points, true);
      g.lineStyle(Math.max(1, size * 0.06), palette.shadow, 0.5);
      g.strokePoints(points, true);
    } else {
      g.lineStyle(Math.max(1.5, size * 0.08), palette.starEmpty, 1);
      g.strokePoints(points, true);
    }
  }
}

/**
 * Destroys everything a scene shows, before it draws itself again. (`children.removeAll(true)` only takes
 * objects off the list — its argument skips a callback — and leaves every Text holding its canvas: each
 * rebuild of a screen then leaked all its labels.)
 */
export function destroyChildren(scene: Phaser.Scene): void {
  const objects = scene.children.list.slice();
  for (const object of objects) object.destroy();
  scene.children.removeAll();
}
