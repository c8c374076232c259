// A result code as a QR code, made on the device (uqr: no network), drawn as filled squares on a white
// square with the quiet zone of four modules that scanners need.
import type Phaser from 'phaser';
import { encode } from 'uqr';
import type { Rect } from '../layout';

export const QR_QUIET_MODULES = 4;

/** The dark/light modules of the code's QR (error correction M: a phone camera reads it off a screen). */
export function qrModules(text: string): boolean[][] {
  return encode(text, { ecc: 'M', border: 0 }).data;
}

/** Draws the QR in the largest whole-pixel size that fits the square; returns the rectangle it used. */
export function drawQr(g: Phaser.GameObjects.Graphics, modules: boolean[][], area: Rect): Rect {
  const count = modules.length + QR_QUIET_MODULES * 2;
  const cell = Math.max(1, Math.floor(Math.min(area.width, area.height) / count));
  const side = cell * count;
  const x = Math.round(area.x + (area.width - side) / 2);
  const y = Math.round(area.y + (area.height - side) / 2);
  g.fillStyle(0xffffff, 1);
  g.fillRect(x, y, side, side);
  g.fillStyle(0x000000, 1);
  modules.forEach((row, r) => {
    row.forEach((dark, c) => {
      if (dark) g.fillRect(x + (c + QR_QUIET_MODULES) * cell, y + (r + QR_QUIET_MODULES) * cell, cell, cell);
    });
  });
  return { x, y, width: side, height: side };
}
