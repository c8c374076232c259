// The command line (contracts.md §2): simulate a build, rank a level's architectures, or validate a file.
// One JSON object on stdout and nothing else; diagnostics on stderr; exit 2 on bad input, naming the field.

import { readFileSync, existsSync, statSync } from 'node:fs';
import { verifyCommand } from '../classroom/verifyCommand';
import { MAX_FILE_BYTES } from '../sim/bounds';
import { fillFacts } from '../i18n/levelFacts';
import { builtInLevel } from '../levels/index';
import { levelFacts } from '../scoring/levelFacts';
import { rankLevel, runBuild, withStars } from '../scoring/rankLevel';
import { canonicalBuild } from '../sim/canonicalBuild';
import { parseJsonText } from '../sim/parseJson';
import type { Architecture, Build, Level, ValidationError } from '../sim/types';
import { ARCHITECTURES, BUILD_FORMAT } from '../sim/types';
import { validateBuild } from '../sim/validateBuild';
import { validateLevel } from '../sim/validateLevel';
import { quoted, terminalJson, terminalLine } from './terminalText';

export interface CliOutcome {
  exitCode: 0 | 2;
  stdout: unknown;
  stderr: string[];
}

class BadInput extends Error {
  constructor(readonly errors: ValidationError[]) {
    super(errors.map((error) => `${error.path || '(root)'}: ${error.message}`).join('\n'));
  }
}

/** One stderr line per error, escaped for the terminal (a key or path may hold control characters). */
function stderrLines(errors: readonly ValidationError[]): string[] {
  return errors.map((error) => terminalLine(`${error.path || '(root)'}: ${error.message}`));
}

function bad(path: string, message: string, code = 'argument'): BadInput {
  return new BadInput([{ path, code, message }]);
}

interface Options {
  level?: string;
  arch?: string;
  build?: string;
  seed?: string;
  rank: boolean;
  texts: boolean;
  validate?: string;
  verify?: string;
}

const VALUE_FLAGS = new Set(['--level', '--arch', '--build', '--seed', '--validate', '--verify']);

function parseArguments(argv: string[]): Options {
  const options: Options = { rank: false, texts: false };
  for (let index = 0; index < argv.length; index += 1) {
    const flag = argv[index];
    if (flag === '--rank' || flag === '--texts') {
      options[flag === '--rank' ? 'rank' : 'texts'] = true;
      continue;
    }
    if (!VALUE_FLAGS.has(flag)) throw bad(flag, `Unknown argument ${quoted(flag)}. Use --level, --arch, --build, --seed, --rank, --texts, --validate or --verify.`);
    const value = argv[index + 1];
    if (value === undefined || value.startsWith('--')) throw bad(flag, `${flag} needs a value.`);
    index += 1;
    const key = flag.slice(2) as 'level' | 'arch' | 'build' | 'seed' | 'validate' | 'verify';
    options[key] = value;
  }
  return options;
}

function readJsonFile(path: string, flag: string): unknown {
  if (!existsSync(path)) throw bad(flag, `File ${quoted(path)} does not exist.`, 'not-found');
  let text: string;
  try {
    const stats = statSync(path);
    if (!stats.isFile()) throw bad(flag, `${quoted(path)} is not a file.`, 'not-found');
    // The size first: a huge file is refused before anything reads it.
    if (stats.size > MAX_FILE_BYTES) {
      throw bad(flag, `${quoted(path)} is ${stats.size} bytes; level and build files may be at most ${MAX_FILE_BYTES} bytes (16 MB).`, 'too-large');
    }
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if (error instanceof BadInput) throw error;
    throw bad(flag, `${quoted(path)} could not be read (${error instanceof Error && 'code' in error ? String(error.code) : 'error'}).`, 'unreadable');
  }
  const parsed = parseJsonText(text);
  if (!parsed.ok) throw new BadInput(parsed.errors.map((error) => ({ ...error, message: `${quoted(path)}: ${error.message}` })));
  return parsed.value;
}

/**
 * The text of a file of result codes for --verify, or null when `path` names no file (the argument is
 * then searched for codes itself). A file over MAX_FILE_BYTES is refused before it is read, like a level
 * or build file; one that cannot be read is bad input too.
 */
function readCodesFile(path: string): string | null {
  let size: number;
  try {
    if (!existsSync(path) || !statSync(path).isFile()) return null;
    size = statSync(path).size;
  } catch {
    return null;
  }
  if (size > MAX_FILE_BYTES) {
    throw bad('--verify', `${quoted(path)} is ${size} bytes; a file of result codes may be at most ${MAX_FILE_BYTES} bytes (16 MB).`, 'too-large');
  }
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw bad('--verify', `${quoted(path)} could not be read (${error instanceof Error && 'code' in error ? String(error.code) : 'error'}).`, 'unreadable');
  }
}

function loadLevel(reference: string): Level {
  const looksLikePath = reference.includes('/') || reference.includes('\\') || reference.endsWith('.json');
  if (!looksLikePath || !existsSync(reference)) {
    const builtIn = builtInLevel(reference);
    if (builtIn) return builtIn;
    if (!looksLikePath) throw bad('--level', `${quoted(reference)} is neither a level file nor a built-in level id.`, 'not-found');
  }
  const validated = validateLevel(readJsonFile(reference, '--level'));
  if (!validated.ok) throw new BadInput(validated.errors);
  return validated.value;
}

function parseSeed(text: string | undefined, level: Level): number {
  if (text === undefined) return level.seed;
  if (!/^-?\d+$/.test(text) || !Number.isSafeInteger(Number(text))) throw bad('--seed', `--seed must be an integer, not ${quoted(text)}.`);
  return Number(text);
}

function rankingJson(level: Level, seed: number) {
  const ranking = rankLevel(level, seed);
  return {
    level: level.id,
    seed,
    modelVersion: ranking.modelVersion,
    ranking: ranking.entries.map((entry) => ({
      arch: entry.arch,
      apps: entry.result.apps,
      feasible: entry.result.feasible,
      reasons: entry.result.reasons,
      score: entry.result.score,
      metrics: entry.result.metrics,
    })),
  };
}

/** The level's texts in every language they are written in, their figures filled in on `seed`
 * (docs/level-format.md, "Numbers in texts"): how teachers read the notes with real numbers. */
function textsJson(level: Level, seed: number) {
  const ranking = rankLevel(level, seed);
  const facts = levelFacts(level, ranking);
  const languages = new Set<string>();
  const all = [level.title, level.brief, ...(level.hints ?? []), ...(level.learningGoals ?? []), ...(level.teacherNotes ? [level.teacherNotes] : [])];
  for (const text of all) for (const language of Object.keys(text)) languages.add(language);
  const fill = (text: Record<string, string | undefined>, language: string) => fillFacts(text[language] ?? text.en ?? '', facts, language);
  const texts: Record<string, unknown> = {};
  for (const language of languages) {
    texts[language] = {
      title: fill(level.title, language),
      brief: fill(level.brief, language),
      hints: (level.hints ?? []).map((hint) => fill(hint, language)),
      learningGoals: (level.learningGoals ?? []).map((goal) => fill(goal, language)),
      ...(level.teacherNotes ? { teacherNotes: fill(level.teacherNotes, language) } : {}),
    };
  }
  return { level: level.id, seed, modelVersion: ranking.modelVersion, texts };
}

function validateFile(path: string): CliOutcome {
  const json = readJsonFile(path, '--validate');
  const isBuild = typeof json === 'object' && json !== null && (json as { format?: unknown }).format === BUILD_FORMAT;
  const validated = isBuild ? validateBuild(json) : validateLevel(json);
  if (validated.ok) return { exitCode: 0, stdout: { ok: true }, stderr: [] };
  return {
    exitCode: 2,
    stdout: { ok: false, errors: validated.errors.map((error) => ({ path: error.path, message: error.message, code: error.code })) },
    stderr: stderrLines(validated.errors),
  };
}

/** Runs the CLI on arguments; never throws on bad input (it becomes exit 2 with the field's path). */
export function runCli(argv: string[]): CliOutcome {
  try {
    const options = parseArguments(argv);
    if (options.verify !== undefined) {
      if (options.level || options.arch || options.build || options.rank || options.texts || options.validate) {
        throw bad('--verify', '--verify takes a result code or a file of codes and no other option.');
      }
      const path = options.verify;
      const outcome = verifyCommand(path, () => readCodesFile(path));
      return { ...outcome, stderr: outcome.stderr.map(terminalLine) };
    }
    if (options.validate !== undefined) {
      if (options.level || options.arch || options.build || options.rank || options.texts) {
        throw bad('--validate', '--validate takes a file and no other option.');
      }
      return validateFile(options.validate);
    }
    if (!options.level) throw bad('--level', 'Give --level <path-or-built-in-id> (or --validate <path>).', 'required');
    const level = loadLevel(options.level);
    const seed = parseSeed(options.seed, level);
    if (options.texts) {
      if (options.arch || options.build || options.rank) throw bad('--texts', '--texts prints the level\'s texts; leave out --arch, --build and --rank.');
      return { exitCode: 0, stdout: textsJson(level, seed), stderr: [] };
    }
    if (options.rank) {
      if (options.arch || options.build) throw bad('--rank', '--rank compares every architecture; leave out --arch and --build.');
      return { exitCode: 0, stdout: rankingJson(level, seed), stderr: [] };
    }
    if (options.arch && options.build) throw bad('--arch', 'Give either --arch or --build, not both.');
    let build: Build;
    if (options.arch) {
      if (!(ARCHITECTURES as readonly string[]).includes(options.arch)) {
        throw bad('--arch', `--arch must be one of ${ARCHITECTURES.join(', ')}; got ${quoted(options.arch)}.`, 'enum');
      }
      build = canonicalBuild(level, options.arch as Architecture);
    } else if (options.build) {
      const validated = validateBuild(readJsonFile(options.build, '--build'), level);
      if (!validated.ok) throw new BadInput(validated.errors);
      build = validated.value;
    } else {
      throw bad('--arch', 'Give --arch <name>, --build <path> or --rank.', 'required');
    }
    const result = withStars(level, runBuild(level, build, seed), rankLevel(level, seed));
    return { exitCode: 0, stdout: result, stderr: [] };
  } catch (error) {
    if (error instanceof BadInput) {
      return {
        exitCode: 2,
        stdout: { ok: false, errors: error.errors.map((entry) => ({ path: entry.path, message: entry.message, code: entry.code })) },
        stderr: stderrLines(error.errors),
      };
    }
    throw error;
  }
}

function isMain(): boolean {
  const entry = process.argv[1] ?? '';
  return /sim\.(ts|js|mjs)$/.test(entry) && entry.includes('cli');
}

if (isMain()) {
  const outcome = runCli(process.argv.slice(2));
  for (const line of outcome.stderr) process.stderr.write(`${line}\n`);
  process.stdout.write(`${terminalJson(outcome.stdout)}\n`);
  process.exitCode = outcome.exitCode;
}
