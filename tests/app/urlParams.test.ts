// Tests the URL parameter parser (contracts.md §3): every value, every bad value, and that it never throws.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MAX_PACKETS, parseUrlParams } from '../../src/app/urlParams';

const LEVELS = ['first-delivery', 'bank-four-tenants'];
const parse = (search: string) => parseUrlParams(search, LEVELS);

describe('parseUrlParams', () => {
  it('gives defaults and no notices for an empty query', () => {
    expect(parse('')).toEqual({ params: { mode: 'campaign' }, notices: [] });
    expect(parse('?')).toEqual({ params: { mode: 'campaign' }, notices: [] });
  });

  it('reads every valid parameter', () => {
    const { params, notices } = parse(
      '?locale=ko&level=bank-four-tenants&mode=embed&audio=muted&randomSeed=-42&colorProfile=projector&reducedMotion=true&renderer=canvas',
    );
    expect(notices).toEqual([]);
    expect(params).toEqual({
      locale: 'ko',
      level: 'bank-four-tenants',
      mode: 'embed',
      audio: 'muted',
      randomSeed: -42,
      colorProfile: 'projector',
      reducedMotion: true,
      renderer: 'canvas',
    });
  });

  it('reads the race view: mode=race with a level and an optional seed', () => {
    expect(parse('?mode=race&level=first-delivery&seed=42')).toEqual({ params: { mode: 'race', level: 'first-delivery', seed: 42 }, notices: [] });
    expect(parse('?mode=race&level=first-delivery')).toEqual({ params: { mode: 'race', level: 'first-delivery' }, notices: [] });
  });

  it('sends a race without a valid level to the menu with a notice', () => {
    expect(parse('?mode=race&seed=3')).toEqual({ params: { mode: 'campaign' }, notices: [{ key: 'notice.raceNeedsLevel' }] });
    const bad = parse('?mode=race&level=no-such&seed=3');
    expect(bad.params).toEqual({ mode: 'campaign' });
    expect(bad.notices).toEqual([{ key: 'notice.badParam', params: { name: 'level', value: 'no-such' } }]);
  });

  it('rejects a bad race seed and ignores a seed outside the race', () => {
    const bad = parse('?mode=race&level=first-delivery&seed=1e3');
    expect(bad.params).toEqual({ mode: 'race', level: 'first-delivery' });
    expect(bad.notices).toEqual([{ key: 'notice.badParam', params: { name: 'seed', value: '1e3' } }]);
    expect(parse('?level=first-delivery&seed=5')).toEqual({ params: { mode: 'campaign', level: 'first-delivery' }, notices: [{ key: 'notice.raceOnly', params: { name: 'seed' } }] });
  });

  it('accepts a query without the leading question mark', () => {
    expect(parse('mode=sandbox&packets=500').params).toEqual({ mode: 'sandbox', packets: 500 });
  });

  it('maps regional locale tags onto shipped languages', () => {
    expect(parse('?locale=ko-KR').params.locale).toBe('ko');
    expect(parse('?locale=EN_us').params.locale).toBe('en');
    expect(parse('?locale=ko-KR').notices).toEqual([]);
  });

  it('falls back to English for an unknown locale, with a notice', () => {
    const { params, notices } = parse('?locale=fr');
    expect(params.locale).toBe('en');
    expect(notices).toEqual([{ key: 'notice.badParam', params: { name: 'locale', value: 'fr' } }]);
  });

  it.each([
    ['mode', 'arcade'],
    ['level', 'no-such-level'],
    ['audio', 'loud'],
    ['randomSeed', '1.5'],
    ['randomSeed', '1e3'],
    ['randomSeed', '99999999999999999'],
    ['colorProfile', 'neon'],
    ['reducedMotion', 'yes'],
    ['renderer', 'vulkan'],
    ['level', ''],
  ])('rejects %s=%s with a badParam notice and the default', (name, value) => {
    const { params, notices } = parse(`?${name}=${encodeURIComponent(value)}`);
    expect(params).toEqual({ mode: 'campaign' });
    expect(notices).toEqual([{ key: 'notice.badParam', params: { name, value } }]);
  });

  it('keeps packets only in the sandbox and bounds it', () => {
    expect(parse('?packets=10').params.packets).toBeUndefined();
    expect(parse('?packets=10').notices).toEqual([{ key: 'notice.paramIgnored', params: { name: 'packets' } }]);
    expect(parse(`?mode=sandbox&packets=${MAX_PACKETS}`).params.packets).toBe(MAX_PACKETS);
    expect(parse(`?mode=sandbox&packets=${MAX_PACKETS + 1}`).notices[0]?.key).toBe('notice.badParam');
    expect(parse('?mode=sandbox&packets=0').notices[0]?.key).toBe('notice.badParam');
  });

  it('uses the first of repeated parameters', () => {
    expect(parse('?mode=sandbox&mode=campaign').params.mode).toBe('sandbox');
  });

  it('escapes markup in notice values so they can never be injected as HTML', () => {
    const { notices } = parse('?mode=%3Cscript%3Ealert(1)%3C%2Fscript%3E');
    const value = String(notices[0]?.params?.value);
    expect(value).not.toMatch(/[<>]/);
    expect(value.startsWith('%3Cscript%3E')).toBe(true);
  });

  it('truncates long values for display', () => {
    const { notices } = parse(`?audio=${'x'.repeat(500)}`);
    const value = String(notices[0]?.params?.value);
    expect(Array.from(value).length).toBeLessThanOrEqual(41);
    expect(value.endsWith('…')).toBe(true);
  });

  it('never throws and always returns a valid shape, whatever the query', () => {
    const names = ['locale', 'level', 'mode', 'audio', 'randomSeed', 'colorProfile', 'reducedMotion', 'packets', 'renderer'];
    const query = fc.oneof(
      fc.string(),
      fc.string({ unit: 'binary' }),
      fc
        .array(fc.tuple(fc.constantFrom(...names), fc.string({ unit: 'binary' })), { maxLength: 12 })
        .map((pairs) => '?' + pairs.map(([n, v]) => `${n}=${encodeURIComponent(v)}`).join('&')),
      fc.array(fc.constantFrom('%', '%E0', '%zz', '&', '=', '?', '+', '#', 'mode', 'level'), { maxLength: 20 }).map((parts) => parts.join('')),
    );
    fc.assert(
      fc.property(query, (search) => {
        const { params, notices } = parse(search);
        expect(['campaign', 'sandbox', 'editor', 'classroom', 'embed']).toContain(params.mode);
        for (const notice of notices) {
          expect(notice.key.startsWith('notice.')).toBe(true);
          for (const value of Object.values(notice.params ?? {})) expect(String(value)).not.toMatch(/[<>"'&]/);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
