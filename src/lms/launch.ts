// How the game was launched by a learning-management system (contracts.md §7), read from the query string
// in one place: `lms=scorm12|scorm2004` (set by the launch file of a package `npm run build:lms` made),
// the cmi5 launch parameters (`endpoint`, `fetch`, `actor`, `registration`, `activityId`), and which
// levels the package holds (`level=ID` or `chapter=N`, as the embed mode reads them; else all).
// Bad values never crash: they fall back to "no LMS" (or to all levels) and are listed in `problems`.
import { levelsByChapter } from '../levels';
import type { Level } from '../sim/types';

export type ScormVersion = 'scorm12' | 'scorm2004';

export interface Cmi5Launch {
  endpoint: string;
  fetch: string;
  /** The learner as the LMS gives it (an xAPI Agent). */
  actor: Record<string, unknown>;
  registration: string;
  activityId: string;
}

export interface LmsLaunch {
  scorm: ScormVersion | null;
  cmi5: Cmi5Launch | null;
  /** `activityId` without a full cmi5 launch: the xAPI activity id base for statements. */
  activityId: string | null;
  /** The levels the package (or launch) covers, in campaign order. */
  levelIds: string[];
  /** Parameters that were given but could not be used (for a notice or the console). */
  problems: string[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function isAbsoluteUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

function parseActor(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
    const actor = value as Record<string, unknown>;
    const account = actor.account as Record<string, unknown> | undefined;
    const hasAccount = typeof account === 'object' && account !== null && typeof account.homePage === 'string' && typeof account.name === 'string';
    const hasMbox = typeof actor.mbox === 'string' && actor.mbox.startsWith('mailto:');
    return hasAccount || hasMbox ? actor : null;
  } catch {
    return null;
  }
}

/** The package's levels: one level, one chapter (1-based, campaign order) or all. */
export function packageLevelIds(levels: readonly Level[], query: URLSearchParams, problems: string[] = []): string[] {
  const all = levels.map((level) => level.id);
  const level = query.get('level');
  if (level !== null) {
    if (all.includes(level)) return [level];
    problems.push('level');
  }
  const chapter = query.get('chapter');
  if (chapter !== null) {
    const chapters = levelsByChapter(levels);
    const number = /^\d{1,3}$/.test(chapter) ? Number(chapter) : NaN;
    if (number >= 1 && number <= chapters.length) return chapters[number - 1].levels.map((entry) => entry.id);
    problems.push('chapter');
  }
  return all;
}

export function parseLmsLaunch(search: string, levels: readonly Level[]): LmsLaunch {
  const query = new URLSearchParams(search);
  const problems: string[] = [];
  const lms = query.get('lms');
  let scorm: ScormVersion | null = null;
  if (lms === 'scorm12' || lms === 'scorm2004') scorm = lms;
  else if (lms !== null) problems.push('lms');

  const activityParam = query.get('activityId');
  const activityId = activityParam !== null && isAbsoluteUrl(activityParam) ? activityParam : null;
  if (activityParam !== null && activityId === null) problems.push('activityId');

  let cmi5: Cmi5Launch | null = null;
  const names = ['endpoint', 'fetch', 'actor', 'registration', 'activityId'] as const;
  const given = names.filter((name) => query.get(name) !== null);
  if (given.length > 0 && given.length < names.length && given.some((name) => name !== 'activityId')) problems.push('cmi5');
  if (given.length === names.length) {
    const endpoint = query.get('endpoint') ?? '';
    const fetchUrl = query.get('fetch') ?? '';
    const actor = parseActor(query.get('actor') ?? '');
    const registration = query.get('registration') ?? '';
    if (isAbsoluteUrl(endpoint) && isAbsoluteUrl(fetchUrl) && actor && UUID.test(registration) && activityId) {
      cmi5 = { endpoint: endpoint.endsWith('/') ? endpoint : `${endpoint}/`, fetch: fetchUrl, actor, registration, activityId };
    } else {
      problems.push('cmi5');
    }
  }
  return { scorm, cmi5, activityId, levelIds: packageLevelIds(levels, query, problems), problems };
}
