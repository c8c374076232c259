// A SCORM launch's part of installLms (index.ts), in a chunk of its own: the pipwerks wrapper and fflate (the
// suspend data's compression) are evaluated only when a SCORM package launches the game. Evaluated on every
// load, fflate's lookup tables cost the first screen 10–15 ms under 4× CPU throttling (issue 16).
import type { LmsDeps } from './index';
import type { ScormVersion } from './launch';
import { ScormReporter } from './scorm';
import { pipwerksConnection } from './scormConnection';
import { decodeSuspendData } from './suspendData';

/**
 * Connects to the LMS, restores progress from its suspend data and reports it; reports again after each
 * level and finishes when the page goes. Null when the LMS does not answer (progress stays this device's).
 */
export function startScorm(deps: LmsDeps, version: ScormVersion, levelIds: readonly string[]): ScormReporter | null {
  const { win, events, progress } = deps;
  const reporter = new ScormReporter(deps.scormConnection ?? pipwerksConnection(version), version, levelIds);
  const kept = reporter.start();
  if (kept === null) return null;
  const text = kept ? decodeSuspendData(kept) : null;
  if (text) progress.importText(text);
  reporter.report(progress.get());
  events.on('runFinished', () => reporter.report(progress.get()));
  const finish = () => reporter.finish(progress.get());
  win.addEventListener('pagehide', finish);
  win.addEventListener('beforeunload', finish);
  return reporter;
}
