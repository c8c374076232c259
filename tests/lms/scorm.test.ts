// The SCO's reports, checked against a real SCORM runtime (scorm-again, which validates every value it
// is given: formats, vocabularies, ranges) for both SCORM 1.2 and 2004.
import { Scorm12API, Scorm2004API } from 'scorm-again';
import { describe, expect, it } from 'vitest';
import { emptyProgress } from '../../src/app/progressStore';
import { ScormReporter, type ScormConnection } from '../../src/lms/scorm';
import { decodeSuspendData } from '../../src/lms/suspendData';

/** What the SCO wrote last, per element (session time is write-only in the runtime). */
const written = new Map<string, string>();

function connection12(api: Scorm12API, errors: string[]): ScormConnection {
  const check = (what: string, ok: boolean) => {
    const code = String(api.LMSGetLastError());
    if (code !== '0') errors.push(`${what}: ${code}`);
    return ok;
  };
  return {
    initialize: () => check('init', api.LMSInitialize('') === 'true'),
    get: (name) => api.LMSGetValue(name),
    set: (name, value) => {
      written.set(name, value);
      return check(name, api.LMSSetValue(name, value) === 'true');
    },
    commit: () => check('commit', api.LMSCommit('') === 'true'),
    terminate: () => check('finish', api.LMSFinish('') === 'true'),
  };
}

function connection2004(api: Scorm2004API, errors: string[]): ScormConnection {
  const check = (what: string, ok: boolean) => {
    const code = String(api.GetLastError());
    if (code !== '0') errors.push(`${what}: ${code}`);
    return ok;
  };
  return {
    initialize: () => check('init', api.Initialize('') === 'true'),
    get: (name) => api.GetValue(name),
    set: (name, value) => {
      written.set(name, value);
      return check(name, api.SetValue(name, value) === 'true');
    },
    commit: () => check('commit', api.Commit('') === 'true'),
    terminate: () => check('terminate', api.Terminate('') === 'true'),
  };
}

const levels = ['a', 'b'];

describe('ScormReporter', () => {
  it('SCORM 1.2: score, status against mastery 60, suspend data, time; commits; finishes once', () => {
    const api = new Scorm12API({ logLevel: 5 });
    const errors: string[] = [];
    let clock = 1_000;
    const reporter = new ScormReporter(connection12(api, errors), 'scorm12', levels, () => clock);
    expect(reporter.start()).toBe('');
    const progress = emptyProgress();
    progress.levels.a = { stars: 2, bestScore: 90, attempts: 1 };
    clock += 65_500;
    expect(reporter.report(progress)).toBe(true);
    expect(api.cmi.core.score.raw).toBe('45');
    expect(api.cmi.core.score.min).toBe('0');
    expect(api.cmi.core.score.max).toBe('100');
    expect(api.cmi.core.lesson_status).toBe('incomplete');
    expect(written.get('cmi.core.session_time')).toBe('0000:01:05.50');
    expect(JSON.parse(decodeSuspendData(api.cmi.suspend_data) ?? '{}').levels.a.stars).toBe(2);
    progress.levels.b = { stars: 0, bestScore: 20 };
    reporter.report(progress);
    expect(api.cmi.core.lesson_status).toBe('failed');
    progress.levels.b = { stars: 1, bestScore: 40 };
    expect(reporter.finish(progress)).toBe(true);
    expect(api.cmi.core.lesson_status).toBe('passed');
    expect(api.cmi.core.score.raw).toBe('65');
    expect(reporter.finish(progress)).toBe(false);
    expect(reporter.report(progress)).toBe(false);
    expect(errors).toEqual([]);
  });

  it('SCORM 2004: completion, success, scaled score, ISO session time, suspend data', () => {
    const api = new Scorm2004API({ logLevel: 5 });
    const errors: string[] = [];
    const reporter = new ScormReporter(connection2004(api, errors), 'scorm2004', levels, () => 0);
    expect(reporter.start()).toBe('');
    const progress = emptyProgress();
    progress.levels.a = { stars: 3, bestScore: 100 };
    reporter.report(progress);
    expect(api.cmi.completion_status).toBe('incomplete');
    expect(api.cmi.success_status).toBe('unknown');
    expect(api.cmi.score.scaled).toBe('0.5');
    expect(api.cmi.progress_measure).toBe('0.5');
    progress.levels.b = { stars: 1, bestScore: 30 };
    expect(reporter.finish(progress)).toBe(true);
    expect(api.cmi.completion_status).toBe('completed');
    expect(api.cmi.success_status).toBe('passed');
    expect(api.cmi.score.raw).toBe('65');
    expect(written.get('cmi.session_time')).toBe('PT0S');
    expect(written.get('cmi.exit')).toBe('normal');
    expect(errors).toEqual([]);
  });

  it('hands back the suspend data an LMS kept, and reports nothing without an LMS', () => {
    const api = new Scorm12API({ logLevel: 5 });
    api.loadFromJSON({ suspend_data: 'kc1:abc' } as never, '');
    const reporter = new ScormReporter(connection12(api, []), 'scorm12', levels);
    expect(reporter.start()).toBe('kc1:abc');
    const none = new ScormReporter({ initialize: () => false, get: () => '', set: () => true, commit: () => true, terminate: () => true }, 'scorm12', levels);
    expect(none.start()).toBeNull();
    expect(none.report(emptyProgress())).toBe(false);
    expect(none.isActive).toBe(false);
  });
});
