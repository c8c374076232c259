// The player's commands during a run: select an app on the board, then scale it, switch its VM's driver,
// move it to another host (choosing the host on the board, by click or arrows and Enter), block one packet
// kind at a layer, or quarantine / release it. Each becomes an engine command through RunSession.command,
// stamped with the board time; the engine applies it at its next tick and logs it (or says why not).
import { canonicalDriver } from '../../../sim/topology';
import type { AppSpec, Driver, PacketKind, VmTemplate } from '../../../sim/types';
import type { ActionsOptions } from '../../board/runPanels';
import type { RunSession } from '../../play/RunSession';
import type { CourierHost } from './courierHost';

/** The parts of the run's screen a command draws again. */
export type RunPart = 'speed' | 'board' | 'actions';

/** Choosing a new host for an app: the hosts offered and the one highlighted. */
export type RunMode = { kind: 'none' } | { kind: 'move'; app: string; targets: string[]; index: number };

export class RunControls {
  /** The app whose actions the side panel shows. */
  selected: string | null = null;
  mode: RunMode = { kind: 'none' };
  /** The block chooser: closed, choosing a packet kind, or choosing a layer for that kind. */
  blockStep: null | 'kind' | PacketKind = null;

  constructor(
    private readonly host: CourierHost,
    private readonly session: RunSession,
    /** Draws parts of the run's screen again (RunPhase.refresh). */
    private readonly refresh: (...parts: RunPart[]) => void,
  ) {}

  private get t(): (key: string, params?: object) => string {
    return this.host.t;
  }

  private selectedApp(): AppSpec | null {
    return this.selected ? (this.host.level.apps.find((entry) => entry.id === this.selected) ?? null) : null;
  }

  /** What the actions panel shows and does. */
  actionsOptions(): ActionsOptions {
    const { host, session } = this;
    const app = this.selectedApp();
    return {
      app,
      session,
      blockStep: this.blockStep,
      layersFor: (kind: PacketKind) => (app ? this.layersFor(app, kind) : []),
      scale: (step: 1 | -1) => this.scaleSelected(step),
      switchDriver: () => this.switchDriver(),
      driverTarget: app ? this.driverTarget(app) : null,
      move: () => this.openMove(),
      openBlock: () => {
        this.blockStep = 'kind';
        this.refresh('actions');
        host.focus.focus('block-kind-disk', host.keyboardMode(), false);
        host.ctx.announce(this.t('play:run.blockKind'));
      },
      chooseKind: (kind: PacketKind) => {
        this.blockStep = kind;
        this.refresh('actions');
        const first = app ? this.layersFor(app, kind)[0] : undefined;
        if (first) host.focus.focus(`block-at-${first}`, host.keyboardMode(), false);
        host.ctx.announce(this.t('play:run.blockAt', { kind: host.boardText.packet(kind) }));
      },
      blockAt: (node: string) => {
        if (!app || !this.blockStep || this.blockStep === 'kind') return;
        session.command({ op: 'block', app: app.id, kind: this.blockStep, at: node });
        this.blockStep = null;
        this.refresh('actions');
        host.focus.focus('act-block', host.keyboardMode(), false);
      },
      cancelBlock: () => {
        this.blockStep = null;
        this.refresh('actions');
        host.focus.focus('act-block', host.keyboardMode(), false);
      },
      quarantine: () => this.toggleQuarantine(),
    };
  }

  /** Escape while the block chooser is open closes it; false when it is closed. */
  closeBlock(): boolean {
    if (!this.blockStep) return false;
    this.blockStep = null;
    this.refresh('actions');
    return true;
  }

  /** The layers one kind of an app's packets passes, as node ids (the hardware excluded). */
  private layersFor(app: AppSpec, kind: PacketKind): string[] {
    const session = this.session;
    const instance = session.instances().find((entry) => entry.app === app.id && entry.state !== 'stopped');
    const stations = session.simulation.stations();
    const layers: string[] = [];
    if (instance) {
      for (const index of session.simulation.pathOf(instance.index, kind)) {
        const owner = stations[index]?.owner;
        if (owner && owner !== 'hardware' && !layers.includes(owner)) layers.push(owner);
      }
    }
    return layers;
  }

  private driverTarget(app: AppSpec): { driver: Driver } | null {
    const session = this.session;
    const hosting = session.simulation.currentHostings().find((entry) => entry.app.id === app.id);
    if (!hosting) return null;
    if (hosting.kind === 'vm-per-instance' && hosting.template) return { driver: hosting.template.driver === 'para' ? 'emulated' : 'para' };
    if (hosting.vmNode) {
      const current = session.nodeDrivers.get(hosting.vmNode) ?? this.host.editor.node(hosting.vmNode)?.driver ?? 'emulated';
      return { driver: current === 'para' ? 'emulated' : 'para' };
    }
    return null;
  }

  private switchDriver(): void {
    const session = this.session;
    const app = this.selectedApp();
    if (!app) return;
    const target = this.driverTarget(app);
    const hosting = session.simulation.currentHostings().find((entry) => entry.app.id === app.id);
    if (!target || !hosting) return;
    if (hosting.kind === 'vm-per-instance') session.command({ op: 'set-driver', app: app.id, driver: target.driver });
    else if (hosting.vmNode) session.command({ op: 'set-driver', vm: hosting.vmNode, driver: target.driver });
  }

  /** + and −: one instance more or fewer of the selected app (never below none). */
  scaleSelected(step: 1 | -1): void {
    const app = this.selected;
    if (!app) return;
    const target = Math.max(0, this.session.liveCount(app) + step);
    this.session.command({ op: 'scale', app, instances: target });
  }

  /** Q: quarantine the selected app, or release it. */
  toggleQuarantine(): void {
    const app = this.selected;
    if (!app) return;
    this.session.command(this.session.quarantined.has(app) ? { op: 'release', app } : { op: 'quarantine', app });
  }

  /** A click (or Enter) on an app card selects it, unless a host is being chosen. */
  selectApp(app: string): void {
    const { host } = this;
    if (this.mode.kind === 'move') return;
    this.selected = app;
    this.blockStep = null;
    this.refresh('board', 'actions');
    host.focus.focus(`app-${app}`, host.keyboardMode(), false);
    host.ctx.announce(this.t('play:run.appTitle', { app, count: this.session.liveCount(app) }));
  }

  /** A click (or Enter) on a piece: while a host is being chosen, a highlighted one takes the app. */
  activateNode(id: string): void {
    const mode = this.mode;
    if (mode.kind === 'move' && mode.targets.includes(id)) this.commitMove(id);
  }

  private openMove(): void {
    const { host } = this;
    const app = this.selected;
    if (!app) return;
    const current = this.session.simulation.currentHostings().find((entry) => entry.app.id === app)?.placedOn;
    const targets = host.editor.hostsForApps().filter((id) => id !== current);
    if (targets.length === 0) {
      host.ctx.announce(this.t('play:run.noOtherHost', { app }));
      return;
    }
    this.mode = { kind: 'move', app, targets, index: 0 };
    this.refresh('board');
    host.focus.focus(`node-${targets[0]}`, host.keyboardMode(), false);
    host.ctx.announce(`${this.t('play:run.chooseHost', { app })} ${host.boardText.node(targets[0])}`);
  }

  private commitMove(on: string): void {
    const { host, session } = this;
    const mode = this.mode;
    if (mode.kind !== 'move') return;
    const node = host.editor.node(on);
    const app = host.level.apps.find((entry) => entry.id === mode.app);
    if (!node || !app) return;
    let vm: VmTemplate | undefined;
    if (node.piece === 'type1-hypervisor' || node.piece === 'type2-hypervisor') {
      // Para-virtual where the level allows it, and always a driver the level offers (the engine refuses others).
      const para = node.piece === 'type1-hypervisor' ? host.level.allow.includes('type1-para') : true;
      vm = { kernel: app.kernel, driver: canonicalDriver(host.level, para ? 'para' : 'emulated') };
    }
    session.command(vm ? { op: 'move', app: app.id, on, vm } : { op: 'move', app: app.id, on });
    this.mode = { kind: 'none' };
    this.refresh('board');
    host.focus.focus('act-move', host.keyboardMode(), false);
  }

  /** Keys while a new host is being chosen: arrows cycle the hosts, Enter moves, Escape cancels. */
  onMoveKey(key: string): boolean {
    const { host } = this;
    const mode = this.mode;
    if (mode.kind !== 'move') return false;
    if (key === 'ArrowRight' || key === 'ArrowDown' || key === 'ArrowLeft' || key === 'ArrowUp') {
      const step = key === 'ArrowRight' || key === 'ArrowDown' ? 1 : -1;
      mode.index = (mode.index + step + mode.targets.length) % mode.targets.length;
      this.refresh('board');
      host.ctx.announce(host.boardText.node(mode.targets[mode.index]));
      return true;
    }
    if (key === 'Enter') {
      this.commitMove(mode.targets[mode.index]);
      return true;
    }
    if (key === 'Escape') {
      this.mode = { kind: 'none' };
      this.refresh('board');
      host.ctx.announce(this.t('play:say.cancelled'));
      return true;
    }
    return false;
  }
}
