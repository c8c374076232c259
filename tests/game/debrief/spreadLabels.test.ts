// The star thresholds' values over a score bar: close ticks must not make their labels overlap.
import { describe, expect, it } from 'vitest';
import { spreadLabels } from '../../../src/game/debrief/debriefLayout';

describe('spreadLabels', () => {
  it('centres labels on their ticks where there is room', () => {
    expect(spreadLabels([100, 300, 500], 40, 0, 600)).toEqual([80, 280, 480]);
  });

  it('pushes close labels apart, never overlapping, and keeps them inside the bounds', () => {
    const lefts = spreadLabels([400, 410, 590], 40, 0, 600)!;
    for (let i = 1; i < lefts.length; i += 1) expect(lefts[i]!).toBeGreaterThanOrEqual(lefts[i - 1]! + 40 + 2);
    expect(lefts[0]!).toBeGreaterThanOrEqual(0);
    expect(lefts[lefts.length - 1]! + 40).toBeLessThanOrEqual(600);
  });

  it('gives up (null) when the labels cannot fit side by side', () => {
    expect(spreadLabels([10, 20, 30], 40, 0, 100)).toBeNull();
  });
});
