// Where things go on each screen, as pure functions of the shared Layout (and of counts of things),
// so every screen reflows with the window and the geometry is unit-tested without a browser.
import { clamp, fontPx, gridFor, splitRow, stackColumn, type Grid, type Layout, type Rect } from './layout';

export interface MenuLayout {
  logo: Rect;
  title: Rect;
  subtitle: Rect;
  campaign: Rect;
  sandbox: Rect;
  settings: Rect;
  glossary: Rect;
  languageEn: Rect;
  languageKo: Rect;
  /** Below 1 when the column had to shrink to fit; fonts shrink by the same factor. */
  fit: number;
}

export function menuLayout(layout: Layout): MenuLayout {
  const { content, topBar, scale, buttonHeight, gap } = layout;
  const body = fontPx(layout, 'body');
  // Wide enough for "EN" beside its check mark at the largest sizes (the overlap test, issue 16).
  const enWidth = Math.round(body * 4.8);
  const koWidth = Math.round(body * 6);
  const languageKo = { x: topBar.x + topBar.width - koWidth, y: topBar.y, width: koWidth, height: topBar.height };
  const languageEn = { x: languageKo.x - gap / 2 - enWidth, y: topBar.y, width: enWidth, height: topBar.height };
  const columnWidth = Math.min(Math.round(560 * scale), content.width);
  const heights = [
    Math.round(112 * scale),
    Math.round(fontPx(layout, 'display') * 1.35),
    Math.round(body * 2.9),
    Math.round(buttonHeight * 1.5),
    Math.round(buttonHeight * 1.5),
    buttonHeight,
  ];
  const { rects, fit } = stackColumn(content, heights, gap, columnWidth);
  const [logo, title, subtitle, campaign, sandbox, row] = rects as [Rect, Rect, Rect, Rect, Rect, Rect];
  const [settings, glossary] = splitRow(row, 2, gap) as [Rect, Rect];
  const logoSize = Math.min(logo.height, logo.width);
  return {
    logo: { x: logo.x + (logo.width - logoSize) / 2, y: logo.y, width: logoSize, height: logoSize },
    title,
    subtitle,
    campaign,
    sandbox,
    settings,
    glossary,
    languageEn,
    languageKo,
    fit,
  };
}

export interface LevelSelectLayout {
  summary: Rect;
  /**
   * `list`: chapters as a column of buttons on the left (landscape); `grid`: chapter buttons in rows above
   * the cards (portrait); `pager`: one chapter at a time with arrows (when neither fits).
   */
  chapterMode: 'list' | 'grid' | 'pager';
  chapterButtons: Rect[];
  chapterPager: { previous: Rect; label: Rect; next: Rect } | null;
  cardsArea: Rect;
  grid: Grid;
  cardPager: { previous: Rect; label: Rect; next: Rect } | null;
}

export function levelSelectLayout(layout: Layout, chapterCount: number, levelsInChapter: number): LevelSelectLayout {
  const { content, scale, gap, buttonHeight } = layout;
  const summaryHeight = Math.round(fontPx(layout, 'body') * 1.6);
  const summary = { x: content.x, y: content.y, width: content.width, height: summaryHeight };
  const area = { x: content.x, y: content.y + summaryHeight + gap / 2, width: content.width, height: content.height - summaryHeight - gap / 2 };
  const chapterHeight = Math.max(40, Math.round(buttonHeight * 0.85));
  const rowGap = Math.round(gap / 2);
  const cardHeight = Math.round(clamp(176 * scale, 150, 420));
  const minCardWidth = Math.round(clamp(290 * scale, 240, 640));
  const listWidth = Math.round(clamp(area.width * 0.28, 240 * scale, 400 * scale));
  const listFits = chapterCount * chapterHeight + (chapterCount - 1) * rowGap <= area.height;
  const roomForList = !layout.portrait && area.width - listWidth - gap >= minCardWidth;
  const gridColumns = Math.max(1, Math.min(3, Math.floor((area.width + rowGap) / (330 * scale + rowGap))));
  const gridRows = Math.ceil(chapterCount / gridColumns);
  const gridHeight = gridRows * chapterHeight + (gridRows - 1) * rowGap;
  let cardsArea: Rect;
  let chapterButtons: Rect[] = [];
  let chapterPager: LevelSelectLayout['chapterPager'] = null;
  let chapterMode: LevelSelectLayout['chapterMode'];
  if (listFits && roomForList) {
    chapterMode = 'list';
    chapterButtons = Array.from({ length: chapterCount }, (_, i) => ({
      x: area.x,
      y: Math.round(area.y + i * (chapterHeight + rowGap)),
      width: listWidth,
      height: chapterHeight,
    }));
    cardsArea = { x: area.x + listWidth + gap * 1.5, y: area.y, width: area.width - listWidth - gap * 1.5, height: area.height };
  } else if (gridHeight + gap + cardHeight <= area.height && gridRows <= 6) {
    chapterMode = 'grid';
    const cellWidth = (area.width - rowGap * (gridColumns - 1)) / gridColumns;
    chapterButtons = Array.from({ length: chapterCount }, (_, i) => ({
      x: Math.round(area.x + (i % gridColumns) * (cellWidth + rowGap)),
      y: Math.round(area.y + Math.floor(i / gridColumns) * (chapterHeight + rowGap)),
      width: Math.floor(cellWidth),
      height: chapterHeight,
    }));
    cardsArea = { x: area.x, y: area.y + gridHeight + gap * 1.5, width: area.width, height: area.height - gridHeight - gap * 1.5 };
  } else {
    chapterMode = 'pager';
    chapterPager = pagerRow({ ...area, height: buttonHeight }, layout);
    cardsArea = { x: area.x, y: area.y + buttonHeight + gap, width: area.width, height: area.height - buttonHeight - gap };
  }
  let grid = gridFor(cardsArea, Math.min(minCardWidth, cardsArea.width), cardHeight, gap, 3);
  let cardPager: LevelSelectLayout['cardPager'] = null;
  if (levelsInChapter > grid.perPage) {
    const pagerTop = cardsArea.y + cardsArea.height - buttonHeight;
    cardPager = pagerRow({ x: cardsArea.x, y: pagerTop, width: cardsArea.width, height: buttonHeight }, layout);
    cardsArea = { ...cardsArea, height: cardsArea.height - buttonHeight - gap };
    grid = gridFor(cardsArea, Math.min(minCardWidth, cardsArea.width), cardHeight, gap, 3);
  }
  return { summary, chapterMode, chapterButtons, chapterPager, cardsArea, grid, cardPager };
}

/** Previous / label / next along a row, the arrows square-ish and the label in between. */
export function pagerRow(row: Rect, layout: Layout): { previous: Rect; label: Rect; next: Rect } {
  const buttonWidth = Math.round(Math.min(row.width * 0.3, Math.max(row.height * 1.6, 170 * layout.scale)));
  return {
    previous: { x: row.x, y: row.y, width: buttonWidth, height: row.height },
    label: { x: row.x + buttonWidth + layout.gap, y: row.y, width: row.width - 2 * (buttonWidth + layout.gap), height: row.height },
    next: { x: row.x + row.width - buttonWidth, y: row.y, width: buttonWidth, height: row.height },
  };
}

export type SettingsRowKind = 'section' | 'choice' | 'slider' | 'toggle' | 'note' | 'actions';

export interface SettingsRow {
  id: string;
  kind: SettingsRowKind;
}

export function settingsRowHeight(layout: Layout, kind: SettingsRowKind): number {
  const body = fontPx(layout, 'body');
  switch (kind) {
    case 'section':
      return Math.round(body * 1.55);
    case 'slider':
      return Math.round(layout.buttonHeight * 1.45);
    case 'note':
      return Math.round(fontPx(layout, 'small') * 2.7);
    default:
      return layout.buttonHeight;
  }
}

/**
 * The settings form: rows in two columns side by side when the panel is wide enough, else one column.
 * Rows keep their order; `split` is the index of the first row of the second column.
 */
export function settingsLayout(layout: Layout, area: Rect, rows: readonly SettingsRow[], split: number): { rects: Rect[]; fit: number; columns: 1 | 2 } {
  const gap = Math.round(layout.gap * 0.75);
  const heights = rows.map((row) => settingsRowHeight(layout, row.kind));
  const oneColumnHeight = heights.reduce((sum, h) => sum + h, 0) + gap * (heights.length - 1);
  const twoColumns = area.width >= 2 * 340 * layout.scale + layout.gap * 2 && split > 0 && split < rows.length && oneColumnHeight > area.height;
  if (!twoColumns) {
    // One column reads best when it fits (tall windows); it is kept to a comfortable line length.
    const { rects, fit } = stackColumn(area, heights, gap, Math.min(area.width, Math.round(720 * layout.scale)), 'top');
    return { rects, fit, columns: 1 };
  }
  const columnWidth = (area.width - layout.gap * 2) / 2;
  const left = { ...area, width: columnWidth };
  const right = { ...area, x: area.x + columnWidth + layout.gap * 2, width: columnWidth };
  const a = stackColumn(left, heights.slice(0, split), gap, columnWidth, 'top');
  const b = stackColumn(right, heights.slice(split), gap, columnWidth, 'top');
  // Both columns shrink by the same factor so their rows stay the same size.
  const fit = Math.min(a.fit, b.fit);
  if (fit < 1) {
    const scaled = (column: Rect, hs: number[]) => stackColumn({ ...column, height: area.height }, hs.map((h) => h * fit), gap * fit, columnWidth, 'top').rects;
    return { rects: [...scaled(left, heights.slice(0, split)), ...scaled(right, heights.slice(split))], fit, columns: 2 };
  }
  return { rects: [...a.rects, ...b.rects], fit: 1, columns: 2 };
}

/** The natural height of the settings form (before any shrinking), to size its panel. */
export function settingsNaturalHeight(layout: Layout, width: number, rows: readonly SettingsRow[], split: number, maxHeight: number): number {
  const tall = settingsLayout(layout, { x: 0, y: 0, width, height: maxHeight }, rows, split);
  const bottom = Math.max(...tall.rects.map((rect) => rect.y + rect.height));
  return Math.min(maxHeight, Math.ceil(bottom));
}

export interface GlossaryLayout {
  intro: Rect;
  columns: Rect[];
  pager: { previous: Rect; label: Rect; next: Rect };
}

export function glossaryLayout(layout: Layout, area: Rect): GlossaryLayout {
  const { gap, buttonHeight, scale } = layout;
  const introHeight = Math.round(fontPx(layout, 'body') * 1.6);
  const intro = { x: area.x, y: area.y, width: area.width, height: introHeight };
  const pagerTop = area.y + area.height - buttonHeight;
  const pager = pagerRow({ x: area.x, y: pagerTop, width: area.width, height: buttonHeight }, layout);
  const body = { x: area.x, y: area.y + introHeight + gap / 2, width: area.width, height: pagerTop - gap - (area.y + introHeight + gap / 2) };
  const twoColumns = body.width >= 2 * 380 * scale + gap * 2;
  const columns = twoColumns
    ? [
        { ...body, width: (body.width - gap * 2) / 2 },
        { ...body, x: body.x + (body.width + gap * 2) / 2, width: (body.width - gap * 2) / 2 },
      ]
    : [body];
  return { intro, columns, pager };
}
