// SCORM packages in a real browser against a real SCORM runtime (issue 14 item 3): the package that
// `npm run build:lms` makes (packed here from the build the browser tests already made) is unzipped and
// served; a host page mounts scorm-again's Scorm12API / Scorm2004API as `window.API` / `API_1484_11`
// and frames the launch file named in imsmanifest.xml. After a level is played the runtime holds score,
// status and suspend data (≤ 4,096 characters in 1.2); leaving the page finishes the session; a new
// launch with that suspend data (fresh browser storage) restores the progress.
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Frame, Page } from 'playwright-core';
import { packageSite } from '../../scripts/build-lms';
import { validateManifest } from '../lms/validateManifest';
import { launchBrowser } from './browser';
import { serveLms, type StaticServer } from './lmsServer';

const SITE = resolve(import.meta.dirname, '..', '..', 'node_modules', '.cache', 'kernel-courier-e2e');
const PROGRESS_KEY = 'kernel-courier/progress@2';

let browser: Browser;
const cleanup: (() => Promise<void> | void)[] = [];
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  for (const step of cleanup.reverse()) await step();
  await browser?.close();
});

type Version = 'scorm12' | 'scorm2004';

interface Unpacked {
  dir: string;
  manifest: string;
  launch: string;
}

function unpack(version: Version, part: { level?: string; chapter?: number }): Unpacked {
  const work = mkdtempSync(join(tmpdir(), 'kc-lms-'));
  cleanup.push(() => rmSync(work, { recursive: true, force: true }));
  const zips = packageSite(SITE, join(work, 'zips'), part);
  const entries = unzipSync(new Uint8Array(readFileSync(zips[version])));
  const dir = join(work, 'package');
  for (const [name, bytes] of Object.entries(entries)) {
    const path = join(dir, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, bytes);
  }
  const manifest = new TextDecoder().decode(entries['imsmanifest.xml']);
  const href = /adlcp:scorm[tT]ype="sco" href="([^"]+)"/.exec(manifest)?.[1] ?? '';
  return { dir, manifest, launch: href.replace(/&amp;/g, '&') };
}

/** The LMS's page: the runtime as window.API / API_1484_11 (with a previous attempt's data), calls logged, the SCO framed. */
function hostPage(version: Version, launch: string, previous: Record<string, unknown> | null): string {
  const runtime = version === 'scorm12' ? 'Scorm12API' : 'Scorm2004API';
  const global = version === 'scorm12' ? 'API' : 'API_1484_11';
  const calls = version === 'scorm12' ? ['LMSInitialize', 'LMSCommit', 'LMSFinish'] : ['Initialize', 'Commit', 'Terminate'];
  return `<!doctype html><html><head><meta charset="utf-8"><title>LMS</title><link rel="icon" href="data:,">
<script src="/scorm-again/${version}.js"></script>
<script>
  window.calls = [];
  var api = new ${runtime}({ logLevel: 5, autocommit: false });
  ${previous ? `api.loadFromJSON(${JSON.stringify(previous)}, '');` : ''}
  ${calls.map((name) => `api.on('${name}', function () { window.calls.push('${name}'); });`).join('\n  ')}
  window.${global} = api;
</script></head><body>
<p><input autofocus aria-label="course search"></p>
<iframe id="sco" title="Kernel Courier" src="/pkg/${launch}" width="960" height="540"></iframe>
</body></html>`;
}

async function gameFrame(page: Page): Promise<Frame> {
  const handle = await page.waitForSelector('#sco');
  const frame = await handle.contentFrame();
  if (!frame) throw new Error('no frame');
  await frame.waitForFunction(() => window.kernelCourier !== undefined, undefined, { timeout: 20_000 });
  await frame.evaluate(() => window.kernelCourier?.ready);
  return frame;
}

type Api = { kernelCourier: { openDebrief(id: string, options?: object): Promise<void> } };

async function open(version: Version, unpacked: Unpacked, previous: Record<string, unknown> | null): Promise<{ page: Page; frame: Frame; server: StaticServer; problems: string[]; close: () => Promise<void> }> {
  const server = await serveLms(unpacked.dir, hostPage(version, unpacked.launch, previous));
  const context = await browser.newContext({ viewport: { width: 1100, height: 700 } });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  await page.goto(`${server.origin}/host.html`);
  const frame = await gameFrame(page);
  return {
    page,
    frame,
    server,
    problems,
    close: async () => {
      await context.close();
      await server.close();
    },
  };
}

function cmi(page: Page, version: Version): Promise<Record<string, unknown>> {
  return page.evaluate((v) => {
    const api = (window as unknown as Record<string, { cmi: { toJSON(): unknown } }>)[v === 'scorm12' ? 'API' : 'API_1484_11'];
    return JSON.parse(JSON.stringify(api.cmi)) as Record<string, unknown>;
  }, version);
}

describe('SCORM packages against scorm-again', () => {
  it('SCORM 1.2, one level: score, status, suspend data after the level; LMSFinish on unload; a new launch restores progress', async () => {
    const unpacked = unpack('scorm12', { level: 'first-delivery' });
    expect(await validateManifest('scorm12', unpacked.manifest)).toEqual([]);
    expect(unpacked.launch).toBe('index.html?lms=scorm12&mode=embed&level=first-delivery');

    const first = await open('scorm12', unpacked, null);
    expect(await first.page.evaluate(() => (window as unknown as { calls: string[] }).calls)).toContain('LMSInitialize');
    let data = (await cmi(first.page, 'scorm12')) as { core: { lesson_status: string; score: { raw: string } }; suspend_data: string };
    expect(data.core.lesson_status).toBe('incomplete');
    await first.frame.evaluate(() => (window as unknown as Api).kernelCourier.openDebrief('first-delivery'));
    const total = await first.frame.evaluate(() => (window.kernelCourier?.lastResult() as { score: { total: number; stars: number } }).score);
    data = (await cmi(first.page, 'scorm12')) as typeof data;
    expect(Number(data.core.score.raw)).toBeCloseTo(total.total, 1);
    expect(data.core.lesson_status).toBe(total.total >= 60 ? 'passed' : 'failed');
    expect(data.suspend_data.length).toBeGreaterThan(4);
    expect(data.suspend_data.length).toBeLessThanOrEqual(4096);
    expect(await first.page.evaluate(() => (window as unknown as { calls: string[] }).calls)).toContain('LMSCommit');
    // Leaving the SCO (the LMS closes the frame) finishes the session.
    await first.page.evaluate(() => ((document.getElementById('sco') as HTMLIFrameElement).src = 'about:blank'));
    await first.page.waitForFunction(() => (window as unknown as { calls: string[] }).calls.includes('LMSFinish'), undefined, { timeout: 10_000 });
    const kept = data.suspend_data;
    expect(first.problems).toEqual([]);
    await first.close();

    // A new attempt on another device (empty storage): the LMS hands back suspend_data.
    const second = await open('scorm12', unpacked, { suspend_data: kept, core: { entry: 'resume' } });
    const saved = await second.frame.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? '{"levels":{}}') as { levels: Record<string, { bestScore: number }> }, PROGRESS_KEY);
    expect(saved.levels['first-delivery']?.bestScore).toBeCloseTo(total.total, 1);
    const restored = (await cmi(second.page, 'scorm12')) as typeof data;
    expect(Number(restored.core.score.raw)).toBeCloseTo(total.total, 1);
    expect(second.problems).toEqual([]);
    await second.close();
  });

  it('SCORM 2004, one chapter: incomplete after one of its levels, scaled score, suspend data; Terminate on unload; restore', async () => {
    const unpacked = unpack('scorm2004', { chapter: 1 });
    expect(await validateManifest('scorm2004', unpacked.manifest)).toEqual([]);
    const first = await open('scorm2004', unpacked, null);
    await first.frame.evaluate(() => (window as unknown as Api).kernelCourier.openDebrief('first-delivery'));
    const total = await first.frame.evaluate(() => (window.kernelCourier?.lastResult() as { score: { total: number } }).score.total);
    type Data = { completion_status: string; success_status: string; score: { raw: string; scaled: string }; suspend_data: string };
    const data = (await cmi(first.page, 'scorm2004')) as Data;
    // Chapter 1 has two levels: the mean counts the unplayed one as 0.
    expect(Number(data.score.raw)).toBeCloseTo(total / 2, 1);
    expect(Number(data.score.scaled)).toBeCloseTo(total / 200, 3);
    expect(data.completion_status).toBe('incomplete');
    expect(data.success_status).toBe('unknown');
    await first.page.evaluate(() => ((document.getElementById('sco') as HTMLIFrameElement).src = 'about:blank'));
    await first.page.waitForFunction(() => (window as unknown as { calls: string[] }).calls.includes('Terminate'), undefined, { timeout: 10_000 });
    expect(first.problems).toEqual([]);
    await first.close();

    const second = await open('scorm2004', unpacked, { suspend_data: data.suspend_data, entry: 'resume' });
    const saved = await second.frame.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? '{"levels":{}}') as { levels: Record<string, { bestScore: number }> }, PROGRESS_KEY);
    expect(saved.levels['first-delivery']?.bestScore).toBeCloseTo(total, 1);
    await second.close();
  });
});
