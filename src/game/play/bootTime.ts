// The build phase's boot-time readout: how long one new instance of each app takes to start, computed the
// with the engine's own boot model (src/sim/bootModel.ts): the image pull when the image is neither cached
// nor pre-pulled (size × 8 ÷ registry speed), then the start of a process, a container or a whole VM.
import type { AppHosting, HostingKind } from '../../sim/topology';
import type { Architecture, Build, Level } from '../../sim/types';

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

// The boot model itself lives with the engine (src/sim/bootModel.ts); the readout re-exports it.
export { pullSecondsFor, startSecondsFor } from '../../sim/bootModel';
import { pullSecondsFor, startSecondsFor } from '../../sim/bootModel';

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
