// The race view in the real browser: opened by its link (?mode=race&level=…&seed=…), run to the end at
// high speed from the keyboard, its ranking read out in the page's live regions; the lane labels are at
// least 28 px on a 1920×1080 projector; bad race links fall back to the menu with a notice; and the
// Debrief's Race button adds the player's build as a lane and comes back to the Debrief.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, noticeTexts, openGame, sceneOf, tabTo, waitForScene } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const FULL_HD = { width: 1920, height: 1080 };

function race(page: Page) {
  return page.evaluate(() => window.kernelCourier!.race());
}

describe('race view', () => {
  it('labels every lane of a six-lane race with at least 28 px at 1920×1080 on the projector profile', async () => {
    for (const locale of ['en', 'ko']) {
      const { page, problems, context } = await openGame(browser, `mode=race&level=mixed-fleet&seed=3&locale=${locale}&colorProfile=projector&audio=disabled`, { viewport: FULL_HD });
      await waitForScene(page, 'race', 60_000);
      const snapshot = await race(page);
      expect(snapshot?.seed).toBe(3);
      expect(snapshot?.state).toBe('ready');
      expect(snapshot?.lanes.map((lane) => lane.id)).toEqual(['native', 'container', 'type2', 'type1-full', 'type1-para', 'container-in-vm']);
      for (const lane of snapshot!.lanes) {
        expect(lane.label.length, lane.id).toBeGreaterThan(0);
        expect(lane.labelFontPx, `${locale} ${lane.id}`).toBeGreaterThanOrEqual(28);
        expect(lane.labelHeight, `${locale} ${lane.id}`).toBeGreaterThanOrEqual(28);
      }
      expect(problems).toEqual([]);
      await context.close();
    }
  });

  it('runs a race from its link to the end at 4× and announces the ranking', async () => {
    const { page, problems, context } = await openGame(browser, 'mode=race&level=hypercall-express&seed=7&locale=en&audio=disabled', { viewport: FULL_HD });
    await waitForScene(page, 'race', 60_000);
    // Nothing moves before Start: the class votes first.
    await page.waitForTimeout(600);
    expect((await race(page))!.lanes.every((lane) => lane.delivered === 0)).toBe(true);
    await page.keyboard.press('4');
    await page.keyboard.press(' ');
    await page.waitForFunction(() => window.kernelCourier!.race()?.state === 'running', undefined, { timeout: 5_000 });
    await page.waitForFunction(() => window.kernelCourier!.race()?.state === 'ended', undefined, { timeout: 120_000, polling: 250 });
    const done = (await race(page))!;
    expect(done.lanes.map((lane) => lane.id)).toEqual(['type1-full', 'type1-para']);
    for (const lane of done.lanes) {
      expect(lane.delivered).toBeGreaterThan(0);
      expect(lane.total).not.toBeNull();
      expect(lane.stars).not.toBeNull();
    }
    // Places follow the totals, and the ranking text names the lanes best first with their scores.
    const [first, second] = [...done.lanes].sort((left, right) => left.place! - right.place!);
    expect(first.place).toBe(1);
    expect(first.total!).toBeGreaterThanOrEqual(second.total!);
    expect(first.stars).toBe(3);
    const ranking = done.ranking!;
    expect(ranking).toContain('The race is over.');
    expect(ranking.indexOf(first.label)).toBeLessThan(ranking.indexOf(second.label));
    expect(ranking).toContain(`${Math.round(first.total! * 10) / 10} points`);
    // Screen readers hear it: the page's live regions hold the ranking.
    const live = await page.evaluate(() => [document.getElementById('kc-screen-status')?.textContent ?? '', ...[...document.querySelectorAll('[aria-live], [role="alert"]')].map((node) => node.textContent ?? '')].join('\n'));
    expect(live).toContain(ranking);
    // R restarts: every lane is back at its start, waiting.
    await page.keyboard.press('r');
    const again = (await race(page))!;
    expect(again.state).toBe('ready');
    expect(again.lanes.every((lane) => lane.delivered === 0 && lane.place === null)).toBe(true);
    // Escape goes back (to the level map, for a race opened by its link).
    await page.keyboard.press('Escape');
    await waitForScene(page, 'levels');
    expect(problems).toEqual([]);
    await context.close();
  });

  for (const query of ['mode=race&level=no-such-level&seed=1', 'mode=race&seed=1']) {
    it(`?${query} falls back to the menu with a notice`, async () => {
      const { page, problems, context } = await openGame(browser, `${query}&locale=en`);
      await waitForScene(page, 'menu');
      expect((await noticeTexts(page)).length).toBeGreaterThan(0);
      expect(problems).toEqual([]);
      await context.close();
    });
  }

  it("opens from the Debrief with the player's build as an extra lane on the run's seed, and comes back", async () => {
    const { page, problems, context } = await openGame(browser, 'locale=ko&audio=disabled', { viewport: FULL_HD });
    await page.evaluate(() => window.kernelCourier!.openDebrief('escape-artist', { arch: 'container', seed: 5 }));
    await waitForScene(page, 'debrief');
    await tabTo(page, 'debrief-race');
    await page.keyboard.press('Enter');
    await waitForScene(page, 'race', 60_000);
    const snapshot = (await race(page))!;
    expect(snapshot.seed).toBe(5);
    expect(snapshot.lanes.map((lane) => lane.id)).toEqual(['container', 'type2', 'type1-para', 'container-in-vm', 'yours']);
    const yours = snapshot.lanes.at(-1)!;
    expect(yours.label).toBe('내 구성');
    expect(yours.labelFontPx).toBeGreaterThanOrEqual(28);
    await page.keyboard.press('Escape');
    await waitForScene(page, 'debrief');
    expect(await sceneOf(page)).toBe('debrief');
    expect(problems).toEqual([]);
    await context.close();
  });
});
