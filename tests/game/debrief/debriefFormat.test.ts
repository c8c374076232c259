// Number formatting and chart geometry of the Debrief: µs, percentages, GiB, scores, bar scaling,
// stacked segments, the weighted formula and the count-up easing.
import { describe, expect, it } from 'vitest';
import {
  barFraction, countUpValue, easeOutCubic, joinSentences, formatGiB, formatNumber, formatPercent, formatScore, formatUs, stackSegments, starDelaysMs,
  weightedFormula,
} from '../../../src/game/debrief/debriefFormat';
import { weightedTotal } from '../../../src/scoring/scoreRun';
import { level } from '../../sim/fixtures';

describe('formatting', () => {
  it('writes µs whole from 10 up and with one decimal below', () => {
    expect(formatUs(284, 'en')).toBe('284');
    expect(formatUs(1.5, 'en')).toBe('1.5');
    expect(formatUs(2, 'en')).toBe('2');
    expect(formatUs(1234.4, 'en')).toBe('1,234');
    expect(formatUs(1234.4, 'ko')).toBe('1,234');
  });

  it('writes scores with one decimal, whole numbers without', () => {
    expect(formatScore(96.1, 'en')).toBe('96.1');
    expect(formatScore(100, 'en')).toBe('100');
    expect(formatScore(24.06, 'en')).toBe('24.1');
    expect(formatScore(Number.NaN, 'en')).toBe('0');
  });

  it('writes percentages and GiB', () => {
    expect(formatPercent(0.25, 'en')).toBe('25');
    expect(formatPercent(1, 'ko')).toBe('100');
    expect(formatPercent(-0.1, 'en')).toBe('0');
    expect(formatGiB(3.764, 'en')).toBe('3.76');
    expect(formatGiB(17.54, 'en')).toBe('17.5');
    expect(formatGiB(2.4, 'en')).toBe('2.4');
    expect(formatNumber(3.14159, 'en', 2)).toBe('3.14');
  });
});

describe('bars', () => {
  it('scales a value to a fraction of the bar, clamped', () => {
    expect(barFraction(50, 100)).toBe(0.5);
    expect(barFraction(150, 100)).toBe(1);
    expect(barFraction(-5, 100)).toBe(0);
    expect(barFraction(5, 0)).toBe(0);
    expect(barFraction(Number.NaN, 10)).toBe(0);
  });

  it('cuts a stacked bar into segments in order, as long as the total', () => {
    const segments = stackSegments([12, 50, 90, 20, 12, 100], 300, 600);
    expect(segments.map((segment) => segment.index)).toEqual([0, 1, 2, 3, 4, 5]);
    const end = segments[5]!.x + segments[5]!.width;
    expect(end).toBeCloseTo((284 / 300) * 600, 5);
    expect(segments[2]!.width).toBeCloseTo((90 / 300) * 600, 5);
    for (let i = 1; i < segments.length; i += 1) expect(segments[i]!.x).toBeCloseTo(segments[i - 1]!.x + segments[i - 1]!.width, 5);
  });

  it('keeps tiny hops visible without growing the stack', () => {
    const segments = stackSegments([3, 12, 100], 115, 230, 14);
    expect(segments[0]!.width).toBe(14);
    const end = segments[2]!.x + segments[2]!.width;
    expect(end).toBeCloseTo(230, 5);
    expect(stackSegments([0, 10], 10, 100, 14)[0]!.width).toBe(0);
  });
});

describe('the weighted total', () => {
  it('lists the judged objectives and agrees with the scoring engine', () => {
    const hostile = level({ objectives: { security: 3, speed: 1 } });
    const score = { security: 0, speed: 96.5, scale: 100 };
    const formula = weightedFormula(hostile, score);
    expect(formula.terms).toEqual([
      { objective: 'security', weight: 3, score: 0 },
      { objective: 'speed', weight: 1, score: 96.5 },
    ]);
    expect(formula.weightSum).toBe(4);
    expect(formula.total).toBe(weightedTotal(hostile, score));
    expect(formula.total).toBe(24.1);
  });
});

describe('the count-up', () => {
  it('eases out from 0 to the total and lands exactly on it', () => {
    expect(easeOutCubic(0)).toBe(0);
    expect(easeOutCubic(1)).toBe(1);
    expect(easeOutCubic(0.5)).toBeGreaterThan(0.5);
    expect(countUpValue(96.1, 0, 1000)).toBe(0);
    expect(countUpValue(96.1, 500, 1000)).toBeGreaterThan(48);
    expect(countUpValue(96.1, 1000, 1000)).toBe(96.1);
    expect(countUpValue(96.1, 10, 0)).toBe(96.1);
  });

  it('pops the earned stars one after another once the count is nearly done', () => {
    expect(starDelaysMs(3, 850, 260)).toEqual([850, 1110, 1370]);
    expect(starDelaysMs(0, 850, 260)).toEqual([]);
    expect(starDelaysMs(7, 0, 100)).toHaveLength(3);
  });
});

describe('text for screen readers', () => {
  it('joins lines into sentences, adding a full stop only where one is missing', () => {
    expect(joinSentences(['The comparison opens on your next try', 'Security cost you the most.', '', 'Hint:'])).toBe(
      'The comparison opens on your next try. Security cost you the most. Hint:',
    );
    expect(joinSentences(['다음 도전부터 비교를 볼 수 있어요', '보안에서 가장 많이 깎였어요.'])).toBe('다음 도전부터 비교를 볼 수 있어요. 보안에서 가장 많이 깎였어요.');
  });
});
