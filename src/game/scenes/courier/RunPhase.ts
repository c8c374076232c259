// The run phase of the board screen: one RunSession (the engine on the player's build) stepped by its
// fixed-step clock from the scene's update(), packets drawn from the session's tracks, VM boxes and boot
// bars redrawn as instances change, the live panels (metrics, log, clock, banner) refreshed a few times a
// second, announcements for screen readers, and the phase's keys (pause, speed, skip, back; the app
// commands are RunControls'). One RunPhase per run: going back to building drops it.
import type { InstanceInfo } from '../../../sim/Simulation';
import type { AppHosting } from '../../../sim/topology';
import type { BuildNode } from '../../../sim/types';
import { BOARD_ROW_WEIGHTS, BoardView, layoutSignature, type BoardModel } from '../../board/BoardView';
import { drawRegion, drawRegionSteps, StillPicture, type StillRegion } from '../../board/bakeStill';
import { liveBoardFields } from '../../board/liveBoard';
import { PacketLayer } from '../../board/PacketLayer';
import { boardVizInfo, type BoardVizInfo } from '../../board/runVizInfo';
import { installPacketPicker, RunOverlays, type OverlayInfo } from './runOverlays';
import type { PanelContext } from '../../board/panelKit';
import {
  drawActions,
  drawBanner,
  drawClock,
  drawLog,
  drawMetrics,
  drawRunTools,
  drawSpeedAndLegend,
  speedArea,
  speedPlate,
  type BannerHandle,
  type ClockHandle,
  type LogHandle,
  type MetricsHandle,
} from '../../board/runPanels';
import { BoardGeometry } from '../../play/boardGeometry';
import { computeBoardLayout, type BoardLayout } from '../../play/boardLayout';
import { playLayout, type PlayLayout } from '../../play/playLayout';
import type { Speed } from '../../play/runClock';
import { logText, type LogEntry } from '../../play/runLog';
import { engineBudgetMs, RunSession } from '../../play/RunSession';
import type { BuildSteps } from '../../ui/slicedBuild';
import type { UiKit } from '../../ui/UiKit';
import type { BannerTone, CourierHost } from './courierHost';
import { RunControls, type RunPart } from './RunControls';

/** Minimum real time between two rebuilds caused by the run (breaches, moves, instance layouts). */
const RUN_REBUILD_MS = 250;
/** How often the run's panels (metrics, log, clock, banner) refresh. */
const PANEL_MS = 250;

export class RunPhase {
  readonly controls: RunControls;
  /** Wall flashes and the picked packet's panel (issue 17 item 3). */
  readonly overlays: RunOverlays;
  /** The run reached its end (or was skipped to it). */
  ended = false;
  /** The speed Space resumes at (the last one chosen, or the start speed). */
  private resumeSpeed: Speed = 1;
  /** The packets on the board (null until the phase is drawn). */
  packets: PacketLayer | null = null;
  private board: BoardView | null = null;
  private geometry: BoardGeometry | null = null;
  private metricsHandle: MetricsHandle | null = null;
  private logHandle: LogHandle | null = null;
  private clockHandle: ClockHandle | null = null;
  private bannerHandle: BannerHandle | null = null;
  private layoutSig = '';
  private seenInstances = -1;
  private seenBoard: number;
  private bootingCache: InstanceInfo[] = [];
  private instanceStates = new Map<number, InstanceInfo>();
  private lastPanelMs = Number.NEGATIVE_INFINITY;
  /** Wall-clock ms the board's drawing took a frame, smoothed (engineBudgetMs). */
  private drawMs = 0;
  private lastRebuildMs = Number.NEGATIVE_INFINITY;
  private rebuildPending = false;
  private lastTrafficSecond = 0;
  /** The run's still picture, with the parts that can be drawn again on their own (bakeStill.ts). */
  private still: StillPicture | null = null;
  /** The regions of the screen being drawn (filled by draw(), handed to the still picture). */
  private regions: Record<string, StillRegion> = {};

  private constructor(
    private readonly host: CourierHost,
    readonly session: RunSession,
  ) {
    this.controls = new RunControls(host, session, (...parts) => this.refresh(...parts));
    this.overlays = new RunOverlays(host, session);
    this.seenBoard = session.boardVersion;
  }

  /** Starts the engine on the current build; null when the build breaks a rule. */
  static start(host: CourierHost, seed: number): RunPhase | null {
    const started = RunSession.start({
      level: host.level,
      build: host.editor.toBuild(),
      seed,
      events: host.ctx.events,
      onLog: (entry) => announceLogEntry(host, entry),
      logFilter: (entry) => host.logFilter(entry),
    });
    if (!(started instanceof RunSession)) return null;
    // Runs start at the player's chosen speed (Settings; 2× unless changed).
    const speed = host.ctx.settings.get().runSpeed;
    started.clock.speed = speed;
    const phase = new RunPhase(host, started);
    phase.resumeSpeed = speed;
    return phase;
  }

  defaultFocusId(): string {
    return this.session.clock.speed === 0 ? 'speed-pause' : 'speed-1';
  }

  /** The nodes the board shows: the editor's, with the drivers commands switched. */
  currentNodes(nodes: readonly BuildNode[]): readonly BuildNode[] {
    const drivers = this.session.nodeDrivers;
    if (drivers.size === 0) return nodes;
    return nodes.map((node) => (drivers.has(node.id) ? { ...node, driver: drivers.get(node.id) } : node));
  }

  /** The screen was cleared: forget its display objects. */
  forgetDisplay(): void {
    this.board = null;
    this.still = null;
    this.regions = {};
    this.packets = null;
    this.overlays.forgetDisplay();
    this.geometry = null;
    this.metricsHandle = null;
    this.logHandle = null;
    this.clockHandle = null;
    this.bannerHandle = null;
  }

  /** The screen was drawn (whatever the phase): the next rebuild the run asks for waits RUN_REBUILD_MS. */
  drawn(nowMs: number): void {
    this.lastRebuildMs = nowMs;
    this.rebuildPending = false;
  }

  // ---------------------------------------------------------------- drawing

  /** Draws the run's screen (steps: ui/slicedBuild.ts; the board a step per piece and app card). */
  *draw(kit: UiKit): BuildSteps {
    const { host, session } = this;
    const play = playLayout(kit.layout);
    const context = host.panelContext(kit);
    speedPlate(context, play.palette, play.portrait);
    const speedRect = speedArea(kit, play.palette, play.portrait);
    this.region('speed', speedRect, 2, () =>
      drawSpeedAndLegend(context, speedRect, {
        speed: session.clock.speed,
        portrait: play.portrait,
        setSpeed: (speed) => this.setSpeed(speed),
        togglePause: () => this.togglePause(),
      }),
    );
    // The board's surface reaches 4 px beyond its rectangle, the cards' shadows a little more.
    yield;
    this.regions.board = yield* drawRegionSteps(host.scene, play.board, Math.round(6 + 4 * kit.layout.scale), () => this.drawBoard(kit, play));
    yield;
    const board = this.board!;
    this.geometry = new BoardGeometry(board.layout, (station, kind) => session.simulation.laneGapUs(station, kind), (station) => session.stationMark(station));
    this.geometry.update(board.layout, session.simulation.stations(), session.instances());
    this.seenInstances = session.instancesVersion;
    this.seenBoard = session.boardVersion;
    this.packets = new PacketLayer(host.scene, kit, board.colors, !kit.motion.fadeMs);
    this.overlays.draw(kit, board.layout, this.packets);
    installPacketPicker(host.scene, (x, y) => host.phase() === 'run' && this.packets !== null && this.overlays.pickAt(x, y));
    this.logHandle = drawLog(context, play.strip, (id) => host.boardText.node(id));
    yield;
    this.drawSide(context, play);
    yield;
    drawRunTools(context, play.tools, play.portrait, () => host.backToBuilding(), host.canSkip() ? () => this.skipToEnd() : null);
    this.clockHandle = drawClock(context, play.primary);
    this.bannerHandle = drawBanner(context, play.banner);
    yield;
    this.lastPanelMs = Number.NEGATIVE_INFINITY;
    this.updatePanels();
    yield;
    this.still = StillPicture.bake(host.scene, kit.layout.width, kit.layout.height, this.regions);
  }

  /** Draws a part of the screen that can later be drawn again on its own (`refresh`). */
  private region(name: RunPart, rect: { x: number; y: number; width: number; height: number }, margin: number, draw: () => void): void {
    this.regions[name] = drawRegion(this.host.scene, rect, margin, draw);
  }

  /** The board with its VM boxes for the run's instances now. */
  private *drawBoard(kit: UiKit, play: PlayLayout): BuildSteps {
    const { host } = this;
    const board = new BoardView(host.scene, kit, host.boardText, play.board, this.model(), {
      onNode: (id) => this.controls.activateNode(id),
      onApp: (id) => this.controls.selectApp(id),
    });
    yield* board.draw();
    this.board = board;
    this.layoutSig = this.signature(board.layout);
    this.refreshInstances();
    board.drawVmBoxes(this.instanceStates);
    board.raiseLayers();
  }

  /**
   * Draws parts of the run's screen again after what they show changed (the speed, the selected app, a
   * breach or a quarantine on the board): just those parts, in a few milliseconds, where a whole new screen
   * took 50–100 ms. The whole screen is drawn again when the board's boxes moved, or before it was baked.
   */
  refresh(...parts: RunPart[]): void {
    const { host, session } = this;
    const still = this.still;
    const board = this.board;
    if (!still || !board || parts.some((part) => !still.has(part))) {
      host.rebuild();
      return;
    }
    if (parts.includes('board')) {
      const layout = computeBoardLayout(host.level, host.currentNodes(), session.placements(), board.rect, (app) => session.drawnInstances(app), BOARD_ROW_WEIGHTS);
      if (this.signature(layout) !== this.layoutSig) {
        host.rebuild();
        return;
      }
    }
    for (const part of parts) still.redraw(part, host.focus);
    if (parts.includes('board') && this.board) {
      this.seenInstances = session.instancesVersion;
      this.seenBoard = session.boardVersion;
      this.geometry?.update(this.board.layout, session.simulation.stations(), session.instances());
    }
    this.lastPanelMs = Number.NEGATIVE_INFINITY;
    this.updatePanels();
    host.describeAgain();
  }

  private model(): BoardModel {
    const { host, session } = this;
    const hostings = new Map<string, AppHosting>(session.simulation.currentHostings().map((hosting) => [hosting.app.id, hosting]));
    const mode = this.controls.mode;
    const selected = this.controls.selected;
    return {
      level: host.level,
      nodes: host.currentNodes(),
      placements: session.placements(),
      instancesOf: (app) => session.drawnInstances(app),
      hostings,
      problemsByNode: new Map(),
      problemsByApp: new Map(),
      selection: selected ? { kind: 'app', id: selected } : null,
      targets: new Set(mode.kind === 'move' ? mode.targets : []),
      currentTarget: mode.kind === 'move' ? (mode.targets[mode.index] ?? null) : null,
      ...liveBoardFields(session),
    };
  }

  /** The side panel: live numbers above (or beside, in portrait) the selected app's actions. */
  private drawSide(context: PanelContext, play: PlayLayout): void {
    const { kit } = context;
    const pad = Math.round(kit.layout.gap * 0.8);
    const side = play.side;
    const inner = { x: side.x + pad, y: side.y + pad * 0.7, width: side.width - pad * 2, height: side.height - pad * 1.4 };
    const withInFlight = this.host.metricsExtra() !== undefined;
    const rows = 9 + (withInFlight ? 1 : 0);
    const metricsHeight = Math.round(Math.min(inner.height * (play.portrait ? 1 : 0.55), rows * kit.layout.baseFontPx * 0.86 * 1.32 + kit.layout.baseFontPx * 1.6));
    this.drawSidePlate(context, side);
    if (play.portrait) {
      const half = (inner.width - kit.layout.gap) / 2;
      this.metricsHandle = drawMetrics(context, { ...inner, width: half }, withInFlight);
      const area = { ...inner, x: inner.x + half + kit.layout.gap, width: half };
      this.region('actions', area, 2, () => drawActions(context, area, this.controls.actionsOptions()));
    } else {
      this.metricsHandle = drawMetrics(context, { ...inner, height: metricsHeight }, withInFlight);
      const area = { ...inner, y: inner.y + metricsHeight + kit.layout.gap, height: inner.height - metricsHeight - kit.layout.gap };
      this.region('actions', area, 2, () => drawActions(context, area, this.controls.actionsOptions()));
    }
  }

  private drawSidePlate(context: PanelContext, rect: { x: number; y: number; width: number; height: number }): void {
    const g = this.host.scene.add.graphics();
    const { palette, layout } = context.kit;
    g.fillStyle(palette.panel, 0.97);
    g.fillRoundedRect(rect.x, rect.y, rect.width, rect.height, layout.radius);
    g.lineStyle(palette.panelBorderWidth, palette.panelBorder, 1);
    g.strokeRoundedRect(rect.x, rect.y, rect.width, rect.height, layout.radius);
  }

  /** What the still picture shows of the run: where boxes are, and which apps download their image. When it
   * changes the screen is rebuilt (at most every RUN_REBUILD_MS); instance counts alone are updated in place
   * (BoardView.refreshCounts; the VM boxes are a live layer, VmLayers.ts). */
  private signature(layout: BoardLayout): string {
    return `${layoutSignature(layout)}#${[...this.session.pulling.keys()].join(',')}`;
  }

  private refreshInstances(): void {
    this.instanceStates = new Map(this.session.instances().map((instance) => [instance.index, instance]));
    this.bootingCache = this.session.booting();
  }

  // ---------------------------------------------------------------- every frame

  /** One frame: steps the engine, redraws what moved, refreshes the panels now and then. */
  frame(time: number, delta: number): void {
    const { host, session, board, packets, geometry } = this;
    if (!board || !packets || !geometry) return;
    if (session.skipping) {
      session.advance(delta);
      if (session.done) this.endSkipped();
      return;
    }
    session.advance(delta, engineBudgetMs(this.drawMs));
    if (session.boardVersion !== this.seenBoard) {
      this.seenBoard = session.boardVersion;
      this.rebuildPending = true;
    }
    if (session.instancesVersion !== this.seenInstances) {
      this.seenInstances = session.instancesVersion;
      this.refreshInstances();
      const layout = computeBoardLayout(host.level, host.currentNodes(), session.placements(), board.rect, (app) => session.drawnInstances(app), BOARD_ROW_WEIGHTS);
      if (this.signature(layout) !== this.layoutSig) this.rebuildPending = true;
      else {
        board.relayout(layout, this.instanceStates);
        geometry.update(layout, session.simulation.stations(), session.instances());
        if (board.refreshCounts()) {
          this.still?.refreshLabels();
          host.describeAgain();
        } else this.rebuildPending = true;
      }
    }
    if (this.rebuildPending && time - this.lastRebuildMs >= RUN_REBUILD_MS) {
      // A breach, a quarantine, a move: the board and the selected app's actions (the whole screen when
      // boxes moved).
      this.lastRebuildMs = time;
      this.rebuildPending = false;
      this.refresh('board', 'actions');
      return;
    }
    const drawUs = session.drawTimeUs;
    const drawStart = performance.now();
    packets.draw(drawUs, time, session.tracks, geometry);
    this.overlays.frame(time);
    board.drawBoots(drawUs, this.bootingCache, session.pulling);
    host.onRunFrame(session, time);
    this.announceTraffic();
    if (time - this.lastPanelMs >= PANEL_MS) {
      this.lastPanelMs = time;
      this.updatePanels();
    }
    // Smoothed over a few frames: the engine's next slice leaves room for drawing like this one's.
    this.drawMs = this.drawMs * 0.75 + (performance.now() - drawStart) * 0.25;
    if (session.done && !this.ended) {
      this.ended = true;
      this.updatePanels();
      host.onRunEnded(session, false);
    }
  }

  private updatePanels(): void {
    const { host, session } = this;
    this.metricsHandle?.update(session, host.metricsExtra());
    this.logHandle?.update(session);
    this.clockHandle?.update(session);
    this.bannerHandle?.update(...host.bannerContent(session));
  }

  /** What the band above the board says now (the scenes may add to it). */
  banner(endedText: string): [string, BannerTone] {
    const { host, session } = this;
    const t = host.t;
    const mode = this.controls.mode;
    if (mode.kind === 'move') return [t('play:run.chooseHost', { app: mode.app }), 'action'];
    const nowUs = session.simulation.nowUs;
    const burst = session.bursts.find((entry) => entry.served === null);
    if (burst) {
      const seconds = Math.max(0, (burst.deadlineUs - nowUs) / 1e6);
      return [t('play:run.burst', { app: burst.app, count: burst.required, ready: session.readyCount(burst.app), seconds: seconds.toFixed(1) }), 'alert'];
    }
    if (this.ended) return [endedText, 'info'];
    if (session.clock.speed === 0) return [t('play:run.paused'), 'action'];
    // A fresh alert (an attack, a breach, a wall that held) stays in the band for a few board seconds.
    const alert = [...session.log].reverse().find((entry) => entry.announce && entry.key !== 'ended' && nowUs - entry.atUs < 5e6);
    if (alert) return [logText(host.ctx.i18n, alert, (id) => host.boardText.node(id)), alert.severity === 'alert' ? 'alert' : 'info'];
    const last = session.bursts[session.bursts.length - 1];
    if (last && last.served !== null && nowUs - last.deadlineUs < 4e6) return [t('play:run.burstEnded', { served: last.served, count: last.required }), 'info'];
    return [host.runKeysText(), 'info'];
  }

  /** For kernelCourier.runViz(): the packets' stops and marks, the wall flashes and the packet panel. */
  vizInfo(): (BoardVizInfo & OverlayInfo & { speed: number }) | null {
    if (!this.packets) return null;
    return { speed: this.session.clock.speed, ...boardVizInfo(this.packets, this.session), ...this.overlays.info() };
  }

  /** Every ten board seconds, screen readers hear how many packets were delivered and dropped so far. */
  private announceTraffic(): void {
    const second = Math.floor(this.session.simulation.nowUs / 1e6);
    if (second < this.lastTrafficSecond + 10) return;
    this.lastTrafficSecond = second;
    const metrics = this.session.simulation.metrics();
    this.host.ctx.mirror?.announce(this.host.t('board:describe.traffic', { seconds: second, delivered: metrics.delivered, dropped: metrics.dropped }));
  }

  // ---------------------------------------------------------------- the clock

  /** Skips to the end: the rest of the run is computed a slice per frame (RunSession), then it ends. */
  skipToEnd(): void {
    if (this.ended || this.session.skipping) return;
    const done = this.session.skipToEnd();
    this.packets?.clear();
    if (done) this.endSkipped();
  }

  private endSkipped(): void {
    this.ended = true;
    this.host.onRunEnded(this.session, true);
  }

  togglePause(): void {
    this.setSpeed(this.session.clock.speed === 0 ? this.resumeSpeed : 0);
  }

  setSpeed(speed: Speed): void {
    const { host } = this;
    if (speed !== 0) this.resumeSpeed = speed;
    this.session.clock.speed = speed;
    this.refresh('speed');
    host.ctx.announce(speed === 0 ? host.t('play:run.paused') : host.t('play:run.speedSet', { speed }));
  }

  // ---------------------------------------------------------------- keys

  /** The run phase's keys; false for keys it leaves to the screen. */
  onKey(event: KeyboardEvent): boolean {
    const { host, controls } = this;
    const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
    if (controls.onMoveKey(key)) return true;
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
        if (host.canSkip()) this.skipToEnd();
        return true;
      case 'b':
        host.backToBuilding();
        return true;
      case '+':
      case '=':
        controls.scaleSelected(1);
        return true;
      case '-':
        controls.scaleSelected(-1);
        return true;
      case 'q':
        controls.toggleQuarantine();
        return true;
      case 'p':
        this.overlays.cycle();
        return true;
      case 'Escape':
        if (this.overlays.close()) return true;
        if (controls.closeBlock()) return true;
        host.backToBuilding();
        return true;
      default:
        return false;
    }
  }
}

/** Log lines of attacks a wall the board flashes stopped (RunSession.attackStop). */
const WALL_REASONS = new Set(['contained.vm', 'contained.container', 'contained.hypervisor', 'contained.quarantine']);

/** A new log line during the run: said aloud if it is news; a breach interrupts and shakes the board. */
function announceLogEntry(host: CourierHost, entry: LogEntry): void {
  if (!entry.announce || host.phase() !== 'run') return;
  const text = logText(host.ctx.i18n, entry, (id) => host.boardText.node(id));
  host.ctx.announce(text);
  // Breaches interrupt (assertive); other news waits its turn. An attack a wall stopped is said by the
  // wall's flash (RunOverlays: "Stopped: …"), not twice.
  if (!WALL_REASONS.has(entry.key)) host.ctx.mirror?.announce(text, entry.key === 'breach' || entry.key === 'breachHost');
  if (entry.key === 'breach' || entry.key === 'breachHost') {
    if (!host.kit().motion.fadeMs) return;
    host.scene.cameras.main.shake(260, 0.006);
  }
}
