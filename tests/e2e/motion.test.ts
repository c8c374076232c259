// Reduced motion in a real browser: a widget with the keyboard focus grows a little (a short tween), unless
// the browser asks for reduced motion (`prefers-reduced-motion: reduce`) or the player turned motion down in
// the game's settings; a link's `reducedMotion=false` overrides the browser. A widget at its normal size and
// at rest is drawn from its picture (kernelCourier.widgets()'s `pictured`), so a widget that grew is the one
// that is not pictured.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { focusedWidget, launchBrowser, openGame, sceneOf, tabTo, waitForScene } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Moves the keyboard focus to `id` on the menu and reports which widgets are not at their normal size. */
async function grownAfterFocusing(page: Page, id: string): Promise<string[]> {
  // Widgets at rest take their pictures in idle time a moment after the screen appears (src/game/ui/idleWork.ts).
  await page.waitForFunction(() => (window.kernelCourier?.widgets() ?? []).every((widget) => widget.pictured), undefined, { timeout: 10_000 }).catch(() => undefined);
  await tabTo(page, id);
  // Longer than the hover tween (120 ms) and a few frames.
  await page.waitForTimeout(500);
  expect(await focusedWidget(page)).toBe(id);
  const widgets = await page.evaluate(() => window.kernelCourier?.widgets() ?? []);
  expect(widgets.length).toBeGreaterThan(3);
  return widgets.filter((widget) => !widget.pictured).map((widget) => widget.id);
}

describe('reduced motion', () => {
  it('without a preference, the focused button grows (and only it)', async () => {
    const { page, problems, context } = await openGame(browser, 'locale=en');
    expect(await grownAfterFocusing(page, 'menu-sandbox')).toEqual(['menu-sandbox']);
    expect(problems).toEqual([]);
    await context.close();
  });

  it("the browser's prefers-reduced-motion keeps the focused button still", async () => {
    const { page, problems, context } = await openGame(browser, 'locale=en', { reducedMotion: 'reduce' });
    expect(await grownAfterFocusing(page, 'menu-sandbox')).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it("a link's reducedMotion=false overrides the browser's preference", async () => {
    const { page, problems, context } = await openGame(browser, 'locale=en&reducedMotion=false', { reducedMotion: 'reduce' });
    expect(await grownAfterFocusing(page, 'menu-sandbox')).toEqual(['menu-sandbox']);
    expect(problems).toEqual([]);
    await context.close();
  });

  it("the game's own setting, turned on by keyboard in Settings, keeps the focused button still, and is kept", async () => {
    const { page, problems, context } = await openGame(browser, 'locale=en');
    await tabTo(page, 'menu-settings');
    await page.keyboard.press('Enter');
    await waitForScene(page, 'settings');
    await tabTo(page, 'settings-reduced-motion');
    const before = await page.evaluate(() => window.kernelCourier?.widgets().find((widget) => widget.id === 'settings-reduced-motion')?.label);
    await page.keyboard.press('Enter');
    await page.waitForTimeout(200);
    const after = await page.evaluate(() => window.kernelCourier?.widgets().find((widget) => widget.id === 'settings-reduced-motion')?.label);
    expect(before).toMatch(/, Off$/);
    expect(after).toMatch(/, On$/);
    await page.keyboard.press('Escape');
    await waitForScene(page, 'menu');
    expect(await grownAfterFocusing(page, 'menu-sandbox')).toEqual([]);
    // The setting is saved: after a reload the focused button still keeps still.
    await page.reload();
    await page.waitForFunction(() => window.kernelCourier !== undefined);
    await page.evaluate(() => window.kernelCourier?.ready);
    expect(await sceneOf(page)).toBe('menu');
    expect(await grownAfterFocusing(page, 'menu-sandbox')).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });
});
