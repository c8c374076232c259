// The class session the student joined on this page (one per page visit: the join link's), and the
// predictions made outside sessions (with the "predictions" setting on, kept for the visit). The Play and
// Debrief screens ask here whether a level is played in the session: its seed and hints setting then apply,
// a prediction is asked before its first run, and each finished run gets a result code (contracts.md §5).
import type { SessionSettings } from '../../classroom/session';
import type { SessionStateStore, StoredCode } from '../../app/sessionStore';

export interface ActiveSession {
  settings: SessionSettings;
  store: SessionStateStore;
  /** When the countdown started (ms since the epoch): the first visit of this session on this device. */
  startedAt: number;
}

let active: ActiveSession | null = null;
const visitPredictions = new Map<string, string | null>();

export function setActiveSession(session: ActiveSession | null): void {
  active = session;
}

export function activeSession(): ActiveSession | null {
  return active;
}

/** The session when this level is one of its levels (and the student has a nickname), else null. */
export function sessionFor(levelId: string): ActiveSession | null {
  if (!active || !active.settings.levels.includes(levelId) || active.store.get().nick === '') return null;
  return active;
}

/** Whether a prediction is asked before this level's first run, and none was made yet. */
export function predictionWanted(levelId: string, predictionsSetting: boolean): boolean {
  const session = sessionFor(levelId);
  if (session) return session.settings.predict && session.store.prediction(levelId) === undefined;
  return predictionsSetting && !visitPredictions.has(levelId);
}

/** The prediction made for a level (null: "I don't know"); undefined when none was made. */
export function predictionFor(levelId: string): string | null | undefined {
  const session = sessionFor(levelId);
  if (session) return session.store.prediction(levelId);
  return visitPredictions.has(levelId) ? visitPredictions.get(levelId) : undefined;
}

export function recordPrediction(levelId: string, arch: string | null): void {
  const session = sessionFor(levelId);
  if (session) session.store.setPrediction(levelId, arch);
  else visitPredictions.set(levelId, arch);
}

/** The session's codes, oldest first (empty outside a session). */
export function sessionCodes(): StoredCode[] {
  return active ? active.store.get().codes : [];
}

/** Minutes and seconds left of the session's countdown, or null without one; never negative. */
export function timeLeftMs(now: number): number | null {
  if (!active || active.settings.minutes === undefined) return null;
  return Math.max(0, active.startedAt + active.settings.minutes * 60_000 - now);
}

/** For tests: forget the session and the visit's predictions. */
export function resetClassroomRuntime(): void {
  active = null;
  visitPredictions.clear();
}
