// The Debrief's geometry at the three window sizes the game is checked at: everything inside the
// window and inside its panel, nothing overlapping, text readable from the back of a classroom, and every
// comparison row of the longest ranking on one page.
import { describe, expect, it } from 'vitest';
import {
  breakdownLayout, compareCells, compareTabLayout, COMPARE_COLUMNS, debriefLayout, headlineLayout, hopBlockLayout, hopsTabLayout, legendCells,
  objectiveRowLayout, reasonsLayout, scoreTabLayout, tableTabLayout,
} from '../../../src/game/debrief/debriefLayout';
import { computeLayout, fontPx, type Rect } from '../../../src/game/layout';

const SIZES = [
  { name: '1280×720', width: 1280, height: 720 },
  { name: '1920×1080', width: 1920, height: 1080 },
  { name: '768×1024', width: 768, height: 1024 },
];

const inside = (inner: Rect, outer: Rect) =>
  inner.x >= outer.x - 0.5 && inner.y >= outer.y - 0.5 && inner.x + inner.width <= outer.x + outer.width + 0.5 && inner.y + inner.height <= outer.y + outer.height + 0.5;

const overlap = (a: Rect, b: Rect) => a.x < b.x + b.width - 0.5 && b.x < a.x + a.width - 0.5 && a.y < b.y + b.height - 0.5 && b.y < a.y + a.height - 0.5;

function expectInside(rects: Rect[], outer: Rect, what: string): void {
  rects.forEach((rect, i) => expect(inside(rect, outer), `${what}[${i}] ${JSON.stringify(rect)} in ${JSON.stringify(outer)}`).toBe(true));
}

function expectApart(rects: Rect[], what: string): void {
  for (let i = 0; i < rects.length; i += 1) {
    for (let j = i + 1; j < rects.length; j += 1) expect(overlap(rects[i]!, rects[j]!), `${what}: ${i} and ${j} overlap`).toBe(false);
    expect(rects[i]!.width, `${what}[${i}] width`).toBeGreaterThan(0);
    expect(rects[i]!.height, `${what}[${i}] height`).toBeGreaterThan(0);
  }
}

describe.each(SIZES)('debrief layout at $name', ({ width, height }) => {
  const layout = computeLayout(width, height);
  const screen = { x: 0, y: 0, width, height };
  const dl = debriefLayout(layout);

  it('puts tabs, the panel and the actions inside the content area, apart from each other', () => {
    expectInside([...dl.tabs, dl.body, dl.actions.retry, dl.actions.next, dl.actions.map], layout.content, 'frame');
    expectApart([...dl.tabs, dl.body, dl.actions.retry, dl.actions.next, dl.actions.map], 'frame');
    expect(inside(dl.inner, dl.body)).toBe(true);
    expect(dl.tabs).toHaveLength(4);
    // Touch targets at least 44 px tall.
    for (const rect of [...dl.tabs, dl.actions.retry, dl.actions.next, dl.actions.map]) expect(rect.height).toBeGreaterThanOrEqual(44);
  });

  it('keeps body text readable', () => {
    if (width === 1280) expect(fontPx(layout, 'body')).toBeGreaterThanOrEqual(20);
    expect(fontPx(layout, 'body')).toBeGreaterThanOrEqual(18);
  });

  it('lays out the score tab: headline, breakdown and reasons apart', () => {
    const st = scoreTabLayout(dl.inner, layout);
    expectInside([st.headline, st.breakdown, st.reasons], dl.inner, 'score tab');
    expectApart([st.headline, st.breakdown, st.reasons], 'score tab');
    expect(st.stacked).toBe(layout.portrait);
    const hl = headlineLayout(st.headline, layout);
    expectInside([hl.score, hl.stars, hl.starsLabel, hl.bar, hl.build], st.headline, 'headline');
    expectApart([hl.score, hl.stars, hl.starsLabel, hl.bar, hl.build], 'headline');
    expect(hl.score.height).toBeGreaterThanOrEqual(fontPx(layout, 'display') * 0.9);
    const bd = breakdownLayout(st.breakdown, layout);
    expectInside([bd.title, ...bd.rows, bd.formula], st.breakdown, 'breakdown');
    expectApart([bd.title, ...bd.rows, bd.formula], 'breakdown');
    expect(bd.formula.height).toBeGreaterThanOrEqual(fontPx(layout, 'body') * 2.4);
    for (const row of bd.rows) {
      const cells = objectiveRowLayout(row, layout);
      expectInside([cells.icon, cells.name, cells.weight, cells.bar, cells.value], row, 'objective row');
      expectApart([cells.icon, cells.name, cells.weight, cells.bar, cells.value], 'objective row');
      expect(cells.bar.width).toBeGreaterThan(100);
    }
    for (const paged of [false, true]) {
      const rl = reasonsLayout(st.reasons, layout, paged);
      const parts = [rl.title, rl.list, ...(rl.pager ? [rl.pager.previous, rl.pager.label, rl.pager.next] : [])];
      expectInside(parts, st.reasons, 'reasons');
      expectApart(parts, 'reasons');
      // Room for at least two reasons of three lines each.
      expect(rl.list.height).toBeGreaterThanOrEqual(fontPx(layout, 'body') * 1.3 * 6);
    }
  });

  it.each([1, 2, 4])('lays out the hop costs for %i path(s)', (groups) => {
    const hl = hopsTabLayout(dl.inner, layout, groups);
    expectInside([...hl.selector, ...hl.blocks, hl.note], dl.inner, 'hops tab');
    expectApart([...hl.selector, ...hl.blocks, hl.note], 'hops tab');
    expect(hl.selector).toHaveLength(groups > 1 ? groups : 0);
    for (const block of hl.blocks) {
      const hb = hopBlockLayout(block, layout);
      const parts = [hb.title, hb.yourLabel, hb.yourBar, hb.yourTotal, hb.nativeLabel, hb.nativeBar, hb.nativeTotal, hb.overhead, hb.legend];
      expectInside(parts, block, 'hop block');
      expectApart(parts, 'hop block');
      expect(hb.yourBar.width).toBeGreaterThan(200);
      // The longest path (a container in the Linux utility VM: 7 hops) fits its legend.
      const { cells } = legendCells(hb.legend, 7, layout);
      expectInside(cells, hb.legend, 'legend');
      expectApart(cells, 'legend');
      for (const cell of cells) expect(cell.height).toBeGreaterThanOrEqual(fontPx(layout, 'small') * 1.1);
    }
  });

  it('shows all eight rows of the longest comparison on one page, with readable rows', () => {
    const cl = compareTabLayout(dl.inner, layout, 8);
    expect(cl.pager).toBeNull();
    expect(cl.rows).toHaveLength(8);
    expectInside([cl.header, ...cl.rows, cl.note], dl.inner, 'compare');
    expectApart([cl.header, ...cl.rows, cl.note], 'compare');
    for (const row of cl.rows) expect(row.height).toBeGreaterThanOrEqual(fontPx(layout, 'body') * 1.55);
    const cells = compareCells(cl.rows[0]!, cl.mode, layout);
    const list = COMPARE_COLUMNS.map((column) => cells[column]);
    expectInside(list, cl.rows[0]!, 'compare cells');
    expectApart(list, 'compare cells');
    expect(cl.mode).toBe(layout.portrait ? 'twoLine' : 'wide');
  });

  it('pages the comparison when the rows cannot fit', () => {
    const cl = compareTabLayout({ ...dl.inner, height: dl.inner.height / 2 }, layout, 8);
    expect(cl.pager).not.toBeNull();
    expect(cl.perPage).toBeLessThan(8);
    expectApart([cl.header, ...cl.rows, cl.note, cl.pager!.previous, cl.pager!.next], 'paged compare');
  });

  it('lays out the seeds table with a gutter for the arrow and room for the goal', () => {
    const tl = tableTabLayout(dl.inner, layout);
    expect(tl.cells).toHaveLength(4);
    expect(tl.summaryInRow).toBe(layout.portrait);
    tl.cells.forEach((row, r) => {
      expect(row).toHaveLength(7);
      // On a narrow panel the header has no "in short" cell: it sits under each row's cells instead.
      const present = r === 0 && tl.summaryInRow ? row.slice(0, 6) : row;
      expectInside(present, dl.inner, 'table row');
      expectApart(present, 'table row');
    });
    expectApart([tl.title, ...tl.cells.map((row) => ({ x: row[0]!.x, y: row[0]!.y, width: dl.inner.width, height: row[0]!.height })), tl.goal, tl.note], 'table');
    expectInside([tl.title, tl.goal, tl.note, ...tl.rowFrames], dl.inner, 'table parts');
    for (const row of tl.cells.slice(1)) expect(row[2]!.height).toBeGreaterThanOrEqual(fontPx(layout, 'body') * 1.6);
    expect(tl.goal.height).toBeGreaterThanOrEqual(fontPx(layout, 'body') * 3);
  });

  it('keeps everything on the screen', () => {
    expectInside([layout.content, dl.body], screen, 'screen');
  });
});
