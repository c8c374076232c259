// The work budget of one run (issue 15): how much a level — and a build run on it — may ask the engine
// to do, so that no outside file (a course page, a student's link, a shared level) can keep the engine
// busy for long. Three figures bound a run's work; each is computed from the data alone, before any run:
//
// - packets per run: durationSeconds × Σ over apps of (io.disk + io.net + io.syscall) × the app's peak
//   instances (the most it ever asks for: at the start, in a burst, or in a build's scale command);
// - peak instances: Σ over apps of the peak instances plus a build's warm spares (the board's lanes and
//   the engine's per-instance work);
// - instance-seconds: peak instances × durationSeconds (the engine's per-tick work);
// - events: bursts + threats (each is timeline work; an attack's reach is resolved when it starts).
//
// The limits are in bounds.ts and docs/level-format.md ("Work budget"); tests/sim/workBudget.test.ts
// prints every built-in level's margin under each. validateLevel and validateBuild (with a level) call
// checkWorkBudget once the file is otherwise valid, so the data here is well-typed.
import { MAX_RUN_EVENTS, MAX_RUN_INSTANCES, MAX_RUN_INSTANCE_SECONDS, MAX_RUN_PACKETS } from './bounds';
import type { Build, Level } from './types';
import type { ErrorList } from './validation';

export interface RunWork {
  /** Packets the run may emit at most (see above). */
  packets: number;
  /** Instances at the peak, warm spares included. */
  instances: number;
  /** Peak instances × durationSeconds. */
  instanceSeconds: number;
  /** Bursts + threats. */
  events: number;
  /** Per app: its index in `apps`, its peak instances, and where that peak is asked for (a JSON path). */
  apps: Array<{ index: number; id: string; peak: number; peakPath: string; packets: number }>;
  /** Where the build's warm spares are set (for messages), and how many. */
  spares: number;
}

function ioSum(io: Level['apps'][number]['io'] | undefined): number {
  if (!io) return 0;
  return (io.disk ?? 0) + (io.net ?? 0) + (io.syscall ?? 0);
}

/**
 * The run's work for `level`, and for `build` run on it if given. `buildPath` prefixes the build's paths
 * (`reference` when the build is a level's reference, "" for a build file).
 */
export function runWork(level: Level, build?: Build, buildPath = ''): RunWork {
  const prefix = buildPath === '' ? '' : `${buildPath}.`;
  const apps = level.apps.map((app, index) => ({ index, id: app.id, peak: app.instances, peakPath: `apps[${index}].instances`, packets: 0 }));
  const byId = new Map(apps.map((entry) => [entry.id, entry]));
  (level.bursts ?? []).forEach((burst, index) => {
    const entry = byId.get(burst.app);
    if (entry && burst.instances > entry.peak) {
      entry.peak = burst.instances;
      entry.peakPath = `bursts[${index}].instances`;
    }
  });
  let spares = 0;
  if (build) {
    (build.commands ?? []).forEach((command, index) => {
      if (command.op !== 'scale') return;
      const entry = byId.get(command.app);
      if (entry && command.instances > entry.peak) {
        entry.peak = command.instances;
        entry.peakPath = `${prefix}commands[${index}].instances`;
      }
    });
    for (const provisioning of build.provisioning ?? []) spares += provisioning.warmSpares ?? 0;
  }
  let rate = 0;
  let instances = spares;
  for (const entry of apps) {
    const appRate = ioSum(level.apps[entry.index]?.io) * entry.peak;
    entry.packets = appRate * level.durationSeconds;
    rate += appRate;
    instances += entry.peak;
  }
  return { packets: rate * level.durationSeconds, instances, instanceSeconds: instances * level.durationSeconds, events: (level.bursts ?? []).length + (level.threats ?? []).length, apps, spares };
}

function biggest(work: RunWork, by: (entry: RunWork['apps'][number]) => number): RunWork['apps'][number] | undefined {
  let best: RunWork['apps'][number] | undefined;
  for (const entry of work.apps) if (!best || by(entry) > by(best)) best = entry;
  return best;
}

const format = (value: number): string => Math.round(value).toLocaleString('en-US');

/**
 * Records an error for every figure of the run's work over its limit, with the rule, the limit and the
 * figure in params. Without a build the path is the level's field that contributes most (the app whose io
 * and instances ask for the most packets, the field that asks for the largest app's peak instances, or
 * durationSeconds). With a build (a build file, or `reference` at `buildPath`) only what the build adds is
 * reported — a level over its budget is the level's error — at the build's scale command or its provisioning.
 */
export function checkWorkBudget(level: Level, errors: ErrorList, build?: Build, buildPath = ''): void {
  if (build !== undefined && !withinWorkBudget(runWork(level))) return;
  const work = runWork(level, build, buildPath);
  const prefix = buildPath === '' ? '' : `${buildPath}.`;
  const inBuild = (path: string): boolean => path.startsWith(`${prefix}commands[`);
  if (work.packets > MAX_RUN_PACKETS) {
    const top = biggest(work, (entry) => entry.packets);
    const path = build === undefined ? (top === undefined ? 'apps' : `apps[${top.index}].io`) : top !== undefined && inBuild(top.peakPath) ? top.peakPath : `${prefix}commands`;
    errors.add(
      path,
      'constraint',
      `A run of this level asks for ${format(work.packets)} packets (durationSeconds × every app's io × its most instances); at most ${format(MAX_RUN_PACKETS)} are allowed. Lower the io, the instances or the duration.`,
      { rule: 'run-packets', max: MAX_RUN_PACKETS, actual: Math.round(work.packets) },
    );
  }
  if (work.instances > MAX_RUN_INSTANCES) {
    const top = biggest(work, (entry) => entry.peak);
    const path = build === undefined ? (top?.peakPath ?? 'apps') : top !== undefined && inBuild(top.peakPath) ? top.peakPath : `${prefix}provisioning`;
    errors.add(
      path,
      'constraint',
      `A run of this level asks for ${format(work.instances)} instances at its peak (every app's most instances${build ? ', and the warm spares' : ''}); at most ${format(MAX_RUN_INSTANCES)} are allowed.`,
      { rule: 'run-instances', max: MAX_RUN_INSTANCES, actual: work.instances },
    );
  } else if (work.instanceSeconds > MAX_RUN_INSTANCE_SECONDS) {
    const top = biggest(work, (entry) => entry.peak);
    const path = build === undefined ? 'durationSeconds' : top !== undefined && inBuild(top.peakPath) ? top.peakPath : `${prefix}provisioning`;
    errors.add(
      path,
      'constraint',
      `A run of this level asks for ${format(work.instanceSeconds)} instance-seconds (its most instances, ${format(work.instances)}, × durationSeconds); at most ${format(MAX_RUN_INSTANCE_SECONDS)} are allowed. Shorten the run or use fewer instances.`,
      { rule: 'run-instance-seconds', max: MAX_RUN_INSTANCE_SECONDS, actual: Math.round(work.instanceSeconds) },
    );
  }
  if (build === undefined && work.events > MAX_RUN_EVENTS) {
    const path = (level.threats ?? []).length >= (level.bursts ?? []).length ? 'threats' : 'bursts';
    errors.add(path, 'constraint', `This level has ${format(work.events)} bursts and threats in all; at most ${format(MAX_RUN_EVENTS)} are allowed.`, {
      rule: 'run-events',
      max: MAX_RUN_EVENTS,
      actual: work.events,
    });
  }
}

/** Whether every figure of `work` is within its limit. */
export function withinWorkBudget(work: RunWork): boolean {
  return work.packets <= MAX_RUN_PACKETS && work.instances <= MAX_RUN_INSTANCES && work.instanceSeconds <= MAX_RUN_INSTANCE_SECONDS && work.events <= MAX_RUN_EVENTS;
}
