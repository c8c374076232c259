// Verification of result codes (contracts.md §5b, §5c), the one module the command line and the teacher's
// page share: decode (prefix, base64url, CRC-32, inflate, JSON), check every field, the level (known, same
// file version by its hash), the model version, then replay the build on the code's seed with the engine
// and score it exactly as the game scores a finished run — runBuild + withStars against the level's
// ranking on that seed (src/game/play/runResult.ts, src/cli/sim.ts) — and compare score (±0.05) and stars.
// Never throws. The ranking of a level on a seed is computed once per verifier and shared by its codes.
import { builtInLevel } from '../levels/index';
import { rankLevel, runBuild, withStars, type Ranking } from '../scoring/rankLevel';
import { MODEL_VERSION } from '../sim/costs';
import type { Level, ValidationError } from '../sim/types';
import { levelHash } from './levelHash';
import { findCodes, readCodeJson, validateCodeBuild, validateCodeEnvelope, type CodeErrorCode, type ResultCodeData } from './resultCode';

export const VERIFY_STATUSES = ['verified', 'mismatch', 'other-version', 'unreadable', 'unknown-level'] as const;
export type VerifyStatus = (typeof VERIFY_STATUSES)[number];

/** How far a claimed score may be from the replayed one (the screen shows one decimal). */
export const SCORE_TOLERANCE = 0.05;

/**
 * Why a code is not `verified`, beyond its status: for `unreadable` the reading problem (CodeErrorCode,
 * with the field's path for `bad-field`); for `other-version` `model` or `level-hash`; for `mismatch`
 * `score`, `stars` or both (`score-and-stars`); for `unknown-level` `level`.
 */
export interface VerifyReason {
  code: CodeErrorCode | 'model' | 'level-hash' | 'score' | 'stars' | 'score-and-stars' | 'level';
  path?: string;
  message: string;
}

/** One verified code: the fields contracts.md §5c prints, then optional additions. */
export interface Verification {
  code: string;
  status: VerifyStatus;
  nick: string | null;
  session: string | null;
  level: string | null;
  /** The architecture of the replayed build (`mixed` when its apps differ), null when not replayed. */
  arch: string | null;
  prediction: string | null;
  /** The score the code claims. */
  claimed: number | null;
  /** The score the replay earned, null when not replayed. */
  replayed: number | null;
  /** The stars the replay earned, null when not replayed (see claimedStars). */
  stars: number | null;
  claimedStars: number | null;
  attempt: number | null;
  seed: number | null;
  model: string | null;
  reason?: VerifyReason;
}

/** What can be read of a code's fields even when it fails a check (each field only if well typed). */
function readable(json: unknown): Omit<Verification, 'code' | 'status' | 'arch' | 'replayed' | 'stars'> {
  const object = typeof json === 'object' && json !== null && !Array.isArray(json) ? (json as Record<string, unknown>) : {};
  const own = (key: string): unknown => (Object.prototype.hasOwnProperty.call(object, key) ? object[key] : undefined);
  const text = (key: string): string | null => {
    const value = own(key);
    return typeof value === 'string' && value.length <= 200 ? value : null;
  };
  const number = (key: string): number | null => {
    const value = own(key);
    return typeof value === 'number' && Number.isFinite(value) ? value : null;
  };
  return {
    nick: text('nick'),
    session: text('session'),
    level: text('level'),
    prediction: text('prediction'),
    claimed: number('score'),
    claimedStars: number('stars'),
    attempt: number('attempt'),
    seed: number('seed'),
    model: text('model'),
  };
}

function firstProblem(errors: ValidationError[]): { path: string; message: string } {
  const first = errors[0];
  return { path: first?.path ?? '', message: first?.message ?? 'The code holds no valid result.' };
}

const FIELD_ORDER = ['code', 'status', 'nick', 'session', 'level', 'arch', 'prediction', 'claimed', 'replayed', 'stars', 'claimedStars', 'attempt', 'seed', 'model', 'reason'] as const;

function inContractOrder(verification: Verification): Verification {
  const ordered: Record<string, unknown> = {};
  for (const key of FIELD_ORDER) if (verification[key] !== undefined) ordered[key] = verification[key];
  return ordered as unknown as Verification;
}

/** The displayed text of a code in a result: as given (trimmed), or a placeholder for a non-string. */
function codeText(input: unknown): string {
  return typeof input === 'string' ? input.trim() : '';
}

export class CodeVerifier {
  private readonly rankings = new Map<string, Ranking>();

  constructor(
    /** Finds a level by id (default: the built-in levels). */
    private readonly findLevel: (id: string) => Level | undefined = builtInLevel,
    /** The model version that replays (default: the running one). */
    private readonly model: string = MODEL_VERSION,
  ) {}

  /** The level's ranking on a seed, computed once per verifier. */
  rankingFor(level: Level, seed: number): Ranking {
    const key = `${level.id}:${levelHash(level)}:${seed}`;
    let ranking = this.rankings.get(key);
    if (ranking === undefined) {
      ranking = rankLevel(level, seed);
      if (this.rankings.size >= 256) this.rankings.clear();
      this.rankings.set(key, ranking);
    }
    return ranking;
  }

  /** Verifies one code. Never throws. Fields in the order §5c lists them, then the optional additions. */
  verify(input: unknown): Verification {
    return inContractOrder(this.check(input));
  }

  private check(input: unknown): Verification {
    const code = codeText(input);
    const unread = (reason: VerifyReason, json?: unknown): Verification => ({
      code,
      status: 'unreadable',
      ...readable(json),
      arch: null,
      replayed: null,
      stars: null,
      reason,
    });
    try {
      const json = readCodeJson(input);
      if (!json.ok) return unread({ code: json.error.code, message: json.error.message });
      const envelope = validateCodeEnvelope(json.value);
      if (!envelope.ok) return unread({ code: 'bad-field', ...firstProblem(envelope.errors) }, json.value);
      const data: ResultCodeData = envelope.value;
      const base = { code, ...readable(data), arch: null, replayed: null, stars: null };
      const level = this.findLevel(data.level);
      if (level === undefined) {
        return { ...base, status: 'unknown-level', reason: { code: 'level', message: `"${data.level}" is not a level this version knows.` } };
      }
      if (levelHash(level) !== data.levelHash) {
        return { ...base, status: 'other-version', reason: { code: 'level-hash', message: `The code was made on another version of level "${level.id}".` } };
      }
      if (data.model !== this.model) {
        return {
          ...base,
          status: 'other-version',
          reason: { code: 'model', message: `The code was scored by model ${data.model}; this is ${this.model}.` },
        };
      }
      const build = validateCodeBuild(data, level);
      if (!build.ok) return unread({ code: 'bad-field', ...firstProblem(build.errors) }, data);
      const result = withStars(level, runBuild(level, build.build, data.seed), this.rankingFor(level, data.seed));
      const replayed = result.score.total;
      const stars = result.score.stars;
      const scoreOk = Math.abs(replayed - data.score) <= SCORE_TOLERANCE + 1e-9;
      const starsOk = stars === data.stars;
      const verification: Verification = { ...base, arch: result.arch, replayed, stars, status: scoreOk && starsOk ? 'verified' : 'mismatch' };
      if (!scoreOk || !starsOk) {
        const which = !scoreOk && !starsOk ? 'score-and-stars' : !scoreOk ? 'score' : 'stars';
        verification.reason = {
          code: which,
          message: `The code claims ${data.score} (${data.stars} stars); its build earns ${replayed} (${stars} stars).`,
        };
      }
      return verification;
    } catch (error) {
      // Nothing above should throw; if the engine ever does on a strange build, the code is still answered.
      return unread({ code: 'bad-field', path: 'build', message: `The build could not be replayed: ${error instanceof Error ? error.message : String(error)}` });
    }
  }

  /** Verifies several codes, sharing each level's ranking. */
  verifyAll(codes: readonly unknown[]): Verification[] {
    return codes.map((code) => this.verify(code));
  }
}

/** Verifies one code with a fresh verifier. */
export function verifyCode(code: unknown): Verification {
  return new CodeVerifier().verify(code);
}

/** Verifies every code found in a text (one per line, or anywhere among other words). */
export function verifyText(text: string, verifier = new CodeVerifier()): Verification[] {
  return verifier.verifyAll(findCodes(text));
}
