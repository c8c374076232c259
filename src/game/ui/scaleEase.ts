// A widget's hover and focus growth: its scale eased from where it is to a target, Sine.easeOut, stepped by
// its scene's update event. It did this with a Phaser tween; building the first tween of a page runs much of
// Phaser's tween code for the first time (the builder, its value getters, the tween's data), and on the menu
// that was the player's first key: about 18 ms of its 40 ms of script at 4× CPU throttling (issue 16's first
// key within 100 ms of `ready`). An ease needs a start, an end and a clock. It names Phaser's events by
// their values ('update', 'destroy'), so it runs without Phaser (tests/game/ui/scaleEase.test.ts).

type Listener = (...args: never[]) => void;
interface Emitter {
  on(event: string, listener: Listener, context: unknown): unknown;
  once(event: string, listener: Listener, context: unknown): unknown;
  off(event: string, listener: Listener, context: unknown): unknown;
}
/** What an ease uses of a scene: its events (Phaser.Scenes.Events.UPDATE each step, with time and delta). */
export interface EaseScene {
  events: Emitter;
}
/** What an ease uses of a game object (a Phaser Container). */
export interface EaseTarget extends Emitter {
  scene: EaseScene;
  scaleX: number;
  setScale(scale: number): unknown;
}

/** Phaser.Scenes.Events.UPDATE and Phaser.GameObjects.Events.DESTROY. */
const UPDATE = 'update';
const DESTROY = 'destroy';

/** Eases running per scene: the frame gate (createGame.ts) draws a still screen while any is running. */
const running = new WeakMap<EaseScene, number>();

/** Whether an ease is changing a picture in `scene` now. */
export function easing(scene: EaseScene): boolean {
  return (running.get(scene) ?? 0) > 0;
}

/** Phaser's Sine.easeOut. */
function sineOut(progress: number): number {
  return Math.sin((progress * Math.PI) / 2);
}

export class ScaleEase {
  private readonly scene: EaseScene;
  private readonly from: number;
  private elapsed = 0;
  private done = false;

  /** Starts easing `target`'s scale to `to` over `ms`; `onComplete` runs when it gets there (not when stopped). */
  constructor(
    private readonly target: EaseTarget,
    private readonly to: number,
    private readonly ms: number,
    private readonly onComplete: () => void,
  ) {
    this.scene = target.scene;
    this.from = target.scaleX;
    running.set(this.scene, (running.get(this.scene) ?? 0) + 1);
    this.scene.events.on(UPDATE, this.step, this);
    target.once(DESTROY, this.stop, this);
  }

  /** Leaves the scale where it is now. */
  stop(): void {
    if (this.done) return;
    this.done = true;
    running.set(this.scene, (running.get(this.scene) ?? 1) - 1);
    this.scene.events.off(UPDATE, this.step, this);
    this.target.off(DESTROY, this.stop, this);
  }

  private step(_time: number, delta: number): void {
    this.elapsed += delta;
    const progress = Math.min(1, this.elapsed / this.ms);
    this.target.setScale(this.from + (this.to - this.from) * sineOut(progress));
    if (progress < 1) return;
    this.stop();
    this.onComplete();
  }
}
