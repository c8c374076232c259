// The board screen shared by the Play scene and the Sandbox: the build phase (palette, board, tray,
// readouts, problems, inspector, hints; pointer, touch and keyboard all go through BuildInput) and the run
// phase (a RunSession stepped by a fixed-step clock in update(), packets from pools, bursts, breaches,
// the player's commands, live metrics and the log). Run state lives in fields that survive rebuild();
// rebuild() recreates only display objects, on resize, language, colours, motion, and board changes.
import Phaser from 'phaser';
import { describeBoard } from '../../a11y/describeBoard';
import { reasonText, translateOr } from '../../i18n/dynamicText';
import type { InstanceInfo } from '../../sim/Simulation';
import type { AppHosting } from '../../sim/topology';
import type { AppSpec, Build, BuildNode, Driver, Level, PacketKind, Piece, RuleViolation, VmTemplate } from '../../sim/types';
import type { AppContext } from '../AppContext';
import { BOARD_ROW_WEIGHTS, BoardView, layoutSignature, type BoardModel } from '../board/BoardView';
import { BoardText } from '../board/boardText';
import { drawHintBar, drawPalette, drawResetConfirm, drawRunButton, drawSide, drawTools, drawTray } from '../board/buildPanels';
import { PacketLayer } from '../board/PacketLayer';
import { isLive, markLive, type PanelContext } from '../board/panelKit';
import { drawActions, drawBanner, drawClock, drawLog, drawMetrics, drawRunTools, drawSpeedAndLegend, type BannerHandle, type ClockHandle, type LogHandle, type MetricsHandle } from '../board/runPanels';
import { BoardGeometry } from '../play/boardGeometry';
import { computeBoardLayout, type BoardLayout } from '../play/boardLayout';
import { bootEstimates } from '../play/bootTime';
import { BuildEditor } from '../play/BuildEditor';
import { BuildInput, type InputResult } from '../play/buildInput';
import { playLayout, type PlayLayout } from '../play/playLayout';
import type { Speed } from '../play/runClock';
import type { LogEntry } from '../play/runLog';
import { logText } from '../play/runLog';
import { RunSession } from '../play/RunSession';
import type { SceneKey } from '../sceneKeys';
import { isDomControl } from '../ui/KeyboardRouter';
import { Widget } from '../ui/Widget';
import type { UiKit } from '../ui/UiKit';
import { ScreenScene, type KeyHelp, type SceneData } from './ScreenScene';

export type Phase = 'brief' | 'build' | 'run';

export interface CourierSetup {
  level: Level;
  /** Where reset goes back to (default: an empty board). */
  start?: Pick<Build, 'nodes' | 'placements' | 'provisioning'>;
  /** A build loaded on top of the start, undoable (a remembered or retried build). */
  load?: Pick<Build, 'nodes' | 'placements' | 'provisioning'>;
  phase: Phase;
}

type RunMode = { kind: 'none' } | { kind: 'move'; app: string; targets: string[]; index: number };

/** Minimum real time between two rebuilds caused by the run (breaches, moves, instance layouts). */
const RUN_REBUILD_MS = 250;
/** How often the run's panels (metrics, log, clock, banner) refresh. */
const PANEL_MS = 250;

export abstract class CourierScene extends ScreenScene {
  protected level!: Level;
  protected editor!: BuildEditor;
  protected buildInput!: BuildInput;
  protected phase: Phase = 'build';
  protected session: RunSession | null = null;
  protected boardText!: BoardText;
  protected board: BoardView | null = null;
  protected packets: PacketLayer | null = null;
  private geometry: BoardGeometry | null = null;
  private metricsHandle: MetricsHandle | null = null;
  private logHandle: LogHandle | null = null;
  private clockHandle: ClockHandle | null = null;
  private bannerHandle: BannerHandle | null = null;
  private layoutSig = '';
  private seenInstances = -1;
  private seenBoard = -1;
  private bootingCache: InstanceInfo[] = [];
  private instanceStates = new Map<number, InstanceInfo>();
  private lastPanelMs = Number.NEGATIVE_INFINITY;
  private lastRebuildMs = Number.NEGATIVE_INFINITY;
  private rebuildPending = false;
  private resetAsked = false;
  protected runSelected: string | null = null;
  private runMode: RunMode = { kind: 'none' };
  private blockStep: null | 'kind' | PacketKind = null;
  private drag: { kind: 'piece' | 'app'; id: string; x: number; y: number; dragging: boolean } | null = null;
  private ghost: Phaser.GameObjects.Graphics | null = null;
  protected hintsShown = 0;
  private problemCount = -1;
  protected ended = false;

  protected constructor(ctx: AppContext, key: SceneKey) {
    super(ctx, key);
  }

  /** The level, the starting build and the first phase for the scene's data. */
  protected abstract setup(data: SceneData): CourierSetup;
  protected abstract runSeed(): number;
  /** The run reached its end (or was skipped to it). */
  protected abstract onRunEnded(session: RunSession, skipped: boolean): void;
  protected abstract titleText(): string;

  /** Hints to show during the build (the Sandbox has none). */
  protected hints(): string[] {
    return [];
  }

  /** What the hint bar says when there is no hint to show. */
  protected hintPrompt(): string {
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

  protected screenTitle(): string {
    return this.titleText();
  }

  /** This screen's keys for the keyboard-help overlay (? or F1), for the phase on show. */
  override keyHelp(): KeyHelp[] {
    const rows: Record<Phase, string[]> = {
      brief: ['start'],
      build: ['pick', 'cycle', 'place', 'remove', 'kernel', 'driver', 'undo', 'reset', 'hint', 'run'],
      run: ['pause', 'speed', 'scale', 'quarantine', 'skip', 'back'],
    };
    return rows[this.phase]
      .filter((row) => row !== 'skip' || this.canSkip())
      .filter((row) => row !== 'hint' || this.hints().length > 0)
      .map((row) => ({ keys: this.t(`play:help.${row}.keys`), action: this.t(`play:help.${row}.action`) }));
  }

  override init(data: SceneData | undefined): void {
    super.init(data);
    const setup = this.setup(this.sceneData);
    this.level = setup.level;
    this.editor = new BuildEditor(this.level, setup.start);
    if (setup.load) this.editor.replace(setup.load);
    this.buildInput = new BuildInput(this.editor);
    this.boardText = new BoardText(this.ctx.i18n, () => this.currentNodes());
    this.session = null;
    this.lastTrafficSecond = 0;
    this.phase = setup.phase;
    this.runSelected = null;
    this.runMode = { kind: 'none' };
    this.blockStep = null;
    this.resetAsked = false;
    this.drag = null;
    this.ended = false;
    this.problemCount = -1;
    this.hintsShown = 0;
    this.layoutSig = '';
    if (this.phase === 'run' && !this.startSession()) this.phase = 'build';
  }

  override create(): void {
    super.create();
    const onCtrlKey = (event: KeyboardEvent) => this.onCtrlKey(event);
    window.addEventListener('keydown', onCtrlKey);
    const onMove = (pointer: Phaser.Input.Pointer) => this.onPointerMove(pointer);
    const onUp = (pointer: Phaser.Input.Pointer, over: Phaser.GameObjects.GameObject[]) => this.onPointerUp(pointer, over);
    this.input.on(Phaser.Input.Events.POINTER_MOVE, onMove);
    this.input.on(Phaser.Input.Events.POINTER_UP, onUp);
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => {
      window.removeEventListener('keydown', onCtrlKey);
      this.input.off(Phaser.Input.Events.POINTER_MOVE, onMove);
      this.input.off(Phaser.Input.Events.POINTER_UP, onUp);
      this.session = null;
    });
  }

  protected override defaultFocusId(): string | undefined {
    if (this.phase === 'brief') return 'brief-start';
    if (this.phase === 'run') return this.session?.clock.speed === 0 ? 'speed-pause' : 'speed-1';
    if (this.resetAsked) return 'reset-no';
    if (this.editor.check().feasible) return 'run';
    const pieces = this.editor.availablePieces();
    return pieces.length > 0 ? `piece-${pieces[0]}` : undefined;
  }

  /** The nodes the board shows: the editor's, with drivers switched during the run. */
  protected currentNodes(): readonly BuildNode[] {
    const session = this.session;
    if (!session || session.nodeDrivers.size === 0) return this.editor.nodes;
    return this.editor.nodes.map((node) => (session.nodeDrivers.has(node.id) ? { ...node, driver: session.nodeDrivers.get(node.id) } : node));
  }

  protected get t(): (key: string, params?: object) => string {
    return this.ctx.i18n.t as (key: string, params?: object) => string;
  }

  protected get keyboardMode(): boolean {
    return this.ctx.keyboard.keyboardMode;
  }

  protected panelContext(kit: UiKit): PanelContext {
    return { scene: this, kit, text: this.boardText, i18n: this.ctx.i18n };
  }

  // ---------------------------------------------------------------- screen

  protected buildScreen(kit: UiKit): void {
    this.board = null;
    this.packets = null;
    this.geometry = null;
    this.metricsHandle = null;
    this.logHandle = null;
    this.clockHandle = null;
    this.bannerHandle = null;
    this.ghost = null;
    this.drawBackdrop(kit);
    this.addTopBar(kit, { title: this.titleText(), back: () => this.onBack(), glossary: true, settings: true });
    if (this.phase === 'brief') this.buildBrief(kit);
    else if (this.phase === 'run' && this.session) this.buildRun(kit, this.session);
    else this.buildBuild(kit);
    this.lastRebuildMs = this.time.now;
    this.rebuildPending = false;
  }

  /** The brief; only the Play scene has one. */
  protected buildBrief(_kit: UiKit): void {}

  // ---------------------------------------------------------------- build phase

  private buildBuild(kit: UiKit): void {
    const play = playLayout(kit.layout);
    const context = this.panelContext(kit);
    const check = this.editor.check();
    const mode = this.buildInput.mode;
    drawPalette(context, play.palette, {
      pieces: this.editor.availablePieces(),
      remaining: this.editor.paletteRemaining(),
      placing: mode.kind === 'piece' ? mode.piece : null,
      portrait: play.portrait,
      onPick: (piece) => this.applyInput(this.buildInput.pickPiece(piece)),
      onPointerDown: (piece, pointer) => this.startDrag('piece', piece, pointer),
    });
    const hostings = new Map<string, AppHosting>(check.analysis.hostings.map((hosting) => [hosting.app.id, hosting]));
    const model: BoardModel = {
      level: this.level,
      nodes: this.editor.nodes,
      placements: this.editor.placements,
      hostings,
      problemsByNode: check.byNode,
      problemsByApp: check.byApp,
      selection: this.buildInput.selection,
      targets: new Set(this.buildInput.targets),
      currentTarget: this.buildInput.currentTarget,
      breachedTenants: new Set(),
      quarantined: new Set(),
      cracked: new Set(),
      running: false,
    };
    this.board = new BoardView(this, kit, this.boardText, play.board, model, {
      onNode: (id) => this.applyInput(this.buildInput.activateNode(id)),
      onApp: (id) => this.applyInput(this.buildInput.activateApp(id)),
      onAppPointerDown: (id, pointer) => this.startDrag('app', id, pointer),
    });
    const placed = new Set(this.editor.placements.map((placement) => placement.app));
    drawTray(context, play.strip, this.board, this.level.apps.filter((app) => !placed.has(app.id)), (app, pointer) => this.startDrag('app', app, pointer));
    drawSide(context, play.side, {
      editor: this.editor,
      boot: bootEstimates(this.level, this.editor.toBuild(), check.analysis.hostings),
      problems: this.orderedProblems(check.violations),
      selection: this.buildInput.selection,
      portrait: play.portrait,
      onInspector: {
        toggleKernel: () => this.applyInput(this.buildInput.toggleKernel()),
        toggleDriver: () => this.applyInput(this.buildInput.toggleDriver()),
        remove: () => this.applyInput(this.buildInput.removeSelected()),
        moveApp: (app) => this.applyInput(this.buildInput.pickApp(app)),
        unplace: (app) => {
          this.buildInput.select({ kind: 'app', id: app });
          this.applyInput(this.buildInput.removeSelected());
        },
        setPrePull: (app, on) => {
          this.editor.setProvisioning(app, { prePull: on });
          this.afterEdit();
        },
        changeSpares: (app, step) => {
          const current = this.editor.provisioning.find((entry) => entry.app === app)?.warmSpares ?? 0;
          this.editor.setProvisioning(app, { warmSpares: current + step });
          this.afterEdit();
        },
      },
    });
    drawTools(context, play.tools, {
      canUndo: this.editor.canUndo,
      canRedo: this.editor.canRedo,
      portrait: play.portrait,
      undo: () => this.applyInput(this.buildInput.undo()),
      redo: () => this.applyInput(this.buildInput.redo()),
      reset: () => this.applyInput({ handled: true, confirmReset: true }),
    });
    drawRunButton(context, play.primary, check.violations.length, () => this.startRun());
    const hints = this.hints();
    const shown = Math.min(this.hintsShown, hints.length);
    drawHintBar(context, play.banner, {
      instruction: this.placingInstruction(),
      hint: shown > 0 ? hints[shown - 1] : null,
      hintNumber: shown,
      hintTotal: hints.length,
      prompt: this.hintPrompt(),
      onNext: () => this.nextHint(),
    });
    if (this.resetAsked) {
      drawResetConfirm(context, play.board, () => this.confirmReset(true), () => this.confirmReset(false));
    }
    if (this.drag?.dragging) this.ghost = markLive(this.add.graphics().setDepth(50));
  }

  private orderedProblems(violations: RuleViolation[]): RuleViolation[] {
    const global = violations.filter((violation) => !violation.app && !violation.node);
    return [...global, ...violations.filter((violation) => violation.app || violation.node)];
  }

  private placingInstruction(): string | null {
    const mode = this.buildInput.mode;
    if (mode.kind === 'piece') return this.t('play:build.placingPiece', { piece: this.boardText.piece(mode.piece) });
    if (mode.kind === 'app') return this.t('play:build.placingApp', { app: mode.app });
    return null;
  }

  /** Turns an input result into a redraw, a sound, focus and words. */
  protected applyInput(result: InputResult): boolean {
    if (!result.handled) return false;
    if (result.confirmReset) {
      this.resetAsked = true;
      this.buildInput.cancel();
      this.rebuild();
      this.focus.focus('reset-no', true, false);
      this.ctx.announce(this.t('play:build.resetQuestion'));
      return true;
    }
    if (result.placed === 'piece' && result.piece) this.ctx.events.emit('piecePlaced', { piece: result.piece });
    if (result.placed === 'app') this.ctx.events.emit('linkMade', {});
    this.rebuild();
    if (result.focus) this.focus.focus(result.focus, this.keyboardMode, false);
    const words = this.sayText(result);
    const problems = this.problemsChange();
    const message = [words, problems].filter(Boolean).join(' ');
    if (message) this.ctx.announce(message);
    return true;
  }

  /** After an inspector change that did not go through BuildInput. */
  private afterEdit(): void {
    this.rebuild();
    const problems = this.problemsChange();
    if (problems) this.ctx.announce(problems);
  }

  /** Words for the problems, when their number changed since the last time they were said. */
  private problemsChange(): string {
    const check = this.editor.check();
    const count = check.violations.length;
    if (count === this.problemCount) return '';
    this.problemCount = count;
    if (count === 0) return this.t('play:say.ready');
    const first = this.orderedProblems(check.violations)[0];
    return this.t('play:say.problems', { count, first: first ? this.boardText.problem(first) : '' });
  }

  private sayText(result: InputResult): string {
    if (!result.say) return '';
    const params: Record<string, string | number> = {};
    if (result.piece) params.piece = this.boardText.piece(result.piece);
    if (result.node) params.node = this.boardText.node(result.node);
    if (result.app) params.app = result.app;
    if (result.kernel) params.kernel = this.boardText.kernel(result.kernel);
    if (result.driver) params.driver = this.boardText.driver(result.driver);
    if (result.count !== undefined) params.count = result.count;
    if (result.say === 'noSupport' && result.piece) return this.needsText(result.piece);
    return this.t(`play:say.${result.say}`, params);
  }

  private needsText(piece: Piece): string {
    const code = piece === 'vm' ? 'needs-hypervisor' : piece === 'container-engine' ? 'needs-kernel' : piece === 'type2-hypervisor' ? 'needs-host-os' : 'hardware-occupied';
    return translateOr(this.ctx.i18n, `board:reason.${code}`, code);
  }

  private confirmReset(yes: boolean): void {
    this.resetAsked = false;
    if (yes) {
      this.editor.reset();
      this.buildInput.validate();
      this.buildInput.select(null);
    }
    this.rebuild();
    this.focus.focus('tool-reset', this.keyboardMode, false);
    this.ctx.announce(yes ? this.t('play:say.resetDone') : this.t('play:say.cancelled'));
  }

  protected nextHint(): void {
    const hints = this.hints();
    if (hints.length === 0) {
      this.ctx.announce(this.t('play:build.noHints'));
      return;
    }
    this.hintsShown = this.hintsShown >= hints.length ? 1 : this.hintsShown + 1;
    this.rebuild();
    this.ctx.announce(`${this.t('play:build.hintLabel', { number: this.hintsShown, total: hints.length })}: ${hints[this.hintsShown - 1]}`);
  }

  // ---------------------------------------------------------------- drag and drop

  private startDrag(kind: 'piece' | 'app', id: string, pointer: Phaser.Input.Pointer): void {
    if (this.phase !== 'build' || this.resetAsked) return;
    this.drag = { kind, id, x: pointer.x, y: pointer.y, dragging: false };
  }

  private onPointerMove(pointer: Phaser.Input.Pointer): void {
    const drag = this.drag;
    if (!drag || !pointer.isDown) return;
    if (!drag.dragging) {
      if (Math.hypot(pointer.x - drag.x, pointer.y - drag.y) < 14 * this.kit.layout.scale) return;
      drag.dragging = true;
      const result = drag.kind === 'piece' ? this.buildInput.pickPiece(drag.id as Piece) : this.buildInput.pickApp(drag.id);
      if (!this.buildInput.placing) {
        this.drag = null;
        this.applyInput(result);
        return;
      }
      this.rebuild();
    }
    this.drawGhost(pointer);
  }

  private drawGhost(pointer: Phaser.Input.Pointer): void {
    const drag = this.drag;
    if (!drag || !this.ghost) return;
    const g = this.ghost;
    const scale = this.kit.layout.scale;
    g.clear();
    const width = 120 * scale;
    const height = 34 * scale;
    g.fillStyle(this.kit.palette.accent, 0.35);
    g.fillRoundedRect(pointer.x - width / 2, pointer.y - height / 2, width, height, 8 * scale);
    g.lineStyle(3, this.kit.palette.accent, 1);
    g.strokeRoundedRect(pointer.x - width / 2, pointer.y - height / 2, width, height, 8 * scale);
  }

  private onPointerUp(_pointer: Phaser.Input.Pointer, over: Phaser.GameObjects.GameObject[]): void {
    const drag = this.drag;
    this.drag = null;
    if (!drag?.dragging) return;
    const target = over.map((object) => (object as { id?: unknown }).id).find((id): id is string => typeof id === 'string' && id.startsWith('node-'));
    if (target) this.applyInput(this.buildInput.commit(target.slice('node-'.length)));
    else this.applyInput(this.buildInput.cancel());
  }

  // ---------------------------------------------------------------- keys

  private onCtrlKey(event: KeyboardEvent): void {
    if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
    if (this.phase !== 'build' || this.resetAsked || !this.scene.isActive() || isDomControl(event.target)) return;
    const result = this.buildInput.handleKey({ key: event.key, ctrl: true, shift: event.shiftKey });
    if (result.handled) {
      event.preventDefault();
      this.applyInput(result);
    }
  }

  protected override onKey(event: KeyboardEvent): boolean {
    if (this.phase === 'brief' && event.key === 'Enter' && !this.focus.focusedId) {
      // Enter starts building even before anything has keyboard focus (the card says "Enter").
      this.focus.focus('brief-start', true, false);
      return super.onKey(event);
    }
    if (this.phase === 'build') {
      if (this.resetAsked) {
        if (event.key === 'Escape') {
          this.confirmReset(false);
          return true;
        }
        return super.onKey(event);
      }
      if (event.key === 'Enter' && event.shiftKey) {
        this.startRun();
        return true;
      }
      if ((event.key === 'h' || event.key === 'H') && !this.buildInput.placing) {
        this.nextHint();
        return true;
      }
      const wasPlacing = this.buildInput.placing;
      const result = this.buildInput.handleKey({ key: event.key, shift: event.shiftKey });
      if (result.handled) return this.applyInput(result);
      if (wasPlacing && !this.buildInput.placing) {
        // Tab cancelled placing: move focus on, then redraw without the highlights.
        const moved = super.onKey(event);
        const focused = this.focus.focusedId;
        this.rebuild();
        if (focused) this.focus.focus(focused, true, false);
        return moved;
      }
    } else if (this.phase === 'run' && this.session) {
      if (this.onRunKey(event)) return true;
    }
    return super.onKey(event);
  }

  private onRunKey(event: KeyboardEvent): boolean {
    const session = this.session;
    if (!session) return false;
    const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
    const mode = this.runMode;
    if (mode.kind === 'move') {
      if (key === 'ArrowRight' || key === 'ArrowDown' || key === 'ArrowLeft' || key === 'ArrowUp') {
        const step = key === 'ArrowRight' || key === 'ArrowDown' ? 1 : -1;
        mode.index = (mode.index + step + mode.targets.length) % mode.targets.length;
        this.rebuild();
        this.ctx.announce(this.boardText.node(mode.targets[mode.index]));
        return true;
      }
      if (key === 'Enter') {
        this.commitMove(mode.targets[mode.index]);
        return true;
      }
      if (key === 'Escape') {
        this.runMode = { kind: 'none' };
        this.rebuild();
        this.ctx.announce(this.t('play:say.cancelled'));
        return true;
      }
    }
    switch (key) {
      case ' ':
      case 'Spacebar':
        this.togglePause();
        return true;
      case '1':
      case '2':
      case '4':
        this.setSpeed(Number(key) as Speed);
        return true;
      case 's':
        if (this.canSkip()) this.skipToEnd();
        return true;
      case 'b':
        this.backToBuilding();
        return true;
      case '+':
      case '=':
        if (this.runSelected) this.scaleSelected(1);
        return true;
      case '-':
        if (this.runSelected) this.scaleSelected(-1);
        return true;
      case 'q':
        if (this.runSelected) this.toggleQuarantine();
        return true;
      case 'Escape':
        if (this.blockStep) {
          this.blockStep = null;
          this.rebuild();
          return true;
        }
        this.backToBuilding();
        return true;
      default:
        return false;
    }
  }

  // ---------------------------------------------------------------- run phase

  /** Starts the engine on the current build; false when the build breaks a rule. */
  private startSession(): boolean {
    const started = RunSession.start({
      level: this.level,
      build: this.editor.toBuild(),
      seed: this.runSeed(),
      events: this.ctx.events,
      onLog: (entry) => this.onLogEntry(entry),
      logFilter: (entry) => this.logFilter(entry),
    });
    if (!(started instanceof RunSession)) return false;
    this.session = started;
    this.seenInstances = -1;
    this.seenBoard = started.boardVersion;
    this.ended = false;
    this.runMode = { kind: 'none' };
    this.blockStep = null;
    return true;
  }

  protected startRun(): void {
    if (this.phase !== 'build') return;
    if (!this.editor.check().feasible) {
      this.ctx.announce(this.t('play:run.cannotRun'));
      return;
    }
    this.buildInput.cancel();
    if (!this.startSession()) return;
    this.onRunStarted();
    this.phase = 'run';
    this.runSelected = null;
    this.rebuild();
    this.focus.focus('speed-1', this.keyboardMode, false);
    this.ctx.announce(this.t('play:run.started'));
  }

  /** The run began (the Play scene remembers the build). */
  protected onRunStarted(): void {}

  protected backToBuilding(): void {
    this.session = null;
    this.phase = 'build';
    this.runMode = { kind: 'none' };
    this.blockStep = null;
    this.ended = false;
    this.rebuild();
    this.focus.focus('run', this.keyboardMode, false);
    this.ctx.announce(this.t('play:phase.build'));
  }

  protected skipToEnd(): void {
    const session = this.session;
    if (!session || this.ended) return;
    session.skipToEnd();
    this.ended = true;
    this.packets?.clear();
    this.onRunEnded(session, true);
  }

  protected togglePause(): void {
    const session = this.session;
    if (!session) return;
    this.setSpeed(session.clock.speed === 0 ? 1 : 0);
  }

  protected setSpeed(speed: Speed): void {
    const session = this.session;
    if (!session) return;
    const focused = this.focus.focusedId;
    session.clock.speed = speed;
    this.rebuild();
    if (focused) this.focus.focus(focused, this.keyboardMode, false);
    this.ctx.announce(speed === 0 ? this.t('play:run.paused') : this.t('play:run.speedSet', { speed }));
  }

  /** The accessible twin also gets the board in words: the stack, the apps and each packet path. */
  protected override renderMirror(): void {
    super.renderMirror();
    if (!this.ctx.mirror || !this.scene.isActive() || !this.editor) return;
    const t = (key: string, params?: Record<string, string | number>) => (this.ctx.i18n.t as (k: string, p?: object) => string)(key, params);
    this.ctx.mirror.setRegion(
      'board',
      t('board:describe.title'),
      describeBoard(this.level, this.editor.toBuild(), t, (code, params) => reasonText(this.ctx.i18n, code, params)),
    );
  }

  private lastTrafficSecond = 0;

  /** Every ten board seconds, screen readers hear how many packets were delivered and dropped so far. */
  private announceTraffic(session: RunSession): void {
    const second = Math.floor(session.simulation.nowUs / 1e6);
    if (second < this.lastTrafficSecond + 10) return;
    this.lastTrafficSecond = second;
    const metrics = session.simulation.metrics();
    const t = this.ctx.i18n.t as (k: string, p?: object) => string;
    this.ctx.mirror?.announce(t('board:describe.traffic', { seconds: second, delivered: metrics.delivered, dropped: metrics.dropped }));
  }

  private onLogEntry(entry: LogEntry): void {
    if (!entry.announce || this.phase !== 'run') return;
    const text = logText(this.ctx.i18n, entry, (id) => this.boardText.node(id));
    this.ctx.announce(text);
    // Breaches interrupt (assertive); other news waits its turn.
    this.ctx.mirror?.announce(text, entry.key === 'breach' || entry.key === 'breachHost');
    if (entry.key === 'breach' || entry.key === 'breachHost') {
      if (!this.kit.motion.fadeMs) return;
      this.cameras.main.shake(260, 0.006);
    }
  }

  private buildRun(kit: UiKit, session: RunSession): void {
    const play = playLayout(kit.layout);
    const context = this.panelContext(kit);
    drawSpeedAndLegend(context, play.palette, {
      speed: session.clock.speed,
      portrait: play.portrait,
      setSpeed: (speed) => this.setSpeed(speed),
      togglePause: () => this.togglePause(),
    });
    const model = this.runModel(session);
    this.board = new BoardView(this, kit, this.boardText, play.board, model, {
      onNode: (id) => this.onRunNode(id),
      onApp: (id) => this.selectRunApp(id),
    });
    this.layoutSig = this.runSignature(session, this.board.layout);
    this.refreshInstances(session);
    this.board.drawVmBoxes(this.instanceStates);
    this.board.raiseLayers();
    this.geometry = new BoardGeometry(this.board.layout, (station, kind) => session.simulation.laneGapUs(station, kind));
    this.geometry.update(this.board.layout, session.simulation.stations(), session.instances());
    this.seenInstances = session.instancesVersion;
    this.seenBoard = session.boardVersion;
    this.packets = new PacketLayer(this, kit, this.board.colors, !this.kit.motion.fadeMs);
    this.logHandle = drawLog(context, play.strip, (id) => this.boardText.node(id));
    this.drawRunSide(context, play, session);
    drawRunTools(context, play.tools, play.portrait, () => this.backToBuilding(), this.canSkip() ? () => this.skipToEnd() : null);
    this.clockHandle = drawClock(context, play.primary);
    this.bannerHandle = drawBanner(context, play.banner);
    this.lastPanelMs = Number.NEGATIVE_INFINITY;
    this.updatePanels(session);
    this.bakeStill();
  }

  /**
   * Bakes everything that stays still during a run (backdrop, panels, the board's plates and labels)
   * into one texture at the bottom of the screen and hides the originals: the canvas renderer then draws
   * one image instead of replaying hundreds of shapes every frame. Widgets (buttons, board cards) stay
   * live on top for hover and focus; objects marked live (packets, numbers, the log) are not baked.
   */
  private bakeStill(): void {
    const { width, height } = this.kit.layout;
    const still = this.children.list.filter((object) => !(object instanceof Widget) && !isLive(object) && (object as unknown as { visible?: boolean }).visible !== false);
    if (still.length === 0) return;
    const picture = this.add.renderTexture(0, 0, width, height).setOrigin(0, 0);
    picture.draw(still);
    picture.render();
    for (const object of still) (object as unknown as { setVisible(value: boolean): void }).setVisible(false);
    this.children.sendToBack(picture);
  }

  private runModel(session: RunSession): BoardModel {
    const hostings = new Map<string, AppHosting>(session.simulation.currentHostings().map((hosting) => [hosting.app.id, hosting]));
    const mode = this.runMode;
    return {
      level: this.level,
      nodes: this.currentNodes(),
      placements: session.placements(),
      instancesOf: (app) => session.drawnInstances(app),
      hostings,
      problemsByNode: new Map(),
      problemsByApp: new Map(),
      selection: this.runSelected ? { kind: 'app', id: this.runSelected } : null,
      targets: new Set(mode.kind === 'move' ? mode.targets : []),
      currentTarget: mode.kind === 'move' ? (mode.targets[mode.index] ?? null) : null,
      breachedTenants: session.breachedTenants,
      quarantined: session.quarantined,
      cracked: session.cracked,
      runningCount: (app) => session.liveCount(app),
      bootingCount: (app) => session.instances().filter((instance) => instance.app === app && instance.state === 'booting').length,
      pulling: session.pulling,
      running: true,
    };
  }

  private drawRunSide(context: PanelContext, play: PlayLayout, session: RunSession): void {
    const { kit } = context;
    const pad = Math.round(kit.layout.gap * 0.8);
    const side = play.side;
    const inner = { x: side.x + pad, y: side.y + pad * 0.7, width: side.width - pad * 2, height: side.height - pad * 1.4 };
    const withInFlight = this.metricsExtra() !== undefined;
    const rows = 9 + (withInFlight ? 1 : 0);
    const metricsHeight = Math.round(Math.min(inner.height * (play.portrait ? 1 : 0.55), rows * kit.layout.baseFontPx * 0.86 * 1.32 + kit.layout.baseFontPx * 1.6));
    this.drawSidePlate(context, side);
    if (play.portrait) {
      const half = (inner.width - kit.layout.gap) / 2;
      this.metricsHandle = drawMetrics(context, { ...inner, width: half }, withInFlight);
      drawActions(context, { ...inner, x: inner.x + half + kit.layout.gap, width: half }, this.actionsOptions(session));
    } else {
      this.metricsHandle = drawMetrics(context, { ...inner, height: metricsHeight }, withInFlight);
      drawActions(context, { ...inner, y: inner.y + metricsHeight + kit.layout.gap, height: inner.height - metricsHeight - kit.layout.gap }, this.actionsOptions(session));
    }
  }

  private drawSidePlate(context: PanelContext, rect: { x: number; y: number; width: number; height: number }): void {
    const g = this.add.graphics();
    const { palette, layout } = context.kit;
    g.fillStyle(palette.panel, 0.97);
    g.fillRoundedRect(rect.x, rect.y, rect.width, rect.height, layout.radius);
    g.lineStyle(palette.panelBorderWidth, palette.panelBorder, 1);
    g.strokeRoundedRect(rect.x, rect.y, rect.width, rect.height, layout.radius);
  }

  private actionsOptions(session: RunSession) {
    const app = this.runSelected ? (this.level.apps.find((entry) => entry.id === this.runSelected) ?? null) : null;
    return {
      app,
      session,
      blockStep: this.blockStep,
      layersFor: (kind: PacketKind) => (app ? this.layersFor(session, app, kind) : []),
      scale: (step: 1 | -1) => this.scaleSelected(step),
      switchDriver: () => this.switchDriver(),
      driverTarget: app ? this.driverTarget(session, app) : null,
      move: () => this.openMove(),
      openBlock: () => {
        this.blockStep = 'kind';
        this.rebuild();
        this.focus.focus('block-kind-disk', this.keyboardMode, false);
        this.ctx.announce(this.t('play:run.blockKind'));
      },
      chooseKind: (kind: PacketKind) => {
        this.blockStep = kind;
        this.rebuild();
        const first = app ? this.layersFor(session, app, kind)[0] : undefined;
        if (first) this.focus.focus(`block-at-${first}`, this.keyboardMode, false);
        this.ctx.announce(this.t('play:run.blockAt', { kind: this.boardText.packet(kind) }));
      },
      blockAt: (node: string) => {
        if (!app || !this.blockStep || this.blockStep === 'kind') return;
        session.command({ op: 'block', app: app.id, kind: this.blockStep, at: node });
        this.blockStep = null;
        this.rebuild();
        this.focus.focus('act-block', this.keyboardMode, false);
      },
      cancelBlock: () => {
        this.blockStep = null;
        this.rebuild();
        this.focus.focus('act-block', this.keyboardMode, false);
      },
      quarantine: () => this.toggleQuarantine(),
    };
  }

  /** The layers one kind of an app's packets passes, as node ids (the hardware excluded). */
  private layersFor(session: RunSession, app: AppSpec, kind: PacketKind): string[] {
    const instance = session.instances().find((entry) => entry.app === app.id && entry.state !== 'stopped');
    const stations = session.simulation.stations();
    const layers: string[] = [];
    if (instance) {
      for (const index of session.simulation.pathOf(instance.index, kind)) {
        const owner = stations[index]?.owner;
        if (owner && owner !== 'hardware' && !layers.includes(owner)) layers.push(owner);
      }
    }
    return layers;
  }

  private driverTarget(session: RunSession, app: AppSpec): { driver: Driver } | null {
    const hosting = session.simulation.currentHostings().find((entry) => entry.app.id === app.id);
    if (!hosting) return null;
    if (hosting.kind === 'vm-per-instance' && hosting.template) return { driver: hosting.template.driver === 'para' ? 'emulated' : 'para' };
    if (hosting.vmNode) {
      const current = session.nodeDrivers.get(hosting.vmNode) ?? this.editor.node(hosting.vmNode)?.driver ?? 'emulated';
      return { driver: current === 'para' ? 'emulated' : 'para' };
    }
    return null;
  }

  private switchDriver(): void {
    const session = this.session;
    const app = this.runSelected ? this.level.apps.find((entry) => entry.id === this.runSelected) : undefined;
    if (!session || !app) return;
    const target = this.driverTarget(session, app);
    const hosting = session.simulation.currentHostings().find((entry) => entry.app.id === app.id);
    if (!target || !hosting) return;
    if (hosting.kind === 'vm-per-instance') session.command({ op: 'set-driver', app: app.id, driver: target.driver });
    else if (hosting.vmNode) session.command({ op: 'set-driver', vm: hosting.vmNode, driver: target.driver });
  }

  protected scaleSelected(step: 1 | -1): void {
    const session = this.session;
    const app = this.runSelected;
    if (!session || !app) return;
    const target = Math.max(0, session.liveCount(app) + step);
    session.command({ op: 'scale', app, instances: target });
  }

  private toggleQuarantine(): void {
    const session = this.session;
    const app = this.runSelected;
    if (!session || !app) return;
    session.command(session.quarantined.has(app) ? { op: 'release', app } : { op: 'quarantine', app });
  }

  private selectRunApp(app: string): void {
    if (this.runMode.kind === 'move') return;
    this.runSelected = app;
    this.blockStep = null;
    this.rebuild();
    this.focus.focus(`app-${app}`, this.keyboardMode, false);
    this.ctx.announce(this.t('play:run.appTitle', { app, count: this.session?.liveCount(app) ?? 0 }));
  }

  private openMove(): void {
    const app = this.runSelected;
    if (!app) return;
    const current = this.session?.simulation.currentHostings().find((entry) => entry.app.id === app)?.placedOn;
    const targets = this.editor.hostsForApps().filter((id) => id !== current);
    if (targets.length === 0) {
      this.ctx.announce(this.t('play:run.noOtherHost', { app }));
      return;
    }
    this.runMode = { kind: 'move', app, targets, index: 0 };
    this.rebuild();
    this.focus.focus(`node-${targets[0]}`, this.keyboardMode, false);
    this.ctx.announce(`${this.t('play:run.chooseHost', { app })} ${this.boardText.node(targets[0])}`);
  }

  private onRunNode(id: string): void {
    const mode = this.runMode;
    if (mode.kind === 'move' && mode.targets.includes(id)) this.commitMove(id);
  }

  private commitMove(on: string): void {
    const session = this.session;
    const mode = this.runMode;
    if (!session || mode.kind !== 'move') return;
    const node = this.editor.node(on);
    const app = this.level.apps.find((entry) => entry.id === mode.app);
    if (!node || !app) return;
    let vm: VmTemplate | undefined;
    if (node.piece === 'type1-hypervisor' || node.piece === 'type2-hypervisor') {
      const para = node.piece === 'type1-hypervisor' ? this.level.allow.includes('type1-para') : true;
      vm = { kernel: app.kernel, driver: para ? 'para' : 'emulated' };
    }
    session.command(vm ? { op: 'move', app: app.id, on, vm } : { op: 'move', app: app.id, on });
    this.runMode = { kind: 'none' };
    this.rebuild();
    this.focus.focus('act-move', this.keyboardMode, false);
  }

  /** What the still picture shows of the run: where boxes are and each app's running, booting and spare
   * counts. When it changes the screen is rebuilt (at most every RUN_REBUILD_MS). */
  private runSignature(session: RunSession, layout: BoardLayout): string {
    const counts = this.level.apps.map((app) => {
      let booting = 0;
      let spare = 0;
      for (const instance of session.instances()) {
        if (instance.app !== app.id) continue;
        if (instance.state === 'booting') booting += 1;
        else if (instance.state === 'spare') spare += 1;
      }
      return `${session.liveCount(app.id)}/${booting}/${spare}`;
    });
    return `${layoutSignature(layout)}#${counts.join(',')}#${[...session.pulling.keys()].join(',')}`;
  }

  private refreshInstances(session: RunSession): void {
    this.instanceStates = new Map(session.instances().map((instance) => [instance.index, instance]));
    this.bootingCache = session.booting();
  }

  private requestRebuild(): void {
    this.rebuildPending = true;
  }

  override update(time: number, delta: number): void {
    const session = this.session;
    if (this.phase !== 'run' || !session || !this.board || !this.packets || !this.geometry) return;
    session.advance(delta);
    if (session.boardVersion !== this.seenBoard) {
      this.seenBoard = session.boardVersion;
      this.requestRebuild();
    }
    if (session.instancesVersion !== this.seenInstances) {
      this.seenInstances = session.instancesVersion;
      this.refreshInstances(session);
      const layout = computeBoardLayout(this.level, this.currentNodes(), session.placements(), this.board.rect, (app) => session.drawnInstances(app), BOARD_ROW_WEIGHTS);
      if (this.runSignature(session, layout) !== this.layoutSig) this.requestRebuild();
      else {
        this.board.relayout(layout, this.instanceStates);
        this.geometry.update(layout, session.simulation.stations(), session.instances());
      }
    }
    if (this.rebuildPending && time - this.lastRebuildMs >= RUN_REBUILD_MS) {
      this.rebuild();
      return;
    }
    const drawUs = session.drawTimeUs;
    this.packets.draw(drawUs, time, session.tracks, this.geometry);
    this.board.drawBoots(drawUs, this.bootingCache, session.pulling);
    this.onRunFrame(session, time);
    this.announceTraffic(session);
    if (time - this.lastPanelMs >= PANEL_MS) {
      this.lastPanelMs = time;
      this.updatePanels(session);
    }
    if (session.done && !this.ended) {
      this.ended = true;
      this.updatePanels(session);
      this.onRunEnded(session, false);
    }
  }

  private updatePanels(session: RunSession): void {
    this.metricsHandle?.update(session, this.metricsExtra());
    this.logHandle?.update(session);
    this.clockHandle?.update(session);
    this.bannerHandle?.update(...this.bannerContent(session));
  }

  /** What the band above the board says now. */
  protected bannerContent(session: RunSession): [string, 'info' | 'alert' | 'action'] {
    const mode = this.runMode;
    if (mode.kind === 'move') return [this.t('play:run.chooseHost', { app: mode.app }), 'action'];
    const nowUs = session.simulation.nowUs;
    const burst = session.bursts.find((entry) => entry.served === null);
    if (burst) {
      const seconds = Math.max(0, (burst.deadlineUs - nowUs) / 1e6);
      return [this.t('play:run.burst', { app: burst.app, count: burst.required, ready: session.readyCount(burst.app), seconds: seconds.toFixed(1) }), 'alert'];
    }
    if (this.ended) return [this.endedBanner(), 'info'];
    if (session.clock.speed === 0) return [this.t('play:run.paused'), 'action'];
    // A fresh alert (an attack, a breach, a wall that held) stays in the band for a few board seconds.
    const alert = [...session.log].reverse().find((entry) => entry.announce && entry.key !== 'ended' && nowUs - entry.atUs < 5e6);
    if (alert) return [logText(this.ctx.i18n, alert, (id) => this.boardText.node(id)), alert.severity === 'alert' ? 'alert' : 'info'];
    const last = session.bursts[session.bursts.length - 1];
    if (last && last.served !== null && nowUs - last.deadlineUs < 4e6) return [this.t('play:run.burstEnded', { served: last.served, count: last.required }), 'info'];
    return [this.t(this.canSkip() ? 'play:run.keys' : 'play:run.keysNoSkip'), 'info'];
  }

  protected endedBanner(): string {
    return this.t('play:run.finished');
  }

  protected override onBack(): void {
    if (this.phase === 'run') this.backToBuilding();
    else this.leave();
  }

  /** Escape outside a run: where the screen goes back to. */
  protected abstract leave(): void;
}
