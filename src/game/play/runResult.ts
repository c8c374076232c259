// The end of a run in the CLI's JSON shape (contracts.md §2), stars included exactly as the command line
// computes them: the player's build with the commands the engine applied is replayed by runBuild on the
// same seed (determinism makes the replay equal the live run) and ranked against the level's best.
import { rankLevel, runBuild, withStars, type Ranking, type RunResult } from '../../scoring/rankLevel';
import type { Simulation } from '../../sim/Simulation';
import type { Build, Level } from '../../sim/types';

export interface FinishedRun {
  result: RunResult;
  /** The player's build with the commands of the run: what the debrief and result codes carry. */
  build: Build;
}

const rankings = new Map<string, Ranking>();

/** The level's ranking on a seed, computed once per session (it runs every allowed architecture). */
export function rankingFor(level: Level, seed: number): Ranking {
  const key = `${level.id}:${seed}`;
  let ranking = rankings.get(key);
  if (!ranking) {
    ranking = rankLevel(level, seed);
    if (rankings.size > 32) rankings.clear();
    rankings.set(key, ranking);
  }
  return ranking;
}

/** The build as played: the edited build plus every command the engine applied. */
export function playedBuild(build: Build, simulation: Pick<Simulation, 'commandLog'>): Build {
  const commands = simulation.commandLog();
  const played: Build = { ...build };
  if (commands.length > 0) played.commands = commands;
  else delete played.commands;
  return played;
}

/** Scores a finished (or abandoned) run the way `npm run sim -- --level … --build …` would. */
export function finishRun(level: Level, build: Build, simulation: Pick<Simulation, 'commandLog'>, seed: number): FinishedRun {
  const played = playedBuild(build, simulation);
  const ranking = rankingFor(level, seed);
  const result = withStars(level, runBuild(level, played, seed), ranking);
  return { result, build: played };
}

/** Runs of each level in this session (1 for the first), for the debrief's "second attempt" rule. */
const attempts = new Map<string, number>();

export function nextAttempt(levelId: string): number {
  const count = (attempts.get(levelId) ?? 0) + 1;
  attempts.set(levelId, count);
  return count;
}

export function attemptsSoFar(levelId: string): number {
  return attempts.get(levelId) ?? 0;
}

/** The last build the player made for each level in this session: a retry starts from it. */
const lastBuilds = new Map<string, Build>();

export function rememberBuild(levelId: string, build: Build): void {
  const { commands: _commands, ...withoutCommands } = build;
  lastBuilds.set(levelId, structuredClone(withoutCommands) as Build);
}

export function rememberedBuild(levelId: string): Build | undefined {
  const build = lastBuilds.get(levelId);
  return build ? (structuredClone(build) as Build) : undefined;
}
