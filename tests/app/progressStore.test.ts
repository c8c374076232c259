// Tests progress: validation, unlock rule, merge, import/export, and blocked, full and corrupted storage.
import { describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import {
  emptyProgress, isLevelUnlocked, mergeProgress, parseProgressFile, PROGRESS_FORMAT, PROGRESS_KEY, ProgressStore, validateProgress,
  type Progress,
} from '../../src/app/progressStore';
import { blockedStorage, fullStorage, memoryStorage } from './storageDoubles';

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
    ['wrong format', { ...saved, format: 'kernel-courier/progress@2' }],
    ['unknown key', { ...saved, extra: true }],
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
    ['wrong version', JSON.stringify({ ...saved, format: 'kernel-courier/progress@0' })],
    ['plain string', '"hello"'],
  ])('keeps %s aside and never overwrites it with a default', (_name, raw) => {
    const storage = memoryStorage({ [PROGRESS_KEY]: raw });
    const store = new ProgressStore(storage);
    expect(store.status).toBe('corrupted');
    expect(store.get()).toEqual(emptyProgress());
    expect(storage.dump()[PROGRESS_KEY]).toBe(raw);
    expect(storage.dump()[`${PROGRESS_KEY}.backup`]).toBe(raw);
    // Only real progress replaces it, and the original stays in the backup.
    store.recordResult('first-delivery', 1, 40, 'second');
    expect(validateProgress(JSON.parse(storage.dump()[PROGRESS_KEY] ?? 'null')).ok).toBe(true);
    expect(storage.dump()[`${PROGRESS_KEY}.backup`]).toBe(raw);
  });

  it('does not replace an existing backup with later garbage', () => {
    const storage = memoryStorage({ [PROGRESS_KEY]: 'second garbage', [`${PROGRESS_KEY}.backup`]: 'first garbage' });
    new ProgressStore(storage);
    expect(storage.dump()[`${PROGRESS_KEY}.backup`]).toBe('first garbage');
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
