// The build phase's panels around the board: the palette of pieces with what is left of each, the tray of
// apps still to place, the live readouts (memory, boot time and architecture per app), the problems the
// engine's checker finds, the inspector of the selection, undo/redo/reset, the hint bar and the Run button.
import Phaser from 'phaser';
import type { AppSpec, Piece, RuleViolation } from '../../sim/types';
import type { BootEstimate } from '../play/bootTime';
import { formatSeconds } from '../play/bootTime';
import type { BuildEditor } from '../play/BuildEditor';
import type { Selection } from '../play/buildInput';
import { fontPx, splitRow, type Rect } from '../layout';
import { Button } from '../ui/Button';
import { drawPanel, panelStyle } from '../ui/drawing';
import { addText, fitText } from '../ui/text';
import type { BoardView } from './BoardView';
import { boardColors } from './boardTheme';
import { warningSign } from './boardDrawing';
import { CardWidget } from './CardWidget';
import { explainPiece } from './explainText';
import { ColumnCursor, panelPlate, tr, withKey, type PanelContext } from './panelKit';

export interface PaletteOptions {
  pieces: Piece[];
  remaining: Record<Piece, number>;
  placing: Piece | null;
  portrait: boolean;
  onPick(piece: Piece): void;
  onPointerDown(piece: Piece, pointer: Phaser.Input.Pointer): void;
}

/** The pieces the level allows, each with what is left (∞ when unlimited). */
export function drawPalette(context: PanelContext, rect: Rect, options: PaletteOptions): void {
  const { kit, scene } = context;
  const { layout } = kit;
  const colors = boardColors(kit.palette);
  const px = fontPx(layout, 'small');
  let area = rect;
  if (!options.portrait) {
    panelPlate(context, rect);
    const pad = Math.round(layout.gap * 0.8);
    const title = addText(scene, kit, rect.x + pad, rect.y + pad * 0.7, tr(context, 'play:build.pieces'), { fontPx: fontPx(layout, 'body'), bold: true, color: kit.palette.heading });
    fitText(title, rect.width - pad * 2, px * 2, 12);
    const hint = addText(scene, kit, rect.x + pad, title.y + title.height, tr(context, 'play:build.piecesHint'), { fontPx: Math.round(px * 0.85), color: kit.palette.textMuted, wrapWidth: rect.width - pad * 2 });
    fitText(hint, rect.width - pad * 2, px * 2.4, 10);
    const top = hint.y + hint.height + pad * 0.6;
    area = { x: rect.x + pad, y: top, width: rect.width - pad * 2, height: rect.y + rect.height - pad - top };
  }
  const count = Math.max(1, options.pieces.length);
  const gap = Math.round(layout.gap * 0.5);
  const rects: Rect[] = [];
  if (options.portrait) {
    const columns = Math.min(count, 3);
    const rows = Math.ceil(count / columns);
    const height = (area.height - gap * (rows - 1)) / rows;
    options.pieces.forEach((_, index) => {
      const row = Math.floor(index / columns);
      const inRow = Math.min(columns, count - row * columns);
      const cells = splitRow({ x: area.x, y: area.y + row * (height + gap), width: area.width, height }, inRow, gap);
      rects.push(cells[index % columns]);
    });
  } else {
    const height = Math.min(layout.buttonHeight * 1.35, (area.height - gap * (count - 1)) / count);
    options.pieces.forEach((_, index) => rects.push({ x: area.x, y: Math.round(area.y + index * (height + gap)), width: area.width, height: Math.round(height) }));
  }
  options.pieces.forEach((piece, index) => {
    const itemRect = rects[index];
    const remaining = options.remaining[piece];
    const unlimited = !Number.isFinite(remaining);
    const countLabel = unlimited ? tr(context, 'play:build.unlimited') : remaining > 0 ? tr(context, 'play:build.left', { count: remaining }) : tr(context, 'play:build.noneLeft');
    const countWords = unlimited ? tr(context, 'play:build.unlimitedWords') : countLabel;
    const placing = options.placing === piece;
    const name = context.text.piece(piece);
    const card = new CardWidget(scene, kit, {
      id: `piece-${piece}`,
      rect: itemRect,
      radius: layout.radius * 0.8,
      describe: () => `${name}, ${countWords}${placing ? `, ${kit.words.selected}` : ''}`,
      onActivate: () => options.onPick(piece),
      explain: () => explainPiece(context.text, piece),
      draw: (g, state) => {
        const radius = layout.radius * 0.8;
        g.fillStyle(0x000000, kit.palette.shadowAlpha * 0.6);
        g.fillRoundedRect(state.x + 2, state.y + 3 * layout.scale, state.width, state.height, radius);
        g.fillStyle(state.hovered || placing ? kit.palette.buttonHover : kit.palette.button, remaining > 0 || unlimited ? 1 : 0.5);
        g.fillRoundedRect(state.x, state.y, state.width, state.height, radius);
        g.lineStyle(placing ? Math.max(3, 3 * layout.scale) : 1.5, placing ? kit.palette.accent : kit.palette.buttonBorder, 1);
        g.strokeRoundedRect(state.x, state.y, state.width, state.height, radius);
        // A swatch in the piece's board colour, shaped like a little layer bar.
        const swatch = Math.min(state.height * 0.55, 30 * layout.scale);
        const sx = state.x + state.height * 0.22;
        const sy = -swatch / 2;
        g.fillStyle(colors.piece[piece], 1);
        g.fillRoundedRect(sx, sy, swatch, swatch, swatch * 0.2);
        g.lineStyle(piece === 'vm' ? Math.max(2.5, 3 * layout.scale) : 1.5, piece === 'vm' ? colors.wall : colors.pieceEdge, 1);
        g.strokeRoundedRect(sx, sy, swatch, swatch, swatch * 0.2);
      },
    });
    const swatch = Math.min(itemRect.height * 0.55, 30 * layout.scale);
    // The piece's icon explains it to a tap (a tap elsewhere on the item picks the piece, as before).
    card.explainPart({ x: itemRect.x + itemRect.height * 0.22 - 4, y: itemRect.y + itemRect.height / 2 - swatch / 2 - 4, width: swatch + 8, height: swatch + 8 }, () => explainPiece(context.text, piece));
    const textX = itemRect.x + itemRect.height * 0.22 + swatch + layout.gap * 0.5;
    const textWidth = itemRect.x + itemRect.width - textX - layout.gap * 0.4;
    const label = card.placeChild(addText(scene, kit, textX, itemRect.y + itemRect.height * 0.5, name, { fontPx: px, bold: true, color: kit.palette.text, originY: 1 }));
    fitText(label, textWidth, itemRect.height * 0.5, 10);
    const sub = card.placeChild(addText(scene, kit, textX, itemRect.y + itemRect.height * 0.5, countLabel, { fontPx: Math.round(px * 0.85), color: remaining > 0 || unlimited ? kit.palette.textMuted : '#ff9a9a', originY: 0 }));
    fitText(sub, textWidth, itemRect.height * 0.45, 9);
    card.onPress((pointer: Phaser.Input.Pointer) => options.onPointerDown(piece, pointer));
  });
}

/** The apps not yet on the board, as cards the player can pick (or drag) and place. */
export function drawTray(context: PanelContext, rect: Rect, board: BoardView, apps: AppSpec[], onPointerDown: (app: string, pointer: Phaser.Input.Pointer) => void): void {
  const { kit, scene } = context;
  const { layout } = kit;
  panelPlate(context, rect, 0.9);
  const pad = Math.round(layout.gap * 0.6);
  const title = addText(scene, kit, rect.x + pad, rect.y + pad * 0.4, tr(context, 'play:build.appsTray'), { fontPx: fontPx(layout, 'small'), bold: true, color: kit.palette.heading });
  fitText(title, rect.width - pad * 2, fontPx(layout, 'small') * 1.5, 11);
  const top = title.y + title.height + pad * 0.3;
  const area = { x: rect.x + pad, y: top, width: rect.width - pad * 2, height: rect.y + rect.height - pad - top };
  if (apps.length === 0) {
    const done = addText(scene, kit, area.x, area.y + area.height / 2, tr(context, 'play:build.allPlaced'), { fontPx: fontPx(layout, 'small'), color: kit.palette.textMuted, originY: 0.5, wrapWidth: area.width });
    fitText(done, area.width, area.height, 11);
    return;
  }
  const gap = Math.round(layout.gap * 0.6);
  const width = Math.min(250 * layout.scale, (area.width - gap * (apps.length - 1)) / apps.length);
  apps.forEach((app, index) => {
    const card = board.appCard(app, { x: Math.round(area.x + index * (width + gap)), y: area.y, width: Math.floor(width), height: area.height }, 'tray');
    card.onPress((pointer: Phaser.Input.Pointer) => onPointerDown(app.id, pointer));
  });
}

export interface SideOptions {
  editor: BuildEditor;
  boot: BootEstimate[];
  problems: RuleViolation[];
  selection: Selection;
  portrait: boolean;
  /** How a placed app runs where it is ("Runs as 2 VMs, one per instance…"), for its inspector. */
  hostingLine?: (app: string) => string;
  onInspector: InspectorActions;
}

export interface InspectorActions {
  toggleKernel(): void;
  toggleDriver(): void;
  remove(): void;
  moveApp(app: string): void;
  unplace(app: string): void;
  setPrePull(app: string, on: boolean): void;
  changeSpares(app: string, step: 1 | -1): void;
}

/** Readouts, problems and the inspector, in one panel (two columns in portrait). */
export function drawSide(context: PanelContext, rect: Rect, options: SideOptions): void {
  const { kit, scene } = context;
  const { layout } = kit;
  panelPlate(context, rect);
  const pad = Math.round(layout.gap * 0.8);
  const inner = { x: rect.x + pad, y: rect.y + pad * 0.7, width: rect.width - pad * 2, height: rect.height - pad * 1.4 };
  let readoutArea = inner;
  let inspectorArea: Rect;
  if (options.portrait) {
    const half = (inner.width - layout.gap) / 2;
    readoutArea = { ...inner, width: half };
    inspectorArea = { ...inner, x: inner.x + half + layout.gap, width: half };
  } else {
    // A selected app's inspector has its hosting line and up to four rows of controls: it may take more of
    // the panel (the readouts above say "…and N more" when they run short), never so much that they vanish.
    const cap = options.selection?.kind === 'app' ? 0.64 : 0.42;
    const inspectorHeight = Math.min(inner.height * cap, inspectorNeeds(layout.buttonHeight, options, layout.gap));
    inspectorArea = { x: inner.x, y: inner.y + inner.height - inspectorHeight, width: inner.width, height: inspectorHeight };
    readoutArea = { ...inner, height: inner.height - inspectorHeight - layout.gap };
    const line = scene.add.graphics();
    line.lineStyle(1, kit.palette.panelBorder, 0.8);
    line.lineBetween(inner.x, inspectorArea.y - layout.gap / 2, inner.x + inner.width, inspectorArea.y - layout.gap / 2);
  }
  const cursor = new ColumnCursor(readoutArea, Math.round(layout.gap * 0.5));
  drawMemory(context, cursor, options.editor);
  drawProblems(context, cursor, options.problems);
  drawBoot(context, cursor, options);
  drawInspector(context, inspectorArea, options);
}

function inspectorNeeds(buttonHeight: number, options: SideOptions, gap: number): number {
  const row = buttonHeight * 0.82 + gap * 0.4;
  const heading = buttonHeight * 0.7;
  if (!options.selection) return heading * 2.8;
  if (options.selection.kind === 'node') {
    // Kernel and driver where the piece has them, and always Remove: every button gets its row.
    const piece = options.editor.node(options.selection.id)?.piece;
    return heading + row * (piece === 'vm' ? 3 : piece === 'host-os' ? 2 : 1);
  }
  // The app's line (how it runs where it is: up to three lines) and its rows: move/take off, the driver of
  // its VMs when it has them, pre-pull, warm spares.
  const placement = options.editor.placementOf(options.selection.id);
  const rows = 3 + (placement?.vm ? 1 : 0);
  return heading * (placement ? 3.4 : 1.2) + row * rows;
}

function drawMemory(context: PanelContext, cursor: ColumnCursor, editor: BuildEditor): void {
  const { kit, scene } = context;
  const { layout, palette } = kit;
  const analysis = editor.check().analysis;
  const used = Math.round(analysis.memoryGiB * 10) / 10;
  const total = editor.level.hardware.memoryGiB;
  const over = analysis.memoryGiB > total + 1e-9;
  const colors = boardColors(palette);
  const px = fontPx(layout, 'small');
  const row = cursor.take(Math.round(px * 1.5));
  const label = addText(scene, kit, row.x, row.y, tr(context, 'play:build.memory'), { fontPx: px, bold: true, color: palette.heading });
  const words = tr(context, over ? 'play:build.memoryOver' : 'play:build.memoryValue', { used, total });
  const signSize = px * 1.1;
  // Too much: the warning sign follows the label, and the words get a row of their own below (they never
  // run under the sign, and keep a readable size).
  const valueRow = over ? cursor.take(Math.round(px * 1.4)) : row;
  const value = addText(scene, kit, valueRow.x + valueRow.width, valueRow.y, words, { fontPx: px, bold: over, color: over ? '#ff9a9a' : palette.text, originX: 1 });
  fitText(value, over ? valueRow.width : row.width - label.width - px, px * 1.5, 10);
  const bar = cursor.take(Math.round(Math.max(10, 12 * layout.scale)));
  const g = scene.add.graphics();
  const fraction = Math.min(1, analysis.memoryGiB / Math.max(1e-9, total));
  g.fillStyle(palette.track, 1);
  g.fillRoundedRect(bar.x, bar.y, bar.width, bar.height, bar.height / 2);
  g.fillStyle(over ? colors.danger : fraction > 0.85 ? colors.warning : palette.trackFill, 1);
  if (fraction > 0) g.fillRoundedRect(bar.x, bar.y, Math.max(bar.height, bar.width * fraction), bar.height, bar.height / 2);
  if (over) {
    // Hatching, so "too much" is not told by colour alone (the words say it too).
    // Each stroke is clipped to the bar, so the hatching stays inside it (and inside the panel).
    g.lineStyle(2, 0x000000, 0.55);
    const right = bar.x + bar.width;
    for (let x = bar.x - bar.height; x < right; x += 9) {
      const from = Math.max(0, (bar.x - x) / bar.height);
      const to = Math.min(1, (right - x) / bar.height);
      if (to > from) g.lineBetween(x + from * bar.height, bar.y + bar.height * (1 - from), x + to * bar.height, bar.y + bar.height * (1 - to));
    }
    warningSign(g, row.x + label.width + px * 0.3 + signSize / 2, row.y + px * 0.7, signSize, colors.danger, 0xffffff);
  }
  g.lineStyle(1, palette.panelBorder, 1);
  g.strokeRoundedRect(bar.x, bar.y, bar.width, bar.height, bar.height / 2);
}

function drawProblems(context: PanelContext, cursor: ColumnCursor, problems: RuleViolation[]): void {
  const { kit } = context;
  const px = fontPx(kit.layout, 'small');
  cursor.y += cursor.gap * 0.5;
  if (problems.length === 0) {
    cursor.heading(context, tr(context, 'play:build.noProblems'), '#8ff0b8');
    return;
  }
  cursor.heading(context, `${tr(context, 'play:build.problems')} (${problems.length})`, '#ffb347');
  // Leave room below for the boot times, but never so much that no problem can be read.
  const reserve = Math.round(Math.min(px * 5.5, cursor.remaining * 0.3));
  let shown = 0;
  for (const problem of problems) {
    const text = cursor.paragraph(context, `⚠ ${context.text.problem(problem)}`, { px: Math.round(px * 0.9), color: '#ffd9a0', reserve });
    if (!text) break;
    shown += 1;
  }
  if (shown < problems.length) cursor.paragraph(context, tr(context, 'play:build.more', { count: problems.length - shown }), { px: Math.round(px * 0.9), color: kit.palette.textMuted });
}

function drawBoot(context: PanelContext, cursor: ColumnCursor, options: SideOptions): void {
  const { kit } = context;
  const px = fontPx(kit.layout, 'small');
  // The heading only with room for at least one of its rows below it (never a heading over "…and 3 more").
  if (cursor.remaining < px * 6.5) return;
  cursor.y += cursor.gap * 0.5;
  const heading = cursor.heading(context, tr(context, 'play:build.bootTitle'));
  const byApp = new Map(options.boot.map((entry) => [entry.app, entry]));
  const lines = options.editor.level.apps.map((app) => {
    const entry = byApp.get(app.id);
    if (!entry) return tr(context, 'play:build.notPlaced', { app: app.id });
    const arch = context.text.arch(entry.architecture);
    return entry.pullSeconds > 0
      ? tr(context, 'play:build.bootPull', { app: app.id, seconds: formatSeconds(entry.totalSeconds), pull: formatSeconds(entry.pullSeconds), arch })
      : tr(context, 'play:build.bootLine', { app: app.id, seconds: formatSeconds(entry.totalSeconds), arch });
  });
  let shown = 0;
  for (const line of lines) {
    // The last row needs no room kept for "…and N more" below it.
    const last = shown === lines.length - 1;
    if (!cursor.paragraph(context, line, { px: Math.round(px * 0.9), reserve: last ? 0 : px * 1.4 })) break;
    shown += 1;
  }
  if (shown === 0) {
    // Not one row fits: no heading alone over "…and N more".
    heading.destroy();
    return;
  }
  if (shown < lines.length) cursor.paragraph(context, tr(context, 'play:build.more', { count: lines.length - shown }), { px: Math.round(px * 0.9), color: kit.palette.textMuted });
}

function drawInspector(context: PanelContext, area: Rect, options: SideOptions): void {
  const { kit, scene } = context;
  const { layout, palette } = kit;
  const px = fontPx(layout, 'small');
  const cursor = new ColumnCursor(area, Math.round(layout.gap * 0.4));
  const selection = options.selection;
  const editor = options.editor;
  const actions = options.onInspector;
  let rowHeight = Math.round(Math.min(layout.buttonHeight * 0.82, Math.max(36, (area.height - px * 1.8) / 3 - cursor.gap)));
  const buttonPx = Math.round(px * 0.95);
  if (!selection) {
    cursor.heading(context, tr(context, 'play:build.inspector'));
    cursor.paragraph(context, tr(context, 'play:build.inspectorEmpty'), { px, color: palette.textMuted });
    return;
  }
  if (selection.kind === 'node') {
    const node = editor.node(selection.id);
    if (!node) return;
    cursor.heading(context, `${tr(context, 'play:build.inspector')}: ${context.text.node(node.id)}`);
    const buttons: Array<{ id: string; label: string; run: () => void }> = [];
    if (node.piece === 'host-os' || node.piece === 'vm') buttons.push({ id: 'inspect-kernel', label: withKey(context, tr(context, 'play:build.kernel', { kernel: context.text.kernel(node.kernel) }), 'K'), run: actions.toggleKernel });
    if (node.piece === 'vm') buttons.push({ id: 'inspect-driver', label: withKey(context, tr(context, 'play:build.driver', { driver: context.text.driver(node.driver) }), 'D'), run: actions.toggleDriver });
    buttons.push({ id: 'inspect-remove', label: withKey(context, tr(context, 'play:build.remove'), 'Del'), run: actions.remove });
    layoutButtons(context, cursor, rowHeight, buttonPx, buttons);
    return;
  }
  const app = editor.level.apps.find((entry) => entry.id === selection.id);
  if (!app) return;
  const placement = editor.placementOf(app.id);
  const provisioning = editor.provisioning.find((entry) => entry.app === app.id);
  cursor.heading(context, `${tr(context, 'play:build.inspector')}: ${app.id}`);
  // Every row of controls stays inside the panel: the hosting line keeps room for all of them below it
  // (smaller, then left out, when it cannot), and the rows share what is left.
  const rows = 3 + (placement?.vm ? 1 : 0);
  const minRow = Math.max(30, Math.round(buttonPx * 2.1));
  const where = placement ? (options.hostingLine?.(app.id) ?? '') : '';
  if (where) {
    const reserve = rows * (minRow + cursor.gap);
    if (!cursor.paragraph(context, where, { px: Math.round(px * 0.9), color: '#9ff3ff', reserve })) cursor.paragraph(context, where, { px: Math.max(10, Math.round(px * 0.78)), color: '#9ff3ff', reserve });
  }
  rowHeight = Math.round(Math.min(layout.buttonHeight * 0.82, Math.max(minRow, cursor.remaining / rows - cursor.gap)));
  const row1: Array<{ id: string; label: string; run: () => void }> = [{ id: 'inspect-move', label: tr(context, 'play:build.move'), run: () => actions.moveApp(app.id) }];
  if (placement) row1.push({ id: 'inspect-unplace', label: withKey(context, tr(context, 'play:build.unplace'), 'Del'), run: () => actions.unplace(app.id) });
  layoutButtons(context, cursor, rowHeight, buttonPx, row1, true);
  if (placement?.vm) {
    layoutButtons(context, cursor, rowHeight, buttonPx, [{ id: 'inspect-driver', label: withKey(context, tr(context, 'play:build.driver', { driver: context.text.driver(placement.vm.driver) }), 'D'), run: actions.toggleDriver }]);
  }
  if (cursor.remaining >= rowHeight) {
    const rect = cursor.take(rowHeight);
    new Button(scene, kit, {
      id: 'inspect-prepull',
      rect,
      label: tr(context, 'play:build.prePull'),
      toggle: Boolean(provisioning?.prePull),
      fontPx: buttonPx,
      align: 'left',
      onActivate: () => actions.setPrePull(app.id, !provisioning?.prePull),
    });
  }
  if (cursor.remaining >= rowHeight) {
    const rect = cursor.take(rowHeight);
    const spares = provisioning?.warmSpares ?? 0;
    const small = Math.round(rowHeight * 1.2);
    new Button(scene, kit, { id: 'inspect-spares-down', rect: { ...rect, width: small }, label: '−', ariaLabel: tr(context, 'play:build.fewerSpares'), fontPx: buttonPx, enabled: spares > 0, onActivate: () => actions.changeSpares(app.id, -1) });
    new Button(scene, kit, { id: 'inspect-spares-up', rect: { ...rect, x: rect.x + rect.width - small, width: small }, label: '+', ariaLabel: tr(context, 'play:build.moreSpares'), fontPx: buttonPx, onActivate: () => actions.changeSpares(app.id, 1) });
    const label = addText(scene, kit, rect.x + rect.width / 2, rect.y + rect.height / 2, tr(context, 'play:build.spares', { count: spares }), { fontPx: buttonPx, color: palette.text, originX: 0.5, originY: 0.5 });
    fitText(label, rect.width - small * 2 - 8, rect.height, 10);
  }
}

function layoutButtons(
  context: PanelContext,
  cursor: ColumnCursor,
  rowHeight: number,
  px: number,
  buttons: Array<{ id: string; label: string; run: () => void }>,
  sideBySide = false,
): void {
  if (sideBySide && buttons.length > 1) {
    if (cursor.remaining < rowHeight) return;
    const cells = splitRow(cursor.take(rowHeight), buttons.length, Math.round(context.kit.layout.gap * 0.5));
    buttons.forEach((button, index) => new Button(context.scene, context.kit, { id: button.id, rect: cells[index], label: button.label, fontPx: px, onActivate: button.run }));
    return;
  }
  for (const button of buttons) {
    if (cursor.remaining < rowHeight) return;
    new Button(context.scene, context.kit, { id: button.id, rect: cursor.take(rowHeight), label: button.label, fontPx: px, align: 'left', onActivate: button.run });
  }
}

export interface ToolsOptions {
  canUndo: boolean;
  canRedo: boolean;
  portrait: boolean;
  undo(): void;
  redo(): void;
  reset(): void;
}

/** Undo, redo and reset: stacked in landscape, side by side in portrait. */
export function drawTools(context: PanelContext, rect: Rect, options: ToolsOptions): void {
  const { kit, scene } = context;
  const gap = Math.round(kit.layout.gap * 0.5);
  const px = Math.round(fontPx(kit.layout, 'small') * 1.0);
  const cells = options.portrait
    ? splitRow(rect, 3, gap)
    : [0, 1, 2].map((index) => ({ x: rect.x, y: Math.round(rect.y + index * ((rect.height - 2 * gap) / 3 + gap)), width: rect.width, height: Math.round((rect.height - 2 * gap) / 3) }));
  new Button(scene, kit, { id: 'tool-undo', rect: cells[0], label: `${tr(context, 'play:build.undo')}`, sublabel: options.portrait || context.keyHints === false ? undefined : 'Ctrl+Z', fontPx: px, enabled: options.canUndo, onActivate: options.undo });
  new Button(scene, kit, { id: 'tool-redo', rect: cells[1], label: `${tr(context, 'play:build.redo')}`, sublabel: options.portrait || context.keyHints === false ? undefined : 'Ctrl+Y', fontPx: px, enabled: options.canRedo, onActivate: options.redo });
  new Button(scene, kit, { id: 'tool-reset', rect: cells[2], label: `${tr(context, 'play:build.reset')}`, sublabel: options.portrait || context.keyHints === false ? undefined : 'R', fontPx: px, onActivate: options.reset });
}

/** The Run button; when disabled its second line says why. */
export function drawRunButton(context: PanelContext, rect: Rect, problems: number, onRun: () => void): void {
  new Button(context.scene, context.kit, {
    id: 'run',
    rect,
    label: tr(context, 'play:build.run'),
    ariaLabel: `${tr(context, 'play:build.run')} (Shift+Enter)`,
    sublabel: problems === 0 ? tr(context, 'play:build.runReady') : tr(context, 'play:build.runBlocked', { count: problems }),
    icon: 'play',
    variant: problems === 0 ? 'primary' : 'normal',
    enabled: problems === 0,
    fontPx: fontPx(context.kit.layout, 'button'),
    onActivate: onRun,
  });
}

export interface HintBarOptions {
  /** A line that replaces the hint (what to do while placing). */
  instruction: string | null;
  hint: string | null;
  hintNumber: number;
  hintTotal: number;
  prompt: string;
  onNext(): void;
}

/** The band above the board: placing instructions, else the current hint and a Next hint button. */
export function drawHintBar(context: PanelContext, rect: Rect, options: HintBarOptions): void {
  const { kit, scene } = context;
  const { layout, palette } = kit;
  const g = scene.add.graphics();
  const highlight = options.instruction !== null;
  drawPanel(g, rect, panelStyle(palette, layout, { radius: layout.radius, fill: highlight ? 0x123e4a : palette.panel, border: highlight ? boardColors(palette).target : palette.panelBorder }));
  const pad = Math.round(layout.gap * 0.8);
  const buttonWidth = options.hintTotal > 0 && !highlight ? Math.round(Math.min(rect.width * 0.25, 150 * layout.scale)) : 0;
  const px = fontPx(layout, 'small');
  let content: string;
  if (options.instruction) content = options.instruction;
  else if (options.hint) content = `${tr(context, 'play:build.hintLabel', { number: options.hintNumber, total: options.hintTotal })}: ${options.hint}`;
  else content = options.prompt;
  const text = addText(scene, kit, rect.x + pad, rect.y + rect.height / 2, content, {
    fontPx: px,
    color: highlight ? '#dffcff' : options.hint ? palette.text : palette.textMuted,
    bold: highlight,
    originY: 0.5,
    wrapWidth: rect.width - pad * 2 - buttonWidth,
  });
  fitText(text, rect.width - pad * 3 - buttonWidth, rect.height - 4, 10);
  if (buttonWidth > 0) {
    new Button(scene, kit, {
      id: 'hint-next',
      rect: { x: rect.x + rect.width - buttonWidth - pad * 0.4, y: rect.y + rect.height * 0.12, width: buttonWidth, height: rect.height * 0.76 },
      label: withKey(context, tr(context, options.hint ? 'play:build.nextHint' : 'play:build.showHint'), 'H'),
      fontPx: Math.round(px * 0.9),
      onActivate: options.onNext,
    });
  }
}

/** Asks before resetting the build; returns nothing (the buttons call back). */
export function drawResetConfirm(context: PanelContext, board: Rect, onYes: () => void, onNo: () => void): void {
  const { kit, scene } = context;
  const { layout, palette } = kit;
  const width = Math.min(board.width * 0.9, 520 * layout.scale);
  const height = Math.round(layout.buttonHeight * 2.8);
  const rect = { x: board.x + (board.width - width) / 2, y: board.y + (board.height - height) / 2, width, height };
  const dim = scene.add.rectangle(board.x, board.y, board.width, board.height, palette.dim, 0.6).setOrigin(0, 0).setInteractive();
  dim.on(Phaser.Input.Events.GAMEOBJECT_POINTER_UP, onNo);
  const g = scene.add.graphics();
  drawPanel(g, rect, panelStyle(palette, layout, { border: palette.accent, borderWidth: 3 }));
  const pad = layout.gap;
  const question = addText(scene, kit, rect.x + rect.width / 2, rect.y + pad, tr(context, 'play:build.resetQuestion'), { fontPx: fontPx(layout, 'body'), bold: true, color: palette.heading, originX: 0.5, align: 'center', wrapWidth: width - pad * 2 });
  fitText(question, width - pad * 2, height - layout.buttonHeight - pad * 3, 12);
  const row = { x: rect.x + pad, y: rect.y + rect.height - pad - layout.buttonHeight, width: width - pad * 2, height: layout.buttonHeight };
  const [yes, no] = splitRow(row, 2, pad);
  new Button(scene, kit, { id: 'reset-yes', rect: yes, label: tr(context, 'play:build.resetYes'), fontPx: fontPx(layout, 'button'), onActivate: onYes });
  new Button(scene, kit, { id: 'reset-no', rect: no, label: tr(context, 'play:build.resetNo'), variant: 'primary', fontPx: fontPx(layout, 'button'), onActivate: onNo });
}
