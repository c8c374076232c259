// Small embedded frames (issue 14): the layout's scale and the debrief's score tab at the sizes course
// pages give the game (the frame less the 30 px embed bar). The real-browser check of every widget is
// tests/e2e/embedSizes.test.ts; these pin the geometry that makes it pass.
import { describe, expect, it } from 'vitest';
import { EMBED_BAR_PX } from '../../src/embed/embedMode';
import { breakdownLayout, debriefLayout, scoreTabLayout } from '../../src/game/debrief/debriefLayout';
import { computeLayout, fontPx, type Rect } from '../../src/game/layout';
import { playLayout } from '../../src/game/play/playLayout';

const FRAMES: [number, number][] = [
  [640, 360],
  [800, 450],
  [854, 480],
  [960, 540],
  [360, 640],
  [390, 844],
];

const inside = (inner: Rect, outer: Rect) => inner.x >= outer.x - 0.5 && inner.y >= outer.y - 0.5 && inner.x + inner.width <= outer.x + outer.width + 0.5 && inner.y + inner.height <= outer.y + outer.height + 0.5;

describe.each(FRAMES)('a %i×%i frame', (width, height) => {
  const layout = computeLayout(width, height - EMBED_BAR_PX);

  it('keeps landscape play in landscape with room for the board, and text of at least 12 px', () => {
    const play = playLayout(layout);
    expect(fontPx(layout, 'body')).toBeGreaterThanOrEqual(12);
    if (width > height) expect(play.portrait).toBe(false);
    expect(play.board.height).toBeGreaterThan(layout.buttonHeight * 2);
    for (const rect of [play.banner, play.board, play.strip, play.palette, play.side, play.tools, play.primary]) {
      expect(rect.height).toBeGreaterThanOrEqual(0);
      expect(inside(rect, { x: 0, y: 0, width: layout.width, height: layout.height })).toBe(true);
    }
  });

  it('draws of the score breakdown only what fits in its panel, above the buttons', () => {
    const dl = debriefLayout(layout);
    const st = scoreTabLayout(dl.inner, layout);
    const bd = breakdownLayout(st.breakdown, layout);
    const drawn = [...(bd.shown.rows ? [bd.title, ...bd.rows] : []), ...(bd.shown.formula ? [bd.formula] : [])];
    for (const rect of drawn) expect(inside(rect, dl.body)).toBe(true);
    if (bd.shown.formula) expect(bd.formula.height).toBeGreaterThanOrEqual(fontPx(layout, 'body') * 2.4);
    expect(dl.body.y + dl.body.height).toBeLessThanOrEqual(dl.actions.retry.y);
  });
});

it('portrait phones keep the 17 px text floor; short landscape frames go below it', () => {
  expect(fontPx(computeLayout(360, 640 - EMBED_BAR_PX), 'body')).toBeGreaterThanOrEqual(17);
  expect(computeLayout(640, 360 - EMBED_BAR_PX).scale).toBeLessThan(0.85);
});
