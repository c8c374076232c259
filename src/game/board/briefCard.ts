// The brief: a customer card with the level's number, chapter and title, the customer's story, what weighs
// most (bars with numbers and words), the machine, the trouble to expect, the hints (shown in full on a
// chapter's tutorial level) and the learning goals, and a "Start building" button. Columns shrink their
// text together until everything fits, in English and Korean, landscape and portrait.
import type Phaser from 'phaser';
import { chapterName } from '../../i18n/dynamicText';
import type { LevelFacts } from '../../i18n/levelFacts';
import { levelBrief, levelHint, levelTitle } from '../../i18n/levelStrings';
import type { Level, LocalizedText, Objectives } from '../../sim/types';
import { OBJECTIVES } from '../../sim/types';
import { briefLayout } from '../play/playLayout';
import { fontPx, type Rect } from '../layout';
import { Button } from '../ui/Button';
import { drawPanel, panelStyle } from '../ui/drawing';
import { addText, fitText } from '../ui/text';
import { tr, type PanelContext } from './panelKit';

export interface BriefOptions {
  level: Level;
  number: number;
  tutorial: boolean;
  /** The numbers the level's texts quote (src/scoring/levelFacts.ts), on the seed to be played. */
  facts?: LevelFacts;
  onStart(): void;
}

type Block =
  | { kind: 'heading'; text: string }
  | { kind: 'text'; text: string; color?: string; bold?: boolean; big?: boolean }
  | { kind: 'weights'; objectives: Objectives };

/** Text of a level field in the current language (English when missing). */
export function localized(text: LocalizedText | undefined, language: string): string {
  if (!text) return '';
  return text[language] ?? text.en;
}

export function drawBrief(context: PanelContext, options: BriefOptions): void {
  const { kit, scene, i18n } = context;
  const { layout, palette } = kit;
  const brief = briefLayout(layout);
  const level = options.level;
  const g = scene.add.graphics();
  drawPanel(g, brief.card, panelStyle(palette, layout));
  const small = fontPx(layout, 'small');
  const chapter = addText(scene, kit, brief.header.x, brief.header.y, tr(context, 'play:brief.levelChapter', { number: options.number, chapter: chapterName(i18n, level.chapter) }), { fontPx: small, bold: true, color: palette.textMuted });
  fitText(chapter, brief.header.width * 0.7, small * 1.6, 11);
  if (options.tutorial) {
    const tag = addText(scene, kit, brief.header.x + brief.header.width, brief.header.y, `★ ${tr(context, 'play:brief.tutorial')}`, { fontPx: small, bold: true, color: '#ffd166', originX: 1 });
    fitText(tag, brief.header.width * 0.28, small * 1.6, 10);
  }
  const title = addText(scene, kit, brief.header.x, chapter.y + chapter.height, levelTitle(i18n, level.id), { fontPx: fontPx(layout, 'title'), bold: true, color: palette.heading });
  fitText(title, brief.header.width, brief.header.y + brief.header.height - title.y, 16);

  const facts = options.facts;
  const hints = (level.hints ?? []).map((_, index) => levelHint(i18n, level.id, index, facts)).filter((hint) => hint !== '');
  const left: Block[] = [{ kind: 'heading', text: tr(context, 'play:brief.customer') }, { kind: 'text', text: levelBrief(i18n, level.id, facts), big: true }];
  if (hints.length > 0) {
    left.push({ kind: 'heading', text: tr(context, 'play:brief.hints') });
    if (options.tutorial) hints.forEach((hint, index) => left.push({ kind: 'text', text: `${index + 1}. ${hint}`, color: '#ffe7a8' }));
    else left.push({ kind: 'text', text: tr(context, 'play:brief.hintsLater'), color: palette.textMuted });
  }
  const right: Block[] = [{ kind: 'heading', text: tr(context, 'play:brief.weights') }, { kind: 'weights', objectives: level.objectives }, { kind: 'heading', text: tr(context, 'play:brief.machine') }];
  right.push({ kind: 'text', text: tr(context, 'play:brief.machineLine', { cores: level.hardware.cores, memory: level.hardware.memoryGiB, seconds: level.durationSeconds }) });
  right.push({ kind: 'text', text: tr(context, 'play:brief.appsLine', { apps: level.apps.map((app) => app.id).join(', ') }) });
  if (level.hostKernel) right.push({ kind: 'text', text: tr(context, 'play:brief.keepsHost', { kernel: context.text.kernel(level.hostKernel) }), color: '#ffd28a' });
  if ((level.threats ?? []).length > 0) {
    const list = (level.threats ?? []).map((threat) => tr(context, 'play:brief.threatItem', { threat: (i18n.t as (k: string) => string)(`board:threat.${threat.kind}.name`), second: threat.atSecond })).join(', ');
    right.push({ kind: 'text', text: tr(context, 'play:brief.threats', { list }), color: '#ff9a9a' });
  }
  if ((level.bursts ?? []).length > 0) {
    const list = (level.bursts ?? []).map((burst) => tr(context, 'play:brief.burstItem', { app: burst.app, second: burst.atSecond })).join(', ');
    right.push({ kind: 'text', text: tr(context, 'play:brief.bursts', { list }), color: '#ffd28a' });
  }
  // The learning goals are not in the brief: they would give the answer away. The debrief shows them
  // ("What this level showed"), after the player has found it.
  // Both columns share one text size, shrunk until the fuller one fits. In a tiny frame (an embedded
  // 640×360) the smallest size may still not fit: a column then leaves out its last blocks (learning
  // goals first) rather than running under the Start button.
  let factor = 1;
  let leftBlocks = left;
  let rightBlocks = right;
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const created: Phaser.GameObjects.GameObject[] = [];
    const fitsLeft = fillColumn(context, brief.left, leftBlocks, factor, created);
    const fitsRight = fillColumn(context, brief.right, rightBlocks, factor, created);
    if ((fitsLeft && fitsRight) || attempt === 19) break;
    for (const object of created) object.destroy();
    if (attempt < 7) factor *= 0.9;
    else {
      if (!fitsLeft) leftBlocks = withoutLastBlock(leftBlocks, 2);
      if (!fitsRight) rightBlocks = withoutLastBlock(rightBlocks, 2);
    }
  }
  if (!brief.stacked) {
    const line = scene.add.graphics();
    line.lineStyle(1, palette.panelBorder, 0.9);
    const x = brief.right.x - layout.gap;
    line.lineBetween(x, brief.right.y, x, brief.right.y + brief.right.height);
  }
  const buttonWidth = Math.min(brief.actions.width, Math.round(330 * layout.scale));
  new Button(scene, kit, {
    id: 'brief-start',
    rect: { x: brief.actions.x + brief.actions.width - buttonWidth, y: brief.actions.y, width: buttonWidth, height: brief.actions.height },
    label: tr(context, 'play:brief.start'),
    sublabel: context.keyHints === false ? undefined : tr(context, 'play:brief.startKey'),
    icon: 'play',
    variant: 'primary',
    fontPx: fontPx(layout, 'button'),
    onActivate: options.onStart,
  });
}

/** The blocks less the last one (and a heading left without text), keeping at least `keep`. */
function withoutLastBlock(blocks: Block[], keep: number): Block[] {
  if (blocks.length <= keep) return blocks;
  const next = blocks.slice(0, -1);
  while (next.length > keep && next[next.length - 1]?.kind === 'heading') next.pop();
  return next;
}

/** Lays blocks out from the top of `area`; returns false when they overflow it. */
function fillColumn(context: PanelContext, area: Rect, blocks: Block[], factor: number, created: Phaser.GameObjects.GameObject[]): boolean {
  const { kit, scene } = context;
  const { layout, palette } = kit;
  const body = Math.max(11, Math.round(fontPx(layout, 'body') * factor));
  const small = Math.max(10, Math.round(fontPx(layout, 'small') * factor));
  let y = area.y;
  let first = true;
  for (const block of blocks) {
    if (block.kind === 'heading') {
      if (!first) y += layout.gap * 0.6 * factor;
      const text = addText(scene, kit, area.x, y, block.text, { fontPx: small, bold: true, color: palette.textMuted });
      created.push(text);
      y += text.height + 2;
    } else if (block.kind === 'text') {
      const text = addText(scene, kit, area.x, y, block.text, { fontPx: block.big ? body : Math.round((body + small) / 2), color: block.color ?? palette.text, bold: block.bold, wrapWidth: area.width });
      created.push(text);
      y += text.height + layout.gap * 0.2 * factor;
    } else {
      y = drawWeights(context, area, y, small, block.objectives, created);
    }
    first = false;
  }
  return y <= area.y + area.height;
}

/** One row per objective: its name, a bar as long as its weight, the weight and words. */
function drawWeights(context: PanelContext, area: Rect, top: number, px: number, objectives: Objectives, created: Phaser.GameObjects.GameObject[]): number {
  const { kit, scene } = context;
  const { palette, layout } = kit;
  const max = Math.max(0, ...OBJECTIVES.map((objective) => objectives[objective] ?? 0));
  const rowHeight = Math.round(px * 1.5);
  const labelWidth = Math.round(area.width * 0.28);
  const barWidth = Math.round(area.width * 0.3);
  const g = scene.add.graphics();
  created.push(g);
  OBJECTIVES.forEach((objective, index) => {
    const weight = objectives[objective] ?? 0;
    const y = top + index * rowHeight;
    const name = addText(scene, kit, area.x, y + rowHeight / 2, tr(context, `board:objective.${objective}.name`), { fontPx: px, bold: weight === max && max > 0, color: weight > 0 ? palette.text : palette.textMuted, originY: 0.5 });
    fitText(name, labelWidth - 4, rowHeight, 9);
    created.push(name);
    const barX = area.x + labelWidth;
    const barHeight = Math.round(rowHeight * 0.45);
    g.fillStyle(palette.track, 1);
    g.fillRoundedRect(barX, y + (rowHeight - barHeight) / 2, barWidth, barHeight, barHeight / 2);
    if (weight > 0 && max > 0) {
      g.fillStyle(weight === max ? palette.accent : palette.trackFill, 1);
      g.fillRoundedRect(barX, y + (rowHeight - barHeight) / 2, Math.max(barHeight, (barWidth * weight) / max), barHeight, barHeight / 2);
    }
    const words = weight === 0 ? tr(context, 'play:brief.weightNone') : `${tr(context, 'play:brief.weightValue', { weight })} · ${tr(context, weight === max ? 'play:brief.weightMost' : 'play:brief.weightSome')}`;
    const value = addText(scene, kit, barX + barWidth + layout.gap * 0.6, y + rowHeight / 2, words, { fontPx: px, color: weight === max && max > 0 ? '#ffd166' : palette.textMuted, bold: weight === max && max > 0, originY: 0.5 });
    fitText(value, area.x + area.width - (barX + barWidth + layout.gap * 0.6), rowHeight, 9);
    created.push(value);
  });
  return top + OBJECTIVES.length * rowHeight;
}
