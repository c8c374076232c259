// Tests each screen's geometry at the classroom sizes: nothing overlaps, nothing leaves the window.
import { describe, expect, it } from 'vitest';
import { computeLayout, type Rect } from '../../src/game/layout';
import { glossaryLayout, levelSelectLayout, menuLayout, settingsLayout, settingsNaturalHeight, type SettingsRow } from '../../src/game/screenLayouts';

const SIZES: [number, number][] = [[1280, 720], [1920, 1080], [768, 1024], [1024, 768], [360, 640], [2560, 1080]];

const overlap = (a: Rect, b: Rect) => a.x < b.x + b.width - 0.5 && b.x < a.x + a.width - 0.5 && a.y < b.y + b.height - 0.5 && b.y < a.y + a.height - 0.5;
const inside = (inner: Rect, outer: Rect) =>
  inner.x >= outer.x - 0.5 && inner.y >= outer.y - 0.5 && inner.x + inner.width <= outer.x + outer.width + 0.5 && inner.y + inner.height <= outer.y + outer.height + 0.5;

function expectNoOverlaps(rects: Rect[]): void {
  rects.forEach((a, i) => rects.slice(i + 1).forEach((b) => expect(overlap(a, b), JSON.stringify([a, b])).toBe(false)));
}

describe.each(SIZES)('at %i×%i', (width, height) => {
  const layout = computeLayout(width, height);
  const screen = { x: 0, y: 0, width, height };

  it('menu: buttons inside the window, apart from each other and the language toggle', () => {
    const m = menuLayout(layout);
    const rects = [m.logo, m.title, m.subtitle, m.campaign, m.sandbox, m.settings, m.glossary, m.languageEn, m.languageKo];
    rects.forEach((rect) => expect(inside(rect, screen)).toBe(true));
    expectNoOverlaps(rects);
  });

  it.each([[9, 3], [9, 12], [3, 2], [1, 1]])('level select with %i chapters, %i levels: cards and chapters apart', (chapters, levels) => {
    const ls = levelSelectLayout(layout, chapters, levels);
    const cards = Array.from({ length: Math.min(levels, ls.grid.perPage) }, (_, i) => {
      const column = i % ls.grid.columns;
      const row = Math.floor(i / ls.grid.columns);
      return { x: ls.cardsArea.x + column * (ls.grid.cellWidth + layout.gap), y: ls.cardsArea.y + row * (ls.grid.cellHeight + layout.gap), width: ls.grid.cellWidth, height: ls.grid.cellHeight };
    });
    const pager = ls.chapterPager ? [ls.chapterPager.previous, ls.chapterPager.label, ls.chapterPager.next] : [];
    const cardPager = ls.cardPager ? [ls.cardPager.previous, ls.cardPager.label, ls.cardPager.next] : [];
    const all = [ls.summary, ...ls.chapterButtons, ...pager, ...cards, ...cardPager];
    all.forEach((rect) => expect(inside(rect, layout.content), JSON.stringify(rect)).toBe(true));
    expectNoOverlaps(all);
    if (levels > ls.grid.perPage) expect(ls.cardPager).not.toBeNull();
  });

  it('settings: every row inside the panel and apart', () => {
    const rows: SettingsRow[] = ['section', 'choice', 'section', 'slider', 'slider', 'toggle', 'section', 'toggle', 'toggle', 'section', 'choice', 'note', 'section', 'actions'].map((kind, i) => ({ id: String(i), kind: kind as SettingsRow['kind'] }));
    const area = { x: layout.margin * 2, y: layout.margin * 4, width: Math.min(1040 * layout.scale, width - layout.margin * 4), height: height - layout.margin * 6 };
    const { rects } = settingsLayout(layout, area, rows, 6);
    rects.forEach((rect) => expect(inside(rect, area), JSON.stringify(rect)).toBe(true));
    expectNoOverlaps(rects);
    expect(settingsNaturalHeight(layout, area.width, rows, 6, area.height)).toBeLessThanOrEqual(area.height);
  });

  it('glossary: columns and pager apart', () => {
    const area = { x: layout.margin, y: layout.margin * 4, width: width - layout.margin * 2, height: height - layout.margin * 5 };
    const g = glossaryLayout(layout, area);
    const all = [g.intro, ...g.columns, g.pager.previous, g.pager.label, g.pager.next];
    all.forEach((rect) => expect(inside(rect, area)).toBe(true));
    expectNoOverlaps(all);
  });
});

describe('level select modes', () => {
  it('lists chapters on the left in landscape and in rows in portrait', () => {
    expect(levelSelectLayout(computeLayout(1280, 720), 9, 3).chapterMode).toBe('list');
    expect(levelSelectLayout(computeLayout(1920, 1080), 9, 3).chapterMode).toBe('list');
    expect(levelSelectLayout(computeLayout(768, 1024), 9, 3).chapterMode).toBe('grid');
    // Short landscape windows draw a smaller UI (layout.ts), so the pager is for windows shorter than 400.
    expect(levelSelectLayout(computeLayout(1280, 360), 9, 3).chapterMode).toBe('pager');
  });
});
