// The debrief's content: reasons grouped into plain sentences, the comparison rows, the hint and focus.
import { describe, expect, it } from 'vitest';
import { comparisonRows, comparisonUnlocked, explainResult, focusObjective, hintFor } from '../../../src/game/play/debriefModel';
import { rankLevel, runBuild, withStars } from '../../../src/scoring/rankLevel';
import { canonicalBuild } from '../../../src/sim/canonicalBuild';
import { createI18n } from '../../../src/i18n/createI18n';
import { addEngineStrings } from '../../../src/i18n/engineStrings';
import { app, build, level } from '../../sim/fixtures';

const hostile = level({
  apps: [app('evil', { trust: 'untrusted' }), app('b'), app('c'), app('d')],
  threats: [{ app: 'evil', kind: 'kernel-exploit', atSecond: 2 }],
  objectives: { security: 3, speed: 1 },
});

describe('debrief model', () => {
  it('says "the shared kernel was exploited once, so 3 tenants were breached" as one sentence', () => {
    const result = runBuild(hostile, canonicalBuild(hostile, 'container'));
    const breach = explainResult(result).find((sentence) => sentence.key === 'debrief:reason.breach.shared-kernel');
    expect(breach?.params).toMatchObject({ threat: 'kernel-exploit', attacker: 'evil', boundary: 'shared-kernel', count: 3, tenants: 'b, c, d' });
    expect(breach).toMatchObject({ topic: 'security', points: 100 });
  });

  it('puts the sentence that cost the most weighted points first when given the level', () => {
    const result = runBuild(hostile, canonicalBuild(hostile, 'container'));
    const sentences = explainResult(result, hostile);
    expect(sentences[0]?.key).toBe('debrief:reason.breach.shared-kernel');
    expect(sentences.slice(1).every((sentence) => sentence.topic === 'speed')).toBe(true);
  });

  it('says a clean run cost nothing', () => {
    const quiet = level({ apps: [app('a')], objectives: { speed: 1 } });
    const sentences = explainResult(runBuild(quiet, canonicalBuild(quiet, 'native')));
    expect(sentences).toEqual([{ key: 'debrief:reason.clean', params: {}, topic: 'clean', points: 0 }]);
  });

  it('calls a kind only a little slower than native "close", and a slow one by its factor', () => {
    const quiet = level({ apps: [app('a')], objectives: { speed: 1 } });
    const keys = explainResult(runBuild(quiet, canonicalBuild(quiet, 'type2'))).map((sentence) => sentence.key);
    expect(keys).toContain('debrief:reason.latency.disk');
    expect(keys.every((key) => key.startsWith('debrief:reason.latency'))).toBe(true);
  });

  it('a latency sentence gives the response time and, beside it, the I/O part the hop view shows (en, ko)', () => {
    const quiet = level({ apps: [app('a')], objectives: { speed: 1 } });
    const result = runBuild(quiet, canonicalBuild(quiet, 'type2'));
    const disk = explainResult(result).find((sentence) => sentence.key === 'debrief:reason.latency.disk')!;
    expect(disk.params).toMatchObject({ p95Us: result.metrics.byKind.disk.p95ResponseUs, ioP95Us: result.metrics.byKind.disk.p95LatencyUs });
    for (const language of ['en', 'ko'] as const) {
      const i18n = createI18n(language, []);
      addEngineStrings(i18n);
      const text = (i18n.t as (key: string, params: object) => string)(disk.key, disk.params);
      expect(text).not.toContain('{{');
      expect(text).toContain(String(result.metrics.byKind.disk.p95LatencyUs));
    }
  });

  it('explains an infeasible build by its broken rules', () => {
    const result = runBuild(hostile, build([{ id: 'host', piece: 'host-os', on: 'hardware', kernel: 'linux' }], [{ app: 'evil', on: 'host' }]));
    const sentences = explainResult(result);
    expect(sentences.map((sentence) => sentence.key)).toEqual(['board:reason.unplaced-app', 'board:reason.unplaced-app', 'board:reason.unplaced-app']);
    expect(sentences.every((sentence) => sentence.rule === 'unplaced-app' && sentence.topic === 'feasibility')).toBe(true);
  });

  it('compares the player with every architecture, best first, the player marked', () => {
    const ranking = rankLevel(hostile);
    const player = withStars(hostile, runBuild(hostile, canonicalBuild(hostile, 'container')), ranking);
    const rows = comparisonRows(ranking, player);
    expect(rows).toHaveLength(hostile.allow.length + 1);
    expect(rows.filter((row) => row.isPlayer)).toHaveLength(1);
    for (let index = 1; index < rows.length; index += 1) expect(rows[index - 1].total).toBeGreaterThanOrEqual(rows[index].total);
    expect(rows.find((row) => row.isPlayer)).toMatchObject({ arch: 'yours', builtArch: 'container', reason: null });
  });

  it('gives an infeasible row its first broken rule', () => {
    const ranking = rankLevel(hostile);
    const broken = runBuild(hostile, build([{ id: 'host', piece: 'host-os', on: 'hardware', kernel: 'linux' }], [{ app: 'evil', on: 'host' }]));
    const player = comparisonRows(ranking, withStars(hostile, broken, ranking)).find((row) => row.isPlayer);
    expect(player).toMatchObject({ feasible: false, total: 0, reason: { code: 'unplaced-app' } });
  });

  it('hints at the objective that cost the most, and opens the chart after three stars or a retry', () => {
    const ranking = rankLevel(hostile);
    const player = runBuild(hostile, canonicalBuild(hostile, 'container'));
    expect(hintFor(hostile, player, ranking).key).toBe('debrief:hint.security');
    expect(comparisonUnlocked(2, 1)).toBe(false);
    expect(comparisonUnlocked(3, 1)).toBe(true);
    expect(comparisonUnlocked(0, 2)).toBe(true);
    expect(focusObjective(hostile)).toBe('security');
  });
});
