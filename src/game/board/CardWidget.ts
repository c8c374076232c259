// A focusable widget whose look is drawn by its owner: board pieces, app cards, palette items. It keeps
// the shell's behaviour (hover, press, Enter/Space, focus ring, screen-reader description) and lets the
// owner add texts inside it; the draw callback gets the current state so hover and focus can ease in.
// A card may explain itself (issue 17): its words show in the screen's one callout (ui/Explainer.ts) on
// mouse hover and on keyboard focus, and each of its icons (`explainParts`) explains itself on hover and on
// a touch tap, which then neither activates the card nor starts a drag (see `onPress`).
import Phaser from 'phaser';
import type { Rect } from '../layout';
import { explainerOf, type Explainer } from '../ui/Explainer';
import type { UiKit } from '../ui/UiKit';
import { Widget } from '../ui/Widget';

/** An icon inside a card that explains itself: its box on screen and its words. */
export interface ExplainPart {
  rect: Rect;
  text: () => string;
}

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
  /** What the card is, in a few words: shown on hover and keyboard focus, and given to screen readers. */
  explain?: () => string;
  /** The callout's words on keyboard focus when shorter than `explain` and the icons' words together. */
  explainFocus?: () => string;
  /** Icons inside the card that explain themselves (hover; a touch tap shows or hides their words); more
   * may be added with `explainPart`. Only a card with `explain` listens to the pointer for them. */
  explainParts?: ExplainPart[];
}

export class CardWidget extends Widget {
  readonly plate: Phaser.GameObjects.Graphics;
  private readonly options: CardOptions;
  /** Icons inside the card that explain themselves. */
  private readonly parts: ExplainPart[];
  /** The press being handled went to an icon's explanation (not to the card). */
  private pressExplained = false;
  /**
   * An app card's instance count and booting words changed during a run: updates them in place (they are
   * live labels above the run's still picture) and returns true, or false when the card must be drawn again
   * (its container walls stack differently, or the count no longer fits the room kept for it).
   */
  refreshCounts: ((count: number, booting: number) => boolean) | null = null;

  constructor(scene: Phaser.Scene, kit: UiKit, options: CardOptions) {
    const widgetKit = options.grow === false ? { ...kit, motion: { ...kit.motion, hoverScale: 1 } } : kit;
    super(scene, widgetKit, options.id, options.rect, options.enabled ?? true);
    this.options = options;
    this.parts = [...(options.explainParts ?? [])];
    this.plate = scene.add.graphics();
    this.add(this.plate);
    this.redraw();
    if (options.explain) {
      const hover = (pointer: Phaser.Input.Pointer) => this.hoverExplain(pointer);
      this.on(Phaser.Input.Events.GAMEOBJECT_POINTER_OVER, hover);
      this.on(Phaser.Input.Events.GAMEOBJECT_POINTER_MOVE, hover);
      this.on(Phaser.Input.Events.GAMEOBJECT_POINTER_OUT, () => this.explainer.hide(this.id, 'hover'));
    }
  }

  private get explainer(): Explainer {
    return explainerOf(this.scene, this.kit);
  }

  /** Adds an icon that explains itself (its box on screen; empty words are left out). */
  explainPart(rect: Rect, text: () => string): void {
    this.parts.push({ rect, text });
  }

  /** Listens to presses on the card that are not a tap on one of its icons (drags start here). */
  onPress(handler: (pointer: Phaser.Input.Pointer) => void): this {
    this.on(Phaser.Input.Events.GAMEOBJECT_POINTER_DOWN, (pointer: Phaser.Input.Pointer) => {
      if (!this.pressExplained) handler(pointer);
    });
    return this;
  }

  /** The explanation for screen readers: the card's, then its icons'. */
  explain(): string {
    const words = [this.options.explain?.() ?? '', ...this.parts.map((part) => part.text())].filter(Boolean);
    // An icon whose words another icon already says (the untrusted sign and the card's words) once.
    return words.filter((word, index) => words.indexOf(word) === index && !words.some((other) => other.length > word.length && other.includes(word))).join(' ');
  }

  private partAt(pointer: Phaser.Input.Pointer): number {
    return this.parts.findIndex(({ rect }) => pointer.x >= rect.x && pointer.x <= rect.x + rect.width && pointer.y >= rect.y && pointer.y <= rect.y + rect.height);
  }

  private hoverExplain(pointer: Phaser.Input.Pointer): void {
    // A touch has no hover: its tap explains an icon (onPointerDown), or acts on the card. A drag passing
    // over cards explains none of them.
    if (!this.scene || pointer.wasTouch || pointer.isDown) return;
    const index = this.partAt(pointer);
    const part = index >= 0 ? this.parts[index] : undefined;
    const source = part ? `${this.id}#${index}` : this.id;
    if (this.explainer.visible?.source === source) return;
    if (part) this.explainer.show(source, part.text(), part.rect, 'hover');
    else if (this.options.explain) this.explainer.show(source, this.options.explain(), this.options.rect, 'hover');
    else this.explainer.hide(this.id, 'hover');
  }

  protected override onPointerDown(pointer: Phaser.Input.Pointer): void {
    const index = pointer.wasTouch ? this.partAt(pointer) : -1;
    const found = index >= 0 ? this.parts[index] : undefined;
    // An icon over the card's centre (a short card's line of words) leaves taps to the card: a tap in the
    // middle always picks, selects or places, as before; that icon explains itself on hover and focus.
    const { rect } = this.options;
    const centre = { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
    const part = found && !(centre.x >= found.rect.x && centre.x <= found.rect.x + found.rect.width && centre.y >= found.rect.y && centre.y <= found.rect.y + found.rect.height) ? found : undefined;
    this.pressExplained = part !== undefined;
    if (part) {
      // A tap on an icon explains it: the card is not pressed (no activation, no drag).
      this.explainer.toggleTap(`${this.id}#${index}`, part.text(), part.rect);
      return;
    }
    super.onPointerDown(pointer);
  }

  override setFocused(focused: boolean, visible: boolean): void {
    super.setFocused(focused, visible);
    if (!this.scene || !this.options?.explain) return;
    // Keyboard focus (the ring shows) explains the card; focus that followed a click does not.
    if (focused && visible) this.explainer.show(this.id, this.options.explainFocus?.() ?? this.explain(), this.options.rect, 'focus');
    else if (!focused) this.explainer.blurred(this.id);
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
