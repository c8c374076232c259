// Where everything on the Play and Sandbox screens goes, as pure functions of the shared Layout: the
// board in the middle with a band above it (hints, banners) and a strip below (apps to place, the event
// log); pieces and run controls on the left; readouts, problems, the inspector and metrics on the right.
// A portrait window stacks the board on top and moves the palette and panels below it.
import { clamp, fontPx, type Layout, type Rect } from '../layout';

export interface PlayLayout {
  portrait: boolean;
  /** The band above the board: the hint bar (build), burst banners and status (run). */
  banner: Rect;
  board: Rect;
  /** Under the board: apps still to place (build), the event log (run). */
  strip: Rect;
  /** Pieces (build), speed buttons and the packet legend (run). */
  palette: Rect;
  /** Readouts, problems and the inspector (build); live metrics and the selected app's actions (run). */
  side: Rect;
  /** Undo, redo, reset (build); back to building, skip to end (run). */
  tools: Rect;
  /** The main action: Run (build); the run's state (run). */
  primary: Rect;
}

export interface BriefLayout {
  card: Rect;
  /** Level number, chapter and title. */
  header: Rect;
  /** Brief and hints. */
  left: Rect;
  /** Objective weights, the machine, learning goals. */
  right: Rect;
  /** Buttons along the bottom of the card. */
  actions: Rect;
  stacked: boolean;
}

/** The area under the top bar, down to the bottom margin (the Play screen has no footer hint). */
export function playBody(layout: Layout): Rect {
  const top = layout.topBar.y + layout.topBar.height + layout.gap;
  return { x: layout.margin, y: top, width: layout.width - 2 * layout.margin, height: Math.max(0, layout.height - layout.margin - top) };
}

export function playLayout(layout: Layout): PlayLayout {
  const body = playBody(layout);
  const { gap, scale, buttonHeight } = layout;
  const bannerHeight = Math.round(fontPx(layout, 'body') * 2.6);
  const portrait = layout.portrait || body.width < 900 * Math.min(1, scale);
  if (!portrait) {
    const leftWidth = Math.round(clamp(body.width * 0.17, 190 * scale, 300 * scale));
    const rightWidth = Math.round(clamp(body.width * 0.26, 290 * scale, 460 * scale));
    const centerX = body.x + leftWidth + gap;
    const centerWidth = body.width - leftWidth - rightWidth - 2 * gap;
    const stripHeight = Math.round(clamp(body.height * 0.19, 100 * scale, 190 * scale));
    const banner = { x: centerX, y: body.y, width: centerWidth, height: bannerHeight };
    const strip = { x: centerX, y: body.y + body.height - stripHeight, width: centerWidth, height: stripHeight };
    const board = { x: centerX, y: banner.y + banner.height + gap, width: centerWidth, height: strip.y - gap - (banner.y + banner.height + gap) };
    const toolsHeight = Math.round(buttonHeight * 3 + gap);
    const tools = { x: body.x, y: body.y + body.height - toolsHeight, width: leftWidth, height: toolsHeight };
    const palette = { x: body.x, y: body.y, width: leftWidth, height: tools.y - gap - body.y };
    const primaryHeight = Math.round(buttonHeight * 1.35);
    const rightX = body.x + body.width - rightWidth;
    const primary = { x: rightX, y: body.y + body.height - primaryHeight, width: rightWidth, height: primaryHeight };
    const side = { x: rightX, y: body.y, width: rightWidth, height: primary.y - gap - body.y };
    return { portrait: false, banner, board, strip, palette, side, tools, primary };
  }
  // Portrait: banner, board, strip, palette, side panels, then one row of buttons along the bottom.
  const stripHeight = Math.round(clamp(body.height * 0.09, 84 * scale, 140 * scale));
  const paletteHeight = Math.round(buttonHeight * 2 + gap * 0.6);
  const rowHeight = buttonHeight;
  const fixed = bannerHeight + stripHeight + paletteHeight + rowHeight + gap * 5;
  const flexible = Math.max(0, body.height - fixed);
  const boardHeight = Math.round(flexible * 0.6);
  const sideHeight = flexible - boardHeight;
  let y = body.y;
  const take = (height: number): Rect => {
    const rect = { x: body.x, y, width: body.width, height };
    y += height + gap;
    return rect;
  };
  const banner = take(bannerHeight);
  const board = take(boardHeight);
  const strip = take(stripHeight);
  const palette = take(paletteHeight);
  const side = take(sideHeight);
  const row = take(rowHeight);
  const primaryWidth = Math.round(row.width * 0.34);
  const tools = { x: row.x, y: row.y, width: row.width - primaryWidth - gap, height: row.height };
  const primary = { x: row.x + row.width - primaryWidth, y: row.y, width: primaryWidth, height: row.height };
  return { portrait: true, banner, board, strip, palette, side, tools, primary };
}

/** The customer card of the brief: header, two columns (stacked when narrow), a row of buttons. */
export function briefLayout(layout: Layout): BriefLayout {
  const body = playBody(layout);
  const { gap, scale, buttonHeight } = layout;
  const width = Math.min(body.width, Math.round(1180 * scale));
  const card = { x: Math.round(body.x + (body.width - width) / 2), y: body.y, width, height: body.height };
  const pad = Math.round(gap * 1.6);
  const inner = { x: card.x + pad, y: card.y + pad, width: card.width - 2 * pad, height: card.height - 2 * pad };
  const headerHeight = Math.round(fontPx(layout, 'small') * 1.5 + fontPx(layout, 'title') * 1.45);
  const header = { x: inner.x, y: inner.y, width: inner.width, height: headerHeight };
  const actionsHeight = Math.round(buttonHeight * 1.15);
  const actions = { x: inner.x, y: inner.y + inner.height - actionsHeight, width: inner.width, height: actionsHeight };
  const top = header.y + header.height + gap;
  const columnsHeight = actions.y - gap - top;
  const stacked = layout.portrait || inner.width < 760 * scale;
  if (stacked) {
    const leftHeight = Math.round(columnsHeight * 0.52);
    return {
      card,
      header,
      left: { x: inner.x, y: top, width: inner.width, height: leftHeight },
      right: { x: inner.x, y: top + leftHeight + gap, width: inner.width, height: columnsHeight - leftHeight - gap },
      actions,
      stacked,
    };
  }
  const leftWidth = Math.round((inner.width - gap * 2) * 0.56);
  return {
    card,
    header,
    left: { x: inner.x, y: top, width: leftWidth, height: columnsHeight },
    right: { x: inner.x + leftWidth + gap * 2, y: top, width: inner.width - leftWidth - gap * 2, height: columnsHeight },
    actions,
    stacked,
  };
}

/** Splits a column into rows of the given heights from the top, the last row taking what is left. */
export function stackRows(area: Rect, heights: readonly number[], gap: number): Rect[] {
  const rects: Rect[] = [];
  let y = area.y;
  heights.forEach((height, index) => {
    const last = index === heights.length - 1;
    const h = last ? Math.max(0, area.y + area.height - y) : Math.min(height, Math.max(0, area.y + area.height - y));
    rects.push({ x: area.x, y, width: area.width, height: h });
    y += h + gap;
  });
  return rects;
}
