// First contentful paint of the built game under Lighthouse's mobile throttling, emulated with the
// Chrome DevTools Protocol: CPU slowed 4×, network at 150 ms round trip, 1.6 Mbps down and 750 kbps up
// (Lighthouse's "Slow 4G" figures), a 412×823 phone viewport, an empty cache each load. Several loads;
// reports the median and the spread. Measures and reports; asserts nothing (goal ≤ 1.5 s, issue 14).
import type { BrowserBench } from './browser';
import { median } from './browser';

export interface PaintResult {
  runs: number;
  /** First contentful paint, ms, per load. */
  fcpMs: number[];
  fcpMedianMs: number;
  fcpMinMs: number;
  fcpMaxMs: number;
  /** When the first interactive screen was shown (the `kernel-courier-ready` mark), ms, median. */
  readyMedianMs: number;
  throttle: { cpu: number; rttMs: number; downKbps: number; upKbps: number };
}

export const LIGHTHOUSE_MOBILE = { cpu: 4, rttMs: 150, downKbps: 1638.4, upKbps: 750 };

export async function benchFirstPaint(bench: BrowserBench, runs = 5, path = '/game/'): Promise<PaintResult> {
  const fcp: number[] = [];
  const ready: number[] = [];
  const throttle = LIGHTHOUSE_MOBILE;
  for (let run = 0; run < runs; run += 1) {
    const context = await bench.browser.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    const session = await context.newCDPSession(page);
    await session.send('Network.enable');
    await session.send('Network.setCacheDisabled', { cacheDisabled: true });
    await session.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: throttle.rttMs,
      downloadThroughput: (throttle.downKbps * 1024) / 8,
      uploadThroughput: (throttle.upKbps * 1024) / 8,
    });
    await session.send('Emulation.setCPUThrottlingRate', { rate: throttle.cpu });
    await page.goto(`${bench.origin}${path}?locale=en&audio=disabled`, { waitUntil: 'commit' });
    await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0, undefined, { timeout: 120_000, polling: 100 });
    fcp.push(await page.evaluate(() => Math.round(performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN)));
    await page.waitForFunction(() => performance.getEntriesByName('kernel-courier-ready').length > 0, undefined, { timeout: 180_000, polling: 250 });
    ready.push(await page.evaluate(() => Math.round(performance.getEntriesByName('kernel-courier-ready')[0]?.startTime ?? Number.NaN)));
    await context.close();
  }
  return {
    runs,
    fcpMs: fcp,
    fcpMedianMs: Math.round(median(fcp)),
    fcpMinMs: Math.min(...fcp),
    fcpMaxMs: Math.max(...fcp),
    readyMedianMs: Math.round(median(ready)),
    throttle,
  };
}

export function paintLine(result: PaintResult): string {
  return [
    `First contentful paint, Lighthouse mobile throttling (CPU ${result.throttle.cpu}×, ${result.throttle.rttMs} ms RTT, ${result.throttle.downKbps} kbps down), ${result.runs} loads`,
    `  median ${result.fcpMedianMs} ms (min ${result.fcpMinMs}, max ${result.fcpMaxMs}; goal ≤ 1500)   first screen interactive: median ${result.readyMedianMs} ms`,
    '',
  ].join('\n');
}
