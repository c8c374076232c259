// Where everything on the Debrief goes, as pure functions of the shared Layout: a row of tabs (score &
// reasons, hop costs, comparison, the seeds' table), the active tab's panel, and the action buttons
// along the bottom; then the inside of each tab. Unit-tested at 1280×720, 1920×1080 and 768×1024.
import { clamp, fontPx, splitRow, type Layout, type Rect } from '../layout';
import { pagerRow } from '../screenLayouts';

export const DEBRIEF_TABS = ['score', 'hops', 'compare', 'table'] as const;
export type DebriefTab = (typeof DEBRIEF_TABS)[number];

export interface DebriefLayout {
  /** One per tab, in DEBRIEF_TABS order; two rows of two on narrow windows. */
  tabs: Rect[];
  /** The active tab's panel. */
  body: Rect;
  /** Its inner area (the panel less its padding). */
  inner: Rect;
  actions: { retry: Rect; next: Rect; map: Rect };
  /** Padding inside panels. */
  pad: number;
}

/** Padding inside the debrief's panels. */
export function panelPad(layout: Layout): number {
  return Math.round(layout.gap * 1.1);
}

export function debriefLayout(layout: Layout): DebriefLayout {
  const { content, gap, buttonHeight, scale } = layout;
  const tabHeight = Math.max(44, Math.round(buttonHeight * 0.86));
  const rowGap = Math.round(gap * 0.6);
  const twoRows = (content.width - rowGap * 3) / 4 < 230 * scale;
  const tabs: Rect[] = [];
  if (twoRows) {
    for (let row = 0; row < 2; row += 1) {
      tabs.push(...splitRow({ x: content.x, y: content.y + row * (tabHeight + rowGap), width: content.width, height: tabHeight }, 2, rowGap));
    }
  } else {
    tabs.push(...splitRow({ x: content.x, y: content.y, width: content.width, height: tabHeight }, 4, rowGap));
  }
  const tabsBottom = tabs[tabs.length - 1]!.y + tabHeight;
  const actionsHeight = Math.max(44, buttonHeight);
  const actionsTop = content.y + content.height - actionsHeight;
  const actionWidth = Math.min(Math.round(320 * scale), Math.floor((content.width - gap * 2) / 3));
  const actionsWidth = actionWidth * 3 + gap * 2;
  const actionsLeft = Math.round(content.x + (content.width - actionsWidth) / 2);
  const [retry, next, map] = [0, 1, 2].map((i) => ({ x: actionsLeft + i * (actionWidth + gap), y: actionsTop, width: actionWidth, height: actionsHeight })) as [Rect, Rect, Rect];
  const bodyTop = tabsBottom + rowGap;
  const body = { x: content.x, y: bodyTop, width: content.width, height: Math.max(0, actionsTop - rowGap - bodyTop) };
  const pad = panelPad(layout);
  const inner = { x: body.x + pad, y: body.y + pad, width: Math.max(0, body.width - pad * 2), height: Math.max(0, body.height - pad * 2) };
  return { tabs, body, inner, actions: { retry, next, map }, pad };
}

// ---------------------------------------------------------------- score & reasons

export interface ScoreTabLayout {
  /** The total, the stars and the build's name. */
  headline: Rect;
  /** The three objective bars and the formula. */
  breakdown: Rect;
  /** The reasons, one under another, paged when they do not fit. */
  reasons: Rect;
  stacked: boolean;
}

export function scoreTabLayout(inner: Rect, layout: Layout): ScoreTabLayout {
  const { gap, scale } = layout;
  const stacked = inner.width < 2 * 420 * scale + gap * 2;
  // + the score bar with the star thresholds' ticks and values (headlineLayout's `bar`).
  const headlineHeight = Math.round(clamp(fontPx(layout, 'display') * 1.25 + fontPx(layout, 'body') * 1.7, 118 * scale, 160 * scale) + scoreBarHeight(layout));
  if (stacked) {
    const breakdownHeight = Math.round(Math.min(breakdownNaturalHeight(layout), inner.height * 0.42));
    const headline = { ...inner, height: headlineHeight };
    const breakdown = { ...inner, y: headline.y + headlineHeight + gap, height: breakdownHeight };
    const reasonsTop = Math.round(breakdown.y + breakdownHeight + gap * 1.5);
    return { headline, breakdown, reasons: { ...inner, y: reasonsTop, height: Math.max(0, inner.y + inner.height - reasonsTop) }, stacked };
  }
  const leftWidth = Math.round((inner.width - gap * 2) * 0.46);
  const left = { ...inner, width: leftWidth };
  const headline = { ...left, height: headlineHeight };
  const breakdown = { ...left, y: headline.y + headlineHeight + gap, height: Math.max(0, inner.height - headlineHeight - gap) };
  const reasons = { x: inner.x + leftWidth + gap * 2, y: inner.y, width: inner.width - leftWidth - gap * 2, height: inner.height };
  return { headline, breakdown, reasons, stacked };
}

/** The score bar's row: the star thresholds' values over their ticks, then the bar. */
export function scoreBarHeight(layout: Layout): number {
  return Math.round(Math.max(11, fontPx(layout, 'small') * 0.85) * 1.35 + Math.max(12, fontPx(layout, 'body') * 0.7) + layout.gap * 0.4);
}

/**
 * The total on the left, the stars and their words on the right, the score bar with the star thresholds
 * under them, the build's name below.
 */
export function headlineLayout(headline: Rect, layout: Layout): { score: Rect; stars: Rect; starsLabel: Rect; bar: Rect; build: Rect } {
  const buildHeight = Math.round(fontPx(layout, 'body') * 1.5);
  const barHeight = scoreBarHeight(layout);
  const top = { ...headline, height: headline.height - buildHeight - barHeight };
  const scoreWidth = Math.round(top.width * 0.5);
  const right = { x: top.x + scoreWidth, y: top.y, width: top.width - scoreWidth, height: top.height };
  const starsHeight = Math.round(right.height * 0.62);
  return {
    score: { ...top, width: scoreWidth },
    stars: { ...right, height: starsHeight },
    starsLabel: { ...right, y: right.y + starsHeight, height: right.height - starsHeight },
    bar: { x: headline.x, y: top.y + top.height, width: headline.width, height: barHeight },
    build: { x: headline.x, y: headline.y + headline.height - buildHeight, width: headline.width, height: buildHeight },
  };
}

/** The height the breakdown needs: a heading, three objective rows and two lines of formula. */
export function breakdownNaturalHeight(layout: Layout): number {
  const body = fontPx(layout, 'body');
  return Math.round(body * 1.6 + 3 * objectiveRowHeight(layout) + 2 * layout.gap * 0.4 + layout.gap * 0.6 + body * 2.8);
}

export function objectiveRowHeight(layout: Layout): number {
  return Math.round(Math.max(40, fontPx(layout, 'body') * 1.95));
}

/** Objective rows are never squeezed below this; where three do not fit, the breakdown is left out. */
const MIN_OBJECTIVE_ROW = 24;

/**
 * The breakdown's title, rows and formula. In a short panel (a small embedded frame) the formula goes
 * first, then the rows: `shown` says what fits, so nothing runs under the action buttons (the screen
 * reader's text of the tab keeps all of it).
 */
export function breakdownLayout(breakdown: Rect, layout: Layout): { title: Rect; rows: Rect[]; formula: Rect; shown: { rows: boolean; formula: boolean } } {
  const body = fontPx(layout, 'body');
  const titleHeight = Math.round(body * 1.5);
  const natural = objectiveRowHeight(layout);
  const rowGap = Math.round(layout.gap * 0.4);
  const formulaMin = Math.round(body * 2.8);
  const withFormula = breakdown.height - titleHeight - formulaMin - layout.gap * 0.6 - rowGap * 2;
  const formula = withFormula >= MIN_OBJECTIVE_ROW * 3;
  const room = formula ? withFormula : breakdown.height - titleHeight - rowGap * 2;
  const rowsFit = room >= MIN_OBJECTIVE_ROW * 3;
  const rowHeight = Math.max(MIN_OBJECTIVE_ROW, Math.min(natural, Math.floor(room / 3)));
  const rows = [0, 1, 2].map((i) => ({ x: breakdown.x, y: breakdown.y + titleHeight + i * (rowHeight + rowGap), width: breakdown.width, height: rowHeight }));
  const formulaTop = rows[2]!.y + rowHeight + Math.round(layout.gap * 0.6);
  return {
    title: { ...breakdown, height: titleHeight },
    rows,
    formula: { x: breakdown.x, y: formulaTop, width: breakdown.width, height: Math.max(0, breakdown.y + breakdown.height - formulaTop) },
    shown: { rows: rowsFit, formula: rowsFit && formula },
  };
}

/** One objective: icon, name, weight ("×3"), the 0–100 bar and its number. */
export function objectiveRowLayout(row: Rect, layout: Layout): { icon: Rect; name: Rect; weight: Rect; bar: Rect; value: Rect } {
  const gap = Math.round(layout.gap * 0.6);
  const icon = { x: row.x, y: row.y, width: row.height, height: row.height };
  const nameWidth = Math.round(row.width * 0.24);
  const weightWidth = Math.round(row.width * 0.1);
  const valueWidth = Math.round(row.width * 0.14);
  const name = { x: icon.x + icon.width + gap, y: row.y, width: nameWidth, height: row.height };
  const weight = { x: name.x + nameWidth + gap, y: row.y, width: weightWidth, height: row.height };
  const value = { x: row.x + row.width - valueWidth, y: row.y, width: valueWidth, height: row.height };
  const barX = weight.x + weightWidth + gap;
  const barHeight = Math.round(row.height * 0.5);
  const bar = { x: barX, y: Math.round(row.y + (row.height - barHeight) / 2), width: Math.max(0, value.x - gap - barX), height: barHeight };
  return { icon, name, weight, bar, value };
}

/** The reasons' heading, the list area, and a pager row when they take more than one page. */
export function reasonsLayout(reasons: Rect, layout: Layout, paged: boolean): { title: Rect; list: Rect; pager: { previous: Rect; label: Rect; next: Rect } | null } {
  const titleHeight = Math.round(fontPx(layout, 'body') * 1.6);
  const title = { ...reasons, height: titleHeight };
  const pagerHeight = paged ? Math.max(44, Math.round(layout.buttonHeight * 0.85)) : 0;
  const listTop = reasons.y + titleHeight + Math.round(layout.gap * 0.4);
  const listBottom = reasons.y + reasons.height - (paged ? pagerHeight + layout.gap * 0.6 : 0);
  const list = { x: reasons.x, y: listTop, width: reasons.width, height: Math.max(0, Math.round(listBottom - listTop)) };
  const pager = paged ? pagerRow({ x: reasons.x, y: reasons.y + reasons.height - pagerHeight, width: reasons.width, height: pagerHeight }, layout) : null;
  return { title, list, pager };
}

/** A reason: an icon square on the left, the text beside it. */
export function reasonIconSize(layout: Layout): number {
  return Math.round(fontPx(layout, 'body') * 1.5);
}

// ---------------------------------------------------------------- hop costs

export interface HopsTabLayout {
  /** Buttons to choose which app's path is shown (only when apps take different paths). */
  selector: Rect[];
  /** The disk block and the network block. */
  blocks: [Rect, Rect];
  /** A note under the blocks (the queue and the measured p95). */
  note: Rect;
  stacked: boolean;
}

export function hopsTabLayout(inner: Rect, layout: Layout, groupCount: number): HopsTabLayout {
  const { gap, scale } = layout;
  const selectorCount = groupCount > 1 ? Math.min(groupCount, 4) : 0;
  const selectorHeight = selectorCount > 0 ? Math.max(44, Math.round(layout.buttonHeight * 0.8)) : 0;
  const selector = selectorCount > 0 ? splitRow({ x: inner.x, y: inner.y, width: inner.width, height: selectorHeight }, selectorCount, Math.round(gap * 0.6)) : [];
  // A panel too short for the blocks and the note (a small embedded frame) leaves the note out; the
  // screen reader's text of the tab keeps it.
  const fullNote = Math.round(fontPx(layout, 'small') * 3.0);
  const noteHeight = inner.height - selectorHeight - fullNote - gap * 2 < fontPx(layout, 'body') * 7 ? 0 : fullNote;
  const top = inner.y + (selectorHeight > 0 ? selectorHeight + gap : 0);
  const bottom = inner.y + inner.height - noteHeight - gap * 0.6;
  const area = { x: inner.x, y: top, width: inner.width, height: Math.max(0, Math.round(bottom - top)) };
  const stacked = area.width < 2 * 440 * scale + gap * 2;
  let blocks: [Rect, Rect];
  if (stacked) {
    const half = Math.floor((area.height - gap) / 2);
    blocks = [{ ...area, height: half }, { ...area, y: area.y + half + gap, height: half }];
  } else {
    const half = Math.floor((area.width - gap * 2) / 2);
    blocks = [{ ...area, width: half }, { ...area, x: area.x + half + gap * 2, width: area.width - half - gap * 2 }];
  }
  return { selector, blocks, note: { x: inner.x, y: Math.round(inner.y + inner.height - noteHeight), width: inner.width, height: noteHeight }, stacked };
}

export interface HopBlockLayout {
  title: Rect;
  yourLabel: Rect;
  yourBar: Rect;
  yourTotal: Rect;
  nativeLabel: Rect;
  nativeBar: Rect;
  nativeTotal: Rect;
  /** Under the bars: the bracket marking what the build adds over native, and its words. */
  overhead: Rect;
  legend: Rect;
}

export function hopBlockLayout(block: Rect, layout: Layout): HopBlockLayout {
  const body = fontPx(layout, 'body');
  const small = fontPx(layout, 'small');
  const titleHeight = Math.round(body * 2.85);
  const barRow = Math.round(Math.max(34, body * 1.8));
  const gap = Math.round(layout.gap * 0.5);
  const labelWidth = Math.round(block.width * 0.24);
  const totalWidth = Math.round(block.width * 0.2);
  const row = (y: number) => ({
    label: { x: block.x, y, width: labelWidth, height: barRow },
    bar: { x: block.x + labelWidth + gap, y, width: Math.max(0, block.width - labelWidth - totalWidth - gap * 2), height: barRow },
    total: { x: block.x + block.width - totalWidth, y, width: totalWidth, height: barRow },
  });
  const yours = row(block.y + titleHeight);
  const native = row(yours.bar.y + barRow + gap);
  const overhead = { x: native.bar.x, y: native.bar.y + barRow + 2, width: block.x + block.width - native.bar.x, height: Math.round(small * 1.95) };
  const legendTop = overhead.y + overhead.height + layout.gap * 0.3;
  const legend = { x: block.x, y: Math.round(legendTop), width: block.width, height: Math.max(0, Math.round(block.y + block.height - legendTop)) };
  return {
    title: { ...block, height: titleHeight },
    yourLabel: yours.label,
    yourBar: yours.bar,
    yourTotal: yours.total,
    nativeLabel: native.label,
    nativeBar: native.bar,
    nativeTotal: native.total,
    overhead,
    legend,
  };
}

/**
 * Legend entries, one per line: a single column when they all fit the legend's height, else two columns
 * (top to bottom, then left to right). Lines shrink a little before a second column is used.
 */
export function legendCells(legend: Rect, count: number, layout: Layout): { cells: Rect[]; columns: 1 | 2 } {
  const natural = Math.round(fontPx(layout, 'small') * 1.6);
  const smallest = Math.round(fontPx(layout, 'small') * 1.3);
  const oneColumn = count > 0 ? Math.floor(legend.height / count) : natural;
  const columns: 1 | 2 = oneColumn >= smallest ? 1 : 2;
  const rows = Math.max(1, Math.ceil(count / columns));
  const colGap = Math.round(layout.gap);
  const width = Math.floor((legend.width - colGap * (columns - 1)) / columns);
  const height = Math.max(1, Math.min(natural, Math.floor(legend.height / rows)));
  const cells = Array.from({ length: count }, (_, i) => {
    const column = Math.floor(i / rows);
    const row = i % rows;
    return { x: legend.x + column * (width + colGap), y: legend.y + row * height, width, height };
  });
  return { cells, columns };
}

// ---------------------------------------------------------------- comparison

export type CompareColumn = 'label' | 'score' | 'stars' | 'p95' | 'breached' | 'burst' | 'memory';
export const COMPARE_COLUMNS: readonly CompareColumn[] = ['label', 'score', 'stars', 'p95', 'breached', 'burst', 'memory'];

export interface CompareTabLayout {
  /** `wide`: one line per build with a column header; `twoLine`: name, score and stars above the metrics. */
  mode: 'wide' | 'twoLine';
  header: Rect;
  /** The row slots of one page. */
  rows: Rect[];
  perPage: number;
  /** One line under the rows (the seed every build ran on). */
  note: Rect;
  pager: { previous: Rect; label: Rect; next: Rect } | null;
}

export function compareTabLayout(inner: Rect, layout: Layout, rowCount: number): CompareTabLayout {
  const body = fontPx(layout, 'body');
  const mode = inner.width >= 900 * layout.scale ? 'wide' : 'twoLine';
  // Two lines of header where the rows leave room for them (a long ranking keeps the header tighter).
  // Room for the star thresholds' values under the score's header word (both modes).
  const headerHeight = Math.round(fontPx(layout, 'small') * (mode === 'wide' ? (rowCount <= 6 ? 2.9 : 2.5) : 2.6));
  const noteHeight = Math.round(fontPx(layout, 'small') * 1.6);
  const rowGap = Math.round(layout.gap * 0.35);
  const natural = Math.round(mode === 'wide' ? Math.max(40, body * 1.95) : Math.max(76, body * 3.9));
  const smallest = Math.round(mode === 'wide' ? Math.max(34, body * 1.6) : Math.max(66, body * 3.4));
  const header = { ...inner, height: headerHeight };
  const top = inner.y + headerHeight + rowGap;
  const count = Math.max(1, rowCount);
  // Rows shrink (down to `smallest`) so that every build fits on one page when it can.
  const sizeFor = (room: number) => Math.max(smallest, Math.min(natural, Math.floor((room + rowGap) / count) - rowGap));
  const fits = (room: number, height: number) => Math.max(1, Math.floor((room + rowGap) / (height + rowGap)));
  let room = inner.y + inner.height - noteHeight - layout.gap * 0.5 - top;
  let rowHeight = sizeFor(room);
  let perPage = fits(room, rowHeight);
  let pager: CompareTabLayout['pager'] = null;
  if (perPage < count) {
    const pagerHeight = Math.max(44, Math.round(layout.buttonHeight * 0.85));
    pager = pagerRow({ x: inner.x, y: inner.y + inner.height - pagerHeight, width: inner.width, height: pagerHeight }, layout);
    room -= pagerHeight + layout.gap * 0.5;
    rowHeight = smallest;
    perPage = fits(room, rowHeight);
  }
  const rows = Array.from({ length: Math.min(perPage, count) }, (_, i) => ({ x: inner.x, y: top + i * (rowHeight + rowGap), width: inner.width, height: rowHeight }));
  const noteTop = Math.round(top + room + layout.gap * 0.5);
  return { mode, header, rows, perPage, note: { x: inner.x, y: noteTop, width: inner.width, height: noteHeight }, pager };
}

// The build's name says what it is and its VM count (issue 17): the widest column.
const WIDE_FRACTIONS: Record<CompareColumn, number> = { label: 0.3, score: 0.17, stars: 0.1, p95: 0.13, breached: 0.09, burst: 0.1, memory: 0.11 };

/** The cells of one comparison row (or of the header, in wide mode). */
export function compareCells(row: Rect, mode: CompareTabLayout['mode'], layout: Layout): Record<CompareColumn, Rect> {
  const gap = Math.round(layout.gap * 0.5);
  const cells = {} as Record<CompareColumn, Rect>;
  if (mode === 'wide') {
    let x = row.x;
    const usable = row.width - gap * (COMPARE_COLUMNS.length - 1);
    COMPARE_COLUMNS.forEach((column, i) => {
      const width = i === COMPARE_COLUMNS.length - 1 ? row.x + row.width - x : Math.floor(usable * WIDE_FRACTIONS[column]);
      cells[column] = { x, y: row.y, width, height: row.height };
      x += width + gap;
    });
    return cells;
  }
  const topHeight = Math.round(row.height * 0.52);
  const top = { ...row, height: topHeight };
  const bottom = { x: row.x, y: row.y + topHeight, width: row.width, height: row.height - topHeight };
  const [label, score, stars] = splitWeighted(top, [0.38, 0.4, 0.22], gap);
  const [p95, breached, burst, memory] = splitRow(bottom, 4, gap);
  return { label: label!, score: score!, stars: stars!, p95: p95!, breached: breached!, burst: burst!, memory: memory! };
}

function splitWeighted(area: Rect, weights: readonly number[], gap: number): Rect[] {
  const usable = area.width - gap * (weights.length - 1);
  let x = area.x;
  return weights.map((weight, i) => {
    const width = i === weights.length - 1 ? area.x + area.width - x : Math.floor(usable * weight);
    const rect = { x, y: area.y, width, height: area.height };
    x += width + gap;
    return rect;
  });
}

// ---------------------------------------------------------------- the seeds' table

export interface TableTabLayout {
  title: Rect;
  /**
   * Cells by row (header first) and column: the arrow gutter, the row name, Type-1, Type-2, containers,
   * in short. On a narrow panel "in short" goes under each row's cells (`summaryInRow`), and the header
   * has no cell for it (width 0).
   */
  cells: Rect[][];
  summaryInRow: boolean;
  /** The frame around a highlighted body row (1–3), cell edges included. */
  rowFrames: Rect[];
  goal: Rect;
  note: Rect;
}

export function tableTabLayout(inner: Rect, layout: Layout): TableTabLayout {
  const body = fontPx(layout, 'body');
  const small = fontPx(layout, 'small');
  const titleHeight = Math.round(body * 1.6);
  const wide = inner.width >= 900 * layout.scale;
  // A goal is one or two lines on a wide panel; a narrow one gives it room for three or four.
  const gap = Math.round(layout.gap * 0.6);
  // A panel too short for the grid with them (a small embedded frame) leaves the goal and the note out;
  // the screen reader's text of the tab keeps the goal.
  const fullGoal = Math.round(body * (wide ? 3.9 : 5.8));
  // The note is up to two lines on a wide panel, three on a narrow one (it names the measurement that
  // corrects the textbook, a long sentence in either language; issue 16's overlap test found it cut).
  const fullNote = Math.round(small * (wide ? 3.2 : 4.6));
  const short = inner.height - titleHeight - fullGoal - fullNote - gap * 3 < body * 1.6 * 4;
  const goalHeight = short ? 0 : fullGoal;
  const noteHeight = short ? 0 : fullNote;
  const gridTop = inner.y + titleHeight + gap;
  const room = Math.max(0, inner.y + inner.height - goalHeight - noteHeight - gap * 2 - gridTop);
  const headerHeight = Math.round(Math.min(body * 2.9, room * 0.26));
  // Rows grow with the room up to a comfortable height; what is left goes below the goal.
  const rowHeight = Math.floor(Math.min((room - headerHeight) / 3, body * (wide ? 3.4 : 4.4)));
  // Gutter, row name, the four architectures (seedsTable.ts), and on a wide panel "in short".
  const weights = wide ? [0.1, 0.12, 0.135, 0.135, 0.135, 0.135, 0.24] : [0.11, 0.17, 0.18, 0.18, 0.18, 0.18];
  const cellGap = Math.round(layout.gap * 0.3);
  const columns = splitWeighted({ x: inner.x, y: 0, width: inner.width, height: 0 }, weights, cellGap);
  const rowTops = [gridTop, gridTop + headerHeight, gridTop + headerHeight + rowHeight, gridTop + headerHeight + rowHeight * 2];
  const heights = [headerHeight, rowHeight, rowHeight, rowHeight];
  const frameLeft = columns[1]!.x;
  const cells = rowTops.map((y, r) => {
    const height = heights[r]!;
    if (wide) return columns.map((column) => ({ x: column.x, y, width: column.width, height }));
    const split = Math.round(height * 0.56);
    if (r === 0) return [...columns.map((column) => ({ x: column.x, y, width: column.width, height })), { x: inner.x + inner.width, y, width: 0, height }];
    return [
      { x: columns[0]!.x, y, width: columns[0]!.width, height },
      ...columns.slice(1).map((column) => ({ x: column.x, y, width: column.width, height: split })),
      { x: frameLeft, y: y + split, width: inner.x + inner.width - frameLeft, height: height - split },
    ];
  });
  const rowFrames = [1, 2, 3].map((r) => ({ x: frameLeft, y: rowTops[r]!, width: inner.x + inner.width - frameLeft, height: heights[r]! }));
  const gridBottom = gridTop + headerHeight + rowHeight * 3;
  const goalTop = Math.round(Math.min(gridBottom + gap * 1.5, inner.y + inner.height - noteHeight - gap - goalHeight));
  const goal = { x: inner.x, y: goalTop, width: inner.width, height: goalHeight };
  const note = { x: inner.x, y: goal.y + goalHeight + gap, width: inner.width, height: noteHeight };
  return { title: { ...inner, height: titleHeight }, cells, summaryInRow: !wide, rowFrames, goal, note };
}

// ---------------------------------------------------------------- star thresholds

/**
 * Lays out labels of `width` centred on `centres` without overlap, inside [min, max]: each is pushed right
 * of the one before, then the row is pushed back left if it ran past `max`. Null when they cannot fit.
 */
export function spreadLabels(centres: readonly number[], width: number, min: number, max: number, gap = 2): number[] | null {
  if (centres.length * width + (centres.length - 1) * gap > max - min) return null;
  const lefts: number[] = [];
  for (const centre of centres) {
    const wanted = Math.max(min, Math.min(max - width, centre - width / 2));
    lefts.push(lefts.length === 0 ? wanted : Math.max(wanted, lefts[lefts.length - 1]! + width + gap));
  }
  for (let i = lefts.length - 1; i >= 0; i -= 1) {
    const limit = i === lefts.length - 1 ? max - width : lefts[i + 1]! - width - gap;
    lefts[i] = Math.min(lefts[i]!, limit);
  }
  return lefts;
}
