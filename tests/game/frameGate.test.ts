// Tests the rules that decide whether a still screen's frame is drawn (src/game/frameGate.ts).
import { describe, expect, it } from 'vitest';
import { FRAMES_AFTER_CHANGE, FrameGate, STILL_REDRAW_MS, type FrameState } from '../../src/game/frameGate';

const still: FrameState = { still: true, moving: false, signature: 1 };

/** Runs `frames` frames 16 ms apart from `start`; returns which were drawn. */
function run(gate: FrameGate, start: number, frames: number, state: FrameState = still): boolean[] {
  return Array.from({ length: frames }, (_, index) => gate.shouldDraw(start + index * 16, state));
}

describe('FrameGate', () => {
  it('draws a new still screen for a few frames, then only every STILL_REDRAW_MS', () => {
    const gate = new FrameGate();
    const drawn = run(gate, 0, 64);
    expect(drawn.slice(0, FRAMES_AFTER_CHANGE)).toEqual(Array(FRAMES_AFTER_CHANGE).fill(true));
    expect(drawn[FRAMES_AFTER_CHANGE]).toBe(false);
    // About one frame in STILL_REDRAW_MS / 16 afterwards.
    const later = drawn.slice(FRAMES_AFTER_CHANGE).filter(Boolean).length;
    expect(later).toBeGreaterThanOrEqual(Math.floor((61 * 16) / STILL_REDRAW_MS) - 1);
    expect(later).toBeLessThanOrEqual(Math.ceil((61 * 16) / STILL_REDRAW_MS) + 1);
    expect(gate.drawn + gate.skipped).toBe(64);
  });

  it('draws every frame of a screen that moves, and while a tween or timer is pending', () => {
    const gate = new FrameGate();
    expect(run(gate, 0, 20, { still: false, moving: false, signature: 2 })).toEqual(Array(20).fill(true));
    run(gate, 400, 10);
    expect(run(gate, 600, 5, { ...still, moving: true })).toEqual(Array(5).fill(true));
    // The step where the last tween finished was drawn; the next is not.
    expect(gate.shouldDraw(690, still)).toBe(false);
  });

  it('draws the frames after an invalidation (a key, a click, a resize)', () => {
    const gate = new FrameGate();
    run(gate, 0, 10);
    expect(gate.shouldDraw(170, still)).toBe(false);
    gate.invalidate();
    expect(run(gate, 180, FRAMES_AFTER_CHANGE + 1)).toEqual([...Array(FRAMES_AFTER_CHANGE).fill(true), false]);
  });

  it('draws when the scenes on show change (a screen or overlay opened or closed), once', () => {
    const gate = new FrameGate();
    run(gate, 0, 10);
    expect(gate.shouldDraw(170, still)).toBe(false);
    expect(gate.shouldDraw(186, { ...still, signature: 3 })).toBe(true);
    // That frame showed the new scenes: the next does not draw the same picture again.
    expect(gate.shouldDraw(202, { ...still, signature: 3 })).toBe(false);
  });

  it('does not draw again a change that the drawn step itself made (a screen started and drawn in one step)', () => {
    const gate = new FrameGate();
    // The loading screen moves: every frame drawn; its last step builds the menu (signature 1 → 4) and
    // takes 300 ms.
    expect(run(gate, 0, 5, { still: false, moving: false, signature: 1 })).toEqual(Array(5).fill(true));
    gate.drewWith(4, 64 + 300);
    // The ready mark's frame and the ones after it: the menu's picture is already on the canvas.
    expect(gate.shouldDraw(380, { ...still, signature: 4 })).toBe(false);
    expect(gate.shouldDraw(396, { ...still, signature: 4 })).toBe(false);
    // Without drewWith, the change is drawn when the next step sees it.
    const unaware = new FrameGate();
    run(unaware, 0, 5, { still: false, moving: false, signature: 1 });
    expect(unaware.shouldDraw(380, { ...still, signature: 4 })).toBe(true);
  });

  it('counts a long drawn step from its end for the still redraw', () => {
    const gate = new FrameGate();
    run(gate, 0, 10);
    expect(gate.shouldDraw(300, { ...still, moving: true })).toBe(true);
    gate.drewWith(1, 300 + 200);
    // 250 ms after the step began, but only 66 ms after it ended.
    expect(gate.shouldDraw(566, still)).toBe(false);
    expect(gate.shouldDraw(300 + 200 + STILL_REDRAW_MS, still)).toBe(true);
  });

  it('takes invalidations before a frame drawn anyway (a screen that moves) as drawn', () => {
    const gate = new FrameGate();
    // The window's first resize while the loading screen moves.
    gate.invalidate();
    expect(gate.shouldDraw(0, { still: false, moving: false, signature: 1 })).toBe(true);
    // The menu, built in that step: still from the next frame on.
    gate.drewWith(2, 10);
    expect(gate.shouldDraw(16, { ...still, signature: 2 })).toBe(false);
    // A key on a still screen still draws the frames after it.
    gate.invalidate();
    expect(run(gate, 32, FRAMES_AFTER_CHANGE + 1, { ...still, signature: 2 })).toEqual([...Array(FRAMES_AFTER_CHANGE).fill(true), false]);
  });

  it('never leaves a still screen undrawn for longer than STILL_REDRAW_MS', () => {
    const gate = new FrameGate();
    let last = 0;
    let longest = 0;
    for (let now = 0; now < 5000; now += 16) {
      if (gate.shouldDraw(now, still)) {
        longest = Math.max(longest, now - last);
        last = now;
      }
    }
    expect(longest).toBeLessThanOrEqual(STILL_REDRAW_MS + 16);
  });
});
