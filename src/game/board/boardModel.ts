// What the board is drawn from (BoardModel: the build or the run's state, the selection and the placing
// targets), what it calls back (BoardCallbacks), and what its drawing parts share (BoardParts).
import type Phaser from 'phaser';
import type { AppHosting } from '../../sim/topology';
import type { BuildNode, Level, Placement, RuleViolation } from '../../sim/types';
import type { InstanceCounts } from '../play/boardLayout';
import type { Selection } from '../play/buildInput';
import type { UiKit } from '../ui/UiKit';
import type { BoardText } from './boardText';
import type { BoardColors } from './boardTheme';

export interface BoardModel {
  level: Level;
  nodes: readonly BuildNode[];
  placements: readonly Placement[];
  /** Live instances per app during a run (engine instance indices); the level's counts otherwise. */
  instancesOf?: InstanceCounts;
  hostings: ReadonlyMap<string, AppHosting>;
  problemsByNode: ReadonlyMap<string, RuleViolation[]>;
  problemsByApp: ReadonlyMap<string, RuleViolation[]>;
  selection: Selection;
  targets: ReadonlySet<string>;
  currentTarget: string | null;
  /** While an app is being placed: what dropping it on each target would make, or the rule it would break. */
  targetNotes?: ReadonlyMap<string, { text: string; blocked: boolean }>;
  breachedTenants: ReadonlySet<string>;
  quarantined: ReadonlySet<string>;
  /** Walls an attack crossed: node ids, or `app#instance` keys of per-instance VMs. */
  cracked: ReadonlySet<string>;
  /** Running instances per app (shown as ×n on cards). */
  runningCount?: (app: string) => number;
  /** Instances of an app booting now. */
  bootingCount?: (app: string) => number;
  /** Apps whose image is downloading. */
  pulling?: ReadonlySet<string> | ReadonlyMap<string, unknown>;
  /** The run is on: apps cannot be dragged, but can be selected for actions. */
  running: boolean;
}

export interface BoardCallbacks {
  onNode(id: string): void;
  onApp(id: string): void;
  /** A press on an app card (the start of a possible drag). */
  onAppPointerDown?(id: string, pointer: Phaser.Input.Pointer): void;
}

/** What the board's drawing parts (BoardView, appCard, VmLayers) share. */
export interface BoardParts {
  scene: Phaser.Scene;
  kit: UiKit;
  text: BoardText;
  colors: BoardColors;
  model: BoardModel;
  callbacks: BoardCallbacks;
}
