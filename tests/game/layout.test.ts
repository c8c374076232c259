// Tests the shared layout: readable fonts at classroom sizes, the frame inside the window, and the
// helpers for columns, grids and pages.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { centeredRect, computeLayout, fontPx, gridCell, gridFor, paginateByHeight, splitColumns, splitRow, stackColumn, topBarLayout, type Rect } from '../../src/game/layout';

const inside = (inner: Rect, outer: Rect) =>
  inner.x >= outer.x - 0.5 && inner.y >= outer.y - 0.5 && inner.x + inner.width <= outer.x + outer.width + 0.5 && inner.y + inner.height <= outer.y + outer.height + 0.5;

describe('computeLayout', () => {
  it('keeps body text at 20 px or more at 1280×720 and grows it on big screens', () => {
    expect(computeLayout(1280, 720).baseFontPx).toBeGreaterThanOrEqual(20);
    expect(computeLayout(1920, 1080).baseFontPx).toBeGreaterThan(computeLayout(1280, 720).baseFontPx);
    expect(fontPx(computeLayout(1280, 720), 'small')).toBeGreaterThanOrEqual(17);
  });

  it('never lets text get tiny on small or portrait windows', () => {
    expect(computeLayout(768, 1024).baseFontPx).toBeGreaterThanOrEqual(17);
    expect(computeLayout(360, 640).baseFontPx).toBeGreaterThanOrEqual(17);
    expect(computeLayout(768, 1024).portrait).toBe(true);
  });

  it('keeps touch targets at least 44 px tall', () => {
    expect(computeLayout(360, 640).buttonHeight).toBeGreaterThanOrEqual(44);
  });

  it('places top bar, content and footer inside the window, in order, for any size', () => {
    fc.assert(
      fc.property(fc.integer({ min: 320, max: 4000 }), fc.integer({ min: 320, max: 3000 }), (w, h) => {
        const layout = computeLayout(w, h);
        const screen = { x: 0, y: 0, width: w, height: h };
        expect(inside(layout.topBar, screen)).toBe(true);
        expect(inside(layout.content, screen)).toBe(true);
        expect(inside(layout.footer, screen)).toBe(true);
        expect(layout.topBar.y + layout.topBar.height).toBeLessThanOrEqual(layout.content.y);
        expect(layout.content.y + layout.content.height).toBeLessThanOrEqual(layout.footer.y);
      }),
    );
  });

  it('survives degenerate sizes', () => {
    const layout = computeLayout(0, Number.NaN);
    expect(layout.width).toBe(1);
    expect(Number.isFinite(layout.scale)).toBe(true);
  });
});

describe('helpers', () => {
  it('stacks a column centred, shrinking everything by one factor when it does not fit', () => {
    const area = { x: 0, y: 0, width: 400, height: 300 };
    const roomy = stackColumn(area, [50, 50], 10, 200);
    expect(roomy.fit).toBe(1);
    expect(roomy.rects[0]).toEqual({ x: 100, y: 95, width: 200, height: 50 });
    const tight = stackColumn(area, [200, 200], 20, 200);
    expect(tight.fit).toBeCloseTo(300 / 420);
    const last = tight.rects[1]!;
    expect(last.y + last.height).toBeLessThanOrEqual(300.5);
  });

  it('places a top bar title between back and action buttons', () => {
    const layout = computeLayout(1280, 720);
    const bar = topBarLayout(layout, [150, 150], true);
    expect(bar.back.x).toBe(layout.topBar.x);
    expect(bar.title.x).toBeGreaterThanOrEqual(bar.back.x + bar.back.width);
    expect(bar.title.x + bar.title.width).toBeLessThanOrEqual(bar.actions[0]!.x);
    expect(bar.actions[1]!.x + bar.actions[1]!.width).toBe(layout.topBar.x + layout.topBar.width);
  });

  it("offers a title rectangle centred on the screen and clear of the buttons, with or without a back button", () => {
    const layout = computeLayout(1280, 720);
    const centre = layout.topBar.x + layout.topBar.width / 2;
    for (const hasBack of [false, true]) {
      const bar = topBarLayout(layout, [150, 150], hasBack);
      const title = bar.centredTitle;
      expect(title.x + title.width / 2).toBeCloseTo(centre);
      expect(title.width).toBeGreaterThan(0);
      expect(title.x + title.width).toBeLessThanOrEqual(bar.actions[0]!.x);
      if (hasBack) expect(title.x).toBeGreaterThanOrEqual(bar.back.x + bar.back.width);
    }
  });

  it('fills grids row by row and pages them', () => {
    const area = { x: 0, y: 0, width: 1000, height: 400 };
    const grid = gridFor(area, 300, 150, 20);
    expect(grid.columns).toBe(3);
    expect(grid.rows).toBe(2);
    expect(gridCell(area, grid, 4, 20)).toEqual({ x: grid.cellWidth + 20, y: 170, width: grid.cellWidth, height: 150 });
    expect(gridCell(area, grid, 6, 20)).toEqual(gridCell(area, grid, 0, 20));
    expect(gridFor({ ...area, width: 100 }, 300, 150, 20).columns).toBe(1);
  });

  it('paginates measured items so every page fits, and keeps an oversized item alone', () => {
    expect(paginateByHeight([100, 100, 100, 100], 250, 10)).toEqual([[0, 1], [2, 3]]);
    expect(paginateByHeight([500, 50], 250, 10)).toEqual([[0], [1]]);
    expect(paginateByHeight([], 250, 10)).toEqual([]);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 300 }), { maxLength: 40 }), fc.integer({ min: 50, max: 1000 }), (heights, available) => {
        const pages = paginateByHeight(heights, available, 8);
        expect(pages.flat()).toEqual(heights.map((_, i) => i));
        for (const page of pages) {
          const used = page.reduce((sum, i) => sum + heights[i]!, 0) + 8 * (page.length - 1);
          if (page.length > 1) expect(used).toBeLessThanOrEqual(available);
        }
      }),
    );
  });

  it('splits columns side by side or stacked, rows evenly, and centres rectangles', () => {
    expect(splitColumns({ x: 0, y: 0, width: 1000, height: 500 }, 20, 300).stacked).toBe(false);
    expect(splitColumns({ x: 0, y: 0, width: 500, height: 500 }, 20, 300).stacked).toBe(true);
    const cells = splitRow({ x: 0, y: 0, width: 320, height: 40 }, 3, 10);
    expect(cells.map((c) => c.x)).toEqual([0, 110, 220]);
    expect(centeredRect({ x: 0, y: 0, width: 100, height: 100 }, 50, 500)).toEqual({ x: 25, y: 0, width: 50, height: 100 });
  });
});
