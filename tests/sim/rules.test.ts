// Every rule of the board and its reason code, and the recognition of each app's architecture.
import { describe, expect, it } from 'vitest';
import { canonicalBuild } from '../../src/sim/canonicalBuild';
import { analyzeBuild, buildArchitecture } from '../../src/sim/topology';
import type { Build, Level } from '../../src/sim/types';
import { REASON_CODES } from '../../src/sim/types';
import { app, build, level } from './fixtures';

function codes(testLevel: Level, testBuild: Build): string[] {
  return analyzeBuild(testLevel, testBuild).violations.map((violation) => violation.code);
}

const host = { id: 'host', piece: 'host-os' as const, on: 'hardware', kernel: 'linux' as const };
const engine = { id: 'engine', piece: 'container-engine' as const, on: 'host' };

describe('rules', () => {
  const broken: Array<{ code: string; level?: Level; build: Build }> = [
    {
      code: 'kernel-mismatch',
      level: level({ apps: [app('a', { kernel: 'windows' }), app('b')] }),
      build: build([host, engine], [{ app: 'a', on: 'engine' }, { app: 'b', on: 'engine' }]),
    },
    {
      code: 'memory-exceeded',
      level: level({ hardware: { cores: 4, memoryGiB: 3 } }),
      build: build([{ id: 'hypervisor', piece: 'type1-hypervisor', on: 'hardware' }], [
        { app: 'a', on: 'hypervisor', vm: { kernel: 'linux', driver: 'para' } },
        { app: 'b', on: 'hypervisor', vm: { kernel: 'linux', driver: 'para' } },
      ]),
    },
    {
      code: 'needs-host-os',
      build: build(
        [{ id: 'hypervisor', piece: 'type1-hypervisor', on: 'hardware' }, { id: 't2', piece: 'type2-hypervisor', on: 'hypervisor' }],
        [{ app: 'a', on: 't2', vm: { kernel: 'linux', driver: 'emulated' } }, { app: 'b', on: 't2', vm: { kernel: 'linux', driver: 'emulated' } }],
      ),
    },
    {
      code: 'needs-bare-hardware',
      build: build([host, { id: 'hypervisor', piece: 'type1-hypervisor', on: 'host' }], [
        { app: 'a', on: 'host' },
        { app: 'b', on: 'hypervisor', vm: { kernel: 'linux', driver: 'para' } },
      ]),
    },
    {
      code: 'needs-hypervisor',
      build: build([host, { id: 'vm', piece: 'vm', on: 'host', kernel: 'linux', driver: 'para' }], [
        { app: 'a', on: 'vm' },
        { app: 'b', on: 'host' },
      ]),
    },
    {
      code: 'needs-kernel',
      build: build([{ id: 'hypervisor', piece: 'type1-hypervisor', on: 'hardware' }, { id: 'engine', piece: 'container-engine', on: 'hypervisor' }], [
        { app: 'a', on: 'engine' },
        { app: 'b', on: 'engine' },
      ]),
    },
    {
      code: 'host-os-required',
      level: level({ hostKernel: 'windows', allow: ['native', 'container', 'type2'] }),
      build: build([host], [{ app: 'a', on: 'host' }, { app: 'b', on: 'host' }]),
    },
    {
      code: 'type1-forbidden',
      level: level({ hostKernel: 'linux', allow: ['native', 'container', 'type2'] }),
      build: build([{ id: 'hypervisor', piece: 'type1-hypervisor', on: 'hardware' }], [
        { app: 'a', on: 'hypervisor', vm: { kernel: 'linux', driver: 'para' } },
        { app: 'b', on: 'hypervisor', vm: { kernel: 'linux', driver: 'para' } },
      ]),
    },
    {
      code: 'driver-not-offered',
      level: level({ drivers: ['emulated'], allow: ['type1-full'] }),
      build: build(
        [
          { id: 'hypervisor', piece: 'type1-hypervisor', on: 'hardware' },
          { id: 'vm-a', piece: 'vm', on: 'hypervisor', kernel: 'linux', driver: 'para' },
        ],
        [{ app: 'a', on: 'vm-a' }, { app: 'b', on: 'hypervisor', vm: { kernel: 'linux', driver: 'emulated' } }],
      ),
    },
    {
      code: 'palette-exceeded',
      level: level({ palette: { 'host-os': 1, 'container-engine': 1 } }),
      build: build([host, engine, { id: 'engine-2', piece: 'container-engine', on: 'host' }], [
        { app: 'a', on: 'engine' },
        { app: 'b', on: 'engine-2' },
      ]),
    },
    { code: 'unplaced-app', build: build([host], [{ app: 'a', on: 'host' }]) },
    {
      code: 'hardware-occupied',
      build: build([host, { id: 'hypervisor', piece: 'type1-hypervisor', on: 'hardware' }], [
        { app: 'a', on: 'host' },
        { app: 'b', on: 'host' },
      ]),
    },
    {
      code: 'cannot-host-app',
      build: build([{ id: 'hypervisor', piece: 'type1-hypervisor', on: 'hardware' }], [
        { app: 'a', on: 'hypervisor' },
        { app: 'b', on: 'hypervisor', vm: { kernel: 'linux', driver: 'para' } },
      ]),
    },
    {
      code: 'arch-not-allowed',
      level: level({ allow: ['native'] }),
      build: build([host, engine], [{ app: 'a', on: 'engine' }, { app: 'b', on: 'host' }]),
    },
    { code: 'unknown-node', build: build([host], [{ app: 'a', on: 'nowhere' }, { app: 'b', on: 'host' }]) },
    { code: 'unknown-app', build: build([host], [{ app: 'a', on: 'host' }, { app: 'b', on: 'host' }, { app: 'ghost', on: 'host' }]) },
    { code: 'duplicate-placement', build: build([host], [{ app: 'a', on: 'host' }, { app: 'b', on: 'host' }, { app: 'a', on: 'host' }]) },
  ];

  for (const entry of broken) {
    it(`reports ${entry.code}`, () => {
      expect(codes(entry.level ?? level(), entry.build)).toContain(entry.code);
    });
  }

  it('covers every reason code', () => {
    expect(new Set(broken.map((entry) => entry.code))).toEqual(new Set(REASON_CODES));
  });

  it('accepts every canonical build of a plain level', () => {
    const plain = level();
    for (const arch of plain.allow) expect(codes(plain, canonicalBuild(plain, arch)), arch).toEqual([]);
  });

  it('says where a rule broke', () => {
    const violations = analyzeBuild(
      level({ apps: [app('a', { kernel: 'windows' }), app('b')] }),
      build([host], [{ app: 'a', on: 'host' }, { app: 'b', on: 'host' }]),
    ).violations;
    expect(violations).toEqual([{ code: 'kernel-mismatch', app: 'a', node: 'host', params: { appKernel: 'windows', nodeKernel: 'linux' } }]);
  });

  it('counts memory of nodes, instances and warm spares', () => {
    const plain = level({ apps: [app('a', { instances: 2, memoryMiB: 512 }), app('b', { memoryMiB: 1024 })] });
    const analysis = analyzeBuild(plain, {
      ...build([host, engine], [{ app: 'a', on: 'engine' }, { app: 'b', on: 'engine' }]),
      provisioning: [{ app: 'b', warmSpares: 1 }],
    });
    // host 1 + engine 0.1 + 2 × (0.5 + 10 MiB) + 2 × (1 + 10 MiB)
    expect(analysis.memoryGiB).toBeCloseTo(1 + 0.1 + 2 * (0.5 + 10 / 1024) + 2 * (1 + 10 / 1024), 6);
  });
});

describe('architecture recognition', () => {
  const plain = level();
  for (const arch of plain.allow) {
    it(`recognizes the canonical ${arch} build`, () => {
      expect(buildArchitecture(analyzeBuild(plain, canonicalBuild(plain, arch)).hostings)).toBe(arch);
    });
  }

  it('recognizes a mixed build app by app', () => {
    const mixed = build(
      [
        host,
        engine,
        { id: 'type2', piece: 'type2-hypervisor', on: 'host' },
        { id: 'vm', piece: 'vm', on: 'type2', kernel: 'linux', driver: 'emulated' },
      ],
      [{ app: 'a', on: 'engine' }, { app: 'b', on: 'vm' }],
    );
    const analysis = analyzeBuild(plain, mixed);
    expect(analysis.violations).toEqual([]);
    expect(analysis.hostings.map((hosting) => [hosting.app.id, hosting.architecture])).toEqual([
      ['a', 'container'],
      ['b', 'type2'],
    ]);
    expect(buildArchitecture(analysis.hostings)).toBe('mixed');
  });

  it('recognizes Type-1 by driver, and containers inside a Type-1 VM as container-in-vm', () => {
    const nested = build(
      [
        { id: 'hypervisor', piece: 'type1-hypervisor', on: 'hardware' },
        { id: 'vm-a', piece: 'vm', on: 'hypervisor', kernel: 'linux', driver: 'para' },
        { id: 'engine-a', piece: 'container-engine', on: 'vm-a' },
      ],
      [{ app: 'a', on: 'engine-a' }, { app: 'b', on: 'hypervisor', vm: { kernel: 'linux', driver: 'emulated' } }],
    );
    const withContainersInVms = level({ allow: ['type1-full', 'container-in-vm'] });
    const analysis = analyzeBuild(withContainersInVms, nested);
    expect(analysis.violations).toEqual([]);
    expect(analysis.hostings.map((hosting) => hosting.architecture)).toEqual(['container-in-vm', 'type1-full']);
    expect(analysis.hostings[0].hypervisorType).toBe('type1');
    // A level that allows plain containers only does not accept them.
    expect(codes(level({ allow: ['container', 'type1-full'] }), nested)).toEqual(['arch-not-allowed']);
  });

  it('builds container-in-vm as one VM per tenant (and kernel family) with an engine in each', () => {
    const tenants = level({
      apps: [app('a', { tenant: 't1' }), app('b', { tenant: 't2' }), app('c', { tenant: 't1' }), app('d', { tenant: 't1', kernel: 'windows' })],
      allow: ['container-in-vm'],
    });
    const canonical = canonicalBuild(tenants, 'container-in-vm');
    const analysis = analyzeBuild(tenants, canonical);
    expect(analysis.violations).toEqual([]);
    expect(analysis.hostings.map((hosting) => [hosting.app.id, hosting.architecture, hosting.vmNode])).toEqual([
      ['a', 'container-in-vm', 'vm-1'],
      ['b', 'container-in-vm', 'vm-2'],
      ['c', 'container-in-vm', 'vm-1'],
      ['d', 'container-in-vm', 'vm-3'],
    ]);
    expect(canonical.nodes.filter((node) => node.piece === 'vm').map((node) => [node.kernel, node.driver])).toEqual([
      ['linux', 'para'],
      ['linux', 'para'],
      ['windows', 'para'],
    ]);
  });

  it('gives canonical VMs the drivers the level offers', () => {
    const emulatedOnly = level({ drivers: ['emulated'], allow: ['container', 'type2', 'container-in-vm'], hostKernel: undefined });
    expect(canonicalBuild(emulatedOnly, 'type2').placements.map((placement) => placement.vm?.driver)).toEqual(['emulated', 'emulated']);
    expect(canonicalBuild(emulatedOnly, 'container-in-vm').nodes.find((node) => node.piece === 'vm')?.driver).toBe('emulated');
    const paraOnly = level({ drivers: ['para'], allow: ['type2', 'type1-para'] });
    expect(canonicalBuild(paraOnly, 'type2').placements.map((placement) => placement.vm?.driver)).toEqual(['para', 'para']);
    expect(codes(paraOnly, canonicalBuild(paraOnly, 'type2'))).toEqual([]);
    const windowsHost = level({ hostKernel: 'windows', drivers: ['emulated'], apps: [app('a')], allow: ['container'] });
    expect(canonicalBuild(windowsHost, 'container').nodes.find((node) => node.id === 'utility-vm')?.driver).toBe('emulated');
  });

  it('puts Linux containers on a Windows host into a utility VM', () => {
    const windowsHost = level({ hostKernel: 'windows', apps: [app('a', { kernel: 'windows' }), app('b')], allow: ['container', 'type2'] });
    const canonical = canonicalBuild(windowsHost, 'container');
    const analysis = analyzeBuild(windowsHost, canonical);
    expect(analysis.violations).toEqual([]);
    expect(analysis.hostings.map((hosting) => [hosting.app.id, hosting.architecture, hosting.vmNode])).toEqual([
      ['a', 'container', null],
      ['b', 'container', 'utility-vm'],
    ]);
  });

  it('makes native and container infeasible for apps of both families where contracts say so', () => {
    const both = level({ apps: [app('a', { kernel: 'windows' }), app('b')] });
    expect(codes(both, canonicalBuild(both, 'native'))).toContain('kernel-mismatch');
    const linuxHost = level({ hostKernel: 'linux', apps: [app('a', { kernel: 'windows' }), app('b')], allow: ['native', 'container', 'type2'] });
    expect(codes(linuxHost, canonicalBuild(linuxHost, 'container'))).toContain('kernel-mismatch');
    expect(codes(linuxHost, canonicalBuild(linuxHost, 'type2'))).toEqual([]);
  });
});
