// Copies the text of a dialog's visible field (the embed snippet, an error report): the asynchronous
// Clipboard API where the page may use it, else the field itself is selected and the older copy command
// tried, so that even when both fail the text stands selected for the person to copy by hand. `done`
// hears whether it was copied. Never throws.
export function copyFromField(doc: Document, field: HTMLTextAreaElement, done: (copied: boolean) => void, refocus?: HTMLElement): void {
  const fallback = () => {
    field.focus();
    field.select();
    let copied = false;
    try {
      copied = doc.execCommand('copy');
    } catch {
      copied = false;
    }
    done(copied);
    refocus?.focus();
  };
  const clipboard = doc.defaultView?.navigator.clipboard;
  if (clipboard?.writeText) void clipboard.writeText(field.value).then(() => done(true), fallback);
  else fallback();
}
