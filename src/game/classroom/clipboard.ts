// Copies text for the student (a result code, or every code of the session): the asynchronous Clipboard
// API where the page may use it, else a hidden text area and the older copy command. Never throws.
export async function copyText(doc: Document, text: string): Promise<boolean> {
  try {
    const clipboard = doc.defaultView?.navigator.clipboard;
    if (clipboard && typeof clipboard.writeText === 'function') {
      await clipboard.writeText(text);
      return true;
    }
  } catch {
    // Denied or unavailable: try the older way below.
  }
  try {
    const area = doc.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.className = 'kc-sr-only';
    const previous = doc.activeElement as HTMLElement | null;
    doc.body.append(area);
    area.select();
    const copied = doc.execCommand('copy');
    area.remove();
    previous?.focus?.({ preventScroll: true });
    return copied;
  } catch {
    return false;
  }
}
