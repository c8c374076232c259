import { describe, expect, it } from 'vitest';
import { emptyProgress } from '../../src/app/progressStore';
import { isoDuration, MASTERY_SCORE, packageScore, scorm12Time } from '../../src/lms/packageScore';

describe('package score', () => {
  it('is the mean of best totals over the package levels, unplayed levels counting 0', () => {
    const progress = emptyProgress();
    progress.levels.a = { stars: 2, bestScore: 80 };
    progress.levels.b = { stars: 0, bestScore: 30.333 };
    progress.levels.other = { stars: 3, bestScore: 100 };
    expect(packageScore(progress, ['a', 'b', 'c'])).toEqual({ raw: 36.78, finished: 2, total: 3, complete: false, passed: null });
    expect(packageScore(progress, ['a', 'b'])).toMatchObject({ raw: 55.17, complete: true, passed: false });
    expect(packageScore(progress, ['a'])).toMatchObject({ raw: 80, complete: true, passed: true });
    progress.levels.c = { stars: 1, bestScore: MASTERY_SCORE };
    expect(packageScore(progress, ['c'])).toMatchObject({ raw: 60, passed: true });
    expect(packageScore(progress, [])).toMatchObject({ raw: 0, complete: false });
  });

  it('writes SCORM 1.2 timespans and ISO 8601 durations', () => {
    expect(scorm12Time(0)).toBe('0000:00:00.00');
    expect(scorm12Time(3723.456)).toBe('0001:02:03.46');
    expect(isoDuration(0)).toBe('PT0S');
    expect(isoDuration(3723.456)).toBe('PT1H2M3.46S');
    expect(isoDuration(59.999)).toBe('PT1M0S');
  });
});
