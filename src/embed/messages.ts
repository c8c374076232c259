// The postMessage API of an embedded game (../../docs/embed-api.md, contracts.md §6): the shapes of the
// messages the game posts to the page that embeds it, and the one validator of the commands it accepts.
// Everything that arrives from another window goes through `acceptCommand`; anything it does not return
// is ignored and changes nothing.

export const MESSAGE_SOURCE = 'kernel-courier';
export const MESSAGE_VERSION = 1;

/** What the game posts to `window.parent`. */
export type OutgoingMessage =
  | { type: 'ready'; levels: string[] }
  | { type: 'levelStarted'; level: string; attempt: number }
  | { type: 'levelCompleted'; level: string; score: number; stars: number; arch: string | null; resultCode?: string }
  | { type: 'progress'; completed: number; total: number; stars: number }
  | { type: 'resize'; height: number }
  | { type: 'statement'; statement: Record<string, unknown> }
  | { type: 'error'; code: string; message: string }
  | { type: 'reply'; id: CommandId; ok: boolean; error?: string };

export type Envelope<T> = T & { source: typeof MESSAGE_SOURCE; version: typeof MESSAGE_VERSION };

export function envelope<T extends OutgoingMessage>(message: T): Envelope<T> {
  return { source: MESSAGE_SOURCE, version: MESSAGE_VERSION, ...message };
}

/** A command's `id`, echoed in the reply: a string or a number, as the host chose. */
export type CommandId = string | number;

export type Command =
  | { type: 'startLevel'; id: CommandId; level: string }
  | { type: 'setLocale'; id: CommandId; locale: string }
  | { type: 'pause'; id: CommandId }
  | { type: 'resume'; id: CommandId }
  | { type: 'getProgress'; id: CommandId };

export const COMMAND_TYPES = ['startLevel', 'setLocale', 'pause', 'resume', 'getProgress'] as const;

/** The parts of a MessageEvent the validator looks at. */
export interface IncomingEvent {
  data: unknown;
  origin: string;
  source: unknown;
}

/** Why a message was not accepted (for tests and debugging; the game itself stays silent). */
export type Rejection = 'noParentOrigin' | 'wrongWindow' | 'wrongOrigin' | 'notForUs' | 'badShape';

export type Acceptance = { ok: true; command: Command } | { ok: false; why: Rejection };

const MAX_TEXT = 200;

/**
 * The only gate for incoming messages: the sender must be the parent window, at `parentOrigin` (no
 * parentOrigin: no command is accepted at all), and the data a command of a known type and shape.
 */
export function acceptCommand(event: IncomingEvent, parent: unknown, parentOrigin: string | undefined): Acceptance {
  if (parentOrigin === undefined) return { ok: false, why: 'noParentOrigin' };
  if (event.source === null || event.source === undefined || event.source !== parent) return { ok: false, why: 'wrongWindow' };
  if (event.origin !== parentOrigin) return { ok: false, why: 'wrongOrigin' };
  try {
    const data = event.data;
    if (!isPlainRecord(data) || data.target !== MESSAGE_SOURCE) return { ok: false, why: 'notForUs' };
    const command = readCommand(data);
    return command ? { ok: true, command } : { ok: false, why: 'badShape' };
  } catch {
    // Structured clone makes this all but impossible; a validator still never throws.
    return { ok: false, why: 'badShape' };
  }
}

function readCommand(data: Record<string, unknown>): Command | null {
  if (data.version !== MESSAGE_VERSION) return null;
  const id = data.id;
  const validId = (typeof id === 'string' && id.length > 0 && id.length <= MAX_TEXT) || (typeof id === 'number' && Number.isFinite(id));
  if (!validId) return null;
  switch (data.type) {
    case 'startLevel':
      return isShortText(data.level) ? { type: 'startLevel', id, level: data.level } : null;
    case 'setLocale':
      return isShortText(data.locale) ? { type: 'setLocale', id, locale: data.locale } : null;
    case 'pause':
    case 'resume':
    case 'getProgress':
      return { type: data.type, id };
    default:
      return null;
  }
}

function isShortText(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= MAX_TEXT;
}

function isPlainRecord(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}
