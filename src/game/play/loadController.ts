// The sandbox's load controller (`?mode=sandbox&packets=N`): keeps about N packets in flight on the board
// by scaling a load app's instances with `scale` commands. A small feedback loop: measure (smoothed), learn
// how many packets one ready instance keeps in flight, aim for the instance count that gives N, and move
// towards it in bounded steps at a steady pace, holding still inside a dead band. Pure, unit-tested.

export interface LoadControllerOptions {
  /** Packets wanted in flight. */
  target: number;
  /** Packets one instance is expected to keep in flight before any is measured. */
  perInstanceGuess: number;
  /** Decide at most once per this much board time. */
  intervalMs?: number;
  /** No change while the smoothed measurement is within this fraction of the target. */
  deadband?: number;
  /** Weight of a new measurement in the running average (0–1). */
  smoothing?: number;
  /** At most this fraction of the current instances is added or removed per decision (at least one). */
  maxStepFraction?: number;
  minInstances?: number;
  maxInstances?: number;
}

/** Instances to start with so that the first measurement is already near the target. */
export function initialLoadInstances(target: number, perInstanceGuess: number, maxInstances = 1000): number {
  if (!(target > 0) || !(perInstanceGuess > 0)) return 1;
  return Math.max(1, Math.min(maxInstances, Math.round(target / perInstanceGuess)));
}

export class LoadController {
  readonly target: number;
  private readonly intervalMs: number;
  private readonly deadband: number;
  private readonly smoothing: number;
  private readonly maxStepFraction: number;
  private readonly minInstances: number;
  private readonly maxInstances: number;
  private perInstance: number;
  private smoothed = -1;
  private lastDecisionMs = Number.NEGATIVE_INFINITY;

  constructor(options: LoadControllerOptions) {
    this.target = Math.max(0, options.target);
    this.perInstance = Math.max(0.01, options.perInstanceGuess);
    this.intervalMs = options.intervalMs ?? 1500;
    this.deadband = options.deadband ?? 0.06;
    this.smoothing = options.smoothing ?? 0.3;
    this.maxStepFraction = options.maxStepFraction ?? 0.5;
    this.minInstances = options.minInstances ?? 1;
    this.maxInstances = options.maxInstances ?? 1000;
  }

  /** The running average of what was measured (packets in flight). */
  get measured(): number {
    return Math.max(0, this.smoothed);
  }

  /**
   * Feeds one measurement (call every frame or so). Returns the instance count to scale to, or null to
   * leave it. `live` counts running and booting instances; `ready` only those serving now.
   */
  update(nowMs: number, inFlight: number, live: number, ready: number): number | null {
    if (this.smoothed < 0) {
      // The board starts empty and fills as the first packets travel: judge one interval later, not now.
      this.smoothed = inFlight;
      this.lastDecisionMs = nowMs;
      return null;
    }
    this.smoothed += (inFlight - this.smoothed) * this.smoothing;
    if (nowMs - this.lastDecisionMs < this.intervalMs) return null;
    // Wait for booting instances to join before judging again.
    if (live > ready) return null;
    this.lastDecisionMs = nowMs;
    if (ready > 0 && this.smoothed > 0) {
      // Learn slowly, so one noisy second does not swing the estimate.
      this.perInstance += (this.smoothed / ready - this.perInstance) * 0.5;
    }
    const error = this.target - this.smoothed;
    if (Math.abs(error) <= this.deadband * this.target) return null;
    const desired = Math.round(this.target / Math.max(0.01, this.perInstance));
    const step = Math.max(1, Math.ceil(live * this.maxStepFraction));
    let next = live + Math.max(-step, Math.min(step, desired - live));
    // Never against the error: while the estimate is still learning, `desired` can point the wrong way.
    next = error > 0 ? Math.max(live, next) : Math.min(live, next);
    next = Math.max(this.minInstances, Math.min(this.maxInstances, next));
    return next === live ? null : next;
  }
}
