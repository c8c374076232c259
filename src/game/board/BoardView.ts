// The board drawn as the classic layer diagram: the hardware bar at the bottom (cores, memory, disk,
// network card), every piece a rounded bar as wide as what stands on it, VMs inside thick walls,
// containers inside thin dashed walls, app cards on top. Pieces and apps are focusable cards; problems
// show as warning signs, placing targets as highlighted outlines. During a run, per-instance VM boxes,
// boot progress and image downloads are redrawn in their own layers without rebuilding the screen.
import Phaser from 'phaser';
import type { InstanceInfo } from '../../sim/Simulation';
import type { AppHosting } from '../../sim/topology';
import type { AppSpec, BuildNode, Level, Placement, RuleViolation } from '../../sim/types';
import { computeBoardLayout, type BoardLayout, type InstanceCounts, type NodeBox } from '../play/boardLayout';
import type { Selection } from '../play/buildInput';
import { fontPx, type Rect } from '../layout';
import { addText, fitText } from '../ui/text';
import type { UiKit } from '../ui/UiKit';
import { boardColors, type BoardColors } from './boardTheme';
import { alarmSign, chipIcon, cracks, dashedRect, diskIcon, downloadIcon, nicIcon, packetShape, wallOutline, warningSign } from './boardDrawing';
import type { BoardText } from './boardText';
import { fitLine, livePicture, markLive } from './panelKit';
import { pictureArea, type Picture } from '../ui/picture';
import { CardWidget, type CardState } from './CardWidget';

export interface BoardModel {
  level: Level;
  nodes: readonly BuildNode[];
  placements: readonly Placement[];
  /** Live instances per app during a run (engine instance indices); the level's counts otherwise. */
  instancesOf?: InstanceCounts;
  hostings: ReadonlyMap<string, AppHosting>;
  problemsByNode: ReadonlyMap<string, RuleViolation[]>;
  problemsByApp: ReadonlyMap<string, RuleViolation[]>;
  selection: Selection;
  targets: ReadonlySet<string>;
  currentTarget: string | null;
  breachedTenants: ReadonlySet<string>;
  quarantined: ReadonlySet<string>;
  /** Walls an attack crossed: node ids, or `app#instance` keys of per-instance VMs. */
  cracked: ReadonlySet<string>;
  /** Running instances per app (shown as ×n on cards). */
  runningCount?: (app: string) => number;
  /** Instances of an app booting now. */
  bootingCount?: (app: string) => number;
  /** Apps whose image is downloading. */
  pulling?: ReadonlySet<string> | ReadonlyMap<string, unknown>;
  /** The run is on: apps cannot be dragged, but can be selected for actions. */
  running: boolean;
}

export interface BoardCallbacks {
  onNode(id: string): void;
  onApp(id: string): void;
  /** A press on an app card (the start of a possible drag). */
  onAppPointerDown?(id: string, pointer: Phaser.Input.Pointer): void;
}

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
  private readonly vmLayer: Phaser.GameObjects.Graphics;
  private readonly bootLayer: Phaser.GameObjects.Graphics;
  private readonly vmLabels: Phaser.GameObjects.Text[] = [];
  /** The VM boxes and their labels as one image (they change only when instances do). */
  private readonly vmPicture: Picture;
  private readonly appByTenant = new Map<string, AppSpec[]>();

  constructor(
    private readonly scene: Phaser.Scene,
    private readonly kit: UiKit,
    private readonly text: BoardText,
    readonly rect: Rect,
    private readonly model: BoardModel,
    private readonly callbacks: BoardCallbacks,
  ) {
    this.colors = boardColors(kit.palette);
    this.layout = computeBoardLayout(model.level, model.nodes, model.placements, rect, model.instancesOf, BOARD_ROW_WEIGHTS);
    for (const app of model.level.apps) this.appByTenant.set(app.tenant, [...(this.appByTenant.get(app.tenant) ?? []), app]);
    this.drawSurface();
    this.drawHardware();
    const boxes = [...this.layout.nodes.values()].sort((left, right) => left.row - right.row);
    for (const box of boxes) this.drawNode(box);
    this.vmLayer = markLive(scene.add.graphics());
    this.vmPicture = livePicture(scene, this.vmLayer);
    this.drawWalls();
    if (!model.running) this.drawVmBoxes(null);
    for (const app of model.level.apps) {
      const box = this.layout.apps.get(app.id);
      if (box) this.appCard(app, box.rect, 'board');
    }
    this.bootLayer = markLive(scene.add.graphics());
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
    new CardWidget(this.scene, this.kit, {
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

  /** Adds a drawing or label of the board at its screen position (outside any card). */
  private put<T extends Phaser.GameObjects.GameObject>(object: T): T {
    return object;
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
    new CardWidget(this.scene, this.kit, {
      id: `node-${node.id}`,
      rect,
      radius: this.kit.layout.radius,
      grow: false,
      describe: () => this.describeNode(node, problems, isTarget),
      onActivate: () => this.callbacks.onNode(node.id),
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
    const maxWidth = rect.width - pad * 2 - warnSize;
    // A short bar says it all on one line; a taller one puts the kernel and driver on a second line.
    const oneLine = rect.height < px * 2.7;
    const title = this.put(
      addText(this.scene, this.kit, rect.x + pad, rect.y + (oneLine ? rect.height * 0.08 : pad * 0.5), oneLine ? [lines[0], ...details].join(' · ') : lines[0], {
        fontPx: px,
        bold: true,
        color: this.kit.palette.text,
      }),
    );
    fitLine(title, maxWidth, 10);
    if (!oneLine && details.length > 0) {
      const detail = this.put(
        addText(this.scene, this.kit, rect.x + pad, title.y + title.height - 2, details.join(' · '), { fontPx: Math.max(11, Math.round(px * 0.86)), color: this.kit.palette.textMuted }),
      );
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

  // ---------------------------------------------------------------- per-instance VMs

  /**
   * Draws one box per VM made from a template, with a thick wall; `states` gives each one's state during a
   * run (booting ones are drawn fainter, spares dashed), null in the build phase.
   */
  drawVmBoxes(states: ReadonlyMap<number, InstanceInfo> | null): void {
    this.vmPicture.release();
    const g = this.vmLayer;
    g.clear();
    const width = Math.max(2.5, 3.5 * this.scale);
    const used = new Set<number>();
    let labelIndex = 0;
    const seenSlots = new Set<string>();
    let left = Infinity;
    let top = Infinity;
    let right = -Infinity;
    let bottom = -Infinity;
    for (const vm of this.layout.vms.values()) {
      const state = states?.get(vm.instance)?.state ?? 'ready';
      const slot = slotOf(vm.rect);
      const stacked = seenSlots.has(slot);
      seenSlots.add(slot);
      if (stacked) continue;
      left = Math.min(left, vm.rect.x);
      top = Math.min(top, vm.rect.y);
      right = Math.max(right, vm.rect.x + vm.rect.width);
      bottom = Math.max(bottom, vm.rect.y + vm.rect.height);
      const placement = this.model.placements.find((entry) => entry.app === vm.app);
      const fill = this.colors.piece.vm;
      g.fillStyle(fill, state === 'booting' ? 0.5 : 1);
      g.fillRoundedRect(vm.rect.x, vm.rect.y, vm.rect.width, vm.rect.height, this.kit.layout.radius * 0.6);
      if (state === 'spare') dashedRect(g, vm.rect, width * 0.7, this.colors.wall, 0.9, 6 * this.scale, 4 * this.scale);
      else wallOutline(g, vm.rect, width, this.colors.wall, this.kit.layout.radius * 0.6, state === 'booting' ? 0.5 : 0.95);
      if (this.model.cracked.has(`${vm.app}#${vm.instance}`) || this.model.cracked.has(`${vm.app}#*`)) cracks(g, vm.rect, this.colors.danger, Math.max(2, 2.5 * this.scale));
      if (vm.rect.width > 26 * this.scale && vm.rect.height > 24 * this.scale) {
        const label = this.vmLabel(labelIndex);
        labelIndex += 1;
        const kernel = this.text.kernel(placement?.vm?.kernel);
        const driver = this.text.t(`play:board.driverShort.${placement?.vm?.driver === 'para' ? 'para' : 'emulated'}`);
        label.setFontSize(Math.max(10, Math.min(fontPx(this.kit.layout, 'small') * 0.8, vm.rect.height * 0.22)));
        // A booting or spare VM says so in words, not only by its fainter or dashed look.
        const status = state === 'booting' ? this.text.t('play:board.booting') : state === 'spare' ? this.text.t('play:board.spare') : null;
        label.setText(status ? `${this.text.t('play:board.vm')} · ${status}` : `${this.text.t('play:board.vm')} · ${kernel} · ${driver}`);
        if (label.width > vm.rect.width - 6) label.setText(status ?? this.text.t('play:board.vm'));
        label.setPosition(vm.rect.x + vm.rect.width / 2, vm.rect.y + 3);
        label.setVisible(true);
        fitLine(label, vm.rect.width - 6, 9);
      }
      used.add(vm.instance);
    }
    for (let index = labelIndex; index < this.vmLabels.length; index += 1) this.vmLabels[index].setVisible(false);
    // Stacked boxes (more instances than the board has room for) get a count on the last slot.
    for (const [app, box] of this.layout.apps) {
      const count = [...this.layout.vms.values()].filter((vm) => vm.app === app).length;
      const drawn = new Set([...this.layout.vms.values()].filter((vm) => vm.app === app).map((vm) => Math.round(vm.rect.x))).size;
      if (count > drawn && drawn > 0) {
        const last = [...this.layout.vms.values()].filter((vm) => vm.app === app).pop();
        if (!last) continue;
        const label = this.vmLabel(labelIndex);
        labelIndex += 1;
        label.setText(`×${count - drawn + 1}`);
        label.setPosition(last.rect.x + last.rect.width / 2, last.rect.y + last.rect.height - 2 - label.height);
        label.setVisible(true);
        void box;
      }
    }
    // Walls and labels stay within a few pixels of the boxes.
    if (right > left) this.vmPicture.take([g, ...this.vmLabels], pictureArea(left, top, right - left, bottom - top, Math.ceil(6 * this.scale) + 2));
  }

  private vmLabel(index: number): Phaser.GameObjects.Text {
    let label = this.vmLabels[index];
    if (!label) {
      label = markLive(addText(this.scene, this.kit, 0, 0, '', { fontPx: Math.max(10, fontPx(this.kit.layout, 'small') * 0.8), bold: true, color: this.kit.palette.text, originX: 0.5 }));
      this.vmLabels.push(label);
    }
    this.scene.children.bringToTop(label);
    return label;
  }

  /** Replaces the layout after instances changed but no box moved (more VMs stacked in the last slot). */
  relayout(layout: BoardLayout, states: ReadonlyMap<number, InstanceInfo>): void {
    this.layout = layout;
    this.drawVmBoxes(states);
  }

  // ---------------------------------------------------------------- apps

  /** An app card, on the board or in the tray. */
  appCard(app: AppSpec, rect: Rect, where: 'board' | 'tray'): CardWidget {
    const t = this.text.t;
    const hosting = this.model.hostings.get(app.id);
    const problems = this.model.problemsByApp.get(app.id)?.filter((problem) => problem.code !== 'unplaced-app') ?? [];
    const isSelected = this.model.selection?.kind === 'app' && this.model.selection.id === app.id;
    const breached = this.model.breachedTenants.has(app.tenant);
    const quarantined = this.model.quarantined.has(app.id);
    const colors = this.colors;
    const container = where === 'board' && hosting?.kind === 'container';
    const count = this.model.runningCount?.(app.id) ?? app.instances;
    // The card's picture (walls, plate, edge, hatching) is drawn outside the focusable card.
    const g = this.scene.add.graphics();
    const state = { x: rect.x, y: rect.y, width: rect.width, height: rect.height };
    const radius = Math.min(this.kit.layout.radius * 0.7, state.height / 3);
    if (container) {
      // A stack of thin dashed walls: one container per instance.
      const layers = Math.min(3, count) - 1;
      for (let layer = layers; layer >= 1; layer -= 1) {
        const offset = layer * 4 * this.scale;
        dashedRect(g, { x: state.x + offset, y: state.y - offset, width: state.width - offset, height: state.height }, Math.max(1.5, 2 * this.scale), colors.containerWall, 0.7, 5 * this.scale, 4 * this.scale);
      }
    }
    g.fillStyle(0x000000, this.kit.palette.shadowAlpha * 0.7);
    g.fillRoundedRect(state.x + 2, state.y + 4 * this.scale, state.width, state.height, radius);
    g.fillStyle(colors.appCard, 1);
    g.fillRoundedRect(state.x, state.y, state.width, state.height, radius);
    const edge = breached ? colors.danger : isSelected ? colors.selected : colors.appCardEdge;
    const edgeWidth = breached || isSelected ? Math.max(3, 3.5 * this.scale) : colors.edgeWidth;
    if (container) dashedRect(g, state, Math.max(2, 2.5 * this.scale), colors.containerWall, 1, 7 * this.scale, 4 * this.scale);
    else {
      g.lineStyle(edgeWidth, edge, 1);
      g.strokeRoundedRect(state.x, state.y, state.width, state.height, radius);
    }
    if (container && (breached || isSelected)) {
      g.lineStyle(edgeWidth, edge, 1);
      g.strokeRoundedRect(state.x - 3, state.y - 3, state.width + 6, state.height + 6, radius);
    }
    if (quarantined) {
      g.lineStyle(Math.max(1, this.scale), colors.warning, 0.55);
      for (let x = state.x; x < state.x + state.width + state.height; x += 12 * this.scale) {
        g.lineBetween(Math.max(state.x, x - state.height), Math.min(state.y + state.height, state.y + x - state.x), Math.min(x, state.x + state.width), state.y + Math.max(0, x - state.x - state.width));
      }
    }
    const card = new CardWidget(this.scene, this.kit, {
      grow: false,
      id: `app-${app.id}`,
      rect,
      radius: this.kit.layout.radius * 0.7,
      describe: () => {
        const where = hosting ? t('play:board.appWhere', { arch: this.text.arch(hosting.architecture), node: this.text.node(hosting.placedOn) }) : t('play:board.appUnplaced');
        const parts = [
          t('play:board.appAria', {
            app: app.id,
            tenant: app.tenant,
            kernel: this.text.kernel(app.kernel),
            trust: t(`board:trust.${app.trust}`),
            count,
            where,
          }),
        ];
        if (problems.length > 0) parts.push(t('play:board.problemsAria', { list: problems.map((problem) => this.text.problem(problem)).join(' ') }));
        if (breached) parts.push(t('play:board.breached'));
        if (quarantined) parts.push(t('play:board.quarantined'));
        return parts.join(', ');
      },
      onActivate: () => this.callbacks.onApp(app.id),
      draw: (g, state) => {
        if (!state.hovered) return;
        g.fillStyle(0xffffff, 0.07);
        g.fillRoundedRect(state.x, state.y, state.width, state.height, Math.min(this.kit.layout.radius * 0.7, state.height / 3));
      },
    });
    this.fillAppCard(card, app, rect, { hosting, problems, breached, quarantined, container, count, booting: this.model.bootingCount?.(app.id) ?? 0 });
    if (where === 'board' && this.callbacks.onAppPointerDown) {
      const onDown = this.callbacks.onAppPointerDown;
      card.on(Phaser.Input.Events.GAMEOBJECT_POINTER_DOWN, (pointer: Phaser.Input.Pointer) => onDown(app.id, pointer));
    }
    return card;
  }

  private fillAppCard(
    card: CardWidget,
    app: AppSpec,
    rect: Rect,
    state: { hosting: AppHosting | undefined; problems: RuleViolation[]; breached: boolean; quarantined: boolean; container: boolean; count: number; booting: number },
  ): void {
    const t = this.text.t;
    const colors = this.colors;
    const pad = Math.round(Math.min(8 * this.scale, rect.width * 0.06));
    const px = Math.max(11, Math.min(fontPx(this.kit.layout, 'body'), Math.round(rect.height * 0.22)));
    const small = Math.max(10, Math.round(px * 0.82));
    const signSize = Math.round(Math.min(px * 1.05, rect.width * 0.25));
    const g = this.scene.add.graphics();
    this.put(g);
    let right = rect.x + rect.width - pad;
    const signY = rect.y + pad * 0.6 + signSize / 2;
    if (state.breached) {
      alarmSign(g, right - signSize / 2, signY, signSize, colors.danger, 0xffffff);
      right -= signSize + 3;
    }
    if (app.trust === 'untrusted') {
      warningSign(g, right - signSize / 2, signY, signSize, colors.warning, 0x1b1300);
      right -= signSize + 3;
    }
    if (state.problems.length > 0) {
      warningSign(g, right - signSize / 2, signY, signSize, colors.danger, 0xffffff);
      right -= signSize + 3;
    }
    const name = this.put(addText(this.scene, this.kit, rect.x + pad, rect.y + pad * 0.4, app.id, { fontPx: px, bold: true, color: this.kit.palette.heading }));
    fitLine(name, Math.max(16, right - rect.x - pad * 1.5), 10);
    // The words, most important first; a narrow card keeps only what fits at a readable size.
    const words: string[] = [];
    if (state.breached) words.push(t('play:board.breached'));
    else if (state.quarantined) words.push(t('play:board.quarantined'));
    if (state.booting > 0 && state.hosting?.kind !== 'vm-per-instance') words.push(`${t('play:board.booting')} ${state.booting}`);
    if (this.model.pulling?.has(app.id)) words.push(t('play:board.pulling'));
    if (app.trust === 'untrusted') words.push(t('play:board.untrusted'));
    words.push(this.text.kernel(app.kernel));
    words.push(t('play:board.tenant', { tenant: app.tenant }));
    if (state.hosting) words.push(this.text.arch(state.hosting.architecture));
    const detailColor = state.breached ? '#ff9a9a' : app.trust === 'untrusted' ? '#ffc37a' : this.kit.palette.textMuted;
    const detail = this.put(addText(this.scene, this.kit, rect.x + pad, name.y + name.height - 3, '', { fontPx: small, color: detailColor, bold: state.breached || app.trust === 'untrusted' }));
    const maxWidth = rect.width - pad * 2;
    for (let count = words.length; count >= 1; count -= 1) {
      detail.setFontSize(small);
      detail.setText(words.slice(0, count).join(' · '));
      while (detail.width > maxWidth && parseInt(String(detail.style.fontSize), 10) > 10) detail.setFontSize(parseInt(String(detail.style.fontSize), 10) - 1);
      if (detail.width <= maxWidth) break;
    }
    fitLine(detail, maxWidth, 9);
    // The I/O mix: packet shapes with the rate per second of each kind, and the instance count.
    const ioY = rect.y + rect.height - pad * 0.5 - small * 0.7;
    if (ioY - (detail.y + detail.height) < -small * 0.4) return;
    const count = this.put(addText(this.scene, this.kit, rect.x + rect.width - pad, ioY, t('play:board.instances', { count: state.count }), { fontPx: small, bold: true, color: this.kit.palette.heading, originX: 1, originY: 0.5 }));
    const shape = Math.max(8, small * 0.8);
    const values = (['disk', 'net', 'syscall'] as const).map((kind) => formatRate(app.io[kind] ?? 0));
    const probe = addText(this.scene, this.kit, 0, 0, values.join(''), { fontPx: small });
    const needed = probe.width + 3 * (shape * 0.75 + small * 0.7) + small * 0.5;
    probe.destroy();
    if (needed > rect.width - pad * 2 - count.width - 4) return;
    let x = rect.x + pad + small * 0.5;
    values.forEach((value, index) => {
      packetShape(g, index, x, ioY, shape, colors.packets[index], colors.outline);
      const text = this.put(addText(this.scene, this.kit, x + shape * 0.75, ioY, value, { fontPx: small, color: this.kit.palette.text, originY: 0.5 }));
      x += shape * 0.75 + text.width + small * 0.7;
    });
  }

  private emptyHint(): void {
    const t = this.text.t;
    const area = { x: this.rect.x, y: this.rect.y, width: this.rect.width, height: this.layout.hardware.y - this.rect.y };
    const hint = addText(this.scene, this.kit, area.x + area.width / 2, area.y + area.height / 2, t('play:board.empty'), {
      fontPx: fontPx(this.kit.layout, 'body'),
      color: this.kit.palette.textMuted,
      align: 'center',
      originX: 0.5,
      originY: 0.5,
      wrapWidth: area.width * 0.8,
    });
    fitText(hint, area.width * 0.85, area.height * 0.8, 12);
  }

  // ---------------------------------------------------------------- run-time layers

  /**
   * Boot progress bars (a VM box or the app card fills from left to right between boot start and ready)
   * and image-download indicators. Called every frame during a run; cheap when nothing boots.
   */
  drawBoots(nowUs: number, booting: readonly InstanceInfo[], pulling: ReadonlyMap<string, { startUs: number; doneUs: number }>): void {
    const g = this.bootLayer;
    g.clear();
    if (booting.length === 0 && pulling.size === 0) return;
    const barHeight = Math.max(5, 7 * this.scale);
    const perApp = new Map<string, number>();
    // VMs stacked in one slot show one bar (the first to have started booting).
    const slots = new Set<string>();
    for (const instance of booting) {
      const span = Math.max(1, instance.readyAtUs - instance.bootStartUs);
      const progress = Math.max(0, Math.min(1, (nowUs - instance.bootStartUs) / span));
      const vm = this.layout.vms.get(`${instance.app}#${instance.index}`);
      let rect: Rect | undefined = vm?.rect;
      if (!rect) {
        const card = this.layout.apps.get(instance.app)?.rect;
        if (!card) continue;
        const order = perApp.get(instance.app) ?? 0;
        perApp.set(instance.app, order + 1);
        if (order > 2) continue;
        rect = { x: card.x + 4, y: card.y + card.height - barHeight * (order + 1) - 3, width: card.width - 8, height: barHeight };
      } else {
        const slot = slotOf(rect);
        if (slots.has(slot)) continue;
        slots.add(slot);
        rect = { x: rect.x + 4, y: rect.y + rect.height - barHeight - 4, width: rect.width - 8, height: barHeight };
      }
      g.fillStyle(0x000000, 0.6);
      g.fillRect(rect.x, rect.y, rect.width, barHeight);
      g.fillStyle(this.colors.good, 1);
      g.fillRect(rect.x, rect.y, rect.width * progress, barHeight);
      g.lineStyle(1, 0xffffff, 0.7);
      g.strokeRect(rect.x, rect.y, rect.width, barHeight);
    }
    for (const [app, pull] of pulling) {
      const card = this.layout.apps.get(app)?.rect;
      if (!card) continue;
      const size = Math.max(14, 18 * this.scale);
      const x = card.x + card.width - size * 0.8;
      const y = card.y + card.height * 0.55;
      g.fillStyle(0x000000, 0.6);
      g.fillCircle(x, y, size * 0.75);
      downloadIcon(g, x, y, size, this.colors.packets[1]);
      const progress = Math.max(0, Math.min(1, (nowUs - pull.startUs) / Math.max(1, pull.doneUs - pull.startUs)));
      g.lineStyle(Math.max(2, 3 * this.scale), this.colors.packets[1], 1);
      g.beginPath();
      g.arc(x, y, size * 0.75, -Math.PI / 2, -Math.PI / 2 + progress * Math.PI * 2, false);
      g.strokePath();
    }
  }

  /** Keeps run-time layers above the cards. */
  raiseLayers(): void {
    this.scene.children.bringToTop(this.vmLayer);
    for (const label of this.vmLabels) this.scene.children.bringToTop(label);
    const picture = this.vmPicture.gameObject;
    if (picture) this.scene.children.bringToTop(picture);
    this.scene.children.bringToTop(this.bootLayer);
  }
}

export function formatRate(rate: number): string {
  if (rate >= 10) return String(Math.round(rate));
  return String(Math.round(rate * 10) / 10);
}

/** Where a VM box sits on the board: boxes stacked in one slot (more instances than room) share it. */
function slotOf(rect: Rect): string {
  return `${Math.round(rect.x)}:${Math.round(rect.y)}`;
}
