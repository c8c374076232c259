// "Embed this" (Settings): a plain-HTML dialog that writes the iframe snippet for the current level (or
// the whole campaign) of this very game, with a Copy button. A native modal <dialog>: it keeps keyboard
// focus inside until closed (Escape or Close) and then gives it back to the Settings button.
import { copyFromField } from '../app/copyField';

export type Translate = (key: string, values?: Record<string, string>) => string;

export interface EmbedTarget {
  /** The game page's address (its query and hash are dropped). */
  pageUrl: string;
  /** The level on show, if any. */
  levelId?: string;
  levelTitle?: string;
  language: string;
}

function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The iframe snippet a course author pastes (docs/embedding.md, "A plain HTML page"). */
export function embedSnippet(target: EmbedTarget): string {
  const url = new URL(target.pageUrl);
  url.search = '';
  url.hash = '';
  url.searchParams.set('mode', 'embed');
  if (target.levelId) url.searchParams.set('level', target.levelId);
  url.searchParams.set('locale', target.language);
  const title = target.levelTitle ? `Kernel Courier: ${target.levelTitle}` : 'Kernel Courier';
  return (
    `<iframe src="${escapeAttribute(url.toString())}"\n` +
    `        title="${escapeAttribute(title)}"\n` +
    `        width="960" height="570" style="max-width: 100%; border: 0"\n` +
    `        allow="fullscreen" loading="lazy"></iframe>`
  );
}

export function openEmbedDialog(doc: Document, translate: Translate, target: EmbedTarget): HTMLDialogElement {
  doc.getElementById('kc-embed-dialog')?.remove();
  const dialog = doc.createElement('dialog');
  dialog.id = 'kc-embed-dialog';
  dialog.setAttribute('aria-labelledby', 'kc-embed-dialog-title');
  const title = doc.createElement('h2');
  title.id = 'kc-embed-dialog-title';
  title.textContent = translate(target.levelId ? 'embed:dialog.title' : 'embed:dialog.titleNoLevel');
  const intro = doc.createElement('p');
  intro.textContent = translate('embed:dialog.intro', {
    what: target.levelId ? translate('embed:dialog.thisLevel', { title: target.levelTitle ?? target.levelId }) : translate('embed:dialog.wholeGame'),
  });
  const label = doc.createElement('label');
  label.htmlFor = 'kc-embed-snippet';
  label.textContent = translate('embed:dialog.snippetLabel');
  const snippet = doc.createElement('textarea');
  snippet.id = 'kc-embed-snippet';
  snippet.readOnly = true;
  snippet.rows = 5;
  snippet.spellcheck = false;
  snippet.value = embedSnippet(target);
  const status = doc.createElement('p');
  status.className = 'kc-embed-status';
  status.setAttribute('role', 'status');
  const actions = doc.createElement('div');
  actions.className = 'kc-embed-actions';
  const copy = doc.createElement('button');
  copy.type = 'button';
  copy.id = 'kc-embed-copy';
  copy.textContent = translate('embed:dialog.copy');
  const close = doc.createElement('button');
  close.type = 'button';
  close.id = 'kc-embed-close';
  close.textContent = translate('embed:dialog.close');
  const more = doc.createElement('p');
  more.className = 'kc-embed-more';
  more.textContent = translate('embed:dialog.more');
  actions.append(copy, close);
  dialog.append(title, intro, label, snippet, actions, status, more);

  copy.addEventListener('click', () => {
    copyFromField(doc, snippet, (ok) => {
      status.textContent = translate(ok ? 'embed:dialog.copied' : 'embed:dialog.copyFailed');
    });
  });
  // Focus goes back to what opened the dialog (the Settings button's accessible twin).
  const opener = doc.activeElement as HTMLElement | null;
  close.addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', () => {
    dialog.remove();
    if (opener?.isConnected) opener.focus({ preventScroll: true });
  });
  doc.body.append(dialog);
  dialog.showModal();
  snippet.focus();
  snippet.select();
  return dialog;
}
