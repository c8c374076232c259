// The command line (contracts.md §2): JSON on stdout and nothing else, exit 2 naming the field on bad input.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/sim';
import { builtInLevel } from '../../src/levels';
import { canonicalBuild } from '../../src/sim/canonicalBuild';
import { level } from '../sim/fixtures';

const directory = mkdtempSync(join(tmpdir(), 'kernel-courier-cli-'));
const levelPath = join(directory, 'level.json');
const testLevel = level({ id: 'cli-level', threats: [{ app: 'a', kind: 'kernel-exploit', atSecond: 2 }], apps: [
  { id: 'a', tenant: 'a', kernel: 'linux', trust: 'untrusted', io: { disk: 0.4, net: 0.6, syscall: 1 }, instances: 2 },
  { id: 'b', tenant: 'b', kernel: 'linux', trust: 'trusted', io: { disk: 0.4, net: 0.6, syscall: 1 }, instances: 1 },
] });
writeFileSync(levelPath, JSON.stringify(testLevel));

function objectOf(stdout: unknown): Record<string, unknown> {
  return stdout as Record<string, unknown>;
}

describe('sim --arch', () => {
  it('prints the contract shape for a canonical build', () => {
    const outcome = runCli(['--level', levelPath, '--arch', 'type2']);
    expect(outcome.exitCode).toBe(0);
    const result = objectOf(outcome.stdout);
    expect(result).toMatchObject({ level: 'cli-level', arch: 'type2', apps: { a: 'type2', b: 'type2' }, seed: 7, feasible: true, reasons: [] });
    expect(typeof result.modelVersion).toBe('string');
    expect(Object.keys(result.metrics as object)).toEqual(
      expect.arrayContaining(['delivered', 'dropped', 'p50LatencyUs', 'p95LatencyUs', 'breachedTenants', 'burstServedRatio', 'memoryUsedGiB', 'memoryGiB', 'bootSecondsPerInstance']),
    );
    expect(Object.keys(result.score as object)).toEqual(expect.arrayContaining(['security', 'speed', 'scale', 'total', 'stars']));
  });

  it('honours --seed and is deterministic', () => {
    const first = objectOf(runCli(['--level', levelPath, '--arch', 'container', '--seed', '3']).stdout);
    const again = objectOf(runCli(['--level', levelPath, '--arch', 'container', '--seed', '3']).stdout);
    const other = objectOf(runCli(['--level', levelPath, '--arch', 'container', '--seed', '4']).stdout);
    expect(first.seed).toBe(3);
    expect(again).toEqual(first);
    expect(other.metrics).not.toEqual(first.metrics);
  });

  it('simulates a build file and reports a mixed build app by app', () => {
    const buildPath = join(directory, 'build.json');
    writeFileSync(buildPath, JSON.stringify({
      format: 'kernel-courier/build@1',
      nodes: [
        { id: 'host', piece: 'host-os', on: 'hardware', kernel: 'linux' },
        { id: 'engine', piece: 'container-engine', on: 'host' },
        { id: 'hypervisor', piece: 'type2-hypervisor', on: 'host' },
      ],
      placements: [{ app: 'a', on: 'hypervisor', vm: { kernel: 'linux', driver: 'para' } }, { app: 'b', on: 'engine' }],
    }));
    const result = objectOf(runCli(['--level', levelPath, '--build', buildPath]).stdout);
    expect(result).toMatchObject({ arch: 'mixed', apps: { a: 'type2', b: 'container' }, feasible: true });
  });

  it('scores an infeasible build 0 and lists its reason codes', () => {
    const buildPath = join(directory, 'broken.json');
    writeFileSync(buildPath, JSON.stringify({
      format: 'kernel-courier/build@1',
      nodes: [{ id: 'host', piece: 'host-os', on: 'hardware', kernel: 'windows' }],
      placements: [{ app: 'a', on: 'host' }],
    }));
    const outcome = runCli(['--level', levelPath, '--build', buildPath]);
    expect(outcome.exitCode).toBe(0);
    const result = objectOf(outcome.stdout);
    expect(result.feasible).toBe(false);
    expect(result.reasons).toEqual(['kernel-mismatch', 'unplaced-app']);
    expect(result.score).toEqual({ security: 0, speed: 0, scale: 0, total: 0, stars: 0 });
  });

  it('accepts a built-in level id', () => {
    const outcome = runCli(['--level', 'first-delivery', '--arch', 'native']);
    expect(outcome.exitCode).toBe(0);
    expect(objectOf(outcome.stdout).level).toBe('first-delivery');
  });
});

describe('sim --texts', () => {
  it('prints every language of a level\'s texts with the figures filled in from the ranking', () => {
    const outcome = runCli(['--level', 'rush-hour', '--texts', '--seed', '3']);
    expect(outcome.exitCode).toBe(0);
    const output = objectOf(outcome.stdout) as { level: string; seed: number; texts: Record<string, { hints: string[]; teacherNotes: string }> };
    expect(output).toMatchObject({ level: 'rush-hour', seed: 3 });
    expect(Object.keys(output.texts).sort()).toEqual(['en', 'ko']);
    for (const texts of Object.values(output.texts)) {
      const all = JSON.stringify(texts);
      expect(all).not.toContain('{{');
      expect(all).not.toContain('…');
    }
    const ledger = builtInLevel('rush-hour')?.apps.find((app) => app.id === 'ledger');
    expect(output.texts.en.hints.join(' ')).toContain(`${ledger?.io.disk} disk packets`);
  });

  it('refuses --texts with --rank', () => {
    const outcome = runCli(['--level', 'rush-hour', '--texts', '--rank']);
    expect(outcome.exitCode).toBe(2);
    expect(JSON.stringify(outcome.stdout)).toContain('--texts');
  });
});

describe('sim --rank', () => {
  it('ranks every allowed architecture best first, with stars relative to the best', () => {
    const outcome = runCli(['--level', levelPath, '--rank']);
    expect(outcome.exitCode).toBe(0);
    const ranking = objectOf(outcome.stdout).ranking as Array<{ arch: string; score: { total: number; stars: number } }>;
    expect(ranking.map((entry) => entry.arch).sort()).toEqual([...testLevel.allow].sort());
    for (let index = 1; index < ranking.length; index += 1) expect(ranking[index - 1].score.total).toBeGreaterThanOrEqual(ranking[index].score.total);
    expect(ranking[0].score.stars).toBe(3);
  });

  it('includes the reference build as "reference"', () => {
    const withReference = { ...testLevel, id: 'with-reference', reference: canonicalBuild(testLevel, 'type1-para') };
    const path = join(directory, 'with-reference.json');
    writeFileSync(path, JSON.stringify({ ...withReference, reference: { ...withReference.reference, level: undefined } }));
    const ranking = objectOf(runCli(['--level', path, '--rank']).stdout).ranking as Array<{ arch: string }>;
    expect(ranking.map((entry) => entry.arch)).toContain('reference');
  });
});

describe('sim --validate and bad input', () => {
  it('says ok for a good level and a good build', () => {
    expect(runCli(['--validate', levelPath])).toMatchObject({ exitCode: 0, stdout: { ok: true } });
    const buildPath = join(directory, 'good-build.json');
    writeFileSync(buildPath, JSON.stringify(canonicalBuild(testLevel, 'container')));
    expect(runCli(['--validate', buildPath])).toMatchObject({ exitCode: 0, stdout: { ok: true } });
  });

  it('names the path of a bad field', () => {
    const path = join(directory, 'bad.json');
    writeFileSync(path, JSON.stringify({ ...testLevel, apps: [testLevel.apps[0], { ...testLevel.apps[1], kernel: 'beos' }] }));
    const outcome = runCli(['--validate', path]);
    expect(outcome.exitCode).toBe(2);
    expect(objectOf(outcome.stdout).ok).toBe(false);
    expect((objectOf(outcome.stdout).errors as Array<{ path: string }>).map((error) => error.path)).toContain('apps[1].kernel');
  });

  const badInputs: Array<{ name: string; argv: string[]; path: string }> = [
    { name: 'a file that does not exist', argv: ['--validate', join(directory, 'missing.json')], path: '--validate' },
    { name: 'a level file that does not exist', argv: ['--level', join(directory, 'missing.json'), '--arch', 'native'], path: '--level' },
    { name: 'an unknown built-in id', argv: ['--level', 'no-such-level', '--rank'], path: '--level' },
    { name: 'an unknown architecture', argv: ['--level', levelPath, '--arch', 'type3'], path: '--arch' },
    { name: 'a seed that is not an integer', argv: ['--level', levelPath, '--arch', 'native', '--seed', '1.5'], path: '--seed' },
    { name: 'an unknown flag', argv: ['--level', levelPath, '--fast'], path: '--fast' },
    { name: 'no level', argv: ['--arch', 'native'], path: '--level' },
  ];
  for (const entry of badInputs) {
    it(`exits 2 on ${entry.name}`, () => {
      const outcome = runCli(entry.argv);
      expect(outcome.exitCode).toBe(2);
      expect((objectOf(outcome.stdout).errors as Array<{ path: string }>)[0].path).toBe(entry.path);
      expect(outcome.stderr.join('\n')).toContain(entry.path);
    });
  }

  it('exits 2 on a file that is not JSON', () => {
    const path = join(directory, 'not-json.json');
    writeFileSync(path, '{ "format": ');
    const outcome = runCli(['--validate', path]);
    expect(outcome.exitCode).toBe(2);
    expect((objectOf(outcome.stdout).errors as Array<{ code: string }>)[0].code).toBe('not-json');
  });
});

describe('the real command', () => {
  it('prints only JSON on stdout and exits 0', () => {
    const stdout = execFileSync('npx', ['tsx', 'src/cli/sim.ts', '--level', levelPath, '--arch', 'container'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    expect(JSON.parse(stdout)).toMatchObject({ arch: 'container', feasible: true });
  });

  it('exits 2 with JSON on stdout and the message on stderr for bad input', () => {
    const run = spawnSync('npx', ['tsx', 'src/cli/sim.ts', '--level', join(directory, 'missing.json'), '--arch', 'native'], { encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(JSON.parse(run.stdout)).toMatchObject({ ok: false });
    expect(run.stderr).toContain('--level');
  });
});
