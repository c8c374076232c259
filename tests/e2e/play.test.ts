// Playing the game in a real browser, as players do: the first three campaign levels by keyboard alone
// (from the menu, through the debrief's "next level"), one level by pointer, a poor architecture whose
// debrief names the reason, a language switch in the middle of a level, and progress kept over a reload.
// Every page fails the test on a console error, an uncaught exception or a request that leaves the server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openGame, sceneOf, tabTo, waitForScene, place } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

interface ResultShape {
  level: string;
  arch: string;
  feasible: boolean;
  reasons: string[];
  score: { total: number; stars: number; security: number };
  metrics: { breachedTenants: number };
  deductions: { code: string }[];
}

function lastResult(page: Page): Promise<ResultShape | null> {
  return page.evaluate(() => window.kernelCourier?.lastResult() as unknown as ResultShape | null);
}

/** Runs the build at 4× and waits for the debrief. */
async function runToDebrief(page: Page): Promise<ResultShape> {
  await page.keyboard.press('Shift+Enter');
  await waitForScene(page, 'play');
  await page.keyboard.press('4');
  await waitForScene(page, 'debrief', 90_000);
  const result = await lastResult(page);
  if (!result) throw new Error('no result after the run');
  return result;
}

async function clickWidget(page: Page, id: string): Promise<void> {
  const widget = await page.evaluate((wanted) => window.kernelCourier?.widgets().find((entry) => entry.id === wanted), id);
  if (!widget) throw new Error(`no widget ${id} on ${await sceneOf(page)}`);
  await page.mouse.click(widget.x + widget.width / 2, widget.y + widget.height / 2);
  await page.waitForTimeout(120);
}

describe('playing', () => {
  it('plays the first three campaign levels by keyboard alone, from the menu', async () => {
    const { page, problems, context } = await openGame(browser, 'locale=en');
    await tabTo(page, 'menu-campaign');
    await page.keyboard.press('Enter');
    await waitForScene(page, 'levels');
    await tabTo(page, 'level-first-delivery');
    await page.keyboard.press('Enter');
    await waitForScene(page, 'play');

    // Level 1: a host OS on the hardware, the shop on it.
    await page.keyboard.press('Enter'); // the brief: start building
    await place(page, 'piece-host-os', 0);
    await place(page, 'app-shop', 0);
    const first = await runToDebrief(page);
    expect(first).toMatchObject({ level: 'first-delivery', arch: 'native', feasible: true });
    expect(first.score.stars).toBeGreaterThanOrEqual(1);

    // The debrief's "next level" is where the keyboard lands.
    await tabTo(page, 'debrief-next');
    await page.keyboard.press('Enter');
    await waitForScene(page, 'play');
    await page.keyboard.press('Enter');
    // Level 2: three trusted apps of one company share one kernel.
    await place(page, 'piece-host-os', 0);
    for (const app of ['web', 'orders-db', 'mail']) await place(page, `app-${app}`, 0);
    const second = await runToDebrief(page);
    expect(second).toMatchObject({ level: 'one-kernel-three-apps', feasible: true });
    expect(second.score.stars).toBeGreaterThanOrEqual(1);

    await tabTo(page, 'debrief-next');
    await page.keyboard.press('Enter');
    await waitForScene(page, 'play');
    await page.keyboard.press('Enter');
    // Level 3: the homework natively, the mystery tool in a Type-2 VM.
    await place(page, 'piece-host-os', 0);
    await place(page, 'piece-type2-hypervisor', 0);
    await place(page, 'app-homework', 0);
    await place(page, 'app-mystery-tool', 1);
    const third = await runToDebrief(page);
    expect(third).toMatchObject({ level: 'laptop-lab', feasible: true });
    expect(third.score.stars).toBeGreaterThanOrEqual(1);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('plays a level by pointer: click a piece then its place, each app then its host', async () => {
    const { page, problems, context } = await openGame(browser, 'level=one-kernel-three-apps&locale=en');
    await waitForScene(page, 'play');
    await clickWidget(page, 'brief-start');
    await clickWidget(page, 'piece-host-os');
    await clickWidget(page, 'node-hardware');
    const host = await page.evaluate(() => window.kernelCourier?.widgets().find((widget) => widget.id.startsWith('node-host'))?.id);
    expect(host).toBeTruthy();
    for (const app of ['web', 'orders-db', 'mail']) {
      await clickWidget(page, `app-${app}`);
      await clickWidget(page, host as string);
    }
    const run = await page.evaluate(() => window.kernelCourier?.widgets().find((widget) => widget.id === 'run'));
    expect(run?.enabled).toBe(true);
    await clickWidget(page, 'run');
    await waitForScene(page, 'play');
    await clickWidget(page, (await page.evaluate(() => window.kernelCourier?.widgets().find((widget) => /4/.test(widget.label))?.id)) ?? 'speed-4');
    await waitForScene(page, 'debrief', 90_000);
    const result = await lastResult(page);
    expect(result).toMatchObject({ level: 'one-kernel-three-apps', arch: 'native', feasible: true });
    expect(result?.score.stars).toBe(3);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('a poor architecture: the debrief names the reason (a shared kernel taken over)', async () => {
    const { page, problems, context } = await openGame(browser, 'level=hostile-neighbour&locale=en');
    await waitForScene(page, 'play');
    await page.keyboard.press('Enter');
    // Both tenants' apps in containers on one shared kernel: the untrusted app's kernel exploit reaches the shop.
    await place(page, 'piece-host-os', 0);
    await place(page, 'piece-container-engine', 0);
    await place(page, 'app-shop', 1);
    await place(page, 'app-game-mods', 1);
    const result = await runToDebrief(page);
    expect(result.metrics.breachedTenants).toBe(1);
    expect(result.deductions.map((deduction) => deduction.code)).toContain('breach');
    expect(result.score.stars).toBeLessThan(3);
    // What the debrief says, as a screen reader reads it.
    const said = await page.evaluate(() => document.getElementById('kc-a11y')?.textContent ?? '');
    expect(said).toMatch(/kernel/i);
    expect(said).toMatch(/shop/);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('switches language in the middle of a level and keeps the build', async () => {
    const { page, problems, context } = await openGame(browser, 'level=first-delivery&locale=en');
    await waitForScene(page, 'play');
    await page.keyboard.press('Enter');
    await place(page, 'piece-host-os', 0);
    await tabTo(page, 'top-settings');
    await page.keyboard.press('Enter');
    await waitForScene(page, 'settings');
    const korean = await page.evaluate(() => window.kernelCourier?.widgets().find((widget) => /한국어/.test(widget.label))?.id);
    expect(korean).toBeTruthy();
    await tabTo(page, korean as string);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.documentElement.lang === 'ko');
    await page.keyboard.press('Escape');
    await waitForScene(page, 'play');
    const labels = await page.evaluate(() => window.kernelCourier?.widgets().map((widget) => widget.label).join(' ') ?? '');
    expect(labels).toMatch(/[가-힣]/);
    // The host OS placed before the switch is still there: the app can go on it.
    await place(page, 'app-shop', 0);
    const result = await runToDebrief(page);
    expect(result.feasible).toBe(true);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('keeps progress over a reload', async () => {
    const { page, problems, context } = await openGame(browser, 'level=first-delivery&locale=en');
    await waitForScene(page, 'play');
    await page.keyboard.press('Enter');
    await place(page, 'piece-host-os', 0);
    await place(page, 'app-shop', 0);
    const result = await runToDebrief(page);
    expect(result.score.stars).toBeGreaterThanOrEqual(1);
    // A new visit of the plain page (the level link would open the level again).
    await page.goto(page.url().replace(/\?.*$/, '?locale=en'));
    await page.waitForFunction(() => window.kernelCourier !== undefined);
    await page.evaluate(() => window.kernelCourier?.ready);
    await tabTo(page, 'menu-campaign');
    await page.keyboard.press('Enter');
    await waitForScene(page, 'levels');
    const widgets = await page.evaluate(() => window.kernelCourier?.widgets() ?? []);
    const firstCard = widgets.find((widget) => widget.id === 'level-first-delivery');
    const secondCard = widgets.find((widget) => widget.id === 'level-one-kernel-three-apps');
    expect(firstCard?.label).toMatch(new RegExp(`${result.score.stars} of 3 stars`));
    expect(secondCard?.enabled).toBe(true);
    expect(problems).toEqual([]);
    await context.close();
  });
});
