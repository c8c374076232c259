// A focusable widget whose look is drawn by its owner: board pieces, app cards, palette items. It keeps
// the shell's behaviour (hover, press, Enter/Space, focus ring, screen-reader description) and lets the
// owner add texts inside it; the draw callback gets the current state so hover and focus can ease in.
import Phaser from 'phaser';
import type { Rect } from '../layout';
import type { UiKit } from '../ui/UiKit';
import { Widget } from '../ui/Widget';

export interface CardState {
  hovered: boolean;
  pressed: boolean;
  focused: boolean;
  ring: boolean;
  enabled: boolean;
  /** Local drawing rectangle (centred on the widget). */
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface CardOptions {
  id: string;
  rect: Rect;
  enabled?: boolean;
  /** Radius for the focus ring. */
  radius: number;
  describe: () => string;
  onActivate: () => void;
  draw: (g: Phaser.GameObjects.Graphics, state: CardState) => void;
  /** Grow a little on hover and focus (default true; big board pieces do not). */
  grow?: boolean;
}

export class CardWidget extends Widget {
  readonly plate: Phaser.GameObjects.Graphics;
  private readonly options: CardOptions;

  constructor(scene: Phaser.Scene, kit: UiKit, options: CardOptions) {
    const widgetKit = options.grow === false ? { ...kit, motion: { ...kit.motion, hoverScale: 1 } } : kit;
    super(scene, widgetKit, options.id, options.rect, options.enabled ?? true);
    this.options = options;
    this.plate = scene.add.graphics();
    this.add(this.plate);
    this.redraw();
  }

  /** Adds a child (text, graphics) positioned in screen coordinates. */
  placeChild<T extends Phaser.GameObjects.GameObject & { x: number; y: number }>(child: T): T {
    child.x -= this.x;
    child.y -= this.y;
    this.add(child);
    return child;
  }

  describe(): string {
    return this.options.describe();
  }

  protected onActivate(): void {
    this.options.onActivate();
  }

  protected draw(): void {
    if (!this.plate) return;
    const { width, height } = this.rect;
    this.plate.clear();
    this.options.draw(this.plate, {
      hovered: this.hovered,
      pressed: this.pressed,
      focused: this.focused,
      ring: this.ringVisible,
      enabled: this.enabled,
      x: -width / 2,
      y: -height / 2,
      width,
      height,
    });
    this.drawFocusRing(this.plate, this.options.radius);
  }
}
