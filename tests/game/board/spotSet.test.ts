// The packet layer's set of pixels drawn on a frame: a number is added once per frame, clear() empties it
// for the next frame, and a frame with as many spots as slots still answers every number right.
import { describe, expect, it } from 'vitest';
import { SPOT_SLOTS, SpotSet } from '../../../src/game/board/spotSet';

describe('SpotSet', () => {
  it('adds a spot once per frame and forgets every spot on clear', () => {
    const spots = new SpotSet();
    expect(spots.add(42)).toBe(true);
    expect(spots.add(42)).toBe(false);
    expect(spots.add(43)).toBe(true);
    spots.clear();
    expect(spots.add(42)).toBe(true);
    expect(spots.add(43)).toBe(true);
    expect(spots.add(43)).toBe(false);
  });

  it('keeps colliding numbers apart, up to a full table', () => {
    const spots = new SpotSet();
    // Spots as the layer makes them: ((x + 4096) * 16384 + (y + 4096)) * 4 + kind, for a grid of pixels.
    const made: number[] = [];
    for (let x = 0; x < 64; x += 1) for (let y = 0; y < SPOT_SLOTS / 64; y += 1) made.push(((x + 4096) * 16384 + (y + 4096)) * 4 + (x % 4));
    for (const spot of made) expect(spots.add(spot)).toBe(true);
    for (const spot of made) expect(spots.add(spot)).toBe(false);
    spots.clear();
    for (const spot of made.slice(0, 100)) expect(spots.add(spot)).toBe(true);
  });
});
