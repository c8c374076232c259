// The build phase's boot-time readout: how long one new instance of each app takes to start, computed the
// way the engine does it (src/sim/Simulation.ts): the image pull when the image is neither cached nor
// pre-pulled (size × 8 ÷ registry speed), then the start of a process, a container or a whole VM.
import { DEFAULT_IMAGE_MB, DEFAULT_REGISTRY_MBPS, START_SECONDS } from '../../sim/costs';
import type { AppHosting, HostingKind } from '../../sim/topology';
import type { AppSpec, Architecture, Build, Level } from '../../sim/types';

export interface BootEstimate {
  app: string;
  kind: HostingKind;
  architecture: Architecture;
  /** Seconds to start once the image is on the machine. */
  startSeconds: number;
  /** Seconds to download the image first (0 when cached or pre-pulled). */
  pullSeconds: number;
  totalSeconds: number;
  /** The image is cached on the machine or pre-pulled by provisioning. */
  imageReady: boolean;
}

/** Seconds to download an app's image from the registry. */
export function pullSecondsFor(level: Level, app: AppSpec): number {
  const sizeMB = app.image?.sizeMB ?? DEFAULT_IMAGE_MB[app.kernel];
  const mbps = level.hardware.registryMbps ?? DEFAULT_REGISTRY_MBPS;
  return (sizeMB * 8) / mbps;
}

/** Seconds one new instance takes to start, by how the app is hosted (START_SECONDS in costs.ts). */
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

/** One estimate per hosted app, in the level's app order. */
export function bootEstimates(level: Level, build: Pick<Build, 'provisioning'>, hostings: readonly AppHosting[]): BootEstimate[] {
  return hostings.map((hosting) => {
    const app = hosting.app;
    const prePulled = build.provisioning?.some((entry) => entry.app === app.id && entry.prePull) ?? false;
    const imageReady = Boolean(app.image?.cached) || prePulled;
    const startSeconds = startSecondsFor(hosting);
    const pullSeconds = imageReady ? 0 : pullSecondsFor(level, app);
    return {
      app: app.id,
      kind: hosting.kind,
      architecture: hosting.architecture,
      startSeconds,
      pullSeconds,
      totalSeconds: startSeconds + pullSeconds,
      imageReady,
    };
  });
}

/** A short number of seconds for a readout: "0.5", "20", "1.2". */
export function formatSeconds(seconds: number): string {
  if (seconds >= 10) return String(Math.round(seconds));
  return String(Math.round(seconds * 10) / 10);
}
