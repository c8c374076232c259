// The nickname form of a class session: a real HTML dialog over the canvas, so the field takes any script
// and input method (Korean IME included), and screen readers get a labelled field, its note ("stays on
// this device") and its error. It shows the session: title, levels in order, language, seed, hints and
// countdown. Tab stays inside the dialog; Escape cancels when there is something to go back to.
import './joinForm.css';
import { nickLength, nickProblem } from '../../app/sessionStore';

export interface JoinFormText {
  heading: string;
  title: string;
  intro: string;
  levels: string[];
  facts: string[];
  label: string;
  note: string;
  submit: string;
  cancel?: string;
  storageNote?: string;
  /** The localized message for a nickname problem. */
  problem(kind: 'empty' | 'too-long' | 'control', count: number): string;
}

export interface JoinFormHandle {
  close(): void;
  readonly element: HTMLElement;
}

let open: JoinFormHandle | null = null;

/** Opens the form (replacing one already open). `onSubmit` gets a checked nickname. */
export function openJoinForm(doc: Document, text: JoinFormText, initial: string, onSubmit: (nick: string) => void, onCancel?: () => void): JoinFormHandle {
  open?.close();
  const previousFocus = doc.activeElement as HTMLElement | null;
  const root = doc.createElement('div');
  root.className = 'kc-join';
  const form = doc.createElement('form');
  form.setAttribute('role', 'dialog');
  form.setAttribute('aria-modal', 'true');
  form.setAttribute('aria-labelledby', 'kc-join-heading');
  form.noValidate = true;
  const element = <K extends keyof HTMLElementTagNameMap>(tag: K, content?: string, className?: string): HTMLElementTagNameMap[K] => {
    const node = doc.createElement(tag);
    if (content !== undefined) node.textContent = content;
    if (className) node.className = className;
    return node;
  };
  const heading = element('h1', text.heading);
  heading.id = 'kc-join-heading';
  const title = element('h2', text.title);
  const intro = element('p', text.intro);
  const levels = element('ol');
  for (const level of text.levels) levels.append(element('li', level));
  const facts = element('ul', undefined, 'kc-join-facts');
  for (const fact of text.facts) facts.append(element('li', fact));
  const label = element('label', text.label);
  label.htmlFor = 'kc-join-nick';
  const input = element('input');
  input.id = 'kc-join-nick';
  input.name = 'nickname';
  input.type = 'text';
  input.setAttribute('autocomplete', 'nickname');
  input.spellcheck = false;
  input.value = initial;
  input.setAttribute('aria-describedby', 'kc-join-note kc-join-error');
  const note = element('p', text.note, 'kc-join-note');
  note.id = 'kc-join-note';
  const error = element('p', '', 'kc-join-error');
  error.id = 'kc-join-error';
  error.setAttribute('role', 'alert');
  const actions = element('div', undefined, 'kc-join-actions');
  let cancel: HTMLButtonElement | null = null;
  if (text.cancel && onCancel) {
    cancel = element('button', text.cancel);
    cancel.type = 'button';
    cancel.addEventListener('click', () => {
      handle.close();
      onCancel();
    });
    actions.append(cancel);
  }
  const submit = element('button', text.submit);
  submit.type = 'submit';
  actions.append(submit);
  form.append(heading, title, intro, levels, facts, label, input, note);
  if (text.storageNote) form.append(element('p', text.storageNote, 'kc-join-note'));
  form.append(error, actions);
  root.append(form);

  const check = (): string | null => {
    const value = input.value;
    const problem = nickProblem(value);
    if (problem === null) return value.trim();
    error.textContent = text.problem(problem, nickLength(value));
    input.setAttribute('aria-invalid', 'true');
    return null;
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const nick = check();
    if (nick === null) {
      input.focus();
      return;
    }
    handle.close();
    onSubmit(nick);
  });
  input.addEventListener('input', () => {
    if (input.getAttribute('aria-invalid') === 'true' && nickProblem(input.value) === null) {
      input.removeAttribute('aria-invalid');
      error.textContent = '';
    }
  });
  // Keys stay in the dialog: Tab cycles its controls, Escape cancels (when it can), nothing reaches the game.
  form.addEventListener('keydown', (event) => {
    event.stopPropagation();
    if (event.key === 'Escape' && cancel) {
      event.preventDefault();
      cancel.click();
      return;
    }
    if (event.key !== 'Tab') return;
    const focusables = [input, ...(cancel ? [cancel] : []), submit];
    const index = focusables.indexOf(doc.activeElement as HTMLInputElement | HTMLButtonElement);
    const next = event.shiftKey ? (index <= 0 ? focusables.length - 1 : index - 1) : index < 0 || index >= focusables.length - 1 ? 0 : index + 1;
    event.preventDefault();
    focusables[next]!.focus();
  });

  const handle: JoinFormHandle = {
    element: root,
    close: () => {
      if (open !== handle) return;
      open = null;
      root.remove();
      if (previousFocus && previousFocus.isConnected && typeof previousFocus.focus === 'function') previousFocus.focus({ preventScroll: true });
    },
  };
  open = handle;
  doc.body.append(root);
  input.focus({ preventScroll: true });
  return handle;
}

/** Closes the form if one is open (a screen change, a test). */
export function closeJoinForm(): void {
  open?.close();
}

export function isJoinFormOpen(): boolean {
  return open !== null;
}
