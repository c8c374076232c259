// Runs that show the difference (issue 17 item 3), in a real browser: packets stop at each hop for a time
// proportional to the engine's cost there (measured on screen through kernelCourier.runViz()), a
// para-virtual VM's exit is drawn as a hypercall and an emulated one as a trapped VM exit, a wall that
// stops an attack flashes and says what it stopped (a steady outline under reduced motion), and a packet
// picked by `P` or a click shows its path with the engine's µs at each hop, inside the board.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { SERVICE_US } from '../../src/sim/costs';
import { launchBrowser, openGame, waitForScene, place } from './browser';

interface Rect { x: number; y: number; width: number; height: number }
interface Stop { hop: string; driver: string | null; kind: number; shownUs: number; engineUs: number }
interface Lane { id: string; stops: Stop[]; hypercallMarks: number; vmExitMarks: number }
interface Panel { id: number; app: string; kind: 'disk' | 'net' | 'syscall'; state: string; hops: Array<{ hop: string; waitUs: number; serviceUs: number; mark: string }>; totalUs: number; text: string; rect: Rect }
interface PlayViz { speed: number; walls: Array<{ text: string; reason: string; rects: Rect[]; label: Rect | null; steady: boolean }>; panel: Panel | null; board: Rect; packets: Array<{ id: number; x: number; y: number }> }

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function inside(inner: Rect, outer: Rect): boolean {
  return inner.x >= outer.x - 1 && inner.y >= outer.y - 1 && inner.x + inner.width <= outer.x + outer.width + 1 && inner.y + inner.height <= outer.y + outer.height + 1;
}

const playViz = (page: Page): Promise<PlayViz | null> => page.evaluate(() => window.kernelCourier?.runViz() as PlayViz | null);

/** The engine's µs per request at a hop of a para-virtual Type-1 VM's path, by packet kind. */
function engineUs(hop: string, kind: 'disk' | 'net' | 'syscall'): number {
  const k = ['disk', 'net', 'syscall'].indexOf(kind);
  switch (hop) {
    case 'guest-kernel':
      return SERVICE_US.kernel[k];
    case 'vm-exit':
      return SERVICE_US.vmExit.para[k];
    case 'backend':
      return SERVICE_US.backend.para[k];
    case 'disk':
      return SERVICE_US.disk[k];
    case 'nic':
      return SERVICE_US.nic[k];
    default:
      return Number.NaN;
  }
}

/** hostile-neighbour with both apps in para-virtual VMs on a Type-1 hypervisor: the kernel exploit at 10 s is
 * stopped by the attacker's VM wall. Runs until that wall flashes. */
async function runHostileNeighbour(page: Page): Promise<void> {
  await waitForScene(page, 'play');
  await page.keyboard.press('Enter');
  await place(page, 'piece-type1-hypervisor', 0);
  await place(page, 'app-shop', 0);
  await page.keyboard.press('d');
  await place(page, 'app-game-mods', 0);
  await page.keyboard.press('d');
  await page.keyboard.press('Shift+Enter');
  await page.waitForFunction(() => ((window.kernelCourier?.runViz() as PlayViz | null)?.walls.length ?? 0) > 0, undefined, { timeout: 60_000, polling: 50 });
}

describe('runs that show the difference', () => {
  it('stops packets at the device backend in proportion to its cost: emulated vs para-virtual by the engine\'s ratio, with their marks', async () => {
    const { page, problems, context } = await openGame(browser, 'mode=race&level=hypercall-express&seed=7&locale=en&audio=disabled');
    await waitForScene(page, 'race', 60_000);
    await page.waitForTimeout(600);
    await page.keyboard.press('1');
    await page.keyboard.press(' ');
    await page.waitForFunction(
      () => {
        const info = window.kernelCourier?.runViz() as { lanes: Lane[] } | null;
        return (info?.lanes ?? []).length === 2 && (info?.lanes ?? []).every((lane) => lane.stops.filter((stop) => stop.hop === 'backend' && stop.kind === 0).length >= 7);
      },
      undefined,
      { timeout: 90_000, polling: 250 },
    );
    const { lanes } = (await page.evaluate(() => window.kernelCourier?.runViz())) as { lanes: Lane[] };
    const lane = (id: string) => lanes.find((entry) => entry.id === id) as Lane;
    const backend = (entry: Lane) => entry.stops.filter((stop) => stop.hop === 'backend' && stop.kind === 0);
    const full = backend(lane('type1-full'));
    const para = backend(lane('type1-para'));
    expect(new Set(full.map((stop) => stop.driver))).toEqual(new Set(['emulated']));
    expect(new Set(para.map((stop) => stop.driver))).toEqual(new Set(['para']));
    // The engine's cost at the backend (per packet): emulated 60 µs, para-virtual 26 µs per request.
    const engineRatio = median(full.map((stop) => stop.engineUs)) / median(para.map((stop) => stop.engineUs));
    expect(engineRatio).toBeCloseTo(SERVICE_US.backend.emulated[0] / SERVICE_US.backend.para[0], 5);
    // On screen: the stops differ by the same ratio (frames make each measure a little off).
    const shownRatio = median(full.map((stop) => stop.shownUs)) / median(para.map((stop) => stop.shownUs));
    expect(shownRatio / engineRatio).toBeGreaterThan(0.75);
    expect(shownRatio / engineRatio).toBeLessThan(1.33);
    // And each stop is long enough to see: at least the engine's own time.
    expect(median(para.map((stop) => stop.shownUs))).toBeGreaterThan(median(para.map((stop) => stop.engineUs)));
    // The para-virtual VMs' exits are drawn as hypercalls, the emulated ones as trapped VM exits.
    expect(lane('type1-para').hypercallMarks).toBeGreaterThan(0);
    expect(lane('type1-para').vmExitMarks).toBe(0);
    expect(lane('type1-full').vmExitMarks).toBeGreaterThan(0);
    expect(lane('type1-full').hypercallMarks).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  }, 150_000);

  it('flashes the VM wall that stopped the kernel exploit, says so, and shows a packet\'s path with the engine\'s µs (P, click, Esc)', async () => {
    const { page, problems, context } = await openGame(browser, 'level=hostile-neighbour&locale=en&audio=disabled');
    await runHostileNeighbour(page);
    let viz = (await playViz(page)) as PlayViz;
    const wall = viz.walls[0];
    expect(wall.text).toBe('Stopped: Kernel exploit from game-mods');
    expect(wall.reason).toBe('vm');
    expect(wall.steady).toBe(false);
    expect(wall.rects.length).toBeGreaterThan(0);
    expect(wall.label && inside(wall.label, viz.board)).toBe(true);
    const texts = await page.evaluate(() => window.kernelCourier?.texts().map((text) => text.text) ?? []);
    expect(texts).toContain('Stopped: Kernel exploit from game-mods');
    await page.waitForFunction(() => /Stopped: Kernel exploit from game-mods/.test(document.getElementById('kc-a11y')?.textContent ?? ''), undefined, { timeout: 5_000 });

    // P: the next packet's path, each hop with the engine's µs per request.
    await page.keyboard.press(' ');
    await page.keyboard.press('p');
    await page.waitForFunction(() => (window.kernelCourier?.runViz() as PlayViz | null)?.panel !== null, undefined, { timeout: 5_000 });
    viz = (await playViz(page)) as PlayViz;
    const panel = viz.panel as Panel;
    expect(panel.hops.length).toBeGreaterThan(0);
    for (const hop of panel.hops) expect(hop.serviceUs).toBeCloseTo(engineUs(hop.hop, panel.kind), 6);
    expect(panel.totalUs).toBeCloseTo(panel.hops.reduce((sum, hop) => sum + hop.waitUs + hop.serviceUs, 0), 6);
    if (panel.kind !== 'syscall') expect(panel.hops.find((hop) => hop.hop === 'vm-exit')?.mark).toBe('hypercall');
    expect(panel.text).toContain('µs');
    expect(inside(panel.rect, viz.board)).toBe(true);
    const said = await page.evaluate(() => document.getElementById('kc-a11y')?.textContent ?? '');
    expect(said).toContain(`packet from ${panel.app}`);

    // A click on another packet (the run is paused, so it stays where it is drawn) picks that one.
    const other = viz.packets.find((packet) => packet.id !== panel.id && !inside({ x: packet.x, y: packet.y, width: 0, height: 0 }, panel.rect));
    if (other) {
      await page.mouse.click(other.x, other.y);
      await page.waitForFunction((id) => (window.kernelCourier?.runViz() as PlayViz | null)?.panel?.id === id, other.id, { timeout: 5_000 });
    }
    // Escape closes the panel and stays in the run.
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => (window.kernelCourier?.runViz() as PlayViz | null)?.panel === null, undefined, { timeout: 5_000 });
    expect(await page.evaluate(() => window.kernelCourier?.scene())).toBe('play');
    expect(problems).toEqual([]);
    await context.close();
  }, 120_000);

  it('under reduced motion the wall shows a steady outline; in Korean it says what it stopped', async () => {
    const { page, problems, context } = await openGame(browser, 'level=hostile-neighbour&locale=ko&reducedMotion=true&audio=disabled');
    await runHostileNeighbour(page);
    const viz = (await playViz(page)) as PlayViz;
    expect(viz.walls[0].steady).toBe(true);
    expect(viz.walls[0].text).toMatch(/^막음: game-mods의 /);
    expect(problems).toEqual([]);
    await context.close();
  }, 120_000);

  for (const [locale, words] of [['en', ['Hypercall (para-virtual)', 'VM exit, trapped (emulated)']], ['ko', ['하이퍼콜 (반가상화)', '트랩된 VM exit (에뮬레이션)']]] as const) {
    for (const viewport of [{ width: 768, height: 1024 }, { width: 1280, height: 720 }]) {
      it(`names both marks of a VM's exit in the run screen's legend (${locale}, ${viewport.width}×${viewport.height})`, async () => {
        const { page, problems, context } = await openGame(browser, `locale=${locale}&audio=disabled`, { viewport });
        await waitForScene(page, 'menu', 30_000);
        await page.evaluate(() => window.kernelCourier?.openDebrief('hypercall-express', {}));
        await waitForScene(page, 'debrief', 30_000);
        await page.evaluate(() => (document.querySelector('#kc-a11y button[data-kc-mirror="debrief-retry"]') as HTMLButtonElement | null)?.click());
        await waitForScene(page, 'play', 30_000);
        await page.keyboard.press('Shift+Enter');
        await page.waitForFunction(() => (window.kernelCourier?.runViz() as PlayViz | null)?.board !== undefined, undefined, { timeout: 30_000 });
        await page.waitForTimeout(500);
        const texts = (await page.evaluate(() => window.kernelCourier?.texts() ?? [])) as Array<Rect & { text: string; overflows?: unknown }>;
        for (const word of words) {
          const shown = texts.find((text) => text.text === word);
          // On screen, whole, inside the window (a portrait legend once had no room for these two).
          expect(shown, word).toBeDefined();
          expect(shown?.overflows, word).toBeUndefined();
          expect(inside(shown as Rect, { x: 0, y: 0, ...viewport }), word).toBe(true);
        }
        expect(problems).toEqual([]);
        await context.close();
      }, 90_000);
    }
  }
});
