// Which levels an embedded page plays and where it opens (contracts.md §6), the URL parameters that
// choose them, and the small helpers of embedding.
import { describe, expect, it } from 'vitest';
import { parseUrlParams } from '../../src/app/urlParams';
import { isFramed, preferredFrameHeight, progressSummary, EMBED_BAR_PX } from '../../src/embed/embedMode';
import { fullGameUrl } from '../../src/embed/embedPage';
import { embedScope } from '../../src/embed/scope';
import { CAMPAIGN_LEVELS, levelsByChapter } from '../../src/levels';

const scopeOf = (search: string) => embedScope(parseUrlParams(search).params, CAMPAIGN_LEVELS);
const ids = (search: string) => scopeOf(search).levels.map((level) => level.id);
const chapters = levelsByChapter();

describe('URL parameters of embedding', () => {
  it('reads chapter and parentOrigin', () => {
    expect(parseUrlParams('?mode=embed&chapter=2&parentOrigin=https://lms.example.org').params).toEqual({
      mode: 'embed',
      chapter: 2,
      parentOrigin: 'https://lms.example.org',
    });
    expect(parseUrlParams('?parentOrigin=http://127.0.0.1:8080/').params.parentOrigin).toBe('http://127.0.0.1:8080');
  });

  it.each(['0', '-1', String(chapters.length + 1), '1.5', 'two', ''])('a bad chapter %j falls back with a notice', (value) => {
    const { params, notices } = parseUrlParams(`?mode=embed&chapter=${value}`);
    expect(params.chapter).toBeUndefined();
    expect(notices).toEqual([{ key: 'notice.badParam', params: { name: 'chapter', value } }]);
  });

  it('chapter outside embed and campaign is ignored with a notice', () => {
    const { params, notices } = parseUrlParams('?mode=sandbox&chapter=1');
    expect(params.chapter).toBeUndefined();
    expect(notices).toEqual([{ key: 'notice.paramIgnored', params: { name: 'chapter' } }]);
  });

  it.each(['*', 'null', 'lms.example.org', 'https://lms.example.org/course/1', 'https://user:pw@lms.example.org', 'javascript:alert(1)', 'https://lms.example.org?x=1', 'HTTPS://LMS.example.org', 'https://lms.example.org:443', 'file:///tmp'])(
    'parentOrigin %j is not an origin: ignored with a notice',
    (value) => {
      const { params, notices } = parseUrlParams(`?parentOrigin=${encodeURIComponent(value)}`);
      expect(params.parentOrigin).toBeUndefined();
      expect(notices.map((notice) => notice.key)).toEqual(['notice.badParam']);
    },
  );
});

describe('embedScope', () => {
  it('one level: only it, opened directly', () => {
    expect(ids('?mode=embed&level=laptop-lab')).toEqual(['laptop-lab']);
    expect(scopeOf('?mode=embed&level=laptop-lab').start).toEqual({ screen: 'play', levelId: 'laptop-lab' });
    expect(scopeOf('?mode=embed&level=laptop-lab').embedded).toBe(true);
  });

  it('a chapter: its levels, on the level map; with a level of it, that level', () => {
    const second = chapters[1]!.levels.map((level) => level.id);
    expect(ids('?mode=embed&chapter=2')).toEqual(second);
    expect(scopeOf('?mode=embed&chapter=2').start).toEqual({ screen: 'levels', levelId: second[0] });
    expect(scopeOf(`?mode=embed&chapter=2&level=${second[1]}`).start).toEqual({ screen: 'play', levelId: second[1] });
    // A level outside the chapter does not widen it.
    expect(ids('?mode=embed&chapter=2&level=first-delivery')).toEqual(second);
    expect(scopeOf('?mode=embed&chapter=2&level=first-delivery').start).toEqual({ screen: 'levels', levelId: second[0] });
  });

  it('embed alone: the whole campaign on the level map, never the menu', () => {
    expect(ids('?mode=embed')).toEqual(CAMPAIGN_LEVELS.map((level) => level.id));
    expect(scopeOf('?mode=embed').start).toEqual({ screen: 'levels' });
    expect(ids('?mode=embed&level=no-such-level')).toHaveLength(CAMPAIGN_LEVELS.length);
  });

  it('campaign: every level; chapter opens the map on it; otherwise the usual start', () => {
    expect(scopeOf('?chapter=3')).toEqual({ levels: CAMPAIGN_LEVELS, start: { screen: 'levels', levelId: chapters[2]!.levels[0]!.id }, embedded: false });
    expect(scopeOf('')).toEqual({ levels: CAMPAIGN_LEVELS, start: null, embedded: false });
    expect(scopeOf('?level=laptop-lab').start).toBeNull();
  });
});

describe('embedding helpers', () => {
  it('isFramed', () => {
    const self = {};
    expect(isFramed({ self, top: self, parent: self })).toBe(false);
    expect(isFramed({ self, top: {}, parent: {} })).toBe(true);
    const crossOrigin = {
      self,
      parent: {},
      get top(): unknown {
        throw new Error('SecurityError');
      },
    };
    expect(isFramed(crossOrigin)).toBe(true);
  });

  it('progressSummary counts the given levels only', () => {
    const levels = { a: { stars: 3 }, b: { stars: 0 }, c: { stars: 1 }, other: { stars: 3 } };
    expect(progressSummary(levels, ['a', 'b', 'c', 'd'])).toEqual({ completed: 2, total: 4, stars: 4 });
    expect(progressSummary({}, [])).toEqual({ completed: 0, total: 0, stars: 0 });
  });

  it('preferredFrameHeight: 16:9 wide, upright when narrow, never under 360 px of game', () => {
    expect(preferredFrameHeight(1280)).toBe(720 + EMBED_BAR_PX);
    expect(preferredFrameHeight(640)).toBe(360 + EMBED_BAR_PX);
    expect(preferredFrameHeight(390)).toBe(693 + EMBED_BAR_PX);
    expect(preferredFrameHeight(200)).toBe(360 + EMBED_BAR_PX);
  });

  it('fullGameUrl keeps the locale and what to open, drops the rest', () => {
    expect(fullGameUrl('https://x.org/kc/?mode=embed&level=laptop-lab&locale=ko&parentOrigin=https://lms.org#h', { level: 'laptop-lab' })).toBe(
      'https://x.org/kc/?locale=ko&level=laptop-lab',
    );
    expect(fullGameUrl('https://x.org/kc/index.html?mode=embed&chapter=2', { mode: 'campaign', chapter: '2' })).toBe('https://x.org/kc/index.html?mode=campaign&chapter=2');
  });
});
