// The build phase of the board screen: draws the palette, the board, the tray, the side panel (readouts,
// problems, inspector), the tools, the Run button and the hint bar, and takes the phase's input. Keys,
// clicks, taps and drags all go through BuildInput (pure operations on the BuildEditor); this class turns
// their results into a redraw, a sound, keyboard focus and words for screen readers. It lives as long as
// the screen: the build, the reset question, the hints shown and a drag in progress survive redraws and runs.
import Phaser from 'phaser';
import type { AppHosting } from '../../../sim/topology';
import type { Piece } from '../../../sim/types';
import { BoardView, type BoardModel } from '../../board/BoardView';
import { drawHintBar, drawPalette, drawResetConfirm, drawRunButton, drawSide, drawTools, drawTray } from '../../board/buildPanels';
import { markLive } from '../../board/panelKit';
import { bootEstimates } from '../../play/bootTime';
import { BuildInput, type InputResult } from '../../play/buildInput';
import { playLayout } from '../../play/playLayout';
import { isDomControl } from '../../ui/KeyboardRouter';
import type { BuildSteps } from '../../ui/slicedBuild';
import type { UiKit } from '../../ui/UiKit';
import { hostingLine, orderedProblems, placingInstruction, previewText, sayText } from './buildWords';
import type { CourierHost } from './courierHost';

/** A press on a piece of the palette or an app card that may become a drag (past a few pixels). */
interface Drag {
  kind: 'piece' | 'app';
  id: string;
  x: number;
  y: number;
  dragging: boolean;
}

export class BuildPhase {
  readonly input: BuildInput;
  /** How many of the level's hints the hint bar has shown (the last one is on show). */
  hintsShown = 0;
  private resetAsked = false;
  private problemCount = -1;
  private drag: Drag | null = null;
  /** Why the last pick went nowhere (no piece left, nothing to stand on, no host), shown in the hint bar. */
  private notice: string | null = null;
  private ghost: Phaser.GameObjects.Graphics | null = null;

  constructor(private readonly host: CourierHost) {
    this.input = new BuildInput(host.editor);
  }

  private get t(): (key: string, params?: object) => string {
    return this.host.t;
  }

  /** Listens to the pointer (drags) and to Ctrl keys on the page (undo and redo work even while a page
   * control has no claim on them); returns what stops listening. */
  listen(): () => void {
    const { scene } = this.host;
    const onCtrlKey = (event: KeyboardEvent) => this.onCtrlKey(event);
    window.addEventListener('keydown', onCtrlKey);
    const onMove = (pointer: Phaser.Input.Pointer) => this.onPointerMove(pointer);
    const onUp = (pointer: Phaser.Input.Pointer, over: Phaser.GameObjects.GameObject[]) => this.onPointerUp(pointer, over);
    scene.input.on(Phaser.Input.Events.POINTER_MOVE, onMove);
    scene.input.on(Phaser.Input.Events.POINTER_UP, onUp);
    return () => {
      window.removeEventListener('keydown', onCtrlKey);
      scene.input.off(Phaser.Input.Events.POINTER_MOVE, onMove);
      scene.input.off(Phaser.Input.Events.POINTER_UP, onUp);
    };
  }

  /** The screen was cleared: forget its display objects. */
  forgetDisplay(): void {
    this.ghost = null;
  }

  /** Stops placing (leaving the phase). */
  cancelPlacing(): void {
    this.input.cancel();
  }

  defaultFocusId(): string | undefined {
    if (this.resetAsked) return 'reset-no';
    if (this.host.editor.check().feasible) return 'run';
    const pieces = this.host.editor.availablePieces();
    return pieces.length > 0 ? `piece-${pieces[0]}` : undefined;
  }

  // ---------------------------------------------------------------- drawing

  /** Draws the build phase's panels and board (steps: ui/slicedBuild.ts). */
  *draw(kit: UiKit): BuildSteps {
    const { host, input } = this;
    const { editor, level } = host;
    const play = playLayout(kit.layout);
    const context = host.panelContext(kit);
    const check = editor.check();
    const mode = input.mode;
    drawPalette(context, play.palette, {
      pieces: editor.availablePieces(),
      remaining: editor.paletteRemaining(),
      placing: mode.kind === 'piece' ? mode.piece : null,
      portrait: play.portrait,
      onPick: (piece) => this.apply(input.pickPiece(piece)),
      onPointerDown: (piece, pointer) => this.startDrag('piece', piece, pointer),
    });
    yield;
    const hostings = new Map<string, AppHosting>(check.analysis.hostings.map((hosting) => [hosting.app.id, hosting]));
    const model: BoardModel = {
      level,
      nodes: editor.nodes,
      placements: editor.placements,
      hostings,
      problemsByNode: check.byNode,
      problemsByApp: check.byApp,
      selection: input.selection,
      targets: new Set(input.targets),
      currentTarget: input.currentTarget,
      targetNotes: this.targetNotes(),
      breachedTenants: new Set(),
      quarantined: new Set(),
      cracked: new Set(),
      running: false,
    };
    const board = new BoardView(host.scene, kit, host.boardText, play.board, model, {
      onNode: (id) => this.apply(input.activateNode(id)),
      onApp: (id) => this.apply(input.activateApp(id)),
      onAppPointerDown: (id, pointer) => this.startDrag('app', id, pointer),
    });
    yield* board.draw();
    const placed = new Set(editor.placements.map((placement) => placement.app));
    drawTray(context, play.strip, board, level.apps.filter((app) => !placed.has(app.id)), (app, pointer) => this.startDrag('app', app, pointer));
    yield;
    drawSide(context, play.side, {
      editor,
      boot: bootEstimates(level, editor.toBuild(), check.analysis.hostings),
      problems: orderedProblems(check.violations),
      selection: input.selection,
      portrait: play.portrait,
      hostingLine: (app) => {
        const placement = editor.placementOf(app);
        const preview = placement ? editor.placementPreview(app, placement.on) : null;
        return preview ? hostingLine(host.boardText, preview) : '';
      },
      onInspector: {
        toggleKernel: () => this.apply(input.toggleKernel()),
        toggleDriver: () => this.apply(input.toggleDriver()),
        remove: () => this.apply(input.removeSelected()),
        moveApp: (app) => this.apply(input.pickApp(app)),
        unplace: (app) => {
          input.select({ kind: 'app', id: app });
          this.apply(input.removeSelected());
        },
        setPrePull: (app, on) => {
          editor.setProvisioning(app, { prePull: on });
          this.afterEdit();
        },
        changeSpares: (app, step) => {
          const current = editor.provisioning.find((entry) => entry.app === app)?.warmSpares ?? 0;
          editor.setProvisioning(app, { warmSpares: current + step });
          this.afterEdit();
        },
      },
    });
    yield;
    drawTools(context, play.tools, {
      canUndo: editor.canUndo,
      canRedo: editor.canRedo,
      portrait: play.portrait,
      undo: () => this.apply(input.undo()),
      redo: () => this.apply(input.redo()),
      reset: () => this.apply({ handled: true, confirmReset: true }),
    });
    drawRunButton(context, play.primary, check.violations.length, () => host.startRun());
    const hints = host.hints();
    const shown = Math.min(this.hintsShown, hints.length);
    drawHintBar(context, play.banner, {
      instruction: this.instruction(context.keyHints !== false),
      hint: shown > 0 ? hints[shown - 1] : null,
      hintNumber: shown,
      hintTotal: hints.length,
      prompt: host.hintPrompt(),
      onNext: () => this.nextHint(),
    });
    if (this.resetAsked) {
      drawResetConfirm(context, play.board, () => this.confirmReset(true), () => this.confirmReset(false));
    }
    if (this.drag?.dragging) this.ghost = markLive(host.scene.add.graphics().setDepth(50));
  }

  /** While an app is being placed: what dropping it on each target makes, or the rule it breaks there. */
  private targetNotes(): Map<string, { text: string; blocked: boolean }> {
    const notes = new Map<string, { text: string; blocked: boolean }>();
    const mode = this.input.mode;
    if (mode.kind !== 'app') return notes;
    for (const target of mode.targets) {
      const preview = this.host.editor.placementPreview(mode.app, target);
      if (preview) notes.set(target, previewText(this.host.boardText, preview));
    }
    return notes;
  }

  /** The hint bar while placing: what to do, and what the current target would make of an app. */
  private instruction(keys: boolean): string | null {
    const { host, input } = this;
    const base = placingInstruction(host.boardText, input.mode, keys);
    const mode = input.mode;
    if (base === null) return this.notice;
    if (mode.kind !== 'app' || !input.currentTarget) return base;
    const nowhere = this.placingWords({ handled: true, say: 'chooseAppTarget' });
    if (nowhere && mode.targets.every((target) => (host.editor.placementPreview(mode.app, target)?.blockers.length ?? 0) > 0)) return nowhere;
    const preview = host.editor.placementPreview(mode.app, input.currentTarget);
    if (!preview) return base;
    return `${base} ${host.boardText.node(input.currentTarget)} ${previewText(host.boardText, preview).text}`;
  }

  // ---------------------------------------------------------------- results of input

  /** Turns an input result into a redraw, a sound, focus and words. */
  apply(result: InputResult): boolean {
    if (!result.handled) return false;
    const { host } = this;
    if (result.confirmReset) {
      this.resetAsked = true;
      this.input.cancel();
      host.rebuild(() => {
        host.focus.focus('reset-no', true, false);
        host.ctx.announce(this.t('play:build.resetQuestion'));
      });
      return true;
    }
    this.notice = result.say === 'noHost' || result.say === 'noSupport' || result.say === 'noneLeft' ? sayText(host.ctx.i18n, host.boardText, result) : null;
    if (result.placed === 'piece' && result.piece) host.ctx.events.emit('piecePlaced', { piece: result.piece });
    if (result.placed === 'app') host.ctx.events.emit('linkMade', {});
    host.rebuild(() => {
      if (result.focus) host.focus.focus(result.focus, host.keyboardMode(), false);
    });
    const words = [sayText(host.ctx.i18n, host.boardText, result), this.placingWords(result)].filter(Boolean).join(' ');
    const problems = this.problemsChange();
    const message = [words, problems].filter(Boolean).join(' ');
    if (message) host.ctx.announce(message);
    return true;
  }

  /** While an app is placed: what the current target would make of it; when every target breaks a rule,
   * which rule blocks each one. */
  private placingWords(result: InputResult): string {
    const mode = this.input.mode;
    if (mode.kind !== 'app' || (result.say !== 'chooseAppTarget' && result.say !== 'target')) return '';
    const { editor, boardText } = this.host;
    const previews = mode.targets.map((target) => editor.placementPreview(mode.app, target)).filter((preview) => preview !== null);
    if (result.say === 'chooseAppTarget' && previews.length > 0 && previews.every((preview) => preview.blockers.length > 0)) {
      const list = previews.map((preview) => `${boardText.node(preview.on)}: ${boardText.problem(preview.blockers[0]!)}`).join(' ');
      return this.t('playui:say.nowhere', { app: mode.app, list });
    }
    const current = this.input.currentTarget;
    const preview = current ? editor.placementPreview(mode.app, current) : null;
    return preview ? previewText(boardText, preview).text.replace(/^[→✕]\s*/, '') : '';
  }

  /** After an inspector change that did not go through BuildInput. */
  private afterEdit(): void {
    this.host.rebuild();
    const problems = this.problemsChange();
    if (problems) this.host.ctx.announce(problems);
  }

  /** Words for the problems, when their number changed since the last time they were said. */
  private problemsChange(): string {
    const check = this.host.editor.check();
    const count = check.violations.length;
    if (count === this.problemCount) return '';
    this.problemCount = count;
    if (count === 0) return this.t('play:say.ready');
    const first = orderedProblems(check.violations)[0];
    return this.t('play:say.problems', { count, first: first ? this.host.boardText.problem(first) : '' });
  }

  private confirmReset(yes: boolean): void {
    const { host } = this;
    this.resetAsked = false;
    if (yes) {
      host.editor.reset();
      this.input.validate();
      this.input.select(null);
    }
    host.rebuild(() => {
      host.focus.focus('tool-reset', host.keyboardMode(), false);
      host.ctx.announce(yes ? this.t('play:say.resetDone') : this.t('play:say.cancelled'));
    });
  }

  nextHint(): void {
    const { host } = this;
    const hints = host.hints();
    if (hints.length === 0) {
      host.ctx.announce(this.t('play:build.noHints'));
      return;
    }
    this.hintsShown = this.hintsShown >= hints.length ? 1 : this.hintsShown + 1;
    host.rebuild();
    host.ctx.announce(`${this.t('play:build.hintLabel', { number: this.hintsShown, total: hints.length })}: ${hints[this.hintsShown - 1]}`);
  }

  // ---------------------------------------------------------------- drag and drop

  private startDrag(kind: 'piece' | 'app', id: string, pointer: Phaser.Input.Pointer): void {
    if (this.host.phase() !== 'build' || this.resetAsked) return;
    this.drag = { kind, id, x: pointer.x, y: pointer.y, dragging: false };
  }

  private onPointerMove(pointer: Phaser.Input.Pointer): void {
    const drag = this.drag;
    if (!drag || !pointer.isDown) return;
    if (!drag.dragging) {
      if (Math.hypot(pointer.x - drag.x, pointer.y - drag.y) < 14 * this.host.kit().layout.scale) return;
      drag.dragging = true;
      const result = drag.kind === 'piece' ? this.input.pickPiece(drag.id as Piece) : this.input.pickApp(drag.id);
      if (!this.input.placing) {
        this.drag = null;
        this.apply(result);
        return;
      }
      this.host.rebuild();
    }
    this.drawGhost(pointer);
  }

  private drawGhost(pointer: Phaser.Input.Pointer): void {
    const drag = this.drag;
    if (!drag || !this.ghost) return;
    const g = this.ghost;
    const { palette, layout } = this.host.kit();
    const scale = layout.scale;
    g.clear();
    const width = 120 * scale;
    const height = 34 * scale;
    g.fillStyle(palette.accent, 0.35);
    g.fillRoundedRect(pointer.x - width / 2, pointer.y - height / 2, width, height, 8 * scale);
    g.lineStyle(3, palette.accent, 1);
    g.strokeRoundedRect(pointer.x - width / 2, pointer.y - height / 2, width, height, 8 * scale);
  }

  private onPointerUp(_pointer: Phaser.Input.Pointer, over: Phaser.GameObjects.GameObject[]): void {
    const drag = this.drag;
    this.drag = null;
    if (!drag?.dragging) return;
    const target = over.map((object) => (object as { id?: unknown }).id).find((id): id is string => typeof id === 'string' && id.startsWith('node-'));
    if (target) this.apply(this.input.commit(target.slice('node-'.length)));
    else this.apply(this.input.cancel());
  }

  // ---------------------------------------------------------------- keys

  /** Ctrl+Z, Ctrl+Y and Ctrl+Shift+Z, heard on the page (the browser would take them otherwise). */
  private onCtrlKey(event: KeyboardEvent): void {
    if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
    if (this.host.phase() !== 'build' || this.resetAsked || !this.host.scene.scene.isActive() || isDomControl(event.target)) return;
    const result = this.input.handleKey({ key: event.key, ctrl: true, shift: event.shiftKey });
    if (result.handled) {
      event.preventDefault();
      this.apply(result);
    }
  }

  /** The build phase's keys; `next` is the screen's own handling (focus, Escape, glossary, help). */
  onKey(event: KeyboardEvent, next: (event: KeyboardEvent) => boolean): boolean {
    const { host, input } = this;
    if (this.resetAsked) {
      if (event.key === 'Escape') {
        this.confirmReset(false);
        return true;
      }
      return next(event);
    }
    if (event.key === 'Enter' && event.shiftKey) {
      host.startRun();
      return true;
    }
    if ((event.key === 'h' || event.key === 'H') && !input.placing) {
      this.nextHint();
      return true;
    }
    const wasPlacing = input.placing;
    const result = input.handleKey({ key: event.key, shift: event.shiftKey });
    if (result.handled) return this.apply(result);
    if (wasPlacing && !input.placing) {
      // Tab cancelled placing: move focus on, then redraw without the highlights.
      const moved = next(event);
      const focused = host.focus.focusedId;
      host.rebuild(() => {
        if (focused) host.focus.focus(focused, true, false);
      });
      return moved;
    }
    return next(event);
  }
}
