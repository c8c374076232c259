// A live run with the player's commands equals its replay: the Play scene's result (runBuild of the build
// with the command log, on the same seed) has the live run's trace hash and metrics, so the stars the game
// shows are exactly the ones the command line computes.
import { describe, expect, it } from 'vitest';
import { finishRun, nextAttempt, playedBuild, rememberBuild, rememberedBuild } from '../../../src/game/play/runResult';
import { PacketTracks } from '../../../src/game/play/PacketTracks';
import { builtInLevel } from '../../../src/levels';
import { rankLevel, runBuild, withStars } from '../../../src/scoring/rankLevel';
import { canonicalBuild } from '../../../src/sim/canonicalBuild';
import { createSimulation, type Simulation } from '../../../src/sim/Simulation';
import type { Build, Command, Level } from '../../../src/sim/types';
import { app, level } from '../../sim/fixtures';

type Script = Array<{ atSecond: number; command: (simulation: Simulation) => Omit<Command, 'atMs'> }>;

/** Runs a build live the way the scene does: uneven frames, commands stamped with the engine's time. */
function liveRun(testLevel: Level, build: Build, seed: number, script: Script): Simulation {
  const tracks = new PacketTracks();
  const created = createSimulation(testLevel, build, { seed, listener: (event) => tracks.handle(event) });
  if (!created.ok) throw new Error('infeasible');
  const simulation = created.simulation;
  const pending = [...script];
  let frame = 0;
  while (!simulation.done) {
    while (pending.length > 0 && simulation.nowUs >= pending[0].atSecond * 1e6) {
      const step = pending.shift()!;
      simulation.enqueue({ ...step.command(simulation), atMs: simulation.nowUs / 1000 } as Command);
    }
    simulation.step(1 + (frame % 7));
    frame += 1;
  }
  return simulation;
}

function expectReplayEqualsLive(testLevel: Level, build: Build, seed: number, script: Script): void {
  const simulation = liveRun(testLevel, build, seed, script);
  const { result, build: played } = finishRun(testLevel, build, simulation, seed);
  expect(played.commands?.length ?? 0).toBe(simulation.commandLog().length);
  expect(result.traceHash).toBe(simulation.traceHash());
  expect(result.metrics).toEqual(simulation.metrics());
  const ranking = rankLevel(testLevel, seed);
  expect(result).toEqual(withStars(testLevel, runBuild(testLevel, { ...build, commands: simulation.commandLog() }, seed), ranking));
}

describe('run result', () => {
  it('flash sale: scaling by hand during the burst replays exactly', () => {
    const flashSale = builtInLevel('flash-sale')!;
    const build = canonicalBuild(flashSale, 'container');
    expectReplayEqualsLive(flashSale, build, flashSale.seed, [
      { atSecond: 2, command: () => ({ op: 'scale', app: 'shop', instances: 5 }) },
      { atSecond: 12.34, command: () => ({ op: 'scale', app: 'search', instances: 2 }) },
    ]);
  });

  it('hostile neighbour: a quarantine and a release replay exactly, with a random seed', () => {
    const hostile = builtInLevel('hostile-neighbour')!;
    expectReplayEqualsLive(hostile, canonicalBuild(hostile, 'container'), 99, [
      { atSecond: 10.5, command: () => ({ op: 'quarantine', app: 'game-mods' }) },
      { atSecond: 15, command: () => ({ op: 'release', app: 'game-mods' }) },
    ]);
  });

  it('driver switch, block and move replay exactly; a rejected command changes nothing', () => {
    const testLevel = level({ apps: [app('a', { instances: 2 }), app('b')], durationSeconds: 12 });
    const build: Build = {
      format: 'kernel-courier/build@1',
      level: testLevel.id,
      nodes: [
        { id: 'hypervisor', piece: 'type1-hypervisor', on: 'hardware' },
        { id: 'vm-b', piece: 'vm', on: 'hypervisor', kernel: 'linux', driver: 'emulated' },
      ],
      placements: [
        { app: 'a', on: 'hypervisor', vm: { kernel: 'linux', driver: 'emulated' } },
        { app: 'b', on: 'vm-b' },
      ],
    };
    expectReplayEqualsLive(testLevel, build, 7, [
      { atSecond: 1, command: () => ({ op: 'set-driver', app: 'a', driver: 'para' }) },
      { atSecond: 2, command: () => ({ op: 'set-driver', vm: 'vm-b', driver: 'para' }) },
      { atSecond: 3, command: () => ({ op: 'block', app: 'b', kind: 'net', at: 'vm-b' }) },
      { atSecond: 4, command: () => ({ op: 'set-driver', vm: 'hypervisor', driver: 'para' }) },
      { atSecond: 6, command: () => ({ op: 'move', app: 'b', on: 'hypervisor', vm: { kernel: 'linux', driver: 'para' } }) },
    ]);
  });

  it('a run without commands has no commands in its build', () => {
    const first = builtInLevel('first-delivery')!;
    const build = canonicalBuild(first, 'native');
    const simulation = liveRun(first, build, first.seed, []);
    expect(playedBuild(build, simulation).commands).toBeUndefined();
    const { result } = finishRun(first, build, simulation, first.seed);
    expect(result.score.stars).toBe(3);
    expect(result.traceHash).toBe(simulation.traceHash());
  });

  it('counts attempts per level and remembers the last build without its commands', () => {
    expect(nextAttempt('x-level')).toBe(1);
    expect(nextAttempt('x-level')).toBe(2);
    expect(nextAttempt('y-level')).toBe(1);
    const build: Build = { format: 'kernel-courier/build@1', nodes: [], placements: [], commands: [{ atMs: 0, op: 'quarantine', app: 'a' }] };
    rememberBuild('x-level', build);
    expect(rememberedBuild('x-level')).toEqual({ format: 'kernel-courier/build@1', nodes: [], placements: [] });
    expect(rememberedBuild('none')).toBeUndefined();
  });
});
