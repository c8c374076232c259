// One latency figure (issue 17): the comparison shows the speed score's own figure — each kind's p95
// response time — and "native" is quoted from one computed source per meaning: the native run's p95
// response (the score's yardstick: the speed sentences and the native row of the comparison) and the
// unloaded native path (the hop bars, docs/model.md §5 and §10). These tests fail if any of them drift.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hopCosts } from '../../src/game/debrief/hopCosts';
import { comparisonRows, responseFigures } from '../../src/game/play/debriefModel';
import { CAMPAIGN_LEVELS } from '../../src/levels';
import { nativeBaseline, rankLevel, runBuild, withStars } from '../../src/scoring/rankLevel';
import { NATIVE_LATENCY_US, responseP95Us } from '../../src/scoring/scoreRun';
import { canonicalBuild } from '../../src/sim/canonicalBuild';
import { PACKET_KINDS } from '../../src/sim/types';

const MODEL_DOC = readFileSync(join(__dirname, '..', '..', 'docs', 'model.md'), 'utf8');

describe('the comparison and the score use the same latency figure', () => {
  it.each(CAMPAIGN_LEVELS.map((level) => [level.id, level] as const))('%s: every row shows the p95 response times its speed deductions quote', (_id, level) => {
    const ranking = rankLevel(level, level.seed);
    const player = withStars(level, runBuild(level, canonicalBuild(level, level.allow[level.allow.length - 1]!), level.seed), ranking);
    const rows = comparisonRows(ranking, player);
    const results = [...ranking.entries.map((entry) => entry.result), player];
    expect(rows).toHaveLength(results.length);
    for (const result of results.filter((candidate) => candidate.feasible)) {
      const figures = responseFigures(result);
      for (const deduction of result.deductions.filter((candidate) => candidate.code === 'speed-latency')) {
        expect(figures[deduction.params.kind as 'disk']).toBe(deduction.params.p95Us);
      }
      // The native yardstick the sentences quote is the native run's own figure.
      const native = nativeBaseline(level, level.seed);
      for (const deduction of result.deductions.filter((candidate) => candidate.code === 'speed-latency')) {
        expect(deduction.params.nativeUs).toBe(Math.round(responseP95Us(native.byKind[deduction.params.kind as 'disk'])));
      }
    }
    // Where the native build runs, its row in the comparison quotes that same native figure.
    const nativeRow = ranking.entries.find((entry) => entry.arch === 'native' && entry.result.feasible);
    if (nativeRow) {
      const native = nativeBaseline(level, level.seed);
      for (const kind of PACKET_KINDS) {
        if (native.byKind[kind].delivered === 0) continue;
        expect(responseFigures(nativeRow.result)[kind]).toBe(Math.round(responseP95Us(native.byKind[kind])));
      }
    }
  });
});

describe('the unloaded native path is quoted with one number', () => {
  it('the hop bars take it from NATIVE_LATENCY_US, which the service times make', () => {
    const level = CAMPAIGN_LEVELS[0]!;
    const paths = hopCosts(level, canonicalBuild(level, 'native'))!;
    expect(paths[0]!.disk.nativeUs).toBe(Math.round(NATIVE_LATENCY_US.disk));
    expect(paths[0]!.net.nativeUs).toBe(Math.round(NATIVE_LATENCY_US.net));
    // The native build's own path is the native path: the bar and its yardstick agree.
    expect(paths[0]!.disk.totalUs).toBe(paths[0]!.disk.nativeUs);
  });

  it('docs/model.md quotes the same sums in §5 and §10', () => {
    const row = MODEL_DOC.match(/\| `native` \| [\d +]+= \*\*(\d+)\*\* \| [\d +]+= \*\*(\d+)\*\* \| ([\d.]+) \|/);
    expect(row, 'the native row of §5 "Unloaded path sums"').not.toBeNull();
    expect(Number(row![1])).toBe(NATIVE_LATENCY_US.disk);
    expect(Number(row![2])).toBe(NATIVE_LATENCY_US.net);
    expect(Number(row![3])).toBe(NATIVE_LATENCY_US.syscall);
    const fallback = MODEL_DOC.match(/native path plus the default compute is used: disk (\d+), net (\d+), syscall ([\d.]+) µs/);
    expect(fallback, '§10 Speed, step 1').not.toBeNull();
    expect([Number(fallback![1]), Number(fallback![2]), Number(fallback![3])]).toEqual([NATIVE_LATENCY_US.disk, NATIVE_LATENCY_US.net, NATIVE_LATENCY_US.syscall]);
    const intro = MODEL_DOC.match(/An idle native disk path reports about (\d+) µs/);
    expect(Number(intro![1])).toBe(NATIVE_LATENCY_US.disk);
  });
});
