// xAPI statements (contracts.md §7): launched, initialized, attempted (a level started), completed (with
// result.score.scaled, success when ≥ 1 star), passed/failed and terminated, with ADL verb ids. Each
// statement gets its id once, here; whoever sends it (the parent page, an LRS) gets the same id every time.
import { MODEL_VERSION } from '../sim/costs';

export const ACTIVITY_BASE = 'https://kernel-courier.invalid';
export const MODEL_VERSION_EXTENSION = `${ACTIVITY_BASE}/xapi/extensions/model-version`;

export const VERBS = {
  launched: 'http://adlnet.gov/expapi/verbs/launched',
  initialized: 'http://adlnet.gov/expapi/verbs/initialized',
  attempted: 'http://adlnet.gov/expapi/verbs/attempted',
  completed: 'http://adlnet.gov/expapi/verbs/completed',
  passed: 'http://adlnet.gov/expapi/verbs/passed',
  failed: 'http://adlnet.gov/expapi/verbs/failed',
  terminated: 'http://adlnet.gov/expapi/verbs/terminated',
} as const;

export type VerbName = keyof typeof VERBS;

export type Statement = Record<string, unknown>;

export interface StatementContext {
  actor: Record<string, unknown>;
  /** The launch's activity id, when given. */
  activityId: string | null;
  /** The levels of this launch: with one level and an activity id, that id is the level's. */
  levelIds: readonly string[];
  registration?: string;
  newId: () => string;
  now: () => Date;
}

/** The activity of the whole launch (game, chapter or level package). */
export function launchActivityId(context: Pick<StatementContext, 'activityId'>): string {
  return context.activityId ?? `${ACTIVITY_BASE}/game`;
}

/** `https://kernel-courier.invalid/levels/<id>`, or the given activity id (one level) or below it. */
export function levelActivityId(context: Pick<StatementContext, 'activityId' | 'levelIds'>, levelId: string): string {
  if (!context.activityId) return `${ACTIVITY_BASE}/levels/${levelId}`;
  if (context.levelIds.length === 1 && context.levelIds[0] === levelId) return context.activityId;
  return `${context.activityId.replace(/\/+$/, '')}/levels/${levelId}`;
}

/** A random anonymous account actor (the id is kept on the device by the caller). */
export function anonymousActor(name: string): Record<string, unknown> {
  return { objectType: 'Agent', account: { homePage: ACTIVITY_BASE, name } };
}

export interface StatementFields {
  verb: VerbName;
  /** A level's statement, else the launch's. */
  levelId?: string;
  result?: Record<string, unknown>;
}

export function makeStatement(context: StatementContext, fields: StatementFields): Statement {
  const objectId = fields.levelId ? levelActivityId(context, fields.levelId) : launchActivityId(context);
  const parent = fields.levelId && objectId !== launchActivityId(context) ? { contextActivities: { parent: [{ objectType: 'Activity', id: launchActivityId(context) }] } } : {};
  const statement: Statement = {
    id: context.newId(),
    actor: context.actor,
    verb: { id: VERBS[fields.verb], display: { 'en-US': fields.verb } },
    object: {
      objectType: 'Activity',
      id: objectId,
      definition: {
        type: fields.levelId ? 'http://adlnet.gov/expapi/activities/simulation' : 'http://adlnet.gov/expapi/activities/course',
        name: { 'en-US': fields.levelId ? `Kernel Courier: ${fields.levelId}` : 'Kernel Courier' },
      },
    },
    timestamp: context.now().toISOString(),
    context: {
      ...(context.registration ? { registration: context.registration } : {}),
      ...parent,
      extensions: { [MODEL_VERSION_EXTENSION]: MODEL_VERSION },
    },
  };
  if (fields.result) statement.result = fields.result;
  return statement;
}

/** The result of a finished level: scaled score, success (≥ 1 star), completion and duration. */
export function levelResult(total: number, stars: number, duration: string): Record<string, unknown> {
  const raw = Math.max(0, Math.min(100, Math.round(total * 100) / 100));
  return { score: { scaled: Math.round(raw * 100) / 10000, raw, min: 0, max: 100 }, success: stars >= 1, completion: true, duration };
}
