// A testing aid behind `window.kernelCourier.openDebrief` (docs/embed-api.md): runs a build of a level —
// a given build file, an architecture's canonical build, or the level's reference — scores it with
// stars against the level's ranking, and returns the scene data the Debrief expects, as the Play scene
// would hand it over. Loaded lazily with the engine screens.
import { rankLevel, runBuild, withStars } from '../../scoring/rankLevel';
import { canonicalBuild } from '../../sim/canonicalBuild';
import { validateBuild } from '../../sim/validateBuild';
import { ARCHITECTURES, BUILD_FORMAT, type Architecture, type Build, type Level } from '../../sim/types';
import type { DebriefSceneData } from './debriefData';

export interface DebriefRunOptions {
  /** An architecture the level allows (its canonical build), or `reference`. */
  arch?: string;
  /** A build file (`kernel-courier/build@1`); wins over `arch`. */
  build?: unknown;
  /** The attempt number to pretend (2 or more opens the comparison). Default 1. */
  attempt?: number;
  /** The run's seed (default: the level's). */
  seed?: number;
}

/** The build to run: the given one (validated), an architecture's canonical build, or the reference. */
export function chooseBuild(level: Level, options: DebriefRunOptions): Build {
  if (options.build !== undefined) {
    const checked = validateBuild(options.build, level);
    if (!checked.ok) throw new Error(`Invalid build: ${checked.errors.map((error) => `${error.path || '(root)'}: ${error.message}`).join('; ')}`);
    return checked.value;
  }
  const arch = options.arch ?? (level.reference ? 'reference' : level.allow[0]);
  if (arch === 'reference') {
    if (!level.reference) throw new Error(`Level ${level.id} has no reference build.`);
    return { ...level.reference, format: BUILD_FORMAT, level: level.id };
  }
  if (!(ARCHITECTURES as readonly string[]).includes(arch ?? '')) {
    throw new Error(`Unknown architecture ${JSON.stringify(arch)}. Use one of: ${[...ARCHITECTURES, 'reference'].join(', ')}.`);
  }
  // Any known architecture may be run, allowed or not: a build the level forbids shows as infeasible.
  return canonicalBuild(level, arch as Architecture);
}

/** Runs the build and returns what the Debrief scene takes as data. */
export function runForDebrief(level: Level, options: DebriefRunOptions = {}): DebriefSceneData {
  const build = chooseBuild(level, options);
  const seed = Number.isInteger(options.seed) ? (options.seed as number) : level.seed;
  const result = withStars(level, runBuild(level, build, seed), rankLevel(level, seed));
  const attempt = Number.isInteger(options.attempt) && (options.attempt as number) >= 1 ? (options.attempt as number) : 1;
  return { levelId: level.id, result, build, attempt };
}
