// What a package reports (contracts.md §7): the mean of the best totals over the package's levels (a level
// not played counts 0), completion once every level has been finished, and passed/failed against a mastery
// score of 60 once complete.
import { levelRecordOf, type Progress } from '../app/progressStore';

export const MASTERY_SCORE = 60;

export interface PackageScore {
  /** 0–100, two decimals. */
  raw: number;
  finished: number;
  total: number;
  complete: boolean;
  /** Once complete: raw ≥ mastery. Null while incomplete. */
  passed: boolean | null;
}

export function packageScore(progress: Progress, levelIds: readonly string[]): PackageScore {
  let sum = 0;
  let finished = 0;
  for (const id of levelIds) {
    const record = levelRecordOf(progress, id);
    if (!record) continue;
    finished += 1;
    sum += record.bestScore;
  }
  const total = levelIds.length;
  const raw = total === 0 ? 0 : Math.round((sum / total) * 100) / 100;
  const complete = total > 0 && finished === total;
  return { raw, finished, total, complete, passed: complete ? raw >= MASTERY_SCORE : null };
}

/** Seconds as SCORM 1.2 CMITimespan `HHHH:MM:SS.SS`. */
export function scorm12Time(seconds: number): string {
  const centis = Math.max(0, Math.round(seconds * 100));
  const hours = Math.min(9999, Math.floor(centis / 360000));
  const minutes = Math.floor((centis % 360000) / 6000);
  const secs = (centis % 6000) / 100;
  return `${String(hours).padStart(4, '0')}:${String(minutes).padStart(2, '0')}:${secs.toFixed(2).padStart(5, '0')}`;
}

/** Seconds as an ISO 8601 duration (SCORM 2004 timeinterval, xAPI duration): `PT1H2M3.4S`. */
export function isoDuration(seconds: number): string {
  const centis = Math.max(0, Math.round(seconds * 100));
  const hours = Math.floor(centis / 360000);
  const minutes = Math.floor((centis % 360000) / 6000);
  const secs = (centis % 6000) / 100;
  return `PT${hours ? `${hours}H` : ''}${minutes ? `${minutes}M` : ''}${Number(secs.toFixed(2))}S`;
}
