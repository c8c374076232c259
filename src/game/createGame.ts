// Creates the Phaser game: the chosen renderer, a canvas that fills its parent and follows resizes and
// rotation (Scale Manager RESIZE; screens reflow from layout.ts), and the scenes. Returns the game and a
// small handle to read and change the current screen from outside (the automation API).
import Phaser from 'phaser';
import type { RaceSnapshot } from '../app/automationApi';
import type { AppContext } from './AppContext';
import { createScenes } from './createScenes';
import { ensureScreen, registerLazyScreens } from './lazyScreens';
import type { RendererKind } from './renderer';
import { INTERACTIVE_KEYS, OVERLAY_KEYS, SCREEN_KEYS, SceneKeys, type SceneKey } from './sceneKeys';
import { paletteFor } from './theme';
import { sceneTexts, type TextBox } from './ui/textAudit';
import { installTextMetricsCache } from './ui/textMetrics';

export interface GameHandle {
  game: Phaser.Game;
  /** The key of the topmost active scene: what the player sees. */
  currentScreen(): string | undefined;
  /** Closes any overlay and shows `key` (used by kernelCourier.startLevel). */
  showScreen(key: SceneKey, data?: Record<string, unknown>): void;
  /** The focusable widgets of the screen the player sees (kernelCourier.widgets()). */
  widgets(): WidgetInfo[];
  /** Live display objects in running scenes, and packets in flight on a board (kernelCourier.stats()). */
  stats(): { displayObjects: number; packetsInFlight: number; canvases: number };
  /** The race view's state while it is the screen on show (kernelCourier.race()), else null. */
  race(): RaceSnapshot | null;
  /** The texts the screen on show draws, with their boxes (a testing aid: kernelCourier.texts()). */
  texts(): TextBox[];
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

/** `guest`: the game is embedded in another page (it must not take focus on load). */
export function createGame(parent: HTMLElement, ctx: AppContext, renderer: RendererKind, options: { guest?: boolean } = {}): GameHandle {
  installTextMetricsCache();
  const game = new Phaser.Game({
    type: renderer === 'webgl' ? Phaser.WEBGL : Phaser.CANVAS,
    parent,
    backgroundColor: paletteFor(ctx.settings.get().colorProfile).background,
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
    scene: createScenes(ctx),
  });

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
      () => game.scene.start(key, data),
      () => {
        ctx.notify({ key: 'notice.screensUnavailable' });
        game.scene.start(SceneKeys.Menu);
      },
    );
  };

  registerLazyScreens(game, ctx);

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
    for (const scene of game.scene.getScenes(true)) {
      displayObjects += countObjects(scene.children.list);
      // Packets drawn on a board (what the sandbox's `packets=N` holds); the engine's count otherwise.
      const board = scene as unknown as { packets?: { visible?: number } | null; session?: { simulation?: { packetsInFlight: number } } | null };
      packetsInFlight += board.packets?.visible ?? board.session?.simulation?.packetsInFlight ?? 0;
    }
    // Canvases Phaser's pool holds for live Text objects: a screen that forgets to destroy its labels grows it.
    return { displayObjects, packetsInFlight, canvases: Phaser.Display.Canvas.CanvasPool.total() };
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

  return { game, currentScreen, showScreen, widgets, stats, race, texts, runViz };
}
