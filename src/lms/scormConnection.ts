// The browser's SCORM connection: the pipwerks SCORM API wrapper (as @gamestdio/scorm) finds the LMS's API
// object (`API` for 1.2, `API_1484_11` for 2004) in the parent frames and the opener window and calls it.
// A cross-origin parent cannot be searched: that counts as "no LMS", never as an error.
import { scorm } from '@gamestdio/scorm';
import type { ScormVersion } from './launch';
import type { ScormConnection } from './scorm';

export function pipwerksConnection(version: ScormVersion): ScormConnection {
  scorm.configure({ version: version === 'scorm12' ? '1.2' : '2004', handleExitMode: false, handleCompletionStatus: false, debug: false });
  return {
    initialize: () => {
      try {
        return scorm.initialize();
      } catch {
        return false;
      }
    },
    get: (name) => String(scorm.get(name) ?? ''),
    set: (name, value) => scorm.set(name, value),
    commit: () => scorm.commit(),
    terminate: () => scorm.terminate(),
  };
}
