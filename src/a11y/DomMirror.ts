// The accessible twin of the canvas: for the screen the player sees, a landmark with its title and one real
// <button> per focusable widget, in focus order, with the widget's accessible name. Keyboard focus moves
// the page focus to the twin button, so a screen reader reads it; a screen reader's own click on a twin
// activates the widget. Screens may add text regions (a description of the board) and announce events.
// The twins are visually hidden: the canvas draws the focus ring.

export interface MirrorItem {
  id: string;
  label: string;
  enabled: boolean;
  /** What the item is, explained (read after its name): aria-description. */
  description?: string;
  /** `pressed` for toggles, `current` for the chosen item of a group. */
  state?: { pressed?: boolean; current?: boolean };
}

export interface MirrorCallbacks {
  /** The twin got page focus (a screen reader moved there): focus the widget without announcing. */
  focus(id: string): void;
  /** The twin was clicked without a key press (a screen reader's activation): activate the widget. */
  activate(id: string): void;
}

/** Marks elements whose keys go to the game (see KeyboardRouter.isDomControl). */
export const MIRROR_ATTRIBUTE = 'data-kc-mirror';

export class DomMirror {
  private readonly root: HTMLElement;
  private readonly heading: HTMLHeadingElement;
  private readonly list: HTMLElement;
  private readonly regions: HTMLElement;
  private readonly polite: HTMLElement;
  private readonly assertive: HTMLElement;
  private buttons = new Map<string, HTMLButtonElement>();
  private callbacks: MirrorCallbacks | null = null;
  private renderedKey = '';

  /** `mayTakeFocus`: whether moving page focus to a twin is allowed now (an embedded game: only once the
   * player has put focus in its frame; without it, always). */
  constructor(
    private readonly doc: Document,
    parent: HTMLElement,
    private readonly mayTakeFocus: () => boolean = () => true,
  ) {
    this.root = doc.createElement('main');
    this.root.id = 'kc-a11y';
    this.root.className = 'kc-sr-only';
    this.heading = doc.createElement('h1');
    this.list = doc.createElement('div');
    this.list.setAttribute('role', 'group');
    this.regions = doc.createElement('div');
    this.polite = doc.createElement('div');
    this.polite.setAttribute('role', 'log');
    this.polite.setAttribute('aria-live', 'polite');
    this.assertive = doc.createElement('div');
    this.assertive.setAttribute('role', 'alert');
    this.root.append(this.heading, this.list, this.regions, this.polite, this.assertive);
    parent.append(this.root);
  }

  /** Shows a screen: its title (the landmark's name) and its widgets, in focus order. */
  render(title: string, items: readonly MirrorItem[], callbacks: MirrorCallbacks): void {
    this.callbacks = callbacks;
    if (this.heading.textContent !== title) this.heading.textContent = title;
    setAttribute(this.root, 'aria-label', title);
    setAttribute(this.list, 'aria-label', title);
    const key = JSON.stringify([title, items]);
    if (key === this.renderedKey) return;
    this.renderedKey = key;
    const focusedId = this.focusedId();
    const next = new Map<string, HTMLButtonElement>();
    // Only what changed is written: a twin set to the words it already has is laid out again all the same,
    // and a screen of dozens of widgets (a board of many apps) changes one or two of them at a time.
    for (const item of items) {
      const button = this.buttons.get(item.id) ?? this.createButton(item.id);
      if (button.textContent !== item.label) button.textContent = item.label;
      setAttribute(button, 'aria-disabled', String(!item.enabled));
      setAttribute(button, 'aria-description', item.description || null);
      setAttribute(button, 'aria-pressed', item.state?.pressed !== undefined ? String(item.state.pressed) : null);
      setAttribute(button, 'aria-current', item.state?.current ? 'true' : null);
      next.set(item.id, button);
    }
    this.buttons = next;
    const children = this.list.children;
    let index = 0;
    const sameOrder = children.length === next.size && [...next.values()].every((button) => children[index++] === button);
    if (!sameOrder) this.list.replaceChildren(...next.values());
    if (focusedId && next.has(focusedId)) this.focusTwin(focusedId);
  }

  /** Moves page focus to a widget's twin, so screen readers read it. */
  focusTwin(id: string): void {
    const button = this.buttons.get(id);
    if (!button || this.doc.activeElement === button || !this.mayTakeFocus()) return;
    this.suppressFocusEvent = true;
    button.focus({ preventScroll: true });
    this.suppressFocusEvent = false;
  }

  /** A named text region (e.g. the built stack and each app's packet path), replaced as a whole. */
  setRegion(id: string, heading: string, lines: readonly string[]): void {
    let section = this.regions.querySelector<HTMLElement>(`section[data-region="${id}"]`);
    if (!section) {
      section = this.doc.createElement('section');
      section.dataset.region = id;
      const title = this.doc.createElement('h2');
      title.id = `kc-region-${id}`;
      section.setAttribute('aria-labelledby', title.id);
      section.append(title, this.doc.createElement('ul'));
      this.regions.append(section);
    }
    const title = section.querySelector('h2');
    if (title && title.textContent !== heading) title.textContent = heading;
    const list = section.querySelector('ul');
    if (!list) return;
    if (list.children.length === lines.length && lines.every((line, index) => list.children[index]!.textContent === line)) return;
    list.replaceChildren(
      ...lines.map((line) => {
        const entry = this.doc.createElement('li');
        entry.textContent = line;
        return entry;
      }),
    );
  }

  removeRegion(id: string): void {
    this.regions.querySelector(`section[data-region="${id}"]`)?.remove();
  }

  clearRegions(): void {
    this.regions.replaceChildren();
  }

  /** Polite news (deliveries, drops, bursts, the score); `urgent` for breaches. */
  announce(text: string, urgent = false): void {
    const target = urgent ? this.assertive : this.polite;
    const entry = this.doc.createElement('p');
    entry.textContent = text;
    target.append(entry);
    // Keep the logs short; assistive technology has already read what scrolled away.
    while (target.childElementCount > 8) target.firstElementChild?.remove();
  }

  private suppressFocusEvent = false;

  private focusedId(): string | undefined {
    const active = this.doc.activeElement;
    for (const [id, button] of this.buttons) if (button === active) return id;
    return undefined;
  }

  private createButton(id: string): HTMLButtonElement {
    const button = this.doc.createElement('button');
    button.type = 'button';
    button.setAttribute(MIRROR_ATTRIBUTE, id);
    button.addEventListener('focus', () => {
      if (!this.suppressFocusEvent) this.callbacks?.focus(id);
    });
    button.addEventListener('click', (event) => {
      // Key presses are handled (and their click prevented) by the game's keyboard router; a click that
      // still arrives came from a pointer or a screen reader.
      event.preventDefault();
      if (button.getAttribute('aria-disabled') !== 'true') this.callbacks?.activate(id);
    });
    return button;
  }
}

/** Sets an attribute (removes it for null) unless it already has that value. */
function setAttribute(element: HTMLElement, name: string, value: string | null): void {
  if (value === null) {
    if (element.hasAttribute(name)) element.removeAttribute(name);
  } else if (element.getAttribute(name) !== value) element.setAttribute(name, value);
}
