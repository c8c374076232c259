// Screen geometry as pure functions of the canvas width and height: the UI scale, font sizes, the
// frame every screen shares (top bar, content, footer) and the layouts of menus, grids and pages.
// No pixel position in a scene is hard-coded; they all come from here, so any window size reflows.

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export type FontRole = 'display' | 'title' | 'heading' | 'body' | 'small' | 'button';

export interface Layout {
  width: number;
  height: number;
  /** 1 at about 1200×700; every length and font size is multiplied by it. */
  scale: number;
  portrait: boolean;
  /** Body text size; at least 20 px at 1280×720 (readable from the back of a classroom). */
  baseFontPx: number;
  margin: number;
  gap: number;
  radius: number;
  buttonHeight: number;
  topBar: Rect;
  content: Rect;
  footer: Rect;
}

const REFERENCE_WIDTH = 1200;
const REFERENCE_HEIGHT = 700;
const PORTRAIT_REFERENCE_WIDTH = 800;
const MIN_SCALE = 0.85;
/** The floor for landscape windows: a course page's 640×360 frame needs a smaller UI for the board, the
 * run controls and the debrief to fit its height (issue 14). Portrait keeps MIN_SCALE: on a phone held
 * upright, height is plentiful and text stays at 17 px or more. */
const LANDSCAPE_MIN_SCALE = 0.6;
const MAX_SCALE = 2.4;
const BASE_FONT_PX = 20;

const FONT_FACTORS: Record<FontRole, number> = {
  display: 2.3,
  title: 1.55,
  heading: 1.2,
  body: 1,
  small: 0.86,
  button: 1.05,
};

/**
 * How big the UI is drawn. A landscape window is measured against about 1200×700; a portrait one against
 * a narrower reference (800 wide at 3:4), so a tablet held upright gets comfortable sizes instead of a
 * landscape layout shrunk into its width. The reference changes smoothly with the aspect ratio.
 */
export function uiScale(width: number, height: number): number {
  const aspect = height > 0 ? width / height : 1;
  const referenceWidth = PORTRAIT_REFERENCE_WIDTH + (REFERENCE_WIDTH - PORTRAIT_REFERENCE_WIDTH) * clamp((aspect - 0.75) / 0.75, 0, 1);
  const fit = Math.min(width / referenceWidth, height / REFERENCE_HEIGHT);
  return clamp(Number.isFinite(fit) ? fit : 1, aspect > 1 ? LANDSCAPE_MIN_SCALE : MIN_SCALE, MAX_SCALE);
}

export function computeLayout(rawWidth: number, rawHeight: number): Layout {
  const width = Math.max(1, Math.floor(rawWidth));
  const height = Math.max(1, Math.floor(rawHeight));
  const scale = uiScale(width, height);
  const baseFontPx = Math.round(BASE_FONT_PX * scale);
  const margin = Math.round(Math.min(24 * scale, width * 0.04));
  const gap = Math.round(14 * scale);
  const buttonHeight = Math.round(Math.max(44, 52 * scale));
  const topBar = { x: margin, y: margin, width: width - 2 * margin, height: buttonHeight };
  // A short landscape window (an embedded 640×360 frame) gives the keyboard hint's row to the content.
  const footerHeight = height < 420 && width > height ? 0 : Math.round(baseFontPx * 1.6);
  const footer = { x: margin, y: height - margin - footerHeight, width: width - 2 * margin, height: footerHeight };
  const contentTop = topBar.y + topBar.height + gap;
  const content = { x: margin, y: contentTop, width: width - 2 * margin, height: Math.max(0, footer.y - gap - contentTop) };
  return {
    width,
    height,
    scale,
    portrait: height > width,
    baseFontPx,
    margin,
    gap,
    radius: Math.round(14 * scale),
    buttonHeight,
    topBar,
    content,
    footer,
  };
}

export function fontPx(layout: Layout, role: FontRole): number {
  return Math.round(layout.baseFontPx * FONT_FACTORS[role]);
}

export function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

export function centerX(rect: Rect): number {
  return rect.x + rect.width / 2;
}

export function centerY(rect: Rect): number {
  return rect.y + rect.height / 2;
}

export function inset(rect: Rect, by: number): Rect {
  return { x: rect.x + by, y: rect.y + by, width: Math.max(0, rect.width - 2 * by), height: Math.max(0, rect.height - 2 * by) };
}

/** A rectangle of at most the given size, centred in the area. */
export function centeredRect(area: Rect, width: number, height: number): Rect {
  const w = Math.min(width, area.width);
  const h = Math.min(height, area.height);
  return { x: Math.round(area.x + (area.width - w) / 2), y: Math.round(area.y + (area.height - h) / 2), width: w, height: h };
}

/** The top bar: a back button on the left, action buttons on the right, the title in what is left. */
export interface TopBarLayout {
  back: Rect;
  title: Rect;
  /** The widest rectangle for the title that is centred on the bar and clear of the buttons: a title that
   * fits in it is centred on the screen, not in the space the buttons leave. */
  centredTitle: Rect;
  actions: Rect[];
}

export function topBarLayout(layout: Layout, actionWidths: readonly number[], hasBack: boolean): TopBarLayout {
  const bar = layout.topBar;
  const backWidth = hasBack ? Math.round(Math.min(170 * layout.scale, bar.width * 0.3)) : 0;
  const back = { x: bar.x, y: bar.y, width: backWidth, height: bar.height };
  const actions: Rect[] = [];
  let right = bar.x + bar.width;
  for (const width of [...actionWidths].reverse()) {
    const w = Math.min(width, bar.width * 0.3);
    right -= w;
    actions.unshift({ x: right, y: bar.y, width: w, height: bar.height });
    right -= layout.gap / 2;
  }
  const left = back.x + back.width + (hasBack ? layout.gap : 0);
  const centre = bar.x + bar.width / 2;
  const half = Math.max(0, Math.min(centre - (hasBack ? left : bar.x + layout.gap), right - centre));
  return {
    back,
    title: { x: left, y: bar.y, width: Math.max(0, right - left), height: bar.height },
    centredTitle: { x: centre - half, y: bar.y, width: half * 2, height: bar.height },
    actions,
  };
}

/**
 * Places items of the given heights in a centred column inside the area. When they do not fit, every
 * height and gap shrinks by the same factor (reported as `fit`) so nothing overlaps or leaves the screen.
 */
export function stackColumn(
  area: Rect,
  heights: readonly number[],
  gap: number,
  width: number,
  align: 'center' | 'top' = 'center',
): { rects: Rect[]; fit: number } {
  const total = heights.reduce((sum, h) => sum + h, 0) + gap * Math.max(0, heights.length - 1);
  const fit = total > area.height && total > 0 ? area.height / total : 1;
  const w = Math.min(width, area.width);
  const x = Math.round(area.x + (area.width - w) / 2);
  let y = align === 'top' ? area.y : area.y + (area.height - total * fit) / 2;
  const rects = heights.map((h) => {
    const rect = { x, y: Math.round(y), width: w, height: Math.round(h * fit) };
    y += (h + gap) * fit;
    return rect;
  });
  return { rects, fit };
}

/** Places `count` cells in rows, as many columns as fit at `minCellWidth`, cells stretched to fill the row. */
export interface Grid {
  columns: number;
  rows: number;
  cellWidth: number;
  cellHeight: number;
  /** How many cells fit in the area at once. */
  perPage: number;
}

export function gridFor(area: Rect, minCellWidth: number, cellHeight: number, gap: number, maxColumns = 6): Grid {
  const columns = clamp(Math.floor((area.width + gap) / (minCellWidth + gap)), 1, maxColumns);
  const cellWidth = Math.floor((area.width - gap * (columns - 1)) / columns);
  const rows = Math.max(1, Math.floor((area.height + gap) / (cellHeight + gap)));
  return { columns, rows, cellWidth, cellHeight, perPage: columns * rows };
}

export function gridCell(area: Rect, grid: Grid, index: number, gap: number): Rect {
  const within = index % grid.perPage;
  const column = within % grid.columns;
  const row = Math.floor(within / grid.columns);
  return {
    x: Math.round(area.x + column * (grid.cellWidth + gap)),
    y: Math.round(area.y + row * (grid.cellHeight + gap)),
    width: grid.cellWidth,
    height: grid.cellHeight,
  };
}

/**
 * Splits items of measured heights into pages that each fit the available height (with a gap between
 * items). An item taller than a page gets a page of its own rather than being lost.
 */
export function paginateByHeight(heights: readonly number[], available: number, gap: number): number[][] {
  const pages: number[][] = [];
  let page: number[] = [];
  let used = 0;
  heights.forEach((height, index) => {
    const needed = page.length === 0 ? height : used + gap + height;
    if (page.length > 0 && needed > available) {
      pages.push(page);
      page = [index];
      used = height;
    } else {
      page.push(index);
      used = needed;
    }
  });
  if (page.length > 0) pages.push(page);
  return pages;
}

/** Two side-by-side columns in landscape, stacked in portrait or when too narrow. */
export function splitColumns(area: Rect, gap: number, minColumnWidth: number, leftFraction = 0.5): { left: Rect; right: Rect; stacked: boolean } {
  if (area.width < minColumnWidth * 2 + gap) {
    const half = (area.height - gap) / 2;
    return {
      left: { ...area, height: half },
      right: { ...area, y: area.y + half + gap, height: half },
      stacked: true,
    };
  }
  const leftWidth = Math.round((area.width - gap) * leftFraction);
  return {
    left: { ...area, width: leftWidth },
    right: { x: area.x + leftWidth + gap, y: area.y, width: area.width - leftWidth - gap, height: area.height },
    stacked: false,
  };
}

/** Splits a row into cells of equal width with gaps (segmented choices, button rows). */
export function splitRow(area: Rect, count: number, gap: number): Rect[] {
  const n = Math.max(1, count);
  const width = (area.width - gap * (n - 1)) / n;
  return Array.from({ length: n }, (_, i) => ({
    x: Math.round(area.x + i * (width + gap)),
    y: area.y,
    width: Math.floor(width),
    height: area.height,
  }));
}
