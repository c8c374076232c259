// The work budget (issue 15, src/sim/workBudget.ts): every built-in level stays far inside each limit (the
// margins are printed), the heaviest levels the budget allows pass and one step more does not, the error
// names the field and the limit, a build's scale commands and warm spares count, and the command line
// refuses an over-budget level with exit 2 — the file of issue 15 (io 1,000,000 in all) among them.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { worstDenseLevel, worstLevels, worstLongLevel, worstWideLevel } from '../../bench/worstLevels';
import { runCli } from '../../src/cli/sim';
import { CAMPAIGN_LEVELS } from '../../src/levels/index';
import { MAX_RUN_EVENTS, MAX_RUN_INSTANCES, MAX_RUN_INSTANCE_SECONDS, MAX_RUN_PACKETS } from '../../src/sim/bounds';
import type { Build, Level } from '../../src/sim/types';
import { validateBuild } from '../../src/sim/validateBuild';
import { validateLevel } from '../../src/sim/validateLevel';
import { runWork } from '../../src/sim/workBudget';
import { app, level } from './fixtures';

function errorsOf(input: unknown): Array<{ path: string; rule: unknown; message: string; max: unknown; actual: unknown }> {
  const result = validateLevel(input);
  return result.ok ? [] : result.errors.map((error) => ({ path: error.path, rule: error.params?.rule, message: error.message, max: error.params?.max, actual: error.params?.actual }));
}

describe('the built-in levels', () => {
  it('stay at most an eighth of every limit (margins printed)', () => {
    const limits = { packets: MAX_RUN_PACKETS, instances: MAX_RUN_INSTANCES, instanceSeconds: MAX_RUN_INSTANCE_SECONDS, events: MAX_RUN_EVENTS };
    const rows: string[] = [];
    const worst = { packets: 0, instances: 0, instanceSeconds: 0, events: 0 };
    for (const campaignLevel of CAMPAIGN_LEVELS) {
      const work = runWork(campaignLevel, campaignLevel.reference, 'reference');
      for (const key of Object.keys(worst) as Array<keyof typeof worst>) worst[key] = Math.max(worst[key], work[key]);
      rows.push(`${campaignLevel.id.padEnd(24)} packets ${String(Math.round(work.packets)).padStart(6)}  instances ${String(work.instances).padStart(3)}  instance-s ${String(work.instanceSeconds).padStart(5)}  events ${work.events}`);
    }
    const margins = Object.entries(worst).map(([key, value]) => `${key} ${Math.round(value)} of ${limits[key as keyof typeof limits]} (×${(limits[key as keyof typeof limits] / Math.max(1, value)).toFixed(0)} margin)`);
    console.log(`Work budget of the built-in levels (with their reference builds):\n${rows.join('\n')}\nlargest: ${margins.join('; ')}`);
    for (const key of Object.keys(worst) as Array<keyof typeof worst>) expect(worst[key]).toBeLessThanOrEqual(limits[key] / 8);
  });
});

describe('the heaviest levels the budget allows', () => {
  it('pass validation', () => {
    for (const worstLevel of worstLevels()) expect(errorsOf(worstLevel), worstLevel.id).toEqual([]);
  });

  it('one packet second more is refused at the busiest app, with the limit in the message', () => {
    const long = worstLongLevel();
    const over = { ...long, apps: long.apps.map((entry, index) => (index === 1 ? { ...entry, io: { ...entry.io, syscall: (entry.io.syscall ?? 0) + 1 } } : entry)) };
    const errors = errorsOf(over);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ path: 'apps[1].io', rule: 'run-packets', max: MAX_RUN_PACKETS });
    expect(errors[0]?.message).toContain('250,000');
    expect(errors[0]?.actual).toBeGreaterThan(MAX_RUN_PACKETS);
  });

  it('one instance more is refused where it is asked for', () => {
    const wide = worstWideLevel();
    const over = { ...wide, bursts: [{ app: 'app-3', atSecond: 1, instances: wide.apps[3].instances + 1, deadlineSeconds: 5 }], objectives: { speed: 1, scale: 1 } };
    expect(errorsOf(over)).toEqual([expect.objectContaining({ path: 'bursts[0].instances', rule: 'run-instances', max: MAX_RUN_INSTANCES, actual: MAX_RUN_INSTANCES + 1 })]);
  });

  it('a longer run is refused at durationSeconds, and too many events at the longer list', () => {
    const dense = worstDenseLevel();
    expect(errorsOf({ ...dense, apps: [{ ...dense.apps[0], io: { syscall: 0.1 } }], durationSeconds: MAX_RUN_INSTANCE_SECONDS / dense.apps[0].instances + 1 })).toEqual([
      expect.objectContaining({ path: 'durationSeconds', rule: 'run-instance-seconds' }),
    ]);
    const long = worstLongLevel();
    expect(errorsOf({ ...long, threats: [...(long.threats ?? []), { kind: 'host-compromise', atSecond: 1 }] })).toEqual([
      expect.objectContaining({ path: 'threats', rule: 'run-events', max: MAX_RUN_EVENTS, actual: MAX_RUN_EVENTS + 1 }),
    ]);
  });
});

describe('builds on a level', () => {
  const subject: Level = level({ id: 'budget', durationSeconds: 100, apps: [app('a', { io: { syscall: 10 }, instances: 2 }), app('b')] });
  const placed: Build = {
    format: 'kernel-courier/build@1',
    nodes: [{ id: 'os', piece: 'host-os', on: 'hardware', kernel: 'linux' }],
    placements: [
      { app: 'a', on: 'os' },
      { app: 'b', on: 'os' },
    ],
  };

  it('count their scale commands, refused at the command', () => {
    expect(validateLevel(subject).ok).toBe(true);
    const fine = validateBuild({ ...placed, commands: [{ atMs: 1000, op: 'scale', app: 'a', instances: 40 }] }, subject);
    expect(fine.ok).toBe(true);
    const over = validateBuild({ ...placed, commands: [{ atMs: 0, op: 'scale', app: 'b', instances: 3 }, { atMs: 1000, op: 'scale', app: 'a', instances: 300 }] }, subject);
    expect(over.ok ? [] : over.errors.map((error) => [error.path, error.params?.rule])).toEqual([
      ['commands[1].instances', 'run-packets'],
      ['commands[1].instances', 'run-instances'],
    ]);
  });

  it('count their warm spares, refused at provisioning; a level reference is checked with its level', () => {
    const over = { ...placed, provisioning: [{ app: 'a', warmSpares: 200 }] };
    const checked = validateBuild(over, subject);
    expect(checked.ok ? [] : checked.errors.map((error) => [error.path, error.params?.rule])).toEqual([['provisioning', 'run-instance-seconds']]);
    expect(errorsOf({ ...subject, reference: over }).map((error) => [error.path, error.rule])).toEqual([['reference.provisioning', 'run-instance-seconds']]);
    // Without a level a build has no budget to check.
    expect(validateBuild(over).ok).toBe(true);
  });
});

describe('the command line', () => {
  it('refuses the file of issue 15 (io 1,000,000 in all) with exit 2, the field and the limit', () => {
    const directory = mkdtempSync(join(tmpdir(), 'kernel-courier-budget-'));
    const heavy = level({ id: 'heavy', durationSeconds: 30, apps: [app('a', { io: { disk: 200, net: 300, syscall: 500 }, instances: 1000 })] });
    const file = join(directory, 'heavy.json');
    writeFileSync(file, JSON.stringify(heavy));
    for (const argv of [['--level', file, '--arch', 'container'], ['--level', file, '--rank'], ['--validate', file]]) {
      const outcome = runCli(argv);
      expect(outcome.exitCode).toBe(2);
      const errors = (outcome.stdout as { errors: Array<{ path: string; code: string; message: string }> }).errors;
      expect(errors.map((error) => [error.path, error.code])).toEqual([
        ['apps[0].io', 'constraint'],
        ['apps[0].instances', 'constraint'],
      ]);
      expect(errors[1]?.message).toContain('at most 256');
      expect(errors[0]?.message).toContain('30,000,000 packets');
      expect(errors[0]?.message).toContain('250,000');
    }
  });
});
