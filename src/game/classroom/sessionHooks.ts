// The small questions the Play and Debrief screens ask about a class session, in one place: the seed and
// hints setting of a session level, where Back goes, which level comes next, and the Debrief's row of
// actions with the result-code button.
import type { Rect } from '../layout';
import { SceneKeys, type SceneKey } from '../sceneKeys';
import { sessionFor } from './classroomRuntime';

/** The session's seed for a level played in it (every student gets the same), else undefined. */
export function sessionSeed(levelId: string): number | undefined {
  return sessionFor(levelId)?.settings.seed;
}

/** False when the level is played in a session that turned hints off. */
export function sessionHints(levelId: string): boolean {
  return sessionFor(levelId)?.settings.hints ?? true;
}

/** Where Back goes from a session level: the session's screen; null outside sessions. */
export function sessionBackKey(levelId: string): SceneKey | null {
  return sessionFor(levelId) ? SceneKeys.Classroom : null;
}

/** The next level in the session's order (always open), null after its last one; undefined outside sessions. */
export function sessionNextLevel(levelId: string): { id: string; unlocked: boolean } | null | undefined {
  const session = sessionFor(levelId);
  if (!session) return undefined;
  const levels = session.settings.levels;
  const next = levels[levels.indexOf(levelId) + 1];
  return next ? { id: next, unlocked: true } : null;
}

/** Whether the Debrief offers the race view: outside sessions always, in a session when it allows races. */
export function sessionRace(levelId: string): boolean {
  return sessionFor(levelId)?.settings.race ?? true;
}

export interface DebriefActionRects {
  retry: Rect;
  next: Rect;
  map: Rect;
  /** The result-code (or prediction) button, when the run has one. */
  code?: Rect;
  /** The race view's button, when the Debrief offers it. */
  race?: Rect;
}

/** The Debrief's action row: with a result code and/or the race, four or five buttons of the same size as
 * the three, centred in the content's width (narrower where they do not fit). */
export function debriefActionRects(actions: { retry: Rect; next: Rect; map: Rect }, withCode: boolean, content: Rect, gap: number, withRace = false): DebriefActionRects {
  if (!withCode && !withRace) return actions;
  const count = 3 + (withCode ? 1 : 0) + (withRace ? 1 : 0);
  const width = Math.min(actions.retry.width, Math.floor((content.width - gap * (count - 1)) / count));
  const left = content.x + (content.width - (width * count + gap * (count - 1))) / 2;
  const cell = (i: number): Rect => ({ x: Math.round(left + i * (width + gap)), y: actions.retry.y, width, height: actions.retry.height });
  let next = 0;
  const code = withCode ? cell(next++) : undefined;
  const race = withRace ? cell(next++) : undefined;
  return { ...(code ? { code } : {}), ...(race ? { race } : {}), retry: cell(next), next: cell(next + 1), map: cell(next + 2) };
}
