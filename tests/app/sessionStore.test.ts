// Tests the class session's storage on the device: one key per session (two sessions coexist, campaign
// progress untouched), the nickname rules (1–24 characters of any script, no control characters), codes
// and attempts kept across a reload, a damaged value never overwritten, blocked storage still playable.
import { describe, expect, it } from 'vitest';
import { nickProblem, SESSION_STATE_FORMAT, SessionStateStore, sessionStorageKey, validateSessionState } from '../../src/app/sessionStore';
import { blockedStorage, memoryStorage } from './storageDoubles';

const CODE = { level: 'first-delivery', attempt: 1, score: 100, stars: 3, code: 'KC1-abc-0123abcd' };

describe('nickProblem', () => {
  it('takes 1–24 characters of any script, counting characters rather than UTF-16 units', () => {
    expect(nickProblem('mina')).toBeNull();
    expect(nickProblem('김민아')).toBeNull();
    expect(nickProblem('가'.repeat(24))).toBeNull();
    expect(nickProblem('😀'.repeat(24))).toBeNull();
    expect(nickProblem('😀'.repeat(25))).toBe('too-long');
    expect(nickProblem('a'.repeat(25))).toBe('too-long');
    expect(nickProblem('')).toBe('empty');
    expect(nickProblem('   ')).toBe('empty');
    expect(nickProblem('a\u0007b')).toBe('control');
    expect(nickProblem('a\ud800')).toBe('control');
  });
});

describe('SessionStateStore', () => {
  it('keeps the nickname, codes, attempts and predictions under the session’s own key across a reload', () => {
    const storage = memoryStorage({ 'kernel-courier/progress@2': '{"keep":"me"}' });
    const store = new SessionStateStore(storage, '7K3M9QX2', () => 1_000);
    expect(store.get()).toMatchObject({ nick: '', codes: [], startedAt: 1_000 });
    expect(store.setNick('  mina ')).toBe('ok');
    expect(store.nextAttempt('first-delivery')).toBe(1);
    store.setPrediction('first-delivery', 'native');
    store.addCode(CODE);
    expect(store.nextAttempt('first-delivery')).toBe(2);
    const again = new SessionStateStore(storage, '7K3M9QX2', () => 9_999);
    expect(again.get()).toEqual({ id: '7K3M9QX2', nick: 'mina', codes: [CODE], attempts: { 'first-delivery': 1 }, predictions: { 'first-delivery': 'native' }, startedAt: 1_000 });
    expect(again.prediction('first-delivery')).toBe('native');
    expect(again.prediction('three-walls')).toBeUndefined();
    expect(Object.keys(storage.dump()).sort()).toEqual(['kernel-courier/progress@2', sessionStorageKey('7K3M9QX2')]);
    expect(storage.dump()['kernel-courier/progress@2']).toBe('{"keep":"me"}');
  });

  it('two sessions coexist, each with its own nickname', () => {
    const storage = memoryStorage();
    new SessionStateStore(storage, '7K3M9QX2').setNick('mina');
    new SessionStateStore(storage, 'Q8R2M4ZX').setNick('민아');
    expect(new SessionStateStore(storage, '7K3M9QX2').get().nick).toBe('mina');
    expect(new SessionStateStore(storage, 'Q8R2M4ZX').get().nick).toBe('민아');
  });

  it('refuses a bad nickname and a malformed id', () => {
    const store = new SessionStateStore(memoryStorage(), '7K3M9QX2');
    expect(store.setNick('')).toBe('invalid');
    expect(store.setNick('x'.repeat(25))).toBe('invalid');
    expect(store.get().nick).toBe('');
    expect(() => new SessionStateStore(memoryStorage(), 'not-an-id')).toThrow();
  });

  it('blocked storage: the session still works for the visit, and says so', () => {
    const store = new SessionStateStore(blockedStorage(), '7K3M9QX2');
    expect(store.status).toBe('blocked');
    store.setNick('mina');
    store.addCode(CODE);
    expect(store.get().codes).toHaveLength(1);
  });

  it('a damaged stored value is read as nothing and kept aside, not silently lost', () => {
    const key = sessionStorageKey('7K3M9QX2');
    const storage = memoryStorage({ [key]: '{"format":"kernel-courier/session-state@1","id":"7K3M9QX2","nick":42}' });
    const store = new SessionStateStore(storage, '7K3M9QX2');
    expect(store.status).toBe('corrupted');
    expect(store.get().nick).toBe('');
    expect(JSON.parse(storage.dump()[`${key}.backups`] ?? '[]')[0].raw).toContain('"nick":42');
  });
});

describe('validateSessionState', () => {
  const good = { format: SESSION_STATE_FORMAT, id: '7K3M9QX2', nick: 'mina', codes: [CODE], attempts: { 'first-delivery': 1 }, predictions: { 'first-delivery': null }, startedAt: 5 };
  it('accepts a whole value and rejects every broken field', () => {
    expect(validateSessionState(good, '7K3M9QX2').ok).toBe(true);
    for (const bad of [
      null,
      [],
      { ...good, format: 'x' },
      { ...good, id: 'Q8R2M4ZX' },
      { ...good, nick: 'x'.repeat(25) },
      { ...good, codes: [{ ...CODE, code: 'nope' }] },
      { ...good, codes: [{ ...CODE, stars: 4 }] },
      { ...good, attempts: { 'first-delivery': -1 } },
      { ...good, predictions: { 'first-delivery': 7 } },
      { ...good, startedAt: 'now' },
    ]) {
      expect(validateSessionState(bad, '7K3M9QX2').ok).toBe(false);
    }
  });
});
