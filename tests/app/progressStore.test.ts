// Tests progress: validation, unlock rule, merge, import/export, and blocked, full and corrupted storage.
import { describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import {
  emptyProgress, isLevelUnlocked, LEGACY_PROGRESS_FORMAT, LEGACY_PROGRESS_KEY, mergeProgress, parseProgressFile, PROGRESS_FORMAT, PROGRESS_KEY,
  ProgressStore, validateProgress, type Progress,
} from '../../src/app/progressStore';
import { importNotices } from '../../src/app/importNotices';
import { MAX_BACKUPS } from '../../src/app/PersistedSlot';
import { backupsOf, blockedStorage, fullStorage, memoryStorage } from './storageDoubles';

const saved: Progress = { format: PROGRESS_FORMAT, levels: { 'first-delivery': { stars: 2, bestScore: 81.5 } }, unlocked: ['second'] };
const savedText = JSON.stringify(saved);
const IDS = ['first-delivery', 'second', 'third', 'fourth'];

describe('validateProgress', () => {
  it('accepts good progress and export metadata', () => {
    expect(validateProgress(saved)).toEqual({ ok: true, value: saved });
    expect(validateProgress({ ...saved, exportedAt: '2024-01-01T00:00:00Z', gameVersion: '0.1.0', 'x-note': 1 }).ok).toBe(true);
  });

  it.each([
    ['null', null],
    ['array', []],
    ['wrong format', { ...saved, format: 'kernel-courier/progress@3' }],
    ['a file of the first format (accepted from files, not from storage)', { ...saved, format: 'kernel-courier/progress@1' }],
    ['stars too high', { ...saved, levels: { a: { stars: 4, bestScore: 1 } } }],
    ['fractional stars', { ...saved, levels: { a: { stars: 1.5, bestScore: 1 } } }],
    ['score too high', { ...saved, levels: { a: { stars: 1, bestScore: 101 } } }],
    ['score NaN-ish', { ...saved, levels: { a: { stars: 1, bestScore: '50' } } }],
    ['bad level id', { ...saved, levels: { 'Bad Id': { stars: 1, bestScore: 1 } } }],
    ['unlocked not array', { ...saved, unlocked: 'second' }],
    ['unlocked bad id', { ...saved, unlocked: ['<script>'] }],
  ])('rejects %s', (_name, value) => {
    expect(validateProgress(value).ok).toBe(false);
  });

  it('never throws on arbitrary JSON', () => {
    fc.assert(fc.property(fc.jsonValue(), (value) => void validateProgress(value)));
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (text) => void parseProgressFile(text)));
  });
});

describe('isLevelUnlocked', () => {
  it('unlocks the first level, levels after a starred one, and explicitly unlocked ones', () => {
    const progress: Progress = { ...emptyProgress(), levels: { second: { stars: 1, bestScore: 50 } }, unlocked: [] };
    expect(isLevelUnlocked(IDS, progress, 'first-delivery')).toBe(true);
    expect(isLevelUnlocked(IDS, progress, 'second')).toBe(false);
    expect(isLevelUnlocked(IDS, progress, 'third')).toBe(true);
    expect(isLevelUnlocked(IDS, progress, 'fourth')).toBe(false);
    expect(isLevelUnlocked(IDS, { ...progress, unlocked: ['fourth'] }, 'fourth')).toBe(true);
    expect(isLevelUnlocked(IDS, progress, 'not-a-level')).toBe(false);
  });

  it('keeps a level with zero stars locking the next one', () => {
    const progress: Progress = { ...emptyProgress(), levels: { 'first-delivery': { stars: 0, bestScore: 10 } } };
    expect(isLevelUnlocked(IDS, progress, 'second')).toBe(false);
  });
});

describe('mergeProgress', () => {
  it('keeps the best of both', () => {
    const other: Progress = { format: PROGRESS_FORMAT, levels: { 'first-delivery': { stars: 1, bestScore: 90 }, third: { stars: 3, bestScore: 99 } }, unlocked: ['fourth'] };
    expect(mergeProgress(saved, other)).toEqual({
      format: PROGRESS_FORMAT,
      levels: { 'first-delivery': { stars: 2, bestScore: 90 }, third: { stars: 3, bestScore: 99 } },
      unlocked: ['second', 'fourth'],
    });
  });
});

describe('ProgressStore', () => {
  it('loads a good save and records better results only', () => {
    const storage = memoryStorage({ [PROGRESS_KEY]: savedText });
    const store = new ProgressStore(storage);
    expect(store.status).toBe('ok');
    expect(store.record('first-delivery')).toEqual({ stars: 2, bestScore: 81.5 });
    expect(store.recordResult('first-delivery', 1, 60, 'second')).toEqual({ status: 'ok', improved: false });
    expect(store.record('first-delivery')).toEqual({ stars: 2, bestScore: 81.5 });
    expect(store.recordResult('first-delivery', 3, 97, 'second').improved).toBe(true);
    expect(JSON.parse(storage.dump()[PROGRESS_KEY] ?? '{}').levels['first-delivery']).toEqual({ stars: 3, bestScore: 97 });
  });

  it('unlocks the next level after a star', () => {
    const store = new ProgressStore(memoryStorage());
    store.recordResult('first-delivery', 1, 55, 'second');
    expect(store.get().unlocked).toEqual(['second']);
    store.recordResult('second', 0, 20, 'third');
    expect(store.get().unlocked).toEqual(['second']);
  });

  it('does not write anything on load with empty storage', () => {
    const storage = memoryStorage();
    const store = new ProgressStore(storage);
    expect(store.get()).toEqual(emptyProgress());
    expect(storage.dump()).toEqual({});
  });

  it('merges what another tab saved before writing', () => {
    const storage = memoryStorage();
    const store = new ProgressStore(storage);
    storage.setItem(PROGRESS_KEY, JSON.stringify({ ...emptyProgress(), levels: { third: { stars: 3, bestScore: 100 } } }));
    store.recordResult('first-delivery', 1, 50, 'second');
    expect(Object.keys(JSON.parse(storage.dump()[PROGRESS_KEY] ?? '{}').levels).sort()).toEqual(['first-delivery', 'third']);
  });

  it('runs in memory when storage is blocked', () => {
    const store = new ProgressStore(blockedStorage());
    expect(store.status).toBe('blocked');
    expect(store.recordResult('first-delivery', 2, 70).status).toBe('blocked');
    expect(store.record('first-delivery')).toEqual({ stars: 2, bestScore: 70 });
  });

  it('keeps playing in memory when storage is full and keeps the old save intact', () => {
    const storage = fullStorage({ [PROGRESS_KEY]: savedText });
    const store = new ProgressStore(storage);
    const listener = vi.fn();
    store.subscribe(listener);
    expect(store.recordResult('second', 3, 99, 'third').status).toBe('full');
    expect(store.status).toBe('full');
    expect(storage.dump()[PROGRESS_KEY]).toBe(savedText);
    // In memory the new result counts, so the session goes on.
    expect(store.record('second')).toEqual({ stars: 3, bestScore: 99 });
  });

  it.each([
    ['garbage JSON', '{"format": "kernel-courier/prog'],
    ['wrong shape', JSON.stringify({ format: PROGRESS_FORMAT, levels: [] })],
    ['a format this release does not know', JSON.stringify({ ...saved, format: 'kernel-courier/progress@3' })],
    ['plain string', '"hello"'],
  ])('keeps %s aside, never overwrites it, and plays on in memory', (_name, raw) => {
    const storage = memoryStorage({ [PROGRESS_KEY]: raw });
    const store = new ProgressStore(storage);
    expect(store.status).toBe('corrupted');
    expect(store.readOnly).toBe(true);
    expect(store.get()).toEqual(emptyProgress());
    expect(storage.dump()[PROGRESS_KEY]).toBe(raw);
    expect(backupsOf(storage, PROGRESS_KEY)).toEqual([raw]);
    // A finished run counts in memory and says it was not saved; storage keeps the unreadable value.
    expect(store.recordResult('first-delivery', 1, 40, 'second').status).toBe('corrupted');
    expect(store.record('first-delivery')).toEqual({ stars: 1, bestScore: 40 });
    expect(storage.dump()[PROGRESS_KEY]).toBe(raw);
  });

  it('never overwrites an unreadable value another tab wrote after this one loaded', () => {
    const storage = memoryStorage({ [PROGRESS_KEY]: savedText });
    const store = new ProgressStore(storage);
    const newer = JSON.stringify({ ...saved, format: 'kernel-courier/progress@3', levels: { 'first-delivery': { stars: 3, bestScore: 99, medal: 'gold' } } });
    storage.setItem(PROGRESS_KEY, newer);
    expect(store.recordResult('second', 1, 30, 'third').status).toBe('corrupted');
    expect(storage.dump()[PROGRESS_KEY]).toBe(newer);
    expect(store.record('second')).toEqual({ stars: 1, bestScore: 30 });
  });

  it('keeps fields a later release added (top level and per level) when it writes back', () => {
    const later = { ...saved, streak: 4, levels: { 'first-delivery': { stars: 3, bestScore: 99, attempts: 2, medal: 'gold' } } };
    const storage = memoryStorage({ [PROGRESS_KEY]: JSON.stringify(later) });
    const store = new ProgressStore(storage);
    expect(store.status).toBe('ok');
    expect(store.recordResult('second', 2, 70, 'third').status).toBe('ok');
    const written = JSON.parse(storage.dump()[PROGRESS_KEY] ?? '{}');
    expect(written.streak).toBe(4);
    expect(written.levels['first-delivery']).toEqual({ stars: 3, bestScore: 99, attempts: 2, medal: 'gold' });
    expect(written.levels.second).toEqual({ stars: 2, bestScore: 70 });
  });
});

describe('a new format gets a new key', () => {
  const legacy = { ...saved, format: LEGACY_PROGRESS_FORMAT, levels: { 'first-delivery': { stars: 3, bestScore: 97, attempts: 4 } } };

  it('reads the old key once, copies it to the new key and leaves it in place', () => {
    const storage = memoryStorage({ [LEGACY_PROGRESS_KEY]: JSON.stringify(legacy) });
    const store = new ProgressStore(storage);
    expect(store.status).toBe('ok');
    expect(store.migratedFrom).toBe(LEGACY_PROGRESS_KEY);
    expect(store.record('first-delivery')).toEqual({ stars: 3, bestScore: 97, attempts: 4 });
    expect(JSON.parse(storage.dump()[PROGRESS_KEY] ?? '{}').format).toBe(PROGRESS_FORMAT);
    expect(storage.dump()[LEGACY_PROGRESS_KEY]).toBe(JSON.stringify(legacy));
    // An older release in another tab writes its own key; this release no longer reads it.
    storage.setItem(LEGACY_PROGRESS_KEY, JSON.stringify({ ...legacy, levels: { 'first-delivery': { stars: 1, bestScore: 10 } } }));
    store.recordResult('second', 1, 50, 'third');
    const again = new ProgressStore(storage);
    expect(again.migratedFrom).toBeUndefined();
    expect(again.record('first-delivery')).toEqual({ stars: 3, bestScore: 97, attempts: 4 });
  });

  it('leaves an unreadable old value in place, keeps a copy, and saves under the new key', () => {
    const storage = memoryStorage({ [LEGACY_PROGRESS_KEY]: '{"format":"kernel-courier/progress@1","levels":{"a":{"stars":"lots"}}}' });
    const store = new ProgressStore(storage);
    expect(store.status).toBe('ok');
    expect(store.legacyUnreadable).toBe(LEGACY_PROGRESS_KEY);
    expect(store.readOnly).toBe(false);
    expect(backupsOf(storage, PROGRESS_KEY)).toHaveLength(1);
    expect(store.recordResult('first-delivery', 2, 60, 'second').status).toBe('ok');
    expect(storage.dump()[LEGACY_PROGRESS_KEY]).toContain('"lots"');
  });
});

describe('backups and restoring the previous save', () => {
  const session = (storage: ReturnType<typeof memoryStorage>, level: string, stars: number, minute: number) => {
    const store = new ProgressStore(storage, { now: () => new Date(Date.UTC(2026, 0, 1, 0, minute)) });
    store.recordResult(level, stars, stars * 30);
    return store;
  };

  it('keeps the save as it was before each session, the last few only', () => {
    const storage = memoryStorage();
    IDS.concat(['fifth', 'sixth', 'seventh', 'eighth']).forEach((id, index) => session(storage, id, 1, index));
    const backups = backupsOf(storage, PROGRESS_KEY);
    expect(backups).toHaveLength(MAX_BACKUPS);
    // Newest first: the save before the last session had seven levels.
    expect(Object.keys(JSON.parse(backups[0] ?? '{}').levels)).toHaveLength(7);
  });

  it('restores the previous save, and restoring again undoes it', () => {
    const storage = memoryStorage({ [PROGRESS_KEY]: savedText });
    const store = session(storage, 'third', 3, 5);
    expect(store.previousSave()).toEqual({ keptAt: expect.any(String), levelCount: 1 });
    const listener = vi.fn();
    store.subscribe(listener);
    expect(store.restorePrevious()).toMatchObject({ status: 'ok', levelCount: 1 });
    expect(store.get()).toEqual(saved);
    expect(JSON.parse(storage.dump()[PROGRESS_KEY] ?? '{}')).toEqual(saved);
    expect(listener).toHaveBeenCalled();
    expect(store.restorePrevious()).toMatchObject({ status: 'ok', levelCount: 2 });
    expect(store.record('third')).toEqual({ stars: 3, bestScore: 90 });
  });

  it('restores a readable save over an unreadable one and saves again', () => {
    const storage = memoryStorage({ [PROGRESS_KEY]: savedText });
    session(storage, 'third', 3, 1);
    storage.setItem(PROGRESS_KEY, '{"damaged');
    const store = new ProgressStore(storage);
    expect(store.readOnly).toBe(true);
    expect(store.restorePrevious().status).toBe('ok');
    expect(store.readOnly).toBe(false);
    expect(store.recordResult('fourth', 1, 30).status).toBe('ok');
    expect(backupsOf(storage, PROGRESS_KEY)).toContain('{"damaged');
  });

  it('says when there is nothing to restore', () => {
    const store = new ProgressStore(memoryStorage());
    expect(store.previousSave()).toBeNull();
    expect(store.restorePrevious().status).toBe('nothing');
  });
});

describe('reset (Settings, "Reset progress")', () => {
  const SETTINGS_KEY = 'kernel-courier/settings@1';

  it('forgets every level and unlock, keeps other keys, and "restore the previous save" undoes it', () => {
    const storage = memoryStorage({ [PROGRESS_KEY]: savedText, [SETTINGS_KEY]: '{"language":"ko"}' });
    const store = new ProgressStore(storage);
    store.recordAttempt('first-delivery');
    const listener = vi.fn();
    store.subscribe(listener);
    expect(store.reset()).toBe('ok');
    expect(store.get()).toEqual(emptyProgress());
    expect(JSON.parse(storage.dump()[PROGRESS_KEY] ?? '{}')).toEqual(emptyProgress());
    expect(storage.dump()[SETTINGS_KEY]).toBe('{"language":"ko"}');
    expect(listener).toHaveBeenCalledWith(emptyProgress(), 'ok');
    // A new store (the next page load) reads it empty, and after one more run holds only that run.
    const next = new ProgressStore(storage);
    expect(next.get()).toEqual(emptyProgress());
    expect(next.previousSave()).toEqual({ keptAt: expect.any(String), levelCount: 1 });
    expect(next.restorePrevious().status).toBe('ok');
    expect(next.record('first-delivery')).toEqual({ stars: 2, bestScore: 81.5, attempts: 1 });
  });

  it('drops fields a newer release wrote, and replaces even an unreadable save (kept in the backups)', () => {
    const storage = memoryStorage({ [PROGRESS_KEY]: JSON.stringify({ ...saved, 'x-newer': 1 }) });
    expect(new ProgressStore(storage).reset()).toBe('ok');
    expect(storage.dump()[PROGRESS_KEY]).toBe(JSON.stringify(emptyProgress()));
    const damaged = memoryStorage({ [PROGRESS_KEY]: '{"damaged' });
    const store = new ProgressStore(damaged);
    expect(store.readOnly).toBe(true);
    expect(store.reset()).toBe('ok');
    expect(store.readOnly).toBe(false);
    expect(backupsOf(damaged, PROGRESS_KEY)).toContain('{"damaged');
    expect(store.recordResult('second', 1, 40).status).toBe('ok');
  });

  it('empties this session even when storage refuses, and says why', () => {
    const store = new ProgressStore(fullStorage({ [PROGRESS_KEY]: savedText }));
    expect(store.record('first-delivery')).toBeDefined();
    expect(store.reset()).toBe('full');
    expect(store.get()).toEqual(emptyProgress());
    expect(store.status).toBe('full');
    expect(new ProgressStore(blockedStorage()).reset()).toBe('blocked');
  });

  it('another tab that reloads follows the reset', () => {
    const storage = memoryStorage({ [PROGRESS_KEY]: savedText });
    const other = new ProgressStore(storage);
    new ProgressStore(storage).reset();
    expect(other.reload()).toBe(true);
    expect(other.get()).toEqual(emptyProgress());
  });
});

describe('other tabs', () => {
  it('reloads what another tab saved, and exports it', () => {
    const storage = memoryStorage({ [PROGRESS_KEY]: savedText });
    const store = new ProgressStore(storage);
    const other = new ProgressStore(storage);
    other.recordResult('third', 3, 95, 'fourth');
    expect(store.reload()).toBe(true);
    expect(store.record('third')).toEqual({ stars: 3, bestScore: 95 });
    // Export reads storage first even without an event.
    other.recordResult('fourth', 2, 60);
    expect(Object.keys(JSON.parse(store.exportText({ exportedAt: 'now', gameVersion: '0' })).levels)).toContain('fourth');
  });

  it('follows a restore in another tab instead of writing the old progress back', () => {
    const storage = memoryStorage({ [PROGRESS_KEY]: savedText });
    const store = new ProgressStore(storage);
    store.recordResult('third', 3, 95);
    const other = new ProgressStore(storage);
    other.restorePrevious();
    store.reload();
    expect(store.record('third')).toBeUndefined();
  });
});

describe('import and export', () => {
  it('round-trips through a file', () => {
    const store = new ProgressStore(memoryStorage({ [PROGRESS_KEY]: savedText }));
    const text = store.exportText({ exportedAt: '2024-05-01T10:00:00.000Z', gameVersion: '0.1.0' });
    expect(JSON.parse(text)).toMatchObject({ ...saved, exportedAt: '2024-05-01T10:00:00.000Z', gameVersion: '0.1.0' });
    const other = new ProgressStore(memoryStorage());
    const outcome = other.importText(text);
    expect(outcome).toMatchObject({ ok: true, levelCount: 1, status: 'ok' });
    expect(other.get()).toEqual(saved);
  });

  it('merges an import with local progress instead of replacing it', () => {
    const store = new ProgressStore(memoryStorage());
    store.recordResult('third', 3, 95);
    store.importText(savedText);
    expect(Object.keys(store.get().levels).sort()).toEqual(['first-delivery', 'third']);
  });

  it.each([
    ['not JSON', 'hello', 'notice.importNotJson'],
    ['another JSON file', JSON.stringify({ format: 'kernel-courier/level@1', id: 'x' }), 'notice.importWrongFormat'],
    ['too large', JSON.stringify({ ...saved, 'x-pad': 'x'.repeat(600 * 1024) }), 'notice.importTooLarge'],
  ])('rejects %s with a localized message and changes nothing', (_name, text, notice) => {
    const storage = memoryStorage({ [PROGRESS_KEY]: savedText });
    const store = new ProgressStore(storage);
    expect(store.importText(text)).toEqual({ ok: false, notice });
    expect(store.get()).toEqual(saved);
    expect(storage.dump()[PROGRESS_KEY]).toBe(savedText);
  });

  it('accepts a file with a byte-order mark', () => {
    expect(parseProgressFile(`\uFEFF${savedText}`).ok).toBe(true);
  });

  it('accepts a file of the first format', () => {
    expect(parseProgressFile(JSON.stringify({ ...saved, format: LEGACY_PROGRESS_FORMAT }))).toMatchObject({ ok: true, levelCount: 1 });
  });
});

describe('imports say what they did', () => {
  const unknownIds = (count: number) => Object.fromEntries(Array.from({ length: count }, (_, index) => [`no-such-level-${index}`, { stars: 3, bestScore: 100 }]));

  it('leaves out levels the game does not have, so they cannot fill the cap', () => {
    const storage = memoryStorage();
    const store = new ProgressStore(storage, { levelIds: IDS });
    const file = JSON.stringify({ ...saved, levels: { ...unknownIds(1999), 'first-delivery': { stars: 2, bestScore: 81.5 } } });
    const outcome = store.importText(file);
    expect(outcome).toMatchObject({ ok: true, levelCount: 1, skipped: 1999, changed: 2, status: 'ok' });
    expect(importNotices(outcome).map((notice) => notice.key)).toEqual(['notice.importSucceeded', 'notice.importSkipped']);
    expect(Object.keys(store.get().levels)).toEqual(['first-delivery']);
    // Later results still save.
    expect(store.recordResult('second', 1, 40, 'third').status).toBe('ok');
  });

  it('rejects a file with only unknown levels and says why', () => {
    const store = new ProgressStore(memoryStorage(), { levelIds: IDS });
    const outcome = store.importText(JSON.stringify({ ...emptyProgress(), levels: unknownIds(2000) }));
    expect(outcome).toEqual({ ok: false, notice: 'notice.importNoKnownLevels', params: { count: 2000 } });
    expect(importNotices(outcome)).toEqual([{ key: 'notice.importNoKnownLevels', params: { count: 2000 } }]);
  });

  it('says "nothing new" when the file adds nothing to existing progress', () => {
    const store = new ProgressStore(memoryStorage({ [PROGRESS_KEY]: savedText }), { levelIds: IDS });
    const outcome = store.importText(JSON.stringify({ ...saved, levels: { 'first-delivery': { stars: 1, bestScore: 50 } }, unlocked: [] }));
    expect(outcome).toMatchObject({ ok: true, changed: 0 });
    expect(importNotices(outcome)).toEqual([{ key: 'notice.importNothingNew', params: { count: 1 } }]);
  });

  it('says the import was not saved when storage refuses it', () => {
    const store = new ProgressStore(fullStorage(), { levelIds: IDS });
    const outcome = store.importText(savedText);
    expect(outcome).toMatchObject({ ok: true, status: 'full' });
    expect(importNotices(outcome).map((notice) => notice.key)).toEqual(['notice.importNotSaved']);
    expect(store.record('first-delivery')).toEqual({ stars: 2, bestScore: 81.5 });
  });

  it('reads own properties only: a level called "constructor" is a level like any other', () => {
    const storage = memoryStorage();
    const store = new ProgressStore(storage);
    expect(store.record('constructor')).toBeUndefined();
    expect(isLevelUnlocked(['first-delivery', 'toString'], emptyProgress(), 'toString')).toBe(false);
    const outcome = store.importText(JSON.stringify({ ...emptyProgress(), levels: { constructor: { stars: 2, bestScore: 60 } } }));
    expect(outcome).toMatchObject({ ok: true, changed: 1, status: 'ok' });
    expect(store.record('constructor')).toEqual({ stars: 2, bestScore: 60 });
    expect(JSON.parse(storage.dump()[PROGRESS_KEY] ?? '{}').levels.constructor).toEqual({ stars: 2, bestScore: 60 });
  });

  it('never touches Object.prototype, whatever the ids', () => {
    const store = new ProgressStore(memoryStorage());
    store.importText('{"format":"kernel-courier/progress@2","levels":{"__proto__":{"stars":3,"bestScore":1}},"unlocked":[]}');
    store.importText(JSON.stringify({ ...emptyProgress(), levels: { 'has-own-property': { stars: 1, bestScore: 1 } } }));
    expect(({} as Record<string, unknown>).stars).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(store.get().levels, '__proto__')).toBe(false);
  });
});

describe('attempts per level', () => {
  it('loads older saves without attempts and keeps them absent', () => {
    expect(validateProgress(saved)).toEqual({ ok: true, value: saved });
    expect(new ProgressStore(memoryStorage({ [PROGRESS_KEY]: savedText })).record('first-delivery')).toEqual({ stars: 2, bestScore: 81.5 });
  });

  it.each([
    ['negative', -1],
    ['fractional', 1.5],
    ['a string', '2'],
    ['too many', 2_000_000],
  ])('rejects attempts that are %s', (_name, attempts) => {
    expect(validateProgress({ ...saved, levels: { a: { stars: 1, bestScore: 1, attempts } } }).ok).toBe(false);
  });

  it('counts finished runs, survives a reload and merges by the larger count', () => {
    const storage = memoryStorage({ [PROGRESS_KEY]: savedText });
    const store = new ProgressStore(storage);
    expect(store.recordAttempt('first-delivery')).toEqual({ status: 'ok', attempts: 1 });
    expect(store.recordAttempt('first-delivery').attempts).toBe(2);
    expect(store.record('first-delivery')).toEqual({ stars: 2, bestScore: 81.5, attempts: 2 });
    const reloaded = new ProgressStore(storage);
    expect(reloaded.record('first-delivery')?.attempts).toBe(2);
    // A later result keeps the count.
    reloaded.recordResult('first-delivery', 3, 99, 'second');
    expect(reloaded.record('first-delivery')).toEqual({ stars: 3, bestScore: 99, attempts: 2 });
    const other: Progress = { format: PROGRESS_FORMAT, levels: { 'first-delivery': { stars: 1, bestScore: 10, attempts: 5 } }, unlocked: [] };
    expect(mergeProgress(reloaded.get(), other).levels['first-delivery']).toEqual({ stars: 3, bestScore: 99, attempts: 5 });
  });

  it('starts a record with no stars for a level never finished before', () => {
    const store = new ProgressStore(memoryStorage());
    expect(store.recordAttempt('third').attempts).toBe(1);
    expect(store.record('third')).toEqual({ stars: 0, bestScore: 0, attempts: 1 });
  });
});
