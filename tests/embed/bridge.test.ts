// The postMessage bridge (contracts.md §6) with fake windows: what it posts, which commands it accepts
// and answers, and that a message from another origin, another window, or with a bad shape is ignored
// and changes nothing.
import { describe, expect, it } from 'vitest';
import { createGameEvents } from '../../src/app/gameEvents';
import { createEmbedBridge, type EmbedBridgeDeps } from '../../src/embed/bridge';
import { acceptCommand, type IncomingEvent } from '../../src/embed/messages';

const ORIGIN = 'https://lms.example.org';

function setup(overrides: Partial<EmbedBridgeDeps> = {}) {
  const posted: { message: Record<string, unknown>; target: string }[] = [];
  const parent = { postMessage: (message: unknown, target: string) => posted.push({ message: message as Record<string, unknown>, target }) };
  const listeners = new Set<(event: IncomingEvent) => void>();
  const win = {
    parent,
    addEventListener: (_type: 'message', listener: (event: IncomingEvent) => void) => void listeners.add(listener),
    removeEventListener: (_type: 'message', listener: (event: IncomingEvent) => void) => void listeners.delete(listener),
  };
  const events = createGameEvents();
  const calls: string[] = [];
  const deps: EmbedBridgeDeps = {
    win,
    parent,
    parentOrigin: ORIGIN,
    events,
    levelIds: () => ['first-delivery', 'laptop-lab'],
    progress: () => ({ completed: 1, total: 2, stars: 3 }),
    startLevel: async (id) => void calls.push(`start ${id}`),
    setLocale: async (locale) => {
      calls.push(`locale ${locale}`);
      return locale === 'ko' || locale === 'en';
    },
    pause: () => void calls.push('pause'),
    resume: () => void calls.push('resume'),
    ...overrides,
  };
  const bridge = createEmbedBridge(deps);
  const send = async (data: unknown, from: { origin?: string; source?: unknown } = {}) => {
    const event = { data, origin: from.origin ?? ORIGIN, source: 'source' in from ? from.source : parent };
    for (const listener of [...listeners]) listener(event);
    // Commands run asynchronously; let them finish.
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  return { bridge, posted, events, calls, send, parent, listeners };
}

const command = (type: string, extra: Record<string, unknown> = {}) => ({ target: 'kernel-courier', version: 1, type, id: 'c1', ...extra });

describe('embed bridge: events out', () => {
  it('posts every event in the §6 envelope to parentOrigin', () => {
    const { bridge, posted, events } = setup();
    bridge.ready();
    bridge.ready();
    events.emit('levelStarted', { levelId: 'first-delivery', attempt: 2 });
    events.emit('levelCompleted', { levelId: 'first-delivery', score: 81, stars: 2, arch: 'container' });
    events.emit('levelCompleted', { levelId: 'laptop-lab', score: 0, stars: 0, arch: null, resultCode: 'KC1-ABC' });
    events.emit('progressChanged', { completed: 1, total: 2, stars: 2 });
    events.emit('statementMade', { statement: { verb: { id: 'http://adlnet.gov/expapi/verbs/completed' } } });
    bridge.resize(480.4);
    bridge.error('badParam', 'The link setting is not valid.');
    expect(posted.every(({ target }) => target === ORIGIN)).toBe(true);
    expect(posted.map(({ message }) => message)).toEqual([
      { source: 'kernel-courier', version: 1, type: 'ready', levels: ['first-delivery', 'laptop-lab'] },
      { source: 'kernel-courier', version: 1, type: 'levelStarted', level: 'first-delivery', attempt: 2 },
      { source: 'kernel-courier', version: 1, type: 'levelCompleted', level: 'first-delivery', score: 81, stars: 2, arch: 'container' },
      { source: 'kernel-courier', version: 1, type: 'levelCompleted', level: 'laptop-lab', score: 0, stars: 0, arch: null, resultCode: 'KC1-ABC' },
      { source: 'kernel-courier', version: 1, type: 'progress', completed: 1, total: 2, stars: 2 },
      { source: 'kernel-courier', version: 1, type: 'statement', statement: { verb: { id: 'http://adlnet.gov/expapi/verbs/completed' } } },
      { source: 'kernel-courier', version: 1, type: 'resize', height: 480 },
      { subject: 'lti.frameResize', height: 480 },
      { source: 'kernel-courier', version: 1, type: 'error', code: 'badParam', message: 'The link setting is not valid.' },
    ]);
  });

  it('posts to * without parentOrigin, and nothing when not framed', () => {
    const open = setup({ parentOrigin: undefined });
    open.bridge.ready();
    expect(open.posted.map(({ target }) => target)).toEqual(['*']);
    const alone = setup({ parent: null });
    alone.bridge.ready();
    expect(alone.posted).toEqual([]);
  });

  it('a parent whose postMessage throws does not break the game', () => {
    const { bridge, events } = setup({ parent: { postMessage: () => { throw new Error('gone'); } } });
    expect(() => bridge.ready()).not.toThrow();
    expect(() => events.emit('progressChanged', { completed: 0, total: 1, stars: 0 })).not.toThrow();
  });

  it('stops after detach', async () => {
    const { bridge, posted, events, send, calls } = setup();
    bridge.detach();
    events.emit('progressChanged', { completed: 0, total: 1, stars: 0 });
    await send(command('pause'));
    expect(posted).toEqual([]);
    expect(calls).toEqual([]);
  });
});

describe('embed bridge: commands in', () => {
  it('runs and answers each accepted command', async () => {
    const { posted, calls, send } = setup();
    await send(command('startLevel', { id: 'a', level: 'laptop-lab' }));
    await send(command('setLocale', { id: 2, locale: 'ko' }));
    await send(command('pause', { id: 'p' }));
    await send(command('resume', { id: 'r' }));
    await send(command('getProgress', { id: 'g' }));
    expect(calls).toEqual(['start laptop-lab', 'locale ko', 'pause', 'resume']);
    const replies = posted.map(({ message }) => message).filter((message) => message.type === 'reply');
    expect(replies).toEqual([
      { source: 'kernel-courier', version: 1, type: 'reply', id: 'a', ok: true },
      { source: 'kernel-courier', version: 1, type: 'reply', id: 2, ok: true },
      { source: 'kernel-courier', version: 1, type: 'reply', id: 'p', ok: true },
      { source: 'kernel-courier', version: 1, type: 'reply', id: 'r', ok: true },
      { source: 'kernel-courier', version: 1, type: 'reply', id: 'g', ok: true, progress: { completed: 1, total: 2, stars: 3 } },
    ]);
    expect(posted.map(({ message }) => message)).toContainEqual({ source: 'kernel-courier', version: 1, type: 'progress', completed: 1, total: 2, stars: 3 });
  });

  it('answers ok:false for a level outside the page or a language the game lacks, and for a failing command', async () => {
    const { posted, calls, send } = setup({ startLevel: () => Promise.reject(new Error('screens unavailable')) });
    await send(command('startLevel', { id: 'x', level: 'mixed-fleet' }));
    await send(command('setLocale', { id: 'y', locale: 'fr' }));
    await send(command('startLevel', { id: 'z', level: 'first-delivery' }));
    expect(calls).toEqual(['locale fr']);
    expect(posted.map(({ message }) => message)).toEqual([
      { source: 'kernel-courier', version: 1, type: 'reply', id: 'x', ok: false, error: 'unknownLevel' },
      { source: 'kernel-courier', version: 1, type: 'reply', id: 'y', ok: false, error: 'unknownLocale' },
      { source: 'kernel-courier', version: 1, type: 'reply', id: 'z', ok: false, error: 'screens unavailable' },
    ]);
  });

  const ignored: [string, unknown, { origin?: string; source?: unknown }][] = [
    ['another origin', command('pause'), { origin: 'https://evil.example' }],
    ['the parent origin with another port', command('pause'), { origin: 'https://lms.example.org:8443' }],
    ['another window', command('pause'), { source: { postMessage() {} } }],
    ['no window (a worker or extension)', command('pause'), { source: null }],
    ['not addressed to the game', { ...command('pause'), target: 'other-game' }, {}],
    ['no target', { type: 'pause', version: 1, id: 1 }, {}],
    ['another version', command('pause', { version: 2 }), {}],
    ['an unknown type', command('deleteEverything'), {}],
    ['no id', { target: 'kernel-courier', version: 1, type: 'pause' }, {}],
    ['an object id', command('pause', { id: { toString: 1 } }), {}],
    ['a startLevel without level', command('startLevel'), {}],
    ['a startLevel with a number as level', command('startLevel', { level: 3 }), {}],
    ['a setLocale with a huge locale', command('setLocale', { locale: 'k'.repeat(5000) }), {}],
    ['a string', JSON.stringify(command('pause')), {}],
    ['an array', [command('pause')], {}],
    ['null', null, {}],
    ['a class instance', Object.assign(new (class Fake {})(), command('pause')), {}],
  ];
  it.each(ignored)('ignores %s: no reply, nothing done', async (_name, data, from) => {
    const { posted, calls, send } = setup();
    await send(data, from);
    expect(posted).toEqual([]);
    expect(calls).toEqual([]);
  });

  it('accepts no command at all without parentOrigin, even from the parent', async () => {
    const { posted, calls, send } = setup({ parentOrigin: undefined });
    await send(command('pause'), { origin: 'https://lms.example.org' });
    await send(command('pause'), { origin: 'null' });
    expect(posted).toEqual([]);
    expect(calls).toEqual([]);
  });
});

describe('acceptCommand', () => {
  const parent = {};
  it('says why a message is refused', () => {
    const event = (data: unknown, origin = ORIGIN, source: unknown = parent): IncomingEvent => ({ data, origin, source });
    expect(acceptCommand(event(command('pause')), parent, undefined)).toEqual({ ok: false, why: 'noParentOrigin' });
    expect(acceptCommand(event(command('pause'), ORIGIN, {}), parent, ORIGIN)).toEqual({ ok: false, why: 'wrongWindow' });
    expect(acceptCommand(event(command('pause'), 'http://lms.example.org'), parent, ORIGIN)).toEqual({ ok: false, why: 'wrongOrigin' });
    expect(acceptCommand(event({ hello: 1 }), parent, ORIGIN)).toEqual({ ok: false, why: 'notForUs' });
    expect(acceptCommand(event(command('pause', { version: '1' })), parent, ORIGIN)).toEqual({ ok: false, why: 'badShape' });
    expect(acceptCommand(event(command('startLevel', { level: 'first-delivery', extra: true })), parent, ORIGIN)).toEqual({
      ok: true,
      command: { type: 'startLevel', id: 'c1', level: 'first-delivery' },
    });
  });

  it('never throws, whatever arrives', () => {
    const hostile = [undefined, 0, '', Symbol('x'), () => 1, new Proxy({}, { getPrototypeOf: () => { throw new Error('trap'); } }), Object.create(null)];
    for (const data of hostile) {
      const result = (() => {
        try {
          return acceptCommand({ data, origin: ORIGIN, source: parent }, parent, ORIGIN);
        } catch (error) {
          return { threw: String(error) };
        }
      })();
      expect(result).toMatchObject({ ok: false });
    }
  });
});
