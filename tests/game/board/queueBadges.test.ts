import { describe, expect, it } from 'vitest';
import { queueBadges } from '../../../src/game/board/queueBadges';

describe('queueBadges', () => {
  const radius = 10;

  it('draws a badge only where two packets or more wait', () => {
    expect(queueBadges([{ x: 0, y: 0, count: 1 }, { x: 200, y: 0, count: 2 }], radius)).toEqual([{ x: 200, y: 0, count: 2 }]);
  });

  it('counts spots whose badges would touch into the first of them, where it stands', () => {
    const spots = [
      { x: 100, y: 50, count: 3 },
      { x: 110, y: 52, count: 4 },
      { x: 140, y: 45, count: 5 },
      // Far enough along the row, and a row below: badges of their own.
      { x: 150, y: 50, count: 2 },
      { x: 100, y: 80, count: 6 },
    ];
    expect(queueBadges(spots, radius)).toEqual([
      { x: 100, y: 50, count: 12 },
      { x: 150, y: 50, count: 2 },
      { x: 100, y: 80, count: 6 },
    ]);
  });

  it('leaves the spots as they were and reuses the list it is given', () => {
    const spots = [{ x: 0, y: 0, count: 2 }, { x: 5, y: 0, count: 2 }];
    const into = [{ x: 9, y: 9, count: 9 }];
    expect(queueBadges(spots, radius, into)).toBe(into);
    expect(into).toEqual([{ x: 0, y: 0, count: 4 }]);
    expect(spots[0]).toEqual({ x: 0, y: 0, count: 2 });
  });
});
