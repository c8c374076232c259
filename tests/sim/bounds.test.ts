// Bounded work on hostile input (issue 18): the build validator's cycle check is linear, stacked
// container engines do not recurse, deep nesting is refused before anything walks it, a deep extension
// field never reaches the baseline cache, overflowing weights still give a finite total, and the
// heaviest load a valid level can ask for runs without reaching the engine's packet cap.
import { describe, expect, it } from 'vitest';
import { runBuild } from '../../src/scoring/rankLevel';
import { weightedTotal } from '../../src/scoring/scoreRun';
import { MAX_INSTANCES } from '../../src/sim/validation';
import { MAX_IO_RATE, MAX_JSON_DEPTH, MAX_LEVEL_IO } from '../../src/sim/bounds';
import { canonicalBuild } from '../../src/sim/canonicalBuild';
import { parseJsonText } from '../../src/sim/parseJson';
import { kernelOfNode } from '../../src/sim/topology';
import type { BuildNode, Level } from '../../src/sim/types';
import { validateBuild } from '../../src/sim/validateBuild';
import { validateLevel } from '../../src/sim/validateLevel';
import { app, level } from './fixtures';

/** How many Map lookups `run` makes: a measure of work that does not depend on the machine's speed. */
function mapLookups(run: () => void): number {
  const original = Map.prototype.get;
  let count = 0;
  Map.prototype.get = function get(this: Map<unknown, unknown>, key: unknown) {
    count += 1;
    return original.call(this, key);
  };
  try {
    run();
  } finally {
    Map.prototype.get = original;
  }
  return count;
}

function chain(length: number, closed: boolean) {
  return {
    format: 'kernel-courier/build@1',
    nodes: Array.from({ length }, (_, index) =>
      index === 0 && !closed
        ? { id: 'n0', piece: 'host-os', on: 'hardware', kernel: 'linux' }
        : { id: `n${index}`, piece: 'container-engine', on: `n${closed ? (index + 1) % length : index - 1}` },
    ),
    placements: [],
  };
}

describe('the build validator on long chains', () => {
  it('checks for cycles in work linear in the nodes', () => {
    const small = mapLookups(() => validateBuild(chain(1000, false)));
    const large = mapLookups(() => validateBuild(chain(4000, false)));
    // Four times the nodes, about four times the work (a quadratic check would do sixteen times).
    expect(large / small).toBeLessThan(5);
  });

  it('reports every node of a long circle, each message short', () => {
    const result = validateBuild(chain(3000, true));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const cycles = result.errors.filter((error) => error.params?.rule === 'cycle');
    expect(cycles).toHaveLength(3000);
    expect(cycles[0]).toMatchObject({ path: 'nodes[0].on', params: { cycle: expect.stringMatching(/^n0 → n1 → .* \(3000 nodes in all\) → n0$/) } });
    expect(Math.max(...cycles.map((error) => error.message.length))).toBeLessThan(300);
  });

  it('still names a short circle in full', () => {
    const result = validateBuild(chain(3, true));
    expect(result.ok ? [] : result.errors.map((error) => error.params?.cycle)).toEqual(['n0 → n1 → n2 → n0', 'n1 → n2 → n0 → n1', 'n2 → n0 → n1 → n2']);
  });
});

describe('kernelOfNode', () => {
  it('follows 100,000 stacked container engines without recursion, and stops on a circle', () => {
    const nodes = new Map<string, BuildNode>([['host', { id: 'host', piece: 'host-os', on: 'hardware', kernel: 'windows' }]]);
    for (let index = 0; index < 100_000; index += 1) nodes.set(`e${index}`, { id: `e${index}`, piece: 'container-engine', on: index === 0 ? 'host' : `e${index - 1}` });
    expect(kernelOfNode(nodes, 'e99999')).toBe('windows');
    nodes.set('e0', { id: 'e0', piece: 'container-engine', on: 'e99999' });
    expect(kernelOfNode(nodes, 'e99999')).toBeNull();
  });
});

describe('nesting depth', () => {
  it(`refuses JSON nested more than ${MAX_JSON_DEPTH} deep, naming the path, before parsing`, () => {
    const result = parseJsonText(`{"apps":[{"x-a":{"b":${'['.repeat(200)}${']'.repeat(200)}}}]}`);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0]).toMatchObject({ code: 'constraint', params: { rule: 'max-depth', max: MAX_JSON_DEPTH } });
    expect(result.errors[0]?.path).toMatch(/^apps\[0\]\.x-a\.b(\[0\])+$/);
    expect(parseJsonText(`{"a":${'['.repeat(MAX_JSON_DEPTH - 1)}${']'.repeat(MAX_JSON_DEPTH - 1)}}`).ok).toBe(true);
    // Brackets inside strings are text, not nesting.
    expect(parseJsonText(JSON.stringify({ text: '['.repeat(1000) })).ok).toBe(true);
  });

  it('a level built in code with a deep extension field still runs (the baseline cache never serializes it)', () => {
    let deep: unknown[] = [];
    for (let index = 0; index < 20_000; index += 1) deep = [deep];
    const subject = { ...level({ id: 'deep-extension', durationSeconds: 2 }), 'x-deep': deep } as Level;
    expect(() => runBuild(subject, canonicalBuild(subject, 'native'), 1)).not.toThrow();
  });
});

describe('numbers stay numbers', () => {
  it('weights whose sum overflows still give the weighted average', () => {
    const subject = level({ objectives: { security: 1e308, speed: 1e308 } });
    expect(weightedTotal(subject, { security: 80, speed: 40, scale: 0 })).toBe(60);
    expect(weightedTotal(level({ objectives: { security: 3, speed: 1 } }), { security: 80, speed: 40, scale: 0 })).toBe(70);
  });
});

describe('the heaviest load the field bounds allow', () => {
  it(`${MAX_INSTANCES} instances asking for the level's whole io (${MAX_LEVEL_IO}/s each): refused by the work budget, and the engine still never reaches its packet cap`, () => {
    const perKind = Math.min(MAX_IO_RATE, MAX_LEVEL_IO / 3);
    const subject = level({
      id: 'heaviest',
      durationSeconds: 8,
      hardware: { cores: 1, memoryGiB: 1_000_000 },
      apps: [app('a', { io: { disk: perKind, net: perKind, syscall: MAX_LEVEL_IO - 2 * perKind }, instances: MAX_INSTANCES, memoryMiB: 1 })],
    });
    // Every field is within its bound; the run as a whole is not (src/sim/workBudget.ts).
    const checked = validateLevel(subject);
    expect(checked.ok ? [] : checked.errors.map((error) => error.params?.rule)).toEqual(['run-packets', 'run-instances']);
    // A level built in code skips validation: the engine's own cap still holds.
    for (const arch of ['type1-full', 'container'] as const) {
      const result = runBuild(subject, canonicalBuild(subject, arch), 1);
      expect(result.metrics.emitted).toBeGreaterThan(1_000_000);
    }
  }, 120_000);
});
