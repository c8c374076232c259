// The game's link to learning-management systems (contracts.md §7), installed by main.ts with one call
// before the first screen: SCORM 1.2/2004 when launched from a package (`lms=` in the launch file's
// query), cmi5 when launched with the cmi5 parameters, and xAPI statements for the parent page (emitted
// as `statementMade`, which the embed bridge posts) whenever the game is framed or launched by cmi5.
import type { GameEvents } from '../app/gameEvents';
import type { ProgressStore } from '../app/progressStore';
import type { KeyValueStorage } from '../app/storage';
import type { Level } from '../sim/types';
import { Cmi5Session } from './cmi5';
import { parseLmsLaunch, type LmsLaunch } from './launch';
import { isoDuration, packageScore } from './packageScore';
import type { ScormConnection, ScormReporter } from './scorm';
import { installOffline, type OfflineDeps } from './offline';
import { anonymousActor, levelResult, makeStatement, type Statement, type StatementContext, type VerbName } from './statements';

export const ACTOR_KEY = 'kernel-courier/xapi-actor@1';

export interface LmsDeps {
  win: Window;
  search: string;
  levels: readonly Level[];
  events: GameEvents;
  progress: ProgressStore;
  storage: KeyValueStorage | null;
  /** Tests may hand in a connection; the default finds the LMS's API with the pipwerks wrapper. */
  scormConnection?: ScormConnection;
  /** The offline service worker (registered after load, unless launched by an LMS). */
  offline?: Omit<OfflineDeps, 'doc'>;
}

export interface LmsHandle {
  launch: LmsLaunch;
  /** A SCORM launch's reporter, once `restored` has settled and the LMS answered. */
  scorm: ScormReporter | null;
  cmi5: Cmi5Session | null;
  /**
   * Settles once a SCORM launch has restored progress from the LMS's suspend data (its code is a chunk of its
   * own, scormLaunch.ts); null when there is nothing to wait for. The first screen waits for it (BootScene).
   */
  restored: Promise<void> | null;
}

function randomId(win: Window): string {
  return win.crypto?.randomUUID ? win.crypto.randomUUID() : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

/** The anonymous learner id kept on this device (in memory only when storage is blocked). */
function deviceActorName(win: Window, storage: KeyValueStorage | null): string {
  try {
    const kept = storage?.getItem(ACTOR_KEY);
    if (kept && /^[0-9a-z-]{8,64}$/i.test(kept)) return kept;
  } catch {
    // Storage blocked: a fresh id for this visit.
  }
  const made = randomId(win);
  try {
    storage?.setItem(ACTOR_KEY, made);
  } catch {
    // Kept for this visit only.
  }
  return made;
}

function isFramed(win: Window): boolean {
  try {
    return win.parent !== win;
  } catch {
    return true;
  }
}

export function installLms(deps: LmsDeps): LmsHandle {
  const { win, events, progress } = deps;
  const launch = parseLmsLaunch(deps.search, deps.levels);
  const handle: LmsHandle = { launch, scorm: null, cmi5: null, restored: null };
  const offline = deps.offline;
  if (offline && !launch.scorm && !launch.cmi5) {
    // Only once the game is interactive (its first screen shown, the ready mark made) and the page has
    // loaded: the worker and its precache never delay the first screen.
    const register = () => installOffline({ doc: win.document, ...offline });
    const off = events.on('screenShown', (shown) => {
      if (shown.key === 'boot' || shown.key === 'preloader') return;
      off();
      setTimeout(() => {
        if (win.document.readyState === 'complete') register();
        else win.addEventListener('load', register, { once: true });
      }, 0);
    });
  }

  // SCORM: restore progress from suspend data before the first screen draws, report after each level.
  const scorm = launch.scorm;
  if (scorm) {
    handle.restored = import('./scormLaunch').then(
      ({ startScorm }) => {
        handle.scorm = startScorm(deps, scorm, launch.levelIds);
      },
      // The chunk could not be fetched: the game goes on with this device's progress, as outside an LMS.
      () => undefined,
    );
  }

  // xAPI: statements for the parent page (and, under cmi5, the LRS).
  const makeStatements = isFramed(win) || launch.cmi5 !== null;
  if (!makeStatements) return handle;
  const context: StatementContext = {
    actor: launch.cmi5?.actor ?? anonymousActor(deviceActorName(win, deps.storage)),
    activityId: launch.cmi5?.activityId ?? launch.activityId,
    levelIds: launch.levelIds,
    registration: launch.cmi5?.registration,
    newId: () => randomId(win),
    now: () => new Date(),
  };
  const emit = (statement: Statement) => events.emit('statementMade', { statement });
  const make = (verb: VerbName, levelId?: string, result?: Record<string, unknown>) => emit(makeStatement(context, { verb, levelId, result }));

  if (launch.cmi5) {
    // The LMS made `launched`; the client makes the cmi5-defined statements and they are emitted as sent.
    const session = new Cmi5Session(launch.cmi5, { onStatement: emit });
    handle.cmi5 = session;
    void session.start();
    events.on('runFinished', () => void session.report(packageScore(progress.get(), launch.levelIds)));
    win.addEventListener('pagehide', () => session.flushOnUnload());
  } else {
    make('launched');
    make('initialized');
    win.addEventListener('pagehide', () => make('terminated'));
  }

  // Level statements: attempted when a level's play screen opens, completed and passed/failed when it ends.
  const startedAt = new Map<string, number>();
  events.on('screenShown', (shown) => {
    if (shown.key !== 'play' || !shown.levelId) return;
    startedAt.set(shown.levelId, Date.now());
    make('attempted', shown.levelId);
  });
  events.on('runFinished', ({ levelId, result }) => {
    const score = (result.score ?? {}) as { total?: unknown; stars?: unknown };
    const total = typeof score.total === 'number' ? score.total : 0;
    const stars = typeof score.stars === 'number' ? score.stars : 0;
    const seconds = (Date.now() - (startedAt.get(levelId) ?? Date.now())) / 1000;
    const outcome = levelResult(total, stars, isoDuration(seconds));
    make('completed', levelId, outcome);
    make(stars >= 1 ? 'passed' : 'failed', levelId, outcome);
  });
  return handle;
}
