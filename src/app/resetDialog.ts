// "Reset progress" (Settings; issue 13 item 5: a class's laptops are reused): a native modal <dialog> that
// says what is forgotten and what stays, with Cancel (focused first, so Enter never erases by accident) and
// "Reset progress". It keeps keyboard focus inside until closed (Escape, Cancel or Close) and then gives it
// back to what opened it (the Settings button's accessible twin). After the reset it says so in place, as a
// status, so sighted and screen-reader users both hear that it happened.
import { dialogParts, type Translate } from './dialogParts';
import type { StorageStatus } from './storage';

export const RESET_DIALOG_ID = 'kc-reset-dialog';

export function openResetDialog(doc: Document, translate: Translate, reset: () => StorageStatus | 'invalid', onClosed?: () => void): HTMLDialogElement {
  const { dialog, title, body, button } = dialogParts(doc, translate, { id: RESET_DIALOG_ID, prefix: 'kc-reset', titleKey: 'sharing:reset.title', bodyKey: 'sharing:reset.body' });
  const kept = doc.createElement('p');
  kept.className = 'kc-reset-kept';
  kept.textContent = translate('sharing:reset.kept');
  const status = doc.createElement('p');
  status.id = 'kc-reset-status';
  status.setAttribute('role', 'status');
  const actions = doc.createElement('div');
  actions.className = 'kc-reset-actions';
  const cancel = button('kc-reset-cancel', 'sharing:reset.cancel');
  const confirm = button('kc-reset-confirm', 'sharing:reset.confirm');
  const close = button('kc-reset-close', 'sharing:reset.close');
  close.hidden = true;
  actions.append(cancel, confirm, close);
  dialog.append(title, body, kept, status, actions);

  confirm.addEventListener('click', () => {
    const outcome = reset();
    title.textContent = translate('sharing:reset.doneTitle');
    body.hidden = true;
    kept.hidden = true;
    cancel.hidden = true;
    confirm.hidden = true;
    close.hidden = false;
    dialog.setAttribute('aria-describedby', 'kc-reset-status');
    status.textContent = translate(outcome === 'ok' ? 'sharing:reset.done' : 'sharing:reset.failed');
    close.focus();
  });
  const opener = doc.activeElement as HTMLElement | null;
  cancel.addEventListener('click', () => dialog.close());
  close.addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', () => {
    dialog.remove();
    onClosed?.();
    if (opener?.isConnected) opener.focus({ preventScroll: true });
  });
  doc.body.append(dialog);
  dialog.showModal();
  cancel.focus();
  return dialog;
}
