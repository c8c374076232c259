// The plain-HTML loading screen of index.html (painted before any script): the bar moves on once the
// game's code runs, fills when the first screen is ready, and the screen fades out and leaves the page.
// A startup problem (startupGuard.ts) sits above it, so a message is never hidden behind it.

export interface LoadingScreen {
  /** The game has drawn its first frame (its own loading bar or the menu): fade out and remove. */
  done(): void;
  /** Resolves once the loading screen has left the page. */
  readonly gone: Promise<void>;
}

export function takeOverLoadingScreen(doc: Document, reducedMotion: boolean): LoadingScreen {
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
      element.classList.add('kc-loading--done');
      element.setAttribute('aria-busy', 'false');
      element.classList.add('kc-loading--gone');
      const remove = () => {
        element.remove();
        settle();
      };
      if (reducedMotion) remove();
      else setTimeout(remove, 300);
    },
  };
}
