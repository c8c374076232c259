// Small vector drawings for the board: dashed outlines (container walls, targets), warning and alarm
// signs, the packet shapes (square, circle, triangle), device icons and wall cracks. Plain Graphics calls.
import type Phaser from 'phaser';
import type { Rect } from '../layout';

/** A dashed rectangle outline (Graphics has no dash style). */
export function dashedRect(g: Phaser.GameObjects.Graphics, rect: Rect, width: number, color: number, alpha: number, dash: number, gap: number): void {
  g.lineStyle(width, color, alpha);
  const edge = (x1: number, y1: number, x2: number, y2: number) => {
    const length = Math.hypot(x2 - x1, y2 - y1);
    const dx = (x2 - x1) / length;
    const dy = (y2 - y1) / length;
    for (let at = 0; at < length; at += dash + gap) {
      const end = Math.min(length, at + dash);
      g.lineBetween(x1 + dx * at, y1 + dy * at, x1 + dx * end, y1 + dy * end);
    }
  };
  const { x, y, width: w, height: h } = rect;
  edge(x, y, x + w, y);
  edge(x + w, y, x + w, y + h);
  edge(x + w, y + h, x, y + h);
  edge(x, y + h, x, y);
}

/** A warning sign: a filled triangle with an exclamation mark, centred at (cx, cy). */
export function warningSign(g: Phaser.GameObjects.Graphics, cx: number, cy: number, size: number, color: number, ink: number): void {
  const s = size / 2;
  g.fillStyle(color, 1);
  g.fillTriangle(cx, cy - s, cx + s, cy + s * 0.85, cx - s, cy + s * 0.85);
  g.fillStyle(ink, 1);
  g.fillRect(cx - size * 0.06, cy - s * 0.45, size * 0.12, s * 0.75);
  g.fillCircle(cx, cy + s * 0.55, size * 0.07);
}

/** An alarm bell for breached tenants. */
export function alarmSign(g: Phaser.GameObjects.Graphics, cx: number, cy: number, size: number, color: number, ink: number): void {
  const s = size / 2;
  g.fillStyle(color, 1);
  g.fillCircle(cx, cy, s);
  g.fillStyle(ink, 1);
  g.fillTriangle(cx - s * 0.5, cy + s * 0.35, cx + s * 0.5, cy + s * 0.35, cx, cy - s * 0.6);
  g.fillRect(cx - s * 0.5, cy + s * 0.3, s, s * 0.15);
  g.fillCircle(cx, cy + s * 0.58, s * 0.12);
}

/** Packet shapes: 0 disk = square, 1 net = circle, 2 syscall = triangle; outlined for any background. */
export function packetShape(g: Phaser.GameObjects.Graphics, kind: number, cx: number, cy: number, size: number, color: number, outline: number): void {
  const s = size / 2;
  const line = Math.max(1.5, size * 0.14);
  g.fillStyle(color, 1);
  g.lineStyle(line, outline, 1);
  if (kind === 0) {
    g.fillRect(cx - s * 0.82, cy - s * 0.82, s * 1.64, s * 1.64);
    g.strokeRect(cx - s * 0.82, cy - s * 0.82, s * 1.64, s * 1.64);
  } else if (kind === 1) {
    g.fillCircle(cx, cy, s * 0.92);
    g.strokeCircle(cx, cy, s * 0.92);
  } else {
    g.fillTriangle(cx, cy - s * 0.95, cx + s * 0.95, cy + s * 0.8, cx - s * 0.95, cy + s * 0.8);
    g.strokeTriangle(cx, cy - s * 0.95, cx + s * 0.95, cy + s * 0.8, cx - s * 0.95, cy + s * 0.8);
  }
}

/** A red ✕ for a dropped packet. */
export function dropMark(g: Phaser.GameObjects.Graphics, cx: number, cy: number, size: number, color: number, outline: number): void {
  const s = size / 2;
  g.lineStyle(Math.max(3, size * 0.34), outline, 1);
  g.lineBetween(cx - s, cy - s, cx + s, cy + s);
  g.lineBetween(cx + s, cy - s, cx - s, cy + s);
  g.lineStyle(Math.max(2, size * 0.2), color, 1);
  g.lineBetween(cx - s, cy - s, cx + s, cy + s);
  g.lineBetween(cx + s, cy - s, cx - s, cy + s);
}

/** A disk: a short cylinder. */
export function diskIcon(g: Phaser.GameObjects.Graphics, cx: number, cy: number, size: number, color: number): void {
  const w = size;
  const h = size * 0.75;
  g.lineStyle(Math.max(2, size * 0.08), color, 1);
  g.strokeEllipse(cx, cy - h / 2, w, h * 0.35);
  g.lineBetween(cx - w / 2, cy - h / 2, cx - w / 2, cy + h / 2);
  g.lineBetween(cx + w / 2, cy - h / 2, cx + w / 2, cy + h / 2);
  g.beginPath();
  g.arc(cx, cy + h / 2, w / 2, 0, Math.PI, false);
  g.strokePath();
}

/** A network card: a plug with an antenna of arcs. */
export function nicIcon(g: Phaser.GameObjects.Graphics, cx: number, cy: number, size: number, color: number): void {
  const s = size / 2;
  g.lineStyle(Math.max(2, size * 0.08), color, 1);
  g.strokeRect(cx - s * 0.8, cy, s * 1.6, s * 0.7);
  g.lineBetween(cx, cy, cx, cy - s * 0.3);
  for (let ring = 1; ring <= 2; ring += 1) {
    g.beginPath();
    g.arc(cx, cy - s * 0.3, s * 0.35 * ring, Math.PI * 1.2, Math.PI * 1.8, false);
    g.strokePath();
  }
}

/** A chip (CPU) or memory stick icon. */
export function chipIcon(g: Phaser.GameObjects.Graphics, cx: number, cy: number, size: number, color: number, memory: boolean): void {
  const s = size / 2;
  g.lineStyle(Math.max(1.5, size * 0.08), color, 1);
  if (memory) {
    g.strokeRect(cx - s, cy - s * 0.4, s * 2, s * 0.8);
    for (let i = -2; i <= 2; i += 1) g.fillStyle(color, 1).fillRect(cx + i * s * 0.36 - s * 0.1, cy - s * 0.2, s * 0.2, s * 0.4);
    return;
  }
  g.strokeRect(cx - s * 0.6, cy - s * 0.6, s * 1.2, s * 1.2);
  for (let i = -1; i <= 1; i += 1) {
    const at = i * s * 0.35;
    g.lineBetween(cx + at, cy - s, cx + at, cy - s * 0.6);
    g.lineBetween(cx + at, cy + s * 0.6, cx + at, cy + s);
    g.lineBetween(cx - s, cy + at, cx - s * 0.6, cy + at);
    g.lineBetween(cx + s * 0.6, cy + at, cx + s, cy + at);
  }
}

/** A download arrow into a tray. */
export function downloadIcon(g: Phaser.GameObjects.Graphics, cx: number, cy: number, size: number, color: number): void {
  const s = size / 2;
  g.lineStyle(Math.max(2, size * 0.12), color, 1);
  g.lineBetween(cx, cy - s * 0.8, cx, cy + s * 0.3);
  g.lineBetween(cx - s * 0.45, cy - s * 0.1, cx, cy + s * 0.35);
  g.lineBetween(cx + s * 0.45, cy - s * 0.1, cx, cy + s * 0.35);
  g.lineBetween(cx - s * 0.8, cy + s * 0.8, cx + s * 0.8, cy + s * 0.8);
}

/** Cracks across a wall: jagged lines from a few points along the top edge, the same for the same rect. */
export function cracks(g: Phaser.GameObjects.Graphics, rect: Rect, color: number, width: number): void {
  g.lineStyle(width, color, 1);
  const starts = [0.22, 0.5, 0.78];
  starts.forEach((fraction, index) => {
    let x = rect.x + rect.width * fraction;
    let y = rect.y;
    const steps = 5;
    for (let step = 1; step <= steps; step += 1) {
      const nx = x + ((step + index) % 2 === 0 ? 1 : -1) * rect.width * 0.05;
      const ny = rect.y + (rect.height * 0.8 * step) / steps;
      g.lineBetween(x, y, nx, ny);
      if (step === 2) g.lineBetween(nx, ny, nx + rect.width * 0.06 * (index - 1 || 1), ny + rect.height * 0.12);
      x = nx;
      y = ny;
    }
  });
}

/** A thick wall outline with rounded corners. */
export function wallOutline(g: Phaser.GameObjects.Graphics, rect: Rect, width: number, color: number, radius: number, alpha = 1): void {
  g.lineStyle(width, color, alpha);
  g.strokeRoundedRect(rect.x, rect.y, rect.width, rect.height, cornerRadius(rect, radius));
}

/** A corner radius a rectangle can take: never more than half its sides, never negative (the canvas throws
 * on a negative arc radius, and a board crowded with VMs gives boxes a few pixels wide). */
export function cornerRadius(rect: Rect, radius: number): number {
  return Math.max(0, Math.min(radius, rect.width / 2, rect.height / 2));
}
