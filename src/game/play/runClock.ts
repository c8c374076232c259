// The run's clock: a fixed-step accumulator between the browser's frames and the engine's 10 ms ticks.
// Board time advances by the frame's time × the chosen speed; the engine steps whole ticks; a cap on the
// ticks per frame keeps a slow frame from asking for ever more catch-up work (the "spiral of death").
// The board is drawn one tick behind the engine, plus the fraction of a tick the accumulator holds, so
// every hop of what is drawn is already known.

export const SPEEDS = [0, 1, 2, 4] as const;
export type Speed = (typeof SPEEDS)[number];

/** A frame longer than this (a background tab, a debugger pause) counts as this long. */
export const MAX_FRAME_MS = 250;

export class RunClock {
  speed: Speed = 1;
  private accumulatorMs = 0;
  /** Board ms dropped because a frame needed more ticks than the cap allows (for diagnostics). */
  droppedMs = 0;

  constructor(
    readonly tickMs: number,
    readonly maxTicksPerFrame = 24,
  ) {}

  /** Adds one frame's time; returns how many whole ticks the engine should step now. */
  advance(frameMs: number): number {
    if (this.speed === 0 || !(frameMs > 0)) return 0;
    this.accumulatorMs += Math.min(frameMs, MAX_FRAME_MS) * this.speed;
    let ticks = Math.floor(this.accumulatorMs / this.tickMs);
    if (ticks > this.maxTicksPerFrame) {
      // Too far behind: run the cap and forget the rest, so the next frame starts fresh.
      this.droppedMs += (ticks - this.maxTicksPerFrame) * this.tickMs;
      ticks = this.maxTicksPerFrame;
      this.accumulatorMs = this.accumulatorMs % this.tickMs;
    } else {
      this.accumulatorMs -= ticks * this.tickMs;
    }
    return ticks;
  }

  /** How far into the next tick board time is, 0 ≤ fraction < 1. */
  get fraction(): number {
    return Math.min(0.999, this.accumulatorMs / this.tickMs);
  }

  /** The board time to draw (µs), given the engine's current tick: one tick behind, plus the fraction. */
  drawTimeUs(engineTick: number): number {
    return Math.max(0, (engineTick - 1 + this.fraction) * this.tickMs * 1000);
  }

  reset(): void {
    this.accumulatorMs = 0;
    this.droppedMs = 0;
  }
}
