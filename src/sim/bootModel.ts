// How long a new instance takes to run: the image pull (once per machine) and the start of a process,
// a container or a whole VM. One place for the engine and for the game's build-phase readout.

import { DEFAULT_IMAGE_MB, DEFAULT_REGISTRY_MBPS, START_SECONDS } from './costs';
import type { AppHosting } from './topology';
import type { AppSpec, Level } from './types';

/** Seconds to download an app's image from the registry: size × 8 ÷ registry speed. */
export function pullSecondsFor(level: Level, app: AppSpec): number {
  const sizeMB = app.image?.sizeMB ?? DEFAULT_IMAGE_MB[app.kernel];
  const mbps = level.hardware.registryMbps ?? DEFAULT_REGISTRY_MBPS;
  return (sizeMB * 8) / mbps;
}

/** Seconds one new instance takes to start once its image is on the machine (START_SECONDS in costs.ts). */
export function startSecondsFor(hosting: Pick<AppHosting, 'kind' | 'app' | 'template' | 'hypervisorType'>): number {
  switch (hosting.kind) {
    case 'native':
    case 'vm-process':
      return START_SECONDS.process;
    case 'container':
      return START_SECONDS.container[hosting.app.kernel];
    case 'vm-per-instance': {
      const kernel = hosting.template?.kernel ?? hosting.app.kernel;
      return hosting.hypervisorType === 'type2' ? START_SECONDS.vmType2[kernel] : START_SECONDS.vmType1[kernel];
    }
  }
}
