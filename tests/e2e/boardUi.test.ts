// The board and debrief UI bugs found in play (issue 17, item 5), each checked in a real browser: what the
// screen shows is read through kernelCourier.widgets() (focusable widgets) and kernelCourier.texts() (every
// visible text with its bounds); where only a drawing tells (the memory warning), the Canvas renderer's
// pixels are read.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openGame, sceneOf, waitForScene } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

interface TextBox {
  text: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

function texts(page: Page): Promise<TextBox[]> {
  return page.evaluate(() => window.kernelCourier?.texts?.() ?? []);
}

function widgetIds(page: Page): Promise<string[]> {
  return page.evaluate(() => window.kernelCourier?.widgets().map((widget) => widget.id) ?? []);
}

async function clickWidget(page: Page, id: string): Promise<void> {
  const widget = await page.evaluate((wanted) => window.kernelCourier?.widgets().find((entry) => entry.id === wanted), id);
  if (!widget) throw new Error(`no widget ${id} on ${await sceneOf(page)}: ${(await widgetIds(page)).join(', ')}`);
  await page.mouse.click(widget.x + widget.width / 2, widget.y + widget.height / 2);
  await page.waitForTimeout(120);
}

async function tapWidget(page: Page, id: string): Promise<void> {
  const widget = await page.evaluate((wanted) => window.kernelCourier?.widgets().find((entry) => entry.id === wanted), id);
  if (!widget) throw new Error(`no widget ${id}`);
  await page.touchscreen.tap(widget.x + widget.width / 2, widget.y + widget.height / 2);
  await page.waitForTimeout(150);
}

async function openLevel(page: Page): Promise<void> {
  await waitForScene(page, 'play');
  await clickWidget(page, 'brief-start');
}

/** The id of the first board node whose id starts with `prefix`. */
async function nodeId(page: Page, prefix: string): Promise<string> {
  const ids = await widgetIds(page);
  const found = ids.find((id) => id.startsWith(`node-${prefix}`));
  if (!found) throw new Error(`no node ${prefix}: ${ids.join(', ')}`);
  return found;
}

describe('board UI (issue 17)', () => {
  it('a selected VM has a Remove button, and it removes the VM', async () => {
    const { page, problems, context } = await openGame(browser, 'level=no-translation&locale=en');
    await openLevel(page);
    await clickWidget(page, 'piece-type1-hypervisor');
    await clickWidget(page, 'node-hardware');
    await clickWidget(page, 'piece-vm');
    await clickWidget(page, await nodeId(page, 'type1'));
    const vm = await nodeId(page, 'vm');
    await clickWidget(page, vm);
    expect(await widgetIds(page)).toEqual(expect.arrayContaining(['inspect-kernel', 'inspect-driver', 'inspect-remove']));
    await clickWidget(page, 'inspect-remove');
    expect((await widgetIds(page)).filter((id) => id.startsWith('node-vm'))).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it("the memory warning's sign does not cover its words, and the hatching stays inside the bar", async () => {
    const { page, problems, context } = await openGame(browser, 'level=pack-the-server&locale=en&renderer=canvas');
    await openLevel(page);
    await clickWidget(page, 'piece-type1-hypervisor');
    await clickWidget(page, 'node-hardware');
    // One VM per instance for nine instances: more than the 10 GiB of the machine.
    const hypervisor = await nodeId(page, 'type1');
    for (const app of ['api', 'worker', 'blog']) {
      await clickWidget(page, `app-${app}`);
      await clickWidget(page, hypervisor);
    }
    await page.mouse.move(2, 2);
    await page.waitForTimeout(300);
    const all = await texts(page);
    const value = all.find((entry) => entry.text.startsWith('Too much!'));
    const label = all.find((entry) => entry.text === 'Memory');
    expect(value).toBeTruthy();
    expect(label).toBeTruthy();
    const found = await page.evaluate(
      ({ value, label }) => {
        const canvas = document.querySelector('canvas') as HTMLCanvasElement;
        const context = canvas.getContext('2d') as CanvasRenderingContext2D;
        const ratio = canvas.width / canvas.getBoundingClientRect().width;
        const pixels = (x: number, y: number, width: number, height: number) => context.getImageData(Math.round(x * ratio), Math.round(y * ratio), Math.max(1, Math.round(width * ratio)), Math.max(1, Math.round(height * ratio))).data;
        // The sign's red (danger: R high, G and B low) inside the words' box: the words' own pink has G ≥ 0.55 R.
        // The sign is next to the label: the words must not reach it either.
        const box = pixels(Math.min(value.x, label.x + label.width), value.y, value.x + value.width - Math.min(value.x, label.x + label.width), value.height);
        let signInWords = 0;
        for (let index = 0; index < box.length; index += 4) if (box[index]! > 200 && box[index + 1]! < 110 && box[index + 2]! < 110) signInWords += 1;
        // Right of the bar's end (the value's right edge), under the label row: the plate's colour, as in the
        // label row just above it (hatching strokes past the end of the bar would darken it).
        const right = value.x + value.width;
        const barTop = value.y + value.height;
        const strip = pixels(right + 1, barTop, 6, 24);
        const above = pixels(right + 1, label.y + 2, 12, 4);
        const level = (data: Uint8ClampedArray) => {
          let sum = 0;
          for (let index = 0; index < data.length; index += 4) sum += data[index]! + data[index + 1]! + data[index + 2]!;
          return sum / (data.length / 4);
        };
        let darkest = Infinity;
        for (let index = 0; index < strip.length; index += 4) darkest = Math.min(darkest, strip[index]! + strip[index + 1]! + strip[index + 2]!);
        return { signInWords, darkest, plate: level(above) };
      },
      { value: value as TextBox, label: label as TextBox },
    );
    expect(found.signInWords).toBe(0);
    expect(found.darkest).toBeGreaterThan(found.plate * 0.8);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('on a tablet: no heading over "…and N more", the pieces are "below", and no keyboard hints until a key is pressed', async () => {
    const { page, problems, context } = await openGame(browser, 'level=pack-the-server&locale=en', { viewport: { width: 768, height: 1024 }, touch: true });
    await waitForScene(page, 'play');
    expect((await texts(page)).map((entry) => entry.text).join(' | ')).not.toMatch(/\bEnter\b/);
    await tapWidget(page, 'brief-start');
    const empty = (await texts(page)).map((entry) => entry.text).join(' | ');
    expect(empty).not.toMatch(/on the left/);
    expect(empty).toMatch(/below/);
    await tapWidget(page, 'piece-type1-hypervisor');
    await tapWidget(page, 'node-hardware');
    const shown = (await texts(page)).map((entry) => entry.text);
    const keyHint = /\((H|Del|K|D)\)|Ctrl\+|Press H|Shift\+Enter|\bEsc\b|arrows, Enter/;
    expect(shown.filter((text) => keyHint.test(text))).toEqual([]);
    if (shown.includes('A new instance starts in')) expect(shown.some((text) => /^[\w-]+: (not placed|[\d.]+ s)/.test(text))).toBe(true);
    expect(shown.filter((text) => /^…and \d+ more$/.test(text) && !shown.some((other) => /^[\w-]+: (not placed|[\d.]+ s)/.test(other)))).toEqual([]);
    // A key pressed on the tablet's keyboard brings the hints back (K on the hypervisor: "select a host OS or
    // a VM first", and the board is drawn again).
    await page.keyboard.press('k');
    await page.waitForTimeout(200);
    expect((await texts(page)).map((entry) => entry.text).some((text) => keyHint.test(text))).toBe(true);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('placing an app says what each host makes of it: one VM per instance on a hypervisor, a shared VM on a VM', async () => {
    const { page, problems, context } = await openGame(browser, 'level=no-translation&locale=en');
    await openLevel(page);
    await clickWidget(page, 'piece-type1-hypervisor');
    await clickWidget(page, 'node-hardware');
    const hypervisor = await nodeId(page, 'type1');
    await clickWidget(page, 'piece-vm');
    await clickWidget(page, hypervisor);
    const vm = await nodeId(page, 'vm');
    await clickWidget(page, 'app-shop-a');
    await clickWidget(page, vm);
    await clickWidget(page, 'app-shop-b');
    const shown = (await texts(page)).map((entry) => entry.text);
    expect(shown).toContain('→ shares this VM with shop-a');
    expect(shown).toContain('→ one VM per instance: 2 VMs');
    const labels = await page.evaluate(() => window.kernelCourier?.widgets().map((widget) => widget.label) ?? []);
    expect(labels.some((label) => /place here, one VM per instance: 2 VMs/.test(label))).toBe(true);
    await clickWidget(page, hypervisor);
    // The placed app's inspector says how it runs.
    expect((await texts(page)).map((entry) => entry.text).join(' ')).toMatch(/Runs as 2 VMs, one per instance, on Type-1 hypervisor/);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('every app card says the same things in the same order (trust · kernel · tenant)', async () => {
    const { page, problems, context } = await openGame(browser, 'level=no-translation&locale=en');
    await openLevel(page);
    // The three cards' second lines: each starts with its trust, then its kernel (and its tenant where it fits).
    const subtitles = (await texts(page)).map((entry) => entry.text).filter((text) => / · Linux\b/.test(text));
    expect(subtitles).toHaveLength(3);
    for (const subtitle of subtitles) expect(subtitle).toMatch(/^(trusted|untrusted) · Linux( · tenant \w+)?/);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('a click on a placed app selects it (no move); Escape clears the selection and stays on the board', async () => {
    const { page, problems, context } = await openGame(browser, 'level=first-delivery&locale=en');
    await openLevel(page);
    await clickWidget(page, 'piece-host-os');
    await clickWidget(page, 'node-hardware');
    const host = await nodeId(page, 'host');
    await clickWidget(page, 'app-shop');
    await clickWidget(page, host);
    await clickWidget(page, 'app-shop');
    const labels = await page.evaluate(() => window.kernelCourier?.widgets().map((widget) => widget.label) ?? []);
    expect(labels.filter((label) => /place here/.test(label))).toEqual([]);
    expect((await texts(page)).map((entry) => entry.text).filter((text) => /^Place shop/.test(text))).toEqual([]);
    expect(await widgetIds(page)).toEqual(expect.arrayContaining(['inspect-move', 'inspect-unplace']));
    // Escape with something selected clears it, and the board stays (not back to the brief).
    await page.keyboard.press('Escape');
    await page.waitForTimeout(200);
    const ids = await widgetIds(page);
    expect(ids).not.toContain('brief-start');
    expect(ids).not.toContain('inspect-move');
    expect(ids).toContain('app-shop');
    // With nothing selected, Escape goes back as before.
    await page.keyboard.press('Escape');
    await page.waitForTimeout(300);
    expect((await widgetIds(page)).includes('brief-start') || (await sceneOf(page)) !== 'play').toBe(true);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('the event log lists a cause above its effect (the attack above the breach)', async () => {
    const { page, problems, context } = await openGame(browser, 'level=hostile-neighbour&locale=en');
    await openLevel(page);
    await clickWidget(page, 'piece-host-os');
    await clickWidget(page, 'node-hardware');
    await clickWidget(page, 'piece-container-engine');
    await clickWidget(page, await nodeId(page, 'host'));
    const engine = await nodeId(page, 'engine');
    for (const app of ['shop', 'game-mods']) {
      await clickWidget(page, `app-${app}`);
      await clickWidget(page, engine);
    }
    await page.keyboard.press('Shift+Enter');
    await page.waitForTimeout(300);
    await page.keyboard.press('4');
    await page.waitForFunction(() => (window.kernelCourier?.texts?.() ?? []).some((entry) => /tenant \w+ breached/.test(entry.text)), undefined, { timeout: 60_000 });
    await page.keyboard.press(' ');
    const lines = (await texts(page)).filter((entry) => /^\d+\.\d s · /.test(entry.text));
    const attack = lines.find((entry) => /launched an attack/.test(entry.text));
    const breach = lines.find((entry) => /breached/.test(entry.text));
    expect(attack).toBeTruthy();
    expect(breach).toBeTruthy();
    expect((attack as TextBox).y).toBeLessThan((breach as TextBox).y);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('the debrief: its title is centred on the screen, and no developer text (doc paths, "the seeds") shows', async () => {
    const { page, problems, context } = await openGame(browser, 'locale=en');
    await page.evaluate(() => window.kernelCourier?.openDebrief('no-translation'));
    await waitForScene(page, 'debrief');
    const title = (await texts(page)).find((entry) => entry.text.startsWith('Debrief:'));
    expect(title).toBeTruthy();
    const width = await page.evaluate(() => window.innerWidth);
    expect(Math.abs((title as TextBox).x + (title as TextBox).width / 2 - width / 2)).toBeLessThan(3);
    const seen: string[] = [];
    for (const tab of ['1', '2', '3', '4']) {
      await page.keyboard.press(tab);
      await page.waitForTimeout(300);
      seen.push(...(await texts(page)).map((entry) => entry.text));
    }
    expect(seen.filter((text) => /docs\/|\.md\b|§|\bseeds\b/i.test(text))).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('feedback and an ending (issue 17, item 4)', () => {
  it('"You will learn" is not in the brief; the debrief shows what the level taught', async () => {
    const { page, problems, context } = await openGame(browser, 'level=no-translation&locale=en');
    await waitForScene(page, 'play');
    const brief = (await texts(page)).map((entry) => entry.text).join(' ');
    expect(brief).not.toMatch(/You will learn/);
    expect(brief).not.toMatch(/Type-1 is faster than Type-2/);
    await page.evaluate(() => window.kernelCourier?.openDebrief('no-translation'));
    await waitForScene(page, 'debrief');
    await page.keyboard.press('4');
    await page.waitForTimeout(300);
    expect((await texts(page)).map((entry) => entry.text).join(' ')).toMatch(/Type-1 is faster than Type-2/);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('three stars are celebrated (said aloud too), also under reduced motion', async () => {
    for (const reducedMotion of ['no-preference', 'reduce'] as const) {
      const { page, problems, context } = await openGame(browser, 'locale=en', { reducedMotion });
      await page.evaluate(() => window.kernelCourier?.openDebrief('first-delivery'));
      await waitForScene(page, 'debrief');
      const result = await page.evaluate(() => window.kernelCourier?.lastResult() as unknown as { score: { stars: number } });
      expect(result.score.stars).toBe(3);
      await page.waitForFunction(() => /Three stars!/.test(document.getElementById('kc-screen-status')?.textContent ?? ''), undefined, { timeout: 10_000 });
      expect(problems).toEqual([]);
      await context.close();
    }
  });

  it('the last level opens the ending (total stars, what was learned), not a locked "Next level"', async () => {
    const { page, problems, context } = await openGame(browser, 'locale=en');
    const last = await page.evaluate(() => window.kernelCourier?.levels().at(-1));
    await page.evaluate((id) => window.kernelCourier?.openDebrief(id as string), last);
    await waitForScene(page, 'debrief');
    const next = await page.evaluate(() => window.kernelCourier?.widgets().find((widget) => widget.id === 'debrief-next'));
    expect(next?.enabled).toBe(true);
    expect(next?.label).toMatch(/See the ending/);
    await clickWidget(page, 'debrief-next');
    const shown = (await texts(page)).map((entry) => entry.text).join(' ');
    expect(shown).toMatch(/\d+ of \d+ stars in the campaign/);
    expect(shown).toMatch(/What you learned/);
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('run speed (issue 17, item 3)', () => {
  it('runs start at 2×; Settings changes it to 4×, and the choice is kept over a reload', async () => {
    const { page, problems, context } = await openGame(browser, 'level=first-delivery&locale=en');
    await openLevel(page);
    await clickWidget(page, 'piece-host-os');
    await clickWidget(page, 'node-hardware');
    await clickWidget(page, 'app-shop');
    await clickWidget(page, await nodeId(page, 'host'));
    await page.keyboard.press('Shift+Enter');
    await page.waitForTimeout(400);
    const selectedSpeed = () => page.evaluate(() => window.kernelCourier?.widgets().find((widget) => /^speed-\d$/.test(widget.id) && /selected/.test(widget.label))?.id);
    expect(await selectedSpeed()).toBe('speed-2');
    await clickWidget(page, 'top-settings');
    await waitForScene(page, 'settings');
    const before = await page.evaluate(() => window.kernelCourier?.widgets().find((widget) => widget.id === 'settings-run-speed')?.label);
    expect(before).toMatch(/Runs start at 2×/);
    await clickWidget(page, 'settings-run-speed');
    await page.reload();
    await page.waitForFunction(() => window.kernelCourier !== undefined);
    await page.evaluate(() => window.kernelCourier?.ready);
    await waitForScene(page, 'play');
    await clickWidget(page, 'brief-start');
    await clickWidget(page, 'piece-host-os');
    await clickWidget(page, 'node-hardware');
    await clickWidget(page, 'app-shop');
    await clickWidget(page, await nodeId(page, 'host'));
    await page.keyboard.press('Shift+Enter');
    await page.waitForTimeout(400);
    expect(await selectedSpeed()).toBe('speed-4');
    expect(problems).toEqual([]);
    await context.close();
  });
});
