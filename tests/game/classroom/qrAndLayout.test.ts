// The result code's QR (made with uqr) decodes back to the code with an independent reader (jsQR), for the
// largest codes a session makes; and the debrief's action row with a result-code button keeps four
// buttons inside the content, none overlapping, at classroom screen sizes.
import jsQR from 'jsqr';
import { describe, expect, it } from 'vitest';
import { computeLayout, type Rect } from '../../../src/game/layout';
import { debriefLayout } from '../../../src/game/debrief/debriefLayout';
import { debriefActionRects } from '../../../src/game/classroom/sessionHooks';
import { QR_QUIET_MODULES, qrModules } from '../../../src/game/classroom/qr';

/** The modules as RGBA pixels, `cell` pixels per module, with the quiet zone. */
function render(modules: boolean[][], cell: number): { data: Uint8ClampedArray; side: number } {
  const count = modules.length + QR_QUIET_MODULES * 2;
  const side = count * cell;
  const data = new Uint8ClampedArray(side * side * 4).fill(255);
  modules.forEach((row, r) =>
    row.forEach((dark, c) => {
      if (!dark) return;
      for (let y = 0; y < cell; y += 1) {
        for (let x = 0; x < cell; x += 1) {
          const at = (((r + QR_QUIET_MODULES) * cell + y) * side + (c + QR_QUIET_MODULES) * cell + x) * 4;
          data[at] = data[at + 1] = data[at + 2] = 0;
        }
      }
    }),
  );
  return { data, side };
}

describe('qrModules', () => {
  it.each([60, 250, 400, 530])('a %i-character code decodes back to itself', (length) => {
    const code = `KC1-${'Ab9_-xYz'.repeat(60).slice(0, length - 13)}-0123abcd`;
    const { data, side } = render(qrModules(code), 3);
    expect(jsQR(data, side, side)?.data).toBe(code);
  });
});

function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

describe('debriefActionRects', () => {
  it.each([
    [1280, 720],
    [1920, 1080],
    [768, 1024],
    [640, 360],
  ])('at %i×%i: four buttons inside the content, apart, as tall as before', (width, height) => {
    const layout = computeLayout(width, height);
    const dl = debriefLayout(layout);
    const rects = debriefActionRects(dl.actions, true, layout.content, layout.gap);
    const all = [rects.code!, rects.retry, rects.next, rects.map];
    for (const rect of all) {
      expect(rect.x).toBeGreaterThanOrEqual(layout.content.x);
      expect(rect.x + rect.width).toBeLessThanOrEqual(layout.content.x + layout.content.width + 0.5);
      expect(rect.height).toBe(dl.actions.retry.height);
      expect(rect.width).toBeGreaterThan(60);
    }
    for (let i = 0; i < all.length; i += 1) for (let j = i + 1; j < all.length; j += 1) expect(overlaps(all[i]!, all[j]!)).toBe(false);
    // Without a code the row is the debrief's own.
    expect(debriefActionRects(dl.actions, false, layout.content, layout.gap)).toBe(dl.actions);
  });

  it.each([
    [1280, 720],
    [1920, 1080],
    [768, 1024],
    [640, 360],
  ])('at %i×%i: with the race button, four or five buttons inside the content, apart, in order', (width, height) => {
    const layout = computeLayout(width, height);
    const dl = debriefLayout(layout);
    for (const withCode of [false, true]) {
      const rects = debriefActionRects(dl.actions, withCode, layout.content, layout.gap, true);
      const all = [...(withCode ? [rects.code!] : []), rects.race!, rects.retry, rects.next, rects.map];
      expect(rects.code === undefined).toBe(!withCode);
      for (const rect of all) {
        expect(rect.x).toBeGreaterThanOrEqual(layout.content.x);
        expect(rect.x + rect.width).toBeLessThanOrEqual(layout.content.x + layout.content.width + 0.5);
        expect(rect.height).toBe(dl.actions.retry.height);
        expect(rect.width).toBeGreaterThan(60);
      }
      for (let i = 1; i < all.length; i += 1) expect(all[i]!.x).toBeGreaterThan(all[i - 1]!.x + all[i - 1]!.width - 0.5);
    }
  });
});
