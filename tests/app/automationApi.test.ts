// Tests window.kernelCourier (contracts.md §4): ready, scene, levels, startLevel and lastResult.
import { describe, expect, it, vi } from 'vitest';
import { createAutomationApi, installAutomationApi } from '../../src/app/automationApi';

function setup() {
  let screen: string | undefined;
  const openLevel = vi.fn(async (id: string) => {
    screen = `play:${id}`;
  });
  const automation = createAutomationApi({ version: '1.2.3', levelIds: () => ['a', 'b'], currentScreen: () => screen, openLevel });
  return { automation, openLevel, setScreen: (key: string) => (screen = key) };
}

describe('createAutomationApi', () => {
  it('reports version, levels in order and the current screen', () => {
    const { automation, setScreen } = setup();
    expect(automation.api.version).toBe('1.2.3');
    expect(automation.api.levels()).toEqual(['a', 'b']);
    expect(automation.api.scene()).toBe('boot');
    setScreen('menu');
    expect(automation.api.scene()).toBe('menu');
    automation.api.levels().push('x');
    expect(automation.api.levels()).toEqual(['a', 'b']);
  });

  it('resolves ready once, when marked', async () => {
    const { automation } = setup();
    let resolved = false;
    void automation.api.ready.then(() => (resolved = true));
    await Promise.resolve();
    expect(resolved).toBe(false);
    automation.markReady();
    automation.markReady();
    await automation.api.ready;
    expect(resolved).toBe(true);
  });

  it('starts a known level after ready, and rejects an unknown one with a clear error', async () => {
    const { automation, openLevel } = setup();
    automation.markReady();
    await automation.api.startLevel('b');
    expect(openLevel).toHaveBeenCalledWith('b');
    await expect(automation.api.startLevel('nope')).rejects.toThrow(/Unknown level id "nope".*a, b/);
    await expect(automation.api.startLevel(42 as unknown as string)).rejects.toThrow(/Unknown level id/);
    expect(openLevel).toHaveBeenCalledTimes(1);
  });

  it('waits for ready before starting a level', async () => {
    const { automation, openLevel } = setup();
    const started = automation.api.startLevel('a');
    await Promise.resolve();
    expect(openLevel).not.toHaveBeenCalled();
    automation.markReady();
    await started;
    expect(openLevel).toHaveBeenCalledWith('a');
  });

  it('keeps lastResult null until set, and hands out copies', () => {
    const { automation } = setup();
    expect(automation.api.lastResult()).toBeNull();
    const result = { level: 'a', score: { total: 80, stars: 2 } };
    automation.setLastResult(result);
    result.score.total = 0;
    const copy = automation.api.lastResult() as { score: { total: number } };
    expect(copy.score.total).toBe(80);
    copy.score.total = 1;
    expect((automation.api.lastResult() as { score: { total: number } }).score.total).toBe(80);
  });

  it('installs itself on the window, read-only', () => {
    const { automation } = setup();
    const win = {} as Window;
    installAutomationApi(win, automation.api);
    expect(win.kernelCourier).toBe(automation.api);
    expect(() => {
      (win as { kernelCourier?: unknown }).kernelCourier = null;
    }).toThrow();
  });
});

describe('openDebrief (optional testing aid)', () => {
  it('passes a known level and its options on after ready, and rejects unknown ids', async () => {
    const openDebrief = vi.fn(async () => undefined);
    const automation = createAutomationApi({ version: '1', levelIds: () => ['a'], currentScreen: () => 'menu', openLevel: async () => undefined, openDebrief });
    automation.markReady();
    await automation.api.openDebrief('a', { arch: 'type2', attempt: 2 });
    expect(openDebrief).toHaveBeenCalledWith('a', { arch: 'type2', attempt: 2 });
    await automation.api.openDebrief('a');
    expect(openDebrief).toHaveBeenLastCalledWith('a', {});
    await expect(automation.api.openDebrief('zzz')).rejects.toThrow(/Unknown level id "zzz"/);
  });

  it('rejects clearly where the page does not offer it', async () => {
    const automation = createAutomationApi({ version: '1', levelIds: () => ['a'], currentScreen: () => 'menu', openLevel: async () => undefined });
    automation.markReady();
    await expect(automation.api.openDebrief('a')).rejects.toThrow(/not available/);
  });
});

describe('race (optional addition)', () => {
  it("is null without a race view, and a copy of the race view's snapshot with one", () => {
    const plain = createAutomationApi({ version: '1', levelIds: () => ['a'], currentScreen: () => 'menu', openLevel: async () => undefined });
    expect(plain.api.race()).toBeNull();
    const snapshot = { level: 'a', seed: 3, state: 'ended' as const, lanes: [{ id: 'container', label: 'Containers', labelFontPx: 37, labelHeight: 44, delivered: 5, dropped: 0, total: 90, stars: 3, place: 1 }], ranking: 'The race is over.' };
    const automation = createAutomationApi({ version: '1', levelIds: () => ['a'], currentScreen: () => 'race', openLevel: async () => undefined, race: () => snapshot });
    const copy = automation.api.race()!;
    expect(copy).toEqual(snapshot);
    copy.lanes[0]!.total = 0;
    expect(snapshot.lanes[0]!.total).toBe(90);
  });
});
