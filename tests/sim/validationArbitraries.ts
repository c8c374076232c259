// fast-check generators and path helpers shared by the level and build validator tests: random valid
// levels and builds (every rule of contracts.md §1a/§1b respected), random mutations of a valid file,
// and small helpers to change one field of a file by its JSON path.
import fc from 'fast-check';
import { ARCHITECTURES, DRIVERS, KERNELS, PACKET_KINDS, PIECES, THREAT_KINDS } from '../../src/sim/types';

export type JsonRecord = Record<string, unknown>;

// ---------------------------------------------------------------------------------------------------
// Changing a file by path

/** Marks a change that deletes the field instead of setting it. */
export const DELETE = Symbol('delete');

function parsePath(path: string): Array<string | number> {
  const parts: Array<string | number> = [];
  for (const match of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    parts.push(match[2] === undefined ? match[1] : Number(match[2]));
  }
  return parts;
}

/** Sets (or with DELETE removes) the field at a path such as `apps[0].io.disk`, creating objects on the way. */
export function changeAt(root: unknown, path: string, value: unknown): void {
  const parts = parsePath(path);
  let current = root as Record<string | number, unknown>;
  for (const part of parts.slice(0, -1)) {
    if (typeof current[part] !== 'object' || current[part] === null) {
      Object.defineProperty(current, part, { value: {}, enumerable: true, writable: true, configurable: true });
    }
    current = current[part] as Record<string | number, unknown>;
  }
  const last = parts[parts.length - 1];
  if (value === DELETE) {
    if (Array.isArray(current) && typeof last === 'number') current.splice(last, 1);
    else delete current[last];
  } else {
    // defineProperty, so that a key such as "__proto__" becomes a plain field.
    Object.defineProperty(current, last, { value, enumerable: true, writable: true, configurable: true });
  }
}

/** A deep copy of `value` with the given changes applied in order. */
export function withChanges<T>(value: T, changes: ReadonlyArray<readonly [string, unknown]>): T {
  const copy = structuredClone(value);
  for (const [path, change] of changes) changeAt(copy, path, change);
  return copy;
}

/** Every path inside a JSON value (objects' keys and arrays' indexes), root excluded, in a fixed order. */
export function allPaths(value: unknown, prefix = ''): string[] {
  const paths: string[] = [];
  if (Array.isArray(value)) {
    value.forEach((item, index) => {
      const path = `${prefix}[${index}]`;
      paths.push(path, ...allPaths(item, path));
    });
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      const path = prefix === '' ? key : `${prefix}.${key}`;
      paths.push(path, ...allPaths(item, path));
    }
  }
  return paths;
}

/** Values that break many rules at once: wrong types, bounds, reserved and unknown names. */
const awkwardValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    null,
    0,
    -1,
    1.5,
    1e300,
    '',
    'hardware',
    'ghost',
    'linux',
    'vm',
    'host-compromise',
    true,
    [],
    {},
    { en: '' },
    { 'x-note': 1 },
  ),
  fc.jsonValue({ maxDepth: 2 }),
);

/** A random mutation of a JSON file: delete a field, replace one, or add an unknown or `x-` key. */
export function mutationOf<T>(valid: T): fc.Arbitrary<T> {
  const paths = allPaths(valid);
  const change = fc.record({
    index: fc.nat({ max: Math.max(paths.length - 1, 0) }),
    kind: fc.constantFrom('delete', 'replace', 'add-key'),
    key: fc.constantFrom('__proto__', 'constructor', 'x-extra', 'colour', 'imag', 'toString', 'en', 'ko'),
    value: awkwardValue,
  });
  return fc.array(change, { minLength: 1, maxLength: 3 }).map((changes) => {
    const copy = structuredClone(valid);
    for (const { index, kind, key, value } of changes) {
      const current = allPaths(copy);
      const path = current[index % Math.max(current.length, 1)];
      if (path === undefined) continue;
      if (kind === 'delete') changeAt(copy, path, DELETE);
      else if (kind === 'replace') changeAt(copy, path, structuredClone(value));
      else {
        const found = valueAt(copy, path);
        const holder = typeof found === 'object' && found !== null && !Array.isArray(found) ? found : copy;
        Object.defineProperty(holder, key, { value: structuredClone(value), enumerable: true, writable: true, configurable: true });
      }
    }
    return copy;
  });
}

function valueAt(root: unknown, path: string): unknown {
  let current = root;
  for (const part of parsePath(path)) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string | number, unknown>)[part];
  }
  return current;
}

// ---------------------------------------------------------------------------------------------------
// Valid levels and builds

const id = fc.stringMatching(/^[a-z0-9-]{1,12}$/);
const nodeId = id.filter((value) => value !== 'hardware');
const nonEmptyText = fc.string({ minLength: 1, maxLength: 20 });
const positive = (max = 1e6): fc.Arbitrary<number> =>
  fc.double({ min: 0, minExcluded: true, max, noNaN: true, noDefaultInfinity: true });
const nonNegative = (max = 1e6): fc.Arbitrary<number> => fc.double({ min: 0, max, noNaN: true, noDefaultInfinity: true });
// Generated levels stay inside the work budget (src/sim/workBudget.ts): at most 4 apps × 16 instances, io
// of at most 3 kinds × 10 per app, 30 s: 57,600 packets, 64 instances (128 with a build's warm spares),
// 3,840 instance-seconds. The field bounds themselves (up to 1000 instances, 3600 s) are tested one field
// at a time in validateLevel.test.ts and bounds.test.ts.
const instances = fc.integer({ min: 1, max: 16 });

export const localizedText: fc.Arbitrary<JsonRecord> = fc.record(
  { en: nonEmptyText, ko: nonEmptyText, 'pt-BR': nonEmptyText, 'x-note': fc.jsonValue({ maxDepth: 1 }) },
  { requiredKeys: ['en'] },
);

const vmTemplate = fc.record({ kernel: fc.constantFrom(...KERNELS), driver: fc.constantFrom(...DRIVERS) });

interface NodeSketch {
  id: string;
  piece: (typeof PIECES)[number];
}

/** A valid build: nodes stand on `hardware` or an earlier node (no cycles); apps placed at most once. */
export function validBuild(options: { appIds?: readonly string[]; levelId?: string } = {}): fc.Arbitrary<JsonRecord> {
  const appIdsArbitrary: fc.Arbitrary<string[]> =
    options.appIds === undefined ? fc.uniqueArray(id, { maxLength: 4 }) : fc.constant([...options.appIds]);
  return fc
    .tuple(appIdsArbitrary, fc.uniqueArray(nodeId, { maxLength: 5 }))
    .chain(([appIds, nodeIds]) =>
      fc
        .tuple(...nodeIds.map((nodeIdValue) => fc.record({ id: fc.constant(nodeIdValue), piece: fc.constantFrom(...PIECES) })))
        .chain((sketches: NodeSketch[]) => buildFrom(appIds, sketches, options.levelId)),
    );
}

function buildFrom(appIds: string[], sketches: NodeSketch[], levelId: string | undefined): fc.Arbitrary<JsonRecord> {
  const nodes = fc.tuple(
    ...sketches.map((sketch, index) =>
      fc
        .record({
          on: fc.constantFrom('hardware', ...sketches.slice(0, index).map((earlier) => earlier.id)),
          kernel: fc.constantFrom(...KERNELS),
          driver: fc.constantFrom(...DRIVERS),
          extension: fc.option(fc.jsonValue({ maxDepth: 1 }), { nil: undefined }),
        })
        .map(({ on, kernel, driver, extension }) => {
          const node: JsonRecord = { id: sketch.id, piece: sketch.piece, on };
          if (sketch.piece === 'host-os' || sketch.piece === 'vm') node.kernel = kernel;
          if (sketch.piece === 'vm') node.driver = driver;
          if (extension !== undefined) node['x-label'] = extension;
          return node;
        }),
    ),
  );
  const nodeIds = sketches.map((sketch) => sketch.id);
  const vmIds = sketches.filter((sketch) => sketch.piece === 'vm').map((sketch) => sketch.id);
  const placements =
    nodeIds.length === 0
      ? fc.constant([])
      : fc.subarray(appIds).chain((placed) =>
          fc.tuple(
            ...placed.map((app) =>
              fc.record(
                { app: fc.constant(app), on: fc.constantFrom(...nodeIds), vm: vmTemplate },
                { requiredKeys: ['app', 'on'] },
              ),
            ),
          ),
        );
  const provisioning = fc.subarray(appIds).chain((apps) =>
    fc.tuple(
      ...apps.map((app) =>
        fc.record(
          { app: fc.constant(app), prePull: fc.boolean(), warmSpares: fc.integer({ min: 0, max: 16 }) },
          { requiredKeys: ['app'] },
        ),
      ),
    ),
  );
  const commands = appIds.length === 0 ? fc.constant([]) : fc.array(command(appIds, nodeIds, vmIds), { maxLength: 4 });
  return fc
    .record(
      {
        level: levelId === undefined ? id : fc.constant(levelId),
        nodes,
        placements,
        provisioning,
        commands,
        'x-editor': fc.jsonValue({ maxDepth: 2 }),
      },
      { requiredKeys: ['nodes', 'placements'] },
    )
    .map((parts) => ({ format: 'kernel-courier/build@1', ...parts }) as JsonRecord);
}

function command(appIds: string[], nodeIds: string[], vmIds: string[]): fc.Arbitrary<JsonRecord> {
  const atMs = nonNegative(3_600_000);
  const app = fc.constantFrom(...appIds);
  const variants: Array<fc.Arbitrary<JsonRecord>> = [
    fc.record({ atMs, op: fc.constant('scale'), app, instances: fc.integer({ min: 0, max: 12 }) }),
    fc.record({ atMs, op: fc.constant('set-driver'), app, driver: fc.constantFrom(...DRIVERS) }),
    fc.record({ atMs, op: fc.constant('quarantine'), app }),
    fc.record({ atMs, op: fc.constant('release'), app }),
  ];
  if (nodeIds.length > 0) {
    const node = fc.constantFrom(...nodeIds);
    variants.push(
      fc.record({ atMs, op: fc.constant('move'), app, on: node, vm: vmTemplate }, { requiredKeys: ['atMs', 'op', 'app', 'on'] }),
      fc.record({ atMs, op: fc.constant('block'), app, kind: fc.constantFrom(...PACKET_KINDS), at: node }),
    );
  }
  if (vmIds.length > 0) {
    variants.push(fc.record({ atMs, op: fc.constant('set-driver'), vm: fc.constantFrom(...vmIds), driver: fc.constantFrom(...DRIVERS) }));
  }
  return fc.oneof(...variants);
}

const app = (appId: string): fc.Arbitrary<JsonRecord> =>
  fc
    .record(
      {
        tenant: nonEmptyText,
        kernel: fc.constantFrom(...KERNELS),
        trust: fc.constantFrom('trusted', 'untrusted'),
        io: fc.record({ disk: nonNegative(10), net: nonNegative(10), syscall: nonNegative(10) }, { requiredKeys: [] }),
        busiest: fc.constantFrom(...PACKET_KINDS),
        busiestRate: positive(10),
        instances,
        memoryMiB: positive(65536),
        image: fc.record({ sizeMB: positive(10000), cached: fc.boolean() }, { requiredKeys: [] }),
        'x-art': fc.jsonValue({ maxDepth: 1 }),
      },
      { requiredKeys: ['tenant', 'kernel', 'trust', 'io', 'busiest', 'busiestRate', 'instances'] },
    )
    .map(({ busiest, busiestRate, io, ...rest }) => ({
      id: appId,
      ...rest,
      // At least one packet kind above 0.
      io: { ...io, [busiest]: busiestRate },
    }));

/** A valid level: every field's bounds and every rule across fields respected. */
export const validLevel: fc.Arbitrary<JsonRecord> = fc
  .record({
    appIds: fc.uniqueArray(id, { minLength: 1, maxLength: 4 }),
    levelId: id,
    hostKernel: fc.option(fc.constantFrom(...KERNELS), { nil: undefined }),
    durationSeconds: fc.oneof(fc.integer({ min: 1, max: 30 }), fc.double({ min: 1, max: 30, noNaN: true })),
  })
  .chain(({ appIds, levelId, hostKernel, durationSeconds }) =>
    fc
      .tuple(...appIds.map(app))
      .chain((apps) => levelFrom(apps as JsonRecord[], levelId, hostKernel, durationSeconds)),
  );

function levelFrom(
  apps: JsonRecord[],
  levelId: string,
  hostKernel: string | undefined,
  durationSeconds: number,
): fc.Arbitrary<JsonRecord> {
  const appIds = apps.map((entry) => entry.id as string);
  const untrusted = apps.filter((entry) => entry.trust === 'untrusted').map((entry) => entry.id as string);
  const time = fc.double({ min: 0, max: durationSeconds, maxExcluded: true, noNaN: true });
  const burst = fc.record({
    app: fc.constantFrom(...appIds),
    atSecond: time,
    instances,
    deadlineSeconds: positive(3600),
  });
  const threatKinds = THREAT_KINDS.filter((kind) => kind !== 'host-compromise');
  const threat = fc.oneof(
    fc.record({ kind: fc.constant('host-compromise'), atSecond: time }),
    ...(untrusted.length === 0
      ? []
      : [fc.record({ kind: fc.constantFrom(...threatKinds), app: fc.constantFrom(...untrusted), atSecond: time })]),
  );
  const possibleArchitectures = ARCHITECTURES.filter(
    (architecture) => hostKernel === undefined || (architecture !== 'type1-full' && architecture !== 'type1-para' && architecture !== 'container-in-vm'),
  );
  return fc
    .record({
      bursts: fc.array(burst, { maxLength: 3 }),
      hasBursts: fc.boolean(),
      threats: fc.array(threat, { maxLength: 3 }),
      hasThreats: fc.boolean(),
      weights: fc.record({ security: nonNegative(10), speed: nonNegative(10), scale: nonNegative(10) }, { requiredKeys: [] }),
      mainObjective: fc.constantFrom('security', 'speed', 'scale'),
      mainWeight: positive(10),
      allow: fc.shuffledSubarray([...possibleArchitectures], { minLength: 1 }),
      expectedIndex: fc.option(fc.nat(), { nil: undefined }),
      thresholds: fc.option(
        fc.uniqueArray(fc.double({ min: 0, minExcluded: true, max: 1, noNaN: true }), { minLength: 3, maxLength: 3 }),
        { nil: undefined },
      ),
      optional: fc.record(
        {
          chapter: nonEmptyText,
          hints: fc.array(localizedText, { maxLength: 2 }),
          learningGoals: fc.array(localizedText, { maxLength: 2 }),
          teacherNotes: localizedText,
          hostKernel: fc.constant(hostKernel),
          palette: fc.record(
            Object.fromEntries(PIECES.map((piece) => [piece, fc.integer({ min: 0, max: 20 })])) as Record<
              (typeof PIECES)[number],
              fc.Arbitrary<number>
            >,
            { requiredKeys: [] },
          ),
          reference: validBuild({ appIds, levelId }).chain((build) =>
            fc.boolean().map((keepLevel) => {
              if (keepLevel) return build;
              const { level: _level, ...rest } = build;
              return rest;
            }),
          ),
          'x-author': fc.jsonValue({ maxDepth: 2 }),
        },
        { requiredKeys: [] },
      ),
      title: localizedText,
      brief: localizedText,
      hardware: fc.record(
        { cores: fc.integer({ min: 1, max: 256 }), memoryGiB: positive(4096), registryMbps: fc.double({ min: 0.01, max: 100000, noNaN: true }) },
        { requiredKeys: ['cores', 'memoryGiB'] },
      ),
      seed: fc.maxSafeInteger(),
    })
    .map((parts) => {
      const bursts = parts.hasBursts ? parts.bursts : undefined;
      const weights: JsonRecord = { ...parts.weights };
      const scaleAllowed = bursts !== undefined && bursts.length > 0;
      if (!scaleAllowed) delete weights.scale;
      const main = parts.mainObjective === 'scale' && !scaleAllowed ? 'speed' : parts.mainObjective;
      weights[main] = parts.mainWeight;
      const level: JsonRecord = {
        format: 'kernel-courier/level@1',
        id: levelId,
        title: parts.title,
        brief: parts.brief,
        hardware: parts.hardware,
        apps,
        objectives: weights,
        allow: parts.allow,
        durationSeconds,
        seed: parts.seed,
      };
      for (const [key, value] of Object.entries(parts.optional)) {
        if (value !== undefined) level[key] = value;
      }
      if (bursts !== undefined) level.bursts = bursts;
      if (parts.hasThreats) level.threats = parts.threats;
      if (parts.expectedIndex !== undefined) level.expected = parts.allow[parts.expectedIndex % parts.allow.length];
      if (parts.thresholds !== undefined) level.starThresholds = [...parts.thresholds].sort((a, b) => a - b);
      return level;
    });
}
