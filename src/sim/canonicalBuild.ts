// The canonical build of each architecture for a level (contracts.md §1c): what `--arch NAME` simulates,
// and what the ranking compares. No provisioning, no commands. VMs use the driver the architecture names,
// or, where the level's `drivers` leave a choice to the build, the one it offers (para for the Linux
// utility VM and container-in-vm, emulated for type2, as on a desktop product's defaults).

import type { Architecture, Build, BuildNode, Kernel, Level, Placement } from './types';
import { BUILD_FORMAT } from './types';
import { canonicalDriver } from './topology';

function hasKernel(level: Level, kernel: Kernel): boolean {
  return level.apps.some((app) => app.kernel === kernel);
}

export function canonicalBuild(level: Level, architecture: Architecture): Build {
  const nodes: BuildNode[] = [];
  const placements: Placement[] = [];
  switch (architecture) {
    case 'native': {
      // Apps of both families cannot share one host OS: the build is made anyway and the rule checker
      // reports kernel-mismatch for the apps of the other family.
      const kernel: Kernel = level.hostKernel ?? level.apps[0].kernel;
      nodes.push({ id: 'host', piece: 'host-os', on: 'hardware', kernel });
      for (const app of level.apps) placements.push({ app: app.id, on: 'host' });
      break;
    }
    case 'container': {
      const kernel: Kernel = level.hostKernel ?? (hasKernel(level, 'windows') ? 'windows' : 'linux');
      nodes.push({ id: 'host', piece: 'host-os', on: 'hardware', kernel });
      nodes.push({ id: 'engine', piece: 'container-engine', on: 'host' });
      const needsUtilityVm = kernel === 'windows' && hasKernel(level, 'linux');
      if (needsUtilityVm) {
        nodes.push({ id: 'utility-hypervisor', piece: 'type2-hypervisor', on: 'host' });
        nodes.push({ id: 'utility-vm', piece: 'vm', on: 'utility-hypervisor', kernel: 'linux', driver: canonicalDriver(level, 'para') });
        nodes.push({ id: 'utility-engine', piece: 'container-engine', on: 'utility-vm' });
      }
      for (const app of level.apps) {
        const onLinuxUtility = needsUtilityVm && app.kernel === 'linux';
        placements.push({ app: app.id, on: onLinuxUtility ? 'utility-engine' : 'engine' });
      }
      break;
    }
    case 'type2': {
      const allWindows = level.apps.every((app) => app.kernel === 'windows');
      const kernel: Kernel = level.hostKernel ?? (allWindows ? 'windows' : 'linux');
      nodes.push({ id: 'host', piece: 'host-os', on: 'hardware', kernel });
      nodes.push({ id: 'hypervisor', piece: 'type2-hypervisor', on: 'host' });
      for (const app of level.apps) {
        placements.push({ app: app.id, on: 'hypervisor', vm: { kernel: app.kernel, driver: canonicalDriver(level, 'emulated') } });
      }
      break;
    }
    case 'type1-full':
    case 'type1-para': {
      const driver = architecture === 'type1-para' ? 'para' : 'emulated';
      nodes.push({ id: 'hypervisor', piece: 'type1-hypervisor', on: 'hardware' });
      for (const app of level.apps) {
        placements.push({ app: app.id, on: 'hypervisor', vm: { kernel: app.kernel, driver } });
      }
      break;
    }
    case 'container-in-vm': {
      // One VM per tenant (one per tenant and kernel family, when a tenant has both) on a Type-1
      // hypervisor, para-virtual where the level offers it, with a container engine inside each; every app
      // in its tenant's engine. Levels that keep a host OS (hostKernel) may not allow this architecture.
      nodes.push({ id: 'hypervisor', piece: 'type1-hypervisor', on: 'hardware' });
      const engines = new Map<string, string>();
      for (const app of level.apps) {
        const key = `${app.tenant}\u0000${app.kernel}`;
        let engine = engines.get(key);
        if (!engine) {
          const index = engines.size + 1;
          engine = `engine-${index}`;
          engines.set(key, engine);
          nodes.push({ id: `vm-${index}`, piece: 'vm', on: 'hypervisor', kernel: app.kernel, driver: canonicalDriver(level, 'para') });
          nodes.push({ id: engine, piece: 'container-engine', on: `vm-${index}` });
        }
        placements.push({ app: app.id, on: engine });
      }
      break;
    }
  }
  return { format: BUILD_FORMAT, level: level.id, nodes, placements };
}
