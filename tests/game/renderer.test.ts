// Tests the renderer choice: explicit choices win; `auto` picks WebGL only when it is hardware-accelerated.
import { describe, expect, it } from 'vitest';
import { chooseRenderer } from '../../src/game/renderer';

describe('chooseRenderer', () => {
  it('honours explicit choices without probing', () => {
    const probe = () => {
      throw new Error('must not probe');
    };
    expect(chooseRenderer('canvas', probe)).toBe('canvas');
    expect(chooseRenderer('webgl', probe)).toBe('webgl');
  });

  it('uses WebGL for auto only with hardware acceleration, Canvas otherwise or on error', () => {
    expect(chooseRenderer('auto', () => true)).toBe('webgl');
    expect(chooseRenderer('auto', () => false)).toBe('canvas');
    expect(
      chooseRenderer('auto', () => {
        throw new Error('no WebGL');
      }),
    ).toBe('canvas');
  });
});
