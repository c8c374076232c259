// The level list: chapters in campaign order, each level a card with its localized title, stars and
// best score. The first level, and every level after one with at least one star, is unlocked.
import { isLevelUnlocked } from '../../app/progressStore';
import { chapterName } from '../../i18n/dynamicText';
import { levelTitle } from '../../i18n/levelStrings';
import type { Level } from '../../sim/types';
import type { AppContext } from '../AppContext';
import { fontPx, gridCell, type Rect } from '../layout';
import { SceneKeys } from '../sceneKeys';
import { levelSelectLayout } from '../screenLayouts';
import { Button } from '../ui/Button';
import { LevelCard } from '../ui/LevelCard';
import { addText, fitText } from '../ui/text';
import type { UiKit } from '../ui/UiKit';
import { ScreenScene } from './ScreenScene';

export interface ChapterGroup {
  id: string | undefined;
  levels: { level: Level; number: number }[];
}

/** Groups levels by chapter, chapters in the order they first appear in the campaign. */
export function groupByChapter(levels: readonly Level[]): ChapterGroup[] {
  const groups: ChapterGroup[] = [];
  levels.forEach((level, index) => {
    let group = groups.find((g) => g.id === level.chapter);
    if (!group) {
      group = { id: level.chapter, levels: [] };
      groups.push(group);
    }
    group.levels.push({ level, number: index + 1 });
  });
  return groups;
}

export class LevelSelectScene extends ScreenScene {
  private chapterIndex = -1;
  private cardPage = 0;

  constructor(ctx: AppContext) {
    super(ctx, SceneKeys.Levels);
  }

  override init(data: Record<string, unknown> | undefined): void {
    super.init(data);
    this.chapterIndex = -1;
    this.cardPage = 0;
  }

  protected screenTitle(): string {
    return this.ctx.i18n.t('levelSelect.title');
  }

  protected override onBack(): void {
    // Embedded (contracts.md §6), the level map is the first screen: there is no menu to go back to.
    if (this.ctx.params.mode !== 'embed') this.goTo(SceneKeys.Menu);
  }

  protected override defaultFocusId(): string | undefined {
    const from = this.sceneData.levelId;
    if (typeof from === 'string') return `level-${from}`;
    const next = this.ctx.levels.find((level) => this.unlocked(level.id) && !(this.ctx.progress.record(level.id)?.stars ?? 0));
    return next ? `level-${next.id}` : this.ctx.levels[0] ? `level-${this.ctx.levels[0].id}` : 'top-back';
  }

  protected buildScreen(kit: UiKit): void {
    const t = this.ctx.i18n.t;
    const { layout, palette } = kit;
    this.drawBackdrop(kit);
    this.addTopBar(kit, { title: t('levelSelect.title'), back: this.ctx.params.mode === 'embed' ? undefined : () => this.goTo(SceneKeys.Menu), glossary: true, settings: true });
    const chapters = groupByChapter(this.ctx.levels);
    if (chapters.length === 0) {
      addText(this, kit, layout.content.x + layout.content.width / 2, layout.content.y + layout.content.height / 2, t('levelSelect.noLevels'), {
        fontPx: fontPx(layout, 'heading'),
        originX: 0.5,
        originY: 0.5,
      });
      return;
    }
    if (this.chapterIndex < 0) this.chapterIndex = this.initialChapter(chapters);
    this.chapterIndex = Math.min(this.chapterIndex, chapters.length - 1);
    const chapter = chapters[this.chapterIndex]!;
    const ls = levelSelectLayout(layout, chapters.length, chapter.levels.length);

    const earned = this.ctx.levels.reduce((sum, level) => sum + (this.ctx.progress.record(level.id)?.stars ?? 0), 0);
    const summary = addText(this, kit, ls.summary.x, ls.summary.y + ls.summary.height / 2, t('levelSelect.progressSummary', { stars: earned, total: this.ctx.levels.length * 3 }), {
      fontPx: fontPx(layout, 'body'),
      color: palette.textMuted,
      originY: 0.5,
    });
    fitText(summary, ls.summary.width, ls.summary.height, 12);

    const chapterLabel = (index: number) => `${t('levelSelect.chapter', { number: index + 1 })} · ${chapterName(this.ctx.i18n, chapters[index]?.id)}`;
    if (ls.chapterMode !== 'pager') {
      chapters.forEach((group, index) => {
        const rect = ls.chapterButtons[index];
        if (!rect) return;
        new Button(this, kit, {
          id: `chapter-${index}`,
          rect,
          label: `${index + 1}. ${chapterName(this.ctx.i18n, group.id)}`,
          selected: index === this.chapterIndex,
          align: 'left',
          fontPx: fontPx(layout, 'body'),
          onActivate: () => this.showChapter(index, `chapter-${index}`),
        });
      });
    } else if (ls.chapterPager) {
      this.addPager(kit, ls.chapterPager, chapterLabel(this.chapterIndex), 'chapter', this.chapterIndex, chapters.length, (next) => this.showChapter(next, undefined));
    }

    const pages = Math.max(1, Math.ceil(chapter.levels.length / ls.grid.perPage));
    this.cardPage = Math.min(this.cardPage, pages - 1);
    const first = this.cardPage * ls.grid.perPage;
    chapter.levels.slice(first, first + ls.grid.perPage).forEach(({ level, number }, i) => {
      this.addCard(kit, level, number, gridCell(ls.cardsArea, ls.grid, i, layout.gap));
    });
    if (ls.cardPager) {
      this.addPager(kit, ls.cardPager, t('common.pageOf', { page: this.cardPage + 1, pages }), 'cards', this.cardPage, pages, (next) => {
        this.cardPage = next;
        this.rebuild();
      });
    }
    this.addFooterHint(kit);
  }

  private addCard(kit: UiKit, level: Level, number: number, rect: Rect): void {
    const t = this.ctx.i18n.t;
    const record = this.ctx.progress.record(level.id);
    const stars = record?.stars ?? 0;
    new LevelCard(this, kit, {
      id: `level-${level.id}`,
      rect,
      numberLabel: t('levelSelect.levelNumber', { number }),
      title: levelTitle(this.ctx.i18n, level.id),
      stars,
      starsLabel: t('levelSelect.stars', { count: stars }),
      scoreLabel: record ? t('levelSelect.bestScore', { score: Math.round(record.bestScore) }) : t('levelSelect.noScore'),
      locked: !this.unlocked(level.id),
      lockedLabel: t('levelSelect.locked'),
      lockedHint: t('levelSelect.lockedHint'),
      levelId: { text: level.id, spoken: t('sharing:levelId.label', { id: level.id }) },
      onActivate: () => this.goTo(SceneKeys.Play, { levelId: level.id }),
    });
  }

  private addPager(kit: UiKit, rects: { previous: Rect; label: Rect; next: Rect }, label: string, id: string, index: number, count: number, go: (index: number) => void): void {
    const t = this.ctx.i18n.t;
    const px = fontPx(kit.layout, 'button');
    const narrow = rects.previous.width < px * 5;
    new Button(this, kit, { id: `${id}-previous`, rect: rects.previous, label: narrow ? '' : t('common.previous'), ariaLabel: t('common.previous'), icon: 'prev', fontPx: px, enabled: index > 0, onActivate: () => go(index - 1) });
    new Button(this, kit, { id: `${id}-next`, rect: rects.next, label: narrow ? '' : t('common.next'), ariaLabel: t('common.next'), icon: 'next', fontPx: px, enabled: index < count - 1, onActivate: () => go(index + 1) });
    const text = addText(this, kit, rects.label.x + rects.label.width / 2, rects.label.y + rects.label.height / 2, label, {
      fontPx: fontPx(kit.layout, 'body'),
      bold: true,
      originX: 0.5,
      originY: 0.5,
      align: 'center',
    });
    fitText(text, rects.label.width, rects.label.height * 1.1, 12);
  }

  private showChapter(index: number, focusId: string | undefined): void {
    this.chapterIndex = index;
    this.cardPage = 0;
    this.rebuild();
    if (focusId) this.focus.focus(focusId, this.focus.focusVisible, false);
  }

  private unlocked(levelId: string): boolean {
    return isLevelUnlocked(this.ctx.levels.map((level) => level.id), this.ctx.progress.get(), levelId);
  }

  // Open the chapter the player came back from, else the one holding the next level to play.
  private initialChapter(chapters: readonly { levels: { level: Level }[] }[]): number {
    const from = this.sceneData.levelId;
    const target = typeof from === 'string' ? from : this.ctx.levels.find((level) => this.unlocked(level.id) && !(this.ctx.progress.record(level.id)?.stars ?? 0))?.id;
    const index = chapters.findIndex((group) => group.levels.some(({ level }) => level.id === target));
    return Math.max(0, index);
  }
}
