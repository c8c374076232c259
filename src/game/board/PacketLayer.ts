// Every packet on the board is an image from a pool (one pool per kind, so an image never changes its
// texture); positions come from PacketTracks each frame. Queued packets line up before their hop and the
// hop shows how many wait; a drop leaves a small red ✕ that fades; a delivery at the hardware gives a tiny
// puff from one pooled particle emitter (none with reduced motion). Nothing is allocated per packet per
// frame, and there is no text object per packet: one Graphics for queue badges and a few number labels.
// A packet crossing a VM's exit carries a mark (a hypercall's diamond, a trapped exit's ring); a packet
// picked by click or key (`selectedId`) gets a ring. For kernelCourier.runViz() the layer measures how long
// packets are drawn stopped at each hop (into fixed typed arrays, no allocation).
import Phaser from 'phaser';
import {
  FATE_DELIVERED,
  FATE_DROPPED,
  MARK_HYPERCALL,
  MARK_VM_EXIT,
  PHASE_DWELL,
  type PacketPosition,
  type PacketTrack,
  type PacketTracks,
  type TrackGeometry,
} from '../play/PacketTracks';
import type { Point } from '../play/boardLayout';
import { fontPx } from '../layout';
import type { UiKit } from '../ui/UiKit';
import type { BoardColors } from './boardTheme';
import { dropMark, packetShape } from './boardDrawing';
import { fontStyleFor } from '../ui/text';
import { queueBadges } from './queueBadges';
import { markCovering, markPacketLayer } from '../ui/textAudit';
import { markLive } from './panelKit';
import { hypercallMark, vmExitMark } from './runMarks';
import { SpotSet } from './spotSet';

const DROP_LIFE_MS = 900;
const MAX_DROPS = 64;
const MAX_PUFFS_PER_FRAME = 4;
/** Queue numbers change text at most this often (text re-rendering is the costly part). */
const QUEUE_LABEL_MS = 200;
/** The most queue badges drawn, and the most of their numbers made or changed each QUEUE_LABEL_MS. */
export const MAX_QUEUE_BADGES = 40;
export const MAX_BADGE_CHANGES = 12;
/** Stops measured for kernelCourier.runViz(), the newest kept. */
const MAX_SAMPLES = 512;
/**
 * Packets waiting at one hop drawn at most (issue 15: bounded work per frame whatever the level). A hop's
 * line is drawn up to a fixed length (PacketTracks.queueSpot) and every packet beyond piles at its end, so an
 * overloaded hop with thousands waiting looked the same with a few dozen drawn — but each cost a drawImage:
 * 38,000 waiting packets made every frame 200 ms. The queue's badge still counts them all.
 */
export const MAX_QUEUED_DRAWN_PER_HOP = 64;
/**
 * Packets drawn in one frame at most, whatever the level. Past it an even share of the packets is drawn (the
 * same ones from frame to frame, chosen by id), and the queues' badges still count every one: a board of 64
 * apps with 3,000 packets spread over it took 60–130 ms a frame, most of it drawing them. At 2,000 (1,540 of
 * them drawn) its frames still took 21 ms at the 95th percentile and up to 50 ms (a trace, no throttling);
 * at 1,200, 12 ms and 22 ms.
 */
export const MAX_PACKETS_DRAWN = 1200;
/** Sheet frames: packet kinds 0–2, the drop mark, the hypercall mark, the VM-exit mark. */
const FRAME_HYPERCALL = '4';
const FRAME_VM_EXIT = '5';
const SHEET_FRAMES = 6;

/** A stop measured on screen: the hop, the packet's kind, how long it was drawn stopped there (board µs,
 * from the first frame it was to the first frame it no longer was) and the engine's time there. */
export interface DwellSample {
  station: number;
  kind: number;
  shownUs: number;
  engineUs: number;
}

/** Texture keys of the packet shapes at a given pixel size (textures are shared by every scene). */
export function packetTextureKey(kind: number, size: number): string {
  return `kc-packet-${kind}-${size}`;
}

/** One texture with every packet shape and the drop mark side by side, as frames '0'–'3', for the blitter. */
export function packetSheetKey(size: number): string {
  return `kc-packets-${size}`;
}

/** Creates the packet, drop and puff textures for this size once. */
export function ensurePacketTextures(scene: Phaser.Scene, size: number, colors: BoardColors): void {
  const pad = 3;
  const full = size + pad * 2;
  for (let kind = 0; kind < 3; kind += 1) {
    const key = packetTextureKey(kind, size);
    if (scene.textures.exists(key)) continue;
    const g = scene.make.graphics({}, false);
    packetShape(g, kind, full / 2, full / 2, size, colors.packets[kind], colors.outline);
    g.generateTexture(key, full, full);
    g.destroy();
  }
  const sheet = packetSheetKey(size);
  if (!scene.textures.exists(sheet)) {
    const g = scene.make.graphics({}, false);
    for (let kind = 0; kind < 3; kind += 1) packetShape(g, kind, full * kind + full / 2, full / 2, size, colors.packets[kind], colors.outline);
    dropMark(g, full * 3 + full / 2, full / 2, size * 0.9, colors.drop, 0x000000);
    hypercallMark(g, full * 4 + full / 2, full / 2, full - 2, colors.outline);
    vmExitMark(g, full * 5 + full / 2, full / 2, full, colors.warning, colors.outline);
    g.generateTexture(sheet, full * SHEET_FRAMES, full);
    g.destroy();
    const texture = scene.textures.get(sheet);
    for (let frame = 0; frame < SHEET_FRAMES; frame += 1) texture.add(String(frame), 0, full * frame, 0, full, full);
  }
  if (!scene.textures.exists('kc-puff')) {
    const g = scene.make.graphics({}, false);
    g.fillStyle(0xffffff, 1);
    g.fillCircle(6, 6, 6);
    g.generateTexture('kc-puff', 12, 12);
    g.destroy();
  }
}

/**
 * A Blitter whose render list the packet layer fills itself each frame: the packets in view, then the
 * fading drop marks. Bobs are drawn without a transform each (one drawImage per packet on a canvas, one
 * batch on WebGL), and no list is rebuilt when packets come and go.
 */
class PacketBlitter extends Phaser.GameObjects.Blitter {
  readonly shown: Phaser.GameObjects.Bob[] = [];
  count = 0;

  override getRenderList(): Phaser.GameObjects.Bob[] {
    if (this.shown.length !== this.count) this.shown.length = this.count;
    return this.shown;
  }
}

export function packetSizeFor(kit: UiKit): number {
  return Math.max(11, Math.round(16 * kit.layout.scale));
}

export class PacketLayer {
  private readonly size: number;
  private readonly half: number;
  private readonly blitter: PacketBlitter;
  private readonly pools: Phaser.GameObjects.Bob[][] = [[], [], []];
  private readonly used = [0, 0, 0];
  private readonly drops: Phaser.GameObjects.Bob[] = [];
  private readonly dropBorn = new Float64Array(MAX_DROPS).fill(Number.NEGATIVE_INFINITY);
  private dropCursor = 0;
  private readonly badges: Phaser.GameObjects.Graphics;
  private readonly labels: Phaser.GameObjects.Text[] = [];
  private queueCounts = new Int32Array(64);
  private readonly spots = new Map<string, { x: number; y: number; count: number }>();
  private readonly badgeSpots: Array<{ x: number; y: number; count: number }> = [];
  private lastLabelMs = -Infinity;
  private readonly emitter: Phaser.GameObjects.Particles.ParticleEmitter | null;
  private puffsThisFrame = 0;
  private nowMs = 0;
  private geometry: TrackGeometry | null = null;
  /** Packets on the board in the last frame (the sandbox's "in flight"; the queues' badges count them). */
  visible = 0;
  /** Of those, packets drawn (MAX_QUEUED_DRAWN_PER_HOP, MAX_PACKETS_DRAWN). */
  drawn = 0;
  /** Packets drawn this frame waiting at each hop (by station). */
  private queuedDrawn = new Int32Array(64);
  private counted = 0;
  /** The share of packets drawn, per thousand (from the last frame's count: MAX_PACKETS_DRAWN). */
  private keepPerMille = 1000;
  /** Where a packet of each kind was drawn this frame, to the pixel: one drawn exactly over another of its
   * kind (a pile at a hop, a line's end) adds nothing to the picture and is left out. */
  private readonly spotsTaken = new SpotSet();
  /** Drops seen so far (at the board's time). */
  dropsSeen = 0;
  /** Frames × packets drawn with a hypercall mark, and with a trapped VM-exit mark, so far. */
  hypercallMarks = 0;
  vmExitMarks = 0;
  /** The packet picked (click or key), -1 for none; where it was last drawn and whether it still is. */
  selectedId = -1;
  selectedX = 0;
  selectedY = 0;
  selectedShown = false;
  private readonly markPools: Phaser.GameObjects.Bob[][] = [[], []];
  private readonly markUsed = [0, 0];
  private readonly highlight: Phaser.GameObjects.Graphics;
  /** Packets drawn this frame: ids and positions (for picking by click and by key). */
  private shownIds = new Int32Array(256);
  private shownX = new Float32Array(256);
  private shownY = new Float32Array(256);
  private shownCount = 0;
  private atUs = 0;
  private readonly sampleStation = new Int32Array(MAX_SAMPLES);
  private readonly sampleKind = new Int8Array(MAX_SAMPLES);
  private readonly sampleShown = new Float64Array(MAX_SAMPLES);
  private readonly sampleEngine = new Float64Array(MAX_SAMPLES);
  /** Stops measured so far (the arrays keep the newest MAX_SAMPLES). */
  samplesTaken = 0;

  private readonly visit = (track: PacketTrack, position: PacketPosition): void => {
    this.counted += 1;
    if (position.queued && position.station >= 0) {
      if (position.station >= this.queueCounts.length) {
        const size = Math.max(position.station + 1, this.queueCounts.length * 2);
        this.queueCounts = grownTo(this.queueCounts, size);
        this.queuedDrawn = grownTo(this.queuedDrawn, size);
      }
      this.queueCounts[position.station] += 1;
      if (this.queuedDrawn[position.station] >= MAX_QUEUED_DRAWN_PER_HOP && track.id !== this.selectedId) return;
      this.queuedDrawn[position.station] += 1;
    }
    if (track.id !== this.selectedId) {
      if (this.keepPerMille < 1000 && (Math.imul(track.id, 2654435761) >>> 0) % 1000 >= this.keepPerMille) return;
      if (this.blitter.count >= MAX_PACKETS_DRAWN) return;
    }
    const kind = track.kind;
    const x = Math.round(position.x - this.half);
    const y = Math.round(position.y - this.half);
    const spot = ((x + 4096) * 16384 + (y + 4096)) * 4 + kind;
    if (!this.spotsTaken.add(spot) && track.id !== this.selectedId) return;
    const pool = this.pools[kind];
    const index = this.used[kind];
    let bob = pool[index];
    if (!bob) {
      bob = this.blitter.create(0, 0, String(kind));
      pool.push(bob);
    }
    bob.x = x;
    bob.y = y;
    this.blitter.shown[this.blitter.count] = bob;
    this.blitter.count += 1;
    this.used[kind] = index + 1;
    if (position.mark === MARK_HYPERCALL) {
      // Beside the packet, up and to the right: the packet's own shape stays readable.
      this.addMark(0, FRAME_HYPERCALL, position.x + this.half * 1.1, position.y - this.half * 0.9);
      this.hypercallMarks += 1;
    } else if (position.mark === MARK_VM_EXIT) {
      this.addMark(1, FRAME_VM_EXIT, position.x, position.y);
      this.vmExitMarks += 1;
    }
    this.measure(track, position);
    const shown = this.shownCount;
    if (shown >= this.shownIds.length) this.growShown();
    this.shownIds[shown] = track.id;
    this.shownX[shown] = position.x;
    this.shownY[shown] = position.y;
    this.shownCount = shown + 1;
    if (track.id === this.selectedId) {
      this.selectedX = position.x;
      this.selectedY = position.y;
      this.selectedShown = true;
    }
  };

  private readonly finished = (track: PacketTrack, where: Point): void => {
    if (track.seenHop >= 0) this.endSample(track);
    if (track.fate === FATE_DROPPED) {
      this.dropsSeen += 1;
      this.spawnDrop(where.x, where.y);
    } else if (track.fate === FATE_DELIVERED && track.kind !== 2 && this.emitter && this.puffsThisFrame < MAX_PUFFS_PER_FRAME) {
      this.puffsThisFrame += 1;
      this.emitter.setParticleTint(this.colors.packets[track.kind]);
      this.emitter.explode(3, where.x, where.y);
    }
  };

  constructor(
    private readonly scene: Phaser.Scene,
    private readonly kit: UiKit,
    private readonly colors: BoardColors,
    private readonly reducedMotion: boolean,
  ) {
    this.size = packetSizeFor(kit);
    this.half = (this.size + 6) / 2;
    ensurePacketTextures(scene, this.size, colors);
    this.blitter = new PacketBlitter(scene, 0, 0, packetSheetKey(this.size));
    scene.add.existing(markLive(this.blitter));
    this.blitter.setDepth(20);
    markPacketLayer(this.blitter);
    this.badges = markLive(scene.add.graphics().setDepth(22));
    this.highlight = markLive(scene.add.graphics().setDepth(22));
    this.emitter = reducedMotion
      ? null
      : markLive(scene.add.particles(0, 0, 'kc-puff', {
          emitting: false,
          lifespan: 420,
          speed: { min: 18 * kit.layout.scale, max: 55 * kit.layout.scale },
          scale: { start: 0.55 * kit.layout.scale, end: 0 },
          alpha: { start: 0.85, end: 0 },
        }).setDepth(21));
  }

  /** Draws every packet visible at board time `atUs`; returns how many. */
  draw(atUs: number, nowMs: number, tracks: PacketTracks, geometry: TrackGeometry): number {
    this.nowMs = nowMs;
    this.geometry = geometry;
    this.used[0] = 0;
    this.used[1] = 0;
    this.used[2] = 0;
    this.puffsThisFrame = 0;
    this.markUsed[0] = 0;
    this.markUsed[1] = 0;
    this.shownCount = 0;
    this.atUs = atUs;
    this.selectedShown = false;
    this.queueCounts.fill(0);
    this.queuedDrawn.fill(0);
    this.spotsTaken.clear();
    this.keepPerMille = this.visible > MAX_PACKETS_DRAWN ? Math.floor((1000 * MAX_PACKETS_DRAWN) / this.visible) : 1000;
    this.counted = 0;
    this.blitter.count = 0;
    tracks.forEachVisible(atUs, geometry, this.visit, this.finished);
    this.visible = this.counted + tracks.untracked;
    this.drawn = this.used[0] + this.used[1] + this.used[2];
    this.drawHighlight();
    this.fadeDrops();
    if (nowMs - this.lastLabelMs >= QUEUE_LABEL_MS) {
      this.lastLabelMs = nowMs;
      this.drawQueues();
    }
    return this.visible;
  }

  /** Hides every packet (paused layers stay as they are; this is for leaving the run). */
  clear(): void {
    this.blitter.count = 0;
    this.shownCount = 0;
    this.badges.clear();
    this.highlight.clear();
    for (const label of this.labels) label.setVisible(false);
  }

  /** The packet drawn nearest (x, y) within `radius` px, or -1. */
  pick(x: number, y: number, radius: number): number {
    let best = -1;
    let bestDistance = radius * radius;
    for (let index = 0; index < this.shownCount; index += 1) {
      const dx = this.shownX[index] - x;
      const dy = this.shownY[index] - y;
      const distance = dx * dx + dy * dy;
      if (distance <= bestDistance) {
        bestDistance = distance;
        best = this.shownIds[index];
      }
    }
    return best;
  }

  /** The packet drawn now that comes before `beforeId` (the next older one, wrapping round to the newest:
   * the newest first, which stays longest on the board), or -1 when none is drawn. */
  nextId(beforeId: number): number {
    let next = -1;
    let highest = -1;
    for (let index = 0; index < this.shownCount; index += 1) {
      const id = this.shownIds[index];
      if (id > highest) highest = id;
      if (beforeId >= 0 && id < beforeId && id > next) next = id;
    }
    return next >= 0 ? next : highest;
  }

  /** Packets drawn now (at most `limit`), for kernelCourier.runViz(). */
  shownPackets(limit: number): Array<{ id: number; x: number; y: number }> {
    const result: Array<{ id: number; x: number; y: number }> = [];
    for (let index = 0; index < this.shownCount && result.length < limit; index += 1) result.push({ id: this.shownIds[index], x: this.shownX[index], y: this.shownY[index] });
    return result;
  }

  /** The stops measured so far, oldest first (the newest MAX_SAMPLES), for kernelCourier.runViz(). */
  samples(): DwellSample[] {
    const count = Math.min(this.samplesTaken, MAX_SAMPLES);
    const result: DwellSample[] = [];
    for (let offset = count; offset > 0; offset -= 1) {
      const index = (this.samplesTaken - offset) % MAX_SAMPLES;
      result.push({ station: this.sampleStation[index], kind: this.sampleKind[index], shownUs: this.sampleShown[index], engineUs: this.sampleEngine[index] });
    }
    return result;
  }

  private addMark(pool: number, frame: string, x: number, y: number): void {
    const index = this.markUsed[pool];
    let bob = this.markPools[pool][index];
    if (!bob) {
      bob = this.blitter.create(0, 0, frame);
      this.markPools[pool].push(bob);
    }
    bob.x = Math.round(x - this.half);
    bob.y = Math.round(y - this.half);
    this.blitter.shown[this.blitter.count] = bob;
    this.blitter.count += 1;
    this.markUsed[pool] = index + 1;
  }

  private growShown(): void {
    const size = this.shownIds.length * 2;
    const ids = new Int32Array(size);
    ids.set(this.shownIds);
    const xs = new Float32Array(size);
    xs.set(this.shownX);
    const ys = new Float32Array(size);
    ys.set(this.shownY);
    this.shownIds = ids;
    this.shownX = xs;
    this.shownY = ys;
  }

  /** Measures stops: from the first frame a packet is drawn stopped at a hop to the first it no longer is. */
  private measure(track: PacketTrack, position: PacketPosition): void {
    const dwelling = position.phase === PHASE_DWELL;
    if (track.seenHop >= 0 && (!dwelling || position.hop !== track.seenHop)) this.endSample(track);
    if (dwelling && track.seenHop < 0) {
      track.seenHop = position.hop;
      track.seenFromUs = this.atUs;
    }
  }

  private endSample(track: PacketTrack): void {
    const hop = track.seenHop;
    track.seenHop = -1;
    if (hop >= track.hops) return;
    const index = this.samplesTaken % MAX_SAMPLES;
    this.sampleStation[index] = track.stations[hop];
    this.sampleKind[index] = track.kind;
    this.sampleShown[index] = this.atUs - track.seenFromUs;
    this.sampleEngine[index] = track.doneUs[hop] - track.startUs[hop];
    this.samplesTaken += 1;
  }

  /** A ring round the picked packet while it is drawn. */
  private drawHighlight(): void {
    const g = this.highlight;
    g.clear();
    if (this.selectedId < 0 || !this.selectedShown) return;
    const radius = this.size * 1.15;
    g.lineStyle(Math.max(3, this.size * 0.25), 0x000000, 1);
    g.strokeCircle(this.selectedX, this.selectedY, radius);
    g.lineStyle(Math.max(2, this.size * 0.15), 0xffffff, 1);
    g.strokeCircle(this.selectedX, this.selectedY, radius);
  }

  private drawQueues(): void {
    const g = this.badges;
    g.clear();
    const geometry = this.geometry;
    if (!geometry) return;
    const px = Math.max(11, Math.round(fontPx(this.kit.layout, 'small') * 0.8));
    const radius = px * 0.8;
    let labelIndex = 0;
    // Hops drawn at the same spot (the instances stacked in a board's last slot) share one badge with
    // their total: badges piled on one another would only show the top one's number.
    const spots = this.spots;
    spots.clear();
    for (let station = 0; station < this.queueCounts.length; station += 1) {
      const count = this.queueCounts[station];
      if (count === 0) continue;
      const point = geometry.stationPoint(station);
      const key = `${Math.round(point.x)},${Math.round(point.y)}`;
      const spot = spots.get(key);
      if (spot) spot.count += count;
      else spots.set(key, { x: point.x, y: point.y, count });
    }
    // Badges that would touch (stations a few pixels apart on a board of dozens of apps) become one, with
    // their total, where the first of them stands: numbers printed over numbers say nothing.
    const badges = queueBadges(spots.values(), radius, this.badgeSpots);
    if (badges.length > MAX_QUEUE_BADGES) {
      // The longest queues: a board with more badges than this is covered in them anyway.
      badges.sort((a, b) => b.count - a.count);
      badges.length = MAX_QUEUE_BADGES;
    }
    // Each new or changed number lays out and paints a label: a few a time (the rest keep the number they
    // show until the next time, 200 ms on), so a board where a hundred queues fill at once stays smooth.
    let changes = 0;
    for (const { x: pointX, y: pointY, count } of badges) {
      const x = pointX + radius * 1.6;
      const y = pointY - radius * 1.6;
      const shown = this.labels[labelIndex];
      let text = String(count);
      if (!shown || shown.text !== text) {
        if (changes < MAX_BADGE_CHANGES) changes += 1;
        else if (shown) text = shown.text;
        else break;
      }
      // Wide enough for the number: a digit is about three quarters of the radius wide.
      const half = radius * Math.max(1.2, 0.6 + 0.4 * text.length);
      // Opaque: the badge covers what is under it (a label of the board) instead of mixing its number in.
      g.fillStyle(0x000000, 1);
      g.fillRoundedRect(x - half, y - radius, half * 2, radius * 2, radius);
      g.lineStyle(2, this.colors.warning, 1);
      g.strokeRoundedRect(x - half, y - radius, half * 2, radius * 2, radius);
      let label = this.labels[labelIndex];
      if (!label) {
        label = markLive(this.scene.add
          .text(0, 0, '', { ...fontStyleFor(this.kit.fontFamily, px, true), color: '#ffd9a0' })
          .setOrigin(0.5, 0.5)
          .setDepth(23));
        markCovering(label);
        this.labels.push(label);
      }
      if (label.text !== text) label.setText(text);
      label.setPosition(x, y);
      if (!label.visible) label.setVisible(true);
      labelIndex += 1;
    }
    for (let index = labelIndex; index < this.labels.length; index += 1) if (this.labels[index].visible) this.labels[index].setVisible(false);
  }

  private spawnDrop(x: number, y: number): void {
    let bob = this.drops[this.dropCursor];
    if (!bob) {
      bob = this.blitter.create(0, 0, '3');
      this.drops.push(bob);
    }
    bob.x = Math.round(x - this.half + ((this.dropCursor * 37) % 9) - 4);
    bob.y = Math.round(y - this.half + ((this.dropCursor * 23) % 9) - 4);
    bob.alpha = 1;
    this.dropBorn[this.dropCursor] = this.nowMs;
    this.dropCursor = (this.dropCursor + 1) % MAX_DROPS;
  }

  /** Drop marks stay for a moment, fading (just disappearing with reduced motion), after the packets. */
  private fadeDrops(): void {
    for (let index = 0; index < this.drops.length; index += 1) {
      const age = this.nowMs - this.dropBorn[index];
      if (age >= DROP_LIFE_MS) continue;
      const bob = this.drops[index];
      bob.alpha = this.reducedMotion ? 1 : 1 - (age / DROP_LIFE_MS) ** 2;
      this.blitter.shown[this.blitter.count] = bob;
      this.blitter.count += 1;
    }
  }
}

/** A copy of `counts` with room for `size` entries. */
function grownTo(counts: Int32Array<ArrayBuffer>, size: number): Int32Array<ArrayBuffer> {
  const grown = new Int32Array(size);
  grown.set(counts);
  return grown;
}
