// What the Debrief computes when it opens: the scene data is checked, the ranking and every part are
// gathered; the seeds' table row and column; the learning goals through i18next; the testing aid's runs;
// and every sentence the model can produce has words in English and Korean.
import { describe, expect, it } from 'vitest';
import { isRunResult, prepareDebrief, readDebriefData } from '../../../src/game/debrief/debriefData';
import { chooseBuild, runForDebrief } from '../../../src/game/debrief/debriefRun';
import { learningGoal, learningGoalTrees } from '../../../src/game/debrief/levelGoals';
import { columnOfArch, highlightedRow } from '../../../src/game/debrief/seedsTable';
import { createI18n } from '../../../src/i18n/createI18n';
import { ALL_RESOURCES as FILE_RESOURCES } from '../../../src/i18n/allResources';
import type { TranslationTree } from '../../../src/i18n/resources';
import { CAMPAIGN_LEVELS } from '../../../src/levels';
import { runBuild } from '../../../src/scoring/rankLevel';
import { canonicalBuild } from '../../../src/sim/canonicalBuild';
import { app, build, level } from '../../sim/fixtures';

const hostile = CAMPAIGN_LEVELS.find((candidate) => candidate.id === 'hostile-neighbour')!;

function has(tree: TranslationTree, key: string): boolean {
  let node: string | TranslationTree | undefined = tree;
  for (const part of key.split('.')) {
    if (typeof node !== 'object') return false;
    node = node[part];
  }
  return typeof node === 'string';
}

describe('scene data', () => {
  const result = runBuild(hostile, canonicalBuild(hostile, 'container'));

  it('accepts what the Play scene hands over and fills in a missing attempt', () => {
    const read = readDebriefData({ levelId: hostile.id, result, build: canonicalBuild(hostile, 'container') }, CAMPAIGN_LEVELS);
    expect(read?.level.id).toBe(hostile.id);
    expect(read?.attempt).toBe(1);
    expect(read?.build?.nodes.length).toBeGreaterThan(0);
    expect(readDebriefData({ levelId: hostile.id, result, build: null, attempt: 2.7 }, CAMPAIGN_LEVELS)?.attempt).toBe(2);
  });

  it.each([
    ['nothing', undefined],
    ['an unknown level', { levelId: 'nope', result }],
    ['no result', { levelId: 'hostile-neighbour' }],
    ['a result without scores', { levelId: 'hostile-neighbour', result: { ...result, score: { total: 1 } } }],
    ['a result without metrics', { levelId: 'hostile-neighbour', result: { ...result, metrics: null } }],
  ])('refuses %s', (_name, data) => {
    expect(readDebriefData(data, CAMPAIGN_LEVELS)).toBeNull();
  });

  it('takes a level outside the campaign from the data', () => {
    const custom = level({ id: 'my-level' });
    const customResult = runBuild(custom, canonicalBuild(custom, 'native'));
    expect(readDebriefData({ levelId: 'my-level', level: custom, result: customResult }, CAMPAIGN_LEVELS)?.level).toBe(custom);
    expect(readDebriefData({ levelId: 'other', level: custom, result: customResult }, CAMPAIGN_LEVELS)).toBeNull();
  });

  it('recognizes a run result', () => {
    expect(isRunResult(result)).toBe(true);
    expect(isRunResult(JSON.parse(JSON.stringify(result)))).toBe(true);
    expect(isRunResult({ ...result, feasible: 'yes' })).toBe(false);
    expect(isRunResult([])).toBe(false);
  });
});

describe('prepareDebrief', () => {
  it('gathers the reasons, the comparison, the hint, the hop costs and the table row', () => {
    const data = runForDebrief(hostile, { arch: 'container' });
    const prepared = prepareDebrief(hostile, data.result, data.build, 1);
    expect(prepared.sentences[0]?.key).toBe('debrief:reason.breach.shared-kernel');
    expect(prepared.rows.filter((row) => row.isPlayer)).toHaveLength(1);
    expect(prepared.unlocked).toBe(false);
    expect(prepared.hint.key).toBe('debrief:hint.security');
    expect(prepared.hops?.[0]?.disk.totalUs).toBe(115);
    expect(prepared.focusRow).toBe('security');
    expect(prepared.playerColumn).toBe('containers');
    expect(prepared.formula.total).toBe(data.result.score.total);
    expect(prepareDebrief(hostile, data.result, data.build, 2).unlocked).toBe(true);
  });

  it('has no hop costs for an infeasible build, and explains it by its rules', () => {
    const pack = CAMPAIGN_LEVELS.find((candidate) => candidate.id === 'pack-the-server')!;
    const data = runForDebrief(pack, { arch: 'type2' });
    const prepared = prepareDebrief(pack, data.result, data.build, 1);
    expect(data.result.feasible).toBe(false);
    expect(prepared.hops).toBeNull();
    expect(prepared.sentences[0]).toMatchObject({ topic: 'feasibility', rule: 'memory-exceeded' });
    expect(prepared.hint.key).toBe('debrief:hint.fixRule');
  });

  it('opens the comparison at once for three stars', () => {
    const data = runForDebrief(hostile, { arch: 'reference' });
    expect(data.result.score.stars).toBe(3);
    expect(prepareDebrief(hostile, data.result, data.build, 1).unlocked).toBe(true);
  });
});

describe('the testing aid', () => {
  it('runs the reference by default, a canonical build by name, or a given build file', () => {
    expect(chooseBuild(hostile, {})).toMatchObject({ level: hostile.id, nodes: hostile.reference!.nodes });
    expect(chooseBuild(hostile, { arch: 'type2' }).nodes.some((node) => node.piece === 'type2-hypervisor')).toBe(true);
    const mine = build([{ id: 'host', piece: 'host-os', on: 'hardware', kernel: 'linux' }], hostile.apps.map((candidate) => ({ app: candidate.id, on: 'host' })));
    expect(chooseBuild(hostile, { build: mine, arch: 'type2' }).nodes).toEqual(mine.nodes);
    const data = runForDebrief(hostile, { arch: 'container', attempt: 3, seed: 5 });
    expect(data).toMatchObject({ levelId: hostile.id, attempt: 3 });
    expect(data.result.seed).toBe(5);
    expect(data.result.score.stars).toBeGreaterThanOrEqual(0);
  });

  it('refuses an unknown architecture or a broken build file with a clear message', () => {
    expect(() => chooseBuild(hostile, { arch: 'type3' })).toThrow(/Unknown architecture "type3"/);
    expect(() => chooseBuild(hostile, { build: { format: 'nope' } })).toThrow(/Invalid build/);
    expect(() => chooseBuild(level({ reference: undefined }), { arch: 'reference' })).toThrow(/no reference/);
  });
});

describe('the seeds table', () => {
  it('highlights the row of the heaviest objective and finds the player column', () => {
    expect(highlightedRow(level({ objectives: { security: 3, speed: 1 } }))).toBe('security');
    expect(highlightedRow(level({ objectives: { speed: 1 } }))).toBe('performance');
    expect(highlightedRow(level({ objectives: { scale: 2, speed: 1 }, bursts: [{ app: 'a', atSecond: 1, instances: 2, deadlineSeconds: 1 }] }))).toBe('scalability');
    expect(columnOfArch('type1-para')).toBe('type1');
    expect(columnOfArch('type1-full')).toBe('type1');
    expect(columnOfArch('type2')).toBe('type2');
    expect(columnOfArch('container')).toBe('containers');
    // Containers inside VMs have their own column: their security is a VM's wall, not a shared kernel's.
    expect(columnOfArch('container-in-vm')).toBe('containerInVm');
    expect(columnOfArch('native')).toBeNull();
    expect(columnOfArch('mixed')).toBeNull();
  });
});

describe('learning goals', () => {
  it('reads the goal in the current language, falling back to English', () => {
    const i18n = createI18n('ko', CAMPAIGN_LEVELS);
    expect(learningGoal(i18n, hostile)).toBe(hostile.learningGoals![0]!.ko);
    const englishOnly = { id: 'only-en', learningGoals: [{ en: 'Walls matter.' }] };
    expect(learningGoal(i18n, englishOnly)).toBe('Walls matter.');
    expect(learningGoal(i18n, { id: 'no-goals', learningGoals: undefined })).toBe('');
    expect(Object.keys(learningGoalTrees(englishOnly))).toEqual(['en']);
  });
});

describe('every sentence has words', () => {
  const boundaries = ['none', 'container', 'shared-kernel', 'guest-kernel', 'hypervisor', 'host-os'];
  const keys = [
    ...boundaries.flatMap((boundary) => [`reason.breach.${boundary}_one`, `reason.breach.${boundary}_other`]),
    ...['disk', 'net', 'syscall'].flatMap((kind) => [`reason.latency.${kind}`, `reason.latencyClose.${kind}`]),
    'reason.drops_one', 'reason.drops_other', 'reason.blocked_one', 'reason.blocked_other', 'reason.burstLate',
    'reason.burstMemory_one', 'reason.burstMemory_other', 'reason.clean',
    'hint.security', 'hint.speed', 'hint.scale', 'hint.best', 'hint.fixRule',
    'reasons.heading_one', 'reasons.heading_other', 'reasons.headingThreat_one', 'reasons.headingThreat_other',
  ];

  it.each(['en', 'ko'] as const)('in %s', (language) => {
    expect(keys.filter((key) => !has(FILE_RESOURCES[language].debrief, key))).toEqual([]);
  });

  it('covers every key the model produces for the campaign canonical builds', () => {
    const produced = new Set<string>();
    for (const campaign of CAMPAIGN_LEVELS) {
      for (const arch of campaign.allow) {
        const data = runForDebrief(campaign, { arch });
        for (const sentence of prepareDebrief(campaign, data.result, data.build, 2).sentences) produced.add(sentence.key.replace(/^debrief:/, ''));
      }
    }
    const missing = [...produced].filter((key) => !key.startsWith('board:') && !keys.some((known) => known === key || known.startsWith(`${key}_`)));
    expect(missing).toEqual([]);
  });

  it('has a small fixture that reaches a guest-kernel breach', () => {
    const shared = level({
      apps: [app('evil', { trust: 'untrusted' }), app('b')],
      threats: [{ app: 'evil', kind: 'kernel-exploit', atSecond: 2 }],
    });
    const inOneVm = build(
      [
        { id: 'hv', piece: 'type1-hypervisor', on: 'hardware' },
        { id: 'vm', piece: 'vm', on: 'hv', kernel: 'linux', driver: 'para' },
      ],
      [
        { app: 'evil', on: 'vm' },
        { app: 'b', on: 'vm' },
      ],
    );
    const prepared = prepareDebrief(shared, runBuild(shared, inOneVm), inOneVm, 1);
    expect(prepared.sentences[0]?.key).toBe('debrief:reason.breach.guest-kernel');
  });
});

describe('literal keys in the Debrief code', () => {
  it('all exist in English (directly or as plural forms)', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const root = join(__dirname, '..', '..', '..', 'src', 'game');
    const files = [...readdirSync(join(root, 'debrief')).map((name) => join(root, 'debrief', name)), join(root, 'scenes', 'DebriefScene.ts')];
    const keys = new Set<string>();
    for (const file of files) {
      for (const match of readFileSync(file, 'utf8').matchAll(/'((?:debrief|ui|board):[A-Za-z0-9_.-]*[A-Za-z0-9_-])'/g)) keys.add(match[1]!);
    }
    expect(keys.size).toBeGreaterThan(30);
    const missing = [...keys].filter((full) => {
      const [ns, key] = full.split(':') as [keyof (typeof FILE_RESOURCES)['en'], string];
      const tree = FILE_RESOURCES.en[ns];
      return !(has(tree, key) || has(tree, `${key}_one`) || has(tree, `${key}_other`));
    });
    expect(missing).toEqual([]);
  });
});
