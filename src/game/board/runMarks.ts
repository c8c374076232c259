// The marks a run draws beside packets (issue 17 item 3): a hypercall (a para-virtual driver asking the
// hypervisor directly: a diamond with an arrow down) and a trapped VM exit (an emulated device access
// trapping into the hypervisor: a ring around the packet). Shapes, not only colours; the run's legend
// draws the same ones.
import type Phaser from 'phaser';

/** Hypercall: a yellow diamond with a dark arrow pointing down, centred on (cx, cy), `size` across. */
export function hypercallMark(g: Phaser.GameObjects.Graphics, cx: number, cy: number, size: number, outline: number): void {
  const s = size / 2;
  g.fillStyle(0xffe066, 1);
  g.lineStyle(Math.max(1.5, size * 0.12), outline, 1);
  g.beginPath();
  g.moveTo(cx, cy - s);
  g.lineTo(cx + s, cy);
  g.lineTo(cx, cy + s);
  g.lineTo(cx - s, cy);
  g.closePath();
  g.fillPath();
  g.strokePath();
  // The arrow: down, towards the hypervisor.
  g.lineStyle(Math.max(1.5, size * 0.13), 0x1a1a1a, 1);
  g.lineBetween(cx, cy - s * 0.5, cx, cy + s * 0.45);
  g.lineBetween(cx - s * 0.32, cy + s * 0.12, cx, cy + s * 0.45);
  g.lineBetween(cx + s * 0.32, cy + s * 0.12, cx, cy + s * 0.45);
}

/** Trapped VM exit: a thick broken ring, `size` across, around where the packet is. */
export function vmExitMark(g: Phaser.GameObjects.Graphics, cx: number, cy: number, size: number, color: number, outline: number): void {
  const r = size / 2 - Math.max(1.5, size * 0.1);
  g.lineStyle(Math.max(3, size * 0.2), outline, 1);
  g.strokeCircle(cx, cy, r);
  g.lineStyle(Math.max(2, size * 0.12), color, 1);
  // Four arcs with gaps: a trap's jaws rather than a plain circle.
  for (let quarter = 0; quarter < 4; quarter += 1) {
    const from = (quarter * Math.PI) / 2 + 0.25;
    g.beginPath();
    g.arc(cx, cy, r, from, from + Math.PI / 2 - 0.5);
    g.strokePath();
  }
}
