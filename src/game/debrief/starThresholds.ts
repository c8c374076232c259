// The star thresholds on a score bar (issue 17): a tick across the bar at each total that earns a star
// (threshold × the best build's total on this seed), its value above it ("2★ 78.4"), and the same in words
// for screen readers. A tick is a shape with a label, never a colour alone.
import type Phaser from 'phaser';
import { starThresholdTotals } from '../../scoring/rankLevel';
import { breachCapsStars } from '../../scoring/scoreRun';
import type { Rect } from '../layout';
import { barFraction, formatScore } from './debriefFormat';
import { spreadLabels } from './debriefLayout';
import { label, tr, type DebriefView } from './debriefView';

export interface ThresholdMark {
  stars: number;
  /** The total (0–100) from which that many stars are earned. */
  value: number;
}

/** The star thresholds in points of total, on this debrief's ranking. */
export function thresholdMarks(view: DebriefView): ThresholdMark[] {
  return starThresholdTotals(view.data.level, view.data.ranking.bestTotal).map((value, index) => ({ stars: index + 1, value }));
}

/** The thresholds in words, and, for a breached build where security is scored, the one-star cap. */
export function thresholdsSpoken(view: DebriefView, withCap = false): string {
  const [one, two, three] = thresholdMarks(view).map((mark) => formatScore(mark.value, view.language));
  const text = tr(view, 'scoring:thresholds.spoken', { one, two, three, best: formatScore(view.data.ranking.bestTotal, view.language) });
  const { level, result } = view.data;
  return withCap && result.feasible && breachCapsStars(level, result.metrics) ? `${text} ${tr(view, 'scoring:thresholds.breachCap')}` : text;
}

/** Ticks across a score bar (0–100) at each star threshold. */
export function drawThresholdTicks(g: Phaser.GameObjects.Graphics, bar: Rect, marks: readonly ThresholdMark[], color: number): void {
  g.lineStyle(2, color, 1);
  for (const mark of marks) {
    const x = Math.round(bar.x + bar.width * barFraction(mark.value, 100));
    g.lineBetween(x, bar.y - 3, x, bar.y + bar.height + 3);
  }
}

/** The size of the tick labels' text. */
export function tickLabelPx(smallPx: number): number {
  return Math.max(11, Math.round(smallPx * 0.85));
}

/**
 * Each threshold's value ("1★ 49"), over its tick where there is room, pushed apart where ticks are close;
 * on one centred line ("1★ 49 · 2★ 78 · 3★ 93") where even that does not fit.
 */
export function drawTickLabels(view: DebriefView, bar: Rect, marks: readonly ThresholdMark[], y: number, height: number, px: number): void {
  const { palette } = view.kit;
  const texts = marks.map((mark) => tr(view, 'scoring:thresholds.tick', { stars: mark.stars, value: formatScore(mark.value, view.language) }));
  const width = Math.round(px * 4.9);
  const centres = marks.map((mark) => bar.x + bar.width * barFraction(mark.value, 100));
  const lefts = spreadLabels(centres, width, bar.x - px, bar.x + bar.width + px);
  const style = { px, bold: true, color: palette.heading, minPx: 9 };
  if (!lefts) {
    label(view, { x: bar.x - px, y, width: bar.width + px * 2, height }, texts.join(' · '), { ...style, align: 'center' });
    return;
  }
  texts.forEach((text, i) => label(view, { x: Math.round(lefts[i]!), y, width, height }, text, { ...style, align: 'center' }));
}
