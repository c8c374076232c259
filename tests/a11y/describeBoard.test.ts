// The board in words: every piece with what it stands on, every app with how it runs, each packet path.
import { describe, expect, it } from 'vitest';
import { describeBoard } from '../../src/a11y/describeBoard';
import { createI18n } from '../../src/i18n/createI18n';
import { reasonText } from '../../src/i18n/dynamicText';
import { canonicalBuild } from '../../src/sim/canonicalBuild';
import { app, build, level } from '../sim/fixtures';

for (const language of ['en', 'ko'] as const) {
  describe(`describeBoard (${language})`, () => {
    const i18n = createI18n(language, []);
    const t = (key: string, params?: Record<string, string | number>) => (i18n.t as (k: string, p?: object) => string)(key, params);
    const problem = (code: string, params: Record<string, string | number>) => reasonText(i18n, code, params);
    const testLevel = level({ apps: [app('shop'), app('evil', { trust: 'untrusted' })] });

    it('names every piece, every app and each packet path hop by hop', () => {
      const lines = describeBoard(testLevel, canonicalBuild(testLevel, 'type2'), t, problem);
      const text = lines.join('\n');
      expect(lines.length).toBeGreaterThan(6);
      for (const id of ['host', 'hypervisor', 'shop', 'evil']) expect(text).toContain(id);
      const paths = lines.filter((line) => line.includes('→'));
      expect(paths.length).toBe(4); // disk and network of two apps (syscalls stop at the first kernel: one hop)
      expect(text).not.toMatch(/board:|describe\./);
      if (language === 'ko') expect(text).toMatch(/[가-힣]/);
    });

    it('says what is wrong and that paths come once the rules are met', () => {
      const lines = describeBoard(testLevel, build([{ id: 'host', piece: 'host-os', on: 'hardware', kernel: 'windows' }], [{ app: 'shop', on: 'host' }]), t, problem);
      expect(lines.some((line) => line.startsWith(t('board:describe.problem', { text: '' }).trim().slice(0, 3)))).toBe(true);
      expect(lines).toContain(t('board:describe.noPaths'));
    });
  });
}
