// Validates an outside build file (`kernel-courier/build@1`, contracts.md §1b): its structure, and that
// every node, app and level it names exists. Whether the build obeys the board's rules (kernels, memory,
// what may stand on what, every app placed) is the engine's rule checker's job, not this file's.
import { checkWorkBudget, runWork } from './workBudget';
import {
  BUILD_FORMAT,
  COMMAND_OPS,
  DRIVERS,
  KERNELS,
  PACKET_KINDS,
  PIECES,
  type Build,
  type CommandOp,
  type Level,
  type Piece,
  type Validated,
} from './types';
import {
  ErrorList,
  MAX_INSTANCES,
  checkObject,
  checkUnique,
  childPath,
  describeValue,
  hasOwn,
  indexPath,
  isFiniteNumber,
  isId,
  isObject,
  neverThrow,
  ownValue,
  readArray,
  readBoolean,
  readEnum,
  readId,
  readNumber,
  readObject,
  reportRequired,
  reportUnknownKeys,
  snapshotJson,
  type JsonObject,
} from './validation';
import { MAX_COMMAND_AT_MS, MAX_LIST_ITEMS, MAX_NODES } from './bounds';

const BUILD_KEYS = ['format', 'level', 'nodes', 'placements', 'provisioning', 'commands'] as const;
const NODE_KEYS = ['id', 'piece', 'on', 'kernel', 'driver'] as const;
const PLACEMENT_KEYS = ['app', 'on', 'vm'] as const;
const VM_TEMPLATE_KEYS = ['kernel', 'driver'] as const;
const PROVISIONING_KEYS = ['app', 'prePull', 'warmSpares'] as const;

/** The fields each command may have besides `atMs` and `op`. */
const COMMAND_FIELDS: Record<CommandOp, readonly string[]> = {
  scale: ['app', 'instances'],
  'set-driver': ['vm', 'app', 'driver'],
  move: ['app', 'on', 'vm'],
  block: ['app', 'kind', 'at'],
  quarantine: ['app'],
  release: ['app'],
};
const ANY_COMMAND_KEYS: readonly string[] = ['atMs', 'op', ...new Set(Object.values(COMMAND_FIELDS).flat())];

/** The node id every build stands on; no node may take it. */
export const HARDWARE = 'hardware';

/** What a build is checked against: the level's apps and id, when known. */
export interface BuildContext {
  /** Whether the build is checked against a level: then each app is placed and provisioned at most once. */
  withLevel?: boolean;
  /**
   * The level's app ids, when all of them are known; app names outside them are reported. Undefined
   * when there is no level, or when some of its apps are too broken to name (then nothing is reported).
   */
  appIds?: ReadonlySet<string>;
  /** The level's id; a build's `level`, when present, must equal it. */
  levelId?: string;
}

interface NodeInfo {
  index: number;
  piece: Piece | undefined;
  on: unknown;
  /** When the node stands in a circle: the circle's nodes (shared by all of them) and this node's place. */
  cycle?: { members: readonly string[]; offset: number };
}

/** Validates a build; with a level, also checks the apps it names exist and each is placed at most once. */
export function validateBuild(input: unknown, level?: Level): Validated<Build> {
  return neverThrow(() => {
    const data = snapshotJson(input);
    const errors = new ErrorList();
    if (!isObject(data)) {
      errors.add('', 'not-object', `The file must be a JSON object; got ${describeValue(data)}.`, {
        actual: describeValue(data),
      });
      return errors.result<Build>(data);
    }
    checkBuild(data, '', errors, level === undefined ? {} : contextOfLevel(level));
    if (level !== undefined && errors.count === 0) checkBuildWork(level, data as unknown as Build, errors);
    return errors.result<Build>(data);
  });
}

/**
 * The work budget of the build on its level (workBudget.ts): what its scale commands and warm spares add.
 * The level is the caller's; one that cannot be read as a level (it was never validated) is not measured.
 */
function checkBuildWork(level: Level, build: Build, errors: ErrorList): void {
  let levelReadable = false;
  try {
    levelReadable = Array.isArray(level.apps) && isFiniteNumber(level.durationSeconds) && Number.isFinite(runWork(level).packets);
  } catch {
    levelReadable = false;
  }
  if (levelReadable) checkWorkBudget(level, errors, build);
}

/** The app ids and id of a level passed in by the caller, read defensively (it may not be valid). */
function contextOfLevel(level: Level): BuildContext {
  const snapshot = snapshotJson(level);
  const context: BuildContext = { withLevel: true };
  if (!isObject(snapshot)) return context;
  const id = ownValue(snapshot, 'id');
  if (typeof id === 'string') context.levelId = id;
  const apps = ownValue(snapshot, 'apps');
  if (Array.isArray(apps)) {
    const appIds = new Set<string>();
    for (const app of apps) {
      const appId = isObject(app) ? ownValue(app, 'id') : undefined;
      if (typeof appId === 'string') appIds.add(appId);
    }
    context.appIds = appIds;
  }
  return context;
}

/**
 * Checks the build at `path` (the root, or `reference` inside a level) and records every error. Shared
 * with validateLevel, which passes the level's own apps and id as context.
 */
export function checkBuild(value: unknown, path: string, errors: ErrorList, context: BuildContext): void {
  const build = checkObject(value, path, errors, BUILD_KEYS);
  if (build === undefined) return;

  const format = ownValue(build, 'format');
  if (format === undefined) {
    reportRequired(path, 'format', errors);
  } else if (format !== BUILD_FORMAT) {
    const formatPath = childPath(path, 'format');
    errors.add(formatPath, 'format', `${formatPath} must be "${BUILD_FORMAT}"; got ${describeValue(format)}.`, {
      expected: BUILD_FORMAT,
      actual: describeValue(format),
    });
  }

  const levelId = readId(build, path, 'level', errors, false);
  if (levelId !== undefined && context.levelId !== undefined && levelId !== context.levelId) {
    const levelPath = childPath(path, 'level');
    errors.add(
      levelPath,
      'constraint',
      `${levelPath} is "${levelId}", but this build belongs to level "${context.levelId}".`,
      { rule: 'level-id', value: levelId, expected: context.levelId },
    );
  }

  const nodes = readArray(build, path, 'nodes', errors, { required: true, maxLength: MAX_NODES });
  const knownNodes = indexNodes(nodes);
  if (nodes !== undefined) checkNodes(nodes, childPath(path, 'nodes'), errors, knownNodes);

  const references = new References(errors, context, knownNodes);

  const placements = readArray(build, path, 'placements', errors, { required: true, maxLength: MAX_LIST_ITEMS });
  const placed = new Map<string, string>();
  placements?.forEach((placement, index) => {
    const placementPath = indexPath(childPath(path, 'placements'), index);
    const object = checkObject(placement, placementPath, errors, PLACEMENT_KEYS);
    if (object === undefined) return;
    const app = references.app(object, placementPath, 'app');
    if (app !== undefined && context.withLevel === true) {
      checkUnique(placed, app, childPath(placementPath, 'app'), errors, 'the placement of app');
    }
    references.node(object, placementPath, 'on', true);
    checkVmTemplate(object, placementPath, errors, false);
  });

  const provisioning = readArray(build, path, 'provisioning', errors, { required: false, maxLength: MAX_LIST_ITEMS });
  const provisioned = new Map<string, string>();
  provisioning?.forEach((entry, index) => {
    const entryPath = indexPath(childPath(path, 'provisioning'), index);
    const object = checkObject(entry, entryPath, errors, PROVISIONING_KEYS);
    if (object === undefined) return;
    const app = references.app(object, entryPath, 'app');
    if (app !== undefined && context.withLevel === true) {
      checkUnique(provisioned, app, childPath(entryPath, 'app'), errors, 'the provisioning of app');
    }
    readBoolean(object, entryPath, 'prePull', errors, false);
    readNumber(object, entryPath, 'warmSpares', errors, { required: false, integer: true, min: 0, max: MAX_INSTANCES });
  });

  const commands = readArray(build, path, 'commands', errors, { required: false, maxLength: MAX_LIST_ITEMS });
  commands?.forEach((command, index) => {
    checkCommand(command, indexPath(childPath(path, 'commands'), index), errors, references);
  });
}

/**
 * The build's nodes as other fields see them: each well-formed id with its first node, and whether every
 * node could be named. When some could not, a name that matches no node may well be right, so missing
 * nodes are then not reported.
 */
interface KnownNodes {
  byId: Map<string, NodeInfo>;
  complete: boolean;
}

function indexNodes(nodes: unknown[] | undefined): KnownNodes {
  const byId = new Map<string, NodeInfo>();
  if (nodes === undefined) return { byId, complete: false };
  let complete = true;
  nodes.forEach((node, position) => {
    const id = isObject(node) ? ownValue(node, 'id') : undefined;
    if (!isObject(node) || !isId(id) || id === HARDWARE) {
      complete = false;
      return;
    }
    if (byId.has(id)) return;
    const piece = ownValue(node, 'piece');
    byId.set(id, {
      index: position,
      piece: typeof piece === 'string' && (PIECES as readonly string[]).includes(piece) ? (piece as Piece) : undefined,
      on: ownValue(node, 'on'),
    });
  });
  markCycles(byId);
  return { byId, complete };
}

/**
 * Finds every circle of nodes standing on each other, in one pass over the `on` links (linear in the
 * nodes: each node is walked once), and gives each node on a circle the circle starting at itself.
 */
function markCycles(byId: Map<string, NodeInfo>): void {
  const done = new Set<string>();
  for (const start of byId.keys()) {
    if (done.has(start)) continue;
    // Follow `on` from start until hardware, a missing node, a node already done, or the walk itself.
    const walk: string[] = [];
    const positionInWalk = new Map<string, number>();
    let current: unknown = start;
    while (typeof current === 'string' && byId.has(current) && !done.has(current) && !positionInWalk.has(current)) {
      positionInWalk.set(current, walk.length);
      walk.push(current);
      current = byId.get(current)!.on;
    }
    if (typeof current === 'string' && positionInWalk.has(current)) {
      const members = walk.slice(positionInWalk.get(current));
      members.forEach((id, offset) => {
        byId.get(id)!.cycle = { members, offset };
      });
    }
    for (const id of walk) done.add(id);
  }
}

/**
 * A circle for a message, from the node at `offset` back to it: every node when it is short, the first
 * few and the count when it is long (so a circle of n nodes costs O(n) in all, not O(n) per node).
 */
function circleText({ members, offset }: { members: readonly string[]; offset: number }): string {
  const MAX_SHOWN = 10;
  const count = members.length;
  const shown = Math.min(count, MAX_SHOWN);
  const ids: string[] = [];
  for (let step = 0; step < shown; step += 1) ids.push(members[(offset + step) % count]!);
  const start = members[offset]!;
  return count <= MAX_SHOWN ? [...ids, start].join(' → ') : `${ids.join(' → ')} → … (${count} nodes in all) → ${start}`;
}

function checkNodes(nodes: unknown[], nodesPath: string, errors: ErrorList, knownNodes: KnownNodes): void {
  const seen = new Map<string, string>();
  nodes.forEach((node, position) => {
    const nodePath = indexPath(nodesPath, position);
    const object = checkObject(node, nodePath, errors, NODE_KEYS);
    if (object === undefined) return;

    const id = readId(object, nodePath, 'id', errors);
    if (id === HARDWARE) {
      errors.add(
        childPath(nodePath, 'id'),
        'constraint',
        `${childPath(nodePath, 'id')} may not be "${HARDWARE}": that name stands for the machine itself.`,
        { rule: 'reserved-id', value: HARDWARE },
      );
    } else if (id !== undefined) {
      checkUnique(seen, id, childPath(nodePath, 'id'), errors, 'the node id');
    }

    const piece = readEnum(object, nodePath, 'piece', errors, PIECES, true);
    checkNodeOn(object, nodePath, errors, knownNodes, id, position);

    // kernel: required on a host OS and a VM, forbidden elsewhere; driver: required on a VM only.
    const hasPiece = piece !== undefined;
    const kernelRequired = piece === 'host-os' || piece === 'vm';
    checkPieceField(object, nodePath, errors, 'kernel', KERNELS, hasPiece, kernelRequired, piece);
    checkPieceField(object, nodePath, errors, 'driver', DRIVERS, hasPiece, piece === 'vm', piece);
  });
}

function checkPieceField(
  object: JsonObject,
  nodePath: string,
  errors: ErrorList,
  key: 'kernel' | 'driver',
  allowed: readonly string[],
  pieceKnown: boolean,
  required: boolean,
  piece: Piece | undefined,
): void {
  if (pieceKnown && !required && hasOwn(object, key)) {
    const fieldPath = childPath(nodePath, key);
    const needers = key === 'kernel' ? 'host-os and vm nodes' : 'vm nodes';
    errors.add(fieldPath, 'forbidden', `${fieldPath} is not allowed on a ${piece} node; only ${needers} have a ${key}.`, {
      key,
      piece: piece ?? '',
    });
    return;
  }
  readEnum(object, nodePath, key, errors, allowed, pieceKnown && required);
}

/** `on` must be `hardware` or another node's id, and following `on` from a node must never lead back to it. */
function checkNodeOn(
  object: JsonObject,
  nodePath: string,
  errors: ErrorList,
  known: KnownNodes,
  id: string | undefined,
  position: number,
): void {
  const nodesById = known.byId;
  const on = ownValue(object, 'on');
  const onPath = childPath(nodePath, 'on');
  if (on === undefined) {
    reportRequired(nodePath, 'on', errors);
    return;
  }
  if (typeof on !== 'string') {
    errors.add(onPath, 'type', `${onPath} must be a string; got ${describeValue(on)}.`, {
      expected: 'string',
      actual: describeValue(on),
    });
    return;
  }
  if (on === HARDWARE) return;
  if (!nodesById.has(on)) {
    if (!known.complete) return;
    errors.add(onPath, 'reference', `${onPath} names ${JSON.stringify(on)}, but there is no node with that id (nor is it "${HARDWARE}").`, {
      value: on,
      target: 'node',
    });
    return;
  }
  // Only the first node with an id takes part in the chain, so a repeated id cannot fake a cycle.
  if (id === undefined || nodesById.get(id)?.index !== position) return;
  const cycle = nodesById.get(id)?.cycle;
  if (cycle === undefined) return;
  const text = circleText(cycle);
  errors.add(onPath, 'constraint', `${onPath} makes the nodes stand on each other in a circle: ${text}.`, {
    rule: 'cycle',
    cycle: text,
  });
}

function checkVmTemplate(object: JsonObject, path: string, errors: ErrorList, required: boolean): void {
  const template = readObject(object, path, 'vm', errors, VM_TEMPLATE_KEYS, required);
  if (template === undefined) return;
  const templatePath = childPath(path, 'vm');
  readEnum(template, templatePath, 'kernel', errors, KERNELS, true);
  readEnum(template, templatePath, 'driver', errors, DRIVERS, true);
}

/** Checks the app and node names a build uses against the level's apps and the build's nodes. */
class References {
  constructor(
    private readonly errors: ErrorList,
    private readonly context: BuildContext,
    private readonly nodes: KnownNodes,
  ) {}

  /** A required app id: well-formed, and one of the level's apps when the level is known. */
  app(object: JsonObject, path: string, key: string): string | undefined {
    const app = readId(object, path, key, this.errors);
    if (app === undefined || this.context.appIds === undefined || this.context.appIds.has(app)) return app;
    const fieldPath = childPath(path, key);
    this.errors.add(fieldPath, 'reference', `${fieldPath} names "${app}", but the level has no app with that id.`, {
      value: app,
      target: 'app',
    });
    return undefined;
  }

  /** A required id of one of the build's nodes (never `hardware`: apps and actions need a node). */
  node(object: JsonObject, path: string, key: string, required: boolean): NodeInfo | undefined {
    const value = ownValue(object, key);
    if (value === undefined && !required) return undefined;
    const fieldPath = childPath(path, key);
    if (value === undefined) {
      reportRequired(path, key, this.errors);
      return undefined;
    }
    if (typeof value !== 'string') {
      this.errors.add(fieldPath, 'type', `${fieldPath} must be a string; got ${describeValue(value)}.`, {
        expected: 'string',
        actual: describeValue(value),
      });
      return undefined;
    }
    const node = this.nodes.byId.get(value);
    if (node !== undefined) return node;
    if (value !== HARDWARE && !this.nodes.complete) return undefined;
    const message =
      value === HARDWARE
        ? `${fieldPath} is "${HARDWARE}", but it must name a node of the build (a host OS, hypervisor, VM or container engine), not the bare machine.`
        : `${fieldPath} names ${JSON.stringify(value)}, but the build has no node with that id.`;
    this.errors.add(fieldPath, 'reference', message, { value, target: 'node' });
    return undefined;
  }
}

function checkCommand(command: unknown, path: string, errors: ErrorList, references: References): void {
  if (!isObject(command)) {
    checkObject(command, path, errors, ANY_COMMAND_KEYS);
    return;
  }
  const op = ownValue(command, 'op');
  const knownOp = typeof op === 'string' && (COMMAND_OPS as readonly string[]).includes(op) ? (op as CommandOp) : undefined;
  const allowed = knownOp === undefined ? ANY_COMMAND_KEYS : ['atMs', 'op', ...COMMAND_FIELDS[knownOp]];
  reportUnknownKeys(command, path, errors, (key) => allowed.includes(key));
  readNumber(command, path, 'atMs', errors, { required: true, min: 0, max: MAX_COMMAND_AT_MS });
  readEnum(command, path, 'op', errors, COMMAND_OPS, true);
  // Without a known op the other fields have no meaning to check.
  switch (knownOp) {
    case undefined:
      return;
    case 'scale':
      references.app(command, path, 'app');
      readNumber(command, path, 'instances', errors, { required: true, integer: true, min: 0, max: MAX_INSTANCES });
      return;
    case 'set-driver':
      checkSetDriver(command, path, errors, references);
      return;
    case 'move':
      references.app(command, path, 'app');
      references.node(command, path, 'on', true);
      checkVmTemplate(command, path, errors, false);
      return;
    case 'block':
      references.app(command, path, 'app');
      readEnum(command, path, 'kind', errors, PACKET_KINDS, true);
      references.node(command, path, 'at', true);
      return;
    case 'quarantine':
    case 'release':
      references.app(command, path, 'app');
      return;
  }
}

/** set-driver targets exactly one of: a `vm` node, or an `app` whose instances each have their own VM. */
function checkSetDriver(command: JsonObject, path: string, errors: ErrorList, references: References): void {
  const hasVm = hasOwn(command, 'vm') && command.vm !== undefined;
  const hasApp = hasOwn(command, 'app') && command.app !== undefined;
  if (hasVm === hasApp) {
    errors.add(
      path,
      'constraint',
      hasVm
        ? `${path} has both vm and app; a set-driver command names exactly one of them.`
        : `${path} needs either vm (a VM node's id) or app (for its per-instance VMs).`,
      { rule: 'vm-or-app' },
    );
  }
  if (hasVm) {
    const node = references.node(command, path, 'vm', true);
    if (node !== undefined && node.piece !== undefined && node.piece !== 'vm') {
      const vmPath = childPath(path, 'vm');
      const value = String(command.vm);
      errors.add(vmPath, 'constraint', `${vmPath} names "${value}", which is a ${node.piece} node, not a vm.`, {
        rule: 'not-a-vm',
        value,
        piece: node.piece,
      });
    }
  }
  if (hasApp) references.app(command, path, 'app');
  readEnum(command, path, 'driver', errors, DRIVERS, true);
}
