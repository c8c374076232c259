// A good guest in a course page (WCAG 2.1.2, no keyboard trap): with `canLeaveByTab` (an embedded game),
// Tab past the last enabled control and Shift+Tab before the first hand focus back to the page, also
// when the focus sits on a disabled widget (Tab from the page can land on a disabled widget's twin).
import { describe, expect, it } from 'vitest';
import { FocusManager, type Focusable } from '../../src/game/ui/FocusManager';

function item(id: string, enabled = true): Focusable {
  return {
    id,
    bounds: () => ({ x: 0, y: 0, width: 10, height: 10 }),
    isEnabled: () => enabled,
    setFocused: () => {},
    activate: () => {},
    describe: () => id,
  };
}

const tab = { key: 'Tab', shiftKey: false };
const shiftTab = { key: 'Tab', shiftKey: true };

describe('leaving an embedded game by Tab', () => {
  it('Tab on the last enabled control leaves (the browser moves on), Shift+Tab on the first too', () => {
    const focus = new FocusManager({ canLeaveByTab: () => true });
    ['a', 'b', 'c'].forEach((id) => focus.add(item(id)));
    focus.followTwin('c');
    expect(focus.handleKey(tab)).toBe(false);
    expect(focus.focusedId).toBeUndefined();
    focus.followTwin('a');
    expect(focus.handleKey(shiftTab)).toBe(false);
    expect(focus.focusedId).toBeUndefined();
    // In between, the game keeps Tab.
    focus.followTwin('b');
    expect(focus.handleKey(tab)).toBe(true);
    expect(focus.focusedId).toBe('c');
  });

  it('leaves from a disabled widget at either end instead of wrapping round (a trap)', () => {
    const focus = new FocusManager({ canLeaveByTab: () => true });
    [item('off-first', false), item('a'), item('b'), item('off-last', false)].forEach((entry) => focus.add(entry));
    focus.followTwin('off-last');
    expect(focus.handleKey(tab)).toBe(false);
    focus.followTwin('off-first');
    expect(focus.handleKey(shiftTab)).toBe(false);
    // From the disabled first widget, Tab goes on into the game.
    focus.followTwin('off-first');
    expect(focus.handleKey(tab)).toBe(true);
    expect(focus.focusedId).toBe('a');
  });

  it('without canLeaveByTab (the full game on its own page) Tab wraps round', () => {
    const focus = new FocusManager();
    ['a', 'b'].forEach((id) => focus.add(item(id)));
    focus.followTwin('b');
    expect(focus.handleKey(tab)).toBe(true);
    expect(focus.focusedId).toBe('a');
  });
});
