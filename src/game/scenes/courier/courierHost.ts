// What the two phases of the board screen (BuildPhase, RunPhase) may use of the scene that shows them:
// the Phaser scene to draw into, the app's services, the level and its build, redrawing, and the hooks
// by which the Play scene and the Sandbox differ. The scene (CourierScene) makes one of these and
// switches between the phases; the phases never reach into each other.
import type Phaser from 'phaser';
import type { BuildNode, Level } from '../../../sim/types';
import type { AppContext } from '../../AppContext';
import type { BoardText } from '../../board/boardText';
import type { PanelContext } from '../../board/panelKit';
import type { BuildEditor } from '../../play/BuildEditor';
import type { LogEntry } from '../../play/runLog';
import type { RunSession } from '../../play/RunSession';
import type { FocusManager } from '../../ui/FocusManager';
import type { UiKit } from '../../ui/UiKit';

export type Phase = 'brief' | 'build' | 'run';

export type BannerTone = 'info' | 'alert' | 'action';

export interface CourierHost {
  /** The scene the phase draws into and takes pointer input from. */
  readonly scene: Phaser.Scene;
  readonly ctx: AppContext;
  readonly focus: FocusManager;
  /** The kit of the last rebuild (layout, palette, motion). */
  kit(): UiKit;
  readonly level: Level;
  /** The player's build: edited in the build phase, read by the run phase (hosts, nodes). */
  readonly editor: BuildEditor;
  readonly boardText: BoardText;
  /** The phase on show. */
  phase(): Phase;
  /** Whether focus rings show (the player uses the keyboard). */
  keyboardMode(): boolean;
  t(key: string, params?: object): string;
  /** Redraws the whole screen, keeping keyboard focus; `then` runs once it is drawn (ScreenScene.rebuild). */
  rebuild(then?: () => void): void;
  /** Widgets' words changed in place (an app card's count): the accessible twin says them again. */
  describeAgain(): void;
  panelContext(kit: UiKit): PanelContext;
  /** The nodes the board shows: the editor's, with drivers switched during the run. */
  currentNodes(): readonly BuildNode[];

  // Switching phases (the scene decides).
  startRun(): void;
  backToBuilding(): void;

  // Hooks of the Play scene and the Sandbox.
  /** Hints to show during the build (the Sandbox has none). */
  hints(): string[];
  /** What the hint bar says when there is no hint to show. */
  hintPrompt(): string;
  /** The run band's words at rest (keys, or what the buttons do on a touch device). */
  runKeysText(): string;
  /** Whether "Skip to end" is offered. */
  canSkip(): boolean;
  /** Extra numbers for the live metrics (the Sandbox's packets in flight against its target). */
  metricsExtra(): { inFlight?: number; target?: number } | undefined;
  /** Called every frame of a run, after drawing (the Sandbox's load controller). */
  onRunFrame(session: RunSession, timeMs: number): void;
  /** Log lines to keep (the Sandbox leaves out its own load scaling). */
  logFilter(entry: LogEntry): boolean;
  /** What the band above the board says during the run. */
  bannerContent(session: RunSession): [string, BannerTone];
  /** The run reached its end (or was skipped to it). */
  onRunEnded(session: RunSession, skipped: boolean): void;
}
