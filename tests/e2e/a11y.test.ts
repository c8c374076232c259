// Accessibility in a real browser: the canvas has an accessible twin (real buttons with names, in focus
// order), keyboard focus moves the page focus with it, <html lang> follows the language, and axe-core finds
// no serious or critical violation on the menu and the level select, in English and Korean; forced colours
// (Windows' contrast themes) leave the canvas's background, which its words are drawn for, alone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openGame, sceneOf, waitForScene } from './browser';
import { seriousViolations } from './axe';


let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});



function twinLabels(page: Page): Promise<string[]> {
  return page.evaluate(() => [...document.querySelectorAll('#kc-a11y button[data-kc-mirror]')].map((button) => button.textContent ?? ''));
}

describe('accessibility', () => {
  for (const locale of ['en', 'ko'] as const) {
    it(`menu and level select (${locale}): named twins, lang, no serious axe violation`, async () => {
      const { page, problems, context } = await openGame(browser, `locale=${locale}`);
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(locale);
      const labels = await twinLabels(page);
      expect(labels.length).toBeGreaterThanOrEqual(4);
      expect(labels.every((label) => label.trim().length > 0)).toBe(true);
      if (locale === 'ko') expect(labels.join(' ')).toMatch(/[가-힣]/);
      expect(await seriousViolations(page)).toEqual([]);
      // Keyboard: Tab moves the game's focus, and the page focus follows to the twin button.
      await page.keyboard.press('Tab');
      const focusedTwin = await page.evaluate(() => document.activeElement?.getAttribute('data-kc-mirror'));
      expect(focusedTwin).toBeTruthy();
      // Enter on the Campaign button opens the level select.
      await page.evaluate(() => (document.querySelector('#kc-a11y button[data-kc-mirror="menu-campaign"]') as HTMLButtonElement | null)?.focus());
      await page.keyboard.press('Enter');
      await waitForScene(page, 'levels');
      expect(await sceneOf(page)).toBe('levels');
      const levelLabels = await twinLabels(page);
      expect(levelLabels.length).toBeGreaterThan(5);
      expect(await seriousViolations(page)).toEqual([]);
      expect(problems).toEqual([]);
      await context.close();
    });
  }

  it('? opens the keyboard help over any screen, listed for screen readers too; Esc closes it', async () => {
    const { page, problems, context } = await openGame(browser, 'locale=en');
    await page.keyboard.press('Shift+Slash');
    await waitForScene(page, 'keys');
    const region = await page.evaluate(() => document.querySelector('#kc-a11y section[data-region="keys"]')?.textContent ?? '');
    expect(region).toContain('Tab / Shift+Tab');
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await waitForScene(page, 'menu');
    expect(problems).toEqual([]);
    await context.close();
  });

  for (const locale of ['en', 'ko'] as const) {
    it(`play and debrief (${locale}): the board in words, each packet path, announcements, no serious axe violation`, async () => {
      const { page, problems, context } = await openGame(browser, `level=hostile-neighbour&locale=${locale}`);
      await waitForScene(page, 'play');
      expect(await seriousViolations(page)).toEqual([]);
      await page.keyboard.press('Enter');
      // Containers on one shared kernel: a build a screen-reader user can hear described, then run.
      for (const [widget, target] of [['piece-host-os', 0], ['piece-container-engine', 0], ['app-shop', 1], ['app-game-mods', 1]] as const) {
        await page.evaluate((id) => (document.querySelector(`#kc-a11y button[data-kc-mirror="${id}"]`) as HTMLButtonElement | null)?.focus(), widget);
        await page.keyboard.press('Enter');
        for (let step = 0; step < target; step += 1) await page.keyboard.press('ArrowRight');
        await page.keyboard.press('Enter');
        await page.waitForTimeout(100);
      }
      const board = await page.evaluate(() => document.querySelector('#kc-a11y section[data-region="board"]')?.textContent ?? '');
      expect(board).toContain('game-mods');
      expect(board).toContain('→');
      expect(await seriousViolations(page)).toEqual([]);
      await page.keyboard.press('Shift+Enter');
      await page.keyboard.press('4');
      // The breach is announced assertively while the run goes on.
      await page.waitForFunction(() => (document.querySelector('#kc-a11y [role="alert"]')?.textContent ?? '').length > 0, undefined, { timeout: 60_000 });
      await waitForScene(page, 'debrief', 90_000);
      expect(await seriousViolations(page)).toEqual([]);
      const status = await page.evaluate(() => document.getElementById('kc-screen-status')?.textContent ?? '');
      expect(status.length).toBeGreaterThan(0);
      expect(problems).toEqual([]);
      await context.close();
    });
  }

  it('a change on screen rewrites only the twins it changes (a new speed: its buttons, nothing moved)', async () => {
    const { page, problems, context } = await openGame(browser, 'mode=sandbox&locale=en');
    await waitForScene(page, 'sandbox');
    // The sandbox opens on its build: run it, then slow it down before watching.
    await page.keyboard.press('Shift+Enter');
    await page.waitForSelector('#kc-a11y button[data-kc-mirror="speed-4"]', { state: 'attached' });
    await page.keyboard.press('1');
    await page.waitForTimeout(400);
    await page.evaluate(() => {
      const list = document.querySelector('#kc-a11y [role="group"]')!;
      const seen = { moved: 0, changed: new Set<string>() };
      (window as unknown as { __twinChanges: typeof seen }).__twinChanges = seen;
      new MutationObserver((records) => {
        for (const record of records) {
          if (record.type === 'childList' && record.target === list) seen.moved += 1;
          const button = (record.target instanceof Element ? record.target : record.target.parentElement)?.closest('button[data-kc-mirror]');
          if (button) seen.changed.add(`${button.getAttribute('data-kc-mirror')}${record.type === 'attributes' ? ` ${record.attributeName}` : ''}`);
        }
      }).observe(list, { subtree: true, childList: true, attributes: true, characterData: true });
    });
    await page.keyboard.press('4');
    await page.waitForTimeout(400);
    const changes = await page.evaluate(() => {
      const seen = (window as unknown as { __twinChanges: { moved: number; changed: Set<string> } }).__twinChanges;
      return { moved: seen.moved, changed: [...seen.changed].sort() };
    });
    expect(changes.moved).toBe(0);
    // The two speed buttons say which is on (their words or state); every other twin is left as it was.
    expect([...new Set(changes.changed.map((change) => change.split(' ')[0]))]).toEqual(['speed-1', 'speed-4']);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('a screen reader click on a twin activates the widget', async () => {
    const { page, problems, context } = await openGame(browser, 'locale=en');
    await page.evaluate(() => (document.querySelector('#kc-a11y button[data-kc-mirror="menu-campaign"]') as HTMLButtonElement | null)?.click());
    await waitForScene(page, 'levels');
    expect(problems).toEqual([]);
    await context.close();
  });

  it("forced colours (a Windows contrast theme) keep the screens' background the game's, behind words drawn for it", async () => {
    const { page, problems, context } = await openGame(browser, 'locale=en');
    const background = () =>
      page.evaluate(() => {
        const style = getComputedStyle(document.querySelector('#game canvas') as HTMLCanvasElement);
        return { forced: matchMedia('(forced-colors: active)').matches, color: style.backgroundColor, image: style.backgroundImage };
      });
    const before = await background();
    expect(before.forced).toBe(false);
    expect(before.color).toBe('rgb(11, 22, 48)');
    expect(before.image).toContain('radial-gradient');
    // A light contrast theme: without opting out, the canvas's background turns the system's white and the
    // title, drawn white on the backdrop, disappears.
    await page.emulateMedia({ forcedColors: 'active', colorScheme: 'light' });
    const after = await background();
    expect(after.forced).toBe(true);
    expect(after).toEqual({ ...before, forced: true });
    expect(problems).toEqual([]);
    await context.close();
  });
});
