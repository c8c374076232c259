// The board drawn as the classic layer diagram: the hardware bar at the bottom (cores, memory, disk,
// network card), every piece a rounded bar as wide as what stands on it, VMs inside thick walls,
// containers inside thin dashed walls, app cards on top. Pieces and apps are focusable cards; problems
// show as warning signs, placing targets as highlighted outlines. The app cards are drawn by appCard.ts;
// during a run, per-instance VM boxes, boot progress and image downloads are redrawn in their own layers
// (VmLayers.ts) without rebuilding the screen. What the board is drawn from is in boardModel.ts.
import Phaser from 'phaser';
import type { InstanceInfo } from '../../sim/Simulation';
import type { AppSpec, BuildNode, RuleViolation } from '../../sim/types';
import { computeBoardLayout, type BoardLayout, type NodeBox } from '../play/boardLayout';
import { playLayout } from '../play/playLayout';
import { fontPx, type Rect } from '../layout';
import { addText, fitText } from '../ui/text';
import type { BuildSteps } from '../ui/slicedBuild';
import type { UiKit } from '../ui/UiKit';
import { drawAppCard } from './appCard';
import type { BoardCallbacks, BoardModel, BoardParts } from './boardModel';
import { boardColors, type BoardColors } from './boardTheme';
import { chipIcon, cracks, dashedRect, diskIcon, nicIcon, wallOutline, warningSign } from './boardDrawing';
import type { BoardText } from './boardText';
import { fitLine } from './panelKit';
import { CardWidget, type CardState } from './CardWidget';
import { explainHardware, explainNode } from './explainText';
import { VmLayers } from './VmLayers';
import { markBoardLabel } from '../ui/textAudit';

export type { BoardCallbacks, BoardModel } from './boardModel';

/** The app row is taller than a piece's (cards carry three lines); the hardware row a little taller too. */
export const BOARD_ROW_WEIGHTS = { apps: 1.6, hardware: 1.25 } as const;

/** Layout inputs that decide where boxes go; when they change during a run the screen is rebuilt. */
export function layoutSignature(layout: BoardLayout): string {
  const parts: string[] = [];
  for (const [id, box] of layout.nodes) parts.push(`${id}:${Math.round(box.rect.x)},${Math.round(box.rect.width)},${box.row}`);
  for (const [id, box] of layout.apps) parts.push(`${id}:${Math.round(box.rect.x)},${Math.round(box.rect.width)}`);
  return parts.join('|');
}

export class BoardView {
  layout: BoardLayout;
  readonly colors: BoardColors;
  private readonly parts: BoardParts;
  /** Per-instance VM boxes, boot bars and image downloads (VmLayers.ts). */
  private vms!: VmLayers;
  /** The app cards on the board, by app id. */
  private readonly cards = new Map<string, CardWidget>();

  constructor(
    private readonly scene: Phaser.Scene,
    private readonly kit: UiKit,
    private readonly text: BoardText,
    readonly rect: Rect,
    private readonly model: BoardModel,
    private readonly callbacks: BoardCallbacks,
  ) {
    this.colors = boardColors(kit.palette);
    this.parts = { scene, kit, text, colors: this.colors, model, callbacks };
    this.layout = computeBoardLayout(model.level, model.nodes, model.placements, rect, model.instancesOf, BOARD_ROW_WEIGHTS);
  }

  /**
   * Draws the board, a step per piece and app card (ui/slicedBuild.ts: a board of 64 apps is drawn over a
   * few tasks). The order of drawing is the order on screen: plates, walls, VM boxes, app cards, boot bars.
   */
  *draw(): BuildSteps {
    const model = this.model;
    this.drawSurface();
    this.drawHardware();
    yield;
    const boxes = [...this.layout.nodes.values()].sort((left, right) => left.row - right.row);
    for (const box of boxes) {
      this.drawNode(box);
      yield;
    }
    this.vms = new VmLayers(this.parts);
    this.drawWalls();
    if (!model.running) this.drawVmBoxes(null);
    yield;
    for (const app of model.level.apps) {
      const box = this.layout.apps.get(app.id);
      if (!box) continue;
      this.cards.set(app.id, this.appCard(app, box.rect, 'board'));
      yield;
    }
    this.vms.addBootLayer();
    if (model.nodes.length === 0) this.emptyHint();
  }

  private get scale(): number {
    return this.kit.layout.scale;
  }

  private drawSurface(): void {
    const g = this.scene.add.graphics();
    const { x, y, width, height } = this.rect;
    g.fillStyle(this.colors.surface, 0.55);
    g.fillRoundedRect(x - 4, y - 4, width + 8, height + 8, this.kit.layout.radius);
    g.lineStyle(1, this.colors.surfaceEdge, 0.6);
    g.strokeRoundedRect(x - 4, y - 4, width + 8, height + 8, this.kit.layout.radius);
  }

  // ---------------------------------------------------------------- hardware

  private drawHardware(): void {
    const rect = this.layout.hardware;
    const level = this.model.level;
    const t = this.text.t;
    const colors = this.colors;
    const isTarget = this.model.targets.has('hardware');
    const isCurrent = this.model.currentTarget === 'hardware';
    this.barBase(this.scene.add.graphics(), rect, colors.hardware);
    const card = new CardWidget(this.scene, this.kit, {
      id: 'node-hardware',
      rect,
      radius: this.kit.layout.radius,
      grow: false,
      describe: () =>
        [
          t('play:board.hardwareAria', { cores: level.hardware.cores, memory: level.hardware.memoryGiB }),
          isTarget ? t('play:board.targetAria') : '',
        ].filter(Boolean).join(', '),
      onActivate: () => this.callbacks.onNode('hardware'),
      explain: isTarget ? undefined : () => explainHardware(this.text, level.hardware),
      draw: (g, state) => this.barOverlay(g, state, isTarget, isCurrent, false),
    });
    const px = this.labelPx(rect.height);
    const pad = Math.round(8 * this.scale);
    // A short bar (many layers above it) puts each device's name beside its icon and leaves out the
    // CPU and memory icons (the title names them).
    const compact = rect.height < 100 * this.scale;
    const label = this.put(
      addText(this.scene, this.kit, rect.x + pad, rect.y + pad * 0.5, `${t('play:board.hardware')} · ${t('play:board.hardwareSpec', { cores: level.hardware.cores, memory: level.hardware.memoryGiB })}`, {
        fontPx: px,
        bold: true,
        color: this.kit.palette.text,
      }),
    );
    fitLine(label, rect.width * (compact ? 0.62 : 0.7), 10);
    if (!isTarget) card.explainPart(this.labelBox(label), () => explainHardware(this.text, level.hardware));
    const g = this.scene.add.graphics();
    this.put(g);
    const muted = Phaser.Display.Color.HexStringToColor(this.kit.palette.textMuted).color;
    const iconSize = Math.round(Math.max(12, Math.min(px * 1.15, rect.height * (compact ? 0.34 : 0.3))));
    const small = Math.max(10, Math.round(px * 0.85));
    const device = (x: number, y: number, name: string) => {
      const item = compact
        ? this.put(addText(this.scene, this.kit, x + iconSize * 0.75, y, name, { fontPx: small, color: this.kit.palette.textMuted, originY: 0.5 }))
        : this.put(addText(this.scene, this.kit, x, y + iconSize * 0.6 + 2, name, { fontPx: small, color: this.kit.palette.textMuted, originX: 0.5 }));
      fitLine(item, rect.width * 0.16, 9);
    };
    diskIcon(g, this.layout.disk.x, this.layout.disk.y, iconSize, colors.packets[0]);
    nicIcon(g, this.layout.nic.x, this.layout.nic.y, iconSize, colors.packets[1]);
    device(this.layout.disk.x, this.layout.disk.y, t('play:board.disk'));
    device(this.layout.nic.x, this.layout.nic.y, t('play:board.nic'));
    if (!compact) {
      const y = this.layout.disk.y;
      chipIcon(g, rect.x + rect.width * 0.4, y, iconSize, muted, false);
      chipIcon(g, rect.x + rect.width * 0.6, y, iconSize, muted, true);
      device(rect.x + rect.width * 0.4, y, t('play:board.cpu'));
      device(rect.x + rect.width * 0.6, y, t('play:board.ram'));
    }
  }

  private labelPx(height: number): number {
    return Math.max(12, Math.min(fontPx(this.kit.layout, 'small'), Math.round(height * 0.3)));
  }

  /**
   * The plate of a piece or the hardware (shadow, fill, a lighter top edge, the edge). Drawn once, outside
   * the focusable card, so it can be baked with the rest of the still picture during a run.
   */
  private barBase(g: Phaser.GameObjects.Graphics, rect: Rect, fill: number): void {
    const colors = this.colors;
    const radius = Math.min(this.kit.layout.radius, rect.height / 3);
    g.fillStyle(0x000000, this.kit.palette.shadowAlpha * 0.6);
    g.fillRoundedRect(rect.x + 2, rect.y + 4 * this.scale, rect.width, rect.height, radius);
    g.fillStyle(fill, 1);
    g.fillRoundedRect(rect.x, rect.y, rect.width, rect.height, radius);
    g.fillStyle(0xffffff, 0.08);
    g.fillRoundedRect(rect.x, rect.y, rect.width, Math.min(rect.height * 0.3, 10 * this.scale), { tl: radius, tr: radius, bl: 0, br: 0 });
    g.lineStyle(colors.edgeWidth, colors.pieceEdge, 0.8);
    g.strokeRoundedRect(rect.x, rect.y, rect.width, rect.height, radius);
  }

  /** What a piece's focusable card draws over its plate: hover, placing targets, the selection. */
  private barOverlay(g: Phaser.GameObjects.Graphics, state: CardState, isTarget: boolean, isCurrent: boolean, selected: boolean): void {
    const colors = this.colors;
    const radius = Math.min(this.kit.layout.radius, state.height / 3);
    if (state.hovered) {
      g.fillStyle(0xffffff, 0.08);
      g.fillRoundedRect(state.x, state.y, state.width, state.height, radius);
    }
    if (isTarget) {
      const inset = 3 * this.scale;
      dashedRect(g, { x: state.x + inset, y: state.y + inset, width: state.width - 2 * inset, height: state.height - 2 * inset }, Math.max(2, 3 * this.scale), colors.target, 1, 10 * this.scale, 6 * this.scale);
      g.fillStyle(colors.target, isCurrent || state.hovered ? 0.28 : 0.12);
      g.fillRoundedRect(state.x, state.y, state.width, state.height, radius);
    }
    if (isCurrent) {
      g.lineStyle(Math.max(3, 4 * this.scale), colors.target, 1);
      g.strokeRoundedRect(state.x - 3, state.y - 3, state.width + 6, state.height + 6, radius + 3);
    }
    if (selected) {
      g.lineStyle(Math.max(3, 3.5 * this.scale), colors.selected, 1);
      g.strokeRoundedRect(state.x + 1, state.y + 1, state.width - 2, state.height - 2, radius);
    }
  }

  /** The box of a label's letters on screen (for a tap that explains it). */
  private labelBox(label: Phaser.GameObjects.Text): Rect {
    const bounds = label.getBounds();
    return { x: bounds.x, y: bounds.y, width: bounds.width, height: bounds.height };
  }

  /** Adds a drawing or label of the board at its screen position (outside any card). */
  private put<T extends Phaser.GameObjects.GameObject>(object: T): T {
    return markBoardLabel(object);
  }

  // ---------------------------------------------------------------- pieces

  private drawNode(box: NodeBox): void {
    const node = box.node;
    const t = this.text.t;
    const rect = box.rect;
    const problems = this.model.problemsByNode.get(node.id) ?? [];
    const isTarget = this.model.targets.has(node.id);
    const isCurrent = this.model.currentTarget === node.id;
    const selected = this.model.selection?.kind === 'node' && this.model.selection.id === node.id;
    const colors = this.colors;
    this.barBase(this.scene.add.graphics(), rect, colors.piece[node.piece]);
    const card = new CardWidget(this.scene, this.kit, {
      id: `node-${node.id}`,
      rect,
      radius: this.kit.layout.radius,
      grow: false,
      describe: () => this.describeNode(node, problems, isTarget),
      onActivate: () => this.callbacks.onNode(node.id),
      // While something is being placed, a target's own note (what dropping it there makes) says what matters.
      explain: isTarget ? undefined : () => explainNode(this.text, node),
      draw: (g, state) => this.barOverlay(g, state, isTarget, isCurrent, selected),
    });
    const px = this.labelPx(rect.height);
    const pad = Math.round(8 * this.scale);
    const warnSize = problems.length > 0 ? Math.round(px * 1.3) : 0;
    const lines = [this.text.node(node.id)];
    const details: string[] = [];
    if (node.kernel) details.push(this.text.kernel(node.kernel));
    if (node.piece === 'vm') details.push(this.text.driver(node.driver));
    if (node.piece === 'type1-hypervisor') details.push(t('play:board.managementDomain'));
    if (node.piece === 'type2-hypervisor') details.push(t('play:board.hypervisorProcess'));
    // While an app is being placed, a target says what dropping it there makes (or which rule it breaks).
    const note = isTarget ? this.model.targetNotes?.get(node.id) : undefined;
    const maxWidth = rect.width - pad * 2 - warnSize;
    // A short bar says it all on one line; a taller one puts the kernel and driver on a second line.
    const oneLine = rect.height < px * 2.7;
    const title = this.put(
      addText(this.scene, this.kit, rect.x + pad, rect.y + (oneLine ? rect.height * 0.08 : pad * 0.5), oneLine ? [lines[0], ...(note ? [note.text] : details)].join(' · ') : lines[0], {
        fontPx: px,
        bold: true,
        color: this.kit.palette.text,
      }),
    );
    fitLine(title, maxWidth, 10);
    // Its name explains the piece to a tap (not while it is a target: a tap there places what is picked).
    if (!isTarget) card.explainPart(this.labelBox(title), () => explainNode(this.text, node));
    if (!oneLine && (details.length > 0 || note)) {
      // While an app is being placed, the note takes the place of the kernel and driver (still said aloud).
      const words = note ? note.text : details.join(' · ');
      const color = note ? (note.blocked ? '#ffb347' : '#9ff3ff') : this.kit.palette.textMuted;
      const detail = this.put(addText(this.scene, this.kit, rect.x + pad, title.y + title.height - 2, words, { fontPx: Math.max(11, Math.round(px * 0.86)), color, bold: Boolean(note) }));
      fitLine(detail, maxWidth, 10);
    }
    if (problems.length > 0) {
      const g = this.scene.add.graphics();
      warningSign(g, rect.x + rect.width - pad - warnSize / 2, rect.y + pad * 0.5 + warnSize / 2, warnSize, colors.warning, 0x1b1300);
      this.put(g);
      const word = this.put(
        addText(this.scene, this.kit, rect.x + rect.width - pad, rect.y + pad * 0.5 + warnSize, t('play:board.problem'), { fontPx: Math.max(10, Math.round(px * 0.75)), bold: true, color: '#ffb347', originX: 1 }),
      );
      fitText(word, rect.width * 0.3, px, 9);
    }
  }

  private describeNode(node: BuildNode, problems: RuleViolation[], isTarget: boolean): string {
    const t = this.text.t;
    const parts = [t('play:board.nodeAria', { name: this.text.node(node.id), on: this.text.node(node.on) })];
    if (node.kernel) parts.push(this.text.kernel(node.kernel));
    if (node.piece === 'vm') parts.push(this.text.driver(node.driver));
    if (problems.length > 0) parts.push(t('play:board.problemsAria', { list: problems.map((problem) => this.text.problem(problem)).join(' ') }));
    if (isTarget) parts.push(t('play:board.targetAria'));
    const note = isTarget ? this.model.targetNotes?.get(node.id) : undefined;
    if (note) parts.push(note.text.replace(/^[→✕]\s*/, ''));
    return parts.join(', ');
  }

  /** VM walls: a thick outline around each VM node and everything that stands on it, up to its apps. */
  private drawWalls(): void {
    const g = this.scene.add.graphics();
    const width = Math.max(3, 4.5 * this.scale);
    const appTop = Math.min(...[...this.layout.apps.values()].map((box) => box.rect.y), this.rect.y + this.rect.height);
    for (const box of this.layout.nodes.values()) {
      if (box.node.piece !== 'vm') continue;
      const top = this.topOfStack(box.node.id, box.rect.y, appTop);
      const wall = { x: box.rect.x - 2, y: top - 2, width: box.rect.width + 4, height: box.rect.y + box.rect.height - top + 4 };
      wallOutline(g, wall, width, this.colors.wall, this.kit.layout.radius, 0.95);
      if (this.model.cracked.has(box.node.id)) cracks(g, wall, this.colors.danger, Math.max(2, 3 * this.scale));
    }
    // A crack on other walls an attack crossed (a shared kernel, a hypervisor, a host OS, an engine).
    for (const id of this.model.cracked) {
      const box = this.layout.nodes.get(id);
      if (box && box.node.piece !== 'vm') cracks(g, box.rect, this.colors.danger, Math.max(2, 3 * this.scale));
    }
  }

  /** The top of what stands on a node: its app cards if it carries any, else its highest descendant. */
  private topOfStack(nodeId: string, fallback: number, appTop: number): number {
    let top = fallback;
    const carriesApps = (id: string): boolean =>
      this.model.placements.some((placement) => placement.on === id) ||
      this.model.nodes.some((child) => child.on === id && carriesApps(child.id));
    if (carriesApps(nodeId)) top = appTop;
    for (const child of this.model.nodes) {
      if (child.on !== nodeId) continue;
      const childBox = this.layout.nodes.get(child.id);
      if (childBox) top = Math.min(top, this.topOfStack(child.id, childBox.rect.y, appTop));
    }
    return top;
  }

  // ---------------------------------------------------------------- apps and run-time layers

  /** An app card, on the board or in the tray (appCard.ts). */
  appCard(app: AppSpec, rect: Rect, where: 'board' | 'tray'): CardWidget {
    return drawAppCard(this.parts, app, rect, where);
  }

  /**
   * Draws one box per VM made from a template, with a thick wall; `states` gives each one's state during a
   * run (booting ones are drawn fainter, spares dashed), null in the build phase.
   */
  drawVmBoxes(states: ReadonlyMap<number, InstanceInfo> | null): void {
    this.vms.drawVmBoxes(this.layout, states);
  }

  /** Replaces the layout after instances changed but no box moved (more VMs stacked in the last slot). */
  relayout(layout: BoardLayout, states: ReadonlyMap<number, InstanceInfo>): void {
    this.layout = layout;
    this.drawVmBoxes(states);
  }

  /**
   * During a run, after instances changed but no box moved: each app card's instance count and booting words
   * in place (not a whole new screen: that took 55–70 ms, a frame's worth many times over). False when a
   * card must be drawn again (the screen is then rebuilt).
   */
  refreshCounts(): boolean {
    const { runningCount, bootingCount } = this.model;
    if (!runningCount || !bootingCount) return true;
    for (const [app, card] of this.cards) {
      if (card.refreshCounts && !card.refreshCounts(runningCount(app), bootingCount(app))) return false;
    }
    return true;
  }

  /** Boot progress bars and image-download signs; called every frame during a run. */
  drawBoots(nowUs: number, booting: readonly InstanceInfo[], pulling: ReadonlyMap<string, { startUs: number; doneUs: number }>): void {
    this.vms.drawBoots(this.layout, nowUs, booting, pulling);
  }

  /** Keeps run-time layers above the cards. */
  raiseLayers(): void {
    this.vms.raise();
  }

  private emptyHint(): void {
    const t = this.text.t;
    const area = { x: this.rect.x, y: this.rect.y, width: this.rect.width, height: this.layout.hardware.y - this.rect.y };
    const hint = addText(this.scene, this.kit, area.x + area.width / 2, area.y + area.height / 2, t(playLayout(this.kit.layout).portrait ? 'playui:board.emptyBelow' : 'play:board.empty'), {
      fontPx: fontPx(this.kit.layout, 'body'),
      color: this.kit.palette.textMuted,
      align: 'center',
      originX: 0.5,
      originY: 0.5,
      wrapWidth: area.width * 0.8,
    });
    fitText(hint, area.width * 0.85, area.height * 0.8, 12);
  }
}
