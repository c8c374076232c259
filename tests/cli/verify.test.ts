// `npm run --silent sim -- --verify <code-or-file>` (contracts.md §5c): the fields in the contract's order,
// exit 0 only when every code is verified, a file of codes with text around them, the file-size bound.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { KC1_DICTIONARY } from '../../src/classroom/dictionary';
import { runCli } from '../../src/cli/sim';
import { MAX_FILE_BYTES } from '../../src/sim/bounds';
import { codeOf, realisticRuns, scoreRun } from '../classroom/realisticRuns';

const directory = mkdtempSync(join(tmpdir(), 'kernel-courier-verify-'));
const runs = realisticRuns(10)
  .filter((run) => ['hostile-neighbour', 'mixed-fleet', 'first-delivery'].includes(run.level.id))
  .map((run) => scoreRun(run, 1234));
const codes = runs.map((run) => codeOf(run));
const dictionary = Buffer.from(KC1_DICTIONARY);

function withScore(code: string, score: number): string {
  const body = /^KC1-([A-Za-z0-9_-]+)-/.exec(code)![1];
  const json = JSON.parse(zlib.inflateRawSync(Buffer.from(body, 'base64url'), { dictionary }).toString('utf8')) as object;
  const compressed = zlib.deflateRawSync(Buffer.from(JSON.stringify({ ...json, score })), { dictionary });
  return `KC1-${compressed.toString('base64url')}-${zlib.crc32(compressed).toString(16).padStart(8, '0')}`;
}

interface Row {
  [key: string]: unknown;
  status: string;
}
const resultsOf = (stdout: unknown) => (stdout as { results: Row[] }).results;

describe('sim --verify', () => {
  it('one code: the contract\'s fields in order, exit 0', () => {
    const outcome = runCli(['--verify', codes[0]]);
    expect(outcome.exitCode).toBe(0);
    expect(outcome.stderr).toEqual([]);
    const [row] = resultsOf(outcome.stdout);
    expect(Object.keys(row).slice(0, 10)).toEqual(['code', 'status', 'nick', 'session', 'level', 'arch', 'prediction', 'claimed', 'replayed', 'stars']);
    expect(row).toMatchObject({ code: codes[0], status: 'verified', session: '7K3M9QX2', level: runs[0].level.id, claimed: runs[0].score, replayed: runs[0].score, stars: runs[0].stars });
    expect(typeof row.arch).toBe('string');
  });

  it('a file: one code per line, blank lines and text around them ignored, every code listed; exit 2 when one is not verified', () => {
    const edited = withScore(codes[1], Math.min(100, runs[1].score + 5));
    const broken = `${codes[2].slice(0, 20)}x${codes[2].slice(21)}`;
    const path = join(directory, 'codes.txt');
    writeFileSync(path, `Class 3-B, week 9\n\nmina: ${codes[0]}\n   ${edited}   (jun)\n\n${broken}\n${codes[2]}\n`);
    const outcome = runCli(['--verify', path]);
    expect(outcome.exitCode).toBe(2);
    expect(resultsOf(outcome.stdout).map((row) => row.status)).toEqual(['verified', 'mismatch', 'unreadable', 'verified']);
    expect(resultsOf(outcome.stdout).map((row) => row.code)).toEqual([codes[0], edited, broken, codes[2]]);
    expect(outcome.stderr).toHaveLength(2);
    const good = join(directory, 'good.txt');
    writeFileSync(good, `${codes[0]}\r\n${codes[2]}\r\n`);
    expect(runCli(['--verify', good]).exitCode).toBe(0);
  });

  it('bad input: no code in the argument or the file, other options, a file over the size bound', () => {
    const empty = join(directory, 'empty.txt');
    writeFileSync(empty, 'no codes here\n');
    expect(runCli(['--verify', empty])).toMatchObject({ exitCode: 2, stdout: { ok: false, errors: [{ path: '--verify', code: 'no-codes' }] } });
    expect(runCli(['--verify', join(directory, 'missing.txt')])).toMatchObject({ exitCode: 2, stdout: { ok: false, errors: [{ code: 'not-found' }] } });
    expect(runCli(['--verify', codes[0], '--rank'])).toMatchObject({ exitCode: 2, stdout: { ok: false } });
    const huge = join(directory, 'huge.txt');
    writeFileSync(huge, codes[0]);
    truncateSync(huge, MAX_FILE_BYTES + 1);
    expect(runCli(['--verify', huge])).toMatchObject({ exitCode: 2, stdout: { ok: false, errors: [{ path: '--verify', code: 'too-large' }] } });
  });

  it('an unreadable code never makes the command throw, and stderr stays one escaped line per code', () => {
    const outcome = runCli(['--verify', 'KC1-\u001b[31mred-00000000']);
    expect(outcome.exitCode).toBe(2);
    // eslint-disable-next-line no-control-regex -- the point is that none reaches the terminal
    for (const line of outcome.stderr) expect(line).not.toMatch(/[\u0000-\u001f]/);
  });

  it('through npm: JSON on stdout only, exit status as the contract says', () => {
    const ok = spawnSync('npm', ['run', '--silent', 'sim', '--', '--verify', codes[0]], { encoding: 'utf8' });
    expect(ok.status).toBe(0);
    expect(resultsOf(JSON.parse(ok.stdout))[0].status).toBe('verified');
    const edited = spawnSync('npm', ['run', '--silent', 'sim', '--', '--verify', withScore(codes[0], 0)], { encoding: 'utf8' });
    expect(edited.status).toBe(2);
    expect(resultsOf(JSON.parse(edited.stdout))[0].status).toBe('mismatch');
  });
});
