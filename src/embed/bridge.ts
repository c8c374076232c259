// The postMessage bridge between an embedded game and the page around it (contracts.md §6,
// docs/embed-api.md). It posts the game's events to `window.parent` and runs the commands the parent
// sends, after `acceptCommand` (messages.ts) has checked sender, origin and shape; each accepted command
// is answered with a `reply`. It knows the rest of the game only through `EmbedBridgeDeps`, so the unit
// tests drive it with fakes.
import type { GameEvents } from '../app/gameEvents';
import { acceptCommand, envelope, type Command, type IncomingEvent, type OutgoingMessage } from './messages';

export interface ProgressSummary {
  completed: number;
  total: number;
  stars: number;
}

/** The window the bridge lives in: where messages arrive, and its parent (the embedding page). */
export interface BridgeWindow {
  readonly parent: unknown;
  addEventListener(type: 'message', listener: (event: IncomingEvent) => void): void;
  removeEventListener(type: 'message', listener: (event: IncomingEvent) => void): void;
}

export interface PostTarget {
  postMessage(message: unknown, targetOrigin: string): void;
}

export interface EmbedBridgeDeps {
  win: BridgeWindow;
  /** `window.parent` when the game is framed, else null (nothing is posted then). */
  parent: PostTarget | null;
  /** The `parentOrigin` URL parameter: messages go there (else to `*`), commands come only from there. */
  parentOrigin?: string;
  events: GameEvents;
  /** The levels this page plays (the embed's scope), in order. */
  levelIds(): readonly string[];
  progress(): ProgressSummary;
  /** Opens a level of the scope; resolves once its screen is shown. */
  startLevel(id: string): Promise<void>;
  /** Switches the language for this visit; false for a language the game does not ship. */
  setLocale(locale: string): Promise<boolean>;
  pause(): void;
  resume(): void;
}

export interface EmbedBridge {
  /** Posts `ready` (once): the game's first screen is interactive. */
  ready(): void;
  /** Posts `resize` and its `lti.frameResize` twin. */
  resize(height: number): void;
  /** Posts `error`. */
  error(code: string, message: string): void;
  /** Stops listening. */
  detach(): void;
}

export function createEmbedBridge(deps: EmbedBridgeDeps): EmbedBridge {
  const target = deps.parentOrigin ?? '*';
  const post = (message: OutgoingMessage) => {
    try {
      deps.parent?.postMessage(envelope(message), target);
    } catch {
      // A parent that went away (or a cloning problem) must never break the game.
    }
  };
  const postProgress = () => post({ type: 'progress', ...deps.progress() });

  const offs = [
    deps.events.on('levelStarted', ({ levelId, attempt }) => post({ type: 'levelStarted', level: levelId, attempt })),
    deps.events.on('levelCompleted', ({ levelId, score, stars, arch, resultCode }) =>
      post({ type: 'levelCompleted', level: levelId, score, stars, arch, ...(resultCode === undefined ? {} : { resultCode }) }),
    ),
    deps.events.on('progressChanged', ({ completed, total, stars }) => post({ type: 'progress', completed, total, stars })),
    deps.events.on('statementMade', ({ statement }) => post({ type: 'statement', statement })),
  ];

  const run = async (command: Command): Promise<{ ok: boolean; error?: string; extra?: Record<string, unknown> }> => {
    switch (command.type) {
      case 'startLevel':
        if (!deps.levelIds().includes(command.level)) return { ok: false, error: 'unknownLevel' };
        await deps.startLevel(command.level);
        return { ok: true };
      case 'setLocale':
        return (await deps.setLocale(command.locale)) ? { ok: true } : { ok: false, error: 'unknownLocale' };
      case 'pause':
        deps.pause();
        return { ok: true };
      case 'resume':
        deps.resume();
        return { ok: true };
      case 'getProgress':
        postProgress();
        return { ok: true, extra: { progress: deps.progress() } };
    }
  };

  const onMessage = (event: IncomingEvent) => {
    const accepted = acceptCommand(event, deps.win.parent, deps.parentOrigin);
    if (!accepted.ok) return;
    const { command } = accepted;
    void run(command).then(
      ({ ok, error, extra }) => post({ type: 'reply', id: command.id, ok, ...(error ? { error } : {}), ...extra }),
      (failure: unknown) => post({ type: 'reply', id: command.id, ok: false, error: failure instanceof Error ? failure.message : 'failed' }),
    );
  };
  deps.win.addEventListener('message', onMessage);

  let readySent = false;
  return {
    ready: () => {
      if (readySent) return;
      readySent = true;
      post({ type: 'ready', levels: [...deps.levelIds()] });
    },
    resize: (height) => {
      const rounded = Math.max(0, Math.round(height));
      post({ type: 'resize', height: rounded });
      try {
        deps.parent?.postMessage({ subject: 'lti.frameResize', height: rounded }, target);
      } catch {
        // As above.
      }
    },
    error: (code, message) => post({ type: 'error', code, message }),
    detach: () => {
      deps.win.removeEventListener('message', onMessage);
      offs.forEach((off) => off());
    },
  };
}
