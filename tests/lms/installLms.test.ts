// installLms wired to real game events, progress store and storage, with a stand-in window: the statements
// a framed game makes (each one checked by the xAPI validator), the device's anonymous actor, and a SCORM
// launch that restores progress from suspend data (its code loaded on demand) and reports after a level
// (runtime: scorm-again).
import { Scorm12API } from 'scorm-again';
import { describe, expect, it } from 'vitest';
import { createGameEvents } from '../../src/app/gameEvents';
import { ProgressStore } from '../../src/app/progressStore';
import { memoryStorage } from '../../src/app/storage';
import { ACTOR_KEY, installLms } from '../../src/lms';
import { encodeSuspendData } from '../../src/lms/suspendData';
import { CAMPAIGN_LEVELS } from '../../src/levels';
import { statementProblems } from './xapiValidator';

function fakeWindow(framed: boolean) {
  const listeners = new Map<string, (() => void)[]>();
  const win = {
    crypto: globalThis.crypto,
    addEventListener: (type: string, listener: () => void) => listeners.set(type, [...(listeners.get(type) ?? []), listener]),
    fire: (type: string) => (listeners.get(type) ?? []).forEach((listener) => listener()),
  } as unknown as Window & { fire(type: string): void };
  (win as unknown as { parent: unknown }).parent = framed ? {} : win;
  return win;
}

const ids = CAMPAIGN_LEVELS.map((level) => level.id);

describe('installLms', () => {
  it('a framed game makes launched, initialized, attempted, completed, passed/failed and terminated, all valid', () => {
    const storage = memoryStorage();
    const win = fakeWindow(true);
    const events = createGameEvents();
    const statements: Record<string, unknown>[] = [];
    events.on('statementMade', ({ statement }) => statements.push(statement));
    const progress = new ProgressStore(storage, { levelIds: ids });
    installLms({ win, search: '?mode=embed&level=venom', levels: CAMPAIGN_LEVELS, events, progress, storage });
    events.emit('screenShown', { key: 'play', levelId: 'venom' });
    events.emit('runFinished', { levelId: 'venom', result: { score: { total: 71.5, stars: 2 } } });
    events.emit('screenShown', { key: 'play', levelId: 'venom' });
    events.emit('runFinished', { levelId: 'venom', result: { score: { total: 10, stars: 0 } } });
    win.fire('pagehide');
    const verbs = statements.map((statement) => String((statement.verb as { id: string }).id).split('/').pop());
    expect(verbs).toEqual(['launched', 'initialized', 'attempted', 'completed', 'passed', 'attempted', 'completed', 'failed', 'terminated']);
    for (const statement of statements) expect(statementProblems(statement)).toEqual([]);
    expect(new Set(statements.map((statement) => statement.id)).size).toBe(statements.length);
    const actorName = (statements[0].actor as { account: { name: string } }).account.name;
    expect(storage.getItem(ACTOR_KEY)).toBe(actorName);
    expect(statements.every((statement) => (statement.actor as { account: { name: string } }).account.name === actorName)).toBe(true);

    // The same device next time: the same anonymous learner.
    const again: Record<string, unknown>[] = [];
    const events2 = createGameEvents();
    events2.on('statementMade', ({ statement }) => again.push(statement));
    installLms({ win: fakeWindow(true), search: '', levels: CAMPAIGN_LEVELS, events: events2, progress, storage });
    expect((again[0].actor as { account: { name: string } }).account.name).toBe(actorName);
  });

  it('a top-level page outside any LMS makes no statements and stores nothing', () => {
    const storage = memoryStorage();
    const events = createGameEvents();
    const statements: unknown[] = [];
    events.on('statementMade', ({ statement }) => statements.push(statement));
    const handle = installLms({ win: fakeWindow(false), search: '', levels: CAMPAIGN_LEVELS, events, progress: new ProgressStore(storage, { levelIds: ids }), storage });
    events.emit('screenShown', { key: 'play', levelId: 'venom' });
    expect(statements).toEqual([]);
    expect(storage.dump()).toEqual({});
    expect(handle.scorm).toBeNull();
    expect(handle.restored).toBeNull();
  });

  it('a SCORM launch restores progress from suspend data and reports after each level', async () => {
    const api = new Scorm12API({ logLevel: 5 });
    const kept = encodeSuspendData({ format: 'kernel-courier/progress@2', levels: { 'first-delivery': { stars: 2, bestScore: 80, attempts: 1 } }, unlocked: [] }, ids);
    api.loadFromJSON({ suspend_data: kept } as never, '');
    const storage = memoryStorage();
    const progress = new ProgressStore(storage, { levelIds: ids });
    const events = createGameEvents();
    const win = fakeWindow(false);
    const handle = installLms({
      win,
      search: '?lms=scorm12&mode=embed&chapter=1',
      levels: CAMPAIGN_LEVELS,
      events,
      progress,
      storage,
      scormConnection: {
        initialize: () => api.LMSInitialize('') === 'true',
        get: (name) => api.LMSGetValue(name),
        set: (name, value) => api.LMSSetValue(name, value) === 'true',
        commit: () => api.LMSCommit('') === 'true',
        terminate: () => api.LMSFinish('') === 'true',
      },
    });
    // Its code is a chunk of its own: the first screen waits for `restored`.
    expect(handle.restored).not.toBeNull();
    await handle.restored;
    expect(handle.scorm?.isActive).toBe(true);
    expect(progress.record('first-delivery')?.bestScore).toBe(80);
    expect(api.cmi.core.score.raw).toBe('40');
    progress.recordResult('one-kernel-three-apps', 1, 50);
    events.emit('runFinished', { levelId: 'one-kernel-three-apps', result: { score: { total: 50, stars: 1 } } });
    expect(api.cmi.core.score.raw).toBe('65');
    expect(api.cmi.core.lesson_status).toBe('passed');
    win.fire('pagehide');
    expect(api.isTerminated()).toBe(true);
  });
});
