// Result codes (contracts.md §5b): one finished run of one level by one student, as
// `KC1-` + base64url(deflate-raw(JSON, preset dictionary)) + `-` + CRC-32 of the compressed bytes (8 lower-case
// hex digits). This module makes codes and reads them back into checked data; verify.ts replays them.
// Reading never throws: every failure is a typed error with a `code` the screens localize.
import { MODEL_VERSION } from '../sim/costs';
import type { Architecture, Build, Command, Level, Placement, Provisioning, ValidationError } from '../sim/types';
import { ARCHITECTURES, BUILD_FORMAT } from '../sim/types';
import { validateBuild } from '../sim/validateBuild';
import { ErrorList, ID_PATTERN, describeValue, isObject, neverThrow, ownValue, snapshotJson } from '../sim/validation';
import { characterCount, crc32Hex, decodeBase64url, encodeBase64url, fromUtf8, hasControlOrLoneSurrogate, utf8 } from './bytes';
import { deflateRaw, inflateRaw } from './compression';
import { KC1_DICTIONARY } from './dictionary';
import { levelHash } from './levelHash';
import { SESSION_ID_PATTERN } from './session';

export const CODE_PREFIX = 'KC1-';
export const CODE_VERSION = 1;
/** The fields of a code's JSON, in the order the contract's example writes them. */
export const CODE_KEYS = ['v', 'session', 'nick', 'level', 'levelHash', 'model', 'seed', 'attempt', 'prediction', 'build', 'score', 'stars'] as const;
export const MAX_NICK_CHARACTERS = 24;
/** Codes longer than this are refused unread (a reference build with 10 commands is under 400). */
export const MAX_CODE_CHARACTERS = 8192;
/** The most bytes a code's JSON may inflate to. */
export const MAX_CODE_JSON_BYTES = 65536;
/** A code anywhere in a text: the prefix and every character a code can hold. */
export const CODE_TOKEN = /KC1-[A-Za-z0-9_-]+/g;

/** A build as a code carries it: build@1 without `format` and `level`. */
export type CodeBuild = Omit<Build, 'format' | 'level'>;

export interface ResultCodeData {
  v: 1;
  /** The session's id, or "" for a run outside a session. */
  session: string;
  /** What the student typed (up to 24 characters; "" when there is none, as outside a session). */
  nick: string;
  level: string;
  levelHash: string;
  model: string;
  seed: number;
  attempt: number;
  prediction: Architecture | null;
  build: CodeBuild;
  /** The total the student's screen showed (the claim). */
  score: number;
  stars: number;
}

/**
 * Why a code could not be read: `not-a-code` (no `KC1-` prefix, or not one code), `too-long`, `truncated`
 * (its end is missing), `not-base64` (a character a code cannot hold, or edited), `bad-crc` (the check
 * digits do not match: mistyped or edited), `not-deflate`, `not-json`, `bad-field` (a field breaks the
 * format; `path` names it).
 */
export const CODE_ERROR_CODES = ['not-a-code', 'too-long', 'truncated', 'not-base64', 'bad-crc', 'not-deflate', 'not-json', 'bad-field'] as const;
export type CodeErrorCode = (typeof CODE_ERROR_CODES)[number];

export interface CodeError {
  code: CodeErrorCode;
  /** For `bad-field`: the JSON path of the field inside the code ("" for the whole object). */
  path?: string;
  /** English, for logs and the command line. */
  message: string;
}

export type CodeRead<T> = { ok: true; value: T } | { ok: false; error: CodeError };

// ---------------------------------------------------------------------------------------------------
// Making codes

/**
 * Short node ids for a code: the n-th distinct node id becomes n in base 36 ("0", "1", … "z", "10"…), and
 * every reference to it follows. The engine treats node ids as names only (tests/classroom/resultCode.test.ts
 * checks that renaming changes no result), and the game makes them up, so nothing the student chose is
 * lost; it saves 20–30 characters on the larger levels. A build that names a node it does not have keeps
 * its ids (renaming could then make a wrong reference right).
 */
export function shortNodeIds(build: Build | CodeBuild): Map<string, string> | null {
  const ids = new Map<string, string>();
  for (const node of build.nodes) if (!ids.has(node.id)) ids.set(node.id, ids.size.toString(36));
  const known = (id: string | undefined) => id === undefined || ids.has(id);
  if (!build.nodes.every((node) => node.on === 'hardware' || known(node.on))) return null;
  if (!build.placements.every((placement) => known(placement.on))) return null;
  for (const command of build.commands ?? []) {
    if (command.op === 'set-driver' && !known(command.vm)) return null;
    if (command.op === 'move' && !known(command.on)) return null;
    if (command.op === 'block' && !known(command.at)) return null;
  }
  return ids;
}

/** The build in the order and shape a code carries: `format`, `level` and `x-` fields left out, node ids
 * shortened (shortNodeIds), every object's fields in the order of the dictionary (so that they compress
 * best), empty lists left out. */
export function codeBuild(build: Build | CodeBuild): CodeBuild {
  const ids = shortNodeIds(build);
  const id = (value: string): string => ids?.get(value) ?? value;
  const out: CodeBuild = {
    nodes: build.nodes.map((node) => {
      const copy: Record<string, unknown> = { id: id(node.id), piece: node.piece, on: node.on === 'hardware' ? node.on : id(node.on) };
      if (node.kernel !== undefined) copy.kernel = node.kernel;
      if (node.driver !== undefined) copy.driver = node.driver;
      return copy as unknown as Build['nodes'][number];
    }),
    placements: build.placements.map((placement) => {
      const copy: Placement = { app: placement.app, on: id(placement.on) };
      if (placement.vm !== undefined) copy.vm = { kernel: placement.vm.kernel, driver: placement.vm.driver };
      return copy;
    }),
  };
  if (build.provisioning !== undefined && build.provisioning.length > 0) {
    out.provisioning = build.provisioning.map((entry) => {
      const copy: Provisioning = { app: entry.app };
      if (entry.prePull !== undefined) copy.prePull = entry.prePull;
      if (entry.warmSpares !== undefined) copy.warmSpares = entry.warmSpares;
      return copy;
    });
  }
  if (build.commands !== undefined && build.commands.length > 0) out.commands = build.commands.map((command) => commandInOrder(command, id));
  return out;
}

const COMMAND_FIELD_ORDER = ['atMs', 'op', 'vm', 'app', 'instances', 'on', 'kind', 'at', 'driver'] as const;

function commandInOrder(command: Command, id: (value: string) => string): Command {
  const source: Record<string, unknown> = { ...command };
  if (command.op === 'set-driver' && command.vm !== undefined) source.vm = id(command.vm);
  if (command.op === 'move') source.on = id(command.on);
  if (command.op === 'block') source.at = id(command.at);
  const copy: Record<string, unknown> = {};
  // `move` carries a VM template after `on`; `set-driver` a vm id before `driver`, as the dictionary has it.
  const order = command.op === 'move' ? ['atMs', 'op', 'app', 'on', 'vm'] : COMMAND_FIELD_ORDER;
  for (const key of order) if (source[key] !== undefined) copy[key] = source[key];
  return copy as unknown as Command;
}

/** The code's JSON text, fields in the contract's order. */
export function codeJson(data: ResultCodeData): string {
  const ordered: Record<string, unknown> = {};
  for (const key of CODE_KEYS) ordered[key] = key === 'build' ? codeBuild(data.build) : data[key];
  return JSON.stringify(ordered);
}

/** The same JSON with every non-ASCII character written as a `\\uXXXX` escape (JSON.parse reads both alike). */
export function asciiJson(json: string): string {
  return json.replace(/[\u0080-\uffff]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * Encodes code data as it is (no check: see makeResultCode for codes of real runs). A nickname in another
 * script is compressed both as UTF-8 and as `\\u` escapes, and the shorter kept: escapes use a dozen ASCII
 * symbols the code already has, where UTF-8 brings dozens of new byte values (24 Hangul syllables: 14
 * bytes fewer). Either way the code holds the same JSON value.
 */
export function encodeResultCode(data: ResultCodeData): string {
  const json = codeJson(data);
  let compressed = deflateRaw(utf8(json), KC1_DICTIONARY);
  if (/[\u0080-\uffff]/.test(json)) {
    const escaped = deflateRaw(utf8(asciiJson(json)), KC1_DICTIONARY);
    if (escaped.length < compressed.length) compressed = escaped;
  }
  return `${CODE_PREFIX}${encodeBase64url(compressed)}-${crc32Hex(compressed)}`;
}

export interface FinishedRunForCode {
  /** The session's id, or "" outside a session. */
  session: string;
  nick: string;
  level: Level;
  seed: number;
  attempt: number;
  prediction: Architecture | null;
  /** The build as played, with the commands of the run. */
  build: Build | CodeBuild;
  /** The total the screen showed. */
  score: number;
  stars: number;
}

/** The result code of a finished run, scored by this model on this version of the level. */
export function makeResultCode(run: FinishedRunForCode): string {
  return encodeResultCode({
    v: CODE_VERSION,
    session: run.session,
    nick: run.nick,
    level: run.level.id,
    levelHash: levelHash(run.level),
    model: MODEL_VERSION,
    seed: run.seed,
    attempt: run.attempt,
    prediction: run.prediction,
    build: codeBuild(run.build),
    // The screen shows one decimal; more digits would claim nothing more and lengthen the code.
    score: Math.round(run.score * 10) / 10,
    stars: run.stars,
  });
}

// ---------------------------------------------------------------------------------------------------
// Reading codes

function fail<T>(code: CodeErrorCode, message: string, path?: string): CodeRead<T> {
  return { ok: false, error: path === undefined ? { code, message } : { code, message, path } };
}

const CODE_SHAPE = /^KC1-([A-Za-z0-9_-]+)-([0-9a-f]{8})$/;

/** The JSON value inside a code, after the prefix, base64url, CRC and inflation are checked. Never throws. */
export function readCodeJson(input: unknown): CodeRead<unknown> {
  try {
    if (typeof input !== 'string') return fail('not-a-code', 'A result code is text.');
    const code = input.trim();
    if (!code.startsWith(CODE_PREFIX)) return fail('not-a-code', `A result code begins with "${CODE_PREFIX}".`);
    if (code.length > MAX_CODE_CHARACTERS) return fail('too-long', `The code is longer than ${MAX_CODE_CHARACTERS} characters.`);
    const shape = CODE_SHAPE.exec(code);
    if (shape === null) {
      if (/^KC1-[A-Za-z0-9_-]*$/.test(code)) return fail('truncated', 'The code is cut off: its check digits are missing.');
      return fail('not-base64', 'The code has characters a result code cannot hold.');
    }
    const decoded = decodeBase64url(shape[1]);
    if (!decoded.ok) {
      return decoded.problem === 'length'
        ? fail('truncated', 'The code is cut off or has a character too many.')
        : fail('not-base64', 'The code has been changed: its characters do not spell any bytes exactly.');
    }
    if (crc32Hex(decoded.bytes) !== shape[2]) return fail('bad-crc', 'The check digits do not match: the code was mistyped or changed.');
    const inflated = inflateRaw(decoded.bytes, MAX_CODE_JSON_BYTES, KC1_DICTIONARY);
    if (!inflated.ok) {
      if (inflated.problem === 'too-large') return fail('too-long', 'The code unpacks to more data than a result holds.');
      return fail('not-deflate', 'The code does not unpack (not KC1 compressed data).');
    }
    const text = fromUtf8(inflated.bytes);
    if (text === undefined) return fail('not-json', 'The code does not hold UTF-8 text.');
    try {
      return { ok: true, value: JSON.parse(text) as unknown };
    } catch {
      return fail('not-json', 'The code does not hold JSON.');
    }
  } catch {
    return fail('not-json', 'The code could not be read.');
  }
}

function checkShortText(value: unknown, path: string, errors: ErrorList, min: number, max: number): void {
  if (typeof value !== 'string') {
    errors.add(path, 'type', `${path} must be a string; got ${describeValue(value)}.`, { expected: 'string', actual: describeValue(value) });
    return;
  }
  const count = characterCount(value);
  if (count < min || count > max) {
    errors.add(path, 'length', `${path} must have ${min} to ${max} characters; it has ${count}.`, { min, max, actual: count });
  } else if (hasControlOrLoneSurrogate(value)) {
    errors.add(path, 'pattern', `${path} may not contain control characters.`, { pattern: 'no-control', actual: describeValue(value) });
  }
}

function checkPattern(value: unknown, path: string, errors: ErrorList, pattern: RegExp, text: string): void {
  if (typeof value === 'string' && pattern.test(value)) return;
  if (typeof value !== 'string') {
    errors.add(path, 'type', `${path} must be a string; got ${describeValue(value)}.`, { expected: 'string', actual: describeValue(value) });
  } else {
    errors.add(path, 'pattern', `${path} must be ${text}; got ${describeValue(value)}.`, { pattern: pattern.source, actual: describeValue(value) });
  }
}

function checkInteger(value: unknown, path: string, errors: ErrorList, min: number, max: number): void {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= min && value <= max) return;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    errors.add(path, 'type', `${path} must be a whole number; got ${describeValue(value)}.`, { expected: 'integer', actual: describeValue(value) });
  } else if (!Number.isInteger(value)) {
    errors.add(path, 'integer', `${path} must be a whole number; got ${value}.`, { actual: value });
  } else {
    errors.add(path, 'range', `${path} must be between ${min} and ${max}; got ${value}.`, { min, max, actual: value });
  }
}

/**
 * Checks every field of a code's JSON except the inside of `build` (only that it is an object without
 * `format` and `level`): enough to say which level and model a code names even when its build is in a
 * format this version does not know. validateCodeData adds the build's own check.
 */
export function validateCodeEnvelope(input: unknown): { ok: true; value: ResultCodeData } | { ok: false; errors: ValidationError[] } {
  const result = neverThrow(() => {
    const data = snapshotJson(input);
    const errors = new ErrorList();
    if (!isObject(data)) {
      errors.add('', 'not-object', `A code holds a JSON object; got ${describeValue(data)}.`, { actual: describeValue(data) });
      return errors.result<ResultCodeData>(data);
    }
    for (const key of Object.keys(data)) {
      if (!(CODE_KEYS as readonly string[]).includes(key)) {
        errors.add(key, 'unknown-key', `"${key}" is not a field of a result code.`, { key });
      }
    }
    for (const key of CODE_KEYS) {
      if (ownValue(data, key) === undefined) errors.add(key, 'required', `${key} is required.`, { key });
    }
    const field = (key: string) => ownValue(data, key);
    if (field('v') !== undefined && field('v') !== CODE_VERSION) {
      errors.add('v', 'format', `v must be ${CODE_VERSION}; got ${describeValue(field('v'))}.`, { expected: CODE_VERSION, actual: describeValue(field('v')) });
    }
    if (field('session') !== undefined && field('session') !== '') {
      checkPattern(field('session'), 'session', errors, SESSION_ID_PATTERN, 'a session id (8 Crockford base32 characters) or ""');
    }
    if (field('nick') !== undefined) checkShortText(field('nick'), 'nick', errors, 0, MAX_NICK_CHARACTERS);
    if (field('level') !== undefined) checkPattern(field('level'), 'level', errors, ID_PATTERN, 'a level id');
    if (field('levelHash') !== undefined) checkPattern(field('levelHash'), 'levelHash', errors, /^[0-9a-f]{8}$/, '8 lower-case hex digits');
    if (field('model') !== undefined) checkShortText(field('model'), 'model', errors, 1, 64);
    if (field('seed') !== undefined) checkInteger(field('seed'), 'seed', errors, Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
    if (field('attempt') !== undefined) checkInteger(field('attempt'), 'attempt', errors, 1, 1_000_000);
    const prediction = field('prediction');
    if (prediction !== undefined && prediction !== null && !(typeof prediction === 'string' && (ARCHITECTURES as readonly string[]).includes(prediction))) {
      errors.add('prediction', 'enum', `prediction must be null or one of: ${ARCHITECTURES.join(', ')}; got ${describeValue(prediction)}.`, {
        allowed: ARCHITECTURES.join(', '),
        actual: describeValue(prediction),
      });
    }
    const build = field('build');
    if (build !== undefined) {
      if (!isObject(build)) {
        errors.add('build', 'type', `build must be an object; got ${describeValue(build)}.`, { expected: 'object', actual: describeValue(build) });
      } else {
        for (const key of ['format', 'level']) {
          if (ownValue(build, key) !== undefined) {
            errors.add(`build.${key}`, 'forbidden', `build.${key} is left out of a code (the code's level names the level).`, { key });
          }
        }
      }
    }
    const score = field('score');
    if (score !== undefined && !(typeof score === 'number' && Number.isFinite(score) && score >= 0 && score <= 100)) {
      errors.add('score', typeof score === 'number' ? 'range' : 'type', `score must be a number from 0 to 100; got ${describeValue(score)}.`, {
        min: 0,
        max: 100,
        actual: describeValue(score),
      });
    }
    if (field('stars') !== undefined) checkInteger(field('stars'), 'stars', errors, 0, 3);
    return errors.result<ResultCodeData>(data);
  });
  return result.ok ? { ok: true, value: result.value } : { ok: false, errors: result.errors };
}

/** The build of a code as a build@1 file of its level (format and level added back). */
export function fullBuild(data: Pick<ResultCodeData, 'build' | 'level'>): Build {
  return { ...(data.build as CodeBuild), format: BUILD_FORMAT, level: data.level };
}

/** Checks a code's build with the build validator (against the level, when given). */
export function validateCodeBuild(data: Pick<ResultCodeData, 'build' | 'level'>, level?: Level): { ok: true; build: Build } | { ok: false; errors: ValidationError[] } {
  const checked = validateBuild(fullBuild(data), level);
  if (checked.ok) return { ok: true, build: checked.value };
  return { ok: false, errors: checked.errors.map((error) => ({ ...error, path: error.path === '' ? 'build' : `build.${error.path}` })) };
}

/** Every field checked, the build included (on its own: verify.ts checks it against its level). */
export function validateCodeData(input: unknown): { ok: true; value: ResultCodeData } | { ok: false; errors: ValidationError[] } {
  const envelope = validateCodeEnvelope(input);
  if (!envelope.ok) return envelope;
  const build = validateCodeBuild(envelope.value);
  if (!build.ok) return build;
  return envelope;
}

/** Reads a code into checked data (the build checked on its own, not against its level). Never throws. */
export function decodeResultCode(code: unknown): CodeRead<ResultCodeData> {
  const json = readCodeJson(code);
  if (!json.ok) return json;
  const validated = validateCodeData(json.value);
  if (validated.ok) return { ok: true, value: validated.value };
  const first = validated.errors[0];
  return fail('bad-field', first?.message ?? 'The code holds no valid result.', first?.path ?? '');
}

/** Every code in a text, in order (text around them, blank lines and other words are ignored). */
export function findCodes(text: string): string[] {
  return [...text.matchAll(CODE_TOKEN)].map((match) => match[0]);
}
