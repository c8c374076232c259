// Every build in the comparison is named by what it is, with its VM count (issue 17): a drop on a
// hypervisor makes one VM per instance, a drop on a VM shares it, and the two must not read alike.
import { describe, expect, it } from 'vitest';
import { createI18n } from '../../src/i18n/createI18n';
import { addEngineStrings } from '../../src/i18n/engineStrings';
import { CAMPAIGN_LEVELS } from '../../src/levels';
import { buildLabel, describeBuild, type Translate } from '../../src/scoring/buildLabel';
import { canonicalBuild } from '../../src/sim/canonicalBuild';
import { BUILD_FORMAT, type Build } from '../../src/sim/types';
import { app, build, level } from '../sim/fixtures';

function translator(language: 'en' | 'ko'): Translate {
  const i18n = createI18n(language, []);
  addEngineStrings(i18n);
  return (key, options) => (i18n.t as (k: string, o?: object) => string)(key, options);
}

const three = level({ apps: [app('a', { instances: 3 })], objectives: { speed: 1 } });
const perInstance = canonicalBuild(three, 'type1-full');
const sharedVm: Build = build(
  [
    { id: 'hv', piece: 'type1-hypervisor', on: 'hardware' },
    { id: 'vm', piece: 'vm', on: 'hv', kernel: 'linux', driver: 'emulated' },
  ],
  [{ app: 'a', on: 'vm' }],
);

describe('describeBuild', () => {
  it('counts one VM per instance on a hypervisor and one shared VM on a VM node', () => {
    expect(describeBuild(three, perInstance)).toEqual({ arch: 'type1-full', vms: 3, instancesInVms: 3 });
    expect(describeBuild(three, sharedVm)).toEqual({ arch: 'type1-full', vms: 1, instancesInVms: 3 });
  });

  it('counts no VM for native and containers, and the VMs of containers inside VMs', () => {
    const two = level({ apps: [app('a', { instances: 2 }), app('b', { instances: 3 })], objectives: { speed: 1 } });
    expect(describeBuild(two, canonicalBuild(two, 'native'))).toMatchObject({ arch: 'native', vms: 0 });
    expect(describeBuild(two, canonicalBuild(two, 'container'))).toMatchObject({ arch: 'container', vms: 0 });
    expect(describeBuild(two, canonicalBuild(two, 'container-in-vm'))).toEqual({ arch: 'container-in-vm', vms: 2, instancesInVms: 5 });
  });
});

describe('buildLabel', () => {
  const en = translator('en');
  const ko = translator('ko');

  it('tells apart the two "Type-1, emulated" builds issue 17 found, in English and Korean', () => {
    expect(buildLabel(en, three, perInstance)).toBe('Type-1, emulated · 3 VMs, one per instance');
    expect(buildLabel(en, three, sharedVm)).toBe('Type-1, emulated · 1 VM shared by 3 instances');
    expect(buildLabel(ko, three, perInstance)).toBe('Type-1 전가상화 · 가상머신 3대, 인스턴스마다 하나');
    expect(buildLabel(ko, three, sharedVm)).toBe('Type-1 전가상화 · 가상머신 1대를 인스턴스 3개가 함께 씀');
  });

  it('names the author\'s build and the player\'s as such, with what they are', () => {
    expect(buildLabel(en, three, sharedVm, 'player')).toBe('You · Type-1, emulated · 1 VM shared by 3 instances');
    expect(buildLabel(ko, three, perInstance, 'reference')).toBe('출제자 구성 · Type-1 전가상화 · 가상머신 3대, 인스턴스마다 하나');
    const native = canonicalBuild(three, 'native');
    expect(buildLabel(en, three, native)).toBe('Native · no VM');
    expect(buildLabel(en, level({ apps: [app('a')], objectives: { speed: 1 } }), canonicalBuild(level({ apps: [app('a')], objectives: { speed: 1 } }), 'type1-para'))).toBe('Type-1, para-virtual · 1 VM, one per instance');
  });

  it('labels every campaign level\'s author\'s build and canonical builds without a missing key', () => {
    for (const campaign of CAMPAIGN_LEVELS) {
      const builds: Build[] = campaign.allow.map((arch) => canonicalBuild(campaign, arch));
      if (campaign.reference) builds.push({ ...campaign.reference, format: BUILD_FORMAT, level: campaign.id });
      for (const candidate of builds) {
        for (const t of [en, ko]) {
          const text = buildLabel(t, campaign, candidate, 'reference');
          expect(text).not.toMatch(/scoring:|board:|\{\{/);
          expect(text).toContain(' · ');
        }
      }
    }
    const mixed = CAMPAIGN_LEVELS.find((candidate) => candidate.id === 'two-kernels-one-host')!;
    expect(buildLabel(en, mixed, { ...mixed.reference!, format: BUILD_FORMAT }, 'reference')).toBe("Author's build · Mixed · 1 VM, one per instance");
  });
});
