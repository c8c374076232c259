// What the run draws over the board beyond packets (issue 17 item 3): a wall that stopped something flashes
// and says what it stopped (a steady outline under reduced motion), and a packet picked by click or `P`
// shows its path with the µs it spent at each hop. Both keep their state across the screen's rebuilds
// (draw() re-creates the display objects) and announce themselves to screen readers.
import type Phaser from 'phaser';
import { translateOr } from '../../../i18n/dynamicText';
import { fontPx, type Rect } from '../../layout';
import type { BoardLayout } from '../../play/boardLayout';
import { formatUs, packetPath, type PacketPath } from '../../play/packetPath';
import { MARK_HYPERCALL, MARK_VM_EXIT } from '../../play/PacketTracks';
import type { RunSession, WallStop } from '../../play/RunSession';
import type { PacketLayer } from '../../board/PacketLayer';
import { markLive } from '../../board/panelKit';
import { fontStyleFor } from '../../ui/text';
import { markCovering } from '../../ui/textAudit';
import type { UiKit } from '../../ui/UiKit';
import type { CourierHost } from './courierHost';

/** How long a wall flashes and its label stays (wall-clock ms). */
export const WALL_FLASH_MS = 3200;
/** Announcements of stopped attacks at most this often (ms); a burst of stops is said once. */
const STOP_ANNOUNCE_MS = 2000;
const PACKET_KINDS = ['disk', 'net', 'syscall'] as const;

interface ActiveFlash {
  stop: WallStop;
  bornMs: number;
  text: string;
  graphics: Phaser.GameObjects.Graphics | null;
  label: Phaser.GameObjects.Text | null;
  plate: Phaser.GameObjects.Graphics | null;
  rects: Rect[];
}

/** What kernelCourier.runViz() reports of the overlays. */
export interface OverlayInfo {
  walls: Array<{ text: string; reason: string; rects: Rect[]; label: Rect | null; steady: boolean }>;
  panel: { id: number; app: string; kind: string; state: string; hops: Array<{ hop: string; waitUs: number; serviceUs: number; mark: string }>; totalUs: number; text: string; rect: Rect } | null;
  board: Rect | null;
}

function rectOf(object: { x: number; y: number; width: number; height: number }): Rect {
  return { x: Math.round(object.x), y: Math.round(object.y), width: Math.round(object.width), height: Math.round(object.height) };
}

/** One pointer listener per scene, calling the run phase on show (phases come and go; the listener stays). */
const pickers = new WeakMap<Phaser.Scene, { pick: (x: number, y: number) => boolean }>();

/** Clicking (or tapping) a packet in flight picks it: `pick` gets the pointer's position in the scene. */
export function installPacketPicker(scene: Phaser.Scene, pick: (x: number, y: number) => boolean): void {
  const existing = pickers.get(scene);
  if (existing) {
    existing.pick = pick;
    return;
  }
  const holder = { pick };
  pickers.set(scene, holder);
  // Phaser drops the scene's input listeners when it shuts down: install afresh next time.
  scene.events.once('shutdown', () => pickers.delete(scene));
  scene.input.on('pointerdown', (pointer: Phaser.Input.Pointer) => {
    holder.pick(pointer.worldX, pointer.worldY);
  });
}

export class RunOverlays {
  private seenStops = 0;
  private readonly flashes: ActiveFlash[] = [];
  private lastStopAnnounceMs = Number.NEGATIVE_INFINITY;
  private pendingAnnouncement: string | null = null;
  private kit: UiKit | null = null;
  private layout: BoardLayout | null = null;
  private packets: PacketLayer | null = null;
  /** The picked packet's path (kept after the packet is gone), and its panel. */
  private path: PacketPath | null = null;
  private pathSig = '';
  private panelPlate: Phaser.GameObjects.Graphics | null = null;
  private panelNames: Phaser.GameObjects.Text | null = null;
  private panelValues: Phaser.GameObjects.Text | null = null;
  private panelRect: Rect | null = null;
  private announcedDone = false;
  /** The picked packet is still drawn on the board (the engine is ahead of the drawing). */
  private pathDrawn = false;

  constructor(
    private readonly host: CourierHost,
    private readonly session: RunSession,
  ) {}

  get panelOpen(): boolean {
    return this.path !== null;
  }

  /** The screen was drawn: re-create what is on show. */
  draw(kit: UiKit, layout: BoardLayout, packets: PacketLayer): void {
    this.kit = kit;
    this.layout = layout;
    this.packets = packets;
    packets.selectedId = this.path?.id ?? -1;
    for (const flash of this.flashes) this.drawFlash(flash, this.host.scene.time.now);
    this.panelPlate = null;
    this.panelNames = null;
    this.panelValues = null;
    if (this.path) this.drawPanel();
  }

  /** The screen was cleared: its objects are gone. */
  forgetDisplay(): void {
    for (const flash of this.flashes) {
      flash.graphics = null;
      flash.label = null;
      flash.plate = null;
    }
    this.panelPlate = null;
    this.panelNames = null;
    this.panelValues = null;
    this.packets = null;
  }

  /** Every frame: new stops flash, old ones fade out, the picked packet's panel follows it. */
  frame(timeMs: number): void {
    const stops = this.session.stops;
    while (this.seenStops < stops.length) {
      const stop = stops[this.seenStops];
      this.seenStops += 1;
      const flash: ActiveFlash = { stop, bornMs: timeMs, text: this.stopText(stop), graphics: null, label: null, plate: null, rects: [] };
      this.flashes.push(flash);
      this.drawFlash(flash, timeMs);
      if (this.path) {
        this.pathSig = '';
        this.drawPanel();
      }
      this.pendingAnnouncement = this.pendingAnnouncement ? `${this.pendingAnnouncement} ${flash.text}.` : `${flash.text}.`;
    }
    if (this.pendingAnnouncement && timeMs - this.lastStopAnnounceMs >= STOP_ANNOUNCE_MS) {
      this.lastStopAnnounceMs = timeMs;
      this.host.ctx.mirror?.announce(this.pendingAnnouncement);
      this.pendingAnnouncement = null;
    }
    for (let index = this.flashes.length - 1; index >= 0; index -= 1) {
      const flash = this.flashes[index];
      const age = timeMs - flash.bornMs;
      if (age >= WALL_FLASH_MS) {
        flash.graphics?.destroy();
        flash.label?.destroy();
        flash.plate?.destroy();
        this.flashes.splice(index, 1);
      } else if (flash.graphics && this.kit?.motion.fadeMs) {
        // Three quick pulses, then a steady glow until it goes.
        flash.graphics.setAlpha(age < 900 ? 0.45 + 0.55 * Math.abs(Math.cos((age / 300) * Math.PI)) : 1);
      }
    }
    if (this.path) this.followPath();
  }

  private stopText(stop: WallStop): string {
    const i18n = this.host.ctx.i18n;
    if (stop.reason === 'block' && stop.kind) {
      return this.host.t('runviz:stopped.block', { kind: translateOr(i18n, `board:packet.${stop.kind}.name`, stop.kind), app: stop.app });
    }
    return this.host.t('runviz:stopped.attack', { threat: translateOr(i18n, `board:threat.${stop.threat ?? ''}.name`, stop.threat ?? ''), app: stop.app });
  }

  private wallRects(stop: WallStop): Rect[] {
    const layout = this.layout;
    if (!layout) return [];
    const rects: Rect[] = [];
    for (const wall of stop.walls) {
      if (wall === 'hardware') rects.push(layout.hardware);
      else if (wall.startsWith('node:')) {
        const box = layout.nodes.get(wall.slice(5));
        if (box) rects.push(box.rect);
      } else if (wall.startsWith('app:')) {
        const box = layout.apps.get(wall.slice(4));
        if (box) rects.push(box.rect);
      } else if (wall.startsWith('vms:')) {
        const prefix = `${wall.slice(4)}#`;
        for (const [key, box] of layout.vms) if (key.startsWith(prefix)) rects.push(box.rect);
      }
    }
    return rects;
  }

  private drawFlash(flash: ActiveFlash, timeMs: number): void {
    const { kit, layout } = this;
    if (!kit || !layout) return;
    const scene = this.host.scene;
    flash.rects = this.wallRects(flash.stop);
    if (flash.rects.length === 0) return;
    const colour = 0x7cf29a;
    const g = markLive(scene.add.graphics().setDepth(23.5));
    const width = Math.max(3, Math.round(4 * kit.layout.scale));
    for (const rect of flash.rects) {
      g.lineStyle(width + 3, 0x000000, 1);
      g.strokeRoundedRect(rect.x - width, rect.y - width, rect.width + width * 2, rect.height + width * 2, 8);
      g.lineStyle(width, colour, 1);
      g.strokeRoundedRect(rect.x - width, rect.y - width, rect.width + width * 2, rect.height + width * 2, 8);
    }
    flash.graphics = g;
    // The label: just above the first wall (inside the board), on a plate of its own.
    const px = Math.max(11, Math.round(fontPx(kit.layout, 'small') * 0.9));
    const board = layout.board;
    const first = flash.rects[0];
    const label = markLive(scene.add.text(0, 0, '', { ...fontStyleFor(kit.fontFamily, px, true), color: '#ffffff', padding: { top: 2, bottom: 2 } }).setDepth(24.5));
    label.setText(flash.text);
    markCovering(label);
    const padX = Math.round(px * 0.5);
    const labelWidth = Math.min(label.width, board.width - padX * 2);
    if (label.width > labelWidth) label.setFontSize(Math.max(9, Math.floor((px * labelWidth) / label.width)));
    const x = Math.min(Math.max(first.x, board.x + padX), board.x + board.width - label.width - padX);
    const above = first.y - label.height - width * 2;
    const y = above >= board.y ? above : Math.min(first.y + width * 2, board.y + board.height - label.height);
    label.setPosition(Math.round(x), Math.round(y));
    const plate = markLive(scene.add.graphics().setDepth(24.4));
    plate.fillStyle(0x0b3d1a, 1);
    plate.fillRoundedRect(label.x - padX, label.y, label.width + padX * 2, label.height, 6);
    plate.lineStyle(2, colour, 1);
    plate.strokeRoundedRect(label.x - padX, label.y, label.width + padX * 2, label.height, 6);
    flash.label = label;
    flash.plate = plate;
    if (kit.motion.fadeMs) {
      const age = timeMs - flash.bornMs;
      g.setAlpha(age < 900 ? 0.45 + 0.55 * Math.abs(Math.cos((age / 300) * Math.PI)) : 1);
    }
  }

  // ---------------------------------------------------------------- the packet panel

  /** Picks the packet drawn at (x, y), if any; true when one was picked. */
  pickAt(x: number, y: number): boolean {
    const packets = this.packets;
    if (!packets || !this.layout) return false;
    const board = this.layout.board;
    if (x < board.x || y < board.y || x > board.x + board.width || y > board.y + board.height) return false;
    const radius = Math.max(14, 20 * (this.kit?.layout.scale ?? 1));
    const id = packets.pick(x, y, radius);
    if (id < 0) return false;
    this.select(id);
    return true;
  }

  /** `P`: the newest packet on the board, then the next older one (or says there is none). */
  cycle(): void {
    const packets = this.packets;
    if (!packets) return;
    const id = packets.nextId(this.path?.id ?? -1);
    if (id < 0) {
      this.host.ctx.announce(this.host.t('runviz:a11y.none'));
      return;
    }
    this.select(id);
  }

  close(): boolean {
    if (!this.path) return false;
    this.path = null;
    this.pathSig = '';
    if (this.packets) this.packets.selectedId = -1;
    this.panelPlate?.destroy();
    this.panelNames?.destroy();
    this.panelValues?.destroy();
    this.panelPlate = null;
    this.panelNames = null;
    this.panelValues = null;
    this.panelRect = null;
    return true;
  }

  private select(id: number): void {
    const track = this.session.tracks.get(id);
    if (!track) return;
    this.path = packetPath(track, this.session.simulation.stations(), (station) => this.markOf(station));
    this.pathSig = '';
    this.pathDrawn = true;
    this.announcedDone = false;
    if (this.packets) this.packets.selectedId = id;
    this.drawPanel();
    this.announcePath();
  }

  private markOf(station: number): number {
    const info = this.session.simulation.stations()[station];
    return info ? this.session.stationMark(info) : 0;
  }

  /** Copies the picked packet's hops again when the engine reported more (while it is still tracked). */
  private followPath(): void {
    const path = this.path;
    if (!path) return;
    const track = this.session.tracks.get(path.id);
    if (!track && this.pathDrawn) {
      // It reached the end of its drawn trip: the panel now says how it ended.
      this.pathDrawn = false;
      this.drawPanel();
      if (!this.announcedDone) {
        this.announcedDone = true;
        this.announcePath();
      }
    }
    if (track && (track.hops !== path.hops.length || (track.fate !== 0) !== (path.state !== 'flying'))) {
      this.path = packetPath(track, this.session.simulation.stations(), (station) => this.markOf(station));
      this.drawPanel();
    }
  }

  private hopName(hop: PacketPath['hops'][number]): string {
    if (hop.mark === MARK_HYPERCALL) return this.host.t('runviz:hop.hypercall');
    if (hop.mark === MARK_VM_EXIT) return this.host.t('runviz:hop.vmExit');
    return translateOr(this.host.ctx.i18n, `board:station.${hop.kind}`, hop.kind);
  }

  private stateText(path: PacketPath): string {
    // While it is still drawn on its way, it is on its way, whatever the engine (ahead) knows already.
    if (this.pathDrawn && this.path === path) return this.host.t('runviz:panel.onItsWay');
    return path.state === 'delivered' ? this.host.t('runviz:panel.delivered') : path.state === 'dropped' ? this.host.t('runviz:panel.dropped') : this.host.t('runviz:panel.onItsWay');
  }

  private kindName(path: PacketPath): string {
    const kind = PACKET_KINDS[path.kind] ?? 'disk';
    return translateOr(this.host.ctx.i18n, `board:packet.${kind}.name`, kind);
  }

  private announcePath(): void {
    const path = this.path;
    if (!path) return;
    const t = this.host.t.bind(this.host);
    const hops = path.hops.map((hop) => t('runviz:a11y.hop', { hop: this.hopName(hop), us: formatUs(hop.waitUs + hop.serviceUs) })).join(', ');
    const text = t('runviz:a11y.packet', { kind: this.kindName(path), app: path.app, state: this.stateText(path), hops, total: formatUs(path.totalUs) });
    this.host.ctx.announce(text);
    this.host.ctx.mirror?.announce(text);
  }

  private panelLines(path: PacketPath): { names: string; values: string } {
    const t = this.host.t.bind(this.host);
    const names = [t('runviz:panel.title', { kind: this.kindName(path), app: path.app })];
    const values = [''];
    for (const hop of path.hops) {
      names.push(this.hopName(hop));
      values.push(hop.waitUs > 0 ? t('runviz:panel.withWait', { us: formatUs(hop.serviceUs), wait: formatUs(hop.waitUs) }) : t('runviz:panel.us', { us: formatUs(hop.serviceUs) }));
    }
    names.push(t('runviz:panel.total'));
    values.push(t('runviz:panel.us', { us: formatUs(path.totalUs) }));
    names.push(`${this.stateText(path)} · ${t('runviz:panel.keys')}`);
    values.push('');
    return { names: names.join('\n'), values: values.join('\n') };
  }

  private drawPanel(): void {
    const { kit, layout, path } = this;
    if (!kit || !layout || !path) return;
    const lines = this.panelLines(path);
    const sig = `${lines.names}|${lines.values}`;
    if (sig === this.pathSig && this.panelNames) return;
    this.pathSig = sig;
    const scene = this.host.scene;
    const board = layout.board;
    let px = Math.max(11, Math.round(fontPx(kit.layout, 'small') * 0.85));
    const style = (align: 'left' | 'right'): Phaser.Types.GameObjects.Text.TextStyle => ({
      ...fontStyleFor(kit.fontFamily, px, false),
      color: kit.palette.text,
      align,
      lineSpacing: Math.round(px * 0.3),
      padding: { top: 2, bottom: 2 },
    });
    if (!this.panelNames || !this.panelValues || !this.panelPlate) {
      this.panelPlate?.destroy();
      this.panelNames?.destroy();
      this.panelValues?.destroy();
      this.panelPlate = markLive(scene.add.graphics().setDepth(25));
      this.panelNames = markLive(scene.add.text(0, 0, '', style('left')).setDepth(25.5));
      this.panelValues = markLive(scene.add.text(0, 0, '', style('right')).setOrigin(1, 0).setDepth(25.5));
      markCovering(this.panelNames);
      markCovering(this.panelValues);
    }
    const names = this.panelNames;
    const values = this.panelValues;
    names.setFontSize(px).setText(lines.names);
    values.setFontSize(px).setText(lines.values);
    const pad = Math.round(px * 0.7);
    const gap = Math.round(px * 1.2);
    // Smaller until it fits half the board's width and most of its height.
    const maxWidth = board.width * 0.6;
    const maxHeight = board.height - pad * 2;
    while (px > 9 && (names.width + gap + values.width + pad * 2 > maxWidth || names.height + pad * 2 > maxHeight)) {
      px -= 1;
      names.setFontSize(px).setLineSpacing(Math.round(px * 0.3));
      values.setFontSize(px).setLineSpacing(Math.round(px * 0.3));
    }
    const width = Math.round(names.width + gap + values.width + pad * 2);
    const height = Math.round(names.height + pad * 2);
    // In a corner of the board: away from the packet's app, and off any wall's label on show.
    const appBox = layout.apps.get(path.app)?.rect;
    const appCentre = appBox ? appBox.x + appBox.width / 2 : board.x;
    const preferRight = appCentre < board.x + board.width / 2;
    const left = Math.round(board.x + pad);
    const rightX = Math.round(board.x + board.width - width - pad);
    const top = Math.round(board.y + pad);
    const bottom = Math.round(board.y + board.height - height - pad);
    const corners = preferRight
      ? [[rightX, top], [left, top], [rightX, bottom], [left, bottom]]
      : [[left, top], [rightX, top], [left, bottom], [rightX, bottom]];
    const labels = this.flashes.filter((flash) => flash.label).map((flash) => (flash.label as Phaser.GameObjects.Text).getBounds());
    const clear = (cx: number, cy: number) =>
      labels.every((label) => label.right < cx || label.x > cx + width || label.bottom < cy || label.y > cy + height);
    const [x, y] = corners.find(([cx, cy]) => clear(cx, cy)) ?? corners[0];
    const g = this.panelPlate;
    g.clear();
    g.fillStyle(kit.palette.panel, 1);
    g.fillRoundedRect(x, y, width, height, 8);
    g.lineStyle(3, 0xffffff, 1);
    g.strokeRoundedRect(x, y, width, height, 8);
    names.setPosition(x + pad, y + pad);
    values.setPosition(x + width - pad, y + pad);
    this.panelRect = { x, y, width, height };
  }

  /** What kernelCourier.runViz() reports of the overlays now. */
  info(): OverlayInfo {
    const path = this.path;
    return {
      walls: this.flashes.map((flash) => ({
        text: flash.text,
        reason: flash.stop.reason,
        rects: flash.rects.map(rectOf),
        label: flash.label ? rectOf(flash.label.getBounds()) : null,
        steady: !this.kit?.motion.fadeMs,
      })),
      panel:
        path && this.panelRect
          ? {
              id: path.id,
              app: path.app,
              kind: PACKET_KINDS[path.kind] ?? 'disk',
              state: path.state,
              hops: path.hops.map((hop) => ({ hop: hop.kind, waitUs: hop.waitUs, serviceUs: hop.serviceUs, mark: hop.mark === MARK_HYPERCALL ? 'hypercall' : hop.mark === MARK_VM_EXIT ? 'vm-exit' : '' })),
              totalUs: path.totalUs,
              text: `${this.panelNames?.text ?? ''}\n${this.panelValues?.text ?? ''}`,
              rect: { ...this.panelRect },
            }
          : null,
      board: this.layout ? rectOf(this.layout.board) : null,
    };
  }
}
