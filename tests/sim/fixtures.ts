// Small level and build makers for engine tests: a valid level with sensible defaults, overridable.
import type { AppSpec, Build, BuildNode, Level, Placement } from '../../src/sim/types';

export function app(id: string, overrides: Partial<AppSpec> = {}): AppSpec {
  return {
    id,
    tenant: overrides.tenant ?? id,
    kernel: 'linux',
    trust: 'trusted',
    io: { disk: 0.6, net: 1, syscall: 2 },
    instances: 1,
    memoryMiB: 256,
    image: { sizeMB: 100, cached: true },
    ...overrides,
  };
}

export function level(overrides: Partial<Level> = {}): Level {
  return {
    format: 'kernel-courier/level@1',
    id: 'test-level',
    title: { en: 'Test' },
    brief: { en: 'Test level' },
    hardware: { cores: 16, memoryGiB: 64 },
    apps: [app('a'), app('b')],
    objectives: { security: 1, speed: 1 },
    allow: ['native', 'container', 'type2', 'type1-full', 'type1-para'],
    durationSeconds: 20,
    seed: 7,
    ...overrides,
  };
}

export function build(nodes: BuildNode[], placements: Placement[], extra: Partial<Build> = {}): Build {
  return { format: 'kernel-courier/build@1', nodes, placements, ...extra };
}
