// Response times (kc-model-3): each delivered request's I/O latency plus its own app's compute, kept by the
// engine in a second histogram beside the I/O latencies, per packet kind. The I/O figures do not change.
import { describe, expect, it } from 'vitest';
import { canonicalBuild } from '../../src/sim/canonicalBuild';
import { DEFAULT_COMPUTE_US } from '../../src/sim/costs';
import { createSimulation } from '../../src/sim/Simulation';
import type { Architecture, Level } from '../../src/sim/types';
import { PACKET_KINDS } from '../../src/sim/types';
import { app, level } from './fixtures';

function metricsOf(testLevel: Level, arch: Architecture, seed = 3) {
  const created = createSimulation(testLevel, canonicalBuild(testLevel, arch), { seed });
  if (!created.ok) throw new Error(JSON.stringify(created.violations));
  created.simulation.runToEnd();
  return { metrics: created.simulation.metrics(), traceHash: created.simulation.traceHash() };
}

/** The histogram reports a bin's middle: within about 1.6 % of the true value, so 3 % of a sum of two. */
function expectCloseTo(actual: number, expected: number): void {
  expect(Math.abs(actual - expected), `${actual} vs ${expected}`).toBeLessThanOrEqual(Math.max(1, 0.03 * expected));
}

const web = (computeUs?: number) =>
  level({
    apps: [app('web', { instances: 2, io: { disk: 1.2, net: 1.6, syscall: 2 }, ...(computeUs === undefined ? {} : { computeUs }) })],
    objectives: { speed: 1 },
    durationSeconds: 10,
  });

describe('response times: I/O latency plus the app\'s own compute', () => {
  for (const arch of ['native', 'container', 'type2', 'type1-para'] as const) {
    it(`${arch}: one app's p95 response is its I/O p95 plus its computeUs (default ${DEFAULT_COMPUTE_US} µs)`, () => {
      for (const computeUs of [undefined, 0, 50, 1000]) {
        const { metrics } = metricsOf(web(computeUs), arch);
        for (const kind of PACKET_KINDS) {
          const entry = metrics.byKind[kind];
          expect(entry.delivered).toBeGreaterThan(0);
          expectCloseTo(entry.p95ResponseUs!, entry.p95LatencyUs + (computeUs ?? DEFAULT_COMPUTE_US));
        }
      }
    });
  }

  it('compute changes neither the run nor its I/O figures', () => {
    const plain = metricsOf(web(), 'type2');
    const heavy = metricsOf(web(5000), 'type2');
    expect(heavy.traceHash).toBe(plain.traceHash);
    for (const kind of PACKET_KINDS) {
      const { p95ResponseUs: plainResponse, ...plainIo } = plain.metrics.byKind[kind];
      const { p95ResponseUs: heavyResponse, ...heavyIo } = heavy.metrics.byKind[kind];
      expect(heavyIo).toEqual(plainIo);
      expect(heavyResponse!).toBeGreaterThan(plainResponse! + 4000);
    }
  });

  it('each request takes its own app\'s compute', () => {
    // Two apps with the same I/O on the same path: the slow-computing one's requests make the p95.
    const mixed = level({
      apps: [
        app('fast', { io: { disk: 0.5, net: 1, syscall: 2 }, computeUs: 10 }),
        app('slow', { io: { disk: 0.5, net: 1, syscall: 2 }, computeUs: 2000 }),
      ],
      objectives: { speed: 1 },
      durationSeconds: 10,
    });
    const { metrics } = metricsOf(mixed, 'container');
    for (const kind of PACKET_KINDS) {
      const entry = metrics.byKind[kind];
      expect(entry.p95ResponseUs!).toBeGreaterThan(0.97 * 2000);
      expect(entry.p95ResponseUs!).toBeLessThan(2000 + 2 * entry.p95LatencyUs + 100);
    }
  });

  it('is 0 for a kind with nothing delivered', () => {
    const diskOnly = level({ apps: [app('d', { io: { disk: 1 } })], objectives: { speed: 1 }, durationSeconds: 5 });
    const { metrics } = metricsOf(diskOnly, 'native');
    expect(metrics.byKind.net.delivered).toBe(0);
    expect(metrics.byKind.net.p95ResponseUs).toBe(0);
    expect(metrics.byKind.disk.p95ResponseUs).toBeGreaterThan(DEFAULT_COMPUTE_US);
  });
});
