// The shipped build under a strict Content-Security-Policy (README, "Content-Security-Policy"): with the
// documented policy, sent as a header on the page, the game becomes ready, plays a level and makes sound
// without a single violation (no inline style or script, so no hashes are needed); with a policy that
// leaves out `img-src data:`, which Phaser needs for its built-in textures, the page says in plain HTML,
// in the player's language, what is wrong instead of staying blank.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { RECOMMENDED_CSP } from '../../src/app/startupGuard';
import { BASE_URL, launchBrowser, waitForScene } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const RECORD_VIOLATIONS = `
  window.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (event) => {
    window.__cspViolations.push(event.effectiveDirective + ' ' + event.blockedURI);
  });
`;

/** Opens the game with `policy` as the page's Content-Security-Policy header. */
async function openWithPolicy(policy: string, query: string): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  await context.addInitScript(RECORD_VIOLATIONS);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console error: ${message.text()}`);
  });
  await page.route('**/*', async (route) => {
    if (route.request().resourceType() !== 'document') return route.continue();
    const response = await route.fetch();
    await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': policy } });
  });
  await page.goto(`${BASE_URL}?${query}`);
  return { context, page, errors };
}

function violations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);
}

/** The policy a school may send (issue 14, docs/embedding.md "Content-Security-Policy"). */
const EMBED_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; media-src 'self' data: blob:; connect-src 'self'; frame-ancestors *";

describe('Content-Security-Policy', () => {
  it.each([
    ['the documented policy', RECOMMENDED_CSP, 'locale=en'],
    ['the embedding policy of docs/embedding.md, embedded', EMBED_CSP, 'locale=en&mode=embed&level=first-delivery'],
  ])('%s: ready, a level played, sound unlocked, no violation', async (_name, policy, query) => {
    const { page, context, errors } = await openWithPolicy(policy, query);
    await page.waitForFunction(() => window.kernelCourier !== undefined, undefined, { timeout: 20_000 });
    await page.evaluate(() => window.kernelCourier?.ready);
    expect(await page.evaluate(() => window.kernelCourier?.scene())).toBe(query.includes('level=') ? 'play' : 'menu');
    // The plain-HTML loading screen has made way for the game.
    await page.waitForFunction(() => document.getElementById('kc-loading') === null);
    // A key press unlocks sound (Howler), then a level opens (the lazily loaded engine screens).
    await page.keyboard.press('Tab');
    await page.evaluate(() => window.kernelCourier?.startLevel('first-delivery'));
    await waitForScene(page, 'play');
    await page.waitForTimeout(1500);
    expect(await violations(page)).toEqual([]);
    expect(errors).toEqual([]);
    expect(await page.evaluate(() => document.getElementById('kc-startup-error')?.hidden)).toBe(true);
    // The page's own styles come from a file: no inline <style> is left.
    expect(await page.evaluate(() => document.querySelectorAll('style').length)).toBe(0);
    await context.close();
  });

  it.each([
    ['en', RECOMMENDED_CSP.replace("img-src 'self' data:", "img-src 'self'"), 'security policy', 'img-src'],
    ['ko', RECOMMENDED_CSP.replace("img-src 'self' data:", "img-src 'self'"), '보안 정책', 'img-src'],
    // The strictest a school may send: everything falls back to default-src.
    ['en', "default-src 'self'", 'security policy', 'img-src'],
    ['ko', "default-src 'self'", '보안 정책', 'img-src'],
  ])('without img-src data: the page says what is wrong (%s, under %s)', async (locale, policy, words, directive) => {
    const { page, context } = await openWithPolicy(policy, `locale=${locale}`);
    await page.waitForSelector('#kc-startup-error:not([hidden])', { timeout: 20_000 });
    const region = await page.evaluate(() => {
      const element = document.getElementById('kc-startup-error');
      return { role: element?.getAttribute('role'), text: element?.textContent ?? '', visible: (element?.getBoundingClientRect().height ?? 0) > 0 };
    });
    expect(region.role).toBe('alert');
    expect(region.visible).toBe(true);
    expect(region.text).toContain(words);
    expect(region.text).toContain(directive);
    expect(region.text).toContain("img-src 'self' data:");
    expect(await violations(page)).toEqual(expect.arrayContaining([expect.stringMatching(/^img-src data/)]));
    await context.close();
  });
});
