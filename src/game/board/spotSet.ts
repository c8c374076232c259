// The pixels the packet layer drew on one frame (issue 15: no garbage per frame in a crowded run).

/** Slots of SpotSet: a power of two, four times MAX_PACKETS_DRAWN (the most spots a frame adds, but for the
 * selected packet). */
export const SPOT_SLOTS = 8192;

/**
 * The pixels drawn on this frame, per kind: a set of numbers whose `clear` is one counter step. A Set's clear
 * and regrowth every frame made its tables anew each time (issue 15: garbage in a crowded run).
 */
export class SpotSet {
  private readonly keys = new Int32Array(SPOT_SLOTS);
  private readonly marks = new Uint32Array(SPOT_SLOTS);
  private frame = 1;

  clear(): void {
    this.frame += 1;
    if (this.frame >= 0xffff_ffff) {
      this.marks.fill(0);
      this.frame = 1;
    }
  }

  /** Adds `spot` (an int32); false if this frame already has it. */
  add(spot: number): boolean {
    let slot = (Math.imul(spot, 0x9e37_79b1) >>> 19) & (SPOT_SLOTS - 1);
    for (let probe = 0; probe < SPOT_SLOTS; probe += 1) {
      if (this.marks[slot] !== this.frame) {
        this.marks[slot] = this.frame;
        this.keys[slot] = spot;
        return true;
      }
      if (this.keys[slot] === spot) return false;
      slot = (slot + 1) & (SPOT_SLOTS - 1);
    }
    return true;
  }
}
