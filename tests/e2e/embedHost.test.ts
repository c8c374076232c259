// The game embedded in a course page of another origin, as a course author would try it: the example
// host page (docs/examples/host.html) is served on a second 127.0.0.1 port and frames the built game with
// mode=embed. The game is a good guest (no focus taken on load, Tab leaves it at both ends, the wheel
// scrolls the host), speaks the §6 postMessage API, answers commands only from its parent at parentOrigin,
// and keeps progress in memory, handed to the host, when the frame may not save.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import { BASE_URL, launchBrowser } from './browser';

const HOST_HTML = readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'examples', 'host.html'), 'utf8');
const GAME_ORIGIN = new URL(BASE_URL).origin;

let browser: Browser;
let server: Server;
let hostOrigin = '';
beforeAll(async () => {
  browser = await launchBrowser();
  server = createServer((request, response) => {
    if (request.url?.startsWith('/host.html')) {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(HOST_HTML);
    } else if (request.url === '/favicon.ico') {
      response.writeHead(204).end();
    } else {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  hostOrigin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

interface Message {
  type: string;
  [key: string]: unknown;
}

interface Opened {
  context: BrowserContext;
  page: Page;
  game: Frame;
  problems: string[];
}

async function openHost(query: Record<string, string> = {}, init?: string, viewport = { width: 1100, height: 800 }, expectReady = true): Promise<Opened> {
  const context = await browser.newContext({ viewport });
  if (init) await context.addInitScript(init);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  const search = new URLSearchParams({ game: BASE_URL, level: 'first-delivery', ...query });
  await page.goto(`${hostOrigin}/host.html?${search.toString()}`);
  if (expectReady) {
    await page.waitForFunction(() => (window as unknown as { kcMessages: Message[] }).kcMessages.some((message) => message.type === 'ready'), undefined, { timeout: 30_000 });
  } else {
    await page.waitForFunction((origin) => [...document.querySelectorAll('iframe')].some((frame) => frame.src.startsWith(origin)), GAME_ORIGIN);
    await page.waitForTimeout(500);
  }
  const game = page.frames().find((frame) => frame.url().startsWith(GAME_ORIGIN));
  if (!game) throw new Error('the game frame is missing');
  await game.waitForFunction(() => window.kernelCourier?.scene() === 'play', undefined, { timeout: 30_000 });
  return { context, page, game, problems };
}

function messages(page: Page): Promise<Message[]> {
  return page.evaluate(() => (window as unknown as { kcMessages: Message[] }).kcMessages);
}

function send(page: Page, type: string, fields: Record<string, unknown> = {}): Promise<Message> {
  return page.evaluate(([kind, extra]) => (window as unknown as { kcSend(t: string, f: object): Promise<Message> }).kcSend(kind as string, extra as object), [type, fields] as const);
}

/** The id of the element focused in the host page, or `iframe` while the game's frame has focus. */
function hostFocus(page: Page): Promise<string> {
  return page.evaluate(() => {
    const active = document.activeElement;
    return active?.tagName === 'IFRAME' ? 'iframe' : (active?.id ?? active?.tagName ?? '');
  });
}

describe('embedded in a page of another origin', () => {
  it('takes no focus on load: the autofocus input above the frame keeps its typing', async () => {
    const { page, context, problems } = await openHost();
    await page.waitForTimeout(800);
    expect(await hostFocus(page)).toBe('note');
    await page.keyboard.type('Ada');
    expect(await page.inputValue('#note')).toBe('Ada');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('Tab walks through the game and leaves it after its last control; Shift+Tab leaves before its first', async () => {
    const { page, game, context } = await openHost();
    await page.focus('#note');
    const widgets = await game.evaluate(() => window.kernelCourier?.widgets().length ?? 0);
    expect(widgets).toBeGreaterThan(1);
    const limit = widgets + 8;
    await page.keyboard.press('Tab');
    expect(await hostFocus(page)).toBe('iframe');
    let presses = 1;
    const visitedInGame = new Set<string>();
    while ((await hostFocus(page)) === 'iframe' && presses < limit) {
      const inGame = await game.evaluate(() => document.activeElement?.getAttribute('data-kc-mirror') ?? document.activeElement?.className ?? '');
      visitedInGame.add(inGame);
      await page.keyboard.press('Tab');
      presses += 1;
    }
    expect(await hostFocus(page)).toBe('after');
    // It went through the game's controls and the embed bar's link on the way.
    expect(visitedInGame.has('brief-start')).toBe(true);
    expect(visitedInGame.has('kc-embed-full')).toBe(true);

    presses = 0;
    await page.keyboard.press('Shift+Tab');
    expect(await hostFocus(page)).toBe('iframe');
    while ((await hostFocus(page)) === 'iframe' && presses < limit) {
      await page.keyboard.press('Shift+Tab');
      presses += 1;
    }
    expect(await hostFocus(page)).toBe('note');
    await context.close();
  });

  it('the wheel over the game scrolls the host page', async () => {
    const { page, context } = await openHost();
    const box = await page.locator('#kernel-courier').boundingBox();
    if (!box) throw new Error('no frame box');
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, 500);
    await page.waitForFunction(() => window.scrollY > 100, undefined, { timeout: 5_000 });
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(100);
    await context.close();
  });

  it('posts ready, levelStarted, resize, levelCompleted and progress, and answers each command', async () => {
    const { page, game, context, problems } = await openHost();
    const early = await messages(page);
    expect(early).toContainEqual({ source: 'kernel-courier', version: 1, type: 'ready', levels: ['first-delivery'] });
    expect(early).toContainEqual({ source: 'kernel-courier', version: 1, type: 'levelStarted', level: 'first-delivery', attempt: 1 });
    const resize = early.find((message) => message.type === 'resize');
    expect(resize?.height).toBeGreaterThan(300);

    // Finishing the level (its reference build) reports the score, then progress.
    await game.evaluate(() => window.kernelCourier?.openDebrief('first-delivery'));
    await page.waitForFunction(() => (window as unknown as { kcMessages: Message[] }).kcMessages.some((message) => message.type === 'progress'));
    const after = await messages(page);
    const completed = after.find((message) => message.type === 'levelCompleted');
    expect(completed).toMatchObject({ source: 'kernel-courier', version: 1, level: 'first-delivery', arch: 'native' });
    expect(completed?.stars).toBeGreaterThanOrEqual(1);
    expect(after.filter((message) => message.type === 'progress').at(-1)).toMatchObject({ completed: 1, total: 1 });

    expect(await send(page, 'getProgress')).toMatchObject({ type: 'reply', ok: true, progress: { completed: 1, total: 1 } });
    expect(await send(page, 'startLevel', { level: 'mixed-fleet' })).toMatchObject({ type: 'reply', ok: false, error: 'unknownLevel' });
    expect(await send(page, 'startLevel', { level: 'first-delivery' })).toMatchObject({ type: 'reply', ok: true });
    expect(await game.evaluate(() => window.kernelCourier?.scene())).toBe('play');
    expect(await send(page, 'setLocale', { locale: 'ko' })).toMatchObject({ type: 'reply', ok: true });
    expect(await game.evaluate(() => document.documentElement.lang)).toBe('ko');
    expect(await game.evaluate(() => document.querySelector('.kc-embed-full')?.textContent)).toContain('전체 게임');
    expect(await send(page, 'setLocale', { locale: 'xx' })).toMatchObject({ ok: false, error: 'unknownLocale' });
    expect(await send(page, 'pause')).toMatchObject({ type: 'reply', ok: true });
    expect(await send(page, 'resume')).toMatchObject({ type: 'reply', ok: true });
    expect(problems).toEqual([]);
    await context.close();
  });

  it('ignores commands from another origin, another window, or of a bad shape', async () => {
    // The game expects its parent at another origin: the host's commands change nothing (and the game's
    // own messages, addressed to that origin, never reach this page).
    const wrongOrigin = await openHost({ parentOrigin: 'http://127.0.0.1:9' }, undefined, undefined, false);
    await wrongOrigin.page.evaluate(() => {
      const frame = document.getElementById('kernel-courier') as HTMLIFrameElement;
      frame.contentWindow?.postMessage({ target: 'kernel-courier', version: 1, type: 'setLocale', locale: 'ko', id: 'w' }, '*');
    });
    await wrongOrigin.page.waitForTimeout(600);
    expect(await wrongOrigin.game.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await messages(wrongOrigin.page)).toEqual([]);
    await wrongOrigin.context.close();

    const { page, game, context } = await openHost();
    // Another window: a second frame in the host page (same origin as the host) posts to the game.
    await page.evaluate((gameOrigin) => {
      const other = document.body.appendChild(document.createElement('iframe'));
      other.srcdoc = '<p>other</p>';
      return new Promise<void>((resolve) => {
        other.onload = () => {
          const script = other.contentDocument!.createElement('script');
          script.textContent = `parent.document.getElementById('kernel-courier').contentWindow.postMessage({ target: 'kernel-courier', version: 1, type: 'setLocale', locale: 'ko', id: 'x' }, '${gameOrigin}');`;
          other.contentDocument!.body.append(script);
          resolve();
        };
      });
    }, GAME_ORIGIN);
    // The game's own window posting to itself is not its parent either.
    await game.evaluate(() => window.postMessage({ target: 'kernel-courier', version: 1, type: 'setLocale', locale: 'ko', id: 'y' }, '*'));
    // Bad shapes from the right window and origin.
    await page.evaluate((gameOrigin) => {
      const target = (document.getElementById('kernel-courier') as HTMLIFrameElement).contentWindow!;
      for (const data of [
        { target: 'kernel-courier', version: 1, type: 'setLocale', id: 'z1' },
        { target: 'kernel-courier', version: 2, type: 'setLocale', locale: 'ko', id: 'z2' },
        { target: 'kernel-courier', version: 1, type: 'setLocale', locale: 'ko' },
        { target: 'kernel-courier', version: 1, type: 'format-disk', id: 'z3' },
        'setLocale ko',
        null,
      ]) {
        target.postMessage(data, gameOrigin);
      }
    }, GAME_ORIGIN);
    await page.waitForTimeout(800);
    expect(await game.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await game.evaluate(() => window.kernelCourier?.scene())).toBe('play');
    expect((await messages(page)).filter((message) => message.type === 'reply')).toEqual([]);
    // The right window, origin and shape still works afterwards.
    expect(await send(page, 'getProgress')).toMatchObject({ ok: true });
    await context.close();
  });

  it('storage blocked in the frame: one quiet line, no notice over the game, progress handed to the host', async () => {
    const blockInGame = `if (location.origin === ${JSON.stringify(GAME_ORIGIN)}) Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('blocked', 'SecurityError'); } });`;
    const { page, game, context, problems } = await openHost({}, blockInGame);
    const bar = await game.evaluate(() => {
      const line = document.querySelector<HTMLElement>('#kc-embed-bar .kc-embed-quiet');
      return { hidden: line?.hidden, text: line?.textContent ?? '', notices: document.querySelectorAll('#notices .kc-notice').length };
    });
    expect(bar).toEqual({ hidden: false, text: expect.stringContaining('kept for this visit') as unknown as string, notices: 0 });
    await game.evaluate(() => window.kernelCourier?.openDebrief('first-delivery'));
    await page.waitForFunction(() => (window as unknown as { kcMessages: Message[] }).kcMessages.some((message) => message.type === 'progress'));
    expect((await messages(page)).filter((message) => message.type === 'progress').at(-1)).toMatchObject({ completed: 1, total: 1 });
    expect(await send(page, 'getProgress')).toMatchObject({ progress: { completed: 1, total: 1 } });
    expect(problems).toEqual([]);
    await context.close();
  });
});
