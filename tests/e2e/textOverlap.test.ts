// No text over text (issue 16 item 3): every screen, at 1280×720, 1920×1080 and 768×1024, in English and
// Korean, read through `window.kernelCourier.texts()` (the boxes of the letters of every text the screen on
// show draws; src/game/ui/textAudit.ts). The test fails when two texts' boxes overlap, when a text runs out
// of the box it was fitted into, or out of the window, naming the screen, the size and the texts.
//
// To add a screen: add an entry to SCREENS with its name, the query it opens with and the steps (keys,
// clicks, API calls) that reach it from there, ending on the scene `scene`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { joinLink, type Session } from '../../src/classroom/session';
import { BASE_URL, launchBrowser, openGame, tabTo, waitForScene, place } from './browser';
import type { TextBox } from '../../src/game/ui/textAudit';
import { worstWideLevel } from '../../bench/worstLevels';

const SIZES = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
  { width: 768, height: 1024 },
] as const;
const LOCALES = ['en', 'ko'] as const;

/** Overlaps smaller than this on either side (px) are anti-aliasing, not text over text. */
const SLACK = 2;

const SESSION: Session = {
  format: 'kernel-courier/session@1',
  id: '7K3M9QX2',
  title: 'OS class 3-B, week 9',
  levels: ['first-delivery', 'hostile-neighbour', 'three-walls'],
  seed: 1234,
  hints: true,
  predict: true,
  minutes: 40,
};

interface Screen {
  name: string;
  /** The query string the page opens with (locale is added). */
  query: string | (() => string);
  /** What reaches the screen from the page just opened; ends with the screen on show. */
  reach: (page: Page) => Promise<void>;
  /** The scene key the screen is (kernelCourier.scene()). */
  scene: string;
  /** With motion on: the screen is opened afresh at each size and read `samples` times 100 ms apart right
   * after `reach` (an animation's frames, such as the debrief's count-up, which only the first showing plays). */
  samples?: number;
}

async function keys(page: Page, ...pressed: string[]): Promise<void> {
  for (const key of pressed) {
    await page.keyboard.press(key);
    await page.waitForTimeout(60);
  }
}

const debriefTab = (tab: string): Screen => ({
  name: `debrief, ${tab} tab`,
  query: '',
  scene: 'debrief',
  reach: async (page) => {
    await page.evaluate(() => window.kernelCourier?.openDebrief('hostile-neighbour', { arch: 'container', attempt: 2 }));
    await waitForScene(page, 'debrief');
    await keys(page, String(['score', 'hops', 'compare', 'table'].indexOf(tab) + 1));
    // The score's count-up runs about a second.
    await page.waitForTimeout(tab === 'score' ? 1600 : 300);
  },
});

/** Every screen the player can see, and how to reach it. */
const SCREENS: Screen[] = [
  { name: 'menu', query: '', scene: 'menu', reach: async () => {} },
  { name: 'level select', query: '', scene: 'levels', reach: async (page) => (await tabTo(page, 'menu-campaign'), await keys(page, 'Enter'), await waitForScene(page, 'levels')) },
  { name: 'settings', query: '', scene: 'settings', reach: async (page) => (await tabTo(page, 'menu-settings'), await keys(page, 'Enter'), await waitForScene(page, 'settings')) },
  { name: 'glossary', query: '', scene: 'glossary', reach: async (page) => (await keys(page, 'g'), await waitForScene(page, 'glossary')) },
  { name: 'keyboard help', query: '', scene: 'keys', reach: async (page) => (await keys(page, 'F1'), await waitForScene(page, 'keys')) },
  { name: 'brief', query: 'level=hostile-neighbour', scene: 'play', reach: async (page) => waitForScene(page, 'play') },
  { name: 'build (escape-artist)', query: 'level=escape-artist', scene: 'play', reach: async (page) => (await waitForScene(page, 'play'), await keys(page, 'Enter')) },
  {
    name: 'run (paused)',
    query: 'level=first-delivery',
    scene: 'play',
    reach: async (page) => {
      await waitForScene(page, 'play');
      await keys(page, 'Enter');
      await place(page, 'piece-host-os', 0);
      await place(page, 'app-shop', 0);
      await keys(page, 'Shift+Enter');
      await page.waitForTimeout(1500);
      await keys(page, ' ');
    },
  },
  {
    // issue 17 item 3: a wall's "Stopped: …" label and a packet's panel (P) over the board.
    name: 'run (wall flash and packet panel)',
    query: 'level=hostile-neighbour',
    scene: 'play',
    reach: async (page) => {
      await waitForScene(page, 'play');
      await keys(page, 'Enter');
      await place(page, 'piece-type1-hypervisor', 0);
      // Para-virtual VMs (D): the level allows no emulated ones.
      await place(page, 'app-shop', 0);
      await keys(page, 'd');
      await place(page, 'app-game-mods', 0);
      await keys(page, 'd');
      await keys(page, 'Shift+Enter');
      await page.waitForFunction(() => ((window.kernelCourier?.runViz() as { walls?: unknown[] } | null)?.walls?.length ?? 0) > 0, undefined, { timeout: 60_000, polling: 50 });
      await keys(page, ' ', 'p');
    },
  },
  {
    name: 'debrief, score count-up',
    query: '',
    scene: 'debrief',
    samples: 10,
    reach: async (page) => {
      await page.evaluate(() => window.kernelCourier?.openDebrief('first-delivery'));
    },
  },
  debriefTab('score'),
  debriefTab('hops'),
  debriefTab('compare'),
  debriefTab('table'),
  { name: 'sandbox', query: 'mode=sandbox&packets=300', scene: 'sandbox', reach: async (page) => (await waitForScene(page, 'sandbox'), await page.waitForTimeout(1500)) },
  {
    // The widest board a level file may ask for (64 apps, bench/worstLevels.ts): cards too narrow for words.
    name: 'sandbox, the widest level file',
    query: '',
    scene: 'sandbox',
    reach: async (page) => (await page.evaluate((level) => window.kernelCourier?.playLevelFile(level), worstWideLevel() as never), await page.waitForTimeout(1500)),
  },
  {
    name: 'classroom join screen',
    query: () => {
      const url = new URL(joinLink(BASE_URL, SESSION));
      return `${url.search.slice(1)}${url.hash}`;
    },
    scene: 'classroom',
    reach: async (page) => waitForScene(page, 'classroom'),
  },
  {
    name: 'result-code overlay (my codes)',
    query: () => {
      const url = new URL(joinLink(BASE_URL, SESSION));
      return `${url.search.slice(1)}${url.hash}`;
    },
    scene: 'result-code',
    reach: async (page) => {
      await waitForScene(page, 'classroom');
      // The nickname dialog (HTML) first.
      if (await page.evaluate(() => document.querySelector('.kc-join input') !== null)) {
        await page.fill('.kc-join input', 'mina');
        await page.keyboard.press('Enter');
        await page.waitForTimeout(300);
      }
      await tabTo(page, 'classroom-codes');
      await keys(page, 'Enter');
      await waitForScene(page, 'result-code');
    },
  },
  {
    name: 'embed loading screen',
    query: '',
    scene: 'preloader',
    reach: async (page) => {
      // An embedded level, with the engine's chunk held back so its loading screen stays.
      await page.route(/engineScreens-[^/]*\.js$/, () => undefined);
      await page.goto(page.url().replace(/\?.*$/, `?${new URL(page.url()).searchParams.toString()}&mode=embed&level=first-delivery`));
      await waitForScene(page, 'preloader');
    },
  },
];

/** A text as kernelCourier.texts() reports it (src/game/ui/textAudit.ts). */
type Box = Omit<TextBox, 'scene'>;

function overlap(a: Box, b: Box): number {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return width > SLACK && height > SLACK ? Math.round(width * height) : 0;
}

const quote = (text: string) => JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);

/** What is wrong with the texts on show: overlapping pairs, texts out of their box or the window. */
async function problemsOn(page: Page, label: string, size: { width: number; height: number }): Promise<string[]> {
  const boxes = (await page.evaluate(() => window.kernelCourier?.texts() ?? [])) as Box[];
  const problems: string[] = [];
  for (let i = 0; i < boxes.length; i += 1) {
    const a = boxes[i]!;
    if (a.behindPackets) problems.push(`${label}: packets are drawn over the board's label ${quote(a.text)}`);
    if (a.overflows) problems.push(`${label}: ${quote(a.text)} runs out of its ${a.overflows.maxWidth}×${a.overflows.maxHeight} box`);
    if (a.x < -SLACK || a.y < -SLACK || a.x + a.width > size.width + SLACK || a.y + a.height > size.height + SLACK) {
      problems.push(`${label}: ${quote(a.text)} runs out of the window (${a.x},${a.y} ${a.width}×${a.height})`);
    }
    for (let j = i + 1; j < boxes.length; j += 1) {
      const b = boxes[j]!;
      if (a.covering || b.covering) continue;
      const area = overlap(a, b);
      if (area > 0) problems.push(`${label}: ${quote(a.text)} and ${quote(b.text)} overlap (${area} px²)`);
    }
  }
  return problems;
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('no text over text', () => {
  for (const locale of LOCALES) {
    it(`every screen at every size, ${locale}`, { timeout: 1_200_000 }, async () => {
      const found: string[] = [];
      const seen: string[] = [];
      for (const screen of SCREENS) {
        const query = typeof screen.query === 'function' ? screen.query() : screen.query;
        const open = (size: { width: number; height: number }) =>
          openGame(browser, [`locale=${locale}`, query].filter(Boolean).join('&'), { viewport: size, reducedMotion: screen.samples ? 'no-preference' : 'reduce' });
        if (screen.samples) {
          // Opened afresh at each size: the animation plays on the first showing only.
          for (const size of SIZES) {
            const opened = await open(size);
            try {
              await screen.reach(opened.page);
              const label = `${screen.name} [${locale}, ${size.width}×${size.height}]`;
              const problems = new Set<string>();
              for (let sample = 0; sample < screen.samples; sample += 1) {
                if ((await opened.page.evaluate(() => window.kernelCourier?.scene())) === screen.scene) {
                  for (const problem of await problemsOn(opened.page, label, size)) problems.add(problem);
                }
                await opened.page.waitForTimeout(100);
              }
              if ((await opened.page.evaluate(() => window.kernelCourier?.scene())) === screen.scene) seen.push(label);
              else found.push(`${label}: expected the ${screen.scene} screen`);
              found.push(...problems);
            } finally {
              await opened.context.close();
            }
          }
          continue;
        }
        const opened = await open(SIZES[0]);
        try {
          const { page } = opened;
          await screen.reach(page);
          for (const size of SIZES) {
            await page.setViewportSize(size);
            // The game follows a resize within its polling interval (250 ms) and rebuilds the screen.
            await page.waitForTimeout(600);
            const scene = await page.evaluate(() => window.kernelCourier?.scene());
            const label = `${screen.name} [${locale}, ${size.width}×${size.height}]`;
            if (scene !== screen.scene) {
              found.push(`${label}: expected the ${screen.scene} screen, found ${scene}`);
              continue;
            }
            seen.push(label);
            found.push(...(await problemsOn(page, label, size)));
          }
        } finally {
          await opened.context.close();
        }
      }
      expect(seen.length).toBe(SCREENS.length * SIZES.length);
      expect(found).toEqual([]);
    });
  }
});
