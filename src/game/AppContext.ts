// Everything a scene may use from the rest of the app, handed to every scene's constructor by
// createGame. Scenes reach stores, strings, sound and the page only through this, never through globals.
import type { GameEvents, RunResult } from '../app/gameEvents';
import type { Notice } from '../app/notices';
import type { ProgressStore } from '../app/progressStore';
import type { SessionStateStore } from '../app/sessionStore';
import type { SettingsStore } from '../app/settings';
import type { GameParams } from '../app/urlParams';
import type { AudioAdapter } from '../audio/AudioAdapter';
import type { GameI18n } from '../i18n/createI18n';
import type { DomMirror } from '../a11y/DomMirror';
import type { Level } from '../sim/types';
import type { SceneKey } from './sceneKeys';
import type { KeyboardRouter } from './ui/KeyboardRouter';

/** Where the game goes once loaded: the menu, or what the URL asks for. */
export interface Route {
  key: SceneKey;
  data?: Record<string, unknown>;
}

export interface AppContext {
  readonly version: string;
  readonly i18n: GameI18n;
  readonly settings: SettingsStore;
  readonly progress: ProgressStore;
  /** The campaign, in order (embedded: only the levels the page plays). */
  readonly levels: readonly Level[];
  /** The whole campaign when `levels` is only part of it (an embedded level or chapter): level numbers. */
  readonly campaignLevels?: readonly Level[];
  readonly params: GameParams;
  readonly events: GameEvents;
  readonly audio: AudioAdapter;
  readonly keyboard: KeyboardRouter;
  readonly initialRoute: Route;
  /** What the first screen waits for, if anything: a SCORM launch's progress restored from the LMS (src/lms). */
  readonly firstScreenWaitsFor?: Promise<void>;
  /** Shows a localized, dismissible notice banner. */
  notify(notice: Notice): void;
  /** True while a notice banner is on the page (Tab can then leave the canvas to reach it). */
  hasNotices(): boolean;
  /** A guest in another page (framed or mode=embed): Tab past the last control (Shift+Tab before the first) leaves the game. */
  readonly tabLeavesGame?: boolean;
  /** Says something to screen readers through the page's live region. */
  announce(text: string): void;
  /** The accessible twin of the canvas (buttons, text regions, event logs), when the page has one. */
  readonly mirror?: DomMirror;
  /** The Play scene calls this when a run finishes: progress, lastResult(), sound. */
  /** `resultCode`: the class session's result code of this run, when one was made (contracts §5b, §6). */
  reportRun(levelId: string, result: RunResult, extra?: { resultCode?: string }): void;
  exportProgress(): void;
  importProgress(): void;
  /** The save "restore the previous save" would bring back, or null when there is none. */
  previousSave(): { keptAt: string; levelCount: number } | null;
  /** Puts the previous save back (it says so in a notice); restoring again undoes it. */
  restorePreviousSave(): void;
  /** A class session's state on this device (nickname, codes), under its own storage key. */
  openSession?(sessionId: string): SessionStateStore;
  /** The page address's fragment (a class session's join link carries the session there). */
  pageFragment?(): string;
  /** Optional: opens the "Embed this" dialog with the iframe snippet for the level on show (Settings). */
  openEmbedDialog?(): void;
  /**
   * Optional: asks, in a dialog, whether to forget the campaign progress on this device (Settings, "Reset
   * progress"; settings and class sessions stay) and does it. `onClosed` runs when the dialog closes.
   */
  resetProgress?(onClosed?: () => void): void;
}
