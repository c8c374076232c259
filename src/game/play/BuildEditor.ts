// The player's build while it is being edited: pieces placed, apps placed, drivers and provisioning, with
// undo, redo and reset. Pure TypeScript (no Phaser), so input by pointer, touch and keyboard all end in the
// same operations, and the engine's rule checker judges every state live.

import { analyzeBuild, canonicalDriver, driverOffered, effectivePalette, offeredDrivers, type BuildAnalysis, type HostingKind } from '../../sim/topology';
import type {
  Build,
  BuildNode,
  Driver,
  Kernel,
  Level,
  Piece,
  Placement,
  Provisioning,
  RuleViolation,
  VmTemplate,
} from '../../sim/types';
import { BUILD_FORMAT, PIECES } from '../../sim/types';

/** What may stand directly on each kind of support (design.md "Rules"); `hardware` is the bare machine. */
export const SUPPORTS: Record<Piece, ReadonlyArray<Piece | 'hardware'>> = {
  'host-os': ['hardware'],
  'type1-hypervisor': ['hardware'],
  'type2-hypervisor': ['host-os'],
  vm: ['type1-hypervisor', 'type2-hypervisor'],
  'container-engine': ['host-os', 'vm'],
};

/** Pieces that can carry apps directly (a hypervisor carries them as one VM per instance). */
export const APP_HOSTS: ReadonlyArray<Piece> = ['host-os', 'vm', 'container-engine', 'type1-hypervisor', 'type2-hypervisor'];

/** What placing an app on a node would make (BuildEditor.placementPreview). */
export interface PlacementPreview {
  app: string;
  on: string;
  piece: Piece;
  /** How the app would run there; null when it could not run there at all. */
  kind: HostingKind | null;
  /** Instances at the start (one VM each on a hypervisor). */
  instances: number;
  /** The other apps placed on the same node (on a VM: the apps it would share that VM with). */
  shares: string[];
  /** The rules this placement would break for this app. */
  blockers: RuleViolation[];
}

interface EditorState {
  nodes: BuildNode[];
  placements: Placement[];
  provisioning: Provisioning[];
}

function cloneState(state: EditorState): EditorState {
  return {
    nodes: state.nodes.map((node) => ({ ...node })),
    placements: state.placements.map((placement) => ({ ...placement, vm: placement.vm ? { ...placement.vm } : undefined })),
    provisioning: state.provisioning.map((entry) => ({ ...entry })),
  };
}

const ID_PREFIX: Record<Piece, string> = {
  'host-os': 'host',
  'type1-hypervisor': 'type1',
  'type2-hypervisor': 'type2',
  vm: 'vm',
  'container-engine': 'engine',
};

export interface EditorCheck {
  analysis: BuildAnalysis;
  violations: RuleViolation[];
  /** Violations that name a node, by node id; the rest (memory, palette, unplaced apps) are global. */
  byNode: Map<string, RuleViolation[]>;
  byApp: Map<string, RuleViolation[]>;
  global: RuleViolation[];
  feasible: boolean;
}

export class BuildEditor {
  private state: EditorState;
  private readonly initial: EditorState;
  private readonly undoStack: EditorState[] = [];
  private readonly redoStack: EditorState[] = [];
  private readonly listeners = new Set<() => void>();
  private cachedCheck: EditorCheck | null = null;

  constructor(
    readonly level: Level,
    start?: Pick<Build, 'nodes' | 'placements' | 'provisioning'>,
  ) {
    this.initial = cloneState({
      nodes: start?.nodes ?? [],
      placements: start?.placements ?? [],
      provisioning: start?.provisioning ?? [],
    });
    this.state = cloneState(this.initial);
  }

  /** Called after every change (including undo, redo and reset). */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get nodes(): readonly BuildNode[] {
    return this.state.nodes;
  }

  get placements(): readonly Placement[] {
    return this.state.placements;
  }

  get provisioning(): readonly Provisioning[] {
    return this.state.provisioning;
  }

  node(id: string): BuildNode | undefined {
    return this.state.nodes.find((node) => node.id === id);
  }

  placementOf(appId: string): Placement | undefined {
    return this.state.placements.find((placement) => placement.app === appId);
  }

  childrenOf(id: string): BuildNode[] {
    return this.state.nodes.filter((node) => node.on === id);
  }

  appsOn(id: string): string[] {
    return this.state.placements.filter((placement) => placement.on === id).map((placement) => placement.app);
  }

  toBuild(): Build {
    const state = cloneState(this.state);
    const build: Build = { format: BUILD_FORMAT, level: this.level.id, nodes: state.nodes, placements: state.placements };
    const provisioning = state.provisioning.filter((entry) => entry.prePull || (entry.warmSpares ?? 0) > 0);
    if (provisioning.length > 0) build.provisioning = provisioning;
    return build;
  }

  get canUndo(): boolean {
    return this.undoStack.length > 0;
  }

  get canRedo(): boolean {
    return this.redoStack.length > 0;
  }

  undo(): boolean {
    const previous = this.undoStack.pop();
    if (!previous) return false;
    this.redoStack.push(this.state);
    this.state = previous;
    this.changed();
    return true;
  }

  redo(): boolean {
    const next = this.redoStack.pop();
    if (!next) return false;
    this.undoStack.push(this.state);
    this.state = next;
    this.changed();
    return true;
  }

  /** Back to the level's starting build; undoable. */
  reset(): void {
    this.mutate((state) => {
      const fresh = cloneState(this.initial);
      state.nodes = fresh.nodes;
      state.placements = fresh.placements;
      state.provisioning = fresh.provisioning;
    });
  }

  /** Replaces the whole build (a remembered or retried one); undoable, and reset still goes to the start. */
  replace(build: Pick<Build, 'nodes' | 'placements' | 'provisioning'>): void {
    this.mutate((state) => {
      const fresh = cloneState({ nodes: build.nodes, placements: build.placements, provisioning: build.provisioning ?? [] });
      state.nodes = fresh.nodes;
      state.placements = fresh.placements;
      state.provisioning = fresh.provisioning;
    });
  }

  /** The pieces the palette still offers (Infinity when unlimited). */
  paletteRemaining(): Record<Piece, number> {
    const palette = effectivePalette(this.level);
    const remaining = {} as Record<Piece, number>;
    for (const piece of PIECES) {
      const used = this.state.nodes.filter((node) => node.piece === piece).length +
        (piece === 'vm'
          ? this.state.placements.filter((placement) => placement.vm).reduce((sum, placement) => sum + this.instancesOf(placement.app), 0)
          : 0);
      remaining[piece] = (palette[piece] ?? 0) - used;
    }
    return remaining;
  }

  /** Pieces the level's palette offers at all, in palette order. */
  availablePieces(): Piece[] {
    const palette = effectivePalette(this.level);
    return PIECES.filter((piece) => (palette[piece] ?? 0) > 0);
  }

  private instancesOf(appId: string): number {
    return this.level.apps.find((app) => app.id === appId)?.instances ?? 1;
  }

  /** Where a piece could stand in the current build (support rule only; everything else is the checker's). */
  supportsFor(piece: Piece): Array<string> {
    const targets: string[] = [];
    const allowed = SUPPORTS[piece];
    if (allowed.includes('hardware') && !this.state.nodes.some((node) => node.on === 'hardware')) targets.push('hardware');
    for (const node of this.state.nodes) if (allowed.includes(node.piece)) targets.push(node.id);
    return targets;
  }

  /** Nodes an app could be placed on. */
  hostsForApps(): string[] {
    return this.state.nodes.filter((node) => APP_HOSTS.includes(node.piece)).map((node) => node.id);
  }

  private nextId(piece: Piece): string {
    const prefix = ID_PREFIX[piece];
    let index = 1;
    while (this.state.nodes.some((node) => node.id === `${prefix}-${index}`)) index += 1;
    return `${prefix}-${index}`;
  }

  /** Default kernel for a new host OS or VM: the level's host kernel, else the apps' majority family. */
  defaultKernel(): Kernel {
    if (this.level.hostKernel) return this.level.hostKernel;
    const windows = this.level.apps.filter((app) => app.kernel === 'windows').length;
    return windows > this.level.apps.length / 2 ? 'windows' : 'linux';
  }

  /** Adds a piece on `on`; returns its id. Breaking a rule is allowed: the checker shows where and why. */
  addNode(piece: Piece, on: string, options: { kernel?: Kernel; driver?: Driver } = {}): string {
    const id = this.nextId(piece);
    this.mutate((state) => {
      const node: BuildNode = { id, piece, on };
      if (piece === 'host-os' || piece === 'vm') node.kernel = options.kernel ?? this.defaultKernel();
      if (piece === 'vm') node.driver = options.driver ?? this.defaultDriver();
      state.nodes.push(node);
    });
    return id;
  }

  /** Removes a node, everything standing on it, and the placements on those. */
  removeNode(id: string): void {
    if (!this.node(id)) return;
    this.mutate((state) => {
      const doomed = new Set<string>([id]);
      let grew = true;
      while (grew) {
        grew = false;
        for (const node of state.nodes) {
          if (!doomed.has(node.id) && doomed.has(node.on)) {
            doomed.add(node.id);
            grew = true;
          }
        }
      }
      state.nodes = state.nodes.filter((node) => !doomed.has(node.id));
      state.placements = state.placements.filter((placement) => !doomed.has(placement.on));
    });
  }

  setKernel(id: string, kernel: Kernel): void {
    const node = this.node(id);
    if (!node || (node.piece !== 'host-os' && node.piece !== 'vm') || node.kernel === kernel) return;
    this.mutate((state) => {
      const target = state.nodes.find((entry) => entry.id === id);
      if (target) target.kernel = kernel;
    });
  }

  /** The driver a new VM gets: emulated where the level offers it (the simpler device model), else para. */
  defaultDriver(): Driver {
    return canonicalDriver(this.level, 'emulated');
  }

  /** Whether the level lets the player choose a VM's driver (its `drivers` offer both). */
  offersDriverChoice(): boolean {
    return offeredDrivers(this.level).length > 1;
  }

  setDriver(id: string, driver: Driver): void {
    const node = this.node(id);
    if (!node || node.piece !== 'vm' || node.driver === driver || !driverOffered(this.level, driver)) return;
    this.mutate((state) => {
      const target = state.nodes.find((entry) => entry.id === id);
      if (target) target.driver = driver;
    });
  }

  /** Places an app; on a hypervisor it runs as one VM per instance made from `vm` (default: the app's
   * kernel, and emulated devices where the level offers them). */
  placeApp(appId: string, on: string, vm?: VmTemplate): void {
    const target = this.node(on);
    if (!target) return;
    const app = this.level.apps.find((entry) => entry.id === appId);
    if (!app) return;
    const onHypervisor = target.piece === 'type1-hypervisor' || target.piece === 'type2-hypervisor';
    const template = onHypervisor ? (vm ?? { kernel: app.kernel, driver: this.defaultDriver() }) : undefined;
    this.mutate((state) => {
      state.placements = state.placements.filter((placement) => placement.app !== appId);
      state.placements.push(template ? { app: appId, on, vm: { ...template } } : { app: appId, on });
    });
  }

  /**
   * What placing `appId` on `on` would make, without changing the build: how it would run (one VM per
   * instance on a hypervisor, a process in a shared VM, a container, natively), the apps it would share a
   * VM or kernel with, and the rules that target would break for this app (kernel, architecture…).
   */
  placementPreview(appId: string, on: string): PlacementPreview | null {
    const target = this.node(on);
    const app = this.level.apps.find((entry) => entry.id === appId);
    if (!target || !app) return null;
    const build = this.toBuild();
    const onHypervisor = target.piece === 'type1-hypervisor' || target.piece === 'type2-hypervisor';
    const current = this.placementOf(appId);
    const template = onHypervisor ? (current?.on === on && current.vm ? current.vm : { kernel: app.kernel, driver: this.defaultDriver() }) : undefined;
    build.placements = build.placements.filter((placement) => placement.app !== appId);
    build.placements.push(template ? { app: appId, on, vm: { ...template } } : { app: appId, on });
    const analysis = analyzeBuild(this.level, build);
    const hosting = analysis.hostings.find((entry) => entry.app.id === appId) ?? null;
    const blockers = analysis.violations.filter((violation) => violation.app === appId && violation.code !== 'unplaced-app');
    const shares = build.placements.filter((placement) => placement.app !== appId && placement.on === on && !placement.vm).map((placement) => placement.app);
    return { app: appId, on, piece: target.piece, kind: hosting?.kind ?? null, instances: app.instances, shares, blockers };
  }

  unplaceApp(appId: string): void {
    if (!this.placementOf(appId)) return;
    this.mutate((state) => {
      state.placements = state.placements.filter((placement) => placement.app !== appId);
    });
  }

  /** Switches the driver of an app's per-instance VMs. */
  setTemplateDriver(appId: string, driver: Driver): void {
    const placement = this.placementOf(appId);
    if (!placement?.vm || placement.vm.driver === driver || !driverOffered(this.level, driver)) return;
    this.mutate((state) => {
      const target = state.placements.find((entry) => entry.app === appId);
      if (target?.vm) target.vm = { ...target.vm, driver };
    });
  }

  setProvisioning(appId: string, change: { prePull?: boolean; warmSpares?: number }): void {
    this.mutate((state) => {
      let entry = state.provisioning.find((item) => item.app === appId);
      if (!entry) {
        entry = { app: appId };
        state.provisioning.push(entry);
      }
      if (change.prePull !== undefined) entry.prePull = change.prePull;
      if (change.warmSpares !== undefined) entry.warmSpares = Math.max(0, Math.min(50, Math.floor(change.warmSpares)));
    });
  }

  /** The engine's verdict on the current build, grouped for drawing each problem where it happens. */
  check(): EditorCheck {
    if (this.cachedCheck) return this.cachedCheck;
    const analysis = analyzeBuild(this.level, this.toBuild());
    const byNode = new Map<string, RuleViolation[]>();
    const byApp = new Map<string, RuleViolation[]>();
    const global: RuleViolation[] = [];
    for (const violation of analysis.violations) {
      if (violation.app) byApp.set(violation.app, [...(byApp.get(violation.app) ?? []), violation]);
      if (violation.node) byNode.set(violation.node, [...(byNode.get(violation.node) ?? []), violation]);
      if (!violation.app && !violation.node) global.push(violation);
    }
    this.cachedCheck = {
      analysis,
      violations: analysis.violations,
      byNode,
      byApp,
      global,
      feasible: analysis.violations.length === 0,
    };
    return this.cachedCheck;
  }

  private mutate(change: (state: EditorState) => void): void {
    const before = cloneState(this.state);
    const next = cloneState(this.state);
    change(next);
    if (JSON.stringify(next) === JSON.stringify(before)) return;
    this.undoStack.push(before);
    if (this.undoStack.length > 200) this.undoStack.shift();
    this.redoStack.length = 0;
    this.state = next;
    this.changed();
  }

  private changed(): void {
    this.cachedCheck = null;
    for (const listener of this.listeners) listener();
  }
}
