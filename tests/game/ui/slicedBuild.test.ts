// A screen drawn in slices (src/game/ui/slicedBuild.ts): a slice ends at the first step that ends past the
// budget, never inside a step; a drawing that fits is drawn at once.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runAll, runFor, type BuildSteps } from '../../../src/game/ui/slicedBuild';

/** Steps that each take `costs[i]` ms on a fake clock, recording which ran. */
function steps(costs: number[], clock: { now: number }, ran: number[]): BuildSteps {
  return (function* () {
    for (const [index, cost] of costs.entries()) {
      clock.now += cost;
      ran.push(index);
      if (index < costs.length - 1) yield;
    }
  })();
}

describe('sliced drawing', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('draws a drawing that fits the budget in one slice', () => {
    const clock = { now: 0 };
    vi.spyOn(performance, 'now').mockImplementation(() => clock.now);
    const ran: number[] = [];
    expect(runFor(steps([5, 5, 5], clock, ran), 0, 30)).toBe(true);
    expect(ran).toEqual([0, 1, 2]);
  });

  it('ends a slice after the first step that ends past the budget, and goes on where it stopped', () => {
    const clock = { now: 0 };
    vi.spyOn(performance, 'now').mockImplementation(() => clock.now);
    const ran: number[] = [];
    const drawing = steps([10, 15, 10, 20, 5], clock, ran);
    expect(runFor(drawing, 0, 30)).toBe(false);
    expect(ran).toEqual([0, 1, 2]);
    const second = clock.now;
    expect(runFor(drawing, second, 30)).toBe(true);
    expect(ran).toEqual([0, 1, 2, 3, 4]);
  });

  it('counts the budget from the slice start given (work done before the first step counts)', () => {
    const clock = { now: 25 };
    vi.spyOn(performance, 'now').mockImplementation(() => clock.now);
    const ran: number[] = [];
    expect(runFor(steps([10, 10], clock, ran), 0, 30)).toBe(false);
    expect(ran).toEqual([0]);
  });

  it('runAll draws every step at once', () => {
    const clock = { now: 0 };
    const ran: number[] = [];
    runAll(steps([100, 100, 100], clock, ran));
    expect(ran).toEqual([0, 1, 2]);
  });
});
