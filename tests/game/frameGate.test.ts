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

  it('draws when the scenes on show change (a screen or overlay opened or closed)', () => {
    const gate = new FrameGate();
    run(gate, 0, 10);
    expect(gate.shouldDraw(170, still)).toBe(false);
    expect(gate.shouldDraw(186, { ...still, signature: 3 })).toBe(true);
    expect(gate.shouldDraw(202, { ...still, signature: 3 })).toBe(true);
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
