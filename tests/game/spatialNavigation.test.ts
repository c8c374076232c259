// Tests arrow-key and Tab navigation between focusable items.
import { describe, expect, it } from 'vitest';
import { nextInDirection, nextInOrder } from '../../src/game/ui/spatialNavigation';

const cell = (column: number, row: number) => ({ x: column * 110, y: row * 60, width: 100, height: 50 });

describe('nextInDirection', () => {
  // A 3×2 grid plus a wide button below it.
  const rects = [cell(0, 0), cell(1, 0), cell(2, 0), cell(0, 1), cell(1, 1), cell(2, 1), { x: 0, y: 130, width: 320, height: 50 }];

  it('moves within rows and columns', () => {
    expect(nextInDirection(rects, 0, 'right')).toBe(1);
    expect(nextInDirection(rects, 1, 'down')).toBe(4);
    expect(nextInDirection(rects, 4, 'up')).toBe(1);
    expect(nextInDirection(rects, 5, 'left')).toBe(4);
  });

  it('reaches an item that spans several columns', () => {
    expect(nextInDirection(rects, 5, 'down')).toBe(6);
    expect(nextInDirection(rects, 6, 'up')).toBe(3);
  });

  it('stays put at an edge', () => {
    expect(nextInDirection(rects, 2, 'right')).toBeUndefined();
    expect(nextInDirection(rects, 0, 'up')).toBeUndefined();
    expect(nextInDirection([], 0, 'up')).toBeUndefined();
  });

  it('does not treat an item above, a few pixels right of centre, as "to the right"', () => {
    const items = [{ x: 600, y: 300, width: 500, height: 50 }, { x: 840, y: 100, width: 300, height: 50 }];
    expect(nextInDirection(items, 0, 'right')).toBeUndefined();
    expect(nextInDirection(items, 0, 'up')).toBe(1);
  });

  it('prefers an item in line over a nearer diagonal one', () => {
    const items = [{ x: 0, y: 0, width: 100, height: 40 }, { x: 120, y: 60, width: 100, height: 40 }, { x: 0, y: 200, width: 100, height: 40 }];
    expect(nextInDirection(items, 0, 'down')).toBe(2);
  });
});

describe('nextInOrder', () => {
  const all = () => true;
  it('goes forward and back with wrap-around, skipping disabled items', () => {
    expect(nextInOrder(3, -1, 1, all)).toBe(0);
    expect(nextInOrder(3, 2, 1, all)).toBe(0);
    expect(nextInOrder(3, 0, -1, all)).toBe(2);
    expect(nextInOrder(3, 0, 1, (i) => i !== 1)).toBe(2);
    expect(nextInOrder(3, -1, -1, all)).toBe(2);
    expect(nextInOrder(2, 0, 1, () => false)).toBeUndefined();
  });
});
