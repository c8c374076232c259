// Realistic finished runs of every built-in level, for the code-size test and the benchmark: the level's
// reference build (or the canonical build of its expected architecture) with up to 10 commands of the kinds
// the play screen issues (src/game/scenes/courier/RunControls.ts): + / − on an app (scale to one more or one
// fewer), switching a VM's driver, blocking one kind of an app's packets at a layer, quarantining and
// releasing an untrusted app. Times are what the game stamps: the tick's start, a multiple of 10 ms,
// spread over the run. Nothing here is chosen to make codes short: the apps cycle through every app of the
// level, longest ids included.
import { makeResultCode } from '../../src/classroom/resultCode';
import { CAMPAIGN_LEVELS } from '../../src/levels/index';
import { rankLevel, runBuild, withStars, type Ranking } from '../../src/scoring/rankLevel';
import { canonicalBuild } from '../../src/sim/canonicalBuild';
import type { Architecture, Build, Command, Level, PacketKind } from '../../src/sim/types';
import { BUILD_FORMAT, PACKET_KINDS } from '../../src/sim/types';

/** The build a player of the level would most likely finish with: its reference, or its expected
 * architecture's canonical build, or the first allowed one — without the reference's own commands (since
 * kc-model-4 some references scale an app down at run time): the runs add their own. */
export function referenceBuild(level: Level): Build {
  if (level.reference) {
    const { commands: _own, ...placed } = level.reference;
    return { ...placed, format: BUILD_FORMAT, level: level.id };
  }
  return canonicalBuild(level, (level.expected ?? level.allow[0]) as Architecture);
}

/** `count` commands (0–10 or more) of the kinds the play screen issues, over the level's apps in turn. */
export function realisticCommands(level: Level, build: Build, count: number): Command[] {
  const durationMs = level.durationSeconds * 1000;
  const live = new Map(level.apps.map((app) => [app.id, app.instances]));
  const quarantined = new Set<string>();
  const drivers = new Map<string, 'para' | 'emulated'>();
  const commands: Command[] = [];
  for (let index = 0; index < count; index += 1) {
    const app = level.apps[index % level.apps.length];
    // A tick's start, spread over the run, never twice the same.
    const atMs = Math.min(durationMs - 10, Math.round((durationMs * (index + 1)) / (count + 2) / 10) * 10 + 10 * index);
    const placement = build.placements.find((entry) => entry.app === app.id);
    const vmNode = build.nodes.find((node) => node.id === placement?.on && node.piece === 'vm')
      ?? build.nodes.find((node) => node.piece === 'vm' && build.nodes.some((child) => child.id === placement?.on && child.on === node.id));
    const kind: PacketKind = PACKET_KINDS.find((candidate) => (app.io[candidate] ?? 0) > 0) ?? 'net';
    const step = index % 5;
    if (step === 2 && (placement?.vm !== undefined || vmNode !== undefined)) {
      const key = vmNode?.id ?? app.id;
      const current = drivers.get(key) ?? placement?.vm?.driver ?? vmNode?.driver ?? 'para';
      const driver = current === 'para' ? 'emulated' : 'para';
      drivers.set(key, driver);
      commands.push(vmNode !== undefined ? { atMs, op: 'set-driver', vm: vmNode.id, driver } : { atMs, op: 'set-driver', app: app.id, driver });
    } else if (step === 3 && placement !== undefined) {
      commands.push({ atMs, op: 'block', app: app.id, kind, at: placement.on });
    } else if (step === 4 && app.trust === 'untrusted') {
      const op = quarantined.has(app.id) ? 'release' : 'quarantine';
      if (op === 'release') quarantined.delete(app.id);
      else quarantined.add(app.id);
      commands.push({ atMs, op, app: app.id });
    } else {
      const now = live.get(app.id) ?? 1;
      const instances = index % 4 === 1 && now > 1 ? now - 1 : now + 1;
      live.set(app.id, instances);
      commands.push({ atMs, op: 'scale', app: app.id, instances });
    }
  }
  return commands;
}

export interface RealisticRun {
  level: Level;
  build: Build;
}

/** Every built-in level with its reference build and `count` commands. */
export function realisticRuns(count = 10): RealisticRun[] {
  return CAMPAIGN_LEVELS.map((level) => {
    const build = referenceBuild(level);
    const commands = realisticCommands(level, build, count);
    return { level, build: commands.length > 0 ? { ...build, commands } : build };
  });
}

export interface ScoredRun extends RealisticRun {
  seed: number;
  score: number;
  stars: number;
}

const rankings = new Map<string, Ranking>();

/** The run scored as the game scores it (the screen's total and stars), on `seed`. */
export function scoreRun(run: RealisticRun, seed: number): ScoredRun {
  const key = `${run.level.id}:${seed}`;
  let ranking = rankings.get(key);
  if (ranking === undefined) {
    ranking = rankLevel(run.level, seed);
    rankings.set(key, ranking);
  }
  const result = withStars(run.level, runBuild(run.level, run.build, seed), ranking);
  return { ...run, seed, score: result.score.total, stars: result.score.stars };
}

/** A typical nickname: three Hangul syllables (9 UTF-8 bytes). */
export const TYPICAL_NICK = '김민지';
/** The longest a nickname may be, in the script that costs most bytes: 24 Hangul syllables. */
export const WORST_NICK = '가나다라마바사아자차카타파하거너더러머버서어저처';

/** The result code of a scored run, as the debrief makes it. */
export function codeOf(run: ScoredRun, nick = TYPICAL_NICK, attempt = 3): string {
  return makeResultCode({
    session: '7K3M9QX2',
    nick,
    level: run.level,
    seed: run.seed,
    attempt,
    prediction: run.level.expected ?? null,
    build: run.build,
    score: run.score,
    stars: run.stars,
  });
}
