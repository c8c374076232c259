// The canonical build of each architecture for a level (contracts.md §1c): what `--arch NAME` simulates,
// and what the ranking compares. No provisioning, no commands.

import type { Architecture, Build, BuildNode, Kernel, Level, Placement } from './types';
import { BUILD_FORMAT } from './types';

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
        nodes.push({ id: 'utility-vm', piece: 'vm', on: 'utility-hypervisor', kernel: 'linux', driver: 'para' });
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
        placements.push({ app: app.id, on: 'hypervisor', vm: { kernel: app.kernel, driver: 'emulated' } });
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
  }
  return { format: BUILD_FORMAT, level: level.id, nodes, placements };
}
