// Golden tests: the model's results over a grid of architecture × workload × threat, kept as a snapshot so
// that any change to a cost or rule shows up as a reviewable diff of numbers (update with `vitest -u`).
import { describe, expect, it } from 'vitest';
import { rankLevel } from '../../src/scoring/rankLevel';
import { MODEL_VERSION } from '../../src/sim/costs';
import type { Level, ThreatKind } from '../../src/sim/types';
import { app, level } from './fixtures';

const WORKLOADS: Record<string, Partial<Level>> = {
  'io-heavy': {
    apps: [
      app('shop', { tenant: 'a', trust: 'untrusted', instances: 2, io: { disk: 1.6, net: 2.4, syscall: 2 } }),
      app('bank', { tenant: 'b', instances: 2, io: { disk: 1.2, net: 1.6, syscall: 2 } }),
    ],
  },
  'syscall-heavy': {
    apps: [
      app('shop', { tenant: 'a', trust: 'untrusted', instances: 2, io: { disk: 0.2, net: 0.4, syscall: 8 } }),
      app('bank', { tenant: 'b', instances: 2, io: { disk: 0.2, net: 0.2, syscall: 6 } }),
    ],
  },
  bursty: {
    apps: [
      app('shop', { tenant: 'a', trust: 'untrusted', instances: 1, io: { disk: 0.6, net: 1.2, syscall: 2 } }),
      app('bank', { tenant: 'b', instances: 1, io: { disk: 0.4, net: 0.8, syscall: 2 }, image: { sizeMB: 120, cached: false } }),
    ],
    bursts: [{ app: 'bank', atSecond: 3, instances: 5, deadlineSeconds: 6 }],
    objectives: { security: 1, speed: 1, scale: 1 },
  },
};

const THREATS: Array<ThreatKind | 'none'> = ['none', 'snoop', 'container-escape', 'kernel-exploit', 'vm-escape', 'host-compromise'];

describe('golden grid', () => {
  it('uses the current model version', () => {
    expect(MODEL_VERSION).toMatchSnapshot();
  });

  for (const [workload, overrides] of Object.entries(WORKLOADS)) {
    it(`${workload}: every architecture under every threat`, () => {
      const table: Record<string, string> = {};
      for (const threat of THREATS) {
        const testLevel = level({
          durationSeconds: 15,
          seed: 2024,
          ...overrides,
          threats: threat === 'none' ? [] : [threat === 'host-compromise' ? { kind: threat, atSecond: 5 } : { app: 'shop', kind: threat, atSecond: 5 }],
        });
        for (const entry of rankLevel(testLevel).entries) {
          const { metrics, score } = entry.result;
          table[`${threat} ${entry.arch}`] = [
            `p50=${metrics.p50LatencyUs}`,
            `p95=${metrics.p95LatencyUs}`,
            `disk95=${metrics.byKind.disk.p95LatencyUs}`,
            `net95=${metrics.byKind.net.p95LatencyUs}`,
            `delivered=${metrics.delivered}`,
            `dropped=${metrics.dropped}`,
            `breached=${metrics.breachedTenants}`,
            `burst=${metrics.burstServedRatio}`,
            `mem=${metrics.memoryUsedGiB}`,
            `boot=${metrics.bootSecondsPerInstance}`,
            `score=${score.security}/${score.speed}/${score.scale}=${score.total}*${score.stars}`,
          ].join(' ');
        }
      }
      expect(table).toMatchSnapshot();
    });
  }
});
