// The campaign's ending (shown from the last level's debrief instead of a locked "Next level"): the stars of
// the whole campaign and what each chapter taught; and the short celebration of three stars (a rising chime
// and a burst of sparks; under reduced motion the chime and a still line only).
import Phaser from 'phaser';
import { levelRecordOf, type Progress } from '../../app/progressStore';
import type { GameI18n } from '../../i18n/createI18n';
import type { Level } from '../../sim/types';
import { fontPx, type Rect } from '../layout';
import { drawPanel, panelStyle } from '../ui/drawing';
import { addText, fitText } from '../ui/text';
import type { UiKit } from '../ui/UiKit';
import { learningGoal } from './levelGoals';

export interface CampaignTotals {
  stars: number;
  maxStars: number;
  finished: number;
  levels: number;
  threeStars: number;
}

/** The campaign's stars and finished levels from the player's progress. */
export function campaignTotals(levels: readonly Pick<Level, 'id'>[], progress: Progress): CampaignTotals {
  let stars = 0;
  let finished = 0;
  let threeStars = 0;
  for (const level of levels) {
    const record = levelRecordOf(progress, level.id);
    const earned = record?.stars ?? 0;
    stars += earned;
    if (earned >= 1) finished += 1;
    if (earned === 3) threeStars += 1;
  }
  return { stars, maxStars: levels.length * 3, finished, levels: levels.length, threeStars };
}

/** One line per chapter, in campaign order: the chapter's name and the first lesson of its first level. */
export function chapterLessons(i18n: GameI18n, levels: readonly Level[]): Array<{ chapter: string; lesson: string }> {
  const t = i18n.t as (key: string, params?: object) => string;
  const seen = new Set<string>();
  const lines: Array<{ chapter: string; lesson: string }> = [];
  for (const level of levels) {
    const chapter = level.chapter ?? 'other';
    if (seen.has(chapter)) continue;
    const lesson = learningGoal(i18n, level, 0);
    if (!lesson) continue;
    seen.add(chapter);
    lines.push({ chapter: t(`board:chapter.${chapter}`, { defaultValue: chapter }), lesson });
  }
  return lines;
}

/** Draws the ending in `rect`; returns its words for screen readers. */
export function drawEnding(scene: Phaser.Scene, kit: UiKit, i18n: GameI18n, rect: Rect, totals: CampaignTotals, lessons: Array<{ chapter: string; lesson: string }>): string[] {
  const t = i18n.t as (key: string, params?: object) => string;
  const { layout, palette } = kit;
  drawPanel(scene.add.graphics(), rect, panelStyle(palette, layout, { border: palette.accent, borderWidth: 3 }));
  const pad = layout.gap * 1.2;
  const width = rect.width - pad * 2;
  const title = addText(scene, kit, rect.x + rect.width / 2, rect.y + pad * 0.8, t('playui:ending.title'), { fontPx: fontPx(layout, 'heading'), bold: true, color: palette.heading, originX: 0.5, align: 'center' });
  fitText(title, width, fontPx(layout, 'heading') * 1.6, 14);
  const starsLine = t('playui:ending.stars', { stars: totals.stars, max: totals.maxStars });
  const levelsLine = t('playui:ending.levels', { finished: totals.finished, levels: totals.levels, three: totals.threeStars });
  const stars = addText(scene, kit, rect.x + rect.width / 2, title.y + title.height + pad * 0.3, `★ ${starsLine}`, { fontPx: fontPx(layout, 'body'), bold: true, color: '#ffd166', originX: 0.5, align: 'center' });
  fitText(stars, width, fontPx(layout, 'body') * 1.6, 12);
  const count = addText(scene, kit, rect.x + rect.width / 2, stars.y + stars.height, levelsLine, { fontPx: fontPx(layout, 'small'), color: palette.textMuted, originX: 0.5, align: 'center' });
  fitText(count, width, fontPx(layout, 'small') * 1.6, 10);
  const learnedTitle = addText(scene, kit, rect.x + pad, count.y + count.height + pad * 0.5, t('playui:ending.learned'), { fontPx: fontPx(layout, 'body'), bold: true, color: palette.heading });
  fitText(learnedTitle, width, fontPx(layout, 'body') * 1.6, 12);
  const top = learnedTitle.y + learnedTitle.height + pad * 0.2;
  const bottom = rect.y + rect.height - pad * 0.6;
  const body = lessons.map((line) => `• ${line.chapter}: ${line.lesson}`).join('\n');
  const list = addText(scene, kit, rect.x + pad, top, body, { fontPx: fontPx(layout, 'small'), color: palette.text, wrapWidth: width });
  fitText(list, width, Math.max(20, bottom - top), 9);
  return [t('playui:ending.title'), starsLine, levelsLine, t('playui:ending.learned'), ...lessons.map((line) => `${line.chapter}: ${line.lesson}`)];
}

/** Three stars: a rising chime (`chime(i)` three times) and, unless motion is reduced, a burst of sparks from `at`. */
export function celebrate(scene: Phaser.Scene, at: { x: number; y: number }, reducedMotion: boolean, chime: () => void): void {
  [0, 180, 360].forEach((delay) => scene.time.delayedCall(delay, chime));
  if (reducedMotion) return;
  if (!scene.textures.exists('kc-spark')) {
    const g = scene.make.graphics({ x: 0, y: 0 }, false);
    g.fillStyle(0xffffff, 1);
    g.fillCircle(5, 5, 5);
    g.generateTexture('kc-spark', 10, 10);
    g.destroy();
  }
  const emitter = scene.add.particles(at.x, at.y, 'kc-spark', {
    speed: { min: 120, max: 420 },
    angle: { min: 200, max: 340 },
    gravityY: 420,
    lifespan: 1200,
    scale: { start: 0.9, end: 0.1 },
    alpha: { start: 1, end: 0 },
    color: [0xffd166, 0xfff1a8, 0x8ff0b8],
    emitting: false,
  });
  emitter.setDepth(60);
  emitter.explode(60);
  scene.time.delayedCall(1500, () => emitter.destroy());
}
