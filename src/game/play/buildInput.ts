// Input of the build phase as pure operations: keys, clicks, taps and drags all end here and become
// BuildEditor operations. Choosing a piece (or an app) starts "placing": the valid supports (or hosts)
// are the targets, arrows cycle them, Enter or a click on one places; Delete, K, D, Ctrl+Z / Ctrl+Y and R
// act on the selection. No Phaser: the scene draws the mode and turns the results into words and sounds.
import type { BuildEditor } from './BuildEditor';
import type { Kernel, Piece } from '../../sim/types';

export type PlacingMode =
  | { kind: 'idle' }
  | { kind: 'piece'; piece: Piece; targets: string[]; index: number }
  | { kind: 'app'; app: string; targets: string[]; index: number };

export type Selection = { kind: 'node'; id: string } | { kind: 'app'; id: string } | null;

/** What happened, for the scene to say (i18n key under `play:say.`), sound and focus. */
export interface InputResult {
  handled: boolean;
  /** A message key under `play:say.` and the ids it names. */
  say?: SayKey;
  piece?: Piece;
  node?: string;
  app?: string;
  kernel?: Kernel;
  driver?: string;
  count?: number;
  /** The scene should ask before resetting the build. */
  confirmReset?: boolean;
  /** A piece was placed (sound: piecePlaced) or an app linked to a host (sound: linkMade). */
  placed?: 'piece' | 'app';
  /** The widget id that should take keyboard focus. */
  focus?: string;
}

export type SayKey =
  | 'choosePieceTarget'
  | 'chooseAppTarget'
  | 'target'
  | 'noneLeft'
  | 'noSupport'
  | 'noHost'
  | 'placedPiece'
  | 'placedApp'
  | 'notATarget'
  | 'cancelled'
  | 'removedNode'
  | 'removedApp'
  | 'kernelSet'
  | 'driverSet'
  | 'driverFixed'
  | 'undone'
  | 'redone'
  | 'nothingToUndo'
  | 'nothingToRedo'
  | 'nothingSelected'
  | 'selectedApp'
  | 'selectionCleared';

export interface KeyPress {
  key: string;
  ctrl?: boolean;
  shift?: boolean;
  alt?: boolean;
}

const IDLE: PlacingMode = { kind: 'idle' };
const NOT_HANDLED: InputResult = { handled: false };

/** Widget ids of the board and trays, shared by the scene and this module. */
export const widgetIds = {
  piece: (piece: Piece) => `piece-${piece}`,
  node: (id: string) => `node-${id}`,
  app: (id: string) => `app-${id}`,
};

export class BuildInput {
  mode: PlacingMode = IDLE;
  selection: Selection = null;

  constructor(private readonly editor: BuildEditor) {}

  get placing(): boolean {
    return this.mode.kind !== 'idle';
  }

  /** The target the arrows have reached while placing, or null. */
  get currentTarget(): string | null {
    return this.mode.kind === 'idle' ? null : (this.mode.targets[this.mode.index] ?? null);
  }

  get targets(): readonly string[] {
    return this.mode.kind === 'idle' ? [] : this.mode.targets;
  }

  /** Starts placing a piece from the palette. */
  pickPiece(piece: Piece): InputResult {
    if ((this.editor.paletteRemaining()[piece] ?? 0) <= 0) {
      this.mode = IDLE;
      return { handled: true, say: 'noneLeft', piece };
    }
    const targets = this.editor.supportsFor(piece);
    if (targets.length === 0) {
      this.mode = IDLE;
      return { handled: true, say: 'noSupport', piece };
    }
    this.mode = { kind: 'piece', piece, targets, index: 0 };
    return { handled: true, say: 'choosePieceTarget', piece, node: targets[0], count: targets.length };
  }

  /** Starts placing (or moving) an app: every node that can carry apps is a target. */
  pickApp(app: string): InputResult {
    const targets = this.editor.hostsForApps();
    this.selection = { kind: 'app', id: app };
    if (targets.length === 0) {
      this.mode = IDLE;
      return { handled: true, say: 'noHost', app };
    }
    const current = this.editor.placementOf(app)?.on;
    const index = Math.max(0, current ? targets.indexOf(current) : 0);
    this.mode = { kind: 'app', app, targets, index };
    return { handled: true, say: 'chooseAppTarget', app, node: targets[index], count: targets.length };
  }

  /** Moves to the next (+1) or previous (−1) target. */
  cycle(step: 1 | -1): InputResult {
    if (this.mode.kind === 'idle') return NOT_HANDLED;
    const count = this.mode.targets.length;
    this.mode = { ...this.mode, index: (((this.mode.index + step) % count) + count) % count };
    return { handled: true, say: 'target', node: this.currentTarget ?? undefined, count: this.mode.index + 1 };
  }

  /** Places on `target` (or the current one): a click or tap on a highlighted support, or Enter. */
  commit(target?: string): InputResult {
    const mode = this.mode;
    if (mode.kind === 'idle') return NOT_HANDLED;
    const chosen = target ?? mode.targets[mode.index];
    if (chosen === undefined || !mode.targets.includes(chosen)) {
      return { handled: true, say: 'notATarget', node: chosen };
    }
    this.mode = IDLE;
    if (mode.kind === 'piece') {
      const id = this.editor.addNode(mode.piece, chosen);
      this.selection = { kind: 'node', id };
      return { handled: true, say: 'placedPiece', piece: mode.piece, node: chosen, placed: 'piece', focus: widgetIds.node(id) };
    }
    this.editor.placeApp(mode.app, chosen);
    this.selection = { kind: 'app', id: mode.app };
    return { handled: true, say: 'placedApp', app: mode.app, node: chosen, placed: 'app', focus: widgetIds.app(mode.app) };
  }

  /** A drag from the palette dropped on a support. */
  dropPiece(piece: Piece, target: string): InputResult {
    const picked = this.pickPiece(piece);
    if (this.mode.kind === 'idle') return picked;
    return this.commit(target);
  }

  /** A drag of an app card dropped on a host. */
  dropApp(app: string, target: string): InputResult {
    const picked = this.pickApp(app);
    if (this.mode.kind === 'idle') return picked;
    return this.commit(target);
  }

  cancel(): InputResult {
    if (this.mode.kind === 'idle') return NOT_HANDLED;
    this.mode = IDLE;
    return { handled: true, say: 'cancelled' };
  }

  /** A click, tap or Enter on a node of the board: places while placing, else selects it. */
  activateNode(id: string): InputResult {
    if (this.mode.kind !== 'idle') {
      if (this.mode.targets.includes(id)) return this.commit(id);
      return { handled: true, say: 'notATarget', node: id };
    }
    this.selection = id === 'hardware' ? null : { kind: 'node', id };
    return { handled: true };
  }

  /**
   * A click, tap or Enter on an app card. An app still in the tray: select it and choose a host; the same
   * card again while choosing puts the choice away and keeps the app selected. An app already on the board:
   * only select it (moving it is a drag, or the inspector's explicit Move).
   */
  activateApp(app: string): InputResult {
    if (this.mode.kind === 'app' && this.mode.app === app) return this.cancel();
    if (this.editor.placementOf(app)) {
      this.mode = IDLE;
      this.selection = { kind: 'app', id: app };
      return { handled: true, say: 'selectedApp', app };
    }
    return this.pickApp(app);
  }

  /** Escape when not placing: forget the selection (false when nothing was selected). */
  clearSelection(): InputResult {
    if (this.mode.kind !== 'idle' || !this.selection) return NOT_HANDLED;
    this.selection = null;
    return { handled: true, say: 'selectionCleared' };
  }

  select(selection: Selection): void {
    this.selection = selection;
  }

  /** After undo, redo or reset: forget a selection or targets that no longer exist. */
  validate(): void {
    if (this.selection?.kind === 'node' && !this.editor.node(this.selection.id)) this.selection = null;
    const mode = this.mode;
    if (mode.kind === 'piece') {
      const targets = this.editor.supportsFor(mode.piece);
      this.mode = targets.length > 0 ? { ...mode, targets, index: Math.min(mode.index, targets.length - 1) } : IDLE;
    } else if (mode.kind === 'app') {
      const targets = this.editor.hostsForApps();
      this.mode = targets.length > 0 ? { ...mode, targets, index: Math.min(mode.index, targets.length - 1) } : IDLE;
    }
  }

  removeSelected(): InputResult {
    const selection = this.selection;
    if (!selection) return { handled: true, say: 'nothingSelected' };
    if (selection.kind === 'node') {
      const node = this.editor.node(selection.id);
      if (!node) return { handled: true, say: 'nothingSelected' };
      this.editor.removeNode(selection.id);
      this.selection = null;
      return { handled: true, say: 'removedNode', piece: node.piece, node: node.id, focus: widgetIds.piece(node.piece) };
    }
    if (!this.editor.placementOf(selection.id)) return { handled: true, say: 'nothingSelected' };
    this.editor.unplaceApp(selection.id);
    return { handled: true, say: 'removedApp', app: selection.id, focus: widgetIds.app(selection.id) };
  }

  /** K: a selected host OS or VM switches between Linux and Windows. */
  toggleKernel(): InputResult {
    const node = this.selection?.kind === 'node' ? this.editor.node(this.selection.id) : undefined;
    if (!node || (node.piece !== 'host-os' && node.piece !== 'vm')) return { handled: true, say: 'nothingSelected' };
    const kernel: Kernel = node.kernel === 'windows' ? 'linux' : 'windows';
    this.editor.setKernel(node.id, kernel);
    return { handled: true, say: 'kernelSet', node: node.id, kernel };
  }

  /** D: a selected VM, or an app running as one VM per instance, switches emulated ↔ para-virtual — where
   * the level offers both drivers; otherwise it says which one the level offers. */
  toggleDriver(): InputResult {
    const selection = this.selection;
    const fixed = this.editor.offersDriverChoice() ? null : this.editor.defaultDriver();
    if (selection?.kind === 'node') {
      const node = this.editor.node(selection.id);
      if (node?.piece === 'vm' && fixed) return { handled: true, say: 'driverFixed', node: node.id, driver: fixed };
      if (node?.piece === 'vm') {
        const driver = node.driver === 'para' ? 'emulated' : 'para';
        this.editor.setDriver(node.id, driver);
        return { handled: true, say: 'driverSet', node: node.id, driver };
      }
    } else if (selection?.kind === 'app') {
      const template = this.editor.placementOf(selection.id)?.vm;
      if (template && fixed) return { handled: true, say: 'driverFixed', app: selection.id, driver: fixed };
      if (template) {
        const driver = template.driver === 'para' ? 'emulated' : 'para';
        this.editor.setTemplateDriver(selection.id, driver);
        return { handled: true, say: 'driverSet', app: selection.id, driver };
      }
    }
    return { handled: true, say: 'nothingSelected' };
  }

  undo(): InputResult {
    const done = this.editor.undo();
    this.validate();
    return { handled: true, say: done ? 'undone' : 'nothingToUndo' };
  }

  redo(): InputResult {
    const done = this.editor.redo();
    this.validate();
    return { handled: true, say: done ? 'redone' : 'nothingToRedo' };
  }

  /**
   * The build phase's keys. While placing: arrows cycle targets, Enter or Space places, Escape cancels
   * (Tab cancels and moves focus on); when not placing, Escape clears the selection (and is not handled
   * when nothing is selected, so the screen's own Escape goes back). Always: Ctrl+Z undo, Ctrl+Shift+Z or Ctrl+Y redo, R reset (asks
   * first), Delete or Backspace removes the selection, K kernel, D driver. Other keys are not handled.
   */
  handleKey(press: KeyPress): InputResult {
    const key = press.key;
    const lower = key.length === 1 ? key.toLowerCase() : key;
    if (press.ctrl && !press.alt) {
      if (lower === 'z') return press.shift ? this.redo() : this.undo();
      if (lower === 'y') return this.redo();
      return NOT_HANDLED;
    }
    if (press.alt) return NOT_HANDLED;
    if (this.mode.kind !== 'idle') {
      switch (key) {
        case 'ArrowRight':
        case 'ArrowDown':
          return this.cycle(1);
        case 'ArrowLeft':
        case 'ArrowUp':
          return this.cycle(-1);
        case 'Enter':
        case ' ':
        case 'Spacebar':
          return this.commit();
        case 'Escape':
          return this.cancel();
        case 'Tab':
          this.mode = IDLE;
          return NOT_HANDLED;
        default:
          break;
      }
    }
    switch (lower) {
      case 'Escape':
        return this.clearSelection();
      case 'Delete':
      case 'Backspace':
        return this.removeSelected();
      case 'k':
        return this.toggleKernel();
      case 'd':
        return this.toggleDriver();
      case 'r':
        return { handled: true, confirmReset: true };
      default:
        return NOT_HANDLED;
    }
  }
}
