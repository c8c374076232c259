// The plain-HTML loading screen of index.html (painted before any script): the bar moves on once the
// game's code runs, and the screen leaves the page in the frame the game's first screen is drawn in.
// A startup problem (startupGuard.ts) sits above it, so a message is never hidden behind it.

export interface LoadingScreen {
  /** The game has drawn its first frame (its own loading bar or the menu): remove the loading screen. */
  done(): void;
  /** Resolves once the loading screen has left the page. */
  readonly gone: Promise<void>;
}

/**
 * The loading screen leaves at once, without a fade: the first screen is already drawn under it, and a fade
 * had the page composite the screen over the canvas for a quarter of a second right when the player's first
 * key arrives (issue 16: the first key's frame came 169 ms after the ready mark at 4× throttling with the
 * fade, 135 ms without; medians of 7).
 */
export function takeOverLoadingScreen(doc: Document): LoadingScreen {
  const element = doc.getElementById('kc-loading');
  element?.classList.add('kc-loading--running');
  let finished = false;
  let settle: () => void = () => {};
  const gone = new Promise<void>((resolve) => (settle = resolve));
  if (!element) settle();
  return {
    gone,
    done: () => {
      if (!element || finished) return;
      finished = true;
      element.setAttribute('aria-busy', 'false');
      element.remove();
      settle();
    },
  };
}
