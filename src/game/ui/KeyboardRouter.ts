// Routes key presses from the window to the screen the player sees (the topmost active scene), and
// prevents the browser's default only for keys the game used. Keys typed into a DOM control (a notice's
// dismiss button, a file dialog) are left to the browser, so the page stays keyboard-accessible.

/** Returns true when the key was used (the browser's default action is then prevented). */
export type KeyHandler = (event: KeyboardEvent) => boolean;

const DOM_CONTROLS = new Set(['BUTTON', 'INPUT', 'SELECT', 'TEXTAREA', 'A', 'SUMMARY']);

export function isDomControl(target: EventTarget | null): boolean {
  if (!target || typeof target !== 'object' || !('tagName' in target)) return false;
  const element = target as HTMLElement;
  // The canvas's accessible twins (src/a11y/DomMirror.ts) are buttons whose keys belong to the game.
  if (typeof element.hasAttribute === 'function' && element.hasAttribute('data-kc-mirror')) return false;
  return DOM_CONTROLS.has(String(element.tagName).toUpperCase()) || element.isContentEditable === true;
}

export class KeyboardRouter {
  private readonly handlers = new Map<string, KeyHandler>();
  private lastInputWasKeyboard = false;
  private nextKeyThrows: string | null = null;

  /**
   * `onError`: what a key handler's exception goes to (the game's error screen, src/app/faultScreen.ts);
   * without it the error is written to the console. Either way the router keeps routing keys.
   */
  constructor(
    private readonly activeScreen: () => string | undefined,
    private readonly onError: (error: unknown) => void = (error) => console.error('Key handler failed', error),
  ) {}

  /** True when the player's last input was a key (new screens then show focus right away). */
  get keyboardMode(): boolean {
    return this.lastInputWasKeyboard;
  }

  /** Starts listening on the window; returns the function that stops. */
  attach(target: Pick<Window, 'addEventListener' | 'removeEventListener'>): () => void {
    const onKey = (event: Event) => this.dispatch(event as KeyboardEvent);
    const onPointer = () => {
      this.lastInputWasKeyboard = false;
    };
    target.addEventListener('keydown', onKey);
    target.addEventListener('pointerdown', onPointer, { capture: true });
    return () => {
      target.removeEventListener('keydown', onKey);
      target.removeEventListener('pointerdown', onPointer, { capture: true });
    };
  }

  /** A screen's handler; returns the function that removes it. */
  register(screenKey: string, handler: KeyHandler): () => void {
    this.handlers.set(screenKey, handler);
    return () => {
      if (this.handlers.get(screenKey) === handler) this.handlers.delete(screenKey);
    };
  }

  /** A testing aid (kernelCourier.throwInScene(message, 'key')): the next key a screen handles throws. */
  throwOnNextKey(message: string): boolean {
    this.nextKeyThrows = message;
    return true;
  }

  dispatch(event: KeyboardEvent): boolean {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return false;
    if (isDomControl(event.target)) return false;
    this.lastInputWasKeyboard = true;
    const key = this.activeScreen();
    const handler = key === undefined ? undefined : this.handlers.get(key);
    if (!handler) return false;
    let handled = false;
    try {
      if (this.nextKeyThrows !== null) {
        const message = this.nextKeyThrows;
        this.nextKeyThrows = null;
        throw new Error(message);
      }
      handled = handler(event);
    } catch (error) {
      // The key was meant for the game: the browser's default action would only add to the surprise.
      event.preventDefault();
      this.onError(error);
      return false;
    }
    if (handled) event.preventDefault();
    return handled;
  }
}
