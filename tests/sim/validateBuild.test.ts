// Tests of the build validator (contracts.md §1b): valid builds pass unchanged, each structural rule and
// each reference (nodes always; apps and the level id only when a level is given) reports the exact path
// and code, nothing ever throws, and docs/build.schema.json agrees with the validator.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Level, ValidationError } from '../../src/sim/types';
import { validateBuild } from '../../src/sim/validateBuild';
import { validateLevel } from '../../src/sim/validateLevel';
import { VALIDATION_CODES } from '../../src/sim/validation';
import { DELETE, mutationOf, validBuild, withChanges, type JsonRecord } from './validationArbitraries';

const buildSchema = JSON.parse(
  readFileSync(fileURLToPath(new URL('../../docs/build.schema.json', import.meta.url)), 'utf8'),
) as JsonRecord;
const schemaAcceptsBuild = new Ajv2020({ allErrors: true, strict: false }).compile(buildSchema);

/** A small level with the two apps the build example names. */
const levelInput: JsonRecord = {
  format: 'kernel-courier/level@1',
  id: 'bank-four-tenants',
  title: { en: 'Four tenants, one server' },
  brief: { en: 'A bank rents this server to companies that do not trust each other.' },
  hardware: { cores: 32, memoryGiB: 128 },
  apps: [
    { id: 'ledger-a', tenant: 'a', kernel: 'linux', trust: 'untrusted', io: { net: 60 }, instances: 2 },
    { id: 'ledger-b', tenant: 'b', kernel: 'linux', trust: 'trusted', io: { disk: 10 }, instances: 1 },
  ],
  objectives: { security: 3, speed: 1 },
  allow: ['type1-full', 'type1-para'],
  durationSeconds: 60,
  seed: 42,
};
const levelResult = validateLevel(levelInput);
if (!levelResult.ok) throw new Error(`test level is invalid: ${JSON.stringify(levelResult.errors)}`);
const level: Level = levelResult.value;

/** The build example of contracts.md §1b with one command of every kind added. */
const exampleBuild: JsonRecord = {
  format: 'kernel-courier/build@1',
  level: 'bank-four-tenants',
  nodes: [
    { id: 'hv', piece: 'type1-hypervisor', on: 'hardware' },
    { id: 'vm-a', piece: 'vm', on: 'hv', kernel: 'linux', driver: 'para' },
    { id: 'ce-a', piece: 'container-engine', on: 'vm-a' },
  ],
  placements: [
    { app: 'ledger-a', on: 'ce-a' },
    { app: 'ledger-b', on: 'hv', vm: { kernel: 'linux', driver: 'para' } },
  ],
  provisioning: [{ app: 'ledger-a', prePull: true, warmSpares: 2 }],
  commands: [
    { atMs: 12000, op: 'scale', app: 'ledger-a', instances: 6 },
    { atMs: 13000, op: 'set-driver', vm: 'vm-a', driver: 'emulated' },
    { atMs: 14000, op: 'set-driver', app: 'ledger-b', driver: 'emulated' },
    { atMs: 15000, op: 'move', app: 'ledger-a', on: 'hv', vm: { kernel: 'linux', driver: 'para' } },
    { atMs: 16000, op: 'block', app: 'ledger-a', kind: 'net', at: 'vm-a' },
    { atMs: 17000, op: 'quarantine', app: 'ledger-a' },
    { atMs: 18000.5, op: 'release', app: 'ledger-a' },
  ],
};

function errorsOf(input: unknown, withLevel?: Level): ValidationError[] {
  const result = validateBuild(input, withLevel);
  return result.ok ? [] : result.errors;
}

function expectWellFormed(result: ReturnType<typeof validateBuild>): void {
  expect(typeof result.ok).toBe('boolean');
  if (result.ok) return;
  expect(result.errors.length).toBeGreaterThan(0);
  for (const error of result.errors) {
    expect(typeof error.path).toBe('string');
    expect(VALIDATION_CODES).toContain(error.code);
    expect(error.message.length).toBeGreaterThan(0);
  }
}

describe('valid builds', () => {
  it('accepts the contract example, with and without its level, and returns an equal copy', () => {
    for (const result of [validateBuild(exampleBuild), validateBuild(exampleBuild, level)]) {
      expect(result).toEqual({ ok: true, value: exampleBuild });
      if (result.ok) expect(result.value).not.toBe(exampleBuild);
    }
    expect(schemaAcceptsBuild(exampleBuild)).toBe(true);
  });

  it('accepts an empty build and one without a level id', () => {
    const empty = { format: 'kernel-courier/build@1', nodes: [], placements: [] };
    expect(validateBuild(empty, level)).toEqual({ ok: true, value: empty });
    expect(validateBuild(withChanges(exampleBuild, [['level', DELETE]]), level).ok).toBe(true);
  });

  it('keeps x- keys at every level', () => {
    const build = withChanges(exampleBuild, [
      ['x-saved-at', '2026-01-01'],
      ['nodes[0].x-colour', 'red'],
      ['placements[1].x-pinned', true],
      ['placements[1].vm.x-image', 'alpine'],
      ['provisioning[0].x-why', 'burst at 20 s'],
      ['commands[3].x-note', { reason: 'exploit' }],
      ['commands[3].vm.x-size', 'small'],
    ]);
    expect(validateBuild(build, level)).toEqual({ ok: true, value: build });
  });

  it('nodes may name a node listed later', () => {
    const build = withChanges(exampleBuild, [
      ['nodes', [
        { id: 'ce-a', piece: 'container-engine', on: 'vm-a' },
        { id: 'vm-a', piece: 'vm', on: 'hv', kernel: 'linux', driver: 'para' },
        { id: 'hv', piece: 'type1-hypervisor', on: 'hardware' },
      ]],
    ]);
    expect(validateBuild(build, level).ok).toBe(true);
  });
});

interface RuleCase {
  rule: string;
  changes: ReadonlyArray<readonly [string, unknown]>;
  errors: Array<[string, string]>;
  params?: Record<string, string | number>;
}

/** One change to the example build per rule, with every error it must cause; checked without a level. */
const structureCases: RuleCase[] = [
  { rule: 'format required', changes: [['format', DELETE]], errors: [['format', 'required']] },
  { rule: 'format is build@1', changes: [['format', 'kernel-courier/level@1']], errors: [['format', 'format']], params: { expected: 'kernel-courier/build@1' } },
  { rule: 'level is an id', changes: [['level', 'Bank Four']], errors: [['level', 'pattern']] },
  { rule: 'unknown top-level key', changes: [['node', []]], errors: [['node', 'unknown-key']], params: { key: 'node' } },
  // nodes
  // When a node is too broken to name, names of nodes elsewhere are not second-guessed.
  { rule: 'nodes required', changes: [['nodes', DELETE]], errors: [['nodes', 'required']] },
  { rule: 'nodes is an array', changes: [['nodes', {}]], errors: [['nodes', 'type']] },
  { rule: 'node is an object', changes: [['nodes[2]', 'ce-a']], errors: [['nodes[2]', 'type']] },
  { rule: 'node id required', changes: [['nodes[2].id', DELETE]], errors: [['nodes[2].id', 'required']] },
  { rule: 'node id pattern', changes: [['nodes[2].id', 'CE A']], errors: [['nodes[2].id', 'pattern']] },
  { rule: 'an empty node list names no node', changes: [['nodes', []]], errors: [['placements[0].on', 'reference'], ['placements[1].on', 'reference'], ['commands[1].vm', 'reference'], ['commands[3].on', 'reference'], ['commands[4].at', 'reference']] },
  {
    rule: 'node ids unique',
    changes: [['nodes[2].id', 'vm-a']],
    errors: [['nodes[2].id', 'duplicate'], ['placements[0].on', 'reference']],
    params: { value: 'vm-a', first: 'nodes[1].id' },
  },
  {
    rule: 'no node is called hardware',
    changes: [['nodes[2].id', 'hardware'], ['placements[0].on', 'hv']],
    errors: [['nodes[2].id', 'constraint']],
    params: { rule: 'reserved-id' },
  },
  { rule: 'piece required', changes: [['nodes[0].piece', DELETE]], errors: [['nodes[0].piece', 'required']] },
  { rule: 'piece enum', changes: [['nodes[0].piece', 'hypervisor']], errors: [['nodes[0].piece', 'enum']] },
  { rule: 'on required', changes: [['nodes[0].on', DELETE]], errors: [['nodes[0].on', 'required']] },
  { rule: 'on is a string', changes: [['nodes[0].on', 0]], errors: [['nodes[0].on', 'type']] },
  { rule: 'on names a node', changes: [['nodes[1].on', 'ghost']], errors: [['nodes[1].on', 'reference']], params: { value: 'ghost', target: 'node' } },
  { rule: 'a node cannot stand on itself', changes: [['nodes[0].on', 'hv']], errors: [['nodes[0].on', 'constraint']], params: { rule: 'cycle', cycle: 'hv → hv' } },
  {
    rule: 'nodes cannot stand on each other in a circle',
    changes: [['nodes[0].on', 'ce-a']],
    errors: [['nodes[0].on', 'constraint'], ['nodes[1].on', 'constraint'], ['nodes[2].on', 'constraint']],
    params: { rule: 'cycle', cycle: 'hv → ce-a → vm-a → hv' },
  },
  { rule: 'host-os needs a kernel', changes: [['nodes[0]', { id: 'hv', piece: 'host-os', on: 'hardware' }]], errors: [['nodes[0].kernel', 'required']] },
  { rule: 'vm needs a kernel', changes: [['nodes[1].kernel', DELETE]], errors: [['nodes[1].kernel', 'required']] },
  { rule: 'vm needs a driver', changes: [['nodes[1].driver', DELETE]], errors: [['nodes[1].driver', 'required']] },
  { rule: 'kernel enum', changes: [['nodes[1].kernel', 'bsd']], errors: [['nodes[1].kernel', 'enum']], params: { allowed: 'linux, windows' } },
  { rule: 'driver enum', changes: [['nodes[1].driver', 'virtio']], errors: [['nodes[1].driver', 'enum']], params: { allowed: 'emulated, para' } },
  {
    rule: 'no kernel on a container engine',
    changes: [['nodes[2].kernel', 'linux']],
    errors: [['nodes[2].kernel', 'forbidden']],
    params: { key: 'kernel', piece: 'container-engine' },
  },
  { rule: 'no driver on a host OS', changes: [['nodes[0]', { id: 'hv', piece: 'host-os', on: 'hardware', kernel: 'linux', driver: 'para' }]], errors: [['nodes[0].driver', 'forbidden']] },
  { rule: 'a typo in a node', changes: [['nodes[0].colour', 'red']], errors: [['nodes[0].colour', 'unknown-key']] },
  // placements
  { rule: 'placements required', changes: [['placements', DELETE]], errors: [['placements', 'required']] },
  { rule: 'placement app required', changes: [['placements[0].app', DELETE]], errors: [['placements[0].app', 'required']] },
  { rule: 'placement app is an id', changes: [['placements[0].app', 'Ledger A']], errors: [['placements[0].app', 'pattern']] },
  { rule: 'placement on required', changes: [['placements[0].on', DELETE]], errors: [['placements[0].on', 'required']] },
  { rule: 'placement on a node', changes: [['placements[0].on', 'ghost']], errors: [['placements[0].on', 'reference']] },
  {
    rule: 'placement not on bare hardware',
    changes: [['placements[0].on', 'hardware']],
    errors: [['placements[0].on', 'reference']],
    params: { value: 'hardware', target: 'node' },
  },
  { rule: 'vm template needs a driver', changes: [['placements[1].vm.driver', DELETE]], errors: [['placements[1].vm.driver', 'required']] },
  { rule: 'vm template kernel enum', changes: [['placements[1].vm.kernel', 'dos']], errors: [['placements[1].vm.kernel', 'enum']] },
  { rule: 'vm template is an object', changes: [['placements[1].vm', 'para']], errors: [['placements[1].vm', 'type']] },
  { rule: 'a typo in a vm template', changes: [['placements[1].vm.drivers', 'para']], errors: [['placements[1].vm.drivers', 'unknown-key']] },
  { rule: 'a typo in a placement', changes: [['placements[0].node', 'hv']], errors: [['placements[0].node', 'unknown-key']] },
  // provisioning
  { rule: 'provisioning is an array', changes: [['provisioning', { app: 'ledger-a' }]], errors: [['provisioning', 'type']] },
  { rule: 'provisioning app required', changes: [['provisioning[0].app', DELETE]], errors: [['provisioning[0].app', 'required']] },
  { rule: 'prePull is boolean', changes: [['provisioning[0].prePull', 'yes']], errors: [['provisioning[0].prePull', 'type']] },
  { rule: 'warmSpares ≥ 0', changes: [['provisioning[0].warmSpares', -1]], errors: [['provisioning[0].warmSpares', 'range']], params: { min: 0, max: 1000 } },
  { rule: 'warmSpares ≤ 1000', changes: [['provisioning[0].warmSpares', 1001]], errors: [['provisioning[0].warmSpares', 'range']] },
  { rule: 'warmSpares whole', changes: [['provisioning[0].warmSpares', 0.5]], errors: [['provisioning[0].warmSpares', 'integer']] },
  { rule: 'a typo in provisioning', changes: [['provisioning[0].prepull', true]], errors: [['provisioning[0].prepull', 'unknown-key']] },
  // commands
  { rule: 'commands is an array', changes: [['commands', 'scale']], errors: [['commands', 'type']] },
  { rule: 'command is an object', changes: [['commands[0]', 42]], errors: [['commands[0]', 'type']] },
  { rule: 'atMs required', changes: [['commands[0].atMs', DELETE]], errors: [['commands[0].atMs', 'required']] },
  { rule: 'atMs ≥ 0', changes: [['commands[0].atMs', -1]], errors: [['commands[0].atMs', 'range']], params: { min: 0 } },
  { rule: 'atMs is a number', changes: [['commands[0].atMs', '12s']], errors: [['commands[0].atMs', 'type']] },
  { rule: 'op required', changes: [['commands[0].op', DELETE]], errors: [['commands[0].op', 'required']] },
  { rule: 'op enum', changes: [['commands[0].op', 'explode']], errors: [['commands[0].op', 'enum']] },
  { rule: 'unknown op: only unknown keys of every op reported', changes: [['commands[0].op', 'explode'], ['commands[0].foo', 1]], errors: [['commands[0].foo', 'unknown-key'], ['commands[0].op', 'enum']] },
  { rule: 'scale needs instances', changes: [['commands[0].instances', DELETE]], errors: [['commands[0].instances', 'required']] },
  { rule: 'scale instances ≤ 1000', changes: [['commands[0].instances', 5000]], errors: [['commands[0].instances', 'range']] },
  { rule: 'scale to 0 is fine', changes: [['commands[0].instances', 0]], errors: [] },
  { rule: 'scale needs an app', changes: [['commands[0].app', DELETE]], errors: [['commands[0].app', 'required']] },
  { rule: 'scale has no kind', changes: [['commands[0].kind', 'net']], errors: [['commands[0].kind', 'unknown-key']] },
  {
    rule: 'set-driver with both vm and app',
    changes: [['commands[1].app', 'ledger-a']],
    errors: [['commands[1]', 'constraint']],
    params: { rule: 'vm-or-app' },
  },
  { rule: 'set-driver with neither vm nor app', changes: [['commands[1].vm', DELETE]], errors: [['commands[1]', 'constraint']] },
  { rule: 'set-driver vm names a node', changes: [['commands[1].vm', 'ghost']], errors: [['commands[1].vm', 'reference']] },
  {
    rule: 'set-driver vm names a vm',
    changes: [['commands[1].vm', 'ce-a']],
    errors: [['commands[1].vm', 'constraint']],
    params: { rule: 'not-a-vm', piece: 'container-engine' },
  },
  { rule: 'set-driver needs a driver', changes: [['commands[2].driver', DELETE]], errors: [['commands[2].driver', 'required']] },
  { rule: 'set-driver driver enum', changes: [['commands[2].driver', 'fast']], errors: [['commands[2].driver', 'enum']] },
  { rule: 'move needs on', changes: [['commands[3].on', DELETE]], errors: [['commands[3].on', 'required']] },
  { rule: 'move onto a node', changes: [['commands[3].on', 'hardware']], errors: [['commands[3].on', 'reference']] },
  { rule: 'move vm template', changes: [['commands[3].vm', { kernel: 'linux' }]], errors: [['commands[3].vm.driver', 'required']] },
  { rule: 'move without a vm template is fine', changes: [['commands[3].vm', DELETE]], errors: [] },
  { rule: 'block kind enum', changes: [['commands[4].kind', 'gpu']], errors: [['commands[4].kind', 'enum']], params: { allowed: 'disk, net, syscall' } },
  { rule: 'block needs at', changes: [['commands[4].at', DELETE]], errors: [['commands[4].at', 'required']] },
  { rule: 'block at a node', changes: [['commands[4].at', 'ghost']], errors: [['commands[4].at', 'reference']] },
  { rule: 'quarantine has only app', changes: [['commands[5].instances', 1]], errors: [['commands[5].instances', 'unknown-key']] },
  { rule: 'release needs an app', changes: [['commands[6].app', DELETE]], errors: [['commands[6].app', 'required']] },
];

/** Rules that only apply with the level: the apps a build names, each placed at most once, the level id. */
const levelCases: RuleCase[] = [
  { rule: 'placement app exists', changes: [['placements[0].app', 'ghost']], errors: [['placements[0].app', 'reference']], params: { value: 'ghost', target: 'app' } },
  {
    rule: 'an app is placed at most once',
    changes: [['placements[1].app', 'ledger-a']],
    errors: [['placements[1].app', 'duplicate']],
    params: { value: 'ledger-a', first: 'placements[0].app' },
  },
  { rule: 'an app is provisioned at most once', changes: [['provisioning[1]', { app: 'ledger-a' }]], errors: [['provisioning[1].app', 'duplicate']] },
  { rule: 'provisioning app exists', changes: [['provisioning[0].app', 'ghost']], errors: [['provisioning[0].app', 'reference']] },
  { rule: 'scale app exists', changes: [['commands[0].app', 'ghost']], errors: [['commands[0].app', 'reference']] },
  { rule: 'set-driver app exists', changes: [['commands[2].app', 'ghost']], errors: [['commands[2].app', 'reference']] },
  { rule: 'move app exists', changes: [['commands[3].app', 'ghost']], errors: [['commands[3].app', 'reference']] },
  { rule: 'block app exists', changes: [['commands[4].app', 'ghost']], errors: [['commands[4].app', 'reference']] },
  { rule: 'quarantine app exists', changes: [['commands[5].app', 'ghost']], errors: [['commands[5].app', 'reference']] },
  { rule: 'release app exists', changes: [['commands[6].app', 'ghost']], errors: [['commands[6].app', 'reference']] },
  { rule: 'the build is for this level', changes: [['level', 'other']], errors: [['level', 'constraint']], params: { rule: 'level-id', expected: 'bank-four-tenants' } },
  { rule: 'an unplaced app is the rule checker’s business', changes: [['placements', [{ app: 'ledger-a', on: 'ce-a' }]]], errors: [] },
];

describe('each rule reports its path and code', () => {
  it.each(structureCases)('$rule', ({ changes, errors, params }) => {
    const build = withChanges(exampleBuild, changes);
    const found = errorsOf(build);
    expect(found.map((error) => [error.path, error.code])).toEqual(errors);
    if (params !== undefined) expect(found[0].params).toMatchObject(params);
    // The same structural errors with the level.
    expect(errorsOf(build, level).map((error) => [error.path, error.code])).toEqual(errors);
  });

  it.each(levelCases)('with the level: $rule', ({ changes, errors, params }) => {
    const build = withChanges(exampleBuild, changes);
    const found = errorsOf(build, level);
    expect(found.map((error) => [error.path, error.code])).toEqual(errors);
    if (params !== undefined) expect(found[0].params).toMatchObject(params);
    // Without a level these are not errors.
    expect(errorsOf(build)).toEqual([]);
  });

  it('reports a root that is not an object', () => {
    for (const input of [null, [], 'build', 1, undefined]) {
      expect(errorsOf(input).map((error) => [error.path, error.code])).toEqual([['', 'not-object']]);
    }
  });

  it('collects every error, in file order', () => {
    const build = withChanges(exampleBuild, [
      ['nodes[1].driver', 'fast'],
      ['placements[0].on', 'hardware'],
      ['provisioning[0].warmSpares', -2],
      ['commands[4].kind', 'gpu'],
      ['commands[6].app', 'ghost'],
    ]);
    expect(errorsOf(build, level).map((error) => [error.path, error.code])).toEqual([
      ['nodes[1].driver', 'enum'],
      ['placements[0].on', 'reference'],
      ['provisioning[0].warmSpares', 'range'],
      ['commands[4].kind', 'enum'],
      ['commands[6].app', 'reference'],
    ]);
  });

  it('never trusts the level it is given', () => {
    const brokenLevels = [{}, { apps: 'none' }, { apps: [null, { id: 7 }] }, null] as unknown as Level[];
    for (const brokenLevel of brokenLevels) expectWellFormed(validateBuild(exampleBuild, brokenLevel));
  });
});

describe('properties', () => {
  it('never throws, for any value and any JSON value, with or without a level', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything({ withNullPrototype: true, withSparseArray: true, withMap: true }), fc.jsonValue()), (value) => {
        expectWellFormed(validateBuild(value));
        expectWellFormed(validateBuild(value, level));
      }),
      { numRuns: 200 },
    );
  });

  it('never throws for mutations of a valid build', () => {
    fc.assert(
      fc.property(mutationOf(exampleBuild), (build) => {
        expectWellFormed(validateBuild(build, level));
      }),
      { numRuns: 200 },
    );
  });

  it('accepts every generated valid build, unchanged, and so does the schema', () => {
    fc.assert(
      fc.property(validBuild(), (build) => {
        const result = validateBuild(build);
        if (!result.ok) throw new Error(JSON.stringify(result.errors));
        expect(result.value).toEqual(build);
        expect(schemaAcceptsBuild(build)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('accepts generated valid builds for the level', () => {
    fc.assert(
      fc.property(validBuild({ appIds: ['ledger-a', 'ledger-b'], levelId: 'bank-four-tenants' }), (build) => {
        const result = validateBuild(build, level);
        if (!result.ok) throw new Error(JSON.stringify(result.errors));
      }),
      { numRuns: 100 },
    );
  });

  it('whatever the validator accepts, the schema accepts too', () => {
    fc.assert(
      fc.property(fc.oneof(mutationOf(exampleBuild), validBuild().chain(mutationOf)), (build) => {
        if (validateBuild(build).ok) expect(schemaAcceptsBuild(build)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  const schemaCheckable = structureCases.filter(
    (ruleCase) =>
      ruleCase.errors.length > 0 &&
      // Rules a JSON Schema cannot express: references between nodes, unique ids, cycles, node pieces.
      ruleCase.errors.every(([, code]) => code !== 'reference' && code !== 'duplicate') &&
      !['a node cannot stand on itself', 'nodes cannot stand on each other in a circle', 'set-driver vm names a vm'].includes(
        ruleCase.rule,
      ),
  );

  it.each(schemaCheckable)('both reject: $rule', ({ changes }) => {
    const build = withChanges(exampleBuild, changes);
    expect(validateBuild(build).ok).toBe(false);
    expect(schemaAcceptsBuild(build)).toBe(false);
  });

  it('hardware as a target is rejected by both', () => {
    for (const changes of [[['placements[0].on', 'hardware']], [['commands[3].on', 'hardware']], [['commands[4].at', 'hardware']]] as const) {
      const build = withChanges(exampleBuild, changes);
      expect(validateBuild(build).ok).toBe(false);
      expect(schemaAcceptsBuild(build)).toBe(false);
    }
  });
});
