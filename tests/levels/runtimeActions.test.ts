// Issue 17 item 3: some later levels need a run-time action to earn three stars, and their briefs say so.
// In each of these levels the machine holds one burst at a time, not both; the reference scales the first
// burst's app back down once its deadline has passed, making room for the second. On seeds 1–20, no build
// without commands (every allowed architecture's canonical build, and the reference with its commands
// taken out) earns more than two stars, while the reference with its command — and a player who gives the
// same command a few seconds late — earns three.
import { describe, expect, it } from 'vitest';
import { CAMPAIGN_LEVELS } from '../../src/levels';
import { rankLevel, runBuild, withStars } from '../../src/scoring/rankLevel';
import { BUILD_FORMAT, type Build, type Level } from '../../src/sim/types';

const SEEDS = Array.from({ length: 20 }, (_, index) => index + 1);
/** Level id → the app the brief tells the player to scale back down. */
const NEEDS_ACTION: Record<string, string> = { 'hostile-scale': 'studio-a', 'two-kernels-one-host': 'render-api', 'mixed-fleet': 'portal' };

function reference(level: Level, commands: Build['commands']): Build {
  return { ...level.reference!, format: BUILD_FORMAT, level: level.id, commands };
}

describe.each(Object.entries(NEEDS_ACTION))('%s needs a run-time scale-down for three stars', (id, app) => {
  const level = CAMPAIGN_LEVELS.find((candidate) => candidate.id === id)!;
  const commands = level.reference?.commands ?? [];

  it('its reference scales the app back down after its burst, before the next burst', () => {
    expect(commands).toHaveLength(1);
    const [command] = commands;
    expect(command).toMatchObject({ op: 'scale', app });
    const [first, second] = level.bursts ?? [];
    expect(first.app).toBe(app);
    expect(command.atMs).toBeGreaterThanOrEqual((first.atSecond + first.deadlineSeconds) * 1000);
    expect(command.atMs).toBeLessThan(second.atSecond * 1000);
  });

  it('its brief hints at it, in English and Korean', () => {
    expect(level.brief.en).toMatch(/scale .* back down while the run goes on/);
    expect(level.brief.ko).toMatch(/실행 중에 .*다시 줄이세요/);
  });

  it('on seeds 1–20 no build without commands earns three stars; the hinted action does, even a few seconds late', () => {
    const bestWithout: number[] = [];
    const withAction: number[] = [];
    const late: number[] = [];
    for (const seed of SEEDS) {
      const ranking = rankLevel(level, seed);
      const canonical = ranking.entries.filter((entry) => entry.arch !== 'reference').map((entry) => entry.result.score.stars);
      const bare = withStars(level, runBuild(level, reference(level, []), seed), ranking).score.stars;
      bestWithout.push(Math.max(bare, ...canonical));
      withAction.push(ranking.entries.find((entry) => entry.arch === 'reference')!.result.score.stars);
      const delayed = commands.map((command) => ({ ...command, atMs: command.atMs + 3000 }));
      late.push(withStars(level, runBuild(level, reference(level, delayed), seed), ranking).score.stars);
    }
    expect(bestWithout.filter((stars) => stars <= 2), `best stars without commands: ${bestWithout.join(',')}`).toHaveLength(SEEDS.length);
    expect(withAction.filter((stars) => stars === 3), `with the action: ${withAction.join(',')}`).toHaveLength(SEEDS.length);
    expect(late.filter((stars) => stars === 3), `three seconds late: ${late.join(',')}`).toHaveLength(SEEDS.length);
  });
});
