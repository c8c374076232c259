// A screen that takes long to draw is drawn in slices (issue 15: no task of the game over 50 ms, whatever the
// level). A board of 64 apps took 110–130 ms in one task on the bench machine, most of it making and laying
// out texts; drawn as steps (a generator that yields between panels, pieces and app cards) it goes on at the
// next animation frame once a slice has taken BUILD_SLICE_MS, and the browser draws frames and takes input
// between (ScreenScene.rebuild). A screen that fits in one slice is drawn at once, exactly as before. While
// the rest is on its way the screen shows what it showed before (kept on show until the new one is
// complete), and keys wait, answered in order once it is.

/** Drawing steps: each `yield` is a point where the drawing may go on in a later frame. */
export type BuildSteps = Generator<void, void, undefined>;

/**
 * A slice of drawing ends at the first step that ends this long after the slice began (ms). A frame holds
 * the slice, Phaser's step and the browser's paint: with 20 ms slices the heaviest boards' openings had frame
 * intervals of 50–67 ms; with 12, 33 ms (bench `worstframes`).
 */
export const BUILD_SLICE_MS = 12;

/** Runs every step at once (a part of a screen drawn again on its own, a caller that needs the result now). */
export function runAll(steps: BuildSteps): void {
  while (!steps.next().done) {
    // Every step, in this task.
  }
}

/** Runs steps until they are done (true) or a step ends `budgetMs` or more after `startedAt` (false). */
export function runFor(steps: BuildSteps, startedAt: number, budgetMs = BUILD_SLICE_MS): boolean {
  for (;;) {
    if (steps.next().done) return true;
    if (performance.now() - startedAt >= budgetMs) return false;
  }
}
