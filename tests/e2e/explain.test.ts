// Pieces and card icons explain themselves (issue 17, items 1 and 5), checked in a real browser: the
// callout's words are read through kernelCourier.texts() (the callout's texts sit on their own plate:
// `covering`), focus through the accessible twin, placing through the widgets (a piece being placed says
// "selected"; the hint bar's Next-hint button leaves while something is placed). Also the side panel with
// an app selected (every provisioning control inside it) and the campaign ending (no tab selected).
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

interface Box {
  id?: string;
  text?: string;
  label?: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

const WORDS = {
  en: { type1: /^Type-1 hypervisor: runs directly on the hardware/, vm: /^Virtual machine: a whole guest OS/, disk: /■ Disk: 2\.4 packets a second/, untrusted: /⚠ Untrusted: this app may attack/, legend: /⚠ untrusted: may attack its neighbours · Linux · tenant gamma .*■ disk 1\.2, ● network 0\.4, ▲ system calls 0\.2/ },
  ko: { type1: /^Type-1 하이퍼바이저: 하드웨어 위에 바로/, vm: /^가상머신: 자기 커널을 가진 게스트 OS/, disk: /■ 디스크: 인스턴스마다 초당 패킷 2\.4개/, untrusted: /⚠ 신뢰할 수 없음: 실행 중에 이웃을 공격할 수/, legend: /⚠ 신뢰할 수 없음: 이웃을 공격할 수 있어요 · 리눅스 · 고객사 gamma.*■ 디스크 1\.2, ● 네트워크 0\.4, ▲ 시스템 콜 0\.2/ },
} as const;

async function widget(page: Page, id: string): Promise<Box> {
  const found = await page.evaluate((wanted) => window.kernelCourier?.widgets().find((entry) => entry.id === wanted), id);
  if (!found) throw new Error(`no widget ${id} on ${await sceneOf(page)}`);
  return found;
}

function widgetIds(page: Page): Promise<string[]> {
  return page.evaluate(() => window.kernelCourier?.widgets().map((entry) => entry.id) ?? []);
}

/** The words of the explanation on show ('' when none). */
async function callout(page: Page): Promise<string> {
  const texts = await page.evaluate(() => window.kernelCourier?.texts?.() ?? []);
  return texts
    .filter((entry) => entry.covering)
    .map((entry) => entry.text.replace(/\s+/g, ' '))
    .join(' ');
}

async function clickWidget(page: Page, id: string): Promise<void> {
  const box = await widget(page, id);
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await page.waitForTimeout(150);
}

async function tap(page: Page, x: number, y: number): Promise<void> {
  await page.touchscreen.tap(x, y);
  await page.waitForTimeout(200);
}

async function tapWidget(page: Page, id: string): Promise<void> {
  const box = await widget(page, id);
  await tap(page, box.x + box.width / 2, box.y + box.height / 2);
}

/** The rate "2.4" printed on the card `id` (its ■ disk rate: the first rate of the row). */
async function diskRate(page: Page, id: string): Promise<Box> {
  const card = await widget(page, id);
  const texts = await page.evaluate(() => window.kernelCourier?.texts?.() ?? []);
  const rate = texts.find((entry) => entry.text === '2.4' && entry.x >= card.x && entry.x <= card.x + card.width && entry.y >= card.y && entry.y <= card.y + card.height);
  if (!rate) throw new Error(`no disk rate on ${id}`);
  return rate;
}

/** The centre of the colour swatch (the piece's icon) of a palette item. */
async function swatchOf(page: Page, id: string): Promise<{ x: number; y: number }> {
  const box = await widget(page, id);
  return { x: box.x + box.height * 0.22 + 8, y: box.y + box.height / 2 };
}

/** Nothing is being placed: no piece says "selected" and the hint bar keeps its Next-hint button. */
async function notPlacing(page: Page): Promise<void> {
  const widgets = await page.evaluate(() => window.kernelCourier?.widgets() ?? []);
  expect(widgets.filter((entry) => entry.id.startsWith('piece-') && /selected|선택/.test(entry.label)).map((entry) => entry.id)).toEqual([]);
  expect(widgets.map((entry) => entry.id)).toContain('hint-next');
}

describe('pieces and card icons explain themselves (issue 17, item 1)', () => {
  for (const locale of ['en', 'ko'] as const) {
    it(`on mouse hover and on keyboard focus, without taking focus; Escape hides it (${locale})`, async () => {
      const words = WORDS[locale];
      const { page, problems, context } = await openGame(browser, `level=no-translation&locale=${locale}`);
      await waitForScene(page, 'play');
      await clickWidget(page, 'brief-start');
      // Hover: a piece of the palette, then the disk rate of an app card in the tray.
      const piece = await widget(page, 'piece-type1-hypervisor');
      await page.mouse.move(piece.x + piece.width / 2, piece.y + piece.height / 2);
      await page.waitForTimeout(200);
      expect(await callout(page)).toMatch(words.type1);
      const rate = await diskRate(page, 'app-shop-a');
      await page.mouse.move(rate.x + rate.width / 2, rate.y + rate.height / 2);
      await page.waitForTimeout(200);
      expect(await callout(page)).toMatch(words.disk);
      await page.mouse.move(2, 2);
      await page.waitForTimeout(200);
      expect(await callout(page)).toBe('');
      // Focus: the explanation shows beside the focused item, which keeps the focus; its twin carries it.
      await tabTo(page, 'piece-vm');
      await page.waitForTimeout(200);
      expect(await callout(page)).toMatch(words.vm);
      expect(await focusedWidget(page)).toBe('piece-vm');
      const description = await page.evaluate(() => document.querySelector('[data-kc-mirror="piece-vm"]')?.getAttribute('aria-description') ?? '');
      expect(description.replace(/\s+/g, ' ')).toMatch(words.vm);
      await tabTo(page, 'app-forum-c');
      await page.waitForTimeout(200);
      // The card's icons in a short legend beside it; each icon's full words for screen readers.
      expect(await callout(page)).toMatch(words.legend);
      const cardDescription = await page.evaluate(() => document.querySelector('[data-kc-mirror="app-forum-c"]')?.getAttribute('aria-description') ?? '');
      expect(cardDescription).toMatch(words.untrusted);
      expect(cardDescription.split('⚠').length - 1).toBe(1);
      expect(await focusedWidget(page)).toBe('app-forum-c');
      // Escape hides it and stays on the build (nothing was selected); focus stays too.
      await page.keyboard.press('Escape');
      await page.waitForTimeout(200);
      expect(await callout(page)).toBe('');
      expect(await widgetIds(page)).toContain('piece-vm');
      expect(await focusedWidget(page)).toBe('app-forum-c');
      expect(problems).toEqual([]);
      await context.close();
    });
  }

  it('Escape with something selected hides the explanation and still clears the selection', async () => {
    const { page, problems, context } = await openGame(browser, 'level=no-translation&locale=en');
    await waitForScene(page, 'play');
    await clickWidget(page, 'brief-start');
    await clickWidget(page, 'piece-type1-hypervisor');
    await clickWidget(page, 'node-hardware');
    const hypervisor = (await widgetIds(page)).find((id) => id.startsWith('node-type1'))!;
    await clickWidget(page, hypervisor);
    expect(await widgetIds(page)).toContain('inspect-remove');
    const piece = await widget(page, 'piece-vm');
    await page.mouse.move(piece.x + piece.width / 2, piece.y + piece.height / 2);
    await page.waitForTimeout(200);
    expect(await callout(page)).toMatch(WORDS.en.vm);
    await page.keyboard.press('Escape');
    await page.waitForTimeout(200);
    expect(await callout(page)).toBe('');
    expect(await widgetIds(page)).not.toContain('inspect-remove');
    expect(await widgetIds(page)).toContain('piece-vm');
    expect(problems).toEqual([]);
    await context.close();
  });

  for (const locale of ['en', 'ko'] as const) {
    it(`on a touch tap, which neither picks nor places; a second tap or a tap elsewhere hides it (${locale})`, async () => {
      const words = WORDS[locale];
      const { page, problems, context } = await openGame(browser, `level=no-translation&locale=${locale}`, { touch: true });
      await waitForScene(page, 'play');
      await tapWidget(page, 'brief-start');
      // The piece's icon.
      const swatch = await swatchOf(page, 'piece-type1-hypervisor');
      await tap(page, swatch.x, swatch.y);
      expect(await callout(page)).toMatch(words.type1);
      await notPlacing(page);
      await tap(page, swatch.x, swatch.y);
      expect(await callout(page)).toBe('');
      await tap(page, swatch.x, swatch.y);
      expect(await callout(page)).toMatch(words.type1);
      // The screen's title (the widest words of the top bar: not a button).
      const title = await page.evaluate(() => (window.kernelCourier?.texts?.() ?? []).filter((entry) => !entry.covering && entry.y < 80).sort((left, right) => right.width - left.width)[0]);
      await tap(page, title!.x + title!.width / 2, title!.y + title!.height / 2);
      expect(await callout(page)).toBe('');
      // A card's icon: the disk rate of an app in the tray.
      const rate = await diskRate(page, 'app-shop-a');
      await tap(page, rate.x + rate.width / 2, rate.y + rate.height / 2);
      expect(await callout(page)).toMatch(words.disk);
      await notPlacing(page);
      // A tap elsewhere on the piece still picks it, as before (and hides the explanation).
      await tapWidget(page, 'piece-type1-hypervisor');
      expect(await callout(page)).toBe('');
      expect((await widget(page, 'piece-type1-hypervisor')).label).toMatch(/selected|선택/);
      expect(problems).toEqual([]);
      await context.close();
    });
  }
});

describe('side panel and ending (issue 17, item 5)', () => {
  const cases = [
    { locale: 'en', width: 1280, height: 720, touch: false },
    { locale: 'ko', width: 1280, height: 720, touch: false },
    { locale: 'en', width: 1920, height: 1080, touch: false },
    { locale: 'ko', width: 768, height: 1024, touch: true },
  ] as const;
  for (const { locale, width, height, touch } of cases) {
    it(`with an app selected every provisioning control lies inside the side panel (${locale}, ${width}×${height})`, async () => {
      const { page, problems, context } = await openGame(browser, `level=no-translation&locale=${locale}`, { viewport: { width, height }, touch });
      await waitForScene(page, 'play');
      const press = (id: string) => (touch ? tapWidget(page, id) : clickWidget(page, id));
      await press('brief-start');
      await press('piece-type1-hypervisor');
      await press('node-hardware');
      await press('app-shop-a');
      await press((await widgetIds(page)).find((id) => id.startsWith('node-type1'))!);
      await press('app-shop-a');
      const widgets = await page.evaluate(() => window.kernelCourier?.widgets() ?? []);
      const controls = widgets.filter((entry) => entry.id.startsWith('inspect-'));
      expect(controls.map((entry) => entry.id)).toEqual(expect.arrayContaining(['inspect-move', 'inspect-unplace', 'inspect-driver', 'inspect-prepull', 'inspect-spares-down', 'inspect-spares-up']));
      // The panel starts at its "Memory" readout and ends above the Run button (beside it in portrait).
      const texts = await page.evaluate(() => window.kernelCourier?.texts?.() ?? []);
      const memory = texts.find((entry) => entry.text === (locale === 'en' ? 'Memory' : '메모리'))!;
      const run = widgets.find((entry) => entry.id === 'run')!;
      const right = width > height ? run.x + run.width : width;
      for (const control of controls) {
        expect(control.y, control.id).toBeGreaterThan(memory.y);
        expect(control.y + control.height, control.id).toBeLessThanOrEqual(run.y - 4);
        expect(control.x + control.width, control.id).toBeLessThanOrEqual(right);
      }
      const prePull = texts.find((entry) => entry.text === (locale === 'en' ? 'Pre-pull image' : '이미지 미리 받기'))!;
      const button = controls.find((entry) => entry.id === 'inspect-prepull')!;
      expect(prePull.y + prePull.height).toBeLessThanOrEqual(button.y + button.height);
      expect(problems).toEqual([]);
      await context.close();
    });
  }

  it('while the campaign ending shows, no debrief tab looks or reads as selected', async () => {
    const { page, problems, context } = await openGame(browser, 'locale=en');
    const last = await page.evaluate(() => window.kernelCourier?.levels().at(-1));
    await page.evaluate((id) => window.kernelCourier?.openDebrief(id as string), last);
    await waitForScene(page, 'debrief');
    const tabs = () => page.evaluate(() => (window.kernelCourier?.widgets() ?? []).filter((entry) => entry.id.startsWith('tab-')));
    expect((await tabs()).filter((tab) => /selected/.test(tab.label)).map((tab) => tab.id)).toEqual(['tab-score']);
    await clickWidget(page, 'debrief-next');
    expect(await page.evaluate(() => (window.kernelCourier?.texts?.() ?? []).map((entry) => entry.text).join(' '))).toMatch(/What you learned/);
    expect((await tabs()).filter((tab) => /selected/.test(tab.label)).map((tab) => tab.id)).toEqual([]);
    const current = await page.evaluate(() => [...document.querySelectorAll('[data-kc-mirror^="tab-"]')].filter((node) => node.getAttribute('aria-current') === 'true').length);
    expect(current).toBe(0);
    // A tab brings the tabs back, and that tab is the selected one.
    await clickWidget(page, 'tab-hops');
    expect((await tabs()).filter((tab) => /selected/.test(tab.label)).map((tab) => tab.id)).toEqual(['tab-hops']);
    expect(problems).toEqual([]);
    await context.close();
  });
});
