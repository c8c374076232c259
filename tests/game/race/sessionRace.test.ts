// The Debrief offers the race view outside class sessions, and in a session only when its `race` setting
// is on (contracts.md §5a: `race`, default true).
import { afterEach, describe, expect, it } from 'vitest';
import { memoryStorage } from '../../../src/app/storage';
import { SessionStateStore } from '../../../src/app/sessionStore';
import { sessionSettings } from '../../../src/classroom/session';
import { resetClassroomRuntime, setActiveSession } from '../../../src/game/classroom/classroomRuntime';
import { sessionRace } from '../../../src/game/classroom/sessionHooks';

function join(race?: boolean): void {
  const settings = sessionSettings({ format: 'kernel-courier/session@1', id: '7K3M9QX2', levels: ['first-delivery'], seed: 9, ...(race === undefined ? {} : { race }) });
  const store = new SessionStateStore(memoryStorage(), settings.id);
  store.setNick('민아');
  setActiveSession({ settings, store, startedAt: store.get().startedAt });
}

afterEach(() => resetClassroomRuntime());

describe('sessionRace', () => {
  it('offers the race outside sessions', () => {
    expect(sessionRace('first-delivery')).toBe(true);
  });

  it('follows the session: on by default, off when the teacher turned races off', () => {
    join();
    expect(sessionRace('first-delivery')).toBe(true);
    join(false);
    expect(sessionRace('first-delivery')).toBe(false);
    // A level outside the session is played as in the campaign.
    expect(sessionRace('rush-hour')).toBe(true);
  });
});
