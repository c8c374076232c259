// Tests the i18next setup: namespaces, English fallback, and level text loaded into the `levels` namespace.
import { describe, expect, it } from 'vitest';
import { createI18n, setLanguage } from '../../src/i18n/createI18n';
import { levelBrief, levelHint, levelTitle } from '../../src/i18n/levelStrings';
import { chapterName, reasonText } from '../../src/i18n/dynamicText';
import { matchLanguage, preferredLanguage } from '../../src/i18n/languages';
import { CAMPAIGN_LEVELS } from '../../src/levels';

const levels = [
  { id: 'both', title: { en: 'Both', ko: '둘 다' }, brief: { en: 'Brief', ko: '요약' }, hints: [{ en: 'H0', ko: '힌트0' }, { en: 'H1' }] },
  { id: 'english-only', title: { en: 'Only English' }, brief: { en: 'Only brief', ko: '' } },
];

describe('createI18n', () => {
  it('translates the default and other namespaces', async () => {
    const i18n = createI18n('en', []);
    expect(i18n.t('menu.campaign')).toBe('Campaign');
    expect(i18n.t('board:piece.type2-hypervisor.name')).toBe('Type-2 hypervisor');
    await setLanguage(i18n, 'ko');
    expect(i18n.t('menu.campaign')).toBe('캠페인');
    expect(i18n.t('glossary:term.hypercall.name')).toBe('하이퍼콜');
  });

  it('interpolates parameters without HTML-escaping them', () => {
    const i18n = createI18n('en', []);
    expect(i18n.t('notice.badParam', { name: 'mode', value: 'a&b' })).toContain('“mode=a&b”');
  });

  it('loads level text into the levels namespace with English fallback', async () => {
    const i18n = createI18n('ko', levels);
    expect(levelTitle(i18n, 'both')).toBe('둘 다');
    expect(levelHint(i18n, 'both', 0)).toBe('힌트0');
    expect(levelHint(i18n, 'both', 1)).toBe('H1');
    expect(levelTitle(i18n, 'english-only')).toBe('Only English');
    expect(levelBrief(i18n, 'english-only')).toBe('Only brief');
    expect(levelTitle(i18n, 'missing')).toBe('missing');
    expect(levelHint(i18n, 'both', 5)).toBe('');
    await setLanguage(i18n, 'en');
    expect(levelTitle(i18n, 'both')).toBe('Both');
  });

  it('has a title for every built-in level in every language', () => {
    const i18n = createI18n('ko', CAMPAIGN_LEVELS);
    for (const level of CAMPAIGN_LEVELS) expect(levelTitle(i18n, level.id)).toBe(level.title.ko ?? level.title.en);
  });

  it('names chapters and reasons, with readable fallbacks for unknown ids', () => {
    const i18n = createI18n('en', []);
    expect(chapterName(i18n, 'bare-metal')).toBe('Bare metal (Type-1)');
    expect(chapterName(i18n, undefined)).toBe('More levels');
    expect(chapterName(i18n, 'future-chapter')).toBe('future-chapter');
    expect(reasonText(i18n, 'memory-exceeded', { usedGiB: 130, memoryGiB: 128 })).toContain('130 GiB');
    expect(reasonText(i18n, 'brand-new-code')).toContain('brand-new-code');
  });

  it('shows kernels, pieces and architectures in reasons by their localized names', async () => {
    const i18n = createI18n('ko', []);
    const text = reasonText(i18n, 'kernel-mismatch', { app: 'ledger', node: 'host', appKernel: 'windows', nodeKernel: 'linux' });
    expect(text).toContain('ledger 앱은 윈도우 앱인데, 아래 커널은 리눅스 커널이에요');
    expect(reasonText(i18n, 'palette-exceeded', { piece: 'vm', used: 3, allowed: 2 })).toContain('가상머신 조각은 2개까지');
    expect(reasonText(i18n, 'needs-bare-hardware', { node: 'hv', on: 'host-os' })).not.toContain('{{');
    expect(reasonText(i18n, 'arch-not-allowed', { app: 'a', arch: 'type1-para' })).toContain('Type-1 반가상화');
    expect(reasonText(i18n, 'cannot-host-app', { app: 'a', node: 'hw', piece: 'hardware' })).toContain('hw(하드웨어)');
    await setLanguage(i18n, 'en');
    expect(reasonText(i18n, 'memory-exceeded', { usedGiB: 130.5, memoryGiB: 128 })).toBe('The build needs 130.5 GiB of memory, but the machine has only 128 GiB.');
  });
});

describe('languages', () => {
  it('matches tags by primary subtag and prefers the browser order', () => {
    expect(matchLanguage('ko-KR')).toBe('ko');
    expect(matchLanguage('fr')).toBeUndefined();
    expect(preferredLanguage(['fr-FR', 'ko', 'en'])).toBe('ko');
    expect(preferredLanguage([])).toBe('en');
  });
});
