// Tests of the level validator (contracts.md §1a): valid levels pass unchanged, each rule reports the
// exact path and code, nothing ever throws, and the JSON Schema in docs/ agrees with the validator.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import firstDelivery from '../../src/levels/campaign/01-first-delivery.json';
import { parseJsonText } from '../../src/sim/parseJson';
import type { ValidationError } from '../../src/sim/types';
import { validateBuild } from '../../src/sim/validateBuild';
import { validateLevel } from '../../src/sim/validateLevel';
import { CONSTRAINT_RULES, VALIDATION_CODES } from '../../src/sim/validation';
import { DELETE, mutationOf, validLevel, withChanges, type JsonRecord } from './validationArbitraries';

function readDoc(name: string): JsonRecord {
  return JSON.parse(readFileSync(fileURLToPath(new URL(`../../docs/${name}`, import.meta.url)), 'utf8')) as JsonRecord;
}

const levelSchema = readDoc('level.schema.json');
const buildSchema = readDoc('build.schema.json');
const ajv = new Ajv2020({ allErrors: true, strict: false });
const schemaAcceptsLevel = ajv.compile(levelSchema);
const schemaAcceptsBuild = ajv.compile(buildSchema);

/** The example of contracts.md §1a, word for word (it keeps a host OS yet allows Type-1: see below). */
const contractExample: JsonRecord = {
  format: 'kernel-courier/level@1',
  id: 'bank-four-tenants',
  chapter: 'security',
  title: { en: 'Four tenants, one server', ko: '한 서버, 네 고객' },
  brief: { en: 'A bank rents this server to four companies that do not trust each other.', ko: '…' },
  hints: [{ en: 'Who could read whose files?', ko: '…' }],
  learningGoals: [{ en: 'A shared kernel is one wall for everyone.', ko: '…' }],
  teacherNotes: { en: '…', ko: '…' },
  hardware: { cores: 32, memoryGiB: 128, registryMbps: 200 },
  hostKernel: 'linux',
  apps: [
    {
      id: 'ledger-a',
      tenant: 'a',
      kernel: 'linux',
      trust: 'untrusted',
      io: { disk: 40, net: 60, syscall: 200 },
      instances: 2,
      memoryMiB: 512,
      image: { sizeMB: 120, cached: false },
    },
  ],
  bursts: [{ app: 'ledger-a', atSecond: 20, instances: 12, deadlineSeconds: 5 }],
  threats: [{ app: 'ledger-a', kind: 'kernel-exploit', atSecond: 15 }],
  objectives: { security: 3, speed: 1, scale: 1 },
  allow: ['native', 'container', 'type2', 'type1-full', 'type1-para'],
  palette: { 'host-os': 1, 'type1-hypervisor': 1, 'type2-hypervisor': 1, vm: 8, 'container-engine': 4 },
  durationSeconds: 60,
  seed: 42,
  expected: 'type1-para',
  reference: { format: 'kernel-courier/build@1', nodes: [], placements: [] },
  starThresholds: [0.5, 0.8, 0.95],
};

/**
 * The contract's example made complete and consistent: no hostKernel (so Type-1 may be allowed), a
 * second app, and the build example of §1b as its reference.
 */
const completeLevel: JsonRecord = {
  ...withChanges(contractExample, [['hostKernel', DELETE]]),
  apps: [
    (contractExample.apps as JsonRecord[])[0],
    {
      id: 'ledger-b',
      tenant: 'b',
      kernel: 'linux',
      trust: 'trusted',
      io: { disk: 10, net: 30 },
      instances: 1,
    },
  ],
  reference: {
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
    commands: [{ atMs: 12000, op: 'scale', app: 'ledger-a', instances: 6 }],
  },
};

function errorsOf(input: unknown): ValidationError[] {
  const result = validateLevel(input);
  return result.ok ? [] : result.errors;
}

function pathsAndCodes(input: unknown): Array<[string, string]> {
  return errorsOf(input).map((error) => [error.path, error.code]);
}

function expectWellFormed(result: ReturnType<typeof validateLevel> | ReturnType<typeof validateBuild>): void {
  expect(typeof result.ok).toBe('boolean');
  if (result.ok) return;
  expect(result.errors.length).toBeGreaterThan(0);
  for (const error of result.errors) {
    expect(typeof error.path).toBe('string');
    expect(VALIDATION_CODES).toContain(error.code);
    expect(error.message.length).toBeGreaterThan(0);
    for (const value of Object.values(error.params ?? {})) expect(['string', 'number']).toContain(typeof value);
  }
}

describe('valid levels', () => {
  it('accepts the complete contract example and returns an equal, separate copy', () => {
    const result = validateLevel(completeLevel);
    expect(result).toEqual({ ok: true, value: completeLevel });
    if (result.ok) expect(result.value).not.toBe(completeLevel);
    expect(schemaAcceptsLevel(completeLevel)).toBe(true);
  });

  it('accepts the first campaign level', () => {
    expect(validateLevel(firstDelivery)).toEqual({ ok: true, value: firstDelivery });
    expect(schemaAcceptsLevel(firstDelivery)).toBe(true);
  });

  it('rejects the contract example as written only because it keeps a host OS yet allows Type-1', () => {
    expect(pathsAndCodes(contractExample)).toEqual([
      ['allow[3]', 'constraint'],
      ['allow[4]', 'constraint'],
    ]);
    expect(schemaAcceptsLevel(contractExample)).toBe(false);
  });

  it('does not fill in defaults', () => {
    const result = validateLevel(withChanges(completeLevel, [['hardware.registryMbps', DELETE], ['starThresholds', DELETE]]));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.hardware).toEqual({ cores: 32, memoryGiB: 128 });
    expect('starThresholds' in result.value).toBe(false);
  });

  it('keeps x- keys at every level and ignores them', () => {
    const level = withChanges(completeLevel, [
      ['x-author', { name: 'Ada', tags: ['a'] }],
      ['title.x-note', 42],
      ['hardware.x-gpu', 'none'],
      ['apps[0].x-art', [1, 2]],
      ['apps[0].io.x-unit', 'pps'],
      ['apps[0].image.x-digest', 'sha256:…'],
      ['objectives.x-why', null],
      ['palette.x-hidden', true],
      ['bursts[0].x-label', 'lunch'],
      ['threats[0].x-cve', 'CVE-2016-5195'],
      ['reference.x-editor', { zoom: 2 }],
      ['reference.nodes[0].x-colour', 'red'],
      ['reference.placements[0].x-pinned', true],
      ['reference.commands[0].x-note', 'lunch rush'],
    ]);
    const result = validateLevel(level);
    expect(result).toEqual({ ok: true, value: level });
  });

  it('returns a copy that later changes to the input do not reach', () => {
    const level = structuredClone(completeLevel);
    const result = validateLevel(level);
    (level.hardware as JsonRecord).cores = 1;
    expect(result.ok && result.value.hardware.cores).toBe(32);
  });

  it('accepts locale codes such as pt-BR and zh-Hant-TW', () => {
    const level = withChanges(completeLevel, [
      ['title.pt-BR', 'Quatro inquilinos'],
      ['title.zh-Hant-TW', '四個租戶'],
    ]);
    expect(validateLevel(level).ok).toBe(true);
  });
});

interface RuleCase {
  rule: string;
  changes: ReadonlyArray<readonly [string, unknown]>;
  errors: Array<[string, string]>;
  params?: Record<string, string | number>;
}

const longId = 'a'.repeat(65);

/** One change to the complete level per rule, with every error it must cause (path, code). */
const ruleCases: RuleCase[] = [
  // format and id
  { rule: 'format is required', changes: [['format', DELETE]], errors: [['format', 'required']], params: { key: 'format' } },
  {
    rule: 'format must be level@1',
    changes: [['format', 'kernel-courier/level@2']],
    errors: [['format', 'format']],
    params: { expected: 'kernel-courier/level@1' },
  },
  { rule: 'a build is not a level', changes: [['format', 'kernel-courier/build@1']], errors: [['format', 'format']] },
  { rule: 'id is required', changes: [['id', DELETE]], errors: [['id', 'required']] },
  { rule: 'id is lower case', changes: [['id', 'Bank']], errors: [['id', 'pattern']], params: { pattern: '^[a-z0-9-]{1,64}$' } },
  { rule: 'id has at most 64 characters', changes: [['id', longId]], errors: [['id', 'pattern']] },
  { rule: 'id is a string', changes: [['id', 42]], errors: [['id', 'type']], params: { expected: 'string', actual: '42' } },
  { rule: 'unknown top-level key', changes: [['levle', 2]], errors: [['levle', 'unknown-key']], params: { key: 'levle' } },
  { rule: '$schema is not a level field', changes: [['$schema', 'x']], errors: [['$schema', 'unknown-key']] },
  { rule: 'chapter is not empty', changes: [['chapter', '']], errors: [['chapter', 'length']], params: { min: 1 } },
  { rule: 'chapter is a string', changes: [['chapter', 3]], errors: [['chapter', 'type']] },
  // localized text
  { rule: 'title is required', changes: [['title', DELETE]], errors: [['title', 'required']] },
  { rule: 'title is an object', changes: [['title', 'Hello']], errors: [['title', 'type']], params: { expected: 'object' } },
  { rule: 'title needs en', changes: [['title', { ko: '안녕' }]], errors: [['title.en', 'required']] },
  { rule: 'title.en is not empty', changes: [['title.en', '']], errors: [['title.en', 'length']] },
  { rule: 'title.ko is a string', changes: [['title.ko', 3]], errors: [['title.ko', 'type']] },
  { rule: 'title keys are locale codes', changes: [['title.english', 'x']], errors: [['title.english', 'unknown-key']] },
  { rule: 'brief is required', changes: [['brief', DELETE]], errors: [['brief', 'required']] },
  { rule: 'hints is an array', changes: [['hints', { en: 'x' }]], errors: [['hints', 'type']], params: { expected: 'array' } },
  { rule: 'hints hold texts', changes: [['hints[0]', 'Who?']], errors: [['hints[0]', 'type']] },
  { rule: 'learningGoals need en', changes: [['learningGoals[0].en', DELETE]], errors: [['learningGoals[0].en', 'required']] },
  { rule: 'teacherNotes need en', changes: [['teacherNotes', {}]], errors: [['teacherNotes.en', 'required']] },
  // hardware
  { rule: 'hardware is required', changes: [['hardware', DELETE]], errors: [['hardware', 'required']] },
  { rule: 'hardware is an object', changes: [['hardware', [32, 128]]], errors: [['hardware', 'type']], params: { actual: 'an array' } },
  { rule: 'cores is required', changes: [['hardware.cores', DELETE]], errors: [['hardware.cores', 'required']] },
  { rule: 'cores ≥ 1', changes: [['hardware.cores', 0]], errors: [['hardware.cores', 'range']], params: { min: 1, actual: 0 } },
  { rule: 'cores is whole', changes: [['hardware.cores', 1.5]], errors: [['hardware.cores', 'integer']], params: { actual: 1.5 } },
  { rule: 'cores is a number', changes: [['hardware.cores', '8']], errors: [['hardware.cores', 'type']], params: { expected: 'integer' } },
  { rule: 'cores is a safe integer', changes: [['hardware.cores', 1e300]], errors: [['hardware.cores', 'range']] },
  { rule: 'memoryGiB > 0', changes: [['hardware.memoryGiB', 0]], errors: [['hardware.memoryGiB', 'range']], params: { exclusiveMin: 0 } },
  { rule: 'memoryGiB is finite', changes: [['hardware.memoryGiB', Number.NaN]], errors: [['hardware.memoryGiB', 'type']], params: { actual: 'NaN' } },
  { rule: 'memoryGiB is not infinite', changes: [['hardware.memoryGiB', Infinity]], errors: [['hardware.memoryGiB', 'type']] },
  { rule: 'registryMbps > 0', changes: [['hardware.registryMbps', -5]], errors: [['hardware.registryMbps', 'range']] },
  { rule: 'hardware has no gpu', changes: [['hardware.gpu', 1]], errors: [['hardware.gpu', 'unknown-key']] },
  // hostKernel
  { rule: 'hostKernel is linux or windows', changes: [['hostKernel', 'mac']], errors: [['hostKernel', 'enum']], params: { allowed: 'linux, windows' } },
  {
    rule: 'a kept host OS forbids Type-1',
    changes: [['hostKernel', 'windows'], ['allow', ['native', 'type1-para']], ['expected', 'native']],
    errors: [['allow[1]', 'constraint']],
    params: { rule: 'type1-with-host-kernel', value: 'type1-para', hostKernel: 'windows' },
  },
  {
    rule: 'a kept host OS forbids container-in-vm (it needs a Type-1 hypervisor)',
    changes: [['hostKernel', 'linux'], ['allow', ['container', 'container-in-vm']], ['expected', 'container']],
    errors: [['allow[1]', 'constraint']],
    params: { rule: 'type1-with-host-kernel', value: 'container-in-vm', hostKernel: 'linux' },
  },
  // teachesAgainst and drivers
  { rule: 'teachesAgainst is an architecture', changes: [['teachesAgainst', 'mainframe']], errors: [['teachesAgainst', 'enum']] },
  {
    rule: 'teachesAgainst is allowed',
    changes: [['allow', ['container', 'type1-para']], ['teachesAgainst', 'type2']],
    errors: [['teachesAgainst', 'reference']],
    params: { value: 'type2', target: 'allow' },
  },
  {
    rule: 'teachesAgainst differs from expected',
    changes: [['teachesAgainst', 'type1-para']],
    errors: [['teachesAgainst', 'constraint']],
    params: { rule: 'teaches-against-expected', value: 'type1-para' },
  },
  { rule: 'drivers is not empty', changes: [['drivers', []]], errors: [['drivers', 'length']] },
  { rule: 'drivers are emulated or para', changes: [['drivers', ['virtio']]], errors: [['drivers[0]', 'enum']] },
  { rule: 'drivers are unique', changes: [['drivers', ['para', 'emulated', 'para']]], errors: [['drivers[2]', 'duplicate']] },
  {
    rule: 'drivers offer what an allowed architecture needs',
    changes: [['drivers', ['para']]],
    errors: [['drivers', 'constraint']],
    params: { rule: 'driver-for-arch', value: 'type1-full', driver: 'emulated' },
  },
  { rule: 'computeUs ≥ 0', changes: [['apps[1].computeUs', -1]], errors: [['apps[1].computeUs', 'range']] },
  { rule: 'computeUs is a number', changes: [['apps[1].computeUs', 'fast']], errors: [['apps[1].computeUs', 'type']] },
  // apps
  { rule: 'apps is required', changes: [['apps', DELETE]], errors: [['apps', 'required']] },
  {
    // With no apps at all, every name of an app elsewhere is wrong too.
    rule: 'apps is not empty',
    changes: [['apps', []]],
    errors: [
      ['apps', 'length'],
      ['bursts[0].app', 'reference'],
      ['threats[0].app', 'reference'],
      ['reference.placements[0].app', 'reference'],
      ['reference.placements[1].app', 'reference'],
      ['reference.provisioning[0].app', 'reference'],
      ['reference.commands[0].app', 'reference'],
    ],
    params: { min: 1, actual: 0 },
  },
  // When an app is too broken to name, names of apps elsewhere are not second-guessed.
  { rule: 'apps is required (names elsewhere not reported)', changes: [['apps', DELETE], ['bursts[0].app', 'ghost']], errors: [['apps', 'required']] },
  { rule: 'apps is an array', changes: [['apps', { id: 'x' }]], errors: [['apps', 'type']] },
  { rule: 'apps hold objects', changes: [['apps[1]', 'ledger-b']], errors: [['apps[1]', 'type']] },
  {
    rule: 'app ids are unique',
    changes: [['apps[1].id', 'ledger-a']],
    errors: [
      ['apps[1].id', 'duplicate'],
      ['reference.placements[1].app', 'reference'],
    ],
    params: { value: 'ledger-a', first: 'apps[0].id' },
  },
  { rule: 'app id pattern', changes: [['apps[1].id', 'Ledger B']], errors: [['apps[1].id', 'pattern']] },
  { rule: 'tenant is required', changes: [['apps[0].tenant', DELETE]], errors: [['apps[0].tenant', 'required']] },
  { rule: 'tenant is not empty', changes: [['apps[0].tenant', '']], errors: [['apps[0].tenant', 'length']] },
  { rule: 'kernel is linux or windows', changes: [['apps[1].kernel', 'macos']], errors: [['apps[1].kernel', 'enum']], params: { allowed: 'linux, windows', actual: '"macos"' } },
  { rule: 'trust is trusted or untrusted', changes: [['apps[1].trust', 'maybe']], errors: [['apps[1].trust', 'enum']] },
  { rule: 'io is required', changes: [['apps[0].io', DELETE]], errors: [['apps[0].io', 'required']] },
  { rule: 'io needs a rate above 0', changes: [['apps[0].io', { disk: 0 }]], errors: [['apps[0].io', 'constraint']], params: { rule: 'io-positive' } },
  { rule: 'empty io', changes: [['apps[0].io', {}]], errors: [['apps[0].io', 'constraint']] },
  { rule: 'io rates ≥ 0', changes: [['apps[0].io.disk', -1]], errors: [['apps[0].io.disk', 'range']], params: { min: 0 } },
  { rule: 'io rates are numbers', changes: [['apps[0].io.net', 'fast']], errors: [['apps[0].io.net', 'type']] },
  { rule: 'io has only disk, net, syscall', changes: [['apps[0].io.gpu', 5]], errors: [['apps[0].io.gpu', 'unknown-key']] },
  { rule: 'instances is required', changes: [['apps[0].instances', DELETE]], errors: [['apps[0].instances', 'required']] },
  { rule: 'instances ≥ 1', changes: [['apps[0].instances', 0]], errors: [['apps[0].instances', 'range']], params: { min: 1, max: 1000 } },
  { rule: 'instances ≤ 1000', changes: [['apps[0].instances', 1001]], errors: [['apps[0].instances', 'range']] },
  { rule: 'instances is whole', changes: [['apps[0].instances', 2.5]], errors: [['apps[0].instances', 'integer']] },
  { rule: 'memoryMiB > 0', changes: [['apps[0].memoryMiB', 0]], errors: [['apps[0].memoryMiB', 'range']] },
  { rule: 'image is an object', changes: [['apps[0].image', 120]], errors: [['apps[0].image', 'type']] },
  { rule: 'image.sizeMB > 0', changes: [['apps[0].image.sizeMB', -1]], errors: [['apps[0].image.sizeMB', 'range']] },
  { rule: 'image.cached is boolean', changes: [['apps[0].image.cached', 'yes']], errors: [['apps[0].image.cached', 'type']], params: { expected: 'boolean' } },
  { rule: 'a typo in an app', changes: [['apps[0].imag', {}]], errors: [['apps[0].imag', 'unknown-key']], params: { key: 'imag' } },
  { rule: 'a typo in an image', changes: [['apps[0].image.size', 3]], errors: [['apps[0].image.size', 'unknown-key']] },
  // bursts
  { rule: 'bursts is an array', changes: [['bursts', {}]], errors: [['bursts', 'type']] },
  { rule: 'burst app exists', changes: [['bursts[0].app', 'ghost']], errors: [['bursts[0].app', 'reference']], params: { value: 'ghost', target: 'app' } },
  { rule: 'burst app is required', changes: [['bursts[0].app', DELETE]], errors: [['bursts[0].app', 'required']] },
  { rule: 'burst atSecond ≥ 0', changes: [['bursts[0].atSecond', -1]], errors: [['bursts[0].atSecond', 'range']] },
  {
    rule: 'burst atSecond < durationSeconds',
    changes: [['bursts[0].atSecond', 60]],
    errors: [['bursts[0].atSecond', 'range']],
    params: { min: 0, exclusiveMax: 60, actual: 60 },
  },
  { rule: 'burst instances ≥ 1', changes: [['bursts[0].instances', 0]], errors: [['bursts[0].instances', 'range']] },
  { rule: 'burst instances whole', changes: [['bursts[0].instances', 1.5]], errors: [['bursts[0].instances', 'integer']] },
  { rule: 'burst deadline > 0', changes: [['bursts[0].deadlineSeconds', 0]], errors: [['bursts[0].deadlineSeconds', 'range']] },
  { rule: 'burst deadline required', changes: [['bursts[0].deadlineSeconds', DELETE]], errors: [['bursts[0].deadlineSeconds', 'required']] },
  { rule: 'a typo in a burst', changes: [['bursts[0].deadline', 5]], errors: [['bursts[0].deadline', 'unknown-key']] },
  // threats
  { rule: 'threat kind enum', changes: [['threats[0].kind', 'ddos']], errors: [['threats[0].kind', 'enum']] },
  { rule: 'threat kind required', changes: [['threats[0].kind', DELETE]], errors: [['threats[0].kind', 'required']] },
  { rule: 'threat app required', changes: [['threats[0].app', DELETE]], errors: [['threats[0].app', 'required']] },
  { rule: 'threat app exists', changes: [['threats[0].app', 'ghost']], errors: [['threats[0].app', 'reference']] },
  {
    rule: 'threat app is untrusted',
    changes: [['threats[0].app', 'ledger-b']],
    errors: [['threats[0].app', 'constraint']],
    params: { rule: 'untrusted-app', value: 'ledger-b' },
  },
  {
    rule: 'host-compromise has no app',
    changes: [['threats[0].kind', 'host-compromise']],
    errors: [['threats[0].app', 'forbidden']],
    params: { key: 'app', kind: 'host-compromise' },
  },
  { rule: 'host-compromise without app is fine', changes: [['threats[0]', { kind: 'host-compromise', atSecond: 0 }]], errors: [] },
  { rule: 'threat atSecond < durationSeconds', changes: [['threats[0].atSecond', 61]], errors: [['threats[0].atSecond', 'range']] },
  { rule: 'threat atSecond required', changes: [['threats[0].atSecond', DELETE]], errors: [['threats[0].atSecond', 'required']] },
  // objectives
  { rule: 'objectives required', changes: [['objectives', DELETE]], errors: [['objectives', 'required']] },
  { rule: 'objectives need a weight above 0', changes: [['objectives', { speed: 0 }]], errors: [['objectives', 'constraint']], params: { rule: 'objectives-positive' } },
  { rule: 'objective weights ≥ 0', changes: [['objectives.speed', -1]], errors: [['objectives.speed', 'range']] },
  { rule: 'objective weights finite', changes: [['objectives.security', '3']], errors: [['objectives.security', 'type']] },
  { rule: 'objectives only security, speed, scale', changes: [['objectives.cost', 1]], errors: [['objectives.cost', 'unknown-key']] },
  {
    rule: 'scale needs a burst',
    changes: [['bursts', DELETE]],
    errors: [['objectives.scale', 'constraint']],
    params: { rule: 'scale-needs-burst' },
  },
  { rule: 'scale needs a burst (empty list)', changes: [['bursts', []]], errors: [['objectives.scale', 'constraint']] },
  { rule: 'scale 0 without bursts is fine', changes: [['bursts', DELETE], ['objectives.scale', 0]], errors: [] },
  // allow, expected
  { rule: 'allow required', changes: [['allow', DELETE]], errors: [['allow', 'required']] },
  { rule: 'allow not empty', changes: [['allow', []], ['expected', DELETE]], errors: [['allow', 'length']] },
  { rule: 'allow names architectures', changes: [['allow[0]', 'warp']], errors: [['allow[0]', 'enum']] },
  {
    rule: 'allow has no repeats',
    changes: [['allow[1]', 'native']],
    errors: [['allow[1]', 'duplicate']],
    params: { value: 'native', first: 'allow[0]' },
  },
  { rule: 'expected is an architecture', changes: [['expected', 'warp']], errors: [['expected', 'enum']] },
  {
    rule: 'expected is allowed',
    changes: [['allow', ['native', 'type2']]],
    errors: [['expected', 'reference']],
    params: { value: 'type1-para', target: 'allow' },
  },
  // palette
  { rule: 'palette keys are pieces', changes: [['palette.gpu', 1]], errors: [['palette.gpu', 'unknown-key']] },
  { rule: 'palette counts ≥ 0', changes: [['palette.vm', -1]], errors: [['palette.vm', 'range']] },
  { rule: 'palette counts whole', changes: [['palette.host-os', 0.5]], errors: [['palette.host-os', 'integer']] },
  { rule: 'palette is an object', changes: [['palette', ['vm']]], errors: [['palette', 'type']] },
  // duration, seed
  { rule: 'durationSeconds required', changes: [['durationSeconds', DELETE]], errors: [['durationSeconds', 'required']] },
  { rule: 'durationSeconds ≥ 1', changes: [['durationSeconds', 0], ['bursts', DELETE], ['threats', DELETE], ['objectives.scale', 0]], errors: [['durationSeconds', 'range']], params: { min: 1, max: 3600 } },
  { rule: 'durationSeconds ≤ 3600', changes: [['durationSeconds', 3601]], errors: [['durationSeconds', 'range']] },
  { rule: 'durationSeconds is a number', changes: [['durationSeconds', '60']], errors: [['durationSeconds', 'type']] },
  { rule: 'seed required', changes: [['seed', DELETE]], errors: [['seed', 'required']] },
  { rule: 'seed whole', changes: [['seed', 4.2]], errors: [['seed', 'integer']] },
  { rule: 'seed safe', changes: [['seed', 2 ** 53]], errors: [['seed', 'range']], params: { max: Number.MAX_SAFE_INTEGER } },
  { rule: 'negative seed is fine', changes: [['seed', -7]], errors: [] },
  // reference
  { rule: 'reference is a build object', changes: [['reference', 'type2']], errors: [['reference', 'type']] },
  { rule: 'reference format', changes: [['reference.format', 'kernel-courier/level@1']], errors: [['reference.format', 'format']] },
  { rule: 'reference level may be omitted', changes: [['reference.level', DELETE]], errors: [] },
  {
    rule: 'reference level equals the level id',
    changes: [['reference.level', 'other-level']],
    errors: [['reference.level', 'constraint']],
    params: { rule: 'level-id', expected: 'bank-four-tenants' },
  },
  { rule: 'a typo in a reference node', changes: [['reference.nodes[0].colour', 'red']], errors: [['reference.nodes[0].colour', 'unknown-key']] },
  { rule: 'reference apps exist', changes: [['reference.placements[0].app', 'ghost']], errors: [['reference.placements[0].app', 'reference']] },
  { rule: 'reference places an app once', changes: [['reference.placements[1].app', 'ledger-a']], errors: [['reference.placements[1].app', 'duplicate']] },
  { rule: 'reference nodes exist', changes: [['reference.placements[0].on', 'ghost']], errors: [['reference.placements[0].on', 'reference']] },
  { rule: 'reference command apps exist', changes: [['reference.commands[0].app', 'ghost']], errors: [['reference.commands[0].app', 'reference']] },
  // starThresholds
  { rule: 'three thresholds', changes: [['starThresholds', [0.5, 0.8]]], errors: [['starThresholds', 'length']], params: { min: 3, max: 3, actual: 2 } },
  { rule: 'thresholds increase', changes: [['starThresholds', [0.5, 0.5, 0.9]]], errors: [['starThresholds[1]', 'constraint']], params: { rule: 'increasing', previous: 0.5 } },
  { rule: 'thresholds > 0', changes: [['starThresholds', [0, 0.5, 0.9]]], errors: [['starThresholds[0]', 'range']], params: { exclusiveMin: 0, max: 1 } },
  { rule: 'thresholds ≤ 1', changes: [['starThresholds', [0.5, 0.8, 1.2]]], errors: [['starThresholds[2]', 'range']] },
  { rule: 'threshold 1 is fine', changes: [['starThresholds', [0.5, 0.8, 1]]], errors: [] },
  { rule: 'thresholds are numbers', changes: [['starThresholds[0]', 'half']], errors: [['starThresholds[0]', 'type']] },
];

describe('each rule reports its path and code', () => {
  it.each(ruleCases)('$rule', ({ changes, errors, params }) => {
    const level = withChanges(completeLevel, changes);
    const found = errorsOf(level);
    expect(found.map((error) => [error.path, error.code])).toEqual(errors);
    if (params !== undefined) expect(found[0].params).toMatchObject(params);
    for (const error of found) expect(error.message).toContain(error.path === '' ? 'file' : error.path.split(/[.[]/)[0]);
  });

  it('reports a root that is not an object', () => {
    for (const input of [null, [], 'level', 42, true, undefined]) {
      expect(pathsAndCodes(input)).toEqual([['', 'not-object']]);
    }
  });

  it('collects every error of a broken file, in file order, the same way each time', () => {
    const level = withChanges(completeLevel, [
      ['format', 'nope'],
      ['hardware.cores', -1],
      ['apps[0].kernel', 'mac'],
      ['apps[1].io', {}],
      ['threats[0].app', 'ghost'],
      ['allow[0]', 'warp'],
      ['reference.nodes[0].on', 'ghost'],
      ['starThresholds', [0.9, 0.5, 2]],
      ['zzz', 1],
    ]);
    const expected: Array<[string, string]> = [
      ['zzz', 'unknown-key'],
      ['format', 'format'],
      ['hardware.cores', 'range'],
      ['apps[0].kernel', 'enum'],
      ['apps[1].io', 'constraint'],
      ['threats[0].app', 'reference'],
      ['allow[0]', 'enum'],
      ['reference.nodes[0].on', 'reference'],
      ['starThresholds[1]', 'constraint'],
      ['starThresholds[2]', 'range'],
    ];
    expect(pathsAndCodes(level)).toEqual(expected);
    expect(errorsOf(level)).toEqual(errorsOf(structuredClone(level)));
  });

  it('messages name the field in plain English', () => {
    const [error] = errorsOf(withChanges(completeLevel, [['apps[1].kernel', 'linx']]));
    expect(error).toEqual({
      path: 'apps[1].kernel',
      code: 'enum',
      message: 'apps[1].kernel must be one of: linux, windows; got "linx".',
      params: { allowed: 'linux, windows', actual: '"linx"' },
    });
  });

  it('constraint errors use the documented rules only', () => {
    const rules = ruleCases
      .flatMap((ruleCase) => errorsOf(withChanges(completeLevel, ruleCase.changes)))
      .filter((error) => error.code === 'constraint')
      .map((error) => error.params?.rule);
    for (const rule of rules) expect(CONSTRAINT_RULES).toContain(rule);
  });
});

describe('hostile input', () => {
  it('treats a "__proto__" key as an unknown key, without touching prototypes', () => {
    const input = parseJsonText('{"__proto__": {"polluted": true}, "x-a": {"__proto__": {"polluted": true}}}');
    expect(input.ok).toBe(true);
    if (!input.ok) return;
    const errors = errorsOf(input.value);
    expect(errors[0]).toMatchObject({ path: '__proto__', code: 'unknown-key' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();

    const level = withChanges(completeLevel, []);
    Object.defineProperty(level, 'x-evil', { value: JSON.parse('{"__proto__": {"polluted": true}}'), enumerable: true });
    const result = validateLevel(level);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const kept = result.value['x-evil'] as Record<string, unknown>;
    expect(Object.getPrototypeOf(kept)).toBe(Object.prototype);
    expect(Object.keys(kept)).toEqual(['__proto__']);
  });

  it('survives deep nesting, cycles, getters that throw and proxies', () => {
    let deep: unknown = [];
    for (let depth = 0; depth < 100_000; depth += 1) deep = [deep];
    const nested = withChanges(completeLevel, []);
    nested['x-deep'] = deep as JsonRecord;
    expect(validateLevel(nested).ok).toBe(true);
    expectWellFormed(validateLevel(deep));
    expectWellFormed(validateLevel({ apps: deep, hardware: deep }));

    const cyclic: Record<string, unknown> = withChanges(completeLevel, []);
    cyclic['x-self'] = cyclic;
    const cyclicResult = validateLevel(cyclic);
    expect(cyclicResult.ok).toBe(true);
    cyclic.reference = cyclic;
    expectWellFormed(validateLevel(cyclic));

    const throwing = Object.defineProperty({}, 'format', {
      enumerable: true,
      get() {
        throw new Error('no');
      },
    });
    expect(pathsAndCodes(throwing)).toEqual([['', 'not-json']]);
    const proxy = new Proxy(
      {},
      {
        ownKeys() {
          throw new Error('no');
        },
      },
    );
    expect(pathsAndCodes(proxy)).toEqual([['', 'not-json']]);
  });

  it('never throws and always answers in shape, for any value', () => {
    fc.assert(
      fc.property(
        fc.anything({
          withBigInt: true,
          withBoxedValues: true,
          withDate: true,
          withMap: true,
          withSet: true,
          withNullPrototype: true,
          withObjectString: true,
          withSparseArray: true,
          withTypedArray: true,
          key: fc.oneof(fc.string(), fc.constantFrom('__proto__', 'constructor', 'format', 'apps', 'x-a', 'en')),
        }),
        (value) => {
          expectWellFormed(validateLevel(value));
          expectWellFormed(validateBuild(value));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('never throws for any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expectWellFormed(validateLevel(value));
        expectWellFormed(validateBuild(value));
      }),
      { numRuns: 200 },
    );
  });

  it('never throws for mutations of a valid level, and agrees with itself', () => {
    fc.assert(
      fc.property(fc.oneof(mutationOf(completeLevel), mutationOf(firstDelivery as unknown as JsonRecord)), (level) => {
        const result = validateLevel(level);
        expectWellFormed(result);
        expect(validateLevel(level)).toEqual(result);
      }),
      { numRuns: 200 },
    );
  });
});

describe('generated levels', () => {
  it('every generated valid level is accepted and returned unchanged', () => {
    fc.assert(
      fc.property(validLevel, (level) => {
        const result = validateLevel(level);
        if (!result.ok) throw new Error(JSON.stringify(result.errors));
        expect(result.value).toEqual(level);
      }),
      { numRuns: 150 },
    );
  });

  it('mutations of generated levels never throw', () => {
    fc.assert(
      fc.property(validLevel.chain(mutationOf), (level) => {
        expectWellFormed(validateLevel(level));
      }),
      { numRuns: 100 },
    );
  });
});

describe('the JSON Schema in docs/ agrees with the validator', () => {
  it('the schemas compile as draft 2020-12', () => {
    expect(levelSchema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(buildSchema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(ajv.validateSchema(levelSchema)).toBe(true);
  });

  it('the level schema embeds the build schema unchanged', () => {
    const levelDefinitions = levelSchema.$defs as JsonRecord;
    const buildDefinitions = buildSchema.$defs as JsonRecord;
    for (const [name, definition] of Object.entries(buildDefinitions)) expect(levelDefinitions[name]).toEqual(definition);
    const { $schema: _schema, title: _title, description: _description, $defs: _defs, ...buildRoot } = buildSchema;
    const { description: _embeddedDescription, ...embeddedBuild } = levelDefinitions.build as JsonRecord;
    expect(embeddedBuild).toEqual(buildRoot);
  });

  it('every object level closes its keys but for x- keys, and every field has a description', () => {
    const problems: string[] = [];
    const visit = (schema: unknown, where: string): void => {
      if (Array.isArray(schema)) {
        schema.forEach((item, index) => visit(item, `${where}[${index}]`));
        return;
      }
      if (typeof schema !== 'object' || schema === null) return;
      const node = schema as JsonRecord;
      if (node.type === 'object') {
        if (node.additionalProperties !== false) problems.push(`${where}: additionalProperties`);
        if (typeof node.patternProperties !== 'object' || node.patternProperties === null || !('^x-' in node.patternProperties)) {
          problems.push(`${where}: x- keys`);
        }
      }
      // Properties inside anyOf/allOf/if/then/else/not are conditions on fields declared elsewhere.
      const isCondition = /\/(anyOf|allOf|oneOf|if|then|else|not)\b/.test(where);
      if (typeof node.properties === 'object' && node.properties !== null && !isCondition) {
        for (const [key, field] of Object.entries(node.properties)) {
          if (typeof (field as JsonRecord).description !== 'string') problems.push(`${where}.${key}: description`);
        }
      }
      for (const [key, value] of Object.entries(node)) visit(value, `${where}/${key}`);
    };
    visit(levelSchema, 'level');
    visit(buildSchema, 'build');
    expect(problems).toEqual([]);
  });

  it('the schema accepts every generated valid level and its reference build', () => {
    fc.assert(
      fc.property(validLevel, (level) => {
        if (!schemaAcceptsLevel(level)) throw new Error(JSON.stringify(schemaAcceptsLevel.errors));
        if (level.reference !== undefined) expect(schemaAcceptsBuild(level.reference)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('whatever the validator accepts, the schema accepts too', () => {
    fc.assert(
      fc.property(fc.oneof(mutationOf(completeLevel), validLevel.chain(mutationOf)), (level) => {
        if (validateLevel(level).ok) expect(schemaAcceptsLevel(level)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  const schemaCheckable = ruleCases.filter(
    (ruleCase) =>
      ruleCase.errors.length > 0 &&
      // Rules a JSON Schema cannot express: uniqueness of ids, references, order, bounds from other fields.
      !ruleCase.errors.some(([, code]) => code === 'duplicate' || code === 'reference') &&
      ![
        'thresholds increase',
        'burst atSecond < durationSeconds',
        'threat atSecond < durationSeconds',
        'threat app is untrusted',
        'reference level equals the level id',
        'memoryGiB is finite',
        'memoryGiB is not infinite',
        'allow has no repeats',
        'teachesAgainst differs from expected', // the equality of two fields
      ].includes(ruleCase.rule),
  );

  it.each(schemaCheckable)('both reject: $rule', ({ changes }) => {
    const level = withChanges(completeLevel, changes);
    expect(validateLevel(level).ok).toBe(false);
    expect(schemaAcceptsLevel(JSON.parse(JSON.stringify(level)))).toBe(false);
  });

  it('both reject hand-made broken levels', () => {
    const broken: JsonRecord[] = [
      withChanges(completeLevel, [['apps[0].io', { disk: 0, net: 0 }]]),
      withChanges(completeLevel, [['objectives', { security: 0, speed: 0, scale: 0 }]]),
      withChanges(completeLevel, [['reference.nodes[1].kernel', DELETE]]),
      withChanges(completeLevel, [['reference.nodes[0].driver', 'para']]),
      withChanges(completeLevel, [['reference.nodes[0].id', 'hardware']]),
      withChanges(completeLevel, [['reference.placements[0].on', 'hardware']]),
      withChanges(completeLevel, [['reference.commands[0]', { atMs: 1, op: 'set-driver', driver: 'para' }]]),
      withChanges(completeLevel, [['reference.commands[0]', { atMs: 1, op: 'set-driver', driver: 'para', vm: 'vm-a', app: 'ledger-a' }]]),
      withChanges(completeLevel, [['reference.commands[0].kind', 'disk']]),
      withChanges(completeLevel, [['reference.commands[0].op', 'explode']]),
      withChanges(completeLevel, [['reference.provisioning[0].warmSpares', 1001]]),
      withChanges(completeLevel, [['threats[0]', { kind: 'snoop', atSecond: 1 }]]),
      withChanges(completeLevel, [['allow', ['native', 'native']], ['expected', 'native']]),
    ];
    for (const level of broken) {
      expect(validateLevel(level).ok).toBe(false);
      expect(schemaAcceptsLevel(level)).toBe(false);
    }
  });
});

describe('docs/level-format.md', () => {
  const markdown = readFileSync(fileURLToPath(new URL('../../docs/level-format.md', import.meta.url)), 'utf8');

  function example(name: string): unknown {
    const match = new RegExp(`<!-- example: ${name} -->\\s*\`\`\`json\\n([\\s\\S]*?)\`\`\``).exec(markdown);
    if (match === null) throw new Error(`docs/level-format.md has no ${name} example`);
    return JSON.parse(match[1]);
  }

  it('its examples are valid, for the validator and the schemas', () => {
    const level = validateLevel(example('level'));
    expect(level.ok).toBe(true);
    expect(schemaAcceptsLevel(example('level'))).toBe(true);
    if (!level.ok) return;
    expect(validateBuild(example('build'), level.value)).toMatchObject({ ok: true });
    expect(schemaAcceptsBuild(example('build'))).toBe(true);
  });

  it('documents every error code and constraint rule', () => {
    for (const code of [...VALIDATION_CODES, ...CONSTRAINT_RULES]) expect(markdown).toContain(`| \`${code}\` |`);
  });
});

describe('parseJsonText', () => {
  it('parses JSON and reports text that is not JSON', () => {
    expect(parseJsonText('{"a": [1, 2]}')).toEqual({ ok: true, value: { a: [1, 2] } });
    expect(parseJsonText('\uFEFF{"a": 1}')).toEqual({ ok: true, value: { a: 1 } });
    for (const text of ['', '{', '{"a": 1,}', 'NaN', "{'a': 1}", '[1] [2]']) {
      const result = parseJsonText(text);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.errors).toMatchObject([{ path: '', code: 'not-json' }]);
    }
  });

  it('never throws for any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        expect(typeof parseJsonText(text).ok).toBe('boolean');
      }),
      { numRuns: 200 },
    );
  });

  it('parses the first campaign level file', () => {
    const text = readFileSync(fileURLToPath(new URL('../../src/levels/campaign/01-first-delivery.json', import.meta.url)), 'utf8');
    const parsed = parseJsonText(text);
    expect(parsed.ok && validateLevel(parsed.value).ok).toBe(true);
  });
});
