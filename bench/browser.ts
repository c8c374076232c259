// Browser benchmarks: the built game against the bare Phaser baseline (bench/baseline), in Debian's
// Chromium driven by playwright-core. Boot time under 4× CPU throttling, frame time with N packets in
// flight (Canvas), the first download's gzip size, and memory over a long sandbox run. Measures and
// reports; asserts nothing.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build } from 'vite';

const ROOT = resolve(import.meta.dirname, '..');
const CACHE = join(ROOT, 'node_modules', '.cache', 'kernel-courier-bench');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export function median(values: number[]): number {
  const sorted = [...values].sort((left, right) => left - right);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length === 0 ? Number.NaN : sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export function percentile(values: number[], fraction: number): number {
  const sorted = [...values].sort((left, right) => left - right);
  return sorted.length === 0 ? Number.NaN : sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))];
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.wav': 'audio/wav',
};

/** Serves /game/ and /baseline/ from their build folders, uncompressed (sizes are gzipped by the bench). */
export function serve(folders: Record<string, string>): Promise<{ server: Server; origin: string }> {
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const [, mount, ...rest] = url.pathname.split('/');
    const folder = folders[mount];
    let file = folder ? normalize(join(folder, rest.join('/') || 'index.html')) : '';
    if (file && existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!folder || !file.startsWith(folder) || !existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    response.end(readFileSync(file));
  });
  return new Promise((resolvePromise) => {
    server.listen(0, '127.0.0.1', () => {
      resolvePromise({ server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
    });
  });
}

export interface BrowserBench {
  origin: string;
  browser: Browser;
  close(): Promise<void>;
}

export async function startBrowserBench(): Promise<BrowserBench> {
  const gameDir = join(CACHE, 'game');
  const baselineDir = join(CACHE, 'baseline');
  await build({ root: ROOT, logLevel: 'warn', build: { outDir: gameDir, emptyOutDir: true } });
  await build({ root: join(ROOT, 'bench', 'baseline'), base: './', logLevel: 'warn', build: { outDir: baselineDir, emptyOutDir: true, chunkSizeWarningLimit: 4000 } });
  const { server, origin } = await serve({ game: gameDir, baseline: baselineDir });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  return {
    origin,
    browser,
    close: async () => {
      await browser.close();
      server.close();
    },
  };
}

export async function newPage(bench: BrowserBench, viewport = { width: 1280, height: 720 }): Promise<Page> {
  const context = await bench.browser.newContext({ viewport });
  return context.newPage();
}

/**
 * Calls the driver (the binding __kcReadyCall) the moment the page makes its ready mark (injected before the
 * page's scripts), so neither page is polled while it boots: polling (Playwright's waitForFunction) runs a
 * script in the page every 50 ms, and its first evaluation there compiles Playwright's helper script (50–100 ms
 * of the main thread at 4× throttling). Until the eighth session only the game's page was told this way (for its
 * first key) while bare Phaser's page was polled; measured back to back both ways, the difference was within
 * the machine's noise (ratio 1.18 and 1.19 told, 1.17 and 1.17 polled), but the two pages are now measured alike.
 */
function readyProbe(mark: string): string {
  return `(() => {
  const mark = performance.mark.bind(performance);
  performance.mark = (name, options) => {
    const entry = mark(name, options);
    if (name === ${JSON.stringify(mark)} && typeof window.__kcReadyCall === 'function') window.__kcReadyCall();
    return entry;
  };
})()`;
}

/**
 * Watches the first key after the ready mark (injected before the page's scripts): when the key went down,
 * when the game answered it (the page's focus moved to the accessible twin of the widget it focused) and
 * when the frame showing it was done (the first animation frame after that, plus the task after it). The key
 * is sent as soon as the ready mark calls the driver (readyProbe), and the probe calls __kcKeyShown when the
 * key's frame is done: the driver runs no script in the page until then.
 */
const FIRST_KEY_PROBE = `(() => {
  const probe = { down: 0, handled: 0, visible: 0 };
  window.__kcFirstKey = probe;
  addEventListener('keydown', (event) => { if (!probe.down) probe.down = event.timeStamp; }, true);
  document.addEventListener('focusin', () => {
    if (!probe.down || probe.handled) return;
    probe.handled = performance.now();
    requestAnimationFrame(() => setTimeout(() => {
      probe.visible = performance.now();
      if (typeof window.__kcKeyShown === 'function') window.__kcKeyShown();
    }, 0));
  }, true);
})()`;

interface BootOnce {
  ms: number;
  gzipBytes: number;
  files: number;
  /** The first key (Tab) pressed as soon as the driver saw the ready mark: ready → its frame done, and
   * the key's own latency (key down → frame done), ms. */
  firstKey?: { readyToVisibleMs: number; keyToVisibleMs: number };
}

/** A promise kept when the page calls `window[name]()` (a Playwright binding: no script of ours runs there). */
async function calledFromPage(page: Page, name: string): Promise<{ called: Promise<void> }> {
  let resolve: () => void = () => {};
  const called = new Promise<void>((resolvePromise) => (resolve = resolvePromise));
  await page.exposeBinding(name, () => resolve());
  // Wrapped: an awaited promise of a promise would wait for the call itself.
  return { called };
}

/** `promise`, or an error once `ms` pass without it. */
async function within(page: Page, promise: Promise<void>, ms: number, what: string): Promise<void> {
  await Promise.race([promise, page.waitForTimeout(ms).then(() => Promise.reject(new Error(`${what} in ${ms / 1000} s`)))]);
}

/** Milliseconds from navigation to the page's ready mark, with the CPU slowed `throttle` times. */
async function bootOnce(bench: BrowserBench, path: string, mark: string, throttle: number, firstKey = false): Promise<BootOnce> {
  const page = await newPage(bench);
  const readyCalled = (await calledFromPage(page, '__kcReadyCall')).called;
  await page.addInitScript(readyProbe(mark));
  let keyShown: Promise<void> = Promise.resolve();
  if (firstKey) {
    keyShown = (await calledFromPage(page, '__kcKeyShown')).called;
    await page.addInitScript(FIRST_KEY_PROBE);
  }
  const session = await page.context().newCDPSession(page);
  await session.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  const bodies = new Map<string, Promise<number>>();
  page.on('response', (response) => {
    if (!bodies.has(response.url())) bodies.set(response.url(), response.body().then((body) => gzipSync(body, { level: 9 }).length, () => 0));
  });
  await page.goto(`${bench.origin}${path}`);
  let key: BootOnce['firstKey'];
  await within(page, readyCalled, 120_000, 'no ready mark');
  if (firstKey) {
    // A player's first key, as soon as the menu is there.
    await page.keyboard.press('Tab');
    await within(page, keyShown, 30_000, 'the first key showed no frame');
    key = await page.evaluate((name) => {
      const probe = (window as unknown as { __kcFirstKey: { down: number; visible: number } }).__kcFirstKey;
      const readyAt = performance.getEntriesByName(name)[0].startTime;
      return { readyToVisibleMs: Math.round(probe.visible - readyAt), keyToVisibleMs: Math.round(probe.visible - probe.down) };
    }, mark);
  }
  // What the page asked for before it was ready (the document and every resource started by then): what
  // loads after (the engine screens' chunk, fetched in the background) is not part of the first download.
  const { ms, before } = await page.evaluate((name) => {
    const readyAt = performance.getEntriesByName(name)[0].startTime;
    const resources = performance.getEntriesByType('resource').filter((entry) => entry.startTime <= readyAt).map((entry) => entry.name);
    return { ms: readyAt, before: [location.href, ...resources] };
  }, mark);
  await page.waitForTimeout(300);
  const sizes = await Promise.all(before.map((url) => bodies.get(url) ?? Promise.resolve(0)));
  await page.context().close();
  return { ms, gzipBytes: sizes.reduce((sum, size) => sum + size, 0), files: sizes.length, ...(key ? { firstKey: key } : {}) };
}

export interface BootResult {
  runs: number;
  throttle: number;
  gameMs: number[];
  baselineMs: number[];
  gameMedianMs: number;
  baselineMedianMs: number;
  ratio: number;
  firstDownloadGzipBytes: number;
  firstDownloadFiles: number;
  baselineDownloadGzipBytes: number;
  /** Each run's first key: ready mark → the frame showing the key's effect, and key down → that frame (ms). */
  firstKeyReadyMs: number[];
  firstKeyLatencyMs: number[];
  firstKeyReadyMedianMs: number;
}

/** Interleaved runs: game, baseline, game, baseline… so machine noise hits both alike. */
export async function benchBoot(bench: BrowserBench, runs = 5, throttle = 4): Promise<BootResult> {
  const gameMs: number[] = [];
  const baselineMs: number[] = [];
  let download = { gzipBytes: 0, files: 0 };
  let baselineBytes = 0;
  const firstKeyReadyMs: number[] = [];
  const firstKeyLatencyMs: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const game = await bootOnce(bench, '/game/?locale=en&audio=disabled&renderer=canvas', 'kernel-courier-ready', throttle, true);
    if (game.firstKey) {
      firstKeyReadyMs.push(game.firstKey.readyToVisibleMs);
      firstKeyLatencyMs.push(game.firstKey.keyToVisibleMs);
    }
    const baseline = await bootOnce(bench, '/baseline/?n=0&renderer=canvas', 'baseline-ready', throttle);
    gameMs.push(Math.round(game.ms));
    baselineMs.push(Math.round(baseline.ms));
    download = { gzipBytes: game.gzipBytes, files: game.files };
    baselineBytes = baseline.gzipBytes;
  }
  return {
    runs,
    throttle,
    gameMs,
    baselineMs,
    gameMedianMs: median(gameMs),
    baselineMedianMs: median(baselineMs),
    ratio: Math.round((median(gameMs) / median(baselineMs)) * 100) / 100,
    firstDownloadGzipBytes: download.gzipBytes,
    firstDownloadFiles: download.files,
    baselineDownloadGzipBytes: baselineBytes,
    firstKeyReadyMs,
    firstKeyLatencyMs,
    firstKeyReadyMedianMs: median(firstKeyReadyMs),
  };
}

/** Frame figures over `seconds`: main-thread busy ms per frame (CDP TaskDuration) and frame intervals. */
export async function measureFrames(page: Page, seconds: number): Promise<{ mainThreadMsPerFrame: number; p95IntervalMs: number; medianIntervalMs: number; fps: number; inFlight: number; drawn: number }> {
  const session = await page.context().newCDPSession(page);
  await session.send('Performance.enable');
  const taskDuration = async () => {
    const { metrics } = await session.send('Performance.getMetrics');
    return metrics.find((metric) => metric.name === 'TaskDuration')?.value ?? 0;
  };
  // A string, not a function: the development transpiler would wrap named functions in a helper that
  // does not exist in the page.
  await page.evaluate(`(() => {
    const state = { stamps: [], inFlight: [], drawn: [], running: true };
    window.__frames = state;
    const tick = (time) => {
      state.stamps.push(time);
      // The game's packets in flight, every 30th frame (the baseline page has no such API).
      // and of those drawn (the game leaves out packets drawn on the same pixel as one of their kind, and
      // beyond 64 waiting at one hop: PacketLayer.ts).
      if (state.stamps.length % 30 === 0 && window.kernelCourier) {
        const stats = window.kernelCourier.stats();
        state.inFlight.push(stats.packetsInFlight);
        state.drawn.push(stats.packetsDrawn ?? stats.packetsInFlight);
      }
      if (state.running) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })()`);
  const before = await taskDuration();
  await page.waitForTimeout(seconds * 1000);
  const after = await taskDuration();
  const { stamps, inFlight, drawn } = (await page.evaluate(`(() => { window.__frames.running = false; return window.__frames; })()`)) as { stamps: number[]; inFlight: number[]; drawn: number[] };
  const intervals = stamps.slice(1).map((stamp, index) => stamp - stamps[index]);
  const frames = Math.max(1, intervals.length);
  return {
    mainThreadMsPerFrame: Math.round(((after - before) * 1000 / frames) * 100) / 100,
    p95IntervalMs: Math.round(percentile(intervals, 0.95) * 10) / 10,
    medianIntervalMs: Math.round(median(intervals) * 10) / 10,
    fps: Math.round((frames / seconds) * 10) / 10,
    inFlight: inFlight.length > 0 ? median(inFlight) : 0,
    drawn: drawn.length > 0 ? median(drawn) : 0,
  };
}

export type FrameFigures = Awaited<ReturnType<typeof measureFrames>>;

export interface FrameRow {
  packets: number;
  /** Windows measured for each page, alternating game and baseline. */
  rounds: number;
  /** Medians over the rounds (the game's packets in flight sampled during its windows). */
  game: FrameFigures;
  baseline: FrameFigures;
  /** Each round's main-thread ms per frame, for the spread. */
  gameRoundsMs: number[];
  baselineRoundsMs: number[];
  mainThreadRatio: number;
  p95Ratio: number;
}

async function sandboxInFlight(page: Page): Promise<number> {
  return page.evaluate(() => window.kernelCourier?.stats().packetsInFlight ?? -1);
}

/** Freezes or wakes a page (CDP Page lifecycle): a frozen page runs no task, so it takes no CPU from the other. */
export async function setFrozen(page: Page, frozen: boolean): Promise<void> {
  const session = await page.context().newCDPSession(page);
  await session.send('Page.setWebLifecycleState', { state: frozen ? 'frozen' : 'active' });
  await session.detach();
}

export function medianFigures(rounds: FrameFigures[]): FrameFigures {
  return {
    mainThreadMsPerFrame: median(rounds.map((round) => round.mainThreadMsPerFrame)),
    p95IntervalMs: median(rounds.map((round) => round.p95IntervalMs)),
    medianIntervalMs: median(rounds.map((round) => round.medianIntervalMs)),
    fps: median(rounds.map((round) => round.fps)),
    inFlight: Math.round(median(rounds.map((round) => round.inFlight))),
    drawn: Math.round(median(rounds.map((round) => round.drawn))),
  };
}

/**
 * The sandbox with `packets` in flight against the baseline moving as many images (Canvas). Both pages
 * stay open; measuring windows alternate between them (the other page frozen), so a noisy moment of the
 * machine falls on both alike, and the figures are the medians over the rounds.
 */
export async function benchFrames(bench: BrowserBench, counts = [500, 1000, 2000, 4000], seconds = 4, rounds = 3): Promise<FrameRow[]> {
  const rows: FrameRow[] = [];
  for (const packets of counts) {
    const gamePage = await newPage(bench);
    await gamePage.goto(`${bench.origin}/game/?mode=sandbox&packets=${packets}&renderer=canvas&audio=disabled&locale=en`);
    await gamePage.waitForFunction(() => window.kernelCourier?.scene() === 'sandbox', undefined, { timeout: 60_000 });
    // Let the load controller reach its target (new instances may have to boot) before measuring.
    const deadline = Date.now() + 45_000;
    while (Date.now() < deadline && (await sandboxInFlight(gamePage)) < packets * 0.9) await gamePage.waitForTimeout(1000);
    await setFrozen(gamePage, true);
    const basePage = await newPage(bench);
    await basePage.goto(`${bench.origin}/baseline/?n=${packets}&renderer=canvas`);
    await basePage.waitForFunction(() => performance.getEntriesByName('baseline-ready').length > 0, undefined, { timeout: 60_000 });
    await setFrozen(basePage, true);
    const game: FrameFigures[] = [];
    const baseline: FrameFigures[] = [];
    for (let round = 0; round < rounds; round += 1) {
      for (const [page, into] of [[gamePage, game], [basePage, baseline]] as const) {
        await setFrozen(page, false);
        await page.waitForTimeout(1000);
        into.push(await measureFrames(page, seconds));
        await setFrozen(page, true);
      }
    }
    await gamePage.context().close();
    await basePage.context().close();
    const gameMedian = medianFigures(game);
    const baselineMedian = medianFigures(baseline);
    rows.push({
      packets,
      rounds,
      game: gameMedian,
      // The baseline always moves exactly N images.
      baseline: { ...baselineMedian, inFlight: packets, drawn: packets },
      gameRoundsMs: game.map((round) => round.mainThreadMsPerFrame),
      baselineRoundsMs: baseline.map((round) => round.mainThreadMsPerFrame),
      mainThreadRatio: Math.round((gameMedian.mainThreadMsPerFrame / baselineMedian.mainThreadMsPerFrame) * 100) / 100,
      p95Ratio: Math.round((gameMedian.p95IntervalMs / baselineMedian.p95IntervalMs) * 100) / 100,
    });
  }
  return rows;
}

export interface MemoryResult {
  minutes: number[];
  heapMiB: number[];
  displayObjects: number[];
  /** Canvases Phaser's pool holds (one per live Text, plus canvas textures). */
  canvases: number[];
  heapGrowthPercent: number;
  displayObjectGrowthPercent: number;
}

/** A sandbox run at 4× speed: JS heap (after a forced GC) and live display objects at each mark. */
export async function benchMemory(bench: BrowserBench, marks = [1, 10], packets = 1000): Promise<MemoryResult> {
  const page = await newPage(bench);
  await page.goto(`${bench.origin}/game/?mode=sandbox&packets=${packets}&renderer=canvas&audio=disabled&locale=en`);
  await page.waitForFunction(() => window.kernelCourier?.scene() === 'sandbox', undefined, { timeout: 60_000 });
  await page.keyboard.press('4');
  const session = await page.context().newCDPSession(page);
  await session.send('Performance.enable');
  const started = Date.now();
  const heapMiB: number[] = [];
  const displayObjects: number[] = [];
  const canvases: number[] = [];
  for (const minute of marks) {
    const wait = minute * 60_000 - (Date.now() - started);
    if (wait > 0) await page.waitForTimeout(wait);
    await session.send('HeapProfiler.collectGarbage');
    const { metrics } = await session.send('Performance.getMetrics');
    heapMiB.push(Math.round(((metrics.find((metric) => metric.name === 'JSHeapUsedSize')?.value ?? 0) / 1048576) * 10) / 10);
    const stats = await page.evaluate(() => window.kernelCourier?.stats());
    displayObjects.push(stats?.displayObjects ?? -1);
    canvases.push(stats?.canvases ?? -1);
  }
  await page.context().close();
  const growth = (values: number[]) => Math.round(((values[values.length - 1] - values[0]) / values[0]) * 1000) / 10;
  return { minutes: marks, heapMiB, displayObjects, canvases, heapGrowthPercent: growth(heapMiB), displayObjectGrowthPercent: growth(displayObjects) };
}

export interface LongRunResult {
  minutes: number;
  packets: number;
  /** JS heap after a forced GC at the end of each minute, MiB. */
  heapMiB: number[];
  /** Heap growth from minute 1 to the last, %. */
  heapGrowthPercent: number;
  /** The longest interval between two frames after minute 1, ms, and how many exceeded 100 ms. */
  longestFrameMs: number;
  framesOver100Ms: number;
  frames: number;
  /** Long tasks (PerformanceObserver 'longtask', > 50 ms) after minute 1, and the longest. */
  longTasks: number;
  longestTaskMs: number;
  /** Whether the sandbox's run was still going at the end (it must not end within the measurement). */
  stillRunning: boolean;
  scene: string;
}

/**
 * The long run of issue 15 (BENCH_PARTS=longrun, not in the default list: 30 minutes): a sandbox run at
 * 4× speed with `packets` in flight; heap after a forced GC each minute, and every frame interval and long
 * task after minute 1 (the first minute is loading and warming up). The forced GCs are themselves
 * pauses, so the frame figures skip the half second after each.
 */
export async function benchLongRun(bench: BrowserBench, minutes = 30, packets = 1000): Promise<LongRunResult> {
  const page = await newPage(bench);
  await page.goto(`${bench.origin}/game/?mode=sandbox&packets=${packets}&renderer=canvas&audio=disabled&locale=en`);
  await page.waitForFunction(() => window.kernelCourier?.scene() === 'sandbox', undefined, { timeout: 60_000 });
  await page.keyboard.press('4');
  // A string, not a function (see measureFrames).
  await page.evaluate(`(() => {
    const state = { armed: false, last: 0, longest: 0, over100: 0, frames: 0, quietUntil: 0, longTasks: 0, longestTask: 0 };
    window.__longRun = state;
    const tick = (time) => {
      if (state.armed && state.last > 0 && time > state.quietUntil) {
        const interval = time - state.last;
        state.frames += 1;
        if (interval > state.longest) state.longest = interval;
        if (interval > 100) state.over100 += 1;
      }
      state.last = time;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    try {
      new PerformanceObserver((list) => {
        if (!state.armed) return;
        for (const entry of list.getEntries()) {
          if (entry.startTime < state.quietUntil) continue;
          state.longTasks += 1;
          if (entry.duration > state.longestTask) state.longestTask = entry.duration;
        }
      }).observe({ type: 'longtask', buffered: false });
    } catch (error) { state.noLongTasks = String(error); }
  })()`);
  const session = await page.context().newCDPSession(page);
  await session.send('Performance.enable');
  const started = Date.now();
  const heapMiB: number[] = [];
  for (let minute = 1; minute <= minutes; minute += 1) {
    const wait = minute * 60_000 - (Date.now() - started);
    if (wait > 0) await page.waitForTimeout(wait);
    await page.evaluate(`(() => { window.__longRun.quietUntil = performance.now() + 1e9; })()`);
    await session.send('HeapProfiler.collectGarbage');
    const { metrics } = await session.send('Performance.getMetrics');
    heapMiB.push(Math.round(((metrics.find((metric) => metric.name === 'JSHeapUsedSize')?.value ?? 0) / 1048576) * 10) / 10);
    await page.evaluate(`(() => { window.__longRun.quietUntil = performance.now() + 500; window.__longRun.armed = true; })()`);
    process.stderr.write(`longrun: minute ${minute}: heap ${heapMiB[heapMiB.length - 1]} MiB\n`);
  }
  const state = (await page.evaluate(`(() => window.__longRun)()`)) as { longest: number; over100: number; frames: number; longTasks: number; longestTask: number };
  const scene = await page.evaluate(() => window.kernelCourier?.scene() ?? '');
  // Packets still in flight at the end: the run was still going (an ended run has none).
  const stillRunning = (await sandboxInFlight(page)) > 0;
  await page.context().close();
  const first = heapMiB[0] ?? 0;
  const last = heapMiB[heapMiB.length - 1] ?? 0;
  return {
    minutes,
    packets,
    heapMiB,
    heapGrowthPercent: first > 0 ? Math.round(((last - first) / first) * 1000) / 10 : Number.NaN,
    longestFrameMs: Math.round(state.longest * 10) / 10,
    framesOver100Ms: state.over100,
    frames: state.frames,
    longTasks: state.longTasks,
    longestTaskMs: Math.round(state.longestTask),
    stillRunning,
    scene,
  };
}

export interface WorstFramesResult {
  level: string;
  /** The longest the page was busy at a stretch while the file was checked and its board built (from the
   * call to the board shown): the longest gap between two turns of a message loop, which answers between any
   * two tasks (the long-task API only sees tasks over 50 ms). */
  openTaskMs: number;
  /** The longest interval between two frames while the board was opened (from the call to the board shown). */
  openFrameMs: number;
  /** Frames watched (the whole run at 4× from its first frame, `seconds` long) and the longest interval
   * between two. */
  frames: number;
  longestFrameMs: number;
  framesOver50Ms: number;
  longTasks: number;
  longestTaskMs: number;
  /** When each long task started, in seconds from the run's first watched frame. */
  longTaskAtSeconds: number[];
  /** Packets in flight and drawn, medians of the samples. */
  inFlight: number;
  drawn: number;
}

/**
 * Opens each level file on the Sandbox's board (kernelCourier.playLevelFile: validation, the board built,
 * the run started), at 4×, and watches the page from the call: the longest task until the board is shown,
 * then every frame of the run's first `seconds` (its start included: instances boot, badges and panels
 * appear) — intervals over 50 ms and long tasks (PerformanceObserver 'longtask').
 */
export async function benchWorstFrames(bench: BrowserBench, levels: ReadonlyArray<{ id: string }>, seconds = 12): Promise<WorstFramesResult[]> {
  const results: WorstFramesResult[] = [];
  for (const level of levels) {
    const page = await newPage(bench);
    await page.goto(`${bench.origin}/game/?renderer=canvas&audio=disabled&locale=en`);
    await page.waitForFunction(() => window.kernelCourier?.scene() === 'menu', undefined, { timeout: 60_000 });
    await page.waitForTimeout(1000);
    // A string, not a function (see measureFrames).
    await page.evaluate(`(() => {
      const state = { watching: false, watchFrom: 0, openTask: 0, openFrame: 0, openLast: 0, pinging: false, pingLast: 0, last: 0, longest: 0, over50: 0, frames: 0, longTasks: 0, longTaskAt: [], longestTask: 0, inFlight: [], drawn: [], running: true };
      window.__worst = state;
      const tick = (time) => {
        if (!state.running) return;
        if (state.pinging) {
          if (state.openLast > 0) state.openFrame = Math.max(state.openFrame, time - state.openLast);
          state.openLast = time;
        }
        if (state.watching) {
          if (state.last > 0) {
            const interval = time - state.last;
            state.frames += 1;
            if (interval > state.longest) state.longest = interval;
            if (interval > 50) state.over50 += 1;
          }
          state.last = time;
          if (state.frames % 20 === 0) {
            const stats = window.kernelCourier.stats();
            state.inFlight.push(stats.packetsInFlight);
            state.drawn.push(stats.packetsDrawn ?? -1);
          }
        }
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
      // While the board is opened: a message loop whose turns come between tasks; its longest gap is the
      // longest the page could not answer.
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        if (!state.pinging) return;
        const now = performance.now();
        state.openTask = Math.max(state.openTask, now - state.pingLast);
        state.pingLast = now;
        channel.port2.postMessage(0);
      };
      state.ping = () => {
        state.pinging = true;
        state.pingLast = performance.now();
        channel.port2.postMessage(0);
      };
      new PerformanceObserver((list) => {
        if (!state.running) return;
        for (const entry of list.getEntries()) {
          // Entries arrive a while after their task: sorted by when the task started.
          if (!state.watching || entry.startTime < state.watchFrom) {
            state.openTask = Math.max(state.openTask, entry.duration);
            continue;
          }
          state.longTasks += 1;
          state.longTaskAt.push(Math.round((entry.startTime - state.watchFrom) / 100) / 10);
          if (entry.duration > state.longestTask) state.longestTask = entry.duration;
        }
      }).observe({ type: 'longtask', buffered: false });
    })()`);
    await page.evaluate((file) => {
      (window as unknown as { __worst: { ping(): void } }).__worst.ping();
      return window.kernelCourier!.playLevelFile(file);
    }, level as never);
    // The board is shown: the run is watched from the task after the frame that follows (the long task
    // that built the board has ended by then), and sped up to 4× once watched (the key is part of the run).
    await page.evaluate(`new Promise((resolve) => requestAnimationFrame(() => setTimeout(() => { window.__worst.pinging = false; window.__worst.watchFrom = performance.now(); window.__worst.watching = true; resolve(); }, 0)))`);
    await page.keyboard.press('4');
    await page.waitForTimeout(seconds * 1000);
    const state = (await page.evaluate(`(() => { window.__worst.running = false; return window.__worst; })()`)) as { openTask: number; openFrame: number; longest: number; over50: number; frames: number; longTasks: number; longTaskAt: number[]; longestTask: number; inFlight: number[]; drawn: number[] };
    await page.context().close();
    results.push({
      level: level.id,
      openTaskMs: Math.round(state.openTask),
      openFrameMs: Math.round(state.openFrame * 10) / 10,
      frames: state.frames,
      longestFrameMs: Math.round(state.longest * 10) / 10,
      framesOver50Ms: state.over50,
      longTasks: state.longTasks,
      longestTaskMs: Math.round(state.longestTask),
      longTaskAtSeconds: state.longTaskAt,
      inFlight: Math.round(median(state.inFlight)),
      drawn: Math.round(median(state.drawn)),
    });
  }
  return results;
}
