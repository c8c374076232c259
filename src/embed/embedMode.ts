// Small pure helpers of embedding: whether the page is framed, the progress summary the host page gets,
// and the height an embedded game asks its frame for.
import type { ProgressSummary } from './bridge';

/** True inside an iframe (a cross-origin parent makes `top` unreadable: that is framed too). */
export function isFramed(win: { self: unknown; top: unknown; parent: unknown }): boolean {
  try {
    return win.self !== win.top || win.parent !== win.self;
  } catch {
    return true;
  }
}

/** Finished levels (at least one star), the scope's size and stars earned, over the given levels only. */
export function progressSummary(levels: Readonly<Record<string, { stars?: number } | undefined>>, levelIds: readonly string[]): ProgressSummary {
  let completed = 0;
  let stars = 0;
  for (const id of levelIds) {
    const earned = levels[id]?.stars ?? 0;
    if (earned >= 1) completed += 1;
    stars += earned;
  }
  return { completed, total: levelIds.length, stars };
}

/** The embed bar's height in CSS pixels (src/page.css, #kc-embed-bar). */
export const EMBED_BAR_PX = 30;

/**
 * The height the game asks its frame for (`resize`, `lti.frameResize`), from the frame's width alone so a
 * host that follows it never starts a loop: 16:9 from 640 px wide, 16:9 upright (a phone) below, never
 * under 360 px of game; plus the embed bar.
 */
export function preferredFrameHeight(width: number): number {
  const w = Math.max(1, Math.round(width));
  const game = w >= 640 ? Math.round((w * 9) / 16) : Math.round((w * 16) / 9);
  return Math.max(360, game) + EMBED_BAR_PX;
}
