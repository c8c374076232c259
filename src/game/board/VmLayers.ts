// The board's run-time layers: one box per VM made from a template (with its wall, a label in words for
// booting and spare VMs, a count on a slot where boxes stack), redrawn only when instances change and kept
// as one picture in between; and the boot progress bars and image-download signs, redrawn every frame of
// a run in a layer of their own. Both sit above the board's still picture.
import type Phaser from 'phaser';
import type { InstanceInfo } from '../../sim/Simulation';
import type { BoardLayout } from '../play/boardLayout';
import { fontPx, type Rect } from '../layout';
import { pictureArea, type Picture } from '../ui/picture';
import { addText } from '../ui/text';
import { LABEL_DEPTH, markBoardLabel } from '../ui/textAudit';
import { cornerRadius, cracks, dashedRect, downloadIcon, wallOutline } from './boardDrawing';
import type { BoardParts } from './boardModel';
import { fitLine, livePicture, markLive } from './panelKit';

export class VmLayers {
  private readonly vmLayer: Phaser.GameObjects.Graphics;
  private bootLayer: Phaser.GameObjects.Graphics | null = null;
  private readonly vmLabels: Phaser.GameObjects.Text[] = [];
  /** The VM boxes and their labels as one image (they change only when instances do). */
  private readonly vmPicture: Picture;

  /** Adds the VM layer (and its picture) to the scene: call it where the boxes go in the display list. */
  constructor(private readonly parts: BoardParts) {
    this.vmLayer = markLive(parts.scene.add.graphics());
    this.vmPicture = livePicture(parts.scene, this.vmLayer);
  }

  private get scale(): number {
    return this.parts.kit.layout.scale;
  }

  /** Adds the boot layer to the scene: call it above the app cards. */
  addBootLayer(): void {
    this.bootLayer = markLive(this.parts.scene.add.graphics());
  }

  /**
   * Draws one box per VM made from a template, with a thick wall; `states` gives each one's state during a
   * run (booting ones are drawn fainter, spares dashed), null in the build phase.
   */
  drawVmBoxes(layout: BoardLayout, states: ReadonlyMap<number, InstanceInfo> | null): void {
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
    for (const vm of layout.vms.values()) {
      const state = states?.get(vm.instance)?.state ?? 'ready';
      const slot = slotOf(vm.rect);
      const stacked = seenSlots.has(slot);
      seenSlots.add(slot);
      // A box with no room left (a board crowded with VMs) is not drawn; its app card still counts it.
      if (stacked || !(vm.rect.width >= 1 && vm.rect.height >= 1)) continue;
      left = Math.min(left, vm.rect.x);
      top = Math.min(top, vm.rect.y);
      right = Math.max(right, vm.rect.x + vm.rect.width);
      bottom = Math.max(bottom, vm.rect.y + vm.rect.height);
      const placement = this.parts.model.placements.find((entry) => entry.app === vm.app);
      const fill = this.parts.colors.piece.vm;
      g.fillStyle(fill, state === 'booting' ? 0.5 : 1);
      g.fillRoundedRect(vm.rect.x, vm.rect.y, vm.rect.width, vm.rect.height, cornerRadius(vm.rect, this.parts.kit.layout.radius * 0.6));
      if (state === 'spare') dashedRect(g, vm.rect, width * 0.7, this.parts.colors.wall, 0.9, 6 * this.scale, 4 * this.scale);
      else wallOutline(g, vm.rect, width, this.parts.colors.wall, this.parts.kit.layout.radius * 0.6, state === 'booting' ? 0.5 : 0.95);
      if (this.parts.model.cracked.has(`${vm.app}#${vm.instance}`) || this.parts.model.cracked.has(`${vm.app}#*`)) cracks(g, vm.rect, this.parts.colors.danger, Math.max(2, 2.5 * this.scale));
      if (vm.rect.width > 26 * this.scale && vm.rect.height > 24 * this.scale) {
        const label = this.vmLabel(labelIndex);
        labelIndex += 1;
        const kernel = this.parts.text.kernel(placement?.vm?.kernel);
        const driver = this.parts.text.t(`play:board.driverShort.${placement?.vm?.driver === 'para' ? 'para' : 'emulated'}`);
        label.setFontSize(Math.max(10, Math.min(fontPx(this.parts.kit.layout, 'small') * 0.8, vm.rect.height * 0.22)));
        // A booting or spare VM says so in words, not only by its fainter or dashed look.
        const status = state === 'booting' ? this.parts.text.t('play:board.booting') : state === 'spare' ? this.parts.text.t('play:board.spare') : null;
        label.setText(status ? `${this.parts.text.t('play:board.vm')} · ${status}` : `${this.parts.text.t('play:board.vm')} · ${kernel} · ${driver}`);
        if (label.width > vm.rect.width - 6) label.setText(status ?? this.parts.text.t('play:board.vm'));
        label.setPosition(vm.rect.x + vm.rect.width / 2, vm.rect.y + 3);
        label.setVisible(true);
        fitLine(label, vm.rect.width - 6, 9);
      }
      used.add(vm.instance);
    }
    for (let index = labelIndex; index < this.vmLabels.length; index += 1) this.vmLabels[index].setVisible(false);
    // Stacked boxes (more instances than the board has room for) get a count on the last slot.
    for (const [app, box] of layout.apps) {
      const count = [...layout.vms.values()].filter((vm) => vm.app === app).length;
      const drawn = new Set([...layout.vms.values()].filter((vm) => vm.app === app).map((vm) => Math.round(vm.rect.x))).size;
      if (count > drawn && drawn > 0) {
        const last = [...layout.vms.values()].filter((vm) => vm.app === app).pop();
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
    // The labels stay out of the picture, above the packets (LABEL_DEPTH): packets pass behind them.
    if (right > left) this.vmPicture.take([g], pictureArea(left, top, right - left, bottom - top, Math.ceil(6 * this.scale) + 2));
  }

  private vmLabel(index: number): Phaser.GameObjects.Text {
    let label = this.vmLabels[index];
    if (!label) {
      label = markBoardLabel(markLive(addText(this.parts.scene, this.parts.kit, 0, 0, '', { fontPx: Math.max(10, fontPx(this.parts.kit.layout, 'small') * 0.8), bold: true, color: this.parts.kit.palette.text, originX: 0.5 })));
      label.setDepth(LABEL_DEPTH);
      this.vmLabels.push(label);
    }
    this.parts.scene.children.bringToTop(label);
    return label;
  }

  /**
   * Boot progress bars (a VM box or the app card fills from left to right between boot start and ready)
   * and image-download indicators. Called every frame during a run; cheap when nothing boots.
   */
  drawBoots(layout: BoardLayout, nowUs: number, booting: readonly InstanceInfo[], pulling: ReadonlyMap<string, { startUs: number; doneUs: number }>): void {
    const g = this.bootLayer;
    if (!g) return;
    g.clear();
    if (booting.length === 0 && pulling.size === 0) return;
    const barHeight = Math.max(5, 7 * this.scale);
    const perApp = new Map<string, number>();
    // VMs stacked in one slot show one bar (the first to have started booting).
    const slots = new Set<string>();
    for (const instance of booting) {
      const span = Math.max(1, instance.readyAtUs - instance.bootStartUs);
      const progress = Math.max(0, Math.min(1, (nowUs - instance.bootStartUs) / span));
      const vm = layout.vms.get(`${instance.app}#${instance.index}`);
      let rect: Rect | undefined = vm?.rect;
      if (!rect) {
        const card = layout.apps.get(instance.app)?.rect;
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
      g.fillStyle(this.parts.colors.good, 1);
      g.fillRect(rect.x, rect.y, rect.width * progress, barHeight);
      g.lineStyle(1, 0xffffff, 0.7);
      g.strokeRect(rect.x, rect.y, rect.width, barHeight);
    }
    for (const [app, pull] of pulling) {
      const card = layout.apps.get(app)?.rect;
      if (!card) continue;
      const size = Math.max(14, 18 * this.scale);
      const x = card.x + card.width - size * 0.8;
      const y = card.y + card.height * 0.55;
      g.fillStyle(0x000000, 0.6);
      g.fillCircle(x, y, size * 0.75);
      downloadIcon(g, x, y, size, this.parts.colors.packets[1]);
      const progress = Math.max(0, Math.min(1, (nowUs - pull.startUs) / Math.max(1, pull.doneUs - pull.startUs)));
      g.lineStyle(Math.max(2, 3 * this.scale), this.parts.colors.packets[1], 1);
      g.beginPath();
      g.arc(x, y, size * 0.75, -Math.PI / 2, -Math.PI / 2 + progress * Math.PI * 2, false);
      g.strokePath();
    }
  }

  /** Keeps run-time layers above the cards. */
  raise(): void {
    this.parts.scene.children.bringToTop(this.vmLayer);
    for (const label of this.vmLabels) this.parts.scene.children.bringToTop(label);
    const picture = this.vmPicture.gameObject;
    if (picture) this.parts.scene.children.bringToTop(picture);
    if (this.bootLayer) this.parts.scene.children.bringToTop(this.bootLayer);
  }
}

/** Where a VM box sits on the board: boxes stacked in one slot (more instances than room) share it. */
function slotOf(rect: Rect): string {
  return `${Math.round(rect.x)}:${Math.round(rect.y)}`;
}
