// The race view (key `race`): one level run with every architecture it allows side by side, one lane
// each (the canonical builds the ranking compares, src/sim/canonicalBuild.ts), on one seed, and the
// player's own build as an extra lane when opened from the Debrief. Each lane is the board's own drawing
// (BoardView) with its packets (PacketLayer on the lane's PacketTracks), its live numbers as the run
// screen shows them (delivered, p95, dropped, breaches), and, once every lane has finished, its place,
// score and stars exactly as rankLevel scores them (raceLanes.ts). The race waits for Space (or Start):
// the class votes first. Keys: Space start/pause, R restart, 1/2/4 speed, Escape back. Screen readers
// hear the start, the pauses and, at the end, the ranking in the page's live regions.
// Scene data: `{ levelId, seed?, yourBuild?, back?: { key, data } }` (from the Debrief or the URL).
import type Phaser from 'phaser';
import type { InstanceInfo } from '../../sim/Simulation';
import { buildArchitecture, type AppHosting } from '../../sim/topology';
import type { Build, Level } from '../../sim/types';
import { builtInLevel } from '../../levels';
import { levelTitle } from '../../i18n/levelStrings';
import { translateOr } from '../../i18n/dynamicText';
import type { AppContext } from '../AppContext';
import { drawRegion, StillPicture } from '../board/bakeStill';
import { liveBoardFields } from '../board/liveBoard';
import { BOARD_ROW_WEIGHTS, BoardView, layoutSignature } from '../board/BoardView';
import { BoardText } from '../board/boardText';
import { PacketLayer } from '../board/PacketLayer';
import { markLive } from '../board/panelKit';
import { boardVizInfo, type BoardVizInfo } from '../board/runVizInfo';
import { fontPx, type Rect } from '../layout';
import { BoardGeometry } from '../play/boardGeometry';
import { computeBoardLayout } from '../play/boardLayout';
import { rankingFor } from '../play/runResult';
import type { Speed } from '../play/runClock';
import { RunSession } from '../play/RunSession';
import { SceneKeys, type SceneKey } from '../sceneKeys';
import { ScreenScene, type KeyHelp, type SceneData } from '../scenes/ScreenScene';
import { Button } from '../ui/Button';
import { runAll } from '../ui/slicedBuild';
import { FocusManager } from '../ui/FocusManager';
import { drawPanel, panelStyle } from '../ui/drawing';
import { addText, fitText } from '../ui/text';
import type { UiKit } from '../ui/UiKit';
import { laneScore, raceLaneSpecs, rankLanes, startLane, type LaneScore, type RaceLaneSpec } from './raceLanes';

/** How often the lanes' numbers refresh (real ms). */
const NUMBERS_MS = 250;
/** Minimum real time between two rebuilds asked for by the runs (instances booting or stopping). */
const REBUILD_MS = 400;
const RACE_SPEEDS: readonly Speed[] = [1, 2, 4];

type RaceState = 'ready' | 'running' | 'paused' | 'ended';

interface Lane {
  spec: RaceLaneSpec;
  /** Null when the build breaks a rule (the lane shows why and scores as the ranking does). */
  session: RunSession | null;
  score: LaneScore | null;
  place: number;
}

/** What one lane has on screen (rebuilt with the screen). */
interface LaneDisplay {
  lane: Lane;
  board: BoardView;
  geometry: BoardGeometry;
  packets: PacketLayer;
  label: Phaser.GameObjects.Text;
  numbers: Map<string, Phaser.GameObjects.Text>;
  status: Phaser.GameObjects.Text | null;
  layoutSig: string;
  seenInstances: number;
  states: Map<number, InstanceInfo>;
  booting: InstanceInfo[];
}

/** What `window.kernelCourier.race()` reports (tests and host pages). */
export interface RaceInfo {
  level: string;
  seed: number;
  state: RaceState;
  lanes: Array<{ id: string; label: string; labelFontPx: number; labelHeight: number; delivered: number; dropped: number; total: number | null; stars: number | null; place: number | null }>;
  ranking: string | null;
}

export class RaceScene extends ScreenScene {
  private level: Level | null = null;
  private seed = 0;
  private yourBuild: Build | undefined;
  private back: { key: SceneKey; data?: SceneData } = { key: SceneKeys.Levels };
  private lanes: Lane[] = [];
  private displays: LaneDisplay[] = [];
  private state: RaceState = 'ready';
  private speed: Speed = 1;
  private lastNumbersMs = Number.NEGATIVE_INFINITY;
  private lastRebuildMs = Number.NEGATIVE_INFINITY;
  private rebuildPending = false;
  /** The screen's still picture; its row of controls is a region drawn again on its own (refreshControls). */
  private still: StillPicture | null = null;
  private rankingText: string | null = null;
  private statusText: Phaser.GameObjects.Text | null = null;
  /** Each lane's name on screen (what the automation API reports the size of). */
  private labels = new Map<Lane, Phaser.GameObjects.Text>();

  constructor(ctx: AppContext) {
    super(ctx, SceneKeys.Race);
  }

  override init(data: SceneData | undefined): void {
    super.init(data);
    const levelId = typeof data?.levelId === 'string' ? data.levelId : '';
    this.level = this.ctx.levels.find((entry) => entry.id === levelId) ?? builtInLevel(levelId) ?? null;
    this.seed = typeof data?.seed === 'number' && Number.isSafeInteger(data.seed) ? data.seed : (this.level?.seed ?? 0);
    this.yourBuild = isBuild(data?.yourBuild) ? data.yourBuild : undefined;
    const back = data?.back as { key?: unknown; data?: unknown } | undefined;
    this.back = back && typeof back.key === 'string' ? { key: back.key as SceneKey, data: (back.data as SceneData | undefined) ?? undefined } : { key: SceneKeys.Levels, data: this.level ? { levelId: this.level.id } : undefined };
    this.speed = 1;
    this.startLanes();
  }

  override create(): void {
    if (!this.level) {
      super.create();
      this.ctx.notify({ key: 'notice.unknownLevel', params: { id: String(this.sceneData.levelId ?? '') } });
      this.goTo(SceneKeys.Menu);
      return;
    }
    // The ranking the final scores are measured against, once per level and seed (the Debrief's cache).
    rankingFor(this.level, this.seed);
    super.create();
    this.ctx.announce(this.t('race:status.ready'));
  }

  private t(key: string, params?: object): string {
    return (this.ctx.i18n.t as (k: string, p?: object) => string)(key, params);
  }

  protected screenTitle(): string {
    return this.level ? this.t('race:title', { level: levelTitle(this.ctx.i18n, this.level.id) }) : this.t('race:title', { level: '' });
  }

  protected override shownDetails(): { levelId?: string } {
    return this.level ? { levelId: this.level.id } : {};
  }

  protected override onBack(): void {
    this.goTo(this.back.key, this.back.data);
  }

  protected override defaultFocusId(): string {
    return 'race-start';
  }

  override keyHelp(): KeyHelp[] {
    return (['start', 'restart', 'speed'] as const).map((name) => ({ keys: this.t(`race:help.${name}.keys`), action: this.t(`race:help.${name}.action`) }));
  }

  protected override onKey(event: KeyboardEvent): boolean {
    if (this.level && !event.ctrlKey && !event.altKey && !event.metaKey) {
      const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
      if (key === ' ' || key === 'Spacebar') {
        // Space on a focused button activates it (the focus manager); elsewhere it starts or pauses.
        if (!this.focus.focusVisible || !this.focus.focusedId) {
          this.toggle();
          return true;
        }
      } else if (key === 'r') {
        this.restart();
        return true;
      } else if (key === 'b') {
        this.onBack();
        return true;
      } else if (key === '1' || key === '2' || key === '4') {
        this.setSpeed(Number(key) as Speed);
        return true;
      }
    }
    return super.onKey(event);
  }

  // ---------------------------------------------------------------- the race

  private startLanes(): void {
    this.displays = [];
    this.rankingText = null;
    this.state = 'ready';
    const level = this.level;
    if (!level) {
      this.lanes = [];
      return;
    }
    this.lanes = raceLaneSpecs(level, this.yourBuild).map((spec) => {
      const started = startLane(level, spec, this.seed);
      const session = started instanceof RunSession ? started : null;
      if (session) session.clock.speed = 0;
      return { spec, session, score: session ? null : laneScore(level, spec, this.seed, null), place: 0 };
    });
  }

  private toggle(): void {
    if (this.state === 'ended') {
      this.restart();
      this.setRunning(true);
      return;
    }
    this.setRunning(this.state !== 'running');
  }

  private setRunning(running: boolean): void {
    if (this.state === 'ended') return;
    const starting = this.state === 'ready';
    this.state = running ? 'running' : 'paused';
    for (const lane of this.lanes) if (lane.session) lane.session.clock.speed = running ? this.speed : 0;
    this.refreshControls();
    if (running) this.ctx.announce(starting ? this.t('race:a11y.started', { speed: this.speed }) : this.t('race:status.running', { speed: this.speed }));
    else this.ctx.announce(this.t('race:status.paused'));
    this.updateRegion();
  }

  private setSpeed(speed: Speed): void {
    this.speed = speed;
    if (this.state === 'running') for (const lane of this.lanes) if (lane.session) lane.session.clock.speed = speed;
    this.refreshControls();
    this.ctx.announce(this.t('play:run.speedSet', { speed }));
  }

  private restart(): void {
    this.startLanes();
    this.rebuild();
    this.ctx.announce(this.t('race:a11y.restarted'));
  }

  /** Redraws the screen keeping focus (the controls' labels and choices changed). */
  private refreshControls(): void {
    // Just the row of controls (bakeStill.ts regions): a whole new screen of four boards took a long frame.
    if (this.still?.has('controls')) {
      this.still.redraw('controls', this.focus);
      this.scheduleMirror();
      return;
    }
    const focused = this.focus.focusedId;
    const visible = this.focus.focusVisible;
    this.rebuild();
    if (focused) this.focus.focus(focused, visible, false);
  }

  private finish(): void {
    const level = this.level;
    if (!level) return;
    this.state = 'ended';
    for (const lane of this.lanes) {
      if (!lane.score) lane.score = laneScore(level, lane.spec, this.seed, lane.session ? lane.session.simulation.metrics() : null);
    }
    const { order, places } = rankLanes(this.lanes.map((lane) => lane.score!));
    this.lanes.forEach((lane, index) => {
      lane.place = places[index];
    });
    this.rankingText = this.t('race:a11y.ranking', { ranking: order.map((index) => this.laneSentence(this.lanes[index])).join(' ') });
    this.rebuild();
    this.ctx.announce(this.rankingText);
    this.ctx.mirror?.announce(this.rankingText);
    this.updateRegion();
  }

  private laneName(lane: Lane): string {
    return lane.spec.id === 'yours' ? this.t('race:lane.yours') : translateOr(this.ctx.i18n, `board:arch.${lane.spec.id}.name`, lane.spec.id);
  }

  private laneSentence(lane: Lane): string {
    const score = lane.score!;
    const points = String(Math.round(score.total * 10) / 10);
    if (!score.feasible) return `${this.t('race:a11y.laneCannotRun', { name: this.laneName(lane), score: points })}.`;
    return `${this.t('race:a11y.laneFinal', { place: lane.place, name: this.laneName(lane), score: points, stars: this.t('race:result.stars', { count: score.stars }) })}.`;
  }

  // ---------------------------------------------------------------- every frame

  override update(time: number, delta: number): void {
    if (!this.level || this.displays.length === 0) return;
    const running = this.state === 'running';
    for (const display of this.displays) {
      const session = display.lane.session;
      if (!session) continue;
      if (running) session.advance(delta);
      if (session.instancesVersion !== display.seenInstances) {
        display.seenInstances = session.instancesVersion;
        display.states = new Map(session.instances().map((instance) => [instance.index, instance]));
        display.booting = session.booting();
        const layout = computeBoardLayout(this.level, display.lane.spec.build.nodes, session.placements(), display.board.rect, (app) => session.drawnInstances(app), BOARD_ROW_WEIGHTS);
        if (layoutSignature(layout) !== display.layoutSig) this.rebuildPending = true;
        else {
          display.board.relayout(layout, display.states);
          display.geometry.update(layout, session.simulation.stations(), session.instances());
          // Each card's instance count follows the lane (in place; a card that must be drawn again rebuilds).
          if (display.board.refreshCounts()) {
            this.still?.refreshLabels();
            this.scheduleMirror();
          } else this.rebuildPending = true;
        }
      }
      const drawUs = session.drawTimeUs;
      display.packets.draw(drawUs, time, session.tracks, display.geometry);
      display.board.drawBoots(drawUs, display.booting, session.pulling);
    }
    if (this.rebuildPending && time - this.lastRebuildMs >= REBUILD_MS) {
      this.rebuild();
      return;
    }
    if (time - this.lastNumbersMs >= NUMBERS_MS) {
      this.lastNumbersMs = time;
      this.updateNumbers();
    }
    if (running && this.lanes.every((lane) => !lane.session || lane.session.done)) this.finish();
  }

  private updateNumbers(): void {
    for (const display of this.displays) {
      const session = display.lane.session;
      if (!session) continue;
      const metrics = session.simulation.metrics();
      const set = (key: string, text: string, alert = false) => {
        const value = display.numbers.get(key);
        if (!value) return;
        if (value.text !== text) value.setText(text);
        const color = alert ? '#ff9a9a' : this.kit.palette.text;
        if (value.style.color !== color) value.setColor(color);
      };
      set('delivered', String(metrics.delivered));
      const p95 = metrics.p95LatencyUs;
      set('p95', metrics.delivered > 0 ? this.t('play:run.microseconds', { value: p95 >= 100 ? Math.round(p95) : p95.toFixed(1) }) : this.t('play:run.none'));
      set('dropped', String(metrics.dropped), metrics.dropped > 0);
      set('breaches', String(metrics.breachedTenants), metrics.breachedTenants > 0);
      if (display.status) {
        const text = session.done ? this.t('race:lane.waiting') : this.state === 'ready' ? this.t('race:lane.ready') : this.t('race:lane.running');
        if (display.status.text !== text && this.state !== 'ended') display.status.setText(text);
      }
    }
  }

  /** The accessible twin's region: each lane's numbers (or its final place) in words. */
  private updateRegion(): void {
    const mirror = this.ctx.mirror;
    if (!mirror || !this.level) return;
    const lines = this.lanes.map((lane) => {
      if (lane.score && (this.state === 'ended' || !lane.session)) return this.laneSentence(lane);
      const metrics = lane.session!.simulation.metrics();
      const p95 = metrics.delivered > 0 ? this.t('play:run.microseconds', { value: Math.round(metrics.p95LatencyUs) }) : this.t('play:run.none');
      return this.t('race:a11y.lane', { name: this.laneName(lane), delivered: metrics.delivered, p95, dropped: metrics.dropped, breaches: metrics.breachedTenants });
    });
    mirror.setRegion('race', this.t('race:a11y.region'), this.rankingText ? [this.rankingText, ...lines] : lines);
  }

  // ---------------------------------------------------------------- drawing

  protected buildScreen(kit: UiKit): void {
    this.drawBackdrop(kit);
    this.addTopBar(kit, { title: this.screenTitle(), back: () => this.onBack(), settings: true });
    this.displays = [];
    this.labels = new Map();
    this.statusText = null;
    this.still = null;
    this.lastRebuildMs = this.time.now;
    this.rebuildPending = false;
    if (!this.level) return;
    const { layout } = kit;
    const content = layout.content;
    const controlsHeight = layout.buttonHeight;
    const row = { x: content.x, y: content.y, width: content.width, height: controlsHeight };
    const controls = drawRegion(this, row, 2, () => this.drawControls(kit, row));
    const lanesArea: Rect = { x: content.x, y: content.y + controlsHeight + layout.gap, width: content.width, height: content.height - controlsHeight - layout.gap };
    const count = this.lanes.length;
    const gap = Math.round(layout.gap * 0.8);
    const width = Math.floor((lanesArea.width - gap * (count - 1)) / count);
    this.lanes.forEach((lane, index) => {
      this.drawLane(kit, lane, { x: lanesArea.x + index * (width + gap), y: lanesArea.y, width, height: lanesArea.height });
    });
    this.addFooterHint(kit, this.t('race:hint'));
    this.lastNumbersMs = Number.NEGATIVE_INFINITY;
    this.updateNumbers();
    this.still = StillPicture.bake(this, layout.width, layout.height, { controls });
    this.updateRegion();
  }

  private drawControls(kit: UiKit, row: Rect): void {
    const { layout } = kit;
    const px = fontPx(layout, 'button');
    const gap = layout.gap;
    const main = Math.round(Math.min(row.width * 0.2, 220 * layout.scale));
    // Wide enough for the selection mark and "4×" (or "4배속") side by side.
    const small = Math.round(Math.max(px * 4.4, Math.min(row.width * 0.09, 110 * layout.scale)));
    let x = row.x;
    const startLabel = this.t(`race:controls.${this.state === 'running' ? 'pause' : this.state === 'paused' ? 'resume' : this.state === 'ended' ? 'again' : 'start'}`);
    new Button(this, kit, { id: 'race-start', rect: { x, y: row.y, width: main, height: row.height }, label: startLabel, icon: this.state === 'running' ? undefined : 'play', variant: 'primary', fontPx: px, onActivate: () => this.toggle() });
    x += main + gap;
    new Button(this, kit, { id: 'race-restart', rect: { x, y: row.y, width: main, height: row.height }, label: this.t('race:controls.restart'), icon: 'back', fontPx: px, onActivate: () => this.restart() });
    x += main + gap * 2;
    for (const speed of RACE_SPEEDS) {
      new Button(this, kit, {
        id: `race-speed-${speed}`,
        rect: { x, y: row.y, width: small, height: row.height },
        label: this.t('race:controls.speed', { speed }),
        ariaLabel: this.t('race:controls.speedAria', { speed }),
        selected: speed === this.speed,
        fontPx: px,
        onActivate: () => this.setSpeed(speed),
      });
      x += small + gap;
    }
    const statusKey = this.state === 'running' ? 'race:status.running' : this.state === 'paused' ? 'race:status.paused' : this.state === 'ended' ? 'race:status.ended' : 'race:status.ready';
    const status = `${this.t(statusKey, { speed: this.speed })} · ${this.t('race:seed', { seed: this.seed })}`;
    const left = x + gap;
    const room = row.x + row.width - left;
    if (room > 80) {
      this.statusText = addText(this, kit, row.x + row.width, row.y + row.height / 2, status, { fontPx: fontPx(layout, 'body'), color: kit.palette.textMuted, originX: 1, originY: 0.5, align: 'right' });
      fitText(this.statusText, room, row.height, Math.max(12, Math.round(fontPx(layout, 'small') * 0.8)));
    }
  }

  private drawLane(kit: UiKit, lane: Lane, rect: Rect): void {
    const { layout, palette } = kit;
    const level = this.level!;
    const pad = Math.round(layout.gap * 0.6);
    const ended = this.state === 'ended' && lane.score !== null;
    const winner = ended && lane.place === 1;
    drawPanel(this.add.graphics(), rect, panelStyle(palette, layout, winner ? { border: palette.accent, borderWidth: Math.max(3, palette.panelBorderWidth * 2) } : {}));
    const inner = { x: rect.x + pad, y: rect.y + pad, width: rect.width - pad * 2, height: rect.height - pad * 2 };
    // The lane's name: at least 28 px on a 1920×1080 projector (the bar), two lines if need be.
    const labelPx = fontPx(layout, 'heading');
    const minPx = Math.round(layout.baseFontPx * 0.93);
    const headerHeight = Math.round(labelPx * 2.7);
    const label = addText(this, kit, inner.x + inner.width / 2, inner.y, this.laneName(lane), { fontPx: labelPx, bold: true, color: palette.heading, originX: 0.5, align: 'center', wrapWidth: inner.width, lineSpacing: Math.round(labelPx * 0.1) });
    fitText(label, inner.width, headerHeight, minPx);
    this.labels.set(lane, label);
    if (lane.spec.id === 'yours' && lane.session) {
      const arch = translateOr(this.ctx.i18n, `board:arch.${buildArchitecture(lane.session.analysis.hostings)}.name`, '');
      if (arch) {
        const sub = addText(this, kit, inner.x + inner.width / 2, inner.y + label.height, arch, { fontPx: fontPx(layout, 'small'), color: palette.textMuted, originX: 0.5, align: 'center' });
        fitText(sub, inner.width, headerHeight - label.height, 10);
      }
    }
    const px = fontPx(layout, 'body');
    const rowHeight = Math.round(px * 1.3);
    const resultHeight = Math.round(px * 2.9);
    const rows: Array<[string, string]> = [
      ['delivered', this.t('play:run.delivered')],
      ['p95', this.t('play:run.p95')],
      ['dropped', this.t('play:run.dropped')],
      ['breaches', this.t('play:run.breaches')],
    ];
    // A caption too wide for a narrow lane (six lanes in a small window) wraps to a second line: its row
    // grows to hold it, and the lane's board gives up the height, so no caption runs into the next.
    const captions = rows.map(([, name]) => {
      const caption = addText(this, kit, inner.x, 0, name, { fontPx: Math.round(px * 0.86), color: palette.textMuted, originY: 0.5 });
      fitText(caption, inner.width * 0.55, rowHeight, 10);
      return caption;
    });
    const heights = captions.map((caption) => Math.max(rowHeight, Math.ceil(caption.height) + 2));
    const numbersHeight = heights.reduce((sum, height) => sum + height, 0);
    const boardRect = { x: inner.x, y: inner.y + headerHeight, width: inner.width, height: Math.max(40, inner.height - headerHeight - numbersHeight - resultHeight - pad * 2) };
    const numbersTop = boardRect.y + boardRect.height + pad;
    const numbers = new Map<string, Phaser.GameObjects.Text>();
    let rowTop = numbersTop;
    rows.forEach(([key], index) => {
      const y = rowTop + heights[index]! / 2;
      rowTop += heights[index]!;
      captions[index]!.setY(y);
      const value = markLive(addText(this, kit, inner.x + inner.width, y, '–', { fontPx: px, bold: true, color: palette.text, originX: 1, originY: 0.5 }));
      numbers.set(key, value);
    });
    const resultTop = numbersTop + numbersHeight + pad;
    let status: Phaser.GameObjects.Text | null = null;
    if (ended || !lane.session) this.drawResult(kit, lane, { x: inner.x, y: resultTop, width: inner.width, height: resultHeight });
    else {
      status = markLive(addText(this, kit, inner.x + inner.width / 2, resultTop + resultHeight / 2, this.t('race:lane.ready'), { fontPx: Math.round(px * 0.86), color: palette.textMuted, originX: 0.5, originY: 0.5, align: 'center', wrapWidth: inner.width }));
    }
    if (!lane.session) {
      const why = addText(this, kit, boardRect.x + boardRect.width / 2, boardRect.y + boardRect.height / 2, this.t('race:lane.cannotRun'), { fontPx: px, color: '#ff9a9a', bold: true, originX: 0.5, originY: 0.5, align: 'center', wrapWidth: boardRect.width });
      fitText(why, boardRect.width, boardRect.height, 10);
      return;
    }
    this.drawLaneBoard(kit, lane, lane.session, boardRect, label, numbers, status, level);
  }

  private drawLaneBoard(kit: UiKit, lane: Lane, session: RunSession, rect: Rect, label: Phaser.GameObjects.Text, numbers: Map<string, Phaser.GameObjects.Text>, status: Phaser.GameObjects.Text | null, level: Level): void {
    // The lane boards' cards are pictures, not controls: they get a focus manager of their own, so Tab
    // moves between the race's buttons only.
    const boardKit: UiKit = { ...kit, focus: new FocusManager() };
    const text = new BoardText(this.ctx.i18n, () => lane.spec.build.nodes);
    const hostings = new Map<string, AppHosting>(session.simulation.currentHostings().map((hosting) => [hosting.app.id, hosting]));
    const board = new BoardView(
      this,
      boardKit,
      text,
      rect,
      {
        level,
        nodes: lane.spec.build.nodes,
        placements: session.placements(),
        instancesOf: (app) => session.drawnInstances(app),
        hostings,
        problemsByNode: new Map(),
        problemsByApp: new Map(),
        selection: null,
        targets: new Set(),
        currentTarget: null,
        ...liveBoardFields(session),
      },
      { onNode: () => undefined, onApp: () => undefined },
    );
    runAll(board.draw());
    const states = new Map(session.instances().map((instance) => [instance.index, instance]));
    board.drawVmBoxes(states);
    board.raiseLayers();
    const geometry = new BoardGeometry(board.layout, (station, kind) => session.simulation.laneGapUs(station, kind), (station) => session.stationMark(station));
    geometry.update(board.layout, session.simulation.stations(), session.instances());
    const packets = new PacketLayer(this, kit, board.colors, !kit.motion.fadeMs);
    this.displays.push({
      lane,
      board,
      geometry,
      packets,
      label,
      numbers,
      status,
      layoutSig: layoutSignature(board.layout),
      seenInstances: session.instancesVersion,
      states,
      booting: session.booting(),
    });
  }

  private drawResult(kit: UiKit, lane: Lane, rect: Rect): void {
    const { layout, palette } = kit;
    const score = lane.score!;
    const px = fontPx(layout, 'body');
    const points = this.t('race:result.score', { score: Math.round(score.total * 10) / 10 });
    if (this.state !== 'ended') {
      // A build that cannot run has its score before the race ends (it is the ranking's, 0 or so).
      const text = addText(this, kit, rect.x + rect.width / 2, rect.y + rect.height / 2, points, { fontPx: px, color: '#ff9a9a', originX: 0.5, originY: 0.5, align: 'center', wrapWidth: rect.width });
      fitText(text, rect.width, rect.height, 10);
      return;
    }
    // The place in words and a number, the stars drawn and written: colour is never the only sign.
    const place = addText(this, kit, rect.x, rect.y + rect.height / 2, this.t('race:result.place', { place: lane.place }), { fontPx: Math.round(px * 1.5), bold: true, color: lane.place === 1 ? palette.heading : palette.text, originY: 0.5 });
    fitText(place, rect.width * 0.4, rect.height, 12);
    const right = rect.x + rect.width;
    const scoreText = addText(this, kit, right, rect.y + rect.height * 0.28, points, { fontPx: px, bold: true, color: palette.text, originX: 1, originY: 0.5 });
    fitText(scoreText, rect.width * 0.58, rect.height * 0.5, 10);
    const starsText = `${'★'.repeat(score.stars)}${'☆'.repeat(Math.max(0, 3 - score.stars))} ${this.t('race:result.stars', { count: score.stars })}`;
    const stars = addText(this, kit, right, rect.y + rect.height * 0.74, starsText, { fontPx: Math.round(px * 0.86), color: palette.textMuted, originX: 1, originY: 0.5 });
    fitText(stars, rect.width * 0.58, rect.height * 0.5, 9);
  }

  // ---------------------------------------------------------------- automation

  /** Packets drawn on every lane in the last frame (kernelCourier.stats()'s packets in flight). */
  get packets(): { visible: number; drawn: number } {
    let visible = 0;
    let drawn = 0;
    for (const display of this.displays) {
      visible += display.packets.visible;
      drawn += display.packets.drawn;
    }
    return { visible, drawn };
  }

  /** The race's state for `window.kernelCourier.race()`. */
  /** kernelCourier.runViz() on the race view (a testing aid): each lane's packets' stops and marks. */
  runVizInfo(): { speed: number; state: string; lanes: Array<{ id: string } & BoardVizInfo> } {
    const lanes: Array<{ id: string } & BoardVizInfo> = [];
    for (const display of this.displays) {
      const session = display.lane.session;
      if (session) lanes.push({ id: display.lane.spec.id, ...boardVizInfo(display.packets, session) });
    }
    return { speed: this.speed, state: this.state, lanes };
  }

  raceInfo(): RaceInfo | null {
    if (!this.level) return null;
    return {
      level: this.level.id,
      seed: this.seed,
      state: this.state,
      lanes: this.lanes.map((lane) => {
        const label = this.labels.get(lane);
        const metrics = lane.session?.simulation.metrics();
        return {
          id: lane.spec.id,
          label: this.laneName(lane),
          labelFontPx: label ? parseInt(String(label.style.fontSize), 10) : 0,
          labelHeight: label ? label.height : 0,
          delivered: metrics?.delivered ?? 0,
          dropped: metrics?.dropped ?? 0,
          total: lane.score && (this.state === 'ended' || !lane.session) ? lane.score.total : null,
          stars: lane.score && (this.state === 'ended' || !lane.session) ? lane.score.stars : null,
          place: this.state === 'ended' ? lane.place : null,
        };
      }),
      ranking: this.rankingText,
    };
  }
}

function isBuild(value: unknown): value is Build {
  return typeof value === 'object' && value !== null && Array.isArray((value as Build).nodes) && Array.isArray((value as Build).placements);
}

