// The sandbox's load controller holds the packets in flight near the asked number, without swinging.
import { describe, expect, it } from 'vitest';
import { initialLoadInstances, LoadController } from '../../../src/game/play/loadController';
import { loadPacketsPerInstance } from '../../../src/game/play/sandboxLevel';

/**
 * A plant: each ready instance keeps `perInstance` packets in flight once its first packets have crossed
 * the board (`fillMs` after it is ready, as the board starts empty); a new instance boots for `bootMs`.
 */
function simulate(target: number, perInstance: number, guess: number, seconds: number, bootMs = 500, fillMs = 0) {
  const controller = new LoadController({ target, perInstanceGuess: guess });
  let live = initialLoadInstances(target, guess);
  const readyAt: number[] = Array.from({ length: live }, () => 0);
  const history: number[] = [];
  const decisions: number[] = [];
  for (let ms = 0; ms <= seconds * 1000; ms += 50) {
    const ready = readyAt.filter((at) => at <= ms).length;
    const filled = readyAt.reduce((sum, at) => sum + (at > ms ? 0 : fillMs <= 0 ? 1 : Math.min(1, (ms - at + 50) / fillMs)), 0);
    const inFlight = filled * perInstance * (1 + 0.05 * Math.sin(ms / 300));
    const next = controller.update(ms, inFlight, live, ready);
    if (next !== null) {
      decisions.push(next);
      if (next > live) for (let i = live; i < next; i += 1) readyAt.push(ms + bootMs);
      else readyAt.length = next;
      live = next;
    }
    history.push(inFlight);
  }
  return { history, decisions, live };
}

describe('load controller', () => {
  it('starts near the target from its guess', () => {
    expect(initialLoadInstances(1000, 25)).toBe(40);
    expect(initialLoadInstances(0, 25)).toBe(1);
    expect(initialLoadInstances(10, 25)).toBe(1);
  });

  for (const [target, perInstance, guess] of [
    [1000, 27, 27],
    [4000, 27, 15],
    [500, 12, 30],
    [2000, 40, 27],
  ] as const) {
    it(`reaches ${target} packets when one instance carries ${perInstance} (guess ${guess}) and stays there`, () => {
      const { history } = simulate(target, perInstance, guess, 40);
      const lastTen = history.slice(-200);
      const mean = lastTen.reduce((sum, value) => sum + value, 0) / lastTen.length;
      expect(Math.abs(mean - target) / target).toBeLessThan(0.12);
    });
  }

  it('does not overshoot while the board is still filling at the start', () => {
    // The sandbox's case: the board starts empty and takes a second to fill, and the boxes take 20 s to boot.
    const { history } = simulate(1000, 27, 27, 60, 20_000, 1000);
    expect(Math.max(...history.slice(40))).toBeLessThan(1000 * 1.15);
  });

  it('never adds instances while above the target, nor removes any below it', () => {
    // An estimate far too low would ask for more instances than there are; above the target that is wrong.
    const controller = new LoadController({ target: 1000, perInstanceGuess: 2 });
    controller.update(0, 1200, 40, 40);
    const decision = controller.update(2000, 1200, 40, 40);
    expect(decision === null || decision < 40).toBe(true);
    const low = new LoadController({ target: 1000, perInstanceGuess: 500 });
    low.update(0, 600, 40, 40);
    const rising = low.update(2000, 600, 40, 40);
    expect(rising === null || rising > 40).toBe(true);
  });

  it('holds still inside the dead band', () => {
    const controller = new LoadController({ target: 1000, perInstanceGuess: 25 });
    for (let ms = 0; ms < 20_000; ms += 100) expect(controller.update(ms, 1020, 40, 40)).toBeNull();
  });

  it('waits for booting instances before deciding again', () => {
    const controller = new LoadController({ target: 1000, perInstanceGuess: 25 });
    expect(controller.update(0, 100, 4, 4)).toBeNull();
    expect(controller.update(2000, 100, 4, 4)).not.toBeNull();
    expect(controller.update(5000, 100, 8, 4)).toBeNull();
  });

  it('steps at most half the current instances at once', () => {
    const controller = new LoadController({ target: 10_000, perInstanceGuess: 10 });
    expect(controller.update(0, 100, 10, 10)).toBeNull();
    expect(controller.update(2000, 100, 10, 10)).toBe(15);
  });

  it('knows how many packets one load instance puts on the board', () => {
    expect(loadPacketsPerInstance()).toBeGreaterThan(20);
    expect(loadPacketsPerInstance()).toBeLessThan(40);
  });
});
