// Creates the Phaser game: the chosen renderer, a canvas that fills its parent and follows resizes and
// rotation (Scale Manager RESIZE; screens reflow from layout.ts), and the scenes. Returns the game and a
// small handle to read and change the current screen from outside (the automation API).
import Phaser from 'phaser';
import type { RaceSnapshot } from '../app/automationApi';
import type { FaultContext } from '../app/faultScreen';
import type { AppContext } from './AppContext';
import { createScenes } from './createScenes';
import { FrameGate, type FrameState } from './frameGate';
import { ensureScreen, registerLazyScreens } from './lazyScreens';
import type { RendererKind } from './renderer';
import { INTERACTIVE_KEYS, OVERLAY_KEYS, SCREEN_KEYS, SceneKeys, type SceneKey } from './sceneKeys';
import { pendingIdleJobs } from './ui/idleWork';
import { easing } from './ui/scaleEase';
import { sceneTexts, type TextBox } from './ui/textAudit';
import { installTextMetricsCache } from './ui/textMetrics';
import { screenBuilds } from './screenBuilds';

export interface GameHandle {
  game: Phaser.Game;
  /** The key of the topmost active scene: what the player sees. */
  currentScreen(): string | undefined;
  /** Closes any overlay and shows `key` (used by kernelCourier.startLevel). */
  showScreen(key: SceneKey, data?: Record<string, unknown>): void;
  /** The focusable widgets of the screen the player sees (kernelCourier.widgets()). */
  widgets(): WidgetInfo[];
  /** Live display objects in running scenes, and packets in flight on a board (kernelCourier.stats()); frames
   * drawn and left undrawn because the screen was still (frameGate.ts). */
  stats(): { displayObjects: number; packetsInFlight: number; canvases: number; framesDrawn: number; framesSkipped: number; screensDrawn: number; packetsDrawn: number; idleJobs: number; building: boolean; scenes: number };
  /** The race view's state while it is the screen on show (kernelCourier.race()), else null. */
  race(): RaceSnapshot | null;
  /** The texts the screen on show draws, with their boxes (a testing aid: kernelCourier.texts()). */
  texts(): TextBox[];
  /** What the screen on show says about itself for an error report (screen, level, seed, build). */
  faultContext(): FaultContext;
  /** After an error: stops every screen and overlay (a broken one too), resumes the loop, shows the menu. */
  recoverToMenu(): void;
  /** A testing aid (kernelCourier.throwInScene): the screen on show throws `message` from its next update. */
  throwInScene(message: string): boolean;
  /** The run's packets, marks, wall flashes and packet panel on show (a testing aid: kernelCourier.runViz()). */
  runViz(): unknown;
}

export interface WidgetInfo {
  id: string;
  label: string;
  enabled: boolean;
  /** Whether the widget is drawn from its picture now (a widget at rest); false while it animates. */
  pictured: boolean;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** `guest`: the game is embedded in another page (it must not take focus on load). `onFault`: an exception
 * thrown while the game steps a frame (a scene's create, update or render); the loop goes on without it. */
export function createGame(parent: HTMLElement, ctx: AppContext, renderer: RendererKind, options: { guest?: boolean; onFault?: (error: unknown) => void } = {}): GameHandle {
  installTextMetricsCache();
  const scenes = createScenes(ctx);
  const game = new Phaser.Game({
    type: renderer === 'webgl' ? Phaser.WEBGL : Phaser.CANVAS,
    parent,
    // The canvas is transparent: the screens' background is CSS behind it (ui/backdrop.ts), so no frame
    // fills the screen with a colour first.
    transparent: true,
    scale: {
      mode: Phaser.Scale.RESIZE,
      width: '100%',
      height: '100%',
      // Polling as well as events: some embedding pages resize the iframe without a window resize.
      resizeInterval: 250,
    },
    // Sound goes through Howler (src/audio); Phaser must not open an audio context of its own.
    audio: { noAudio: true },
    banner: false,
    disableContextMenu: true,
    // The wheel is the host page's: the game uses none, so an embedded game never stops its scrolling.
    input: { activePointers: 3, mouse: { preventDefaultWheel: false } },
    // Phaser focuses the window on boot and on every click; in another page only a click may (main.ts).
    autoFocus: !options.guest,
    render: { antialias: true, roundPixels: false },
    scene: scenes.first,
  });
  // A still screen's frame is drawn only when its picture may have changed (frameGate.ts); a frame left
  // undrawn still steps every scene (Phaser's headless step: input, tweens, timers, the scenes' updates).
  const gate = new FrameGate();
  const drawStep = game.step.bind(game);
  const updateStep = game.headlessStep.bind(game);
  const gatedStep = (time: number, delta: number) => {
    if (!gate.shouldDraw(time, frameState(game))) {
      updateStep(time, delta);
      return;
    }
    drawStep(time, delta);
    gate.drewWith(frameState(game).signature, performance.now());
  };
  const view = parent.ownerDocument.defaultView;
  const invalidate = () => gate.invalidate();
  const inputTypes = ['keydown', 'keyup', 'pointerdown', 'pointermove', 'pointerup', 'pointercancel', 'wheel', 'focusin', 'focusout'];
  for (const type of inputTypes) view?.addEventListener(type, invalidate, { capture: true, passive: true });
  game.scale.on(Phaser.Scale.Events.RESIZE, invalidate);
  game.events.once(Phaser.Core.Events.DESTROY, () => {
    for (const type of inputTypes) view?.removeEventListener(type, invalidate, { capture: true });
  });
  // Phaser asks for the next frame only after a step returns: an exception in a scene would stop the loop
  // for good (a frozen page). Caught here, it goes to the error screen (src/app/faultScreen.ts) instead.
  // Set before boot, so Game.start binds this one.
  const onFault = options.onFault;
  game.step = onFault
    ? (time: number, delta: number) => {
        try {
          gatedStep(time, delta);
        } catch (error) {
          forgetPendingOps(game);
          onFault(error);
        }
      }
    : gatedStep;

  const known = new Set<string>([SceneKeys.Boot, SceneKeys.Preloader, ...INTERACTIVE_KEYS]);
  // Loading, creating or running counts (the Preloader is "loading" while its bar fills); a screen
  // paused under an overlay does not.
  const showing = new Set<number>([Phaser.Scenes.LOADING, Phaser.Scenes.CREATING, Phaser.Scenes.RUNNING]);
  const currentScreen = (): string | undefined => {
    const active = game.scene
      .getScenes(false)
      .filter((scene) => known.has(scene.scene.key) && showing.has(scene.sys.settings.status))
      .map((scene) => scene.scene.key);
    return active[active.length - 1];
  };

  const showScreen = (key: SceneKey, data?: Record<string, unknown>): void => {
    for (const scene of game.scene.getScenes(false)) {
      const sceneKey = scene.scene.key as SceneKey;
      if ((SCREEN_KEYS.includes(sceneKey) || OVERLAY_KEYS.includes(sceneKey)) && (scene.sys.isActive() || scene.sys.isPaused())) {
        game.scene.stop(sceneKey);
      }
    }
    void ensureScreen(key).then(
      // A scene just added during a step of the game is added at the start of the next one.
      () => (game.scene.getScene(key) ? game.scene.start(key, data) : (game.scene as unknown as QueuingSceneManager).queueOp('start', key, data)),
      () => {
        ctx.notify({ key: 'notice.screensUnavailable' });
        game.scene.start(SceneKeys.Menu);
      },
    );
  };

  registerLazyScreens(game, ctx, scenes.later);

  const widgets = (): WidgetInfo[] => {
    const key = currentScreen();
    const scene = key ? (game.scene.getScene(key) as unknown as { widgetList?: () => WidgetInfo[] } | null) : null;
    return scene?.widgetList?.() ?? [];
  };

  const countObjects = (list: readonly Phaser.GameObjects.GameObject[]): number => {
    let count = 0;
    for (const object of list) {
      count += 1;
      if (object instanceof Phaser.GameObjects.Container) count += countObjects(object.list);
    }
    return count;
  };
  const stats = () => {
    let displayObjects = 0;
    let packetsInFlight = 0;
    let packetsDrawn = 0;
    let building = false;
    for (const scene of game.scene.getScenes(true)) {
      displayObjects += countObjects(scene.children.list);
      // A screen drawn in slices whose drawing is still on its way (ui/slicedBuild.ts).
      if ((scene as unknown as { building?: boolean }).building === true) building = true;
      // Packets drawn on a board (what the sandbox's `packets=N` holds); the engine's count otherwise.
      const board = scene as unknown as { packets?: { visible?: number; drawn?: number } | null; session?: { simulation?: { packetsInFlight: number } } | null };
      packetsInFlight += board.packets?.visible ?? board.session?.simulation?.packetsInFlight ?? 0;
      packetsDrawn += board.packets?.drawn ?? 0;
    }
    // Canvases Phaser's pool holds for live Text objects: a screen that forgets to destroy its labels grows it.
    return { displayObjects, packetsInFlight, canvases: Phaser.Display.Canvas.CanvasPool.total(), framesDrawn: gate.drawn, framesSkipped: gate.skipped, screensDrawn: screenBuilds.count, packetsDrawn, idleJobs: pendingIdleJobs(), building, scenes: game.scene.scenes.length };
  };

  const race = (): RaceSnapshot | null => {
    if (currentScreen() !== SceneKeys.Race) return null;
    const scene = game.scene.getScene(SceneKeys.Race) as unknown as { raceInfo?: () => RaceSnapshot | null } | null;
    return scene?.raceInfo?.() ?? null;
  };

  const texts = (): TextBox[] => {
    const key = currentScreen();
    const scene = key ? game.scene.getScene(key) : null;
    return scene ? sceneTexts(scene) : [];
  };

  const runViz = (): unknown => {
    const key = currentScreen();
    const scene = key ? (game.scene.getScene(key) as unknown as { runVizInfo?: () => unknown } | null) : null;
    return scene?.runVizInfo?.() ?? null;
  };

  const faultContext = (): FaultContext => {
    const key = currentScreen();
    const scene = key ? (game.scene.getScene(key) as unknown as { faultContext?: () => FaultContext } | null) : null;
    let details: FaultContext = {};
    try {
      details = scene?.faultContext?.() ?? {};
    } catch {
      // A broken screen may not say more than its name.
    }
    return { ...details, screen: key };
  };

  const recoverToMenu = (): void => {
    forgetPendingOps(game);
    for (const scene of game.scene.getScenes(false)) {
      const key = scene.scene.key as SceneKey;
      const status = scene.sys.settings.status;
      if (!SCREEN_KEYS.includes(key) && !OVERLAY_KEYS.includes(key)) continue;
      if (status <= Phaser.Scenes.PENDING || status >= Phaser.Scenes.SHUTDOWN) continue;
      try {
        game.scene.stop(key);
      } catch {
        // Its own shutdown failed: it is stopped as far as it goes; the menu still starts.
      }
    }
    game.resume();
    game.scene.start(SceneKeys.Menu);
  };

  const throwInScene = (message: string): boolean => {
    const key = currentScreen();
    const scene = key ? game.scene.getScene(key) : null;
    if (!scene) return false;
    const sys = scene.sys as unknown as { sceneUpdate: (time: number, delta: number) => void };
    const update = sys.sceneUpdate;
    sys.sceneUpdate = () => {
      sys.sceneUpdate = update;
      throw new Error(message);
    };
    return true;
  };

  return { game, currentScreen, showScreen, widgets, stats, race, texts, faultContext, recoverToMenu, throwInScene, runViz };
}

/** Phaser's SceneManager.queueOp (not in its type definitions): runs `op` at the start of the next step. */
interface QueuingSceneManager {
  queueOp(op: 'start', key: string, data?: unknown): void;
}

/** After an exception in a step, the scene manager is left mid-way: its queued operations would run (and
 * throw) again next frame, and it would think it is still processing. */
function forgetPendingOps(game: Phaser.Game): void {
  const manager = game.scene as unknown as { isProcessing: boolean; _queue?: unknown[]; _start?: unknown[]; _pending?: unknown[] };
  manager.isProcessing = false;
  if (Array.isArray(manager._queue)) manager._queue.length = 0;
  if (Array.isArray(manager._start)) manager._start.length = 0;
}

/** Screens that look the same from frame to frame unless something happens to them (frameGate.ts). */
const STILL_SCREENS = new Set<string>([SceneKeys.Menu, SceneKeys.Levels, SceneKeys.Settings, SceneKeys.Glossary, SceneKeys.Keys]);

/** What the frame gate needs to know about the scenes on show (no allocation: it runs every frame). */
function frameState(game: Phaser.Game): FrameState {
  let still = true;
  let moving = false;
  let signature = 0;
  const scenes = game.scene.scenes as Phaser.Scene[];
  for (let index = 0; index < scenes.length; index += 1) {
    const sys = scenes[index].sys;
    const status = sys.settings.status;
    // Never started (INIT), shut down or destroyed: not on show.
    if (status < Phaser.Scenes.START || status > Phaser.Scenes.SLEEPING) continue;
    signature = (Math.imul(signature, 31) + index * 16 + status) | 0;
    // Paused (under an overlay) or asleep: its picture does not change.
    if (status === Phaser.Scenes.PAUSED || status === Phaser.Scenes.SLEEPING) continue;
    if (status !== Phaser.Scenes.RUNNING || !STILL_SCREENS.has(sys.settings.key)) still = false;
    else if (!moving && sceneMoving(scenes[index])) moving = true;
  }
  return { still, moving, signature };
}

/** A tween, a widget's ease, a timer or a camera effect pending in `scene`: this step may change its picture. */
function sceneMoving(scene: Phaser.Scene): boolean {
  if ((scene.tweens as unknown as { tweens: unknown[] }).tweens.length > 0 || easing(scene)) return true;
  const clock = scene.time as unknown as { _active: unknown[]; _pendingInsertion: unknown[] };
  if (clock._active.length > 0 || clock._pendingInsertion.length > 0) return true;
  const camera = scene.cameras?.main;
  return camera !== undefined && (camera.fadeEffect.isRunning || camera.flashEffect.isRunning || camera.shakeEffect.isRunning || camera.panEffect.isRunning || camera.zoomEffect.isRunning || camera.rotateToEffect.isRunning);
}
