// Which focusable item an arrow key moves to: the nearest item whose centre lies in that direction,
// preferring items in line with the current one. Pure, so the feel of keyboard navigation is tested.
import type { Rect } from '../layout';

export type Direction = 'up' | 'down' | 'left' | 'right';

export function nextInDirection(rects: readonly Rect[], from: number, direction: Direction): number | undefined {
  const origin = rects[from];
  if (!origin) return undefined;
  const ox = origin.x + origin.width / 2;
  const oy = origin.y + origin.height / 2;
  let best: number | undefined;
  let bestScore = Infinity;
  rects.forEach((rect, index) => {
    if (index === from) return;
    const cx = rect.x + rect.width / 2;
    const cy = rect.y + rect.height / 2;
    // A candidate must lie beyond the current item's edge in that direction (its centre past the edge),
    // so "right" never picks something merely a few pixels to the right of centre above or below.
    const beyond =
      direction === 'right' ? cx > origin.x + origin.width - 2
        : direction === 'left' ? cx < origin.x + 2
          : direction === 'down' ? cy > origin.y + origin.height - 2
            : cy < origin.y + 2;
    if (!beyond) return;
    const along = Math.abs(direction === 'left' || direction === 'right' ? cx - ox : cy - oy);
    const across = direction === 'left' || direction === 'right' ? Math.abs(cy - oy) : Math.abs(cx - ox);
    // Items in line (overlapping rows or columns) come first; then the nearest.
    const overlaps = direction === 'left' || direction === 'right'
      ? rect.y < origin.y + origin.height && rect.y + rect.height > origin.y
      : rect.x < origin.x + origin.width && rect.x + rect.width > origin.x;
    const score = along + (overlaps ? 0 : across * 2 + 1000);
    if (score < bestScore) {
      bestScore = score;
      best = index;
    }
  });
  return best;
}

/** Tab order: the next enabled index after `from`, wrapping; from nothing focused (-1), the first or last. */
export function nextInOrder(count: number, from: number, step: 1 | -1, enabled: (index: number) => boolean): number | undefined {
  const start = from < 0 ? (step === 1 ? -1 : count) : from;
  for (let i = 1; i <= count; i++) {
    const index = (((start + step * i) % count) + count) % count;
    if (enabled(index)) return index;
  }
  return undefined;
}
