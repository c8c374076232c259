// The one place that wires the game together: URL parameters, settings and progress stores, strings,
// sound, notices, the automation API and the Phaser game. Importing this module starts nothing;
// index.html calls `startGame(parent)`, which returns the game.
import type Phaser from 'phaser';
import { version } from '../package.json';
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
import { defaultSettings, SETTINGS_KEY, SettingsStore, type Settings } from './app/settings';
import { localStorageOf, type KeyValueStorage, type StorageStatus } from './app/storage';
import { installStartupGuard } from './app/startupGuard';
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

export interface StartOptions {
  /** The campaign (default: the built-in levels). */
  levels?: readonly Level[];
  /** The query string (default: the page's). */
  search?: string;
  /** Where settings and progress live (default: the page's localStorage). */
  storage?: KeyValueStorage | null;
}

const STORAGE_NOTICES: Record<Exclude<StorageStatus, 'ok'>, Notice['key']> = {
  blocked: 'notice.storageBlocked',
  full: 'notice.storageFull',
  corrupted: 'notice.storageCorrupted',
};

export function startGame(parent: HTMLElement | null, options: StartOptions = {}): Phaser.Game {
  const win = window;
  const doc = document;
  const host = parent ?? doc.body.appendChild(doc.createElement('div'));
  const levels = options.levels ?? CAMPAIGN_LEVELS;
  const levelIds = levels.map((level) => level.id);
  const { params, notices } = parseUrlParams(options.search ?? win.location.search, levelIds);
  const storage = options.storage === undefined ? localStorageOf(win) : options.storage;

  const settings = new SettingsStore(
    storage,
    defaultSettings({
      prefersReducedMotion: safeMatchMedia(win, '(prefers-reduced-motion: reduce)'),
      browserLanguage: preferredLanguage(win.navigator.languages?.length ? win.navigator.languages : [win.navigator.language ?? 'en']),
    }),
  );
  settings.setOverrides(urlOverrides(params));
  const progress = new ProgressStore(storage, { levelIds });
  const i18n = createI18n(settings.get().language, levels);
  // Before the game exists: a page policy that blocks what Phaser needs must show a message, not a blank page.
  const startup = installStartupGuard(doc, (key, values) => (i18n.t as (k: string, p?: object) => string)(key, values));
  const events = createGameEvents();
  // SCORM / cmi5 / xAPI (src/lms): restores progress from an LMS's suspend data before the first screen.
  const offline = { translate: (key: string) => i18n.t(`offline:${key}` as 'offline:update.available'), register: (hooks: object) => import('virtual:pwa-register').then((pwa) => pwa.registerSW(hooks)) };
  installLms({ win, search: options.search ?? win.location.search, levels, events, progress, storage, offline });

  const banner = new NoticeBanner(
    doc.getElementById('notices') ?? doc.body.appendChild(doc.createElement('div')),
    (key, values) => (i18n.t as (k: string, p?: object) => string)(key, values),
    () => i18n.t('common.dismiss'),
  );
  const notify = (notice: Notice) => banner.show(notice);
  notices.forEach(notify);
  if (params.mode === 'editor' || params.mode === 'classroom') notify({ key: 'notice.modeUnavailable', params: { mode: params.mode } });
  const reportStorage = (status: StorageStatus | 'invalid', corrupted: Notice['key']) => {
    if (status === 'corrupted') notify({ key: corrupted });
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
  const shell: { handle?: GameHandle; renderer?: string } = {};
  const keyboard = new KeyboardRouter(() => shell.handle?.currentScreen());
  const announcer = doc.getElementById('kc-screen-status');
  const mirror = new DomMirror(doc, doc.getElementById('kc-a11y-host') ?? doc.body);
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
    // A testing aid (docs/embed-api.md): the run happens in the lazily loaded engine chunk.
    openDebrief: async (id, options) => {
      const level = levels.find((candidate) => candidate.id === id);
      if (!level) throw new Error(`Unknown level id ${JSON.stringify(id)}.`);
      const { runForDebrief } = await import('./game/debrief/debriefRun');
      const data = runForDebrief(level, options);
      // As if the level had just been played: progress, lastResult() and the star sound.
      reportRun(id, data.result as unknown as RunResult);
      await new Promise<void>((resolve) => {
        const off = events.on('screenShown', (shown) => {
          if (shown.key === SceneKeys.Debrief) {
            off();
            resolve();
          }
        });
        shell.handle?.showScreen(SceneKeys.Debrief, { ...data });
      });
    },
  });

  const ctx: AppContext = {
    version,
    i18n,
    settings,
    progress,
    levels,
    params,
    events,
    audio,
    keyboard,
    initialRoute: initialRoute(params),
    notify,
    hasNotices: () => banner.count > 0,
    announce: (text) => {
      if (announcer) announcer.textContent = text;
    },
    mirror,
    reportRun: (levelId, result) => reportRun(levelId, result),
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
      });
    },
    previousSave: () => progress.previousSave(),
    restorePreviousSave: () => {
      const restored = progress.restorePrevious();
      if (restored.status === 'ok') {
        notify({ key: 'notice.restoreSucceeded', params: { date: formatSaveDate(restored.keptAt ?? '', i18n.language), count: restored.levelCount ?? 0 } });
        events.emit('displayChanged', { reason: 'progress' });
      } else {
        notify({ key: restored.status === 'nothing' ? 'notice.restoreNothing' : 'notice.restoreFailed' });
      }
    },
  };

  // The Play scene reports a finished run here: result for the API, progress, and the star sound.
  const reportRun = (levelId: string, result: RunResult) => {
    automation.setLastResult(result);
    const score = (result.score ?? {}) as { stars?: unknown; total?: unknown };
    const stars = typeof score.stars === 'number' ? score.stars : 0;
    const total = typeof score.total === 'number' ? score.total : 0;
    const next = levelIds[levelIds.indexOf(levelId) + 1];
    progress.recordResult(levelId, stars, total, next);
    if (stars > 0) events.emit('starsAwarded', { stars });
    events.emit('runFinished', { levelId, result });
  };

  events.on('screenShown', (shown) => {
    if (INTERACTIVE_KEYS.includes(shown.key as SceneKey)) {
      startup.markReady();
      automation.markReady();
      // The engine screens come next, in the background, so the first level opens without a wait.
      setTimeout(prefetchScreens, 0);
    }
  });

  const renderer = chooseRenderer(settings.get().renderer, () => probeWebglHardwareAcceleration(doc));
  shell.renderer = renderer;
  shell.handle = createGame(host, ctx, renderer);
  shell.handle.game.textures.on('onerror', (key: string) => startup.textureFailed(key));
  keyboard.attach(win);
  installAutomationApi(win, automation.api);
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

function initialRoute(params: GameParams): Route {
  if (params.level) return { key: SceneKeys.Play, data: { levelId: params.level } };
  if (params.mode === 'sandbox') return { key: SceneKeys.Sandbox };
  return { key: SceneKeys.Menu };
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
