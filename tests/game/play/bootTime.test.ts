// The boot-time readout: start seconds by hosting plus the image pull when the image is not on the machine,
// the same numbers the engine uses (its bootSecondsPerInstance is their average).
import { describe, expect, it } from 'vitest';
import { bootEstimates, formatSeconds, pullSecondsFor } from '../../../src/game/play/bootTime';
import { canonicalBuild } from '../../../src/sim/canonicalBuild';
import { createSimulation } from '../../../src/sim/Simulation';
import { analyzeBuild } from '../../../src/sim/topology';
import { app, level } from '../../sim/fixtures';

const testLevel = level({
  hardware: { cores: 16, memoryGiB: 256, registryMbps: 100 },
  apps: [
    app('web', { image: { sizeMB: 50, cached: false } }),
    app('win', { kernel: 'windows', image: { cached: false } }),
    app('cached', { image: { sizeMB: 500, cached: true } }),
  ],
  durationSeconds: 2,
});

describe('boot time readout', () => {
  it('pull = size × 8 ÷ registry speed (defaults: 100 MB Linux, 1000 MB Windows)', () => {
    expect(pullSecondsFor(testLevel, testLevel.apps[0])).toBe(4);
    expect(pullSecondsFor(testLevel, testLevel.apps[1])).toBe(80);
    expect(pullSecondsFor(level({ apps: [app('d', { image: {} })] }), app('d', { image: {} }))).toBe(4);
  });

  it('containers, Type-1 and Type-2 VMs and processes start as the engine says', () => {
    const table = (arch: 'container' | 'type1-para' | 'type2' | 'native') => {
      const build = canonicalBuild(testLevel, arch);
      return bootEstimates(testLevel, build, analyzeBuild(testLevel, build).hostings).map((entry) => [entry.app, entry.startSeconds, entry.pullSeconds]);
    };
    expect(table('container')).toEqual([['web', 0.5, 4], ['win', 4, 80], ['cached', 0.5, 0]]);
    expect(table('type1-para')).toEqual([['web', 20, 4], ['win', 45, 80], ['cached', 20, 0]]);
    // Type-2 guests boot like Type-1 guests (kc-model-3 dropped the unsourced ×1.5).
    expect(table('type2')).toEqual([['web', 20, 4], ['win', 45, 80], ['cached', 20, 0]]);
  });

  it('a pre-pulled image costs no pull time', () => {
    const build = { ...canonicalBuild(testLevel, 'type1-para'), provisioning: [{ app: 'web', prePull: true }] };
    const [web] = bootEstimates(testLevel, build, analyzeBuild(testLevel, build).hostings);
    expect(web).toMatchObject({ pullSeconds: 0, totalSeconds: 20, imageReady: true, architecture: 'type1-para' });
  });

  it('averages to the engine\'s bootSecondsPerInstance', () => {
    for (const arch of ['container', 'type1-full', 'type2'] as const) {
      const build = canonicalBuild(testLevel, arch);
      const created = createSimulation(testLevel, build);
      if (!created.ok) continue;
      created.simulation.runToEnd();
      const estimates = bootEstimates(testLevel, build, created.analysis.hostings);
      const mean = estimates.reduce((sum, entry) => sum + entry.totalSeconds, 0) / estimates.length;
      expect(created.simulation.metrics().bootSecondsPerInstance).toBeCloseTo(mean, 2);
    }
  });

  it('formats seconds for a readout', () => {
    expect(formatSeconds(0.5)).toBe('0.5');
    expect(formatSeconds(4.04)).toBe('4');
    expect(formatSeconds(68.4)).toBe('68');
  });
});
