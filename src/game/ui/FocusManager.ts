// Keyboard focus for one screen's widgets: Tab / Shift+Tab in reading order, arrows to the nearest item
// in that direction (or to adjust a slider), Enter / Space to activate. It knows widgets only through
// the Focusable interface, so it is independent of Phaser and unit-tested.
import type { Rect } from '../layout';
import { nextInDirection, nextInOrder, type Direction } from './spatialNavigation';

export interface Focusable {
  readonly id: string;
  bounds(): Rect;
  isEnabled(): boolean;
  /** `visible`: draw the focus ring (keyboard focus) or not (focus that followed a click). */
  setFocused(focused: boolean, visible: boolean): void;
  activate(): void;
  /** Left/right on an adjustable widget (a slider) changes its value instead of moving focus. */
  adjust?(step: -1 | 1): boolean;
  /** What a screen reader should hear when this gets focus. */
  describe(): string;
  /** What it is, explained (the callout's words on hover, focus and tap): the twin's description. */
  explain?(): string;
  /** Toggle / chosen state for the accessible twin (aria-pressed, aria-current). */
  ariaState?(): { pressed?: boolean; current?: boolean };
  /** Whether a picture of the widget stands in for its children now (see ui/picture.ts). */
  isPictured?(): boolean;
}

export interface FocusManagerOptions {
  announce?: (text: string) => void;
  /** Announce focus moves through `announce` (off when an accessible twin takes page focus instead). */
  announceFocus?: () => boolean;
  /** Focus moved to an item (the accessible twin follows). */
  onFocus?: (id: string) => void;
  /** Items were added, removed or changed their description (the accessible twin re-renders). */
  onItemsChanged?: () => void;
  /** When true, Tab past the last item leaves the canvas (to the page's notices) instead of wrapping. */
  canLeaveByTab?: () => boolean;
}

const ARROWS: Record<string, Direction> = { ArrowUp: 'up', ArrowDown: 'down', ArrowLeft: 'left', ArrowRight: 'right' };

export class FocusManager {
  private items: Focusable[] = [];
  private current = -1;
  private ringVisible = false;
  private defaultId: string | undefined;

  constructor(private readonly options: FocusManagerOptions = {}) {}

  add<T extends Focusable>(item: T): T {
    this.items.push(item);
    this.options.onItemsChanged?.();
    return item;
  }

  /** Forgets every item (before a screen rebuilds); `focusedId` remembers what to restore. */
  clear(): void {
    this.items = [];
    this.current = -1;
    this.options.onItemsChanged?.();
  }

  /**
   * A part of the screen was drawn again: `added` (already added at the end) take the place of `removed` in
   * the focus order, and focus stays on the item with the focused id (without announcing it again).
   */
  replace(removed: readonly Focusable[], added: readonly Focusable[]): void {
    const focused = this.focused;
    const focusedId = focused?.id;
    const visible = this.ringVisible;
    const gone = new Set<Focusable>(removed);
    const fresh = new Set<Focusable>(added);
    const first = this.items.findIndex((item) => gone.has(item));
    const kept = this.items.filter((item) => !gone.has(item) && !fresh.has(item));
    const at = first < 0 ? kept.length : this.items.slice(0, first).filter((item) => !gone.has(item) && !fresh.has(item)).length;
    kept.splice(at, 0, ...added);
    this.items = kept;
    this.current = -1;
    const index = focusedId === undefined ? -1 : this.items.findIndex((item) => item.id === focusedId);
    if (index >= 0 && this.items[index] === focused) this.current = index;
    else if (index >= 0) this.moveTo(index, visible, false);
    else this.ringVisible = false;
    this.options.onItemsChanged?.();
  }

  /** The items in focus order. */
  list(): readonly Focusable[] {
    return this.items;
  }

  /** Focuses an item without announcing it (its accessible twin got page focus from a screen reader). */
  followTwin(id: string): void {
    const index = this.items.findIndex((item) => item.id === id);
    if (index >= 0 && index !== this.current) this.moveTo(index, true, false, false);
  }

  /** Activates an item by id (its accessible twin was clicked). */
  activateById(id: string): void {
    const item = this.items.find((candidate) => candidate.id === id);
    if (item && item.isEnabled()) item.activate();
  }

  get focused(): Focusable | undefined {
    return this.items[this.current];
  }

  get focusedId(): string | undefined {
    return this.focused?.id;
  }

  get focusVisible(): boolean {
    return this.ringVisible;
  }

  /** The item the first key press goes to (the screen's main action). */
  setDefault(id: string | undefined): void {
    this.defaultId = id;
  }

  focus(id: string, visible = true, announce = true): boolean {
    const index = this.items.findIndex((item) => item.id === id && item.isEnabled());
    if (index < 0) return false;
    this.moveTo(index, visible, announce);
    return true;
  }

  blur(): void {
    this.focused?.setFocused(false, false);
    this.current = -1;
    this.ringVisible = false;
  }

  handleKey(event: Pick<KeyboardEvent, 'key' | 'shiftKey'>): boolean {
    const key = event.key;
    if (key === 'Tab') return this.tab(event.shiftKey ? -1 : 1);
    const direction = ARROWS[key];
    if (direction) return this.arrow(direction);
    if (key === 'Enter' || key === ' ' || key === 'Spacebar') {
      const item = this.focused;
      if (!item || !item.isEnabled()) return false;
      if (!this.ringVisible) this.moveTo(this.current, true, false);
      item.activate();
      return true;
    }
    if (key === 'Home' || key === 'End') {
      const index = nextInOrder(this.items.length, -1, key === 'Home' ? 1 : -1, (i) => this.enabled(i));
      if (index === undefined) return false;
      this.moveTo(index, true);
      return true;
    }
    return false;
  }

  private tab(step: 1 | -1): boolean {
    if (this.items.length === 0) return false;
    if (this.current < 0 || !this.ringVisible) {
      if (this.current < 0 && step === 1 && this.focusDefault()) return true;
      if (this.current >= 0) {
        this.moveTo(this.current, true);
        return true;
      }
    }
    // Leaving: no enabled item beyond the current one in that direction (the current one may be disabled:
    // a screen reader, or Tab coming in from the page, can land on a disabled widget's twin).
    const leaving = this.current >= 0 && !this.items.some((_, i) => (step === 1 ? i > this.current : i < this.current) && this.enabled(i));
    if (leaving && this.options.canLeaveByTab?.()) {
      this.blur();
      return false;
    }
    const index = nextInOrder(this.items.length, this.current, step, (i) => this.enabled(i));
    if (index === undefined) return false;
    this.moveTo(index, true);
    return true;
  }

  private arrow(direction: Direction): boolean {
    if (this.items.length === 0) return false;
    const item = this.focused;
    if (!item) return this.focusDefault();
    if (!this.ringVisible) {
      this.moveTo(this.current, true);
      return true;
    }
    if ((direction === 'left' || direction === 'right') && item.adjust) {
      if (item.adjust(direction === 'left' ? -1 : 1)) {
        this.options.announce?.(item.describe());
        this.options.onItemsChanged?.();
        return true;
      }
    }
    const rects = this.items.map((candidate, i) => (this.enabled(i) ? candidate.bounds() : { x: -1e9, y: -1e9, width: 0, height: 0 }));
    const index = nextInDirection(rects, this.current, direction);
    if (index === undefined || !this.enabled(index)) return true;
    this.moveTo(index, true);
    return true;
  }

  private focusDefault(): boolean {
    if (this.defaultId && this.focus(this.defaultId, true)) return true;
    const first = nextInOrder(this.items.length, -1, 1, (i) => this.enabled(i));
    if (first === undefined) return false;
    this.moveTo(first, true);
    return true;
  }

  private enabled(index: number): boolean {
    return this.items[index]?.isEnabled() ?? false;
  }

  private moveTo(index: number, visible: boolean, announce = true, moveTwin = true): void {
    const previous = this.focused;
    if (previous && this.items[index] !== previous) previous.setFocused(false, false);
    this.current = index;
    this.ringVisible = visible;
    const item = this.items[index];
    if (!item) return;
    item.setFocused(true, visible);
    if (announce && (this.options.announceFocus?.() ?? true)) this.options.announce?.(item.describe());
    if (moveTwin && visible) this.options.onFocus?.(item.id);
  }
}
