// The base of every screen and overlay: builds its UI from the layout, palette and language of the
// moment, and rebuilds it whenever the window resizes or language, colours or motion change. It routes
// keys (Tab/arrows/Enter/Space via the focus manager, Escape back, G glossary), fades between screens
// (not with reduced motion), and tells the rest of the app which screen is shown.
import Phaser from 'phaser';
import type { AppContext } from '../AppContext';
import type { WidgetInfo } from '../createGame';
import { computeLayout, fontPx, topBarLayout, type Layout } from '../layout';
import { addLaterScreens, ensureScreen } from '../lazyScreens';
import { SceneKeys, type SceneKey } from '../sceneKeys';
import { fontFamily, motionFor, paletteFor } from '../theme';
import { Button } from '../ui/Button';
import { showBackdrop } from '../ui/backdrop';
import { destroyChildren } from '../ui/drawing';
import { FocusManager } from '../ui/FocusManager';
import { addText, fitText } from '../ui/text';
import type { UiKit } from '../ui/UiKit';
import { screenBuilds } from '../screenBuilds';
import { markLive } from '../board/panelKit';
import { runFor, type BuildSteps } from '../ui/slicedBuild';

export type SceneData = Record<string, unknown>;

/** One line of the keyboard-help overlay: the keys and what they do, already in the player's language. */
export interface KeyHelp {
  keys: string;
  action: string;
}

/** Whether a screen has been shown since the page loaded (the first one does not fade in). */
let firstScreenShown = false;

/** A screen drawn in slices (ui/slicedBuild.ts) whose drawing is not complete yet. */
interface PendingBuild {
  /** What the screen showed before, on show under the new drawing until it is complete (then destroyed). */
  before: Phaser.GameObjects.Layer | null;
  /** The new drawing's objects kept out of the camera's sight meanwhile. */
  hidden: Phaser.GameObjects.GameObject[];
  focusedId: string | null | undefined;
  focusVisible: boolean;
  /** What waits for the screen: the player's keys, the accessible twin's clicks, the screen's first showing. */
  after: (() => void)[];
  /** The animation frame of the next slice. */
  frame: number | undefined;
}

export abstract class ScreenScene extends Phaser.Scene {
  protected readonly ctx: AppContext;
  protected readonly focus: FocusManager;
  protected sceneData: SceneData = {};
  protected kit!: UiKit;
  private leaving = false;
  private alive = false;
  private cleanups: (() => void)[] = [];
  private pendingBuild: PendingBuild | null = null;

  protected constructor(ctx: AppContext, key: SceneKey) {
    super({ key });
    this.ctx = ctx;
    this.focus = new FocusManager({
      announce: (text) => ctx.announce(text),
      // With the accessible twin, page focus on the twin button is what screen readers read.
      announceFocus: () => !ctx.mirror,
      onFocus: (id) => ctx.mirror?.focusTwin(id),
      onItemsChanged: () => this.scheduleMirror(),
      canLeaveByTab: () => ctx.hasNotices() || ctx.tabLeavesGame === true,
    });
  }

  get screenKey(): SceneKey {
    return this.scene.key as SceneKey;
  }

  init(data: SceneData | undefined): void {
    this.initAt = performance.now();
    this.sceneData = data ?? {};
    this.leaving = false;
  }

  /** When the screen began to start: its first drawing's first slice counts from there (a run's engine is
   * made in init, in the same task). */
  private initAt = Number.NaN;

  create(): void {
    this.alive = true;
    this.cleanups = [];
    this.rebuild();
    const onResize = () => this.rebuild();
    this.scale.on(Phaser.Scale.Events.RESIZE, onResize);
    this.cleanups.push(() => this.scale.off(Phaser.Scale.Events.RESIZE, onResize));
    this.cleanups.push(this.ctx.events.on('displayChanged', () => this.rebuild()));
    this.cleanups.push(this.ctx.keyboard.register(this.screenKey, (event) => this.routeKey(event)));
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => this.cleanup());
    const onResume = () => this.scheduleMirror();
    this.events.on(Phaser.Scenes.Events.RESUME, onResume);
    this.cleanups.push(() => this.events.off(Phaser.Scenes.Events.RESUME, onResume));
    // A screen's text regions go with it; an overlay leaves the screen underneath untouched.
    if (!this.isOverlay()) this.cleanups.push(() => this.ctx.mirror?.clearRegions());
    this.whenBuilt(() => this.shown());
  }

  /** The screen is drawn for the first time. */
  private shown(): void {
    // The first screen replaces the page's loading screen (or the preloader's bar) at once: no fade, so the
    // game's ready mark shows the menu itself, and a still menu is not redrawn frame after frame while the
    // player's first key waits (frameGate.ts). Every later screen fades in.
    if (firstScreenShown) this.fadeIn();
    firstScreenShown = true;
    if (this.ctx.keyboard.keyboardMode) this.focusDefault();
    this.ctx.announce(this.ctx.i18n.t('a11y.screen', { name: this.screenTitle() }));
    this.ctx.events.emit('screenShown', { key: this.screenKey, ...this.shownDetails() });
  }

  /**
   * Draws the whole screen for the current layout and settings. A screen that may take long to draw (the
   * board) returns its drawing as steps and says so in `drawsInSlices` (ui/slicedBuild.ts).
   */
  protected abstract buildScreen(kit: UiKit): void | BuildSteps;

  /** Whether `buildScreen` returns steps that may be drawn over several tasks. */
  protected drawsInSlices(): boolean {
    return false;
  }

  /** Whether the screen's drawing is still on its way (the screen shows what it showed before). */
  protected get building(): boolean {
    return this.pendingBuild !== null;
  }

  /** Runs `run` once the screen's drawing is complete: now, or after its last slice. */
  protected whenBuilt(run: () => void): void {
    if (this.pendingBuild) this.pendingBuild.after.push(run);
    else run();
  }

  /** Keys go to the screen once it is drawn, in the order they came (ui/slicedBuild.ts). */
  private routeKey(event: KeyboardEvent): boolean {
    if (!this.pendingBuild) return this.onKey(event);
    this.pendingBuild.after.push(() => void this.onKey(event));
    return true;
  }

  /** The screen's name for screen readers. */
  protected abstract screenTitle(): string;

  /** Extra details of `screenShown` (the Play scene adds its level id). */
  protected shownDetails(): { levelId?: string } {
    return {};
  }

  /** Escape: every screen but the menu goes somewhere. */
  protected onBack(): void {}

  /** The item the first key press focuses. */
  protected defaultFocusId(): string | undefined {
    return undefined;
  }

  private mirrorScheduled = false;

  /**
   * Whether the twin is written in a task of its own, after the frame that shows the changes (issue 15): on
   * the board, describing every widget in words took a third of the task that built the screen (65 of
   * 220 ms for 64 apps) and the frame waited for it; a screen reader hears the twin a few milliseconds later.
   * Other screens write it at the end of the same task: the menu's few words cost little there, and written
   * after the first frame they were laid out where the player's first key waits (first key 82 → 99 ms).
   */
  protected mirrorAfterFrame(): boolean {
    return false;
  }

  /** Re-renders the accessible twin once the current batch of widget changes is done. */
  protected scheduleMirror(): void {
    if (!this.ctx.mirror || this.mirrorScheduled) return;
    this.mirrorScheduled = true;
    const render = () => {
      this.mirrorScheduled = false;
      this.renderMirror();
    };
    if (this.mirrorAfterFrame()) setTimeout(render, 0);
    else queueMicrotask(render);
  }

  /** The twin shows the screen the player sees: an overlay over a paused screen wins. */
  protected renderMirror(): void {
    const mirror = this.ctx.mirror;
    // A screen on its way is described once it is complete (finishBuild).
    if (!mirror || !this.alive || !this.scene.isActive() || this.pendingBuild) return;
    mirror.render(
      this.screenTitle(),
      this.focus.list().map((item) => ({ id: item.id, label: item.describe(), description: item.explain?.() || undefined, enabled: item.isEnabled(), state: item.ariaState?.() })),
      { focus: (id) => this.whenBuilt(() => this.focus.followTwin(id)), activate: (id) => this.whenBuilt(() => this.focus.activateById(id)) },
    );
  }

  protected get layout(): Layout {
    return this.kit.layout;
  }

  /**
   * Redraws everything, keeping keyboard focus where it was; `then` runs once the new drawing is complete
   * (at once unless it is drawn in slices): what follows a redraw — focus moved, words said — goes there.
   */
  rebuild(then?: () => void): void {
    if (!this.alive) return;
    const startedAt = Number.isNaN(this.initAt) ? performance.now() : this.initAt;
    this.initAt = Number.NaN;
    const pending = this.pendingBuild;
    this.pendingBuild = null;
    if (pending?.frame !== undefined) cancelAnimationFrame(pending.frame);
    const focusedId = pending ? pending.focusedId : this.focus.focusedId;
    const focusVisible = pending ? pending.focusVisible : this.focus.focusVisible;
    screenBuilds.count += 1;
    this.tweens.killAll();
    let before: Phaser.GameObjects.Layer | null = null;
    if (pending) {
      // A newer drawing replaces one still on its way: what that one drew goes, the old screen stays on show.
      for (const object of this.children.list.slice()) if (object !== pending.before) object.destroy();
      before = pending.before;
    } else if (this.drawsInSlices() && this.children.list.length > 0) before = this.keepOnShow();
    else destroyChildren(this);
    this.focus.clear();
    this.kit = this.makeKit();
    this.cameras.main.setSize(this.kit.layout.width, this.kit.layout.height);
    const steps = this.buildScreen(this.kit);
    const after = pending?.after ?? [];
    if (then) after.push(then);
    const build: PendingBuild = { before, hidden: [], focusedId, focusVisible, after, frame: undefined };
    if (!steps || runFor(steps, startedAt)) this.finishBuild(build);
    else this.waitForNextSlice(build, steps);
  }

  /** Moves what the screen shows now into a layer at the bottom, on show while the new drawing is made. */
  private keepOnShow(): Phaser.GameObjects.Layer {
    const objects = this.children.list.slice();
    // Live: the run's still picture (board/bakeStill.ts) bakes what is on the display list but this.
    const layer = markLive(this.add.layer());
    layer.add(objects);
    return layer;
  }

  /**
   * The drawing goes on at the next animation frame, a slice per frame (the browser draws the frame after
   * it; between timer tasks it may not draw at all until the drawing is done). Meanwhile the new objects stay
   * out of sight and input waits.
   */
  private waitForNextSlice(build: PendingBuild, steps: BuildSteps): void {
    const camera = this.cameras.main;
    for (const object of this.children.list) {
      // Hidden by an earlier slice already (nothing else in the game sets camera filters).
      if (object === build.before || (object.cameraFilter & camera.id) !== 0) continue;
      object.cameraFilter |= camera.id;
      build.hidden.push(object);
    }
    this.input.enabled = false;
    this.pendingBuild = build;
    build.frame = requestAnimationFrame(() => {
      if (this.pendingBuild !== build || !this.alive) return;
      if (runFor(steps, performance.now())) this.finishBuild(build);
      else this.waitForNextSlice(build, steps);
    });
  }

  /** The drawing is complete: it replaces what was on show, focus goes back where it was, waiting keys run. */
  private finishBuild(build: PendingBuild): void {
    this.pendingBuild = null;
    const camera = this.cameras.main;
    for (const object of build.hidden) object.cameraFilter &= ~camera.id;
    if (build.before) {
      for (const object of build.before.list.slice()) object.destroy();
      build.before.destroy();
    }
    this.input.enabled = true;
    this.focus.setDefault(this.defaultFocusId());
    if (build.focusedId) this.focus.focus(build.focusedId, build.focusVisible, false);
    // Drawn over several tasks: the twin waited for it (renderMirror).
    if (build.frame !== undefined) this.scheduleMirror();
    for (const run of build.after) {
      const next = this.pendingBuild as PendingBuild | null;
      if (!this.alive) break;
      // A waiting key started another drawing: the rest waits for that one.
      if (next) next.after.push(run);
      else run();
    }
  }

  /** Goes to another screen, with a short fade unless motion is reduced. */
  goTo(key: SceneKey, data?: SceneData): void {
    if (this.leaving) return;
    this.leaving = true;
    // The engine screens may still be on their way (lazyScreens.ts): start once they are here.
    const start = () =>
      void ensureScreen(key).then(
        () => this.scene.start(key, data),
        () => {
          // The chunk did not arrive (offline, or a newer version was deployed): stay here and say so.
          this.ctx.notify({ key: 'notice.screensUnavailable' });
          this.leaving = false;
          this.cameras.main.resetFX();
        },
      );
    const ms = this.kit.motion.fadeMs;
    if (ms <= 0) {
      start();
      return;
    }
    const color = Phaser.Display.Color.IntegerToColor(this.kit.palette.background);
    this.cameras.main.once(Phaser.Cameras.Scene2D.Events.FADE_OUT_COMPLETE, start);
    this.cameras.main.fadeOut(ms, color.red, color.green, color.blue);
  }

  /** Opens an overlay (settings, glossary) above this screen, which waits paused underneath. */
  openOverlay(key: SceneKey): void {
    if (this.leaving || this.scene.isActive(key)) return;
    addLaterScreens();
    this.scene.launch(key, { returnTo: this.screenKey });
    this.scene.pause();
  }

  protected isOverlay(): boolean {
    return false;
  }

  protected fadeIn(): void {
    const ms = this.kit.motion.fadeMs;
    if (ms > 0) {
      const color = Phaser.Display.Color.IntegerToColor(this.kit.palette.background);
      this.cameras.main.fadeIn(ms, color.red, color.green, color.blue);
    }
  }

  protected focusDefault(): void {
    const id = this.defaultFocusId();
    if (id) this.focus.focus(id, true, false);
  }

  protected onKey(event: KeyboardEvent): boolean {
    if (this.leaving) return true;
    if (event.key === 'Escape') {
      this.onBack();
      return true;
    }
    if ((event.key === 'g' || event.key === 'G') && !event.shiftKey) {
      this.toggleGlossary();
      return true;
    }
    if (event.key === '?' || event.key === 'F1') {
      this.openKeyHelp();
      return true;
    }
    return this.focus.handleKey(event);
  }

  protected toggleGlossary(): void {
    this.openOverlay(SceneKeys.Glossary);
  }

  /** The focusable widgets with their screen rectangles and names (the automation API's `widgets()`). */
  widgetList(): WidgetInfo[] {
    return this.focus.list().map((item) => ({ id: item.id, label: item.describe(), enabled: item.isEnabled(), pictured: item.isPictured?.() === true, ...item.bounds() }));
  }

  /** The keys of this screen beyond the everywhere-keys, for the keyboard-help overlay (? or F1). */
  keyHelp(): KeyHelp[] {
    return [];
  }

  protected openKeyHelp(): void {
    this.openOverlay(SceneKeys.Keys);
  }

  protected drawBackdrop(kit: UiKit): void {
    showBackdrop(this.game.canvas, kit.layout, kit.palette);
  }

  /**
   * The top bar: an optional Back button, the screen title, and Glossary / Settings buttons.
   * On narrow windows the action buttons show only their icons.
   */
  protected addTopBar(kit: UiKit, options: { title: string; back?: () => void; glossary?: boolean; settings?: boolean }): void {
    const t = this.ctx.i18n.t;
    const px = fontPx(kit.layout, 'button');
    const actionWidth = Math.round(Math.max(px * 7.2, 150 * kit.layout.scale));
    const actions: { id: string; label: string; icon: 'book' | 'gear'; run: () => void }[] = [];
    if (options.glossary) actions.push({ id: 'top-glossary', label: t('common.glossary'), icon: 'book', run: () => this.openOverlay(SceneKeys.Glossary) });
    if (options.settings) actions.push({ id: 'top-settings', label: t('common.settings'), icon: 'gear', run: () => this.openOverlay(SceneKeys.Settings) });
    const compact = kit.layout.width < 820;
    const bar = topBarLayout(kit.layout, actions.map(() => (compact ? kit.layout.buttonHeight * 1.25 : actionWidth)), Boolean(options.back));
    if (options.back) {
      const back = options.back;
      new Button(this, kit, { id: 'top-back', rect: bar.back, label: t('common.back'), icon: 'back', fontPx: px, variant: 'quiet', onActivate: back });
    }
    actions.forEach((action, i) => {
      const rect = bar.actions[i];
      if (!rect) return;
      new Button(this, kit, { id: action.id, rect, label: compact ? '' : action.label, ariaLabel: action.label, icon: action.icon, fontPx: px, variant: 'quiet', onActivate: action.run, align: 'left' });
    });
    // Centred on the screen when it fits between the buttons that way; else centred in the room they leave.
    const title = addText(this, kit, bar.centredTitle.x + bar.centredTitle.width / 2, bar.title.y + bar.title.height / 2, options.title, {
      fontPx: fontPx(kit.layout, 'title'),
      bold: true,
      color: kit.palette.heading,
      originX: 0.5,
      originY: 0.5,
      align: 'center',
    });
    // A title a little too wide for the centred room gets a slightly smaller font rather than moving off-centre.
    const centred = title.width <= bar.centredTitle.width * 1.2;
    if (!centred) title.setX(bar.title.x + bar.title.width / 2);
    fitText(title, centred ? bar.centredTitle.width : bar.title.width, bar.title.height * 1.2, fontPx(kit.layout, 'body'));
  }

  /** The keyboard hint along the bottom edge (hidden where there is no room); a screen may name its own. */
  protected addFooterHint(kit: UiKit, text = this.ctx.i18n.t('common.keyHint')): void {
    const { footer } = kit.layout;
    if (footer.width < 420 || footer.height <= 0) return;
    const hint = addText(this, kit, footer.x + footer.width / 2, footer.y + footer.height / 2, text, {
      fontPx: fontPx(kit.layout, 'small'),
      color: kit.palette.textMuted,
      originX: 0.5,
      originY: 0.5,
      align: 'center',
    });
    fitText(hint, footer.width, footer.height * 1.3, Math.max(12, fontPx(kit.layout, 'small') * 0.7));
  }

  private makeKit(): UiKit {
    const settings = this.ctx.settings.get();
    const t = this.ctx.i18n.t;
    return {
      palette: paletteFor(settings.colorProfile),
      fontFamily: fontFamily(settings.language),
      motion: motionFor(settings.reducedMotion),
      layout: computeLayout(this.scale.width, this.scale.height),
      focus: this.focus,
      onActivated: () => this.ctx.events.emit('buttonPressed', {}),
      announce: (text) => this.ctx.announce(text),
      words: {
        on: t('common.on'),
        off: t('common.off'),
        selected: t('a11y.selected'),
        percent: (value) => t('settings.volumePercent', { percent: value }),
      },
    };
  }

  private cleanup(): void {
    this.alive = false;
    if (this.pendingBuild?.frame !== undefined) cancelAnimationFrame(this.pendingBuild.frame);
    this.pendingBuild = null;
    this.input.enabled = true;
    for (const off of this.cleanups) off();
    this.cleanups = [];
    this.focus.clear();
  }
}
