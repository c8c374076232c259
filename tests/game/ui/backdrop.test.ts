// Tests the screens' background as CSS (src/game/ui/backdrop.ts): the layers' geometry follows the layout
// (the dots' step and the glow's place scale with the window), the glow fades ring by ring to nothing, the
// projector palette shows its plain colour, and showing the same backdrop again changes nothing.
import { describe, expect, it } from 'vitest';
import { backdropStyle, showBackdrop } from '../../../src/game/ui/backdrop';
import { computeLayout } from '../../../src/game/layout';
import { paletteFor } from '../../../src/game/theme';

/** The top-level comma-separated parts of a CSS list (commas inside parentheses stay). */
function splitLayers(value: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of value) {
    if (char === '(') depth += 1;
    if (char === ')') depth -= 1;
    if (char === ',' && depth === 0) {
      parts.push(current.trim());
      current = '';
    } else current += char;
  }
  parts.push(current.trim());
  return parts;
}

describe('the backdrop as CSS', () => {
  const palette = paletteFor('default');

  it('has traces on both sides, dots every step and the glow underneath, sized for the layout', () => {
    const layout = computeLayout(1280, 720);
    const style = backdropStyle(layout, palette);
    const images = splitLayers(style.backgroundImage);
    const sizes = splitLayers(style.backgroundSize);
    const positions = splitLayers(style.backgroundPosition);
    const repeats = splitLayers(style.backgroundRepeat);
    expect(images).toHaveLength(4);
    expect(sizes).toHaveLength(4);
    expect(positions).toHaveLength(4);
    expect(repeats).toEqual(['repeat-y', 'repeat-y', 'repeat', 'no-repeat']);
    const step = Math.round(48 * layout.scale);
    // Traces: 12 % of the width in from each side, one every third row of dots.
    expect(sizes[0]).toBe(`${Math.round(layout.width * 0.12 * 100) / 100}px ${step * 3}px`);
    expect(positions[1]).toBe(`${Math.round(layout.width * 0.88 * 100) / 100}px 0px`);
    expect(images[0]).toMatch(/^linear-gradient\(to bottom, transparent [\d.]+px, rgba\(42, 74, 132, 0\.144\)/);
    // Dots: one per step, centred in its tile.
    expect(sizes[2]).toBe(`${step}px ${step}px`);
    expect(images[2]).toContain(`circle at ${step / 2}px ${step / 2}px, rgba(42, 74, 132, 0.18)`);
    // The glow: centred across, 18 % down.
    expect(images[3]).toContain(`at 640px ${Math.round(720 * 0.18 * 100) / 100}px`);
    expect(style.backgroundColor).toBe('rgba(11, 22, 48, 1)');
  });

  it('scales the pattern with the window', () => {
    const small = backdropStyle(computeLayout(1024, 600), palette);
    const large = backdropStyle(computeLayout(1920, 1080), palette);
    const step = (size: string) => Number.parseFloat(splitLayers(size)[2]!);
    expect(step(large.backgroundSize)).toBeGreaterThan(step(small.backgroundSize));
    expect(step(large.backgroundSize)).toBe(Math.round(48 * computeLayout(1920, 1080).scale));
  });

  it('fades the glow ring by ring from ten rings deep to nothing at its edge', () => {
    const glow = splitLayers(backdropStyle(computeLayout(1280, 720), palette).backgroundImage)[3]!;
    const stops = [...glow.matchAll(/rgba\(22, 48, 94, ([\d.]+)\) ([\d.]+)%/g)].map((match) => ({ alpha: Number(match[1]), at: Number(match[2]) }));
    expect(stops).toHaveLength(11);
    expect(stops[0]).toEqual({ alpha: Math.round((1 - 0.95 ** 10) * 10000) / 10000, at: 0 });
    expect(stops.at(-1)).toEqual({ alpha: 0, at: 100 });
    for (let index = 1; index < stops.length; index += 1) {
      expect(stops[index]!.alpha).toBeLessThan(stops[index - 1]!.alpha);
      expect(stops[index]!.at).toBeGreaterThan(stops[index - 1]!.at);
    }
  });

  it('is the plain colour for the projector palette (no glow, no pattern)', () => {
    const projector = paletteFor('projector');
    const style = backdropStyle(computeLayout(1280, 720), projector);
    expect(style.backgroundImage).toBe('none');
    expect(style.backgroundColor).toBe('rgba(0, 0, 0, 1)');
  });

  it('sets the canvas style once per size and palette', () => {
    const writes: string[] = [];
    const values: Record<string, string> = {};
    const style = new Proxy(values, {
      set(target, property: string, value: string) {
        writes.push(property);
        target[property] = value;
        return true;
      },
    });
    const canvas = { style } as unknown as HTMLElement;
    showBackdrop(canvas, computeLayout(1280, 720), palette);
    expect(values.backgroundColor).toBe('rgba(11, 22, 48, 1)');
    const first = writes.length;
    expect(first).toBe(5);
    showBackdrop(canvas, computeLayout(1280, 720), palette);
    expect(writes).toHaveLength(first);
    showBackdrop(canvas, computeLayout(1280, 720), paletteFor('projector'));
    expect(writes).toHaveLength(first + 5);
    expect(values.backgroundImage).toBe('none');
  });
});
