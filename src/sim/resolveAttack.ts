// How far an attack reaches, given where every app runs now: the boundaries of the build decide, not the
// player's clicks. Pure: the same placements, threat and seed give the same victims in the same order.

import { VM_ESCAPE_CHANCE } from './costs';
import type { Boundary } from './events';
import { uniformFor } from './random';
import type { AppHosting } from './topology';
import type { BuildNode, Driver, Level, Threat } from './types';

export interface AttackVictim {
  tenant: string;
  boundary: Boundary;
}

export interface AttackReach {
  /** Tenants reached, in the order the attack spreads to them; never the attacker's own tenant. */
  victims: AttackVictim[];
  /** Why nothing (more) was reached, when a boundary held: a stable code for the debrief. */
  containedBy: string | null;
  /** For vm-escape: whether the escape roll succeeded. */
  escaped?: boolean;
}

/** The driver of the VM an app runs in (its VM node's, or its template's), or null outside a VM. */
export function vmDriverOf(hosting: AppHosting, nodes: Map<string, BuildNode>): Driver | null {
  if (hosting.kind === 'vm-per-instance') return hosting.template?.driver ?? null;
  if (hosting.vmNode) return nodes.get(hosting.vmNode)?.driver ?? null;
  return null;
}

/** The chance that a VM escape succeeds from this app's VM. */
export function vmEscapeChance(hosting: AppHosting, nodes: Map<string, BuildNode>): number {
  const driver = vmDriverOf(hosting, nodes);
  if (!driver || !hosting.hypervisorType) return 0;
  return VM_ESCAPE_CHANCE[hosting.hypervisorType][driver === 'para' ? 'para' : 'emulated'];
}

/** Every app that a taken-over kernel exposes: all apps on it and, for a host OS, everything above it. */
function exposedByKernel(kernelNode: string, nodes: Map<string, BuildNode>, hostings: AppHosting[]): AppHosting[] {
  const node = nodes.get(kernelNode);
  if (node?.piece === 'host-os') return hostings.filter((hosting) => hosting.hostNode === kernelNode);
  return hostings.filter((hosting) => hosting.kernelNode === kernelNode);
}

/** Everything behind a device backend: all VMs of the hypervisor and, for Type-2, its whole host. */
function exposedByHypervisor(
  hypervisorNode: string,
  nodes: Map<string, BuildNode>,
  hostings: AppHosting[],
): AppHosting[] {
  const hypervisor = nodes.get(hypervisorNode);
  if (hypervisor?.piece === 'type2-hypervisor') {
    return hostings.filter((hosting) => hosting.hostNode === hypervisor.on);
  }
  return hostings.filter((hosting) => hosting.hypervisorNode === hypervisorNode);
}

export function resolveAttack(
  level: Level,
  threat: Threat,
  threatIndex: number,
  seed: number,
  nodes: Map<string, BuildNode>,
  hostings: AppHosting[],
  rootNode: BuildNode | null,
): AttackReach {
  const victims: AttackVictim[] = [];
  const seen = new Set<string>();
  const attackerTenant =
    threat.kind === 'host-compromise' ? null : level.apps.find((app) => app.id === threat.app)?.tenant ?? null;
  const addAll = (apps: AppHosting[], boundary: Boundary) => {
    for (const hosting of apps) {
      const tenant = hosting.app.tenant;
      if (tenant === attackerTenant || seen.has(tenant)) continue;
      seen.add(tenant);
      victims.push({ tenant, boundary });
    }
  };

  if (threat.kind === 'host-compromise') {
    if (rootNode?.piece !== 'host-os') return { victims, containedBy: 'no-host-os' };
    addAll(hostings, 'host-os');
    return { victims, containedBy: null };
  }

  const attacker = hostings.find((hosting) => hosting.app.id === threat.app);
  if (!attacker) return { victims, containedBy: 'no-attacker' };

  switch (threat.kind) {
    case 'snoop': {
      // Processes on one OS have their own address spaces, and files are guarded by users and
      // permissions; what native apps share is one filesystem, process list, network and kernel, so an
      // app that runs as the same user as its neighbours, or gains root, reads their data. The game
      // assumes that (no separate exploit step). A container's namespaces (and cgroups) or a VM keep the
      // attacker from seeing its neighbours at all.
      if (attacker.kind === 'container' || attacker.kind === 'vm-per-instance') {
        return { victims, containedBy: attacker.kind === 'container' ? 'container' : 'vm' };
      }
      const neighbours = hostings.filter(
        (hosting) =>
          hosting.kernelNode === attacker.kernelNode && (hosting.kind === 'native' || hosting.kind === 'vm-process'),
      );
      addAll(neighbours, 'none');
      return { victims, containedBy: victims.length === 0 ? 'isolated' : null };
    }
    case 'container-escape': {
      if (attacker.kind !== 'container' || !attacker.kernelNode) return { victims, containedBy: 'not-in-container' };
      addAll(exposedByKernel(attacker.kernelNode, nodes, hostings), 'container');
      return { victims, containedBy: attacker.vmNode ? 'vm' : null };
    }
    case 'kernel-exploit':
    case 'vm-escape': {
      const kernelBoundary: Boundary = attacker.kernelNode && nodes.get(attacker.kernelNode)?.piece === 'vm'
        ? 'guest-kernel'
        : attacker.kind === 'vm-per-instance'
          ? 'guest-kernel'
          : 'shared-kernel';
      if (attacker.kernelNode) addAll(exposedByKernel(attacker.kernelNode, nodes, hostings), kernelBoundary);
      const inVm = attacker.kind === 'vm-per-instance' || attacker.vmNode !== null;
      if (threat.kind === 'kernel-exploit') {
        return { victims, containedBy: inVm ? 'vm' : null };
      }
      if (!inVm || !attacker.hypervisorNode) return { victims, containedBy: null };
      const chance = vmEscapeChance(attacker, nodes);
      const roll = uniformFor(seed, `threat:${threat.kind}:${threat.app ?? ''}`, threatIndex);
      if (roll >= chance) return { victims, containedBy: 'hypervisor', escaped: false };
      addAll(exposedByHypervisor(attacker.hypervisorNode, nodes, hostings), 'hypervisor');
      return { victims, containedBy: null, escaped: true };
    }
  }
}
