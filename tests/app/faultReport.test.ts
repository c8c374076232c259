// The error screen's report (src/app/faultScreen.ts): what was on screen and the error, never who played;
// and the localized notice for a level file over the work budget (src/app/budgetNotice.ts).
import { describe, expect, it } from 'vitest';
import { worstDenseLevel, worstLongLevel } from '../../bench/worstLevels';
import { levelFileNotices, budgetNotice } from '../../src/app/budgetNotice';
import { describeError, faultReport, faultReportText } from '../../src/app/faultScreen';
import { createI18n } from '../../src/i18n/createI18n';
import { CAMPAIGN_LEVELS } from '../../src/levels';
import { MAX_RUN_PACKETS } from '../../src/sim/bounds';
import { validateLevel } from '../../src/sim/validateLevel';

describe('fault report', () => {
  it('carries versions, screen, level, seed, build and the error, with the stack cut to its first lines', () => {
    const error = new Error('boom in update');
    error.stack = ['Error: boom in update', ...Array.from({ length: 30 }, (_, index) => `    at frame${index} (app.js:${index}:1)`)].join('\n');
    const build = { format: 'kernel-courier/build@1', level: 'first-delivery', nodes: [], placements: [] };
    const report = faultReport(error, { gameVersion: '0.1.0', modelVersion: 'kc-model-4', language: 'en', renderer: 'canvas' }, { screen: 'play', levelId: 'first-delivery', seed: 7, build });
    expect(report).toMatchObject({ gameVersion: '0.1.0', modelVersion: 'kc-model-4', screen: 'play', level: 'first-delivery', seed: 7, build, error: { name: 'Error', message: 'boom in update' } });
    expect(report.error.stack).toHaveLength(8);
    expect(report.error.stack[0]).toBe('at frame0 (app.js:0:1)');
    expect(JSON.parse(faultReportText(report))).toEqual(report);
  });

  it('reads anything thrown without throwing, and cuts long messages', () => {
    expect(describeError('plain string')).toEqual({ name: 'string', message: 'plain string', stack: [] });
    expect(describeError(undefined).message).toBe('undefined');
    expect(describeError(new Error('x'.repeat(2000))).message.length).toBeLessThanOrEqual(500);
    const hostile = { get message(): string { throw new Error('no'); } };
    expect(describeError(hostile).name).toBe('unknown');
  });

  it('has no field for a nickname, a session or progress', () => {
    const report = faultReport(new Error('e'), { gameVersion: '1', modelVersion: 'm' }, {});
    expect(Object.keys(report).sort()).toEqual(['build', 'error', 'format', 'gameVersion', 'language', 'level', 'modelVersion', 'renderer', 'screen', 'seed']);
    expect(report).toMatchObject({ level: null, seed: null, build: null, screen: null });
  });
});

describe('budget notice', () => {
  const heavy = (() => {
    const level = worstDenseLevel();
    return { ...level, apps: level.apps.map((app) => ({ ...app, instances: app.instances + 1 })) };
  })();

  it('names the field, the figure and the limit in English and Korean', async () => {
    const checked = validateLevel(heavy);
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    const i18n = createI18n('en', CAMPAIGN_LEVELS);
    const [first] = levelFileNotices(checked.errors, 'en');
    expect(first?.key).toBe('faults:budget.run-packets');
    const english = (i18n.t as (key: string, params?: object) => string)(first?.key ?? '', first?.params);
    expect(english).toBe(`apps[0].io: a run of this level asks for 255,000 packets; at most ${MAX_RUN_PACKETS.toLocaleString('en')} are allowed.`);
    await i18n.changeLanguage('ko');
    const [korean] = levelFileNotices(checked.errors, 'ko');
    expect((i18n.t as (key: string, params?: object) => string)(korean?.key ?? '', korean?.params)).toBe('apps[0].io: 이 레벨을 한 번 실행하면 패킷이 255,000개 필요해요. 최대 250,000개까지 허용돼요.');
  });

  it('every budget rule has its text in both languages; other errors keep their path and message', () => {
    const i18n = createI18n('en', CAMPAIGN_LEVELS);
    for (const rule of ['run-packets', 'run-instances', 'run-instance-seconds', 'run-events']) {
      const notice = budgetNotice({ path: 'apps[1].instances', code: 'constraint', message: 'x', params: { rule, max: 10, actual: 11 } }, 'en');
      for (const language of ['en', 'ko']) {
        const text = (i18n.getFixedT(language) as (key: string, params?: object) => string)(notice.key, notice.params);
        expect(text).toContain('apps[1].instances');
        expect(text).toContain('10');
        expect(text).toContain('11');
      }
    }
    const other = budgetNotice({ path: 'durationSeconds', code: 'range', message: 'durationSeconds must be at most 3600.' }, 'en');
    expect(other).toEqual({ key: 'faults:budget.other', params: { path: 'durationSeconds', message: 'durationSeconds must be at most 3600.' } });
  });

  it('a level inside the budget has no budget notice', () => {
    const checked = validateLevel(worstLongLevel());
    expect(checked.ok).toBe(true);
  });
});
