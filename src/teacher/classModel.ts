// The class as the teacher's page shows it, as plain data: every collected code verified (the classroom's
// CodeVerifier, shared rankings per level and seed), flags with their reasons, one row per nickname with
// one cell per level, sorting and filtering, and the per-level figures the charts draw. No DOM here.
import { builtInLevel } from '../app/levelCatalog';
import { CodeVerifier, isArchitecture, predictionVerdict, type Session, type Verification } from '../classroom/index';

type Level = Parameters<typeof predictionVerdict>[0];
type Ranking = Parameters<typeof predictionVerdict>[1];

/** Why a code stands out: its verification status, another session's code, or a nickname that two
 * different builds claim for the same level and attempt (two students typed the same nickname). */
export type FlagReason = 'mismatch' | 'other-version' | 'unreadable' | 'unknown-level' | 'other-session' | 'nick-reused';

export interface CodeEntry {
  /** Order of arrival, from 0. */
  index: number;
  verification: Verification;
  flags: FlagReason[];
  /** Whether the student's prediction held against the engine's ranking on the code's seed (null: none). */
  predictionHeld: boolean | null;
  /** The engine's best architecture on the code's level and seed. */
  winner: string | null;
}

export interface LevelCell {
  level: string;
  /** The code the cell shows: the best verified one, else the latest. */
  entry: CodeEntry;
  /** How many codes the student sent for this level. */
  codes: number;
}

export interface StudentRow {
  nick: string;
  cells: Map<string, LevelCell>;
  /** Sum of the verified best scores over the session's levels. */
  total: number;
  stars: number;
  flagged: FlagReason[];
}

/** Verifies codes one by one and keeps the class's data; `add` answers at once for each code. */
export class ClassBook {
  private readonly verifier = new CodeVerifier();
  private readonly entries: CodeEntry[] = [];
  private readonly seen = new Set<string>();

  constructor(readonly session: Session) {}

  /** A level's ranking on a seed, computed once for the whole class. */
  rankingFor(level: Level, seed: number): Ranking {
    return this.verifier.rankingFor(level, seed);
  }

  /** Every code so far, in order of arrival. */
  codes(): readonly CodeEntry[] {
    return this.entries;
  }

  has(code: string): boolean {
    return this.seen.has(code.trim());
  }

  /** Verifies and adds one code; a code already added is skipped (returns null). */
  add(code: string): CodeEntry | null {
    const text = code.trim();
    if (this.seen.has(text)) return null;
    this.seen.add(text);
    const verification = this.verifier.verify(text);
    const entry: CodeEntry = { index: this.entries.length, verification, flags: [], predictionHeld: null, winner: null };
    const level = verification.level === null ? undefined : builtInLevel(verification.level);
    if (level !== undefined && verification.seed !== null && (verification.status === 'verified' || verification.status === 'mismatch')) {
      const ranking = this.verifier.rankingFor(level, verification.seed);
      const verdict = predictionVerdict(level, ranking, isArchitecture(verification.prediction) ? verification.prediction : null);
      entry.predictionHeld = verdict.held;
      entry.winner = verdict.winner;
    }
    this.entries.push(entry);
    this.reflag();
    return entry;
  }

  /** Flags are recomputed over all codes: a reused nickname shows only once its second code arrives. */
  private reflag(): void {
    const byAttempt = new Map<string, CodeEntry[]>();
    for (const entry of this.entries) {
      const v = entry.verification;
      entry.flags = [];
      if (v.status !== 'verified') entry.flags.push(v.status as FlagReason);
      if (v.session !== null && v.session !== this.session.id && v.status !== 'unreadable') entry.flags.push('other-session');
      // Only codes whose replay agrees: an edited copy of a student's code is already flagged as edited.
      if (v.status === 'verified' && v.nick !== null && v.level !== null && v.attempt !== null) {
        const key = JSON.stringify([v.nick, v.level, v.attempt]);
        byAttempt.set(key, [...(byAttempt.get(key) ?? []), entry]);
      }
    }
    for (const group of byAttempt.values()) if (group.length > 1) for (const entry of group) entry.flags.push('nick-reused');
  }

  /** One row per nickname (unreadable codes have none and appear only in the list of codes). */
  rows(): StudentRow[] {
    const rows = new Map<string, StudentRow>();
    for (const entry of this.entries) {
      const { nick, level } = entry.verification;
      if (nick === null || level === null) continue;
      let row = rows.get(nick);
      if (row === undefined) {
        row = { nick, cells: new Map(), total: 0, stars: 0, flagged: [] };
        rows.set(nick, row);
      }
      for (const flag of entry.flags) if (!row.flagged.includes(flag)) row.flagged.push(flag);
      const cell = row.cells.get(level);
      if (cell === undefined) row.cells.set(level, { level, entry, codes: 1 });
      else row.cells.set(level, { level, entry: better(cell.entry, entry), codes: cell.codes + 1 });
    }
    for (const row of rows.values()) {
      for (const cell of row.cells.values()) {
        const v = cell.entry.verification;
        if (counts(cell.entry)) {
          row.total += v.replayed ?? 0;
          row.stars += v.stars ?? 0;
        }
      }
      row.total = Math.round(row.total * 10) / 10;
    }
    return [...rows.values()];
  }
}

/** Whether a code counts in the class's figures: verified, of this session, with its nickname not reused. */
export function counts(entry: CodeEntry): boolean {
  return entry.verification.status === 'verified' && entry.flags.length === 0;
}

/** The code a cell shows: a counted one over any other, then the higher replayed score, then the later. */
function better(a: CodeEntry, b: CodeEntry): CodeEntry {
  if (counts(a) !== counts(b)) return counts(a) ? a : b;
  const scoreA = a.verification.replayed ?? -1;
  const scoreB = b.verification.replayed ?? -1;
  if (scoreA !== scoreB) return scoreA > scoreB ? a : b;
  return b.index > a.index ? b : a;
}

export type SortKey = 'nick' | 'total' | 'stars' | 'flagged';

export interface RowView {
  sort: SortKey;
  descending: boolean;
  /** Part of a nickname (case-insensitive). */
  filter: string;
  flaggedOnly: boolean;
}

const collators = new Map<string, Intl.Collator>();

export function viewRows(rows: readonly StudentRow[], view: RowView, locale = 'en'): StudentRow[] {
  const needle = view.filter.trim().toLocaleLowerCase(locale);
  const kept = rows.filter((row) => (needle === '' || row.nick.toLocaleLowerCase(locale).includes(needle)) && (!view.flaggedOnly || row.flagged.length > 0));
  let collator = collators.get(locale);
  if (collator === undefined) {
    collator = new Intl.Collator(locale);
    collators.set(locale, collator);
  }
  const key = (row: StudentRow): number => (view.sort === 'total' ? row.total : view.sort === 'stars' ? row.stars : row.flagged.length);
  kept.sort((a, b) => {
    const primary = view.sort === 'nick' ? collator.compare(a.nick, b.nick) : key(a) - key(b);
    return (view.descending ? -primary : primary) || collator.compare(a.nick, b.nick);
  });
  return kept;
}

export interface LevelFigures {
  level: string;
  /** The engine's best architecture on the session's seed. */
  winner: string | null;
  /** Architectures the class chose (counted codes, one per student), most chosen first. */
  architectures: [string, number][];
  /** Predictions against the engine's best: held, missed, none (counted codes, one per student). */
  predictions: { held: number; missed: number; none: number };
  /** Where the class's chosen architectures lost points to the engine's best, most first:
   * `objective:<objective>` (the objective that cost the most weighted points), or for an architecture the
   * level refuses `rule:<reason code>:<architecture>` (the first rule it breaks). */
  losses: [string, number][];
  /** Codes by status (all codes of this level). */
  statuses: [string, number][];
}

function sortedCounts(map: Map<string, number>): [string, number][] {
  return [...map].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

function bump(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

/** The per-level figures of the charts, for every level of the session. */
export function levelFigures(book: ClassBook): LevelFigures[] {
  const rows = book.rows();
  return book.session.levels.map((id) => {
    const level = builtInLevel(id);
    const seed = book.session.seed ?? level?.seed ?? 0;
    const ranking = level === undefined ? undefined : book.rankingFor(level, seed);
    const winner = level === undefined || ranking === undefined ? null : predictionVerdict(level, ranking, null).winner;
    const architectures = new Map<string, number>();
    const losses = new Map<string, number>();
    const predictions = { held: 0, missed: 0, none: 0 };
    for (const row of rows) {
      const cell = row.cells.get(id);
      if (cell === undefined || !counts(cell.entry)) continue;
      const v = cell.entry.verification;
      bump(architectures, v.arch ?? 'mixed');
      if (cell.entry.predictionHeld === true) predictions.held += 1;
      else if (cell.entry.predictionHeld === false) predictions.missed += 1;
      else predictions.none += 1;
      if (level !== undefined && ranking !== undefined && isArchitecture(v.arch) && v.arch !== winner) {
        const verdict = predictionVerdict(level, ranking, v.arch);
        if (verdict.objective !== null) bump(losses, `objective:${verdict.objective}`);
        else if (verdict.reason !== null) bump(losses, `rule:${verdict.reason}:${v.arch}`);
      }
    }
    const statuses = new Map<string, number>();
    for (const entry of book.codes()) if (entry.verification.level === id) bump(statuses, entry.flags.length === 0 ? 'verified' : entry.flags[0] as string);
    return { level: id, winner, architectures: sortedCounts(architectures), predictions, losses: sortedCounts(losses), statuses: sortedCounts(statuses) };
  });
}
