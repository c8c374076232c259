// Draws a still screen only when its picture may have changed (issue 16). The menu, the level list and the
// overlays above them look the same from one frame to the next unless the player does something, a tween
// or timer runs, or the screens change; yet Phaser redraws the whole canvas every frame, and the browser
// then commits it: at 4× CPU throttling about 25 ms of every 33 ms went to pictures nobody could tell apart,
// and the player's first key waited behind them. Screens that move (a run, the sandbox, the race view, the
// debrief's count-up) are drawn every frame as before. The rules are pure and unit-tested; createGame wires
// them to Phaser's step (a skipped frame still updates every scene, input included: only the drawing waits).

/** A still screen is drawn at least this often anyway (ms), so nothing the rules miss stays stale for long. */
export const STILL_REDRAW_MS = 250;
/** Frames drawn after anything that may change the picture (the change itself, and what follows from it). */
export const FRAMES_AFTER_CHANGE = 3;

export interface FrameState {
  /** Every scene on show stays still unless something happens to it. */
  still: boolean;
  /** A tween or timer is pending in a scene on show: this step may change the picture. */
  moving: boolean;
  /** The scenes on show and their states as one number: when it changes, so does the picture. */
  signature: number;
}

export class FrameGate {
  private pending = FRAMES_AFTER_CHANGE;
  private lastDrawn = Number.NEGATIVE_INFINITY;
  private lastSignature = Number.NaN;
  /** Frames drawn and left undrawn so far (kernelCourier.stats(), the bench). */
  drawn = 0;
  skipped = 0;

  constructor(private readonly stillRedrawMs = STILL_REDRAW_MS) {}

  /** Something may have changed the picture (input, a resize, a screen rebuilt): draw the next frames. */
  invalidate(frames = FRAMES_AFTER_CHANGE): void {
    if (frames > this.pending) this.pending = frames;
  }

  /**
   * A drawn step ended with the scenes on show as `signature`: its picture already shows them. A screen
   * started in a step is created and drawn in that same step (Phaser updates the scenes, then renders), so
   * the change seen at the next step's start is one the picture has: no frames are drawn again for it. The
   * first key on the menu waited behind such redraws of the same picture and their commits right after the
   * ready mark (about 20 ms each at 4× CPU throttling).
   */
  drewWith(signature: number, endedAt: number): void {
    this.lastSignature = signature;
    // A long step (a screen built in it) counts as drawn when it ended, not when it began.
    if (endedAt > this.lastDrawn) this.lastDrawn = endedAt;
  }

  /** Whether the frame at `now` (ms) must be drawn. */
  shouldDraw(now: number, state: FrameState): boolean {
    if (state.signature !== this.lastSignature) {
      // Changed since the last picture (in a step that was not drawn, or between steps): this frame shows it.
      this.lastSignature = state.signature;
      this.invalidate(1);
    }
    const draw = !state.still || state.moving || this.pending > 0 || now - this.lastDrawn >= this.stillRedrawMs;
    // A screen that is not still is drawn whole in this step: what invalidated the picture so far (the
    // window's first resize while the game boots, a key on the loading screen) is in it.
    if (!state.still) this.pending = 0;
    else if (this.pending > 0) this.pending -= 1;
    if (draw) {
      this.lastDrawn = now;
      this.drawn += 1;
    } else this.skipped += 1;
    return draw;
  }
}
