// Moves progress between the game and files on the player's device: a download for export and a file
// picker for import. Page-level DOM glue only; what a file may contain is decided in progressStore.ts.

/** Offers text as a file download; returns false if the browser refused. */
export function downloadTextFile(doc: Document, fileName: string, text: string, mimeType = 'application/json'): boolean {
  try {
    const url = URL.createObjectURL(new Blob([text], { type: mimeType }));
    const link = doc.createElement('a');
    link.href = url;
    link.download = fileName;
    link.rel = 'noopener';
    link.style.display = 'none';
    doc.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    return true;
  } catch {
    return false;
  }
}

export type PickedFile = { status: 'read'; text: string } | { status: 'cancelled' } | { status: 'unreadable' };

/** Largest file read at all; progress files are far smaller, and the validator has its own limit. */
const MAX_READ_BYTES = 4 * 1024 * 1024;

/** Opens the browser's file picker and resolves with the chosen file's text. */
export function pickTextFile(doc: Document, accept = 'application/json,.json'): Promise<PickedFile> {
  return new Promise((resolve) => {
    const input = doc.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.style.display = 'none';
    doc.body.appendChild(input);
    const finish = (result: PickedFile) => {
      input.remove();
      resolve(result);
    };
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      if (!file) return finish({ status: 'cancelled' });
      // A huge file is not progress; cut it so the validator rejects it as too large without reading it all.
      const blob = file.size > MAX_READ_BYTES ? file.slice(0, MAX_READ_BYTES) : file;
      blob.text().then(
        (text) => finish({ status: 'read', text }),
        () => finish({ status: 'unreadable' }),
      );
    });
    input.addEventListener('cancel', () => finish({ status: 'cancelled' }));
    input.click();
  });
}

/** A file name like `kernel-courier-progress-2024-05-01.json`. */
export function progressFileName(date: Date): string {
  return `kernel-courier-progress-${date.toISOString().slice(0, 10)}.json`;
}
