// The one place that wires the game together: URL parameters, settings and progress stores, strings,
// sound, notices, the automation API and the Phaser game. Importing this module starts nothing;
// index.html calls `startGame(parent)`, which returns the game.
import type Phaser from 'phaser';
import packageInfo from '../package.json';
import { DomMirror } from './a11y/DomMirror';
import { prefetchScreens } from './game/lazyScreens';
import { createAutomationApi, installAutomationApi } from './app/automationApi';
import { createGameEvents, type RunResult } from './app/gameEvents';
import { NoticeBanner } from './app/noticeBanner';
import type { Notice } from './app/notices';
import { downloadTextFile, pickTextFile, progressFileName } from './app/progressFiles';
import { importNotices } from './app/importNotices';
import { formatSaveDate } from './app/saveDate';
import { PROGRESS_KEY, ProgressStore } from './app/progressStore';
import { SessionStateStore } from './app/sessionStore';
import { defaultSettings, SETTINGS_KEY, SettingsStore, type Settings } from './app/settings';
import { localStorageOf, type KeyValueStorage, type StorageStatus } from './app/storage';
import { installStartupGuard } from './app/startupGuard';
import { faultReport, installFaultHandler } from './app/faultScreen';
import { levelFileNotices } from './app/budgetNotice';
import { MODEL_VERSION } from './sim/costs';
import { takeOverLoadingScreen } from './app/loadingScreen';
import { isTeacherPage } from './app/teacherLink';
import { addressFollowsLevel, addressForScreen } from './app/addressBar';
import { parseUrlParams, type GameParams } from './app/urlParams';
import { AudioAdapter } from './audio/AudioAdapter';
import type { SoundMix } from './audio/soundSettings';
import { createI18n } from './i18n/createI18n';
import { installLms } from './lms';
import { preferredLanguage } from './i18n/languages';
import { CAMPAIGN_LEVELS } from './levels';
import type { Level } from './sim/types';
import type { AppContext, Route } from './game/AppContext';
import { createGame, type GameHandle } from './game/createGame';
import { chooseRenderer, probeWebglHardwareAcceleration } from './game/renderer';
import { INTERACTIVE_KEYS, SceneKeys, type SceneKey } from './game/sceneKeys';
import { KeyboardRouter } from './game/ui/KeyboardRouter';
import { createEmbedBridge, type EmbedBridge } from './embed/bridge';
import { installEmbedPage, fullGameUrl, type EmbedPage } from './embed/embedPage';
import { isFramed, preferredFrameHeight, progressSummary } from './embed/embedMode';
import { embedScope, type EmbedScope } from './embed/scope';
import { openEmbedDialog } from './embed/embedDialog';
import { openResetDialog } from './app/resetDialog';
import { levelTitle } from './i18n/levelStrings';
import { matchLanguage } from './i18n/languages';

const { version } = packageInfo;

export interface StartOptions {
  /** The campaign (default: the built-in levels). */
  levels?: readonly Level[];
  /** The query string (default: the page's). */
  search?: string;
  /** Where settings and progress live (default: the page's localStorage). */
  storage?: KeyValueStorage | null;
}

/** How long after `ready` the offline service worker's registration waits, at least (then for idle time). */
const SERVICE_WORKER_DELAY_MS = 1500;

/** Resolves `ms` later, once the page is idle (or a second after that at most). */
function quietMoment(win: Window, ms: number): Promise<void> {
  const idle = (win as Window & { requestIdleCallback?: (run: () => void, options: { timeout: number }) => number }).requestIdleCallback;
  return new Promise((resolve) => setTimeout(() => (idle ? idle.call(win, () => resolve(), { timeout: 1000 }) : resolve()), ms));
}

const STORAGE_NOTICES: Record<Exclude<StorageStatus, 'ok'>, Notice['key']> = {
  blocked: 'notice.storageBlocked',
  full: 'notice.storageFull',
  corrupted: 'notice.storageCorrupted',
};

/**
 * What index.html starts: the teacher's page for `?mode=classroom` without a join link (its own chunk,
 * src/teacher), else the game. Deciding here rather than in index.html keeps the modules the two share in
 * this chunk, so the game's first load stays the entry script and this one (tests/e2e/loading.test.ts).
 */
export function startPage(parent: HTMLElement | null): void {
  if (isTeacherPage(window.location.href)) void import('./teacher/main');
  else startGame(parent);
}

export function startGame(parent: HTMLElement | null, options: StartOptions = {}): Phaser.Game {
  const win = window;
  const doc = document;
  const host = parent ?? doc.body.appendChild(doc.createElement('div'));
  const levels = options.levels ?? CAMPAIGN_LEVELS;
  const levelIds = levels.map((level) => level.id);
  const { params, notices } = parseUrlParams(options.search ?? win.location.search, levelIds);
  // Embedding (contracts.md §6): the levels this page plays, and whether it is a guest in another page.
  const scope = embedScope(params, levels);
  const scopeIds = scope.levels.map((level) => level.id);
  const framed = isFramed(win);
  const guest = framed || scope.embedded;
  const storage = options.storage === undefined ? localStorageOf(win) : options.storage;

  const settings = new SettingsStore(
    storage,
    defaultSettings({
      prefersReducedMotion: safeMatchMedia(win, '(prefers-reduced-motion: reduce)'),
      browserLanguage: preferredLanguage(win.navigator.languages?.length ? win.navigator.languages : [win.navigator.language ?? 'en']),
    }),
  );
  let overrides = urlOverrides(params);
  settings.setOverrides(overrides);
  const progress = new ProgressStore(storage, { levelIds });
  const i18n = createI18n(settings.get().language, levels);
  // Before the game exists: a page policy that blocks what Phaser needs must show a message, not a blank page.
  const startup = installStartupGuard(doc, (key, values) => (i18n.t as (k: string, p?: object) => string)(key, values));
  const events = createGameEvents();
  // SCORM / cmi5 / xAPI (src/lms): restores progress from an LMS's suspend data before the first screen.
  // The service worker is registered after `ready` (the first screen on the page), never before it, and
  // not in the moment after it either: its module and registration ran right where the player's first key
  // lands (issue 16), so it waits for a quiet moment a little later. Nothing on screen waits for it.
  const offline = {
    translate: (key: string) => i18n.t(`offline:${key}` as 'offline:update.available'),
    register: (hooks: object) =>
      automation.api.ready
        .then(() => quietMoment(win, SERVICE_WORKER_DELAY_MS))
        .then(() => import('virtual:pwa-register'))
        .then((pwa) => pwa.registerSW(hooks)),
  };
  // Statements made before the embed bridge exists (`launched`, `initialized`) wait for it (§6 `statement`).
  const earlyStatements: Record<string, unknown>[] = [];
  const stopKeepingStatements = framed ? events.on('statementMade', ({ statement }) => earlyStatements.push(statement)) : () => undefined;
  const lms = installLms({ win, search: options.search ?? win.location.search, levels, events, progress, storage, offline });
  const loading = takeOverLoadingScreen(doc);

  const banner = new NoticeBanner(
    doc.getElementById('notices') ?? doc.body.appendChild(doc.createElement('div')),
    (key, values) => (i18n.t as (k: string, p?: object) => string)(key, values),
    () => i18n.t('common.dismiss'),
  );
  const translate = (key: string, values?: object) => (i18n.t as (k: string, p?: object) => string)(key, values);
  const embedPage: EmbedPage | null = scope.embedded
    ? installEmbedPage(doc, (key) => translate(key), fullGameUrl(win.location.href, fullGameParams(params, scope)))
    : null;
  const embed: { bridge?: EmbedBridge; pending: Notice[] } = { pending: [] };
  const notify = (notice: Notice) => {
    banner.show(notice);
    // The embedding page hears of every notice as an `error` message (kept until the bridge exists).
    if (embed.bridge) embed.bridge.error(notice.key.replace(/^notice\./, ''), translate(notice.key, notice.params));
    else if (framed) embed.pending.push(notice);
  };
  notices.forEach(notify);
  if (params.mode === 'editor') notify({ key: 'notice.modeUnavailable', params: { mode: params.mode } });
  const reportStorage = (status: StorageStatus | 'invalid', corrupted: Notice['key']) => {
    if (status === 'corrupted') notify({ key: corrupted });
    // An embedded game that may not save says so in one quiet line under the game, not over its buttons.
    else if (status === 'blocked' && embedPage) embedPage.setMemoryOnly(true);
    else if (status !== 'ok' && status !== 'invalid') notify({ key: STORAGE_NOTICES[status] });
  };
  reportStorage(settings.status, 'notice.settingsCorrupted');
  reportStorage(progress.status, 'notice.storageCorrupted');
  if (progress.migratedFrom) notify({ key: 'notice.progressMigrated' });
  if (progress.legacyUnreadable) notify({ key: 'notice.oldProgressUnreadable' });

  const audio = new AudioAdapter({
    mix: soundMix(params, settings.get()),
    loadFactory: () => import('./audio/howlerFactory').then((module) => module.createHowlerFactory()),
    onUnavailable: () => notify({ key: 'notice.audioUnavailable' }),
  });
  audio.attach(events);
  // Browsers allow sound only after a user gesture; the first one unlocks audio and starts the music.
  const unlockAudio = () => {
    win.removeEventListener('pointerdown', unlockAudio, true);
    win.removeEventListener('keydown', unlockAudio, true);
    void audio.unlock().then(() => audio.startMusic());
  };
  win.addEventListener('pointerdown', unlockAudio, true);
  win.addEventListener('keydown', unlockAudio, true);
  doc.addEventListener('visibilitychange', () => audio.setPageHidden(doc.hidden));

  applyPageSettings(doc, settings.get());
  settings.subscribe((current, changed) => {
    if (changed.includes('language')) {
      void i18n.changeLanguage(current.language).then(() => {
        applyPageSettings(doc, current);
        banner.refresh();
        embedPage?.refresh();
        events.emit('displayChanged', { reason: 'language' });
      });
    }
    if (changed.includes('colorProfile')) {
      applyPageSettings(doc, current);
      events.emit('displayChanged', { reason: 'palette' });
    }
    if (changed.includes('reducedMotion')) events.emit('displayChanged', { reason: 'motion' });
    audio.setMix(soundMix(params, current));
    if (settings.status !== 'ok') reportStorage(settings.status, 'notice.settingsCorrupted');
  });
  progress.subscribe((_progress, status) => reportStorage(status, 'notice.storageCorrupted'));

  // Another tab of the game saved progress or settings: this one follows, so it never writes stale data
  // back (progress is merged on every save anyway) and its screens show what is saved.
  win.addEventListener('storage', (event) => {
    if (event.key === null || event.key === PROGRESS_KEY) {
      if (progress.reload()) events.emit('displayChanged', { reason: 'progress' });
    }
    if (event.key === null || event.key === SETTINGS_KEY) settings.reload();
  });

  // Filled once the game exists; the router and the API ask it which screen is showing.
  const shell: { handle?: GameHandle; renderer?: string; levelOnShow?: string } = {};
  // A key handler's exception opens the error screen like any other (onFault, below; keys are routed only
  // once the game exists, after the fault handler is installed).
  const keyboard = new KeyboardRouter(
    () => shell.handle?.currentScreen(),
    (error) => onFault(error),
  );
  /** For the testing aids below: in a task after the caller's, shows `key` and resolves once it is on screen. */
  const showInNextTask = async (key: SceneKey, data: Record<string, unknown>): Promise<void> => {
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
    await new Promise<void>((resolve) => {
      const off = events.on('screenShown', (shown) => {
        if (shown.key === key) {
          off();
          resolve();
        }
      });
      shell.handle?.showScreen(key, data);
    });
  };
  const announcer = doc.getElementById('kc-screen-status');
  // A guest in another page takes page focus only once the player has put it in the frame (click or Tab).
  const mirror = new DomMirror(doc, doc.getElementById('kc-a11y-host') ?? doc.body, guest ? () => doc.hasFocus() : undefined);
  const automation = createAutomationApi({
    version,
    levelIds: () => levelIds,
    currentScreen: () => shell.handle?.currentScreen(),
    openLevel: (id) =>
      new Promise<void>((resolve) => {
        const off = events.on('screenShown', (shown) => {
          if (shown.key === SceneKeys.Play && shown.levelId === id) {
            off();
            resolve();
          }
        });
        shell.handle?.showScreen(SceneKeys.Play, { levelId: id });
      }),
    renderer: () => shell.renderer ?? 'unknown',
    widgets: () => shell.handle?.widgets() ?? [],
    stats: () => shell.handle?.stats() ?? { displayObjects: 0, packetsInFlight: 0, canvases: 0 },
    race: () => shell.handle?.race() ?? null,
    texts: () => shell.handle?.texts() ?? [],
    throwInScene: (message, where) => (where === 'key' ? shell.handle !== undefined && keyboard.throwOnNextKey(message) : (shell.handle?.throwInScene(message) ?? false)),
    // A testing aid (docs/embed-api.md): the one path in the game that opens a level file from outside.
    playLevelFile: async (input) => {
      const { validateLevel } = await import('./sim/validateLevel');
      const checked = validateLevel(input);
      if (!checked.ok) {
        for (const notice of levelFileNotices(checked.errors, i18n.language)) notify(notice);
        throw new Error(`The level file is not valid: ${checked.errors.map((error) => `${error.path}: ${error.message}`).join(' ')}`.slice(0, 1000));
      }
      // The board is drawn in a task of its own, not after the file's check in this one (issue 15: no task
      // over 50 ms; the heaviest files take 5–10 ms to check).
      await showInNextTask(SceneKeys.Sandbox, { levelFile: checked.value });
    },
    runViz: () => shell.handle?.runViz() ?? null,
    // A testing aid (docs/embed-api.md): the run happens in the lazily loaded engine chunk.
    openDebrief: async (id, options) => {
      const level = levels.find((candidate) => candidate.id === id);
      if (!level) throw new Error(`Unknown level id ${JSON.stringify(id)}.`);
      const { runForDebrief } = await import('./game/debrief/debriefRun');
      const data = runForDebrief(level, options);
      // As if the level had just been played: progress, lastResult() and the star sound.
      reportRun(id, data.result as unknown as RunResult);
      // The run in one task, the debrief in the next, as after a level played (a run ends in a frame of its own).
      await showInNextTask(SceneKeys.Debrief, { ...data });
    },
  });

  const ctx: AppContext = {
    version,
    i18n,
    settings,
    progress,
    levels: scope.levels,
    campaignLevels: levels,
    params,
    events,
    audio,
    keyboard,
    initialRoute: initialRoute(params, scope),
    ...(lms.restored ? { firstScreenWaitsFor: lms.restored } : {}),
    notify,
    hasNotices: () => banner.count > 0,
    tabLeavesGame: guest,
    announce: (text) => {
      if (announcer) announcer.textContent = text;
    },
    mirror,
    reportRun: (levelId, result, extra) => reportRun(levelId, result, extra),
    exportProgress: () => {
      const text = progress.exportText({ exportedAt: new Date().toISOString(), gameVersion: version });
      if (!downloadTextFile(doc, progressFileName(new Date()), text)) notify({ key: 'notice.exportFailed' });
    },
    importProgress: () => {
      void pickTextFile(doc).then((picked) => {
        if (picked.status === 'cancelled') return;
        if (picked.status === 'unreadable') return notify({ key: 'notice.importUnreadable' });
        for (const notice of importNotices(progress.importText(picked.text))) notify(notice);
        events.emit('displayChanged', { reason: 'progress' });
        emitProgress();
      });
    },
    previousSave: () => progress.previousSave(),
    openEmbedDialog: () => {
      const levelId = shell.levelOnShow;
      openEmbedDialog(doc, (key, values) => translate(key, values), {
        pageUrl: win.location.href,
        levelId,
        levelTitle: levelId ? levelTitle(i18n, levelId) : undefined,
        language: settings.get().language,
      });
    },
    restorePreviousSave: () => {
      const restored = progress.restorePrevious();
      if (restored.status === 'ok') {
        notify({ key: 'notice.restoreSucceeded', params: { date: formatSaveDate(restored.keptAt ?? '', i18n.language), count: restored.levelCount ?? 0 } });
        events.emit('displayChanged', { reason: 'progress' });
        emitProgress();
      } else {
        notify({ key: restored.status === 'nothing' ? 'notice.restoreNothing' : 'notice.restoreFailed' });
      }
    },
    resetProgress: (onClosed) => {
      openResetDialog(doc, (key) => translate(key), () => {
        const status = progress.reset();
        events.emit('displayChanged', { reason: 'progress' });
        emitProgress();
        return status;
      }, onClosed);
    },
    openSession: (sessionId) => new SessionStateStore(storage, sessionId),
    pageFragment: () => win.location.hash,
  };

  // The Play scene reports a finished run here: result for the API, progress, and the star sound.
  const reportRun = (levelId: string, result: RunResult, extra?: { resultCode?: string }) => {
    automation.setLastResult(result);
    const score = (result.score ?? {}) as { stars?: unknown; total?: unknown };
    const stars = typeof score.stars === 'number' ? score.stars : 0;
    const total = typeof score.total === 'number' ? score.total : 0;
    const next = levelIds[levelIds.indexOf(levelId) + 1];
    progress.recordResult(levelId, stars, total, next);
    if (stars > 0) events.emit('starsAwarded', { stars });
    events.emit('runFinished', { levelId, result });
    events.emit('levelCompleted', { levelId, score: total, stars, arch: typeof result.arch === 'string' ? result.arch : null, ...(extra?.resultCode ? { resultCode: extra.resultCode } : {}) });
    emitProgress();
  };
  const emitProgress = () => events.emit('progressChanged', progressSummary(progress.get().levels, scopeIds));

  let interactive = false;
  events.on('screenShown', (shown) => {
    if (interactive || !INTERACTIVE_KEYS.includes(shown.key as SceneKey)) return;
    interactive = true;
    // Ready once the first screen is on the page: the frame that draws it (in this same step of the game's
    // loop) has been rendered and handed to the browser, which is when the next animation frame starts, as
    // on the bench's bare Phaser page (issue 16). A hidden page runs no animation frames: then a second.
    let done = false;
    const markReady = () => {
      if (done) return;
      done = true;
      startup.markReady();
      loading.done();
      // `ready` once the loading screen has left, so a host page or test sees the game itself.
      automation.markReady(loading.gone);
      embed.bridge?.ready();
      // The engine screens come next, in the background, so the first level opens without a wait: half a
      // second later and when the page is idle, so the player's first keys on the menu are not held behind
      // their start-up (a level opened sooner just waits for them, lazyScreens.ts).
      void quietMoment(win, 500).then(prefetchScreens);
    };
    if (typeof win.requestAnimationFrame === 'function') win.requestAnimationFrame(markReady);
    setTimeout(markReady, 1000);
  });

  // The address bar follows the level on show (src/app/addressBar.ts: not for class sessions, the sandbox or
  // an embedded whole campaign), so a link to any level is one copy away.
  if (options.search === undefined && addressFollowsLevel(params)) {
    events.on('screenShown', (shown) => {
      const next = addressForScreen(win.location.href, shown);
      if (next === null) return;
      try {
        win.history.replaceState(win.history.state, '', next);
      } catch {
        // A sandboxed or opaque-origin page may refuse: the address then simply stays as it was.
      }
    });
  }

  // A new attempt at a level: each time its play screen opens in this visit (after `ready` above).
  const attempts = new Map<string, number>();
  events.on('screenShown', (shown) => {
    // The level whose play screen or debrief is on show ("Embed this" writes its snippet).
    if (shown.key === SceneKeys.Play || shown.key === SceneKeys.Debrief) shell.levelOnShow = shown.levelId ?? shell.levelOnShow;
    else if (shown.key === SceneKeys.Menu || shown.key === SceneKeys.Levels || shown.key === SceneKeys.Sandbox) shell.levelOnShow = undefined;
    if (shown.key !== SceneKeys.Play || !shown.levelId) return;
    const attempt = (attempts.get(shown.levelId) ?? 0) + 1;
    attempts.set(shown.levelId, attempt);
    events.emit('levelStarted', { levelId: shown.levelId, attempt });
  });

  // An unexpected exception while the game runs opens the error screen (src/app/faultScreen.ts): the loop
  // stops, nothing is saved, and the player can copy a report or go back to the menu.
  const faults = installFaultHandler({
    win,
    doc,
    translate: (key) => translate(key),
    report: (error) =>
      faultReport(
        error,
        { gameVersion: version, modelVersion: MODEL_VERSION, language: settings.get().language, renderer: shell.renderer },
        { levelId: shell.levelOnShow, ...shell.handle?.faultContext() },
      ),
    pauseGame: () => shell.handle?.game.pause(),
    backToMenu: () => shell.handle?.recoverToMenu(),
    announce: (text) => mirror.announce(text, true),
    explained: () => startup.problem !== null,
  });

  const renderer = chooseRenderer(settings.get().renderer, () => probeWebglHardwareAcceleration(doc));
  shell.renderer = renderer;
  const onFault = (thrown: unknown): void => {
    const error = typeof thrown === 'object' && thrown !== null ? thrown : new Error(String(thrown));
    faults.handle(error);
    // Still reported as uncaught (the console, and tests that watch for page errors), after the screen is up.
    win.reportError?.(error);
  };
  shell.handle = createGame(host, ctx, renderer, { guest, onFault });
  shell.handle.game.textures.on('onerror', (key: string) => startup.textureFailed(key));
  // The game's first frame (its own loading bar, or the menu) takes over from the page's loading screen.
  shell.handle.game.events.once('postrender', () => loading.done());
  keyboard.attach(win);
  installAutomationApi(win, automation.api);
  if (guest) {
    // Phaser does not focus the window on load here (createGame): a click in the frame does it.
    win.addEventListener('pointerdown', () => win.focus(), true);
  }
  if (framed) {
    const game = shell.handle.game;
    embed.bridge = createEmbedBridge({
      win: win as unknown as Parameters<typeof createEmbedBridge>[0]['win'],
      parent: win.parent,
      parentOrigin: params.parentOrigin,
      events,
      levelIds: () => scopeIds,
      progress: () => progressSummary(progress.get().levels, scopeIds),
      startLevel: (id) => {
        game.resume();
        return automation.api.startLevel(id);
      },
      setLocale: async (locale) => {
        const language = matchLanguage(locale);
        if (!language) return false;
        overrides = { ...overrides, language };
        settings.setOverrides(overrides);
        await i18n.changeLanguage(language);
        return true;
      },
      pause: () => {
        game.pause();
        audio.setPageHidden(true);
      },
      resume: () => {
        game.resume();
        audio.setPageHidden(doc.hidden);
      },
    });
    stopKeepingStatements();
    for (const statement of earlyStatements.splice(0)) embed.bridge.statement(statement);
    for (const notice of embed.pending.splice(0)) embed.bridge.error(notice.key.replace(/^notice\./, ''), translate(notice.key, notice.params));
    // The height the game asks for depends on the frame's width only: sent once ready and when it changes.
    let sentWidth = -1;
    const sendSize = () => {
      const width = doc.documentElement.clientWidth;
      if (width === sentWidth) return;
      sentWidth = width;
      embed.bridge?.resize(preferredFrameHeight(width));
    };
    void automation.api.ready.then(() => {
      sendSize();
      win.addEventListener('resize', sendSize);
    });
  }
  return shell.handle.game;
}

/** URL parameters override settings for this session only (settings.ts keeps them out of storage). */
function urlOverrides(params: GameParams): Partial<Settings> {
  return {
    language: params.locale,
    colorProfile: params.colorProfile,
    reducedMotion: params.reducedMotion,
    renderer: params.renderer,
    muted: params.audio === 'muted' ? true : undefined,
  };
}

function soundMix(params: GameParams, settings: Settings): SoundMix {
  return { mode: params.audio === 'disabled' ? 'disabled' : 'enabled', muted: settings.muted, musicVolume: settings.musicVolume, effectsVolume: settings.effectsVolume };
}

function initialRoute(params: GameParams, scope: EmbedScope): Route {
  if (scope.start?.screen === 'play') return { key: SceneKeys.Play, data: { levelId: scope.start.levelId } };
  if (scope.start?.screen === 'levels') return { key: SceneKeys.Levels, data: scope.start.levelId ? { levelId: scope.start.levelId } : undefined };
  // The race view (?mode=race&level=…&seed=…): the URL parser guarantees a level with this mode.
  if (params.mode === 'race' && params.level) return { key: SceneKeys.Race, data: { levelId: params.level, seed: params.seed ?? params.randomSeed } };
  if (params.level) return { key: SceneKeys.Play, data: { levelId: params.level } };
  if (params.mode === 'sandbox') return { key: SceneKeys.Sandbox };
  // A class session's join link (?mode=classroom#join=…): the join screen reads the fragment itself.
  if (params.mode === 'classroom') return { key: SceneKeys.Classroom };
  return { key: SceneKeys.Menu };
}

/** What the "full game" link of an embed opens: the same level, or the level map on the same chapter. */
function fullGameParams(params: GameParams, scope: EmbedScope): Record<string, string | undefined> {
  if (scope.levels.length === 1) return { level: scope.levels[0]?.id };
  if (params.chapter !== undefined) return { mode: 'campaign', chapter: String(params.chapter) };
  return {};
}

/** `<html lang>` for screen readers and fonts; `data-palette` so the page's notices match the canvas. */
function applyPageSettings(doc: Document, settings: Settings): void {
  doc.documentElement.lang = settings.language;
  doc.documentElement.dataset.palette = settings.colorProfile;
}

function safeMatchMedia(win: Window, query: string): boolean {
  try {
    return win.matchMedia?.(query).matches ?? false;
  } catch {
    return false;
  }
}
