// Small frames (issue 14): an embedded level must work at the sizes course pages give it, landscape and
// upright. At each size, on the brief, the build, the run and the debrief: every widget lies inside the
// canvas, no two overlap, and Run is reachable (present, enabled with a valid build, and it starts the run).
// A notice never covers the game: embedded, it takes its own room above the bar.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openGame, sceneOf, tabTo, waitForScene } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const SIZES: [number, number][] = [
  [640, 360],
  [800, 450],
  [854, 480],
  [960, 540],
  [360, 640],
  [390, 844],
];

interface Box {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Problems with the screen's widgets: outside the canvas, or overlapping another. */
async function layoutProblems(page: Page, phase: string): Promise<string[]> {
  const { widgets, canvas } = await page.evaluate(() => {
    const element = document.querySelector('#game canvas');
    const rect = element?.getBoundingClientRect();
    return { widgets: window.kernelCourier?.widgets() ?? [], canvas: { width: rect?.width ?? 0, height: rect?.height ?? 0 } };
  });
  const problems: string[] = [];
  if (widgets.length === 0) problems.push(`${phase}: no widgets`);
  const inside = (box: Box) => box.x >= -0.5 && box.y >= -0.5 && box.x + box.width <= canvas.width + 0.5 && box.y + box.height <= canvas.height + 0.5 && box.width > 0 && box.height > 0;
  for (const box of widgets) if (!inside(box)) problems.push(`${phase}: ${box.id} outside the ${canvas.width}×${canvas.height} canvas at ${JSON.stringify([box.x, box.y, box.width, box.height].map(Math.round))}`);
  for (let i = 0; i < widgets.length; i += 1) {
    for (let j = i + 1; j < widgets.length; j += 1) {
      const a = widgets[i]!;
      const b = widgets[j]!;
      const overlapX = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
      const overlapY = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
      if (overlapX > 1 && overlapY > 1) problems.push(`${phase}: ${a.id} overlaps ${b.id}`);
    }
  }
  return problems;
}

async function activate(page: Page, id: string): Promise<void> {
  const widget = await page.evaluate((wanted) => window.kernelCourier?.widgets().find((entry) => entry.id === wanted), id);
  if (!widget) throw new Error(`no widget ${id} on ${await sceneOf(page)}`);
  await page.mouse.click(widget.x + widget.width / 2, widget.y + widget.height / 2);
  await page.waitForTimeout(250);
}

describe('embedded at small frame sizes', () => {
  it.each(SIZES)('%i×%i: brief, build, run and debrief fit, Run is reachable', async (width, height) => {
    const { page, context, problems } = await openGame(browser, 'mode=embed&level=first-delivery&locale=en&reducedMotion=true', { viewport: { width, height } });
    const found: string[] = [];
    await waitForScene(page, 'play');
    found.push(...(await layoutProblems(page, 'brief')));
    await page.keyboard.press('Enter');
    await page.waitForTimeout(250);
    found.push(...(await layoutProblems(page, 'build (empty)')));

    // The level's build, by keyboard: a host OS on the hardware, the shop on it.
    for (const widget of ['piece-host-os', 'app-shop']) {
      await tabTo(page, widget);
      await page.keyboard.press('Enter');
      await page.keyboard.press('Enter');
      await page.waitForTimeout(120);
    }
    found.push(...(await layoutProblems(page, 'build')));
    // Run is reachable: there, enabled, and a click on it starts the run.
    const run = await page.evaluate(() => window.kernelCourier?.widgets().find((widget) => widget.id === 'run'));
    expect(run?.enabled).toBe(true);
    await activate(page, 'run');
    await page.waitForFunction(() => window.kernelCourier?.widgets().some((widget) => widget.id.startsWith('speed-')) ?? false, undefined, { timeout: 10_000 });
    found.push(...(await layoutProblems(page, 'run')));
    await page.keyboard.press('4');
    await waitForScene(page, 'debrief', 90_000);
    found.push(...(await layoutProblems(page, 'debrief')));
    for (const tab of ['hops', 'compare', 'table']) {
      await activate(page, `tab-${tab}`);
      found.push(...(await layoutProblems(page, `debrief ${tab}`)));
    }
    expect(found).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('a notice takes its own room: it covers neither the canvas nor the bar', async () => {
    const { page, context } = await openGame(browser, 'mode=embed&level=first-delivery&locale=ko&colorProfile=loud', { viewport: { width: 640, height: 360 } });
    const boxes = await page.evaluate(() => {
      const rect = (selector: string) => {
        const box = document.querySelector(selector)?.getBoundingClientRect();
        return box ? { top: box.top, bottom: box.bottom, height: box.height } : null;
      };
      return { canvas: rect('#game canvas'), notice: rect('#notices .kc-notice'), bar: rect('#kc-embed-bar') };
    });
    expect(boxes.notice?.height).toBeGreaterThan(0);
    expect(boxes.canvas!.bottom).toBeLessThanOrEqual(boxes.notice!.top + 0.5);
    expect(boxes.notice!.bottom).toBeLessThanOrEqual(boxes.bar!.top + 0.5);
    expect(boxes.bar!.bottom).toBeLessThanOrEqual(360.5);
    expect(await layoutProblems(page, 'brief with a notice')).toEqual([]);
    await context.close();
  });
});
