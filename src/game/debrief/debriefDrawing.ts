// The Debrief's vector art, drawn with Phaser Graphics: an icon per objective (a shield for security, a
// stopwatch for speed, growing boxes for scaling, a warning sign for a broken rule, a tick for a clean
// run), one star at a time (so each can pop in), bars, the player's marker and the "this level" arrow.
// Shapes always carry the meaning together with words; colour is never the only signal.
import Phaser from 'phaser';
import type { StationKind } from '../../sim/costs';
import type { Rect } from '../layout';
import type { Palette } from '../theme';
import { starPoints } from '../ui/drawing';
import type { SentenceTopic } from '../play/debriefModel';

const v = (x: number, y: number): Phaser.Math.Vector2 => new Phaser.Math.Vector2(x, y);

/** One hue per topic; every topic also has its own icon shape. */
export const TOPIC_COLORS: Record<SentenceTopic, number> = {
  security: 0x7fb8ff,
  speed: 0xffb86b,
  scale: 0x6fe3a1,
  feasibility: 0xff7a7a,
  clean: 0x6fe3a1,
};

/** One hue per hop kind; every segment also carries its legend number. */
export const STATION_COLORS: Record<StationKind, number> = {
  'container-engine': 0x5ce1e6,
  'guest-kernel': 0xb79cff,
  'vm-exit': 0xff9f6b,
  backend: 0xff7eb3,
  'type2-process': 0xff6b6b,
  'host-syscall': 0xffd166,
  'host-kernel': 0x7fb8ff,
  disk: 0xa8b8d8,
  nic: 0x8fe3b0,
};

/** An icon for a reason's topic, centred at (cx, cy) in a square of `size`. */
export function drawTopicIcon(g: Phaser.GameObjects.Graphics, topic: SentenceTopic, cx: number, cy: number, size: number, color: number): void {
  const s = size / 2;
  const line = Math.max(2, size * 0.1);
  g.lineStyle(line, color, 1);
  g.fillStyle(color, 1);
  switch (topic) {
    case 'security': {
      // A shield.
      const shield = [v(cx, cy - s * 0.85), v(cx + s * 0.72, cy - s * 0.55), v(cx + s * 0.62, cy + s * 0.2), v(cx, cy + s * 0.88), v(cx - s * 0.62, cy + s * 0.2), v(cx - s * 0.72, cy - s * 0.55)];
      g.fillStyle(color, 0.28);
      g.fillPoints(shield, true);
      g.strokePoints(shield, true);
      g.lineBetween(cx, cy - s * 0.55, cx, cy + s * 0.55);
      break;
    }
    case 'speed': {
      // A stopwatch.
      g.strokeCircle(cx, cy + s * 0.12, s * 0.7);
      g.fillRect(cx - s * 0.18, cy - s * 0.92, s * 0.36, s * 0.18);
      g.lineBetween(cx, cy - s * 0.74, cx, cy - s * 0.58);
      g.lineBetween(cx, cy + s * 0.12, cx + s * 0.36, cy - s * 0.22);
      g.fillCircle(cx, cy + s * 0.12, s * 0.1);
      break;
    }
    case 'scale': {
      // Boxes growing in number, with an arrow up.
      const box = s * 0.42;
      g.strokeRect(cx - s * 0.85, cy + s * 0.4, box, box);
      g.strokeRect(cx - s * 0.3, cy + s * 0.4, box, box);
      g.strokeRect(cx - s * 0.3, cy - s * 0.1, box, box);
      g.lineBetween(cx + s * 0.6, cy + s * 0.82, cx + s * 0.6, cy - s * 0.6);
      g.fillTriangle(cx + s * 0.6, cy - s * 0.92, cx + s * 0.36, cy - s * 0.52, cx + s * 0.84, cy - s * 0.52);
      break;
    }
    case 'feasibility': {
      // A warning sign with an exclamation mark.
      const triangle = [v(cx, cy - s * 0.85), v(cx + s * 0.9, cy + s * 0.75), v(cx - s * 0.9, cy + s * 0.75)];
      g.fillStyle(color, 0.28);
      g.fillPoints(triangle, true);
      g.strokePoints(triangle, true);
      g.lineBetween(cx, cy - s * 0.35, cx, cy + s * 0.2);
      g.fillStyle(color, 1);
      g.fillCircle(cx, cy + s * 0.46, line * 0.8);
      break;
    }
    case 'clean': {
      g.strokeCircle(cx, cy, s * 0.82);
      g.strokePoints([v(cx - s * 0.42, cy), v(cx - s * 0.1, cy + s * 0.32), v(cx + s * 0.45, cy - s * 0.35)]);
      break;
    }
  }
}

/**
 * One star drawn around the graphics' own origin (place it with setPosition, so it can scale in place):
 * earned stars are filled, missing ones only outlined.
 */
export function drawStar(g: Phaser.GameObjects.Graphics, size: number, earned: boolean, palette: Palette): void {
  const points = starPoints(0, 0, size / 2);
  if (earned) {
    g.fillStyle(palette.star, 1);
    g.fillPoints(points, true);
    g.lineStyle(Math.max(1, size * 0.05), palette.shadow, 0.5);
    g.strokePoints(points, true);
  } else {
    g.lineStyle(Math.max(1.5, size * 0.07), palette.starEmpty, 1);
    g.strokePoints(points, true);
  }
}

/** Three small stars in a row centred at (cx, cy), for a comparison row. */
export function drawStarRow(g: Phaser.GameObjects.Graphics, cx: number, cy: number, size: number, earned: number, palette: Palette): void {
  const gap = size * 1.2;
  for (let i = 0; i < 3; i += 1) {
    const points = starPoints(cx + (i - 1) * gap, cy, size / 2);
    if (i < earned) {
      g.fillStyle(palette.star, 1);
      g.fillPoints(points, true);
    } else {
      g.lineStyle(Math.max(1.5, size * 0.08), palette.starEmpty, 1);
      g.strokePoints(points, true);
    }
  }
}

/** A horizontal bar: a track, and a fill of `fraction` of its length. */
export function drawBar(g: Phaser.GameObjects.Graphics, rect: Rect, fraction: number, color: number, palette: Palette): void {
  const radius = Math.min(rect.height / 2, 6);
  g.fillStyle(palette.track, 0.9);
  g.fillRoundedRect(rect.x, rect.y, rect.width, rect.height, radius);
  const width = rect.width * Math.min(1, Math.max(0, fraction));
  if (width > 0.5) {
    g.fillStyle(color, 1);
    g.fillRoundedRect(rect.x, rect.y, Math.max(width, radius * 2), rect.height, radius);
  }
  g.lineStyle(1.5, palette.panelBorder, 1);
  g.strokeRoundedRect(rect.x, rect.y, rect.width, rect.height, radius);
}

/** A bar that is not judged: an outline with diagonal hatching, no fill. */
export function drawHatchedBar(g: Phaser.GameObjects.Graphics, rect: Rect, color: number): void {
  const radius = Math.min(rect.height / 2, 6);
  g.lineStyle(1.5, color, 0.7);
  g.strokeRoundedRect(rect.x, rect.y, rect.width, rect.height, radius);
  const step = Math.max(8, rect.height * 0.8);
  g.lineStyle(1, color, 0.45);
  for (let x = rect.x + step; x < rect.x + rect.width; x += step) {
    g.lineBetween(x, rect.y + rect.height - 2, Math.min(rect.x + rect.width - 2, x + rect.height - 4), rect.y + 2);
  }
}

/** A right-pointing marker (a filled triangle) at (x, cy): the player's row, the level's row. */
export function drawPointer(g: Phaser.GameObjects.Graphics, x: number, cy: number, size: number, color: number): void {
  g.fillStyle(color, 1);
  g.fillTriangle(x, cy - size / 2, x, cy + size / 2, x + size * 0.85, cy);
}

/** A number in a small disc (a hop's legend number), drawn as the disc only; the caller adds the text. */
export function drawNumberDisc(g: Phaser.GameObjects.Graphics, cx: number, cy: number, radius: number, color: number, border: number): void {
  g.fillStyle(color, 1);
  g.fillCircle(cx, cy, radius);
  g.lineStyle(1.5, border, 0.9);
  g.strokeCircle(cx, cy, radius);
}
