// The board screen shared by the Play scene and the Sandbox. It only orchestrates: it makes the build
// phase (courier/BuildPhase.ts: palette, board, tray, panels, hints; pointer, touch and keyboard through
// BuildInput) and, for each run, a run phase (courier/RunPhase.ts: a RunSession stepped in update(),
// packets, live panels, the player's commands in RunControls), switches between brief, build and run,
// routes keys to the phase on show, and owns the screen's lifecycle (init, create, rebuild, shutdown, the
// accessible twin). Both phases see the scene through one CourierHost (courier/courierHost.ts). Their
// state lives in fields that survive rebuild(); rebuild() recreates only display objects, on resize,
// language, colours, motion, and board changes.
import Phaser from 'phaser';
import { describeBoard } from '../../a11y/describeBoard';
import { reasonText } from '../../i18n/dynamicText';
import type { Build, BuildNode, Level } from '../../sim/types';
import type { AppContext } from '../AppContext';
import { BoardText } from '../board/boardText';
import type { PacketLayer } from '../board/PacketLayer';
import type { PanelContext } from '../board/panelKit';
import { BuildEditor } from '../play/BuildEditor';
import type { BuildInput } from '../play/buildInput';
import type { LogEntry } from '../play/runLog';
import type { RunSession } from '../play/RunSession';
import type { SceneKey } from '../sceneKeys';
import type { BuildSteps } from '../ui/slicedBuild';
import type { UiKit } from '../ui/UiKit';
import { BuildPhase } from './courier/BuildPhase';
import type { BannerTone, CourierHost, Phase } from './courier/courierHost';
import { RunPhase } from './courier/RunPhase';
import { existingExplainer } from '../ui/Explainer';
import { showKeyHints } from '../ui/keyHints';
import { ScreenScene, type KeyHelp, type SceneData } from './ScreenScene';

export type { Phase } from './courier/courierHost';

export interface CourierSetup {
  level: Level;
  /** Where reset goes back to (default: an empty board). */
  start?: Pick<Build, 'nodes' | 'placements' | 'provisioning'>;
  /** A build loaded on top of the start, undoable (a remembered or retried build). */
  load?: Pick<Build, 'nodes' | 'placements' | 'provisioning'>;
  phase: Phase;
}

export abstract class CourierScene extends ScreenScene {
  protected level!: Level;
  protected editor!: BuildEditor;
  protected phase: Phase = 'build';
  protected boardText!: BoardText;
  /** The build phase, for the screen's whole life. */
  private buildPhase!: BuildPhase;
  /** The run phase, while a run is on show. */
  private runPhase: RunPhase | null = null;
  private host!: CourierHost;

  protected constructor(ctx: AppContext, key: SceneKey) {
    super(ctx, key);
  }

  /** The level, the starting build and the first phase for the scene's data. */
  protected abstract setup(data: SceneData): CourierSetup;
  protected abstract runSeed(): number;
  /** The run reached its end (or was skipped to it). */
  protected abstract onRunEnded(session: RunSession, skipped: boolean): void;
  protected abstract titleText(): string;
  /** Escape outside a run: where the screen goes back to. */
  protected abstract leave(): void;

  /** Hints to show during the build (the Sandbox has none). */
  protected hints(): string[] {
    return [];
  }

  /** What the hint bar says when there is no hint to show. */
  protected hintPrompt(): string {
    if (!this.keyHints) return this.hints().length > 0 ? this.t('playui:touch.hintPrompt') : this.t('playui:touch.build');
    return this.hints().length > 0 ? this.t('play:build.hintPrompt') : this.t('play:build.keys');
  }

  /** Whether "Skip to end" is offered. */
  protected canSkip(): boolean {
    return true;
  }

  /** Extra numbers for the live metrics (the Sandbox shows packets in flight against its target). */
  protected metricsExtra(): { inFlight?: number; target?: number } | undefined {
    return undefined;
  }

  /** Called every frame of a run, after drawing (the Sandbox's load controller). */
  protected onRunFrame(_session: RunSession, _timeMs: number): void {}

  /** Log lines to leave out (the Sandbox's own load scaling). */
  protected logFilter(_entry: LogEntry): boolean {
    return true;
  }

  /** The run began (the Play scene remembers the build). */
  protected onRunStarted(): void {}

  /** What the band above the board says now. */
  protected bannerContent(session: RunSession): [string, BannerTone] {
    if (this.runPhase?.session !== session) return [this.runKeysText(), 'info'];
    return this.runPhase.banner(this.endedBanner());
  }

  /** The run's band at rest: its keys, or on a touch device what the buttons do. */
  protected runKeysText(): string {
    if (!this.keyHints) return this.t('playui:touch.run');
    return this.t(this.canSkip() ? 'play:run.keys' : 'play:run.keysNoSkip');
  }

  /** Print keyboard shortcuts on this screen (not on a touch device until a key is pressed). */
  protected get keyHints(): boolean {
    return showKeyHints(this.keyboardMode);
  }

  protected endedBanner(): string {
    return this.t('play:run.finished');
  }

  /** The brief; only the Play scene has one. */
  protected buildBrief(_kit: UiKit): void {}

  // ---------------------------------------------------------------- what the scenes and tools read

  /** The run on show (null outside a run). Also read by kernelCourier.stats() (createGame.ts). */
  protected get session(): RunSession | null {
    return this.runPhase?.session ?? null;
  }

  /** The packets on the board during a run. Also read by kernelCourier.stats() (createGame.ts). */
  protected get packets(): PacketLayer | null {
    return this.runPhase?.packets ?? null;
  }

  /** The run on show has ended (or was skipped to its end). */
  protected get ended(): boolean {
    return this.runPhase?.ended ?? false;
  }

  protected get buildInput(): BuildInput {
    return this.buildPhase.input;
  }

  protected get hintsShown(): number {
    return this.buildPhase.hintsShown;
  }

  protected set hintsShown(count: number) {
    this.buildPhase.hintsShown = count;
  }

  protected screenTitle(): string {
    return this.titleText();
  }

  /** For the error screen's report (src/app/faultScreen.ts, read by createGame.ts): the level, the seed
   * and the build on the board. Nothing about the player. */
  faultContext(): { levelId?: string; seed?: number; build?: Build } {
    return { levelId: this.level?.id, seed: this.level ? this.runSeed() : undefined, build: this.editor?.toBuild() };
  }

  /** This screen's keys for the keyboard-help overlay (? or F1), for the phase on show. */
  override keyHelp(): KeyHelp[] {
    const rows: Record<Phase, string[]> = {
      brief: ['start'],
      build: ['pick', 'cycle', 'place', 'remove', 'kernel', 'driver', 'undo', 'reset', 'hint', 'run'],
      run: ['pause', 'speed', 'scale', 'quarantine', 'skip', 'back'],
    };
    const help = rows[this.phase]
      .filter((row) => row !== 'skip' || this.canSkip())
      .filter((row) => row !== 'hint' || this.hints().length > 0)
      .map((row) => ({ keys: this.t(`play:help.${row}.keys`), action: this.t(`play:help.${row}.action`) }));
    if (this.phase === 'run') help.push({ keys: this.t('runviz:keys.packet.keys'), action: this.t('runviz:keys.packet.action') });
    return help;
  }

  /** kernelCourier.runViz() while a run is on show (a testing aid), else null. */
  runVizInfo(): ReturnType<RunPhase['vizInfo']> {
    return this.phase === 'run' ? (this.runPhase?.vizInfo() ?? null) : null;
  }

  // ---------------------------------------------------------------- lifecycle

  override init(data: SceneData | undefined): void {
    super.init(data);
    const setup = this.setup(this.sceneData);
    this.level = setup.level;
    this.editor = new BuildEditor(this.level, setup.start);
    if (setup.load) this.editor.replace(setup.load);
    this.boardText = new BoardText(this.ctx.i18n, () => this.currentNodes());
    this.host = this.makeHost();
    this.buildPhase = new BuildPhase(this.host);
    this.runPhase = null;
    this.phase = setup.phase;
    if (this.phase === 'run' && !this.startSession()) this.phase = 'build';
  }

  override create(): void {
    super.create();
    const stopListening = this.buildPhase.listen();
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => {
      stopListening();
      clearTimeout(this.describeTimer);
      this.runPhase = null;
    });
  }

  /** A board of dozens of apps takes longer than a frame to draw: it is drawn in slices (ui/slicedBuild.ts). */
  protected override drawsInSlices(): boolean {
    return true;
  }

  protected *buildScreen(kit: UiKit): BuildSteps {
    this.buildPhase.forgetDisplay();
    this.runPhase?.forgetDisplay();
    this.drawBackdrop(kit);
    this.addTopBar(kit, { title: this.titleText(), back: () => this.onBack(), glossary: true, settings: true });
    yield;
    if (this.phase === 'brief') this.buildBrief(kit);
    else if (this.phase === 'run' && this.runPhase) yield* this.runPhase.draw(kit);
    else yield* this.buildPhase.draw(kit);
    this.runPhase?.drawn(this.time.now);
  }

  override update(time: number, delta: number): void {
    // While a new drawing is on its way the run waits for it (the screen shows the last one meanwhile).
    if (this.phase === 'run' && !this.building) this.runPhase?.frame(time, delta);
  }

  protected override defaultFocusId(): string | undefined {
    if (this.phase === 'brief') return 'brief-start';
    if (this.phase === 'run') return this.runPhase?.defaultFocusId() ?? 'speed-1';
    return this.buildPhase.defaultFocusId();
  }

  /** Written after the frame (ScreenScene.mirrorAfterFrame): the board in words is the costly part. */
  protected override mirrorAfterFrame(): boolean {
    return true;
  }

  /**
   * The accessible twin also gets the board in words: the stack, the apps and each packet path. Put into
   * words anew (a new build, another language), the board is described in a task of its own after the
   * widgets' twin: for a board of 64 apps each took 15–30 ms, and together they held the page over 50 ms.
   */
  protected override renderMirror(): void {
    super.renderMirror();
    // A board on its way is described once it is drawn (ScreenScene.finishBuild).
    if (!this.ctx.mirror || !this.scene.isActive() || !this.editor || this.building) return;
    const build = this.editor.toBuild();
    // The board in words follows the build (and the language), not the run: a new speed or a booted VM
    // leaves it as it was.
    const key = `${this.ctx.i18n.language}\n${JSON.stringify(build)}`;
    if (key === this.describedKey && this.level === this.describedLevel) {
      this.ctx.mirror.setRegion('board', this.t('board:describe.title'), this.describedLines);
      return;
    }
    clearTimeout(this.describeTimer);
    this.describeTimer = setTimeout(() => {
      const mirror = this.ctx.mirror;
      if (!mirror || !this.scene.isActive() || this.building) return;
      const t = this.t;
      this.describedKey = key;
      this.describedLevel = this.level;
      this.describedLines = describeBoard(this.level, build, t, (code, params) => reasonText(this.ctx.i18n, code, params));
      mirror.setRegion('board', t('board:describe.title'), this.describedLines);
    }, 0);
  }

  private describeTimer: ReturnType<typeof setTimeout> | undefined;
  private describedKey = '';
  private describedLevel: Level | null = null;
  private describedLines: string[] = [];

  // ---------------------------------------------------------------- switching phases

  /** Starts the engine on the current build; false when the build breaks a rule. */
  private startSession(): boolean {
    const run = RunPhase.start(this.host, this.runSeed());
    if (!run) return false;
    this.runPhase = run;
    return true;
  }

  protected startRun(): void {
    if (this.phase !== 'build') return;
    if (!this.editor.check().feasible) {
      this.ctx.announce(this.t('play:run.cannotRun'));
      return;
    }
    this.buildPhase.cancelPlacing();
    if (!this.startSession()) return;
    this.onRunStarted();
    this.phase = 'run';
    this.rebuild(() => {
      this.focus.focus('speed-1', this.keyboardMode, false);
      this.ctx.announce(this.t('play:run.started'));
    });
  }

  protected backToBuilding(): void {
    this.runPhase = null;
    this.phase = 'build';
    this.rebuild(() => {
      this.focus.focus('run', this.keyboardMode, false);
      this.ctx.announce(this.t('play:phase.build'));
    });
  }

  // ---------------------------------------------------------------- keys

  protected override onKey(event: KeyboardEvent): boolean {
    const next = (key: KeyboardEvent) => super.onKey(key);
    if (this.phase === 'brief' && event.key === 'Enter' && !this.focus.focusedId) {
      // Enter starts building even before anything has keyboard focus (the card says "Enter").
      this.focus.focus('brief-start', true, false);
      return next(event);
    }
    if (event.key === 'Escape' && existingExplainer(this)?.dismiss()) {
      // Escape hid an explanation; with something selected or being placed it also does what it always
      // does there (clears the selection, stops placing), but it never leaves the screen for it.
      // In a run, an open packet panel closes with the same key.
      const input = this.buildPhase.input;
      if (this.phase === 'run') {
        this.runPhase?.overlays.close();
        return true;
      }
      if (!(this.phase === 'build' && (input.placing || input.selection))) return true;
    }
    if (this.phase === 'build') return this.buildPhase.onKey(event, next);
    if (this.phase === 'run' && this.runPhase && this.runPhase.onKey(event)) return true;
    return next(event);
  }

  protected override onBack(): void {
    if (this.phase === 'run') this.backToBuilding();
    else this.leave();
  }

  // ---------------------------------------------------------------- shared with the phases

  /** The nodes the board shows: the editor's, with drivers switched during the run. */
  protected currentNodes(): readonly BuildNode[] {
    return this.runPhase ? this.runPhase.currentNodes(this.editor.nodes) : this.editor.nodes;
  }

  protected get t(): (key: string, params?: object) => string {
    return this.ctx.i18n.t as (key: string, params?: object) => string;
  }

  protected get keyboardMode(): boolean {
    return this.ctx.keyboard.keyboardMode;
  }

  protected panelContext(kit: UiKit): PanelContext {
    return { scene: this, kit, text: this.boardText, i18n: this.ctx.i18n, keyHints: this.keyHints };
  }

  /** What the phases may use of this scene, with the Play scene's or the Sandbox's hooks. */
  private makeHost(): CourierHost {
    return {
      scene: this,
      ctx: this.ctx,
      focus: this.focus,
      kit: () => this.kit,
      level: this.level,
      editor: this.editor,
      boardText: this.boardText,
      phase: () => this.phase,
      keyboardMode: () => this.keyboardMode,
      t: (key, params) => this.t(key, params),
      rebuild: (then) => this.rebuild(then),
      describeAgain: () => this.scheduleMirror(),
      panelContext: (kit) => this.panelContext(kit),
      currentNodes: () => this.currentNodes(),
      startRun: () => this.startRun(),
      backToBuilding: () => this.backToBuilding(),
      hints: () => this.hints(),
      hintPrompt: () => this.hintPrompt(),
      runKeysText: () => this.runKeysText(),
      canSkip: () => this.canSkip(),
      metricsExtra: () => this.metricsExtra(),
      onRunFrame: (session, timeMs) => this.onRunFrame(session, timeMs),
      logFilter: (entry) => this.logFilter(entry),
      bannerContent: (session) => this.bannerContent(session),
      onRunEnded: (session, skipped) => this.onRunEnded(session, skipped),
    };
  }
}
