// The data shapes of the engine: levels (`kernel-courier/level@1`), builds (`kernel-courier/build@1`),
// and the constants they name. These mirror ../shared/contracts.md §1 exactly; optional additions only.

export const LEVEL_FORMAT = 'kernel-courier/level@1' as const;
export const BUILD_FORMAT = 'kernel-courier/build@1' as const;

export const KERNELS = ['linux', 'windows'] as const;
export type Kernel = (typeof KERNELS)[number];

export const TRUST_LEVELS = ['trusted', 'untrusted'] as const;
export type Trust = (typeof TRUST_LEVELS)[number];

/** Packet kinds, in the order used by every per-kind array in the engine. */
export const PACKET_KINDS = ['disk', 'net', 'syscall'] as const;
export type PacketKind = (typeof PACKET_KINDS)[number];

/** `container-in-vm` (added with kc-model-3): containers inside VMs on a Type-1 hypervisor, e.g. one para-virtual VM
 * per tenant with a container engine in each. Containers on a host OS, or in the Linux utility VM on a Type-2
 * hypervisor (WSL 2 / Docker Desktop), stay `container`. */
export const ARCHITECTURES = ['native', 'container', 'type2', 'type1-full', 'type1-para', 'container-in-vm'] as const;
export type Architecture = (typeof ARCHITECTURES)[number];

export const PIECES = ['host-os', 'type1-hypervisor', 'type2-hypervisor', 'vm', 'container-engine'] as const;
export type Piece = (typeof PIECES)[number];

export const DRIVERS = ['emulated', 'para'] as const;
export type Driver = (typeof DRIVERS)[number];

export const THREAT_KINDS = ['snoop', 'container-escape', 'kernel-exploit', 'vm-escape', 'host-compromise'] as const;
export type ThreatKind = (typeof THREAT_KINDS)[number];

export const OBJECTIVES = ['security', 'speed', 'scale'] as const;
export type Objective = (typeof OBJECTIVES)[number];

export const CHAPTERS = [
  'stack',
  'hosted',
  'bare-metal',
  'para',
  'containers',
  'security',
  'speed',
  'scale',
  'compatibility',
] as const;

/** Localized text: at least `en`; a missing locale falls back to `en`. */
export interface LocalizedText {
  en: string;
  ko?: string;
  [locale: string]: string | undefined;
}

export interface Hardware {
  cores: number;
  memoryGiB: number;
  /** Download speed for image pulls, megabits per second. Default 200. */
  registryMbps?: number;
}

export interface AppImage {
  sizeMB?: number;
  cached?: boolean;
}

export interface AppSpec {
  id: string;
  tenant: string;
  kernel: Kernel;
  trust: Trust;
  /** Packets per second per instance, by kind. */
  io: Partial<Record<PacketKind, number>>;
  instances: number;
  memoryMiB?: number;
  image?: AppImage;
  /** The app's own CPU work per request, µs (any kind): runs natively under hardware assistance in every
   * architecture, so it adds the same time everywhere. Default DEFAULT_COMPUTE_US (costs.ts). */
  computeUs?: number;
}

export interface Burst {
  app: string;
  atSecond: number;
  instances: number;
  deadlineSeconds: number;
}

export interface Threat {
  app?: string;
  kind: ThreatKind;
  atSecond: number;
}

export type Objectives = Partial<Record<Objective, number>>;

export type Palette = Partial<Record<Piece, number>>;

export interface Level {
  format: typeof LEVEL_FORMAT;
  id: string;
  chapter?: string;
  title: LocalizedText;
  brief: LocalizedText;
  hints?: LocalizedText[];
  learningGoals?: LocalizedText[];
  teacherNotes?: LocalizedText;
  hardware: Hardware;
  hostKernel?: Kernel;
  apps: AppSpec[];
  bursts?: Burst[];
  threats?: Threat[];
  objectives: Objectives;
  allow: Architecture[];
  palette?: Palette;
  durationSeconds: number;
  seed: number;
  expected?: Architecture;
  /** The architecture this level's lesson is argued against: its answer must beat it clearly (tests). */
  teachesAgainst?: Architecture;
  /** The VM drivers this level offers (palette, builds, `set-driver`); default both. */
  drivers?: Driver[];
  reference?: Build;
  starThresholds?: [number, number, number];
  [extension: `x-${string}`]: unknown;
}

export interface BuildNode {
  id: string;
  piece: Piece;
  /** `hardware` or the id of the node this one stands on. */
  on: string;
  kernel?: Kernel;
  driver?: Driver;
}

export interface VmTemplate {
  kernel: Kernel;
  driver: Driver;
}

export interface Placement {
  app: string;
  on: string;
  /** On a hypervisor: every instance gets its own VM made from this template. */
  vm?: VmTemplate;
}

export interface Provisioning {
  app: string;
  prePull?: boolean;
  warmSpares?: number;
}

export type Command =
  | { atMs: number; op: 'scale'; app: string; instances: number }
  | { atMs: number; op: 'set-driver'; vm?: string; app?: string; driver: Driver }
  | { atMs: number; op: 'move'; app: string; on: string; vm?: VmTemplate }
  | { atMs: number; op: 'block'; app: string; kind: PacketKind; at: string }
  | { atMs: number; op: 'quarantine'; app: string }
  | { atMs: number; op: 'release'; app: string };

export type CommandOp = Command['op'];
export const COMMAND_OPS: readonly CommandOp[] = ['scale', 'set-driver', 'move', 'block', 'quarantine', 'release'];

export interface Build {
  format: typeof BUILD_FORMAT;
  level?: string;
  nodes: BuildNode[];
  placements: Placement[];
  provisioning?: Provisioning[];
  commands?: Command[];
  [extension: `x-${string}`]: unknown;
}

/** One problem found in outside input: the JSON path of the field, a stable code, English text. */
export interface ValidationError {
  path: string;
  code: string;
  message: string;
  params?: Record<string, string | number>;
}

export type Validated<T> = { ok: true; value: T } | { ok: false; errors: ValidationError[] };

/** A broken rule of the board: a stable reason code and where it happened. */
export interface RuleViolation {
  code: ReasonCode;
  node?: string;
  app?: string;
  params?: Record<string, string | number>;
}

export const REASON_CODES = [
  'kernel-mismatch',
  'memory-exceeded',
  'needs-host-os',
  'needs-bare-hardware',
  'needs-hypervisor',
  'needs-kernel',
  'host-os-required',
  'palette-exceeded',
  'unplaced-app',
  'hardware-occupied',
  'cannot-host-app',
  'arch-not-allowed',
  'unknown-node',
  'unknown-app',
  'duplicate-placement',
  'type1-forbidden',
  'driver-not-offered',
] as const;
export type ReasonCode = (typeof REASON_CODES)[number];
