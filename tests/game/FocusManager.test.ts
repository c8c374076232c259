// Tests keyboard focus: Tab order, arrows, activation, sliders, disabled items and leaving by Tab.
import { describe, expect, it, vi } from 'vitest';
import { FocusManager, type Focusable } from '../../src/game/ui/FocusManager';

function item(id: string, x: number, y: number, options: { enabled?: boolean; adjustable?: boolean } = {}) {
  const state = { focused: false, ringVisible: false, activations: 0, value: 0 };
  const focusable: Focusable & { state: typeof state } = {
    id,
    state,
    bounds: () => ({ x, y, width: 100, height: 40 }),
    isEnabled: () => options.enabled ?? true,
    setFocused: (focused, visible) => {
      state.focused = focused;
      state.ringVisible = visible;
    },
    activate: () => void (state.activations += 1),
    describe: () => `${id} ${state.value}`,
    ...(options.adjustable ? { adjust: (step: -1 | 1) => ((state.value += step), true) } : {}),
  };
  return focusable;
}

const key = (k: string, shiftKey = false) => ({ key: k, shiftKey });

describe('FocusManager', () => {
  it('tabs through items in order and wraps, skipping disabled ones', () => {
    const focus = new FocusManager();
    const [a, b, c] = [focus.add(item('a', 0, 0)), focus.add(item('b', 0, 50, { enabled: false })), focus.add(item('c', 0, 100))];
    expect(focus.handleKey(key('Tab'))).toBe(true);
    expect(focus.focusedId).toBe('a');
    expect(a.state.ringVisible).toBe(true);
    focus.handleKey(key('Tab'));
    expect(focus.focusedId).toBe('c');
    expect(b.state.focused).toBe(false);
    focus.handleKey(key('Tab'));
    expect(focus.focusedId).toBe('a');
    focus.handleKey(key('Tab', true));
    expect(focus.focusedId).toBe('c');
    expect(a.state.focused).toBe(false);
    expect(c.state.focused).toBe(true);
  });

  it('starts at the default item', () => {
    const focus = new FocusManager();
    focus.add(item('back', 0, 0));
    focus.add(item('play', 0, 100));
    focus.setDefault('play');
    focus.handleKey(key('ArrowDown'));
    expect(focus.focusedId).toBe('play');
  });

  it('moves with arrows to the nearest item in that direction', () => {
    const focus = new FocusManager();
    focus.add(item('left', 0, 0));
    focus.add(item('right', 200, 0));
    focus.add(item('below', 0, 100));
    focus.focus('left');
    focus.handleKey(key('ArrowRight'));
    expect(focus.focusedId).toBe('right');
    focus.handleKey(key('ArrowLeft'));
    focus.handleKey(key('ArrowDown'));
    expect(focus.focusedId).toBe('below');
    expect(focus.handleKey(key('ArrowDown'))).toBe(true);
    expect(focus.focusedId).toBe('below');
  });

  it('activates with Enter and Space, not without focus', () => {
    const focus = new FocusManager();
    const a = focus.add(item('a', 0, 0));
    expect(focus.handleKey(key('Enter'))).toBe(false);
    focus.focus('a');
    focus.handleKey(key('Enter'));
    focus.handleKey(key(' '));
    expect(a.state.activations).toBe(2);
  });

  it('lets left and right adjust a slider, up and down still move', () => {
    const announce = vi.fn();
    const focus = new FocusManager({ announce });
    const slider = focus.add(item('slider', 0, 0, { adjustable: true }));
    focus.add(item('next', 0, 100));
    focus.focus('slider');
    focus.handleKey(key('ArrowRight'));
    focus.handleKey(key('ArrowRight'));
    focus.handleKey(key('ArrowLeft'));
    expect(slider.state.value).toBe(1);
    expect(announce).toHaveBeenLastCalledWith('slider 1');
    focus.handleKey(key('ArrowDown'));
    expect(focus.focusedId).toBe('next');
  });

  it('shows the ring on the first key after a pointer focus instead of moving', () => {
    const focus = new FocusManager();
    const a = focus.add(item('a', 0, 0));
    focus.add(item('b', 0, 100));
    focus.focus('a', false);
    expect(a.state.ringVisible).toBe(false);
    focus.handleKey(key('Tab'));
    expect(focus.focusedId).toBe('a');
    expect(a.state.ringVisible).toBe(true);
  });

  it('leaves the canvas by Tab past the last item when the page has something to reach', () => {
    let notices = true;
    const focus = new FocusManager({ canLeaveByTab: () => notices });
    focus.add(item('a', 0, 0));
    focus.add(item('b', 0, 100));
    focus.focus('b');
    expect(focus.handleKey(key('Tab'))).toBe(false);
    expect(focus.focused).toBeUndefined();
    notices = false;
    focus.focus('b');
    expect(focus.handleKey(key('Tab'))).toBe(true);
    expect(focus.focusedId).toBe('a');
  });

  it('ignores keys it does not use and an empty screen', () => {
    const focus = new FocusManager();
    expect(focus.handleKey(key('Tab'))).toBe(false);
    focus.add(item('a', 0, 0));
    expect(focus.handleKey(key('x'))).toBe(false);
  });

  it('replace puts a redrawn part\'s new items in the old ones\' place and keeps focus on the same id', () => {
    const changes = vi.fn();
    const announce = vi.fn();
    const focus = new FocusManager({ onItemsChanged: changes, announce });
    focus.add(item('first', 0, 0));
    const oldB = focus.add(item('b', 0, 50));
    const oldC = focus.add(item('c', 0, 100));
    focus.add(item('last', 0, 150));
    focus.focus('c', true, false);
    // The part is drawn again: its new widgets add themselves at the end, then take the old ones' place.
    const newB = focus.add(item('b', 0, 50));
    const newC = focus.add(item('c', 0, 100));
    const newD = focus.add(item('d', 0, 120));
    changes.mockClear();
    focus.replace([oldB, oldC], [newB, newC, newD]);
    expect(focus.list().map((entry) => entry.id)).toEqual(['first', 'b', 'c', 'd', 'last']);
    expect(focus.list()[2]).toBe(newC);
    expect(focus.focusedId).toBe('c');
    expect(focus.focusVisible).toBe(true);
    expect(newC.state.focused).toBe(true);
    expect(newC.state.ringVisible).toBe(true);
    expect(announce).not.toHaveBeenCalled();
    expect(changes).toHaveBeenCalledTimes(1);
    focus.handleKey(key('Tab'));
    expect(focus.focusedId).toBe('d');
  });

  it('replace keeps focus on an item outside the part, and drops it when the focused id is gone', () => {
    const focus = new FocusManager();
    const kept = focus.add(item('kept', 0, 0));
    const old = focus.add(item('gone', 0, 50));
    focus.focus('kept', true, false);
    const fresh = focus.add(item('other', 0, 50));
    focus.replace([old], [fresh]);
    expect(focus.focused).toBe(kept);
    focus.focus('other', true, false);
    const fresher = focus.add(item('another', 0, 50));
    focus.replace([fresh], [fresher]);
    expect(focus.focusedId).toBeUndefined();
    expect(focus.focusVisible).toBe(false);
    expect(focus.list().map((entry) => entry.id)).toEqual(['kept', 'another']);
  });
});
