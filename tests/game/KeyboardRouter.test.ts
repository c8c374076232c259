// Tests the key router: keys go to the active screen, DOM controls and shortcuts are left alone.
import { describe, expect, it, vi } from 'vitest';
import { KeyboardRouter } from '../../src/game/ui/KeyboardRouter';

function keyEvent(key: string, extra: Partial<KeyboardEvent> = {}, target: unknown = { tagName: 'BODY' }) {
  return { key, target, defaultPrevented: false, ctrlKey: false, metaKey: false, altKey: false, isComposing: false, shiftKey: false, preventDefault: vi.fn(), ...extra } as unknown as KeyboardEvent;
}

describe('KeyboardRouter', () => {
  it('sends keys to the active screen and prevents the default when used', () => {
    let active = 'menu';
    const router = new KeyboardRouter(() => active);
    const menu = vi.fn(() => true);
    const levels = vi.fn(() => false);
    router.register('menu', menu);
    router.register('levels', levels);
    const event = keyEvent('Tab');
    expect(router.dispatch(event)).toBe(true);
    expect(event.preventDefault).toHaveBeenCalled();
    active = 'levels';
    const second = keyEvent('x');
    router.dispatch(second);
    expect(levels).toHaveBeenCalledTimes(1);
    expect(second.preventDefault).not.toHaveBeenCalled();
    expect(router.keyboardMode).toBe(true);
  });

  it('leaves keys in DOM controls and browser shortcuts alone', () => {
    const router = new KeyboardRouter(() => 'menu');
    const handler = vi.fn(() => true);
    router.register('menu', handler);
    router.dispatch(keyEvent('Enter', {}, { tagName: 'BUTTON' }));
    router.dispatch(keyEvent('r', { ctrlKey: true }));
    expect(handler).not.toHaveBeenCalled();
  });

  it('unregisters only its own handler and survives a throwing one', () => {
    const router = new KeyboardRouter(() => 'menu');
    const off = router.register('menu', () => {
      throw new Error('boom');
    });
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(router.dispatch(keyEvent('a'))).toBe(false);
    spy.mockRestore();
    const replacement = vi.fn(() => true);
    router.register('menu', replacement);
    off();
    router.dispatch(keyEvent('a'));
    expect(replacement).toHaveBeenCalled();
  });

  it("hands a handler's exception to the error screen and keeps routing", () => {
    const faults: unknown[] = [];
    const router = new KeyboardRouter(() => 'menu', (error) => faults.push(error));
    const boom = new Error('key boom');
    let throwing = true;
    router.register('menu', () => {
      if (throwing) throw boom;
      return true;
    });
    const event = keyEvent('Enter');
    expect(router.dispatch(event)).toBe(false);
    expect(faults).toEqual([boom]);
    expect(event.preventDefault).toHaveBeenCalled();
    throwing = false;
    expect(router.dispatch(keyEvent('Enter'))).toBe(true);
    expect(faults).toHaveLength(1);
  });
});
