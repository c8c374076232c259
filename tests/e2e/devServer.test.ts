// The README's first command, `npm start`, serves the game through Vite's development server: it must
// reach the menu and open a level there too, with no console error (assets are served differently in
// development than in the production build).
import { resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';
import { launchBrowser } from './browser';

let browser: Browser;
let server: ViteDevServer;
let origin = '';

beforeAll(async () => {
  server = await createServer({ root: resolve(import.meta.dirname, '..', '..'), logLevel: 'warn', server: { port: 0, host: '127.0.0.1', strictPort: false } });
  await server.listen();
  origin = `http://127.0.0.1:${(server.httpServer?.address() as AddressInfo).port}`;
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('development server (npm start)', () => {
  it('loads the game to the menu and opens a level', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(`${origin}/?locale=en`);
    await page.waitForFunction(() => window.kernelCourier?.scene() === 'menu', undefined, { timeout: 60_000 });
    await page.evaluate(() => window.kernelCourier?.startLevel('first-delivery'));
    await page.waitForFunction(() => window.kernelCourier?.scene() === 'play', undefined, { timeout: 60_000 });
    expect(problems).toEqual([]);
    await context.close();
  });
});
