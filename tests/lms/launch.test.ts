import { describe, expect, it } from 'vitest';
import { parseLmsLaunch } from '../../src/lms/launch';
import { CAMPAIGN_LEVELS, levelsByChapter } from '../../src/levels';

const cmi5Query = (overrides: Record<string, string> = {}) =>
  new URLSearchParams({
    endpoint: 'http://127.0.0.1:9999/xapi',
    fetch: 'http://127.0.0.1:9999/fetch?k=1',
    actor: JSON.stringify({ objectType: 'Agent', account: { homePage: 'https://lms.example', name: 'learner-7' } }),
    registration: '9d3c2b1a-0f6e-4d5c-8b7a-6e5d4c3b2a19',
    activityId: 'https://lms.example/au/7',
    ...overrides,
  }).toString();

describe('LMS launch parameters', () => {
  it('reads the SCORM version and the package levels (one level, one chapter, or all)', () => {
    expect(parseLmsLaunch('?lms=scorm12', CAMPAIGN_LEVELS)).toMatchObject({ scorm: 'scorm12', cmi5: null, levelIds: CAMPAIGN_LEVELS.map((l) => l.id), problems: [] });
    expect(parseLmsLaunch('?lms=scorm2004&mode=embed&level=venom', CAMPAIGN_LEVELS).levelIds).toEqual(['venom']);
    expect(parseLmsLaunch('?lms=scorm2004&mode=embed&chapter=2', CAMPAIGN_LEVELS).levelIds).toEqual(levelsByChapter()[1].levels.map((l) => l.id));
  });

  it('bad values fall back (no LMS, all levels) and are named', () => {
    const launch = parseLmsLaunch('?lms=scorm3&level=nope&chapter=99', CAMPAIGN_LEVELS);
    expect(launch.scorm).toBeNull();
    expect(launch.levelIds).toHaveLength(CAMPAIGN_LEVELS.length);
    expect(launch.problems).toEqual(['lms', 'level', 'chapter']);
  });

  it('a full cmi5 launch is read; an incomplete or malformed one is not', () => {
    const launch = parseLmsLaunch(`?${cmi5Query()}`, CAMPAIGN_LEVELS);
    expect(launch.cmi5).toMatchObject({ endpoint: 'http://127.0.0.1:9999/xapi/', registration: '9d3c2b1a-0f6e-4d5c-8b7a-6e5d4c3b2a19', activityId: 'https://lms.example/au/7' });
    expect(parseLmsLaunch(`?${cmi5Query({ registration: 'not-a-uuid' })}`, CAMPAIGN_LEVELS)).toMatchObject({ cmi5: null, problems: ['cmi5'] });
    expect(parseLmsLaunch(`?${cmi5Query({ actor: '{"name":"x"}' })}`, CAMPAIGN_LEVELS).cmi5).toBeNull();
    expect(parseLmsLaunch(`?${cmi5Query({ endpoint: 'javascript:alert(1)' })}`, CAMPAIGN_LEVELS).cmi5).toBeNull();
    const partial = new URLSearchParams(cmi5Query());
    partial.delete('fetch');
    expect(parseLmsLaunch(`?${partial}`, CAMPAIGN_LEVELS)).toMatchObject({ cmi5: null, problems: ['cmi5'] });
    expect(parseLmsLaunch('?activityId=https://lms.example/a', CAMPAIGN_LEVELS)).toMatchObject({ cmi5: null, activityId: 'https://lms.example/a', problems: [] });
  });
});
