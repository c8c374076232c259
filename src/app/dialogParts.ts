// The parts every modal <dialog> of the page starts with (the reset dialog, the error screen): the dialog,
// labelled by its heading and described by its first paragraph for screen readers, and buttons that say
// what they do. Each caller adds its own parts, behaviour and focus.
export type Translate = (key: string) => string;

export interface DialogParts {
  dialog: HTMLDialogElement;
  title: HTMLHeadingElement;
  body: HTMLParagraphElement;
  /** A `type="button"` button with `id` and the text of `key`. */
  button(id: string, key: string): HTMLButtonElement;
}

/**
 * A new dialog `id` (an earlier one with that id is removed) whose heading is `${prefix}-title` with the
 * text of `titleKey` and whose description is `${prefix}-body` with the text of `bodyKey`.
 */
export function dialogParts(doc: Document, translate: Translate, parts: { id: string; prefix: string; titleKey: string; bodyKey: string }): DialogParts {
  doc.getElementById(parts.id)?.remove();
  const dialog = doc.createElement('dialog');
  dialog.id = parts.id;
  dialog.setAttribute('aria-labelledby', `${parts.prefix}-title`);
  dialog.setAttribute('aria-describedby', `${parts.prefix}-body`);
  const title = doc.createElement('h2');
  title.id = `${parts.prefix}-title`;
  title.textContent = translate(parts.titleKey);
  const body = doc.createElement('p');
  body.id = `${parts.prefix}-body`;
  body.textContent = translate(parts.bodyKey);
  const button = (id: string, key: string) => {
    const element = doc.createElement('button');
    element.type = 'button';
    element.id = id;
    element.textContent = translate(key);
    return element;
  };
  return { dialog, title, body, button };
}
