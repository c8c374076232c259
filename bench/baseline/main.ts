// The benchmark's baseline: a bare Phaser 4 page whose one scene only moves N small images from point to
// point, the way the game moves packets between hops. `npm run bench` compares the game with it (boot time,
// frame time, download size). `?n=1000&renderer=canvas|webgl`.
import Phaser from 'phaser';

const params = new URLSearchParams(window.location.search);
const count = Math.max(0, Math.min(100_000, Number(params.get('n') ?? '1000') || 0));
const renderer = params.get('renderer') === 'webgl' ? Phaser.WEBGL : Phaser.CANVAS;

interface Mover {
  image: Phaser.GameObjects.Image;
  fromX: number;
  fromY: number;
  toX: number;
  toY: number;
  startMs: number;
  durationMs: number;
}

declare global {
  interface Window {
    baseline?: { ready: Promise<void>; count: number };
  }
}

let resolveReady: () => void = () => {};
window.baseline = { ready: new Promise<void>((resolve) => (resolveReady = resolve)), count };

class MoveScene extends Phaser.Scene {
  private movers: Mover[] = [];
  private seed = 1;
  private firstFrame = true;

  constructor() {
    super({ key: 'move' });
  }

  private random(): number {
    // A fixed sequence, so every run moves the same way.
    this.seed = (this.seed * 1103515245 + 12345) % 2147483648;
    return this.seed / 2147483648;
  }

  create(): void {
    const graphics = this.add.graphics();
    graphics.fillStyle(0xe69f00, 1);
    graphics.fillRect(0, 0, 10, 10);
    graphics.generateTexture('dot', 10, 10);
    graphics.destroy();
    for (let index = 0; index < count; index += 1) {
      const image = this.add.image(0, 0, 'dot');
      const mover: Mover = { image, fromX: 0, fromY: 0, toX: 0, toY: 0, startMs: 0, durationMs: 1 };
      this.retarget(mover, 0);
      this.movers.push(mover);
    }
  }

  private retarget(mover: Mover, nowMs: number): void {
    const { width, height } = this.scale;
    mover.fromX = mover.toX || this.random() * width;
    mover.fromY = mover.toY || this.random() * height;
    mover.toX = this.random() * width;
    mover.toY = this.random() * height;
    mover.startMs = nowMs;
    mover.durationMs = 400 + this.random() * 1200;
  }

  override update(time: number): void {
    for (const mover of this.movers) {
      let progress = (time - mover.startMs) / mover.durationMs;
      if (progress >= 1) {
        this.retarget(mover, time);
        progress = 0;
      }
      const eased = progress * progress * (3 - 2 * progress);
      mover.image.setPosition(mover.fromX + (mover.toX - mover.fromX) * eased, mover.fromY + (mover.toY - mover.fromY) * eased);
    }
    if (this.firstFrame) {
      this.firstFrame = false;
      // Ready once the first frame with every image has been drawn.
      requestAnimationFrame(() => {
        performance.mark('baseline-ready');
        resolveReady();
      });
    }
  }
}

new Phaser.Game({
  type: renderer,
  parent: 'game',
  backgroundColor: '#0b1630',
  scale: { mode: Phaser.Scale.RESIZE, width: '100%', height: '100%' },
  audio: { noAudio: true },
  banner: false,
  scene: [MoveScene],
});
