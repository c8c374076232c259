import { describe, expect, it } from 'vitest';
import { emptyProgress, ProgressStore, type Progress } from '../../src/app/progressStore';
import { memoryStorage } from '../../src/app/storage';
import { decodeSuspendData, encodeSuspendData, SUSPEND_DATA_LIMIT } from '../../src/lms/suspendData';
import { CAMPAIGN_LEVELS } from '../../src/levels';

const ids = CAMPAIGN_LEVELS.map((level) => level.id);

function fullProgress(): Progress {
  const progress = emptyProgress();
  ids.forEach((id, index) => {
    progress.levels[id] = { stars: (index % 3) + 1, bestScore: 100 - index * 1.37, attempts: 1000 + index };
  });
  progress.unlocked = [...ids];
  return progress;
}

describe('suspend data', () => {
  it('holds the whole campaign within the SCORM 1.2 limit and restores it through the progress validator', () => {
    const progress = fullProgress();
    const text = encodeSuspendData(progress, ids);
    expect(text.length).toBeLessThanOrEqual(SUSPEND_DATA_LIMIT);
    expect(text).toMatch(/^kc1:[A-Za-z0-9_-]+$/);
    const store = new ProgressStore(memoryStorage(), { levelIds: ids });
    const file = decodeSuspendData(text);
    expect(file).not.toBeNull();
    const result = store.importText(file ?? '');
    expect(result.ok).toBe(true);
    for (const id of ids) {
      expect(store.record(id)?.stars).toBe(progress.levels[id].stars);
      expect(store.record(id)?.bestScore).toBeCloseTo(progress.levels[id].bestScore, 2);
      expect(store.record(id)?.attempts).toBe(progress.levels[id].attempts);
    }
  });

  it('keeps only the package levels, and drops the unlocked list before failing when the limit is small', () => {
    const progress = fullProgress();
    const one = encodeSuspendData(progress, [ids[3]]);
    const restored = JSON.parse(decodeSuspendData(one) ?? '{}') as Progress;
    expect(Object.keys(restored.levels)).toEqual([ids[3]]);
    const withUnlocked = encodeSuspendData(progress, ids);
    const tight = encodeSuspendData(progress, ids, withUnlocked.length - 1);
    expect((JSON.parse(decodeSuspendData(tight) ?? '{}') as Progress).unlocked).toEqual([]);
    expect(() => encodeSuspendData(progress, ids, 20)).toThrow(/does not fit/);
  });

  it('returns null for suspend data it did not write, and an import of damaged values changes nothing', () => {
    expect(decodeSuspendData('')).toBeNull();
    expect(decodeSuspendData('some other SCO state')).toBeNull();
    expect(decodeSuspendData('kc1:!!!notbase64')).toBeNull();
    const bad = { ...emptyProgress(), levels: { [ids[0]]: { stars: 9, bestScore: 50, attempts: 1 } } };
    const text = encodeSuspendData(bad as Progress, ids);
    const store = new ProgressStore(memoryStorage(), { levelIds: ids });
    expect(store.importText(decodeSuspendData(text) ?? '').ok).toBe(false);
    expect(store.record(ids[0])).toBeUndefined();
  });
});
