// The "make a session" form as plain data: the levels in play order (chapter presets, single levels,
// moved up and down), title, language, seed, hints, predictions, race view and countdown. Turning a draft
// into a session goes through the classroom's one session validator, so the page can never hand out a
// link that the student's game would refuse.
import { CAMPAIGN_LEVELS, levelsByChapter } from '../app/levelCatalog';
import {
  MAX_MINUTES,
  MAX_SESSION_LEVELS,
  MAX_TITLE_CHARACTERS,
  SESSION_FORMAT,
  makeSessionId,
  validateSession,
  type Session,
} from '../classroom/index';

export interface SessionDraft {
  title: string;
  levels: string[];
  /** `''` for "each student's own language". */
  locale: string;
  seed: number;
  hints: boolean;
  predict: boolean;
  race: boolean;
  /** 0 for no countdown. */
  minutes: number;
}

/** The largest seed the form offers (any 32-bit unsigned integer). */
export const MAX_SEED = 0xffffffff;

/** A random seed (the form's default; the teacher sees it and may change it). */
export function randomSeed(random: (bytes: Uint32Array) => Uint32Array = (bytes) => globalThis.crypto.getRandomValues(bytes)): number {
  return random(new Uint32Array(1))[0] ?? 1;
}

export function newDraft(seed: number = randomSeed()): SessionDraft {
  return { title: '', levels: chapterLevels('stack'), locale: '', seed, hints: true, predict: true, race: true, minutes: 40 };
}

/** The chapters that have levels, in campaign order. */
export function chapterIds(): string[] {
  return levelsByChapter(CAMPAIGN_LEVELS).filter((group) => group.levels.length > 0).map((group) => group.chapter);
}

/** The built-in levels of one chapter, in campaign order. */
export function chapterLevels(chapter: string): string[] {
  return levelsByChapter(CAMPAIGN_LEVELS).find((group) => group.chapter === chapter)?.levels.map((level) => level.id) ?? [];
}

/** Adds levels at the end (those already chosen are skipped; at most MAX_SESSION_LEVELS in all). */
export function addLevels(levels: readonly string[], added: readonly string[]): string[] {
  const out = [...levels];
  for (const id of added) if (!out.includes(id) && out.length < MAX_SESSION_LEVELS) out.push(id);
  return out;
}

export function removeLevel(levels: readonly string[], index: number): string[] {
  return levels.filter((_, at) => at !== index);
}

/** Moves the level at `index` by `delta` places (clamped to the list). */
export function moveLevel(levels: readonly string[], index: number, delta: number): string[] {
  const target = Math.max(0, Math.min(levels.length - 1, index + delta));
  if (index < 0 || index >= levels.length || target === index) return [...levels];
  const out = [...levels];
  const [moved] = out.splice(index, 1);
  out.splice(target, 0, moved as string);
  return out;
}

export type DraftProblem = 'no-levels' | 'too-many-levels' | 'title-too-long' | 'bad-seed' | 'bad-minutes' | 'invalid';

/** The session of a draft, checked by the classroom's validator; a problem for the form otherwise. */
export function draftToSession(draft: SessionDraft, id: string = makeSessionId()): { ok: true; session: Session } | { ok: false; problem: DraftProblem } {
  if (draft.levels.length === 0) return { ok: false, problem: 'no-levels' };
  if (draft.levels.length > MAX_SESSION_LEVELS) return { ok: false, problem: 'too-many-levels' };
  if ([...draft.title.trim()].length > MAX_TITLE_CHARACTERS) return { ok: false, problem: 'title-too-long' };
  if (!Number.isSafeInteger(draft.seed) || draft.seed < 0 || draft.seed > MAX_SEED) return { ok: false, problem: 'bad-seed' };
  if (!Number.isInteger(draft.minutes) || draft.minutes < 0 || draft.minutes > MAX_MINUTES) return { ok: false, problem: 'bad-minutes' };
  const session: Session = { format: SESSION_FORMAT, id, levels: [...draft.levels] };
  const title = draft.title.trim();
  if (title !== '') session.title = title;
  if (draft.locale !== '') session.locale = draft.locale;
  session.seed = draft.seed;
  session.hints = draft.hints;
  session.predict = draft.predict;
  session.race = draft.race;
  if (draft.minutes > 0) session.minutes = draft.minutes;
  const checked = validateSession(session);
  return checked.ok ? { ok: true, session: checked.session } : { ok: false, problem: 'invalid' };
}
