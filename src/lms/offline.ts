// The offline service worker (vite-plugin-pwa, vite.config.ts): registered once the page has loaded,
// except under an LMS launch (the LMS serves and caches the package). When a new build is deployed the new
// worker waits, and a small localized prompt says so, with "Reload" (the new worker takes over and the
// page reloads) and "Later". The prompt is plain HTML beside the canvas: keyboard- and screen-reader-
// reachable, and it never covers the game's controls (it sits at the bottom edge and can be dismissed).
export interface RegisterOptions {
  onNeedRefresh?: () => void;
  onOfflineReady?: () => void;
  onRegisterError?: (error: unknown) => void;
}

export type RegisterServiceWorker = (options: RegisterOptions) => Promise<(reloadPage?: boolean) => Promise<void>>;

export interface OfflineDeps {
  doc: Document;
  /** `offline:` strings, already translated for the current language. */
  translate: (key: 'update.available' | 'update.reload' | 'update.later' | 'update.region') => string;
  register: RegisterServiceWorker;
}

export const UPDATE_PROMPT_ID = 'kc-update-prompt';

export function showUpdatePrompt(doc: Document, translate: OfflineDeps['translate'], update: () => void): HTMLElement {
  doc.getElementById(UPDATE_PROMPT_ID)?.remove();
  const box = doc.createElement('div');
  box.id = UPDATE_PROMPT_ID;
  box.setAttribute('role', 'region');
  box.setAttribute('aria-label', translate('update.region'));
  Object.assign(box.style, {
    position: 'fixed', left: '50%', bottom: '8px', transform: 'translateX(-50%)', zIndex: '20', display: 'flex', gap: '8px',
    alignItems: 'center', padding: '6px 10px', background: '#10243a', color: '#ffffff', border: '2px solid #ffd166', borderRadius: '6px', font: '14px sans-serif',
  });
  const text = doc.createElement('p');
  text.setAttribute('role', 'status');
  text.style.margin = '0';
  text.textContent = translate('update.available');
  const reload = doc.createElement('button');
  reload.type = 'button';
  reload.textContent = translate('update.reload');
  reload.addEventListener('click', () => update());
  const later = doc.createElement('button');
  later.type = 'button';
  later.textContent = translate('update.later');
  later.addEventListener('click', () => box.remove());
  box.append(text, reload, later);
  doc.body.appendChild(box);
  return box;
}

/** Registers the service worker (when the browser has them); never throws. */
export function installOffline(deps: OfflineDeps): void {
  const nav = deps.doc.defaultView?.navigator;
  if (!nav || !('serviceWorker' in nav)) return;
  let update: ((reloadPage?: boolean) => Promise<void>) | null = null;
  deps
    .register({
      onNeedRefresh: () => {
        showUpdatePrompt(deps.doc, deps.translate, () => void update?.(true));
      },
      onRegisterError: () => undefined,
    })
    .then((updater) => {
      update = updater;
    })
    .catch(() => undefined);
}
