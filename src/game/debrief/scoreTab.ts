// The "Score & reasons" tab: the total counting up with the stars popping in one by one, the score of
// each objective as a bar with its weight and the weighted formula in words, and the reasons in plain
// sentences with an icon per objective (paged when they do not fit).
import Phaser from 'phaser';
import { OBJECTIVES } from '../../sim/types';
import { fontPx, paginateByHeight, type Rect } from '../layout';
import { Button, hexToNumber } from '../ui/Button';
import { addText } from '../ui/text';
import { countUpValue, formatScore, starDelaysMs } from './debriefFormat';
import { breakdownLayout, headlineLayout, objectiveRowLayout, reasonIconSize, reasonsLayout, scoreTabLayout } from './debriefLayout';
import { drawBar, drawHatchedBar, drawStar, drawTopicIcon, TOPIC_COLORS } from './debriefDrawing';
import { archName, label, objectiveName, sentenceHeading, sentenceText, tr, type DebriefView } from './debriefView';
import { drawThresholdTicks, drawTickLabels, thresholdMarks, thresholdsSpoken, tickLabelPx } from './starThresholds';
import type { Sentence } from '../play/debriefModel';

/** How long the total counts up, and the gap between stars popping in (ms). */
export const COUNT_UP_MS = 1000;
export const STAR_STEP_MS = 260;

export interface ScoreTabOptions {
  /** Play the count-up and the stars (first showing only, never with reduced motion). */
  animate: boolean;
  reasonPage: number;
  turnReasonPage: (step: 1 | -1) => void;
}

export function drawScoreTab(view: DebriefView, inner: Rect, options: ScoreTabOptions): { pages: number; page: number } {
  const { layout } = view.kit;
  const st = scoreTabLayout(inner, layout);
  drawHeadline(view, st.headline, options.animate);
  drawBreakdown(view, st.breakdown, options.animate);
  return drawReasons(view, st.reasons, options);
}

function drawHeadline(view: DebriefView, rect: Rect, animate: boolean): void {
  const { scene, kit, data, language } = view;
  const { layout, palette } = kit;
  const hl = headlineLayout(rect, layout);
  const total = data.result.score.total;
  const stars = data.result.score.stars;
  const px = Math.min(fontPx(layout, 'display'), Math.round(hl.score.height * 0.95));
  const score = addText(scene, kit, hl.score.x, hl.score.y + hl.score.height / 2, formatScore(total, language), { fontPx: px, bold: true, color: palette.heading, originY: 0.5 });
  // "/ 100" goes after the widest number the count-up shows (a decimal just under the total, "99.9"
  // before "100"), so the count never runs under it.
  let scoreWidth = score.width;
  if (animate && total >= 0.1) {
    score.setText(formatScore(total - 0.1, language));
    scoreWidth = Math.max(scoreWidth, score.width);
    score.setText(formatScore(total, language));
  }
  const outOf = addText(scene, kit, hl.score.x + scoreWidth + layout.gap * 0.4, hl.score.y + hl.score.height / 2 + px * 0.18, tr(view, 'debrief:headline.outOf'), {
    fontPx: fontPx(layout, 'heading'),
    color: palette.textMuted,
    originY: 0.5,
  });
  outOf.setX(Math.min(outOf.x, hl.score.x + hl.score.width - outOf.width));

  const size = Math.round(Math.min(hl.stars.height * 0.92, hl.stars.width / 3.8));
  const gap = size * 1.18;
  const cx = hl.stars.x + hl.stars.width / 2;
  const cy = hl.stars.y + hl.stars.height / 2;
  const earned: Phaser.GameObjects.Graphics[] = [];
  for (let i = 0; i < 3; i += 1) {
    const x = cx + (i - 1) * gap;
    const outline = scene.add.graphics({ x, y: cy });
    drawStar(outline, size, false, palette);
    if (i < stars) {
      const star = scene.add.graphics({ x, y: cy });
      drawStar(star, size, true, palette);
      earned.push(star);
    }
  }
  const starsText = label(view, hl.starsLabel, tr(view, 'debrief:headline.stars', { count: stars }), { px: fontPx(layout, 'body'), bold: true, align: 'center' });
  drawScoreBar(view, hl.bar);
  const buildKey = data.result.feasible ? 'debrief:headline.yourBuild' : 'debrief:headline.yourBuildInfeasible';
  label(view, hl.build, tr(view, buildKey, { arch: archName(view, data.result.arch) }), { px: fontPx(layout, 'body'), color: palette.textMuted });

  if (!animate) return;
  score.setText(formatScore(0, language));
  scene.tweens.addCounter({
    from: 0,
    to: COUNT_UP_MS,
    duration: COUNT_UP_MS,
    ease: 'Linear',
    onUpdate: (tween) => score.setText(formatScore(countUpValue(total, tween.getValue() ?? COUNT_UP_MS, COUNT_UP_MS), language)),
    onComplete: () => score.setText(formatScore(total, language)),
  });
  starsText.setAlpha(0);
  const delays = starDelaysMs(stars, COUNT_UP_MS * 0.85, STAR_STEP_MS);
  earned.forEach((star, i) => {
    star.setScale(0);
    scene.tweens.add({ targets: star, scale: 1, duration: 320, delay: delays[i] ?? 0, ease: 'Back.easeOut' });
  });
  scene.tweens.add({ targets: starsText, alpha: 1, duration: 250, delay: (delays[delays.length - 1] ?? COUNT_UP_MS * 0.85) + 120 });
}

/** The total as a bar (0–100) with the star thresholds' ticks and values over it. */
function drawScoreBar(view: DebriefView, rect: Rect): void {
  const { scene, kit, data } = view;
  const { layout, palette } = kit;
  const px = tickLabelPx(fontPx(layout, 'small'));
  const labelHeight = Math.round(px * 1.35);
  const barHeight = Math.max(10, rect.height - labelHeight - Math.round(layout.gap * 0.4));
  // Inset by a label's half width, so the first and last values stay inside the headline.
  const inset = Math.round(px * 1.6);
  const bar = { x: rect.x + inset, y: rect.y + labelHeight + Math.round(layout.gap * 0.2), width: Math.max(0, rect.width - inset * 2), height: barHeight };
  const marks = thresholdMarks(view);
  const g = scene.add.graphics();
  drawBar(g, bar, data.result.score.total / 100, palette.accent, palette);
  drawThresholdTicks(g, bar, marks, hexToNumber(palette.heading));
  drawTickLabels(view, bar, marks, rect.y, labelHeight, px);
}

function drawBreakdown(view: DebriefView, rect: Rect, animate: boolean): void {
  const { scene, kit, data, language } = view;
  const { layout, palette } = kit;
  const bd = breakdownLayout(rect, layout);
  if (!bd.shown.rows) return;
  const body = fontPx(layout, 'body');
  label(view, bd.title, tr(view, 'debrief:breakdown.title'), { px: fontPx(layout, 'heading'), bold: true, color: palette.heading, minPx: body });
  const bars: { rect: Rect; fraction: number; color: number }[] = [];
  const g = scene.add.graphics();
  OBJECTIVES.forEach((objective, i) => {
    const row = objectiveRowLayout(bd.rows[i]!, layout);
    const weight = data.level.objectives[objective] ?? 0;
    const judged = weight > 0;
    const color = judged ? TOPIC_COLORS[objective] : hexToNumber(palette.disabledText);
    const icons = scene.add.graphics();
    drawTopicIcon(icons, objective, row.icon.x + row.icon.width / 2, row.icon.y + row.icon.height / 2, row.icon.height * 0.78, color);
    const textColor = judged ? palette.text : palette.disabledText;
    label(view, row.name, objectiveName(view, objective), { px: body, bold: judged, color: textColor, minPx: Math.round(body * 0.8) });
    label(view, row.weight, tr(view, 'debrief:breakdown.weight', { weight }), { px: body, bold: true, color: judged ? palette.heading : palette.disabledText, align: 'center', minPx: Math.round(body * 0.8) });
    if (judged) {
      bars.push({ rect: row.bar, fraction: data.result.score[objective] / 100, color });
      label(view, row.value, formatScore(data.result.score[objective], language), { px: body, bold: true, align: 'right', minPx: Math.round(body * 0.8) });
    } else {
      // The words sit over the hatched bar at full row height, so they stay readable from afar.
      label(view, { x: row.bar.x + 6, y: row.name.y, width: row.bar.width - 12, height: row.name.height }, tr(view, 'debrief:breakdown.notJudged'), { px: Math.round(body * 0.9), color: palette.textMuted, align: 'center', minPx: 12 });
      label(view, row.value, '—', { px: body, color: palette.disabledText, align: 'right' });
    }
  });
  const drawBars = (progress: number) => {
    g.clear();
    OBJECTIVES.forEach((objective, i) => {
      if ((data.level.objectives[objective] ?? 0) <= 0) drawHatchedBar(g, objectiveRowLayout(bd.rows[i]!, layout).bar, hexToNumber(palette.disabledText));
    });
    for (const bar of bars) drawBar(g, bar.rect, bar.fraction * progress, bar.color, palette);
  };
  drawBars(1);
  if (animate) {
    drawBars(0);
    scene.tweens.addCounter({ from: 0, to: 1, duration: 900, ease: 'Cubic.easeOut', onUpdate: (tween) => drawBars(tween.getValue() ?? 1) });
  }

  if (!bd.shown.formula) return;
  let formula: string;
  if (!data.result.feasible) formula = tr(view, 'debrief:breakdown.infeasible');
  else {
    const terms = data.formula.terms
      .map((term) => tr(view, 'debrief:breakdown.term', { weight: term.weight, objective: objectiveName(view, term.objective), score: formatScore(term.score, language) }))
      .join(' + ');
    formula = `${tr(view, 'debrief:breakdown.intro')}\n${tr(view, 'debrief:breakdown.formula', { terms, weightSum: data.formula.weightSum, total: formatScore(data.result.score.total, language) })}`;
  }
  label(view, bd.formula, formula, { px: body, color: palette.text, valign: 'top', minPx: Math.round(body * 0.8) });
}

interface ReasonItem {
  topic: Sentence['topic'];
  heading: string;
  text: string;
}

function reasonItems(view: DebriefView): ReasonItem[] {
  const items: ReasonItem[] = [];
  if (!view.data.result.feasible) items.push({ topic: 'feasibility', heading: tr(view, 'debrief:reasons.scoreZero'), text: tr(view, 'debrief:reasons.infeasible') });
  for (const sentence of view.data.sentences) items.push({ topic: sentence.topic, heading: sentenceHeading(view, sentence), text: sentenceText(view, sentence) });
  return items;
}

function drawReasons(view: DebriefView, rect: Rect, options: ScoreTabOptions): { pages: number; page: number } {
  const { scene, kit } = view;
  const { layout, palette } = kit;
  const body = fontPx(layout, 'body');
  const icon = reasonIconSize(layout);
  const gap = Math.round(layout.gap * 0.6);
  const items = reasonItems(view);
  const measure = (listWidth: number) =>
    items.map((item) => {
      const textWidth = listWidth - icon - gap;
      const heading = addText(scene, kit, 0, 0, item.heading, { fontPx: Math.round(body * 0.9), bold: true, color: palette.textMuted, wrapWidth: textWidth });
      const text = addText(scene, kit, 0, 0, item.text, { fontPx: body, color: palette.text, wrapWidth: textWidth });
      return { item, heading, text, height: heading.height + text.height };
    });
  let rl = reasonsLayout(rect, layout, false);
  let measured = measure(rl.list.width);
  let pages = paginateByHeight(measured.map((entry) => entry.height), rl.list.height, gap * 2);
  if (pages.length > 1) {
    rl = reasonsLayout(rect, layout, true);
    pages = paginateByHeight(measured.map((entry) => entry.height), rl.list.height, gap * 2);
  }
  const page = Math.min(Math.max(0, options.reasonPage), pages.length - 1);
  label(view, rl.title, tr(view, 'debrief:reasons.title'), { px: fontPx(layout, 'heading'), bold: true, color: palette.heading, minPx: body });
  const visible = new Set(pages[page] ?? []);
  const g = scene.add.graphics();
  let y = rl.list.y;
  measured.forEach((entry, index) => {
    if (!visible.has(index)) {
      entry.heading.destroy();
      entry.text.destroy();
      return;
    }
    const color = TOPIC_COLORS[entry.item.topic];
    drawTopicIcon(g, entry.item.topic, rl.list.x + icon / 2, y + icon / 2, icon * 0.9, color);
    entry.heading.setPosition(rl.list.x + icon + gap, y);
    entry.text.setPosition(rl.list.x + icon + gap, y + entry.heading.height);
    // A thin rule in the topic's colour joins the heading and its sentence.
    g.lineStyle(Math.max(2, 2 * layout.scale), color, 0.6);
    g.lineBetween(rl.list.x + icon / 2, y + icon + 2, rl.list.x + icon / 2, y + entry.height - 2);
    y += entry.height + gap * 2;
  });
  measured = [];
  if (rl.pager) {
    const t = view.i18n.t;
    const px = fontPx(layout, 'button');
    const narrow = rl.pager.previous.width < px * 5;
    new Button(scene, kit, { id: 'reasons-previous', rect: rl.pager.previous, label: narrow ? '' : t('common.previous'), ariaLabel: t('common.previous'), icon: 'prev', fontPx: px, enabled: page > 0, onActivate: () => options.turnReasonPage(-1) });
    new Button(scene, kit, { id: 'reasons-next', rect: rl.pager.next, label: narrow ? '' : t('common.next'), ariaLabel: t('common.next'), icon: 'next', fontPx: px, enabled: page < pages.length - 1, onActivate: () => options.turnReasonPage(1) });
    label(view, rl.pager.label, t('common.pageOf', { page: page + 1, pages: pages.length }), { px: body, bold: true, align: 'center' });
  }
  return { pages: pages.length, page };
}

/** The tab in words for screen readers: the score, each objective, the formula, then every reason. */
export function scoreSummary(view: DebriefView): string[] {
  const { data, language } = view;
  const lines = [
    `${tr(view, 'ui:debrief.total', { score: formatScore(data.result.score.total, language) })} ${tr(view, 'debrief:headline.outOf')}. ${tr(view, 'debrief:headline.stars', { count: data.result.score.stars })}.`,
    thresholdsSpoken(view, true),
  ];
  for (const objective of OBJECTIVES) {
    const weight = data.level.objectives[objective] ?? 0;
    lines.push(
      weight > 0
        ? `${objectiveName(view, objective)} ${tr(view, 'debrief:breakdown.weight', { weight })}: ${formatScore(data.result.score[objective], language)}`
        : `${objectiveName(view, objective)}: ${tr(view, 'debrief:breakdown.notJudged')}`,
    );
  }
  for (const item of reasonItems(view)) lines.push(`${item.heading}. ${item.text}`);
  return lines;
}
