// The rules of the board: what may stand on what, which kernel runs which app, what memory a build needs,
// and which architecture each app's path expresses. Pure functions over a level and a build; every broken
// rule becomes a RuleViolation with a stable reason code.

import {
  DEFAULT_APP_MEMORY_MIB,
  MEMORY_GIB,
} from './costs';
import type {
  AppSpec,
  Architecture,
  Build,
  BuildNode,
  Driver,
  Kernel,
  Level,
  Palette,
  Piece,
  Placement,
  RuleViolation,
  VmTemplate,
} from './types';
import { DRIVERS, PIECES } from './types';

/** How an app's instances are hosted. */
export type HostingKind = 'native' | 'container' | 'vm-process' | 'vm-per-instance';

/** Where one app runs, resolved against the build's nodes. */
export interface AppHosting {
  app: AppSpec;
  appIndex: number;
  kind: HostingKind;
  architecture: Architecture;
  /** The node the app is placed on. */
  placedOn: string;
  /** The kernel node its syscalls reach: a host-os or a vm node; null for per-instance VMs. */
  kernelNode: string | null;
  /** For containers: the engine node. */
  engineNode: string | null;
  /** The VM node (vm-process) or the template (vm-per-instance) that the app runs in, if any. */
  vmNode: string | null;
  template: VmTemplate | null;
  /** The hypervisor under the app's VM (node id), if any, and its type. */
  hypervisorNode: string | null;
  hypervisorType: 'type1' | 'type2' | null;
  /** The host-os node beneath everything, if the build has one. */
  hostNode: string | null;
}

export interface BuildAnalysis {
  nodes: Map<string, BuildNode>;
  rootNode: BuildNode | null;
  hostings: AppHosting[];
  violations: RuleViolation[];
  /** Memory at the start of the run (instances + warm spares), GiB. */
  memoryGiB: number;
}

/** The kernel family a node provides to what stands on it, or null if it provides none. */
export function kernelOfNode(nodes: Map<string, BuildNode>, nodeId: string): Kernel | null {
  // A loop, not recursion: container engines stacked thousands deep must not overflow the stack, and a
  // circle of engines (the validator rejects it; an editor might not) ends instead of spinning.
  const seen = new Set<string>();
  let node = nodes.get(nodeId);
  while (node && !seen.has(node.id)) {
    if (node.piece === 'host-os' || node.piece === 'vm') return node.kernel ?? null;
    if (node.piece !== 'container-engine') return null;
    seen.add(node.id);
    node = nodes.get(node.on);
  }
  return null;
}

/** The recognized architecture of an app hosted in a VM on a hypervisor of this type with this driver. */
export function vmArchitecture(hypervisorType: 'type1' | 'type2', driver: Driver): Architecture {
  if (hypervisorType === 'type2') return 'type2';
  return driver === 'para' ? 'type1-para' : 'type1-full';
}

/** Pieces each architecture needs; the default palette is the union over the allowed ones. */
export function piecesFor(architecture: Architecture, level: Level): Piece[] {
  switch (architecture) {
    case 'native':
      return ['host-os'];
    case 'container': {
      const needsUtilityVm = level.hostKernel === 'windows' && level.apps.some((app) => app.kernel === 'linux');
      const anyWindows = level.apps.some((app) => app.kernel === 'windows');
      const windowsHostWithLinux = !level.hostKernel && anyWindows && level.apps.some((app) => app.kernel === 'linux');
      return needsUtilityVm || windowsHostWithLinux
        ? ['host-os', 'container-engine', 'type2-hypervisor', 'vm']
        : ['host-os', 'container-engine'];
    }
    case 'type2':
      return ['host-os', 'type2-hypervisor', 'vm'];
    case 'type1-full':
    case 'type1-para':
      return ['type1-hypervisor', 'vm'];
    case 'container-in-vm':
      return ['type1-hypervisor', 'vm', 'container-engine'];
  }
}

/** The VM drivers a level offers: its `drivers`, or both. */
export function offeredDrivers(level: Pick<Level, 'drivers'>): readonly Driver[] {
  return level.drivers && level.drivers.length > 0 ? level.drivers : DRIVERS;
}

/** Whether the level offers a VM driver (palette, builds, `set-driver`). */
export function driverOffered(level: Pick<Level, 'drivers'>, driver: Driver): boolean {
  return offeredDrivers(level).includes(driver);
}

/** The driver a canonical build gives its VMs: `preferred` when the level offers it, else the one it offers. */
export function canonicalDriver(level: Pick<Level, 'drivers'>, preferred: Driver): Driver {
  return driverOffered(level, preferred) ? preferred : offeredDrivers(level)[0];
}

/** The palette in force: the level's, or what the allowed architectures need, unlimited. */
export function effectivePalette(level: Level): Palette {
  if (level.palette) return level.palette;
  const palette: Palette = {};
  for (const architecture of level.allow) {
    for (const piece of piecesFor(architecture, level)) palette[piece] = Number.POSITIVE_INFINITY;
  }
  return palette;
}

function appMemoryGiB(app: AppSpec): number {
  return (app.memoryMiB ?? DEFAULT_APP_MEMORY_MIB) / 1024;
}

/** Memory one running instance of an app costs, given how it is hosted (GiB), beyond shared layers. */
export function instanceMemoryGiB(hosting: Pick<AppHosting, 'kind' | 'template'>, app: AppSpec): number {
  switch (hosting.kind) {
    case 'native':
    case 'vm-process':
      return appMemoryGiB(app);
    case 'container':
      return appMemoryGiB(app) + MEMORY_GIB.containerOverhead;
    case 'vm-per-instance':
      return appMemoryGiB(app) + MEMORY_GIB.guestOs[hosting.template?.kernel ?? app.kernel] + MEMORY_GIB.vmMonitor;
  }
}

/** Memory of the build's own nodes (host OS, hypervisors, VMs, engines), GiB. */
export function nodeMemoryGiB(node: BuildNode): number {
  switch (node.piece) {
    case 'host-os':
      return MEMORY_GIB.hostOs[node.kernel ?? 'linux'];
    case 'type1-hypervisor':
      return MEMORY_GIB.type1Hypervisor;
    case 'type2-hypervisor':
      return MEMORY_GIB.type2Hypervisor;
    case 'vm':
      return MEMORY_GIB.guestOs[node.kernel ?? 'linux'] + MEMORY_GIB.vmMonitor;
    case 'container-engine':
      return MEMORY_GIB.containerEngine;
  }
}

/**
 * Resolves one placement into an AppHosting, or returns the violations that stop it. Used for the build's
 * placements and for `move` commands during a run.
 */
export function resolvePlacement(
  level: Level,
  nodes: Map<string, BuildNode>,
  app: AppSpec,
  appIndex: number,
  placement: Pick<Placement, 'on' | 'vm'>,
): { hosting: AppHosting | null; violations: RuleViolation[] } {
  const violations: RuleViolation[] = [];
  const target = nodes.get(placement.on);
  if (!target) {
    return { hosting: null, violations: [{ code: 'unknown-node', app: app.id, node: placement.on }] };
  }
  const hostNode = findHostNode(nodes, target.id);
  const base = {
    app,
    appIndex,
    placedOn: target.id,
    hostNode,
    engineNode: null as string | null,
    vmNode: null as string | null,
    template: null as VmTemplate | null,
    hypervisorNode: null as string | null,
    hypervisorType: null as 'type1' | 'type2' | null,
  };
  const hypervisorBelow = (nodeId: string): BuildNode | null => {
    const vm = nodes.get(nodeId);
    const hypervisor = vm ? nodes.get(vm.on) : undefined;
    return hypervisor && (hypervisor.piece === 'type1-hypervisor' || hypervisor.piece === 'type2-hypervisor')
      ? hypervisor
      : null;
  };
  const kernelCheck = (kernel: Kernel | null, nodeId: string) => {
    if (kernel && kernel !== app.kernel) {
      violations.push({ code: 'kernel-mismatch', app: app.id, node: nodeId, params: { appKernel: app.kernel, nodeKernel: kernel } });
    }
  };

  if (placement.vm && target.piece !== 'type1-hypervisor' && target.piece !== 'type2-hypervisor') {
    violations.push({ code: 'cannot-host-app', app: app.id, node: target.id, params: { piece: target.piece } });
    return { hosting: null, violations };
  }
  switch (target.piece) {
    case 'host-os': {
      kernelCheck(target.kernel ?? null, target.id);
      return {
        hosting: { ...base, kind: 'native', architecture: 'native', kernelNode: target.id },
        violations,
      };
    }
    case 'container-engine': {
      const kernelNode = nodes.get(target.on);
      kernelCheck(kernelOfNode(nodes, target.id), target.id);
      let architecture: Architecture = 'container';
      let hypervisorNode: string | null = null;
      let hypervisorType: 'type1' | 'type2' | null = null;
      let vmNode: string | null = null;
      if (kernelNode?.piece === 'vm') {
        vmNode = kernelNode.id;
        const hypervisor = hypervisorBelow(kernelNode.id);
        if (hypervisor) {
          hypervisorNode = hypervisor.id;
          hypervisorType = hypervisor.piece === 'type1-hypervisor' ? 'type1' : 'type2';
        }
      }
      // Containers in a VM on a Type-1 hypervisor have a VM's wall around them: `container-in-vm`. In a VM on
      // a Type-2 hypervisor they stay `container`: that is the Linux utility VM a desktop host starts for
      // containers of the other family (WSL 2, Docker Desktop; contracts.md §1c).
      architecture = hypervisorType === 'type1' ? 'container-in-vm' : 'container';
      return {
        hosting: {
          ...base,
          kind: 'container',
          architecture,
          kernelNode: kernelNode ? kernelNode.id : null,
          engineNode: target.id,
          vmNode,
          hypervisorNode,
          hypervisorType,
        },
        violations,
      };
    }
    case 'vm': {
      kernelCheck(target.kernel ?? null, target.id);
      const hypervisor = hypervisorBelow(target.id);
      const hypervisorType = hypervisor?.piece === 'type1-hypervisor' ? 'type1' : 'type2';
      return {
        hosting: {
          ...base,
          kind: 'vm-process',
          architecture: vmArchitecture(hypervisorType, target.driver ?? 'emulated'),
          kernelNode: target.id,
          vmNode: target.id,
          hypervisorNode: hypervisor?.id ?? null,
          hypervisorType,
        },
        violations,
      };
    }
    case 'type1-hypervisor':
    case 'type2-hypervisor': {
      if (!placement.vm) {
        violations.push({ code: 'cannot-host-app', app: app.id, node: target.id, params: { piece: target.piece } });
        return { hosting: null, violations };
      }
      kernelCheck(placement.vm.kernel, target.id);
      const hypervisorType = target.piece === 'type1-hypervisor' ? 'type1' : 'type2';
      return {
        hosting: {
          ...base,
          kind: 'vm-per-instance',
          architecture: vmArchitecture(hypervisorType, placement.vm.driver),
          kernelNode: null,
          template: { kernel: placement.vm.kernel, driver: placement.vm.driver },
          hypervisorNode: target.id,
          hypervisorType,
        },
        violations,
      };
    }
  }
}

function findHostNode(nodes: Map<string, BuildNode>, nodeId: string): string | null {
  let current = nodes.get(nodeId);
  const seen = new Set<string>();
  while (current && !seen.has(current.id)) {
    seen.add(current.id);
    if (current.piece === 'host-os') return current.id;
    if (current.on === 'hardware') return null;
    current = nodes.get(current.on);
  }
  return null;
}

/** Checks what may stand on what (design.md "Rules"). */
function checkStacking(level: Level, build: Build, nodes: Map<string, BuildNode>): RuleViolation[] {
  const violations: RuleViolation[] = [];
  const onHardware = build.nodes.filter((node) => node.on === 'hardware');
  if (onHardware.length > 1) {
    for (const node of onHardware.slice(1)) violations.push({ code: 'hardware-occupied', node: node.id });
  }
  for (const node of build.nodes) {
    const below = node.on === 'hardware' ? null : nodes.get(node.on);
    if (node.on !== 'hardware' && !below) {
      violations.push({ code: 'unknown-node', node: node.id, params: { on: node.on } });
      continue;
    }
    switch (node.piece) {
      case 'host-os':
      case 'type1-hypervisor':
        if (below) violations.push({ code: 'needs-bare-hardware', node: node.id, params: { on: below.piece } });
        break;
      case 'type2-hypervisor':
        if (below?.piece !== 'host-os') violations.push({ code: 'needs-host-os', node: node.id });
        break;
      case 'vm':
        if (below?.piece !== 'type1-hypervisor' && below?.piece !== 'type2-hypervisor') {
          violations.push({ code: 'needs-hypervisor', node: node.id });
        }
        break;
      case 'container-engine':
        if (below?.piece !== 'host-os' && below?.piece !== 'vm') violations.push({ code: 'needs-kernel', node: node.id });
        break;
    }
  }
  if (level.hostKernel) {
    const root = onHardware[0];
    if (root?.piece === 'type1-hypervisor') {
      violations.push({ code: 'type1-forbidden', node: root.id, params: { kernel: level.hostKernel } });
    } else if (!root || root.piece !== 'host-os' || root.kernel !== level.hostKernel) {
      violations.push({ code: 'host-os-required', node: root?.id, params: { kernel: level.hostKernel } });
    }
  }
  return violations;
}

/** Counts pieces against the palette; VMs made from templates count once per initial instance. */
function checkPalette(level: Level, build: Build, hostings: AppHosting[]): RuleViolation[] {
  const palette = effectivePalette(level);
  const counts: Record<Piece, number> = {
    'host-os': 0,
    'type1-hypervisor': 0,
    'type2-hypervisor': 0,
    vm: 0,
    'container-engine': 0,
  };
  for (const node of build.nodes) counts[node.piece] += 1;
  for (const hosting of hostings) if (hosting.kind === 'vm-per-instance') counts.vm += hosting.app.instances;
  const violations: RuleViolation[] = [];
  for (const piece of PIECES) {
    const allowed = palette[piece] ?? 0;
    if (counts[piece] > allowed) {
      violations.push({ code: 'palette-exceeded', params: { piece, used: counts[piece], allowed } });
    }
  }
  return violations;
}

/** Every VM node and VM template must use a driver the level offers (`drivers`). */
function checkDrivers(level: Level, build: Build): RuleViolation[] {
  if (!level.drivers) return [];
  const violations: RuleViolation[] = [];
  for (const node of build.nodes) {
    if (node.piece === 'vm' && node.driver && !driverOffered(level, node.driver)) {
      violations.push({ code: 'driver-not-offered', node: node.id, params: { driver: node.driver } });
    }
  }
  for (const placement of build.placements) {
    if (placement.vm && !driverOffered(level, placement.vm.driver)) {
      violations.push({ code: 'driver-not-offered', app: placement.app, node: placement.on, params: { driver: placement.vm.driver } });
    }
  }
  return violations;
}

/** Memory at the start: every node, every initial instance and every warm spare. */
export function startMemoryGiB(build: Build, hostings: AppHosting[]): number {
  let total = 0;
  for (const node of build.nodes) total += nodeMemoryGiB(node);
  for (const hosting of hostings) {
    const spares = build.provisioning?.find((entry) => entry.app === hosting.app.id)?.warmSpares ?? 0;
    total += (hosting.app.instances + spares) * instanceMemoryGiB(hosting, hosting.app);
  }
  return total;
}

/** Resolves a build against a level and lists every broken rule. */
export function analyzeBuild(level: Level, build: Build): BuildAnalysis {
  const nodes = new Map<string, BuildNode>();
  for (const node of build.nodes) nodes.set(node.id, node);
  const violations: RuleViolation[] = checkStacking(level, build, nodes);
  const hostings: AppHosting[] = [];
  const placedApps = new Set<string>();
  for (const placement of build.placements) {
    const appIndex = level.apps.findIndex((app) => app.id === placement.app);
    if (appIndex < 0) {
      violations.push({ code: 'unknown-app', app: placement.app });
      continue;
    }
    if (placedApps.has(placement.app)) {
      violations.push({ code: 'duplicate-placement', app: placement.app });
      continue;
    }
    placedApps.add(placement.app);
    const resolved = resolvePlacement(level, nodes, level.apps[appIndex], appIndex, placement);
    violations.push(...resolved.violations);
    if (resolved.hosting) hostings.push(resolved.hosting);
  }
  for (const app of level.apps) {
    if (!placedApps.has(app.id)) violations.push({ code: 'unplaced-app', app: app.id });
  }
  for (const hosting of hostings) {
    if (!level.allow.includes(hosting.architecture)) {
      violations.push({ code: 'arch-not-allowed', app: hosting.app.id, params: { arch: hosting.architecture } });
    }
  }
  violations.push(...checkPalette(level, build, hostings));
  violations.push(...checkDrivers(level, build));
  const memoryGiB = startMemoryGiB(build, hostings);
  if (memoryGiB > level.hardware.memoryGiB + 1e-9) {
    violations.push({
      code: 'memory-exceeded',
      params: { usedGiB: round2(memoryGiB), memoryGiB: level.hardware.memoryGiB },
    });
  }
  hostings.sort((left, right) => left.appIndex - right.appIndex);
  return {
    nodes,
    rootNode: build.nodes.find((node) => node.on === 'hardware') ?? null,
    hostings,
    violations,
    memoryGiB,
  };
}

export function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

/** The architecture a build expresses: the one all apps share, or `mixed`. */
export function buildArchitecture(hostings: AppHosting[]): Architecture | 'mixed' {
  const kinds = new Set(hostings.map((hosting) => hosting.architecture));
  if (kinds.size === 1) return hostings[0].architecture;
  return 'mixed';
}
