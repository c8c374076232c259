// The address bar following the level on show (issue 13 item 5): which pages follow, and the address each
// screen gets (other parameters, their order and the fragment kept).
import { describe, expect, it } from 'vitest';
import { addressFollowsLevel, addressForScreen } from '../../src/app/addressBar';

const BASE = 'https://school.example/kc/';

describe('addressFollowsLevel', () => {
  it.each([
    [{ mode: 'campaign' as const }, true],
    [{ mode: 'campaign' as const, chapter: 2 }, true],
    [{ mode: 'embed' as const, chapter: 2 }, true],
    [{ mode: 'embed' as const }, false],
    [{ mode: 'embed' as const, level: 'first-delivery' }, false],
    [{ mode: 'classroom' as const }, false],
    [{ mode: 'race' as const, level: 'rush-hour' }, false],
    [{ mode: 'sandbox' as const }, false],
  ])('%o → %s', (params, follows) => {
    expect(addressFollowsLevel(params)).toBe(follows);
  });
});

describe('addressForScreen', () => {
  it('adds the level of a play screen or debrief, keeping the other parameters and the fragment', () => {
    expect(addressForScreen(`${BASE}?locale=ko&colorProfile=projector#x`, { key: 'play', levelId: 'laptop-lab' })).toBe(`${BASE}?locale=ko&colorProfile=projector&level=laptop-lab#x`);
    expect(addressForScreen(`${BASE}`, { key: 'debrief', levelId: 'first-delivery' })).toBe(`${BASE}?level=first-delivery`);
  });

  it('moves to the next level in place, and leaves an address that already names it alone', () => {
    expect(addressForScreen(`${BASE}?level=first-delivery&locale=en`, { key: 'play', levelId: 'one-kernel-three-apps' })).toBe(`${BASE}?level=one-kernel-three-apps&locale=en`);
    expect(addressForScreen(`${BASE}?locale=en&level=first-delivery`, { key: 'debrief', levelId: 'first-delivery' })).toBeNull();
    expect(addressForScreen(`${BASE}?level=a&level=first-delivery`, { key: 'play', levelId: 'first-delivery' })).toBe(`${BASE}?level=first-delivery`);
  });

  it('drops the level on the menu and the level map, and leaves overlays and other screens alone', () => {
    expect(addressForScreen(`${BASE}?level=first-delivery&locale=en`, { key: 'levels' })).toBe(`${BASE}?locale=en`);
    expect(addressForScreen(`${BASE}?level=first-delivery`, { key: 'menu' })).toBe(BASE);
    expect(addressForScreen(`${BASE}?locale=en`, { key: 'menu' })).toBeNull();
    expect(addressForScreen(`${BASE}?level=first-delivery`, { key: 'settings' })).toBeNull();
    expect(addressForScreen(`${BASE}?level=first-delivery`, { key: 'play' })).toBeNull();
    expect(addressForScreen('not a url', { key: 'play', levelId: 'x' })).toBeNull();
  });
});
