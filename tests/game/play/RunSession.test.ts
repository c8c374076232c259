// One run for the view: stepping by frames, the player's commands, and what the board must show beyond
// packets (breaches and cracked walls, quarantine, bursts and boots, moves), with the log in words.
import { describe, expect, it } from 'vitest';
import { createI18n } from '../../../src/i18n/createI18n';
import { addEngineStrings } from '../../../src/i18n/engineStrings';
import { logText } from '../../../src/game/play/runLog';
import { engineBudgetMs, FRAME_BUDGET_MS, FRAME_SCRIPT_MS, MIN_FRAME_BUDGET_MS, RunSession, SKIP_BUDGET_MS } from '../../../src/game/play/RunSession';
import { builtInLevel, CAMPAIGN_LEVELS } from '../../../src/levels';
import { canonicalBuild } from '../../../src/sim/canonicalBuild';
import type { Build, Level } from '../../../src/sim/types';

function i18nFor(language: 'en' | 'ko') {
  const i18n = createI18n(language, CAMPAIGN_LEVELS);
  addEngineStrings(i18n);
  return i18n;
}

/** A session whose wall clock stands still: the per-frame time budget never cuts a frame short, so the
 * tests below see whole frames whatever the machine's load (the budget has its own tests at the end). */
function start(level: Level, build: Build, seed = level.seed): RunSession {
  const session = RunSession.start({ level, build, seed, now: () => 0 });
  if (!(session instanceof RunSession)) throw new Error('infeasible');
  return session;
}

function runFor(session: RunSession, seconds: number): void {
  const frames = Math.round((seconds * 1000) / 16);
  for (let frame = 0; frame < frames && !session.done; frame += 1) session.advance(16);
}

describe('RunSession', () => {
  it('refuses a build that breaks a rule', () => {
    const level = builtInLevel('first-delivery')!;
    const started = RunSession.start({ level, build: { format: 'kernel-courier/build@1', nodes: [], placements: [] }, seed: 1 });
    expect(started).toEqual({ violations: [expect.objectContaining({ code: 'unplaced-app' })] });
  });

  it('steps whole ticks per frame, draws a tick behind, and tracks packets', () => {
    const level = builtInLevel('first-delivery')!;
    const session = start(level, canonicalBuild(level, 'native'));
    session.clock.speed = 2;
    expect(session.advance(16)).toBe(3);
    runFor(session, 2);
    expect(session.drawTimeUs).toBeLessThan(session.simulation.nowUs);
    expect(session.drawTimeUs).toBeGreaterThanOrEqual(session.simulation.nowUs - 10_000);
    expect(session.tracks.size).toBeGreaterThan(0);
  });

  it('a kernel exploit on shared containers breaches the shop, cracks the shared kernel and says so', () => {
    const level = builtInLevel('hostile-neighbour')!;
    const session = start(level, canonicalBuild(level, 'container'));
    session.clock.speed = 4;
    runFor(session, 3);
    expect(session.breachedTenants).toEqual(new Set(['shop']));
    expect(session.cracked.has('host')).toBe(true);
    const breach = session.log.find((entry) => entry.key === 'breach');
    expect(breach?.announce).toBe(true);
    const i18n = i18nFor('en');
    expect(logText(i18n, breach!, (id) => id)).toBe('10.0 s · Kernel exploit from game-mods crossed the shared kernel: tenant shop breached.');
  });

  it('in VMs the same exploit is contained by the VM boundary', () => {
    const level = builtInLevel('hostile-neighbour')!;
    const session = start(level, canonicalBuild(level, 'type1-para'));
    session.clock.speed = 4;
    runFor(session, 3);
    expect(session.breachedTenants.size).toBe(0);
    expect(session.log.map((entry) => entry.key)).toContain('contained.vm');
  });

  it('a burst boots instances that the board can show booting, then ready', () => {
    const level = builtInLevel('flash-sale')!;
    const session = start(level, canonicalBuild(level, 'type1-para'));
    session.clock.speed = 4;
    runFor(session, 1.2);
    expect(session.bursts[0]).toMatchObject({ app: 'shop', required: 8, served: null });
    expect(session.booting().length).toBeGreaterThan(0);
    expect(session.liveCount('shop')).toBe(8);
    expect(session.readyCount('shop')).toBe(2);
    expect(session.drawnInstances('shop')).toHaveLength(8);
  });

  it('commands become engine commands at the current time; quarantine and moves show on the board', () => {
    const level = builtInLevel('hostile-neighbour')!;
    const session = start(level, canonicalBuild(level, 'container'));
    runFor(session, 1);
    const stamped = session.command({ op: 'quarantine', app: 'game-mods' });
    expect(stamped.atMs).toBe(session.simulation.nowUs / 1000);
    runFor(session, 0.1);
    expect(session.quarantined.has('game-mods')).toBe(true);
    session.command({ op: 'release', app: 'game-mods' });
    runFor(session, 0.1);
    expect(session.quarantined.has('game-mods')).toBe(false);
    expect(session.simulation.commandLog().map((command) => command.op)).toEqual(['quarantine', 'release']);
  });

  it('a scale command changes instances, not the board (no whole-screen redraw); a quarantine changes the board', () => {
    const level = builtInLevel('hostile-neighbour')!;
    const session = start(level, canonicalBuild(level, 'container'));
    runFor(session, 1);
    const board = session.boardVersion;
    const instances = session.instancesVersion;
    session.command({ op: 'scale', app: 'game-mods', instances: 3 });
    runFor(session, 2);
    expect(session.simulation.commandLog().map((command) => command.op)).toEqual(['scale']);
    expect(session.instancesVersion).toBeGreaterThan(instances);
    expect(session.boardVersion).toBe(board);
    session.command({ op: 'quarantine', app: 'game-mods' });
    runFor(session, 0.1);
    expect(session.boardVersion).toBe(board + 1);
  });

  it('a rejected move names the kernels in its reason', () => {
    const level = builtInLevel('linux-on-windows')!;
    const session = start(level, canonicalBuild(level, 'container'));
    session.command({ op: 'move', app: 'dev-api', on: 'engine' });
    runFor(session, 0.1);
    const rejected = session.log.find((entry) => entry.key === 'rejected');
    expect(rejected?.reasonParams).toEqual({ appKernel: 'linux', nodeKernel: 'windows' });
    for (const language of ['en', 'ko'] as const) {
      const text = logText(i18nFor(language), rejected!, (id) => id);
      expect(text).not.toContain('{{');
      expect(text).toContain('dev-api');
    }
  });

  it('after a move the board places the app where it runs now', () => {
    const level = builtInLevel('linux-on-windows')!;
    const session = start(level, canonicalBuild(level, 'container'));
    // (linux-on-windows offers para-virtual drivers only.)
    session.command({ op: 'move', app: 'office-sync', on: 'utility-hypervisor', vm: { kernel: 'windows', driver: 'para' } });
    runFor(session, 0.1);
    expect(session.placements().find((placement) => placement.app === 'office-sync')).toEqual({ app: 'office-sync', on: 'utility-hypervisor', vm: { kernel: 'windows', driver: 'para' } });
  });

  it('a driver the level does not offer is refused, and the log says which in en and ko', () => {
    const level = builtInLevel('linux-on-windows')!;
    const session = start(level, canonicalBuild(level, 'container'));
    session.command({ op: 'move', app: 'office-sync', on: 'utility-hypervisor', vm: { kernel: 'windows', driver: 'emulated' } });
    runFor(session, 0.1);
    const rejected = session.log.find((entry) => entry.key === 'rejected');
    expect(rejected?.reasonParams).toEqual({ driver: 'emulated' });
    for (const language of ['en', 'ko'] as const) {
      const text = logText(i18nFor(language), rejected!, (id) => id);
      expect(text).not.toContain('{{');
      expect(text).not.toContain('driver-not-offered');
    }
  });

  it('skipping to the end stops tracking packets and finishes the run', () => {
    const level = builtInLevel('first-delivery')!;
    const session = start(level, canonicalBuild(level, 'native'));
    runFor(session, 1);
    session.skipToEnd();
    // The rest runs a slice per frame (at most SKIP_BUDGET_MS each): a short level needs one or a few.
    for (let frame = 0; frame < 1000 && !session.done; frame += 1) session.advance(16);
    expect(session.done).toBe(true);
    expect(session.tracks.size).toBe(0);
    expect(session.log.at(-1)?.key).toBe('ended');
  });

  describe('bounded work per frame (issue 15)', () => {
    /** A wall clock that moves `msPerRead` on every reading: every engine tick looks that slow. */
    function slowClock(msPerRead: number): () => number {
      let now = 0;
      return () => (now += msPerRead);
    }

    it('steps no more ticks in a frame than its budget allows, and catches up over later frames without losing board time', () => {
      const level = builtInLevel('first-delivery')!;
      const msPerTick = 5;
      const slow = RunSession.start({ level, build: canonicalBuild(level, 'native'), seed: 1, now: slowClock(msPerTick) });
      if (!(slow instanceof RunSession)) throw new Error('infeasible');
      slow.clock.speed = 4;
      // A 16 ms frame at 4× asks for 6 ticks; at 5 ms a tick the 12 ms budget allows 3.
      const perFrame = Math.ceil(FRAME_BUDGET_MS / msPerTick);
      expect(slow.advance(16)).toBe(perFrame);
      expect(slow.advance(16)).toBe(perFrame);
      // A frame with nothing new to ask for works off what waited.
      let caughtUp = 0;
      for (let frame = 0; frame < 10; frame += 1) caughtUp += slow.advance(0.0001);
      expect(caughtUp).toBe(12 - 2 * perFrame);
      expect(slow.clock.droppedMs).toBe(0);
    });

    it('gives the engine a smaller slice when the board took long to draw, never less than the least', () => {
      expect(engineBudgetMs(0)).toBe(FRAME_BUDGET_MS);
      expect(engineBudgetMs(FRAME_SCRIPT_MS - FRAME_BUDGET_MS)).toBe(FRAME_BUDGET_MS);
      expect(engineBudgetMs(FRAME_SCRIPT_MS - 6)).toBe(6);
      expect(engineBudgetMs(40)).toBe(MIN_FRAME_BUDGET_MS);
      const level = builtInLevel('first-delivery')!;
      const slow = RunSession.start({ level, build: canonicalBuild(level, 'native'), seed: 1, now: slowClock(1) });
      if (!(slow instanceof RunSession)) throw new Error('infeasible');
      slow.clock.speed = 4;
      // 6 ticks asked for at 1 ms a tick: a 3 ms slice steps 3 of them, the rest wait for the next frame.
      expect(slow.advance(16, MIN_FRAME_BUDGET_MS)).toBe(MIN_FRAME_BUDGET_MS);
      expect(slow.advance(16)).toBe(9);
      expect(slow.clock.droppedMs).toBe(0);
    });

    it('a backlog beyond one frame\'s cap of ticks is dropped, not kept for ever (no spiral)', () => {
      const level = builtInLevel('first-delivery')!;
      const slow = RunSession.start({ level, build: canonicalBuild(level, 'native'), seed: 1, now: slowClock(20), maxTicksPerFrame: 24 });
      if (!(slow instanceof RunSession)) throw new Error('infeasible');
      slow.clock.speed = 4;
      for (let frame = 0; frame < 100; frame += 1) expect(slow.advance(16)).toBe(1);
      expect(slow.clock.droppedMs).toBeGreaterThan(0);
      expect(slow.simulation.tick).toBe(100);
    });

    it('skipping to the end runs a slice per frame and gives the same result as running at once', () => {
      const level = builtInLevel('three-walls')!;
      const build = canonicalBuild(level, 'container');
      const reference = start(level, build);
      reference.simulation.runToEnd();
      const msPerTick = 1;
      const sliced = RunSession.start({ level, build, seed: level.seed, now: slowClock(msPerTick) });
      if (!(sliced instanceof RunSession)) throw new Error('infeasible');
      expect(sliced.skipToEnd()).toBe(false);
      expect(sliced.skipping).toBe(true);
      expect(sliced.simulation.tick).toBe(SKIP_BUDGET_MS / msPerTick);
      let frames = 0;
      while (!sliced.done) {
        const stepped = sliced.advance(16);
        expect(stepped).toBeLessThanOrEqual(SKIP_BUDGET_MS / msPerTick);
        frames += 1;
      }
      expect(frames).toBeGreaterThan(10);
      expect(sliced.skipping).toBe(false);
      expect(sliced.simulation.metrics()).toEqual(reference.simulation.metrics());
    });
  });
});

describe('RunSession walls that stopped something (issue 17 item 3)', () => {
  it('records the VM wall that contained a kernel exploit, with the attacker\'s VMs to flash', () => {
    const level = builtInLevel('hostile-neighbour') as Level;
    const session = start(level, level.reference as Build);
    runFor(session, 11);
    expect(session.stops).toEqual([{ atUs: 10_000_000, reason: 'vm', threat: 'kernel-exploit', kind: null, app: 'game-mods', walls: ['vms:game-mods'] }]);
  });

  it('records the first packet a block cuts off, once, at the blocking layer', () => {
    const level = builtInLevel('first-delivery') as Level;
    const session = start(level, canonicalBuild(level, 'native'));
    const host = session.analysis.rootNode?.id as string;
    session.command({ op: 'block', app: level.apps[0].id, kind: 'disk', at: host });
    runFor(session, 4);
    const blocks = session.stops.filter((stop) => stop.reason === 'block');
    expect(blocks).toHaveLength(1);
    expect(blocks[0]).toMatchObject({ reason: 'block', kind: 'disk', app: level.apps[0].id, walls: [`node:${host}`], threat: null });
  });
});
