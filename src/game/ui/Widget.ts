// The base of every focusable widget: a Phaser Container centred in its rectangle that tracks hover,
// press and focus, eases its scale on hover and focus (not with reduced motion; scaleEase.ts), activates on
// pointer release or Enter/Space, and registers itself with the screen's focus manager. A widget may keep a
// picture of itself at rest (see `cached`): the Canvas renderer then draws one image per frame instead of
// replaying its shapes and texts.
import Phaser from 'phaser';
import type { Rect } from '../layout';
import type { Focusable } from './FocusManager';
import { whenIdle } from './idleWork';
import { Picture, pictureArea } from './picture';
import { ScaleEase } from './scaleEase';
import type { UiKit } from './UiKit';

export abstract class Widget extends Phaser.GameObjects.Container implements Focusable {
  readonly id: string;
  protected readonly kit: UiKit;
  protected readonly rect: Rect;
  protected hovered = false;
  protected pressed = false;
  protected focused = false;
  protected ringVisible = false;
  protected enabled: boolean;
  private scaleEase: ScaleEase | null = null;
  /** The widget's picture at rest, shown instead of its children while it is neither scaled nor animating. */
  private picture: Picture | null = null;
  /** Whether the first picture is waiting for idle time (idleWork.ts). */
  private pictureDeferred = false;

  protected constructor(scene: Phaser.Scene, kit: UiKit, id: string, rect: Rect, enabled: boolean) {
    super(scene, rect.x + rect.width / 2, rect.y + rect.height / 2);
    this.id = id;
    this.kit = kit;
    this.rect = rect;
    this.enabled = enabled;
    scene.add.existing(this);
    this.setSize(rect.width, rect.height);
    this.setInteractive({ useHandCursor: enabled });
    this.on(Phaser.Input.Events.GAMEOBJECT_POINTER_OVER, () => this.setHovered(true));
    this.on(Phaser.Input.Events.GAMEOBJECT_POINTER_OUT, () => {
      this.pressed = false;
      this.setHovered(false);
    });
    this.on(Phaser.Input.Events.GAMEOBJECT_POINTER_DOWN, (pointer: Phaser.Input.Pointer) => this.onPointerDown(pointer));
    this.on(Phaser.Input.Events.GAMEOBJECT_POINTER_UP, () => {
      // Activate on release over the widget, like a native button (and as fullscreen requests require).
      if (this.pressed && this.enabled) {
        this.pressed = false;
        this.kit.focus.focus(this.id, false, false);
        this.activate();
        // Activating often redraws the whole screen, which destroys this widget.
        if (!this.scene) return;
      }
      this.pressed = false;
      this.redraw();
    });
    kit.focus.add(this);
  }

  bounds(): Rect {
    return this.rect;
  }

  isEnabled(): boolean {
    return this.enabled;
  }

  setFocused(focused: boolean, visible: boolean): void {
    if (!this.scene) return;
    this.focused = focused;
    this.ringVisible = focused && visible;
    this.animateScale();
    this.redraw();
  }

  activate(): void {
    if (!this.enabled) return;
    this.kit.onActivated();
    this.onActivate();
  }

  abstract describe(): string;
  protected abstract onActivate(): void;
  /** Draws the widget's children for its current state. */
  protected abstract draw(): void;

  /** Draws the widget for its current state (and refreshes its picture). */
  redraw(): void {
    if (!this.scene) return;
    this.showChildren();
    this.draw();
    this.settle();
  }

  /**
   * Whether the widget keeps a picture of itself while at rest. Worth it for widgets whose children are
   * many shapes and texts (buttons, level cards); not for an empty plate.
   */
  protected get cached(): boolean {
    return false;
  }

  /** How far the widget draws outside its rectangle (shadow, focus ring), in pixels. */
  protected get overhang(): number {
    return Math.ceil(14 * this.kit.layout.scale) + 4;
  }

  /** Whether the picture is standing in for the children now (for tests and the bench). */
  isPictured(): boolean {
    return this.picture?.shown === true;
  }

  /** At rest (unscaled, not easing) a cached widget shows its picture; otherwise its children. */
  private settle(): void {
    if (!this.cached || !this.scene) return;
    if (this.scaleEase || this.scaleX !== 1 || this.scaleY !== 1) {
      this.showChildren();
      return;
    }
    if (!this.picture) {
      // The first picture waits for idle time a moment after the screen appeared (idleWork.ts): the first
      // frames draw the children, and the player's first key is not held behind every widget's picture.
      if (this.pictureDeferred) return;
      this.pictureDeferred = true;
      whenIdle(() => {
        if (!this.scene) return;
        this.picture = new Picture(this.scene, (image) => this.addAt(image, 0));
        this.settle();
      });
      return;
    }
    const { width, height } = this.rect;
    this.picture.take(this.list, pictureArea(this.x - width / 2, this.y - height / 2, width, height, this.overhang), this.x, this.y);
  }

  private showChildren(): void {
    this.picture?.release();
  }

  protected onPointerDown(_pointer: Phaser.Input.Pointer): void {
    this.pressed = this.enabled;
    this.redraw();
  }

  private setHovered(hovered: boolean): void {
    if (!this.scene) return;
    this.hovered = hovered && this.enabled;
    this.animateScale();
    this.redraw();
  }

  private animateScale(): void {
    const target = this.enabled && (this.hovered || this.ringVisible) ? this.kit.motion.hoverScale : 1;
    this.scaleEase?.stop();
    this.scaleEase = null;
    if (this.kit.motion.hoverMs <= 0 || !this.scene || (this.scaleX === target && this.scaleY === target)) {
      this.setScale(target);
      return;
    }
    this.scaleEase = new ScaleEase(this, target, this.kit.motion.hoverMs, () => {
      this.scaleEase = null;
      this.settle();
    });
  }

  /** The focus ring: thick, in the focus colour, with a dark inner line so it shows on any fill. */
  protected drawFocusRing(g: Phaser.GameObjects.Graphics, radius: number): void {
    if (!this.ringVisible) return;
    const w = this.rect.width;
    const h = this.rect.height;
    const gap = Math.max(4, 5 * this.kit.layout.scale);
    const thickness = Math.max(3, 3.5 * this.kit.layout.scale);
    g.lineStyle(thickness, this.kit.palette.focusRing, 1);
    g.strokeRoundedRect(-w / 2 - gap, -h / 2 - gap, w + gap * 2, h + gap * 2, radius + gap);
    g.lineStyle(Math.max(1, thickness / 2.5), 0x000000, 0.9);
    g.strokeRoundedRect(-w / 2 - gap + thickness, -h / 2 - gap + thickness, w + (gap - thickness) * 2, h + (gap - thickness) * 2, Math.max(0, radius + gap - thickness));
  }
}
