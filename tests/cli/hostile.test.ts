// The command line on hostile and extreme files (issue 18): each exits 2 with JSON naming the field's
// path, never a stack trace; every number it prints is finite; nothing from outside reaches the terminal
// raw. The hostile files are made here, in a temporary folder.
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, writeFileSync, ftruncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/sim';
import { MAX_FILE_BYTES, MAX_IMAGE_MB, MAX_LEVEL_IO, MAX_OBJECTIVE_WEIGHT, MAX_REGISTRY_MBPS, MIN_REGISTRY_MBPS } from '../../src/sim/bounds';
import type { Level } from '../../src/sim/types';
import { app, level } from '../sim/fixtures';

const directory = mkdtempSync(join(tmpdir(), 'kernel-courier-hostile-'));

function write(name: string, value: unknown): string {
  const path = join(directory, name);
  writeFileSync(path, typeof value === 'string' ? value : JSON.stringify(value));
  return path;
}

interface CliErrors {
  ok: false;
  errors: Array<{ path: string; code: string; message: string }>;
}

function expectBadInput(argv: string[], path: string | RegExp): CliErrors {
  const outcome = runCli(argv);
  expect(outcome.exitCode).toBe(2);
  const stdout = outcome.stdout as CliErrors;
  expect(stdout.ok).toBe(false);
  const paths = stdout.errors.map((error) => error.path);
  if (typeof path === 'string') expect(paths).toContain(path);
  else expect(paths.some((candidate) => path.test(candidate))).toBe(true);
  return stdout;
}

const base = level({ id: 'hostile' });

describe('files that used to crash the command line exit 2 with the field', () => {
  it('an io rate of 1e9 (the engine packet cap cannot be reached by a valid level)', () => {
    const path = write('io.json', { ...base, apps: [app('a', { io: { disk: 1e9, net: 1 } }), app('b')] });
    expectBadInput(['--level', path, '--arch', 'container'], 'apps[0].io.disk');
  });

  it('io rates each within bounds that add up to more than the level total', () => {
    const apps = Array.from({ length: 4 }, (_, index) => app(`a${index}`, { io: { disk: 300 } }));
    const path = write('total-io.json', { ...base, apps });
    const stdout = expectBadInput(['--level', path, '--arch', 'native'], 'apps');
    expect(stdout.errors.find((error) => error.path === 'apps')?.message).toContain(String(MAX_LEVEL_IO));
  });

  it('an x- field nested 5,000 arrays deep', () => {
    const text = `{"x-deep":${'['.repeat(5000)}${']'.repeat(5000)},${JSON.stringify(base).slice(1)}`;
    const path = write('deep.json', text);
    const stdout = expectBadInput(['--level', path, '--arch', 'container'], /^x-deep(\[0\])+$/);
    expect(stdout.errors[0]?.code).toBe('constraint');
    expect(runCli(['--validate', path]).exitCode).toBe(2);
  });

  const engines = Array.from({ length: 10_000 }, (_, index) => ({ id: `e${index}`, piece: 'container-engine', on: index === 0 ? 'host' : `e${index - 1}` }));
  const stacked = {
    format: 'kernel-courier/build@1',
    nodes: [{ id: 'host', piece: 'host-os', on: 'hardware', kernel: 'linux' }, ...engines],
    placements: [{ app: 'a', on: 'e9999' }, { app: 'b', on: 'e9999' }],
  };

  it('10,000 container engines stacked, as a build and as a level reference', () => {
    const levelPath = write('base.json', base);
    expectBadInput(['--level', levelPath, '--build', write('stacked.json', stacked)], 'nodes');
    expectBadInput(['--validate', write('stacked-level.json', { ...base, reference: stacked })], 'reference.nodes');
  });

  it('a 600 MB file is refused by its size, before it is read', () => {
    const path = join(directory, 'huge.json');
    const handle = openSync(path, 'w');
    ftruncateSync(handle, 600 * 1024 * 1024);
    closeSync(handle);
    const stdout = expectBadInput(['--level', path, '--arch', 'native'], '--level');
    expect(stdout.errors[0]?.message).toContain(String(MAX_FILE_BYTES));
    expectBadInput(['--validate', path], '--validate');
  });
});

/** Every number in the output, with its path; fails on NaN and infinities (which JSON prints as null). */
function nonFiniteNumbers(value: unknown, path = ''): string[] {
  if (typeof value === 'number') return Number.isFinite(value) ? [] : [`${path} = ${value}`];
  if (value === null) return [`${path} = null`];
  if (Array.isArray(value)) return value.flatMap((item, index) => nonFiniteNumbers(item, `${path}[${index}]`));
  if (typeof value === 'object') return Object.entries(value as object).flatMap(([key, item]) => nonFiniteNumbers(item, `${path}.${key}`));
  return [];
}

describe('numbers stay numbers', () => {
  it.each([
    ['objective weights of 1e308', { objectives: { security: 1e308, speed: 1e308 } }, 'objectives.security'],
    ['a registry of 5e-324 Mbit/s', { hardware: { cores: 16, memoryGiB: 64, registryMbps: 5e-324 } }, 'hardware.registryMbps'],
    ['an image of 1e308 MB', { apps: [app('a', { image: { sizeMB: 1e308, cached: false } }), app('b')] }, 'apps[0].image.sizeMB'],
  ])('%s is refused with the field', (_name, overrides, path) => {
    expectBadInput(['--level', write('extreme.json', { ...base, ...overrides }), '--arch', 'container'], path);
  });

  const extremes: Array<[string, Partial<Level>]> = [
    ['largest', {
      hardware: { cores: 4096, memoryGiB: 1_048_576, registryMbps: MIN_REGISTRY_MBPS },
      apps: [app('a', { image: { sizeMB: MAX_IMAGE_MB, cached: false }, memoryMiB: 1_048_576 }), app('b', { image: { sizeMB: MAX_IMAGE_MB, cached: false } })],
      bursts: [{ app: 'a', atSecond: 1, instances: 3, deadlineSeconds: 3600 }],
      objectives: { security: MAX_OBJECTIVE_WEIGHT, speed: MAX_OBJECTIVE_WEIGHT, scale: MAX_OBJECTIVE_WEIGHT },
      durationSeconds: 5,
    }],
    ['smallest', {
      hardware: { cores: 1, memoryGiB: 5e-324, registryMbps: MAX_REGISTRY_MBPS },
      apps: [app('a', { image: { sizeMB: 5e-324, cached: false }, memoryMiB: 5e-324, io: { disk: 5e-324 } }), app('b')],
      objectives: { security: 5e-324, speed: 5e-324 },
      durationSeconds: 1,
    }],
  ];

  it.each(extremes)('the %s valid values print only finite numbers, in a run and a ranking', (_name, overrides) => {
    const path = write('bounds.json', { ...base, ...overrides });
    expect(runCli(['--validate', path])).toMatchObject({ exitCode: 0 });
    for (const argv of [['--level', path, '--arch', 'container'], ['--level', path, '--arch', 'type2'], ['--level', path, '--rank']]) {
      const outcome = runCli(argv);
      expect(outcome.exitCode).toBe(0);
      expect(nonFiniteNumbers(outcome.stdout)).toEqual([]);
    }
  });
});

describe('terminal safety', () => {
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  const UNSAFE_RAW = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2066-\u2069]/;
  const ESC = '\u001b';

  it('escapes control characters of keys and paths in messages (runCli)', () => {
    const path = write('keys.json', { ...base, [`${ESC}[2Jwiped`]: 1, [`\u009b31mred`]: 2 });
    const outcome = runCli(['--validate', path]);
    expect(outcome.exitCode).toBe(2);
    for (const line of outcome.stderr) expect(line).not.toMatch(UNSAFE_RAW);
    expect(outcome.stderr.join('\n')).toContain('\\u001b[2Jwiped');
    expect(outcome.stderr.join('\n')).toContain('\\u009b31mred');
    const missing = runCli(['--level', join(directory, `no${ESC}]0;title\u0007.json`), '--arch', 'native']);
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr.join('\n')).not.toMatch(UNSAFE_RAW);
    expect(missing.stderr.join('\n')).toContain('\\u001b]0;title\\u0007');
    const flag = runCli([`--${ESC}[31m`]);
    expect(flag.stderr.join('\n')).not.toMatch(UNSAFE_RAW);
  });

  it('the real command writes no raw control character to stdout or stderr', () => {
    const path = write(`level${ESC}[31m.json`, { ...base, [`${ESC}[2Jwiped`]: 1, [`\u009b31m\u202Ered`]: 2 });
    const run = spawnSync('npx', ['tsx', 'src/cli/sim.ts', '--validate', path], { encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).not.toMatch(UNSAFE_RAW);
    expect(run.stdout).not.toMatch(UNSAFE_RAW);
    // The JSON still means the same: the key is named, escaped only in the text.
    const parsed = JSON.parse(run.stdout) as CliErrors;
    expect(parsed.errors.map((error) => error.path)).toContain(JSON.stringify(`${ESC}[2Jwiped`).replace(/^/, '[').replace(/$/, ']'));
  });
});
