// The teacher's page's links for a session's level: the level in the game and its race view, in exactly
// the form the race view reads (`?mode=race&level=<id>&seed=<n>`), from any page address.
import { describe, expect, it } from 'vitest';
import { levelLink, raceLink } from '../../src/teacher/links';

describe('session level links', () => {
  it('writes the race view link on the session seed, dropping the page query and fragment', () => {
    expect(raceLink('https://school.example/kc/', 'hostile-neighbour', 1234)).toBe('https://school.example/kc/?mode=race&level=hostile-neighbour&seed=1234');
    expect(raceLink('https://school.example/kc/index.html?mode=classroom#x', 'three-walls', -7)).toBe('https://school.example/kc/index.html?mode=race&level=three-walls&seed=-7');
    expect(raceLink('https://school.example/kc/', 'first-delivery', undefined)).toBe('https://school.example/kc/?mode=race&level=first-delivery');
  });

  it('writes the level link the game address bar shows', () => {
    expect(levelLink('http://127.0.0.1:4173/?mode=classroom', 'laptop-lab')).toBe('http://127.0.0.1:4173/?level=laptop-lab');
  });
});
