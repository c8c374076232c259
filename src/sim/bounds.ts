// The upper (and a few lower) bounds on what an outside level or build may ask for, in one place. They
// are far beyond any real level (the campaign's largest io rate is 8 packets per second, its largest
// build 5 nodes), and they keep every valid input inside what the engine and the scoring can compute:
// the engine's packet cap is never reached, and every number the CLI prints stays finite.
// docs/level-format.md lists them; docs/level.schema.json and docs/build.schema.json carry them too.

/** Packets per second per instance of one kind (`apps[].io.disk|net|syscall`; the contract's example asks 200). */
export const MAX_IO_RATE = 1000;
/**
 * The level's total io: the sum over every app of disk + net + syscall. With at most MAX_INSTANCES
 * instances per app this offers at most 1,000,000 packets per second, which stays under the engine's
 * 4,194,304 packets in flight (queues drop what waits longer than 2.5 s): a 30-second run of every
 * architecture at that load, on one kind or spread over all three, ran to the end (issue 18), and
 * tests/sim/bounds.test.ts runs it again.
 */
export const MAX_LEVEL_IO = 1000;
/** Objective weights (`objectives.security|speed|scale`). */
export const MAX_OBJECTIVE_WEIGHT = 1000;
/** `apps[].computeUs`: the app's own compute per request, µs (one second: far beyond any request the game models). */
export const MAX_COMPUTE_US = 1_000_000;
/** `hardware.cores`. */
export const MAX_CORES = 4096;
/** `hardware.memoryGiB` (1 PiB). */
export const MAX_MEMORY_GIB = 1_048_576;
/** `apps[].memoryMiB` (1 TiB). */
export const MAX_APP_MEMORY_MIB = 1_048_576;
/** `hardware.registryMbps`: from 0.01 Mbit/s to 1 Tbit/s. */
export const MIN_REGISTRY_MBPS = 0.01;
export const MAX_REGISTRY_MBPS = 1_000_000;
/** `apps[].image.sizeMB` (1 TB). */
export const MAX_IMAGE_MB = 1_000_000;
/** `bursts[].deadlineSeconds`: at most an hour, the longest run. */
export const MAX_DEADLINE_SECONDS = 3600;
/** Apps in a level. */
export const MAX_APPS = 64;
/** Nodes in a build (the campaign's builds have at most 5). */
export const MAX_NODES = 256;
/** Items in each other list of a level or build (bursts, threats, placements, provisioning, commands). */
export const MAX_LIST_ITEMS = 10_000;
/** `commands[].atMs`: within the longest run. */
export const MAX_COMMAND_AT_MS = 3_600_000;
/** `palette` counts. */
export const MAX_PALETTE_COUNT = MAX_NODES;

/** How deeply arrays and objects may nest in a level or build file (real files nest 5 deep). */
export const MAX_JSON_DEPTH = 64;
/** The largest level or build file the command line reads (real ones are a few KB). */
export const MAX_FILE_BYTES = 16 * 1024 * 1024;

// The work budget of one run (src/sim/workBudget.ts; docs/level-format.md, "Work budget"). The built-in
// levels stay far inside (tests/sim/workBudget.test.ts prints the margins: at most 1,476 packets, 16
// instances, 640 instance-seconds and 3 bursts and threats; contracts.md's example level asks for 218,400
// packets), and `--rank` of the heaviest level these allow stays under 2 s
// (`BENCH_ONLY=engine`, figure `worstRankMs`).
/** Packets per run: durationSeconds × Σ over apps of (disk + net + syscall) × the app's peak instances. */
export const MAX_RUN_PACKETS = 250_000;
/** Peak instances: Σ over apps of the most instances each asks for (start, bursts, scale commands), plus warm spares. */
export const MAX_RUN_INSTANCES = 256;
/** Peak instances × durationSeconds. */
export const MAX_RUN_INSTANCE_SECONDS = 6_000;
/** Bursts plus threats: each is work for the engine's timeline (an attack's reach is resolved when it starts). */
export const MAX_RUN_EVENTS = 200;
