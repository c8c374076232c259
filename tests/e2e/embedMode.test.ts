// mode=embed (contracts.md §6): a chapter's level map with only its levels and no way to the menu; one
// level whose debrief offers no next level and whose map holds only it; the bar's "full game" link.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { levelsByChapter } from '../../src/levels';
import { launchBrowser, openGame, sceneOf, waitForScene } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const widgetIds = (page: Page) => page.evaluate(() => window.kernelCourier?.widgets().map((widget) => widget.id) ?? []);

describe('embed mode', () => {
  it('chapter=2: only its levels, no Back, Escape stays', async () => {
    const { page, context, problems } = await openGame(browser, 'mode=embed&chapter=2&locale=en&reducedMotion=true');
    await waitForScene(page, 'levels');
    const ids = await widgetIds(page);
    const chapter = levelsByChapter()[1]!.levels.map((level) => level.id);
    const others = levelsByChapter().flatMap((group, index) => (index === 1 ? [] : group.levels.map((level) => level.id)));
    expect(ids).not.toContain('top-back');
    expect(ids).toContain(`level-${chapter[0]}`);
    for (const id of others) expect(ids).not.toContain(`level-${id}`);
    await page.keyboard.press('Escape');
    await page.waitForTimeout(500);
    expect(await sceneOf(page)).toBe('levels');
    expect(await page.evaluate(() => document.querySelector<HTMLAnchorElement>('#kc-embed-bar a')?.href)).toMatch(/\?locale=en&mode=campaign&chapter=2$/);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('level=ID: the debrief has no next level, its map holds only that level, the link opens it in the full game', async () => {
    const { page, context, problems } = await openGame(browser, 'mode=embed&level=laptop-lab&locale=ko&reducedMotion=true');
    await waitForScene(page, 'play');
    const link = await page.evaluate(() => {
      const anchor = document.querySelector<HTMLAnchorElement>('#kc-embed-bar a');
      return { href: anchor?.href, target: anchor?.target, rel: anchor?.rel, text: anchor?.textContent };
    });
    expect(link).toMatchObject({ target: '_blank', rel: 'noopener', text: '전체 게임 ↗' });
    expect(link.href).toMatch(/\?locale=ko&level=laptop-lab$/);
    await page.evaluate(() => window.kernelCourier?.openDebrief('laptop-lab'));
    await waitForScene(page, 'debrief');
    const next = await page.evaluate(() => window.kernelCourier?.widgets().find((widget) => widget.id === 'debrief-next'));
    expect(next?.enabled).toBe(false);
    await page.evaluate(() => (document.querySelector('#kc-a11y button[data-kc-mirror="debrief-map"]') as HTMLButtonElement).click());
    await waitForScene(page, 'levels');
    expect((await widgetIds(page)).filter((id) => id.startsWith('level-'))).toEqual(['level-laptop-lab']);
    expect(problems).toEqual([]);
    await context.close();
  });
});
