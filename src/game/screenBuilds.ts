// How many times a whole screen was drawn since the game started (ScreenScene.rebuild): read by
// kernelCourier.stats() so tests can tell a part of a screen drawn again (a run's speed buttons, its board
// after a breach: bakeStill.ts regions) from a whole new screen.
export const screenBuilds = { count: 0 };
