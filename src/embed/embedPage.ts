// The page around an embedded game (mode=embed): a thin bar under the canvas with one quiet line (progress
// kept for this visit only, when the frame may not save), a fullscreen button where the frame allows it,
// and a small link that opens the full game in a new tab. Plain DOM after the canvas's accessible twin, so
// Tab reaches it after the game's last control and then leaves the frame. Text through i18next.

export type Translate = (key: string) => string;

export interface EmbedPage {
  /** Shows or hides the quiet "kept for this visit only" line. */
  setMemoryOnly(memoryOnly: boolean): void;
  /** Re-translates the bar (after a language change). */
  refresh(): void;
  readonly element: HTMLElement;
}

export function fullGameUrl(href: string, extra: Record<string, string | undefined>): string {
  const url = new URL(href);
  const kept = new URLSearchParams();
  const locale = url.searchParams.get('locale');
  if (locale) kept.set('locale', locale);
  for (const [name, value] of Object.entries(extra)) if (value !== undefined) kept.set(name, value);
  url.search = kept.toString();
  url.hash = '';
  return url.toString();
}

export function installEmbedPage(doc: Document, translate: Translate, fullUrl: string): EmbedPage {
  doc.documentElement.classList.add('kc-embed');
  const bar = doc.createElement('div');
  bar.id = 'kc-embed-bar';
  const quiet = doc.createElement('p');
  quiet.className = 'kc-embed-quiet';
  quiet.setAttribute('role', 'status');
  quiet.hidden = true;
  const fullscreen = doc.createElement('button');
  fullscreen.type = 'button';
  fullscreen.className = 'kc-embed-fullscreen';
  // Only where the embedding page allows it (`allow="fullscreen"` on the iframe).
  fullscreen.hidden = !doc.fullscreenEnabled;
  fullscreen.addEventListener('click', () => {
    if (doc.fullscreenElement) void doc.exitFullscreen?.().catch(() => undefined);
    else void doc.documentElement.requestFullscreen?.().catch(() => undefined);
  });
  doc.addEventListener('fullscreenchange', () => render());
  const link = doc.createElement('a');
  link.className = 'kc-embed-full';
  link.href = fullUrl;
  link.target = '_blank';
  link.rel = 'noopener';
  bar.append(quiet, fullscreen, link);
  // After the accessible twin and the notices: the end of the game's focus order.
  doc.body.append(bar);

  const render = () => {
    quiet.textContent = translate('embed:bar.memoryOnly');
    fullscreen.textContent = translate(doc.fullscreenElement ? 'embed:bar.exitFullscreen' : 'embed:bar.fullscreen');
    link.textContent = translate('embed:bar.openFull');
    link.setAttribute('aria-label', translate('embed:bar.openFullLabel'));
    link.title = translate('embed:bar.openFullLabel');
  };
  render();
  return {
    setMemoryOnly: (memoryOnly) => {
      quiet.hidden = !memoryOnly;
    },
    refresh: render,
    element: bar,
  };
}
