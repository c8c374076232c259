// The SCO's side of SCORM 1.2 and 2004 (contracts.md §7): on start it initializes the connection and reads
// the progress kept in suspend_data; after each finished level it writes score (raw, min 0, max 100, and
// scaled in 2004), status, suspend data and session time, and commits; on unload it finishes
// (LMSFinish / Terminate). The connection is an interface so the same code runs against the pipwerks
// wrapper in the browser and against scorm-again's runtime in tests.
import type { Progress } from '../app/progressStore';
import type { ScormVersion } from './launch';
import { isoDuration, packageScore, scorm12Time } from './packageScore';
import { encodeSuspendData, SUSPEND_DATA_LIMIT } from './suspendData';

export interface ScormConnection {
  initialize(): boolean;
  get(name: string): string;
  set(name: string, value: string): boolean;
  commit(): boolean;
  terminate(): boolean;
}

/** SCORM 2004 allows 64,000 characters of suspend data; 1.2 allows 4,096. */
const SUSPEND_LIMITS: Record<ScormVersion, number> = { scorm12: SUSPEND_DATA_LIMIT, scorm2004: 64000 };

export class ScormReporter {
  private active = false;
  private finished = false;
  private readonly startedAt: number;

  constructor(
    private readonly connection: ScormConnection,
    private readonly version: ScormVersion,
    private readonly levelIds: readonly string[],
    private readonly now: () => number = () => Date.now(),
  ) {
    this.startedAt = now();
  }

  get isActive(): boolean {
    return this.active;
  }

  /** Opens the session; returns the suspend data the LMS kept (empty on a first launch), or null without an LMS. */
  start(): string | null {
    let ok = false;
    try {
      ok = this.connection.initialize();
    } catch {
      ok = false;
    }
    if (!ok) return null;
    this.active = true;
    return this.connection.get('cmi.suspend_data') ?? '';
  }

  /** Writes score, status, suspend data and time for the current progress, then commits. */
  report(progress: Progress): boolean {
    if (!this.active || this.finished) return false;
    const score = packageScore(progress, this.levelIds);
    const values: [string, string][] = [];
    let suspend: string | null = null;
    try {
      suspend = encodeSuspendData(progress, this.levelIds, SUSPEND_LIMITS[this.version]);
    } catch {
      // Cannot happen with the built-in campaign (it needs < 1,000 characters); the LMS keeps the last value.
    }
    const seconds = (this.now() - this.startedAt) / 1000;
    if (this.version === 'scorm12') {
      values.push(['cmi.core.score.min', '0'], ['cmi.core.score.max', '100'], ['cmi.core.score.raw', String(score.raw)]);
      values.push(['cmi.core.lesson_status', score.complete ? (score.passed ? 'passed' : 'failed') : 'incomplete']);
      if (suspend !== null) values.push(['cmi.suspend_data', suspend]);
      values.push(['cmi.core.session_time', scorm12Time(seconds)]);
      values.push(['cmi.core.exit', score.complete ? '' : 'suspend']);
    } else {
      values.push(['cmi.score.min', '0'], ['cmi.score.max', '100'], ['cmi.score.raw', String(score.raw)], ['cmi.score.scaled', String(Math.round(score.raw * 100) / 10000)]);
      values.push(['cmi.completion_status', score.complete ? 'completed' : 'incomplete']);
      values.push(['cmi.success_status', score.passed === null ? 'unknown' : score.passed ? 'passed' : 'failed']);
      values.push(['cmi.progress_measure', String(score.total === 0 ? 0 : Math.round((score.finished / score.total) * 1000) / 1000)]);
      if (suspend !== null) values.push(['cmi.suspend_data', suspend]);
      values.push(['cmi.session_time', isoDuration(seconds)]);
      values.push(['cmi.exit', score.complete ? 'normal' : 'suspend']);
    }
    let ok = true;
    for (const [name, value] of values) ok = this.connection.set(name, value) && ok;
    return this.connection.commit() && ok;
  }

  /** The last report and LMSFinish / Terminate; once only. */
  finish(progress: Progress): boolean {
    if (!this.active || this.finished) return false;
    this.report(progress);
    this.finished = true;
    return this.connection.terminate();
  }
}
