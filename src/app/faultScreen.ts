// The error screen (issue 15): an unexpected exception in a scene (its create or update, caught around the
// game's step in createGame.ts) or anywhere while the game runs (window `error` and `unhandledrejection`)
// stops the game's loop and opens a modal <dialog> that says progress is safe, offers "Copy a report" and
// "Back to menu". It writes nothing to storage: the last good save stays as it was.
//
// The report says what was on screen, never who played: game and model version, screen, level, seed,
// the build as a build@1 file, the error's message and the first lines of its stack. No nickname, no
// class session, no stored progress (nothing here reads storage).
//
// It must never loop: a second error while the screen is open (or an error opening it) replaces it with a
// plain DOM message and the handler stops listening.

import { copyFromField } from './copyField';
import { dialogParts, type Translate } from './dialogParts';

export const FAULT_DIALOG_ID = 'kc-fault-dialog';
export const FAULT_PLAIN_ID = 'kc-fault-plain';
export const FAULT_REPORT_FORMAT = 'kernel-courier/fault-report@1';

/** Stack lines a report keeps, and the longest message and line. */
const STACK_LINES = 8;
const MAX_MESSAGE = 500;
const MAX_LINE = 200;

/** What the screen on show says about itself (createGame.ts asks the scene). */
export interface FaultContext {
  screen?: string;
  levelId?: string;
  seed?: number;
  /** The build on the board, a build@1 file. */
  build?: unknown;
}

export interface FaultReport {
  format: typeof FAULT_REPORT_FORMAT;
  gameVersion: string;
  modelVersion: string;
  screen: string | null;
  level: string | null;
  seed: number | null;
  language: string | null;
  renderer: string | null;
  error: { name: string; message: string; stack: string[] };
  build: unknown;
}

function cut(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Name, message and the first stack lines of anything thrown (an Error, a string, an object). Never throws. */
export function describeError(error: unknown): FaultReport['error'] {
  try {
    if (error instanceof Error || (typeof error === 'object' && error !== null && 'message' in error)) {
      const named = error as { name?: unknown; message?: unknown; stack?: unknown };
      const message = cut(String(named.message ?? ''), MAX_MESSAGE);
      const stack = typeof named.stack === 'string' ? named.stack.split('\n') : [];
      // V8 repeats "Name: message" as the first line of the stack.
      const lines = stack.filter((line, index) => !(index === 0 && line.includes(message.slice(0, 40)) && !/^\s+at /.test(line)));
      return { name: cut(String(named.name ?? 'Error'), 60), message, stack: lines.slice(0, STACK_LINES).map((line) => cut(line.trim(), MAX_LINE)) };
    }
    return { name: typeof error, message: cut(String(error), MAX_MESSAGE), stack: [] };
  } catch {
    return { name: 'unknown', message: '(the error could not be read)', stack: [] };
  }
}

/** The report "Copy a report" copies: what was on screen and the error, as JSON. */
export function faultReport(
  error: unknown,
  info: { gameVersion: string; modelVersion: string; language?: string; renderer?: string },
  context: FaultContext,
): FaultReport {
  return {
    format: FAULT_REPORT_FORMAT,
    gameVersion: info.gameVersion,
    modelVersion: info.modelVersion,
    screen: context.screen ?? null,
    level: context.levelId ?? null,
    seed: typeof context.seed === 'number' ? context.seed : null,
    language: info.language ?? null,
    renderer: info.renderer ?? null,
    error: describeError(error),
    build: context.build ?? null,
  };
}

export function faultReportText(report: FaultReport): string {
  return JSON.stringify(report, null, 2);
}

export interface FaultHandlerDeps {
  win: Window;
  doc: Document;
  translate: Translate;
  /** The report of `error` (game version, screen, level, build…). */
  report: (error: unknown) => FaultReport;
  /** Stops the game's loop, so a broken screen does not throw again every frame. */
  pauseGame: () => void;
  /** Stops every screen and overlay, resumes the loop and shows the menu. */
  backToMenu: () => void;
  /** Says it to screen readers (the live region of src/a11y). */
  announce: (text: string) => void;
  /** Another message already explains (the start-up guard's: the game could not start); nothing to add. */
  explained?: () => boolean;
}

export interface FaultHandler {
  /** Shows the error screen for `error` (or the plain message when one is already open). */
  handle(error: unknown): void;
  /** Whether the error screen is open. */
  readonly open: boolean;
  /** Removes the window listeners. */
  uninstall(): void;
}

/** Listens for errors while the game runs and shows the error screen for each (one at a time). */
export function installFaultHandler(deps: FaultHandlerDeps): FaultHandler {
  const { win, doc } = deps;
  let dialog: HTMLDialogElement | null = null;
  let gaveUp = false;
  const seen = new WeakSet<object>();

  const plain = () => {
    gaveUp = true;
    try {
      deps.pauseGame();
    } catch {
      // The loop may be gone already.
    }
    try {
      dialog?.remove();
    } catch {
      // Nothing more to do: the message below is what is left.
    }
    dialog = null;
    showPlainMessage(doc, deps.translate);
    uninstall();
  };

  const handle = (error: unknown) => {
    if (gaveUp || deps.explained?.()) return;
    if (typeof error === 'object' && error !== null) {
      if (seen.has(error)) return;
      seen.add(error);
    }
    if (dialog) {
      plain();
      return;
    }
    try {
      deps.pauseGame();
      dialog = openFaultDialog(doc, deps.translate, deps.report(error), () => {
        const closing = dialog;
        dialog = null;
        closing?.remove();
        try {
          deps.backToMenu();
        } catch (backError) {
          seen.add(backError as object);
          plain();
        }
      });
      deps.announce(deps.translate('faults:screen.announce'));
    } catch (openError) {
      if (typeof openError === 'object' && openError !== null) seen.add(openError);
      plain();
    }
  };

  const onError = (event: ErrorEvent) => {
    // Only real exceptions: a cross-origin "Script error." or a ResizeObserver note carries no error object.
    if (event.error === undefined || event.error === null) return;
    handle(event.error);
  };
  const onRejection = (event: PromiseRejectionEvent) => handle(event.reason ?? new Error('A promise was rejected without a reason.'));
  win.addEventListener('error', onError);
  win.addEventListener('unhandledrejection', onRejection);
  const uninstall = () => {
    win.removeEventListener('error', onError);
    win.removeEventListener('unhandledrejection', onRejection);
  };

  return {
    handle,
    get open() {
      return dialog !== null;
    },
    uninstall,
  };
}

function openFaultDialog(doc: Document, translate: Translate, report: FaultReport, onBack: () => void): HTMLDialogElement {
  const { dialog, title, body, button } = dialogParts(doc, translate, { id: FAULT_DIALOG_ID, prefix: 'kc-fault', titleKey: 'faults:screen.title', bodyKey: 'faults:screen.body' });
  dialog.setAttribute('role', 'alertdialog');
  const privacy = doc.createElement('p');
  privacy.className = 'kc-fault-privacy';
  privacy.textContent = translate('faults:screen.privacy');
  const actions = doc.createElement('div');
  actions.className = 'kc-fault-actions';
  const copy = button('kc-fault-copy', 'faults:screen.copy');
  const back = button('kc-fault-back', 'faults:screen.back');
  actions.append(copy, back);
  const label = doc.createElement('label');
  label.htmlFor = 'kc-fault-report';
  label.textContent = translate('faults:screen.reportLabel');
  const text = doc.createElement('textarea');
  text.id = 'kc-fault-report';
  text.readOnly = true;
  text.rows = 6;
  text.spellcheck = false;
  text.value = faultReportText(report);
  const status = doc.createElement('p');
  status.id = 'kc-fault-status';
  status.setAttribute('role', 'status');
  dialog.append(title, body, privacy, actions, status, label, text);

  copy.addEventListener('click', () => {
    copyFromField(doc, text, (ok) => {
      status.textContent = translate(ok ? 'faults:screen.copied' : 'faults:screen.copyFailed');
    }, copy);
  });
  back.addEventListener('click', onBack);
  // Escape does not close it: the player chooses (Back to menu is one Tab away).
  dialog.addEventListener('cancel', (event) => event.preventDefault());
  doc.body.append(dialog);
  dialog.showModal();
  copy.focus();
  return dialog;
}

/** The last resort: text in the page, nothing else to go wrong. */
function showPlainMessage(doc: Document, translate: Translate): void {
  let message = 'Something went wrong. Your progress is safe. Reload the page to play on. / 문제가 생겼어요. 진행 상황은 안전해요. 페이지를 새로 고치세요.';
  try {
    const translated = translate('faults:screen.plain');
    if (translated && translated !== 'faults:screen.plain' && translated !== 'screen.plain') message = translated;
  } catch {
    // Keep the two-language text above.
  }
  try {
    const region = doc.getElementById(FAULT_PLAIN_ID) ?? doc.body.appendChild(doc.createElement('div'));
    region.id = FAULT_PLAIN_ID;
    region.setAttribute('role', 'alert');
    region.textContent = message;
  } catch {
    // A page that cannot take a text node has nothing left to show.
  }
}
