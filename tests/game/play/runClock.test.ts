// The fixed-step accumulator: whole ticks per frame at the chosen speed, a cap on catch-up, and a draw time
// one tick behind the engine.
import { describe, expect, it } from 'vitest';
import { RunClock } from '../../../src/game/play/runClock';

describe('run clock', () => {
  it('steps whole ticks and keeps the remainder', () => {
    const clock = new RunClock(10);
    expect(clock.advance(16)).toBe(1);
    expect(clock.fraction).toBeCloseTo(0.6);
    expect(clock.advance(16)).toBe(2);
    expect(clock.fraction).toBeCloseTo(0.2);
  });

  it('runs faster at 2× and 4×, not at all when paused', () => {
    const clock = new RunClock(10);
    clock.speed = 4;
    expect(clock.advance(20)).toBe(8);
    clock.speed = 0;
    expect(clock.advance(1000)).toBe(0);
    clock.speed = 2;
    expect(clock.advance(10)).toBe(2);
  });

  it('caps the ticks of one slow frame instead of spiralling', () => {
    const clock = new RunClock(10, 12);
    clock.speed = 4;
    expect(clock.advance(5000)).toBe(12);
    expect(clock.advance(16)).toBe(6);
    expect(clock.droppedMs).toBeGreaterThan(0);
  });

  it('draws one tick behind the engine plus the fraction', () => {
    const clock = new RunClock(10);
    clock.advance(15);
    expect(clock.drawTimeUs(5)).toBeCloseTo((4 + 0.5) * 10_000);
    expect(new RunClock(10).drawTimeUs(0)).toBe(0);
  });
});
