// The Play screen's rectangles for a laptop, a projector and a portrait tablet: everything on screen,
// nothing overlapping, the board large enough to follow packets, the portrait window stacked.
import { describe, expect, it } from 'vitest';
import { computeLayout, type Rect } from '../../../src/game/layout';
import { briefLayout, playLayout, stackRows } from '../../../src/game/play/playLayout';

const SIZES: Array<[number, number]> = [
  [1280, 720],
  [1920, 1080],
  [768, 1024],
  [1024, 768],
  [1366, 768],
];

const inside = (rect: Rect, width: number, height: number) =>
  rect.x >= 0 && rect.y >= 0 && rect.x + rect.width <= width + 0.5 && rect.y + rect.height <= height + 0.5 && rect.width > 0 && rect.height > 0;

const overlap = (a: Rect, b: Rect) =>
  a.x < b.x + b.width - 0.5 && b.x < a.x + a.width - 0.5 && a.y < b.y + b.height - 0.5 && b.y < a.y + a.height - 0.5;

describe('play layout', () => {
  for (const [width, height] of SIZES) {
    it(`${width}×${height}: every area on screen, below the top bar, none overlapping`, () => {
      const layout = computeLayout(width, height);
      const play = playLayout(layout);
      const areas = { banner: play.banner, board: play.board, strip: play.strip, palette: play.palette, side: play.side, tools: play.tools, primary: play.primary };
      const entries = Object.entries(areas);
      for (const [name, rect] of entries) {
        expect(inside(rect, width, height), name).toBe(true);
        expect(rect.y, name).toBeGreaterThanOrEqual(layout.topBar.y + layout.topBar.height);
      }
      for (let i = 0; i < entries.length; i += 1) {
        for (let j = i + 1; j < entries.length; j += 1) {
          expect(overlap(entries[i][1], entries[j][1]), `${entries[i][0]} × ${entries[j][0]}`).toBe(false);
        }
      }
      // The board is the biggest thing on the screen.
      const boardArea = play.board.width * play.board.height;
      for (const [name, rect] of entries) if (name !== 'board') expect(boardArea, name).toBeGreaterThan(rect.width * rect.height);
      expect(play.board.height).toBeGreaterThan(250 * layout.scale);
      // Buttons stay touch-sized.
      expect(play.primary.height).toBeGreaterThanOrEqual(44);
    });
  }

  it('stacks the palette and panels below the board on a portrait tablet', () => {
    const play = playLayout(computeLayout(768, 1024));
    expect(play.portrait).toBe(true);
    expect(play.palette.y).toBeGreaterThan(play.board.y + play.board.height);
    expect(play.side.y).toBeGreaterThan(play.board.y + play.board.height);
    expect(play.board.width).toBeGreaterThan(700);
  });

  it('keeps the board between the palette and the panels in landscape', () => {
    for (const [width, height] of [[1280, 720], [1920, 1080]] as const) {
      const play = playLayout(computeLayout(width, height));
      expect(play.portrait).toBe(false);
      expect(play.palette.x + play.palette.width).toBeLessThanOrEqual(play.board.x);
      expect(play.board.x + play.board.width).toBeLessThanOrEqual(play.side.x);
      expect(play.board.width).toBeGreaterThan(width * 0.45);
    }
  });

  it('scales with the window: the projector layout is the laptop layout, bigger', () => {
    const small = playLayout(computeLayout(1280, 720));
    const big = playLayout(computeLayout(1920, 1080));
    expect(big.board.width / small.board.width).toBeGreaterThan(1.4);
    expect(big.palette.width / small.palette.width).toBeGreaterThan(1.3);
  });
});

describe('brief layout', () => {
  for (const [width, height] of SIZES) {
    it(`${width}×${height}: the card and its parts are on screen and apart`, () => {
      const layout = computeLayout(width, height);
      const brief = briefLayout(layout);
      for (const rect of [brief.card, brief.header, brief.left, brief.right, brief.actions]) expect(inside(rect, width, height)).toBe(true);
      expect(overlap(brief.left, brief.right)).toBe(false);
      expect(overlap(brief.header, brief.left)).toBe(false);
      expect(overlap(brief.left, brief.actions)).toBe(false);
      expect(overlap(brief.right, brief.actions)).toBe(false);
      expect(brief.stacked).toBe(layout.portrait);
    });
  }
});

describe('stackRows', () => {
  it('gives each row its height and the last what is left', () => {
    const rows = stackRows({ x: 0, y: 0, width: 100, height: 100 }, [20, 30, 0], 5);
    expect(rows.map((row) => [row.y, row.height])).toEqual([[0, 20], [25, 30], [60, 40]]);
  });
});
