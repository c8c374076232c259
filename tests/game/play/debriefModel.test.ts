// The debrief's content: reasons grouped into plain sentences, the comparison rows, the hint and focus.
import { describe, expect, it } from 'vitest';
import { comparisonRows, comparisonUnlocked, explainResult, focusObjective, hintFor } from '../../../src/game/play/debriefModel';
import { rankLevel, runBuild, withStars } from '../../../src/scoring/rankLevel';
import { canonicalBuild } from '../../../src/sim/canonicalBuild';
import { app, build, level } from '../../sim/fixtures';

const hostile = level({
  apps: [app('evil', { trust: 'untrusted' }), app('b'), app('c'), app('d')],
  threats: [{ app: 'evil', kind: 'kernel-exploit', atSecond: 2 }],
  objectives: { security: 3, speed: 1 },
});

describe('debrief model', () => {
  it('says "the shared kernel was exploited once, so 3 tenants were breached" as one sentence', () => {
    const result = runBuild(hostile, canonicalBuild(hostile, 'container'));
    const breach = explainResult(result).find((sentence) => sentence.key === 'debrief.reason.breach');
    expect(breach?.params).toMatchObject({ threat: 'kernel-exploit', attacker: 'evil', boundary: 'shared-kernel', count: 3, tenants: 'b, c, d' });
  });

  it('explains an infeasible build by its broken rules', () => {
    const result = runBuild(hostile, build([{ id: 'host', piece: 'host-os', on: 'hardware', kernel: 'linux' }], [{ app: 'evil', on: 'host' }]));
    expect(explainResult(result).map((sentence) => sentence.key)).toEqual(['reason.unplaced-app', 'reason.unplaced-app', 'reason.unplaced-app']);
  });

  it('compares the player with every architecture, best first, the player marked', () => {
    const ranking = rankLevel(hostile);
    const player = withStars(hostile, runBuild(hostile, canonicalBuild(hostile, 'container')), ranking);
    const rows = comparisonRows(ranking, player);
    expect(rows).toHaveLength(hostile.allow.length + 1);
    expect(rows.filter((row) => row.isPlayer)).toHaveLength(1);
    for (let index = 1; index < rows.length; index += 1) expect(rows[index - 1].total).toBeGreaterThanOrEqual(rows[index].total);
  });

  it('hints at the objective that cost the most, and opens the chart after three stars or a retry', () => {
    const ranking = rankLevel(hostile);
    const player = runBuild(hostile, canonicalBuild(hostile, 'container'));
    expect(hintFor(hostile, player, ranking).key).toBe('debrief.hint.security');
    expect(comparisonUnlocked(2, 1)).toBe(false);
    expect(comparisonUnlocked(3, 1)).toBe(true);
    expect(comparisonUnlocked(0, 2)).toBe(true);
    expect(focusObjective(hostile)).toBe('security');
  });
});
