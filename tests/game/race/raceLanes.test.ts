// The race view's lanes must be the ranking's runs: every allowed architecture's canonical build on the
// race's seed, stepped frame by frame as the view steps them, ending with rankLevel's scores and stars.
import { describe, expect, it } from 'vitest';
import { builtInLevel } from '../../../src/levels';
import { rankLevel, runBuild, withStars } from '../../../src/scoring/rankLevel';
import { canonicalBuild } from '../../../src/sim/canonicalBuild';
import type { Level } from '../../../src/sim/types';
import { laneScore, raceLaneSpecs, rankLanes, startLane, type LaneScore } from '../../../src/game/race/raceLanes';
import { RunSession } from '../../../src/game/play/RunSession';

function level(id: string): Level {
  const found = builtInLevel(id);
  if (!found) throw new Error(`no level ${id}`);
  return found;
}

/** Runs a lane the way the race view does: frames of ~16.7 ms at speed 4 until the run ends. */
function raceLane(lvl: Level, seed: number, spec: ReturnType<typeof raceLaneSpecs>[number]): LaneScore {
  const started = startLane(lvl, spec, seed);
  if (!(started instanceof RunSession)) return laneScore(lvl, spec, seed, null);
  started.clock.speed = 4;
  let frames = 0;
  while (!started.done && frames < 100_000) {
    started.advance(16.7);
    frames += 1;
  }
  expect(started.done).toBe(true);
  return laneScore(lvl, spec, seed, started.simulation.metrics());
}

describe('race lanes', () => {
  it('has one lane per allowed architecture, in the level order, with the canonical builds', () => {
    const lvl = level('mixed-fleet');
    const lanes = raceLaneSpecs(lvl);
    expect(lanes.map((lane) => lane.id)).toEqual(lvl.allow);
    for (const lane of lanes) expect(lane.build).toEqual(canonicalBuild(lvl, lane.id as never));
  });

  for (const [id, seed] of [['escape-artist', 7], ['pack-the-server', 1234], ['mixed-fleet', 42]] as const) {
    it(`ends every lane of ${id} on seed ${seed} with rankLevel's total and stars`, () => {
      const lvl = level(id);
      const ranking = rankLevel(lvl, seed);
      const scores = raceLaneSpecs(lvl).map((spec) => ({ id: spec.id, score: raceLane(lvl, seed, spec) }));
      for (const { id: arch, score } of scores) {
        const entry = ranking.entries.find((candidate) => candidate.arch === arch);
        expect(entry, arch).toBeDefined();
        expect({ arch, total: score.total, stars: score.stars, feasible: score.feasible }).toEqual({
          arch,
          total: entry!.result.score.total,
          stars: entry!.result.score.stars,
          feasible: entry!.result.feasible,
        });
      }
      // The seed matters on this level: a race on the level's own seed would not pass the checks above.
      const other = rankLevel(lvl, lvl.seed === seed ? seed + 1 : lvl.seed);
      const differs = scores.some(({ id: arch, score }) => other.entries.find((entry) => entry.arch === arch)!.result.score.total !== score.total);
      expect(differs).toBe(true);
    });
  }

  it("scores the player's lane as the debrief does (withStars of runBuild on the same seed)", () => {
    const lvl = level('escape-artist');
    const seed = 99;
    const yours = canonicalBuild(lvl, 'container');
    yours.placements = yours.placements.slice();
    const lanes = raceLaneSpecs(lvl, yours);
    expect(lanes.at(-1)!.id).toBe('yours');
    const score = raceLane(lvl, seed, lanes.at(-1)!);
    const expected = withStars(lvl, runBuild(lvl, yours, seed), rankLevel(lvl, seed));
    expect({ total: score.total, stars: score.stars }).toEqual({ total: expected.score.total, stars: expected.score.stars });
  });

  it('gives an infeasible build its infeasible score and no stars', () => {
    const lvl = level('mixed-fleet');
    const spec = raceLaneSpecs(lvl).find((lane) => lane.id === 'native')!;
    const started = startLane(lvl, spec, 5);
    expect(started instanceof RunSession).toBe(false);
    const score = laneScore(lvl, spec, 5, null);
    expect(score.feasible).toBe(false);
    expect(score.stars).toBe(0);
    expect(score.reasons.length).toBeGreaterThan(0);
  });

  it('ranks lanes best first, ties sharing a place and keeping lane order', () => {
    const s = (total: number): LaneScore => ({ feasible: true, total, stars: 0, reasons: [] });
    expect(rankLanes([s(50), s(80), s(50), s(90)])).toEqual({ order: [3, 1, 0, 2], places: [3, 2, 3, 1] });
  });
});
