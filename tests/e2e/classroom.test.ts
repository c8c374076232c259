// A class session in a real browser, as a student plays it (issue 12): a teacher's join link opens the
// session screen, the student types a nickname (the dialog is checked with axe), predicts, plays a level
// by keyboard, and copies the result code from the screen; the command line verifies that code
// (`verified`), the QR code in a screenshot decodes to the same code, and a reload keeps the nickname and
// the codes. A second browser context joining the same link plays on the same seed. Broken, cut and edited
// links show a localized notice and the menu. Every page fails the test on a console error, an uncaught
// exception or a request that leaves the server.
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import type jsQR from 'jsqr';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { joinLink, type Session } from '../../src/classroom/session';
import { decodeResultCode, encodeResultCode } from '../../src/classroom/resultCode';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BASE_URL, launchBrowser, noticeTexts, openGame, sceneOf, tabTo, waitForScene, type OpenedPage, place } from './browser';
import { seriousViolations } from './axe';

const require = createRequire(import.meta.url);
/** jsQR's browser build (it defines window.jsQR). */
const JSQR_PATH = require.resolve('jsqr');
const ROOT = resolve(import.meta.dirname, '..', '..');
const run = promisify(execFile);

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

let browser: Browser;
let link: string;
beforeAll(async () => {
  browser = await launchBrowser();
  link = joinLink(BASE_URL, SESSION);
});
afterAll(async () => {
  await browser?.close();
});


/** Opens the join link (its query and fragment) in a fresh context, or in `context`'s page. */
async function openLink(address: string, options: { locale?: string } = {}): Promise<OpenedPage> {
  const url = new URL(address);
  if (options.locale) url.searchParams.set('locale', options.locale);
  const opened = await openGame(browser, `${url.search.slice(1)}${url.hash}`);
  await opened.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(BASE_URL).origin });
  return opened;
}

function region(page: Page, id: string): Promise<string> {
  return page.evaluate((wanted) => document.querySelector(`section[data-region="${wanted}"]`)?.textContent ?? '', id);
}

function widgetLabel(page: Page, id: string): Promise<string | undefined> {
  return page.evaluate((wanted) => window.kernelCourier?.widgets().find((widget) => widget.id === wanted)?.label, id);
}

/** From the session screen: the first level by keyboard, a host OS and the shop, Run; the prediction
 * overlay asks first (answered with `answer`), then the run at 4× ends on the result-code overlay. */
async function playFirstLevel(page: Page, answer: string, checkAxe = false): Promise<void> {
  await tabTo(page, 'classroom-level-first-delivery');
  await page.keyboard.press('Enter');
  await waitForScene(page, 'play');
  await page.keyboard.press('Enter'); // the brief: start building
  await place(page, 'piece-host-os', 0);
  await place(page, 'app-shop', 0);
  await page.keyboard.press('Shift+Enter');
  await waitForScene(page, 'predict');
  const answers = await page.evaluate(() => window.kernelCourier?.widgets().map((widget) => widget.id) ?? []);
  // First delivery allows only the native architecture: that, and "I don't know".
  expect(answers).toEqual(expect.arrayContaining(['predict-native', 'predict-unsure']));
  // The question's first answer has the keyboard focus, and its twin the page's (screen readers read it).
  expect(await page.evaluate(() => document.activeElement?.getAttribute('data-kc-mirror'))).toBe('predict-native');
  if (checkAxe) expect(await seriousViolations(page)).toEqual([]);
  await tabTo(page, answer);
  await page.keyboard.press('Enter');
  await waitForScene(page, 'play');
  await page.keyboard.press('4');
  await waitForScene(page, 'result-code', 90_000);
}

/** The QR code on the screen, decoded from a screenshot of the overlay's right half (where it is drawn):
 * a blank page of the same context decodes the PNG and runs jsQR on its pixels. */
async function qrFromScreen(page: Page): Promise<string | null> {
  const size = page.viewportSize() ?? { width: 1280, height: 720 };
  const png = await page.screenshot({ clip: { x: Math.floor(size.width / 2), y: 0, width: Math.ceil(size.width / 2), height: size.height } });
  const decoder = await page.context().newPage();
  await decoder.addScriptTag({ path: JSQR_PATH });
  const text = await decoder.evaluate(async (base64) => {
    const blob = await (await fetch(`data:image/png;base64,${base64}`)).blob();
    const bitmap = await createImageBitmap(blob);
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const context = canvas.getContext('2d')!;
    context.drawImage(bitmap, 0, 0);
    const data = context.getImageData(0, 0, bitmap.width, bitmap.height);
    const reader = (window as unknown as { jsQR: typeof jsQR }).jsQR;
    return reader(data.data, data.width, data.height)?.data ?? null;
  }, png.toString('base64'));
  await decoder.close();
  return text;
}

describe('classroom session', () => {
  it('join, nickname, predict, play, copy the code; the CLI verifies it, the QR holds it, a reload keeps it', async () => {
    const { page, problems, context } = await openLink(link, { locale: 'en' });
    await waitForScene(page, 'classroom');
    // The join dialog: the session's title and levels in order, a labelled field focused, the privacy note.
    const dialog = await page.evaluate(() => document.querySelector('.kc-join [role="dialog"], .kc-join form')?.textContent ?? '');
    expect(dialog).toContain('OS class 3-B, week 9');
    expect(dialog).toMatch(/First delivery[\s\S]*neighbour[\s\S]*Three walls/);
    expect(dialog).toMatch(/Seed: 1234/);
    expect(dialog).toMatch(/stays on this device/);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('kc-join-nick');
    expect(await page.evaluate(() => document.getElementById('kc-join-nick')?.getAttribute('aria-describedby'))).toContain('kc-join-note');
    expect(await seriousViolations(page)).toEqual([]);
    // An empty nickname is refused with a spoken message; then a real one joins.
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.getElementById('kc-join-error')?.textContent ?? '')).toMatch(/1 to 24/);
    await page.keyboard.type('mina');
    await page.keyboard.press('Enter');
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => document.querySelector('.kc-join'))).toBeNull();
    expect(await region(page, 'classroom')).toContain('Nickname: mina');

    await playFirstLevel(page, 'predict-native', true);
    expect(await seriousViolations(page)).toEqual([]);
    const result = (await page.evaluate(() => window.kernelCourier?.lastResult())) as { seed: number; score: { total: number; stars: number } } | null;
    expect(result?.seed).toBe(1234);
    // The verdict and the code, as the screen (and its accessible twin) shows them.
    const said = await region(page, 'result-code');
    expect(said).toMatch(/Your prediction held: Native/);
    const shown = said.match(/KC1-[A-Za-z0-9_-]+-[0-9a-f]{8}/)?.[0];
    expect(shown).toBeTruthy();
    // Copy (Enter on the focused Copy button) puts exactly that code on the clipboard and says "Copied".
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-kc-mirror'))).toBe('code-copy');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => /Copied/.test(document.querySelector('#kc-a11y [role="log"]')?.textContent ?? ''));
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(shown);
    // The QR code on the screen is the same code.
    expect(await qrFromScreen(page)).toBe(copied);
    // The code carries the session, the nickname, the seed, the prediction and the claimed score.
    const decoded = decodeResultCode(copied);
    expect(decoded.ok && decoded.value).toMatchObject({ session: '7K3M9QX2', nick: 'mina', level: 'first-delivery', seed: 1234, attempt: 1, prediction: 'native', stars: result?.score.stars });
    // The command line replays it: verified.
    const cli = await run(process.execPath, [resolve(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'src/cli/sim.ts', '--verify', copied], { cwd: ROOT });
    const verified = JSON.parse(cli.stdout) as { results: { status: string; nick: string; claimed: number; replayed: number }[] };
    expect(verified.results).toHaveLength(1);
    expect(verified.results[0]).toMatchObject({ status: 'verified', nick: 'mina' });
    // The same code from the screen, lied about: one character changed → unreadable; the same JSON
    // re-encoded with a higher score → mismatch; claimed under an older model → other-version.
    const middle = Math.floor(copied.length / 2);
    const changed = copied.slice(0, middle) + (copied[middle] === 'A' ? 'B' : 'A') + copied.slice(middle + 1);
    if (!decoded.ok) throw new Error('the code on screen does not decode');
    // (higher when there is room above it; a perfect score is claimed 10 points lower instead)
    const claimed = decoded.value.score <= 90 ? decoded.value.score + 10 : decoded.value.score - 10;
    const higher = encodeResultCode({ ...decoded.value, score: claimed });
    const older = encodeResultCode({ ...decoded.value, model: 'kc-model-2' });
    const lies = join(mkdtempSync(join(tmpdir(), 'kc-codes-')), 'codes.txt');
    writeFileSync(lies, `mina's codes:\n${changed}\n${higher}\n${older}\n`);
    const lied = await run(process.execPath, [resolve(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'src/cli/sim.ts', '--verify', lies], { cwd: ROOT }).catch((error: { stdout: string; code: number }) => error);
    expect((lied as { code?: number }).code).toBe(2);
    const statuses = (JSON.parse(lied.stdout) as { results: { status: string }[] }).results.map((entry) => entry.status);
    expect(statuses).toEqual(['unreadable', 'mismatch', 'other-version']);

    // A reload keeps the nickname and the code (no join dialog), in the session's own storage key.
    await page.reload();
    await page.waitForFunction(() => window.kernelCourier !== undefined);
    await page.evaluate(() => window.kernelCourier?.ready);
    await waitForScene(page, 'classroom');
    expect(await page.evaluate(() => document.querySelector('.kc-join'))).toBeNull();
    expect(await region(page, 'classroom')).toContain('Nickname: mina');
    expect(await widgetLabel(page, 'classroom-codes')).toMatch(/My codes \(1\)/);
    const stored = await page.evaluate(() => Object.keys(localStorage));
    expect(stored).toContain('kernel-courier/session/7K3M9QX2@1');
    // "My codes" lists it, and "copy all" copies it.
    await tabTo(page, 'classroom-codes');
    await page.keyboard.press('Enter');
    await waitForScene(page, 'result-code');
    expect(await region(page, 'result-code')).toContain(copied);
    await tabTo(page, 'code-copy-all');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => /Copied 1 codes/.test(document.querySelector('#kc-a11y [role="log"]')?.textContent ?? ''));
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(copied);
    expect(problems).toEqual([]);
    await context.close();
  }, 360_000);

  it('a second student joining the same link plays the same seed; two sessions keep their own nicknames', async () => {
    const other: Session = { ...SESSION, id: 'Q8R2M4ZX', title: 'Another class', predict: false };
    const first = await openLink(link, { locale: 'ko' });
    const second = await openLink(link, { locale: 'ko' });
    for (const [opened, nick] of [[first, '김민아'], [second, '박서준']] as const) {
      await waitForScene(opened.page, 'classroom');
      // Korean in the dialog, and a Korean nickname.
      expect(await opened.page.evaluate(() => document.querySelector('.kc-join form')?.textContent ?? '')).toMatch(/닉네임/);
      await opened.page.keyboard.type(nick);
      await opened.page.keyboard.press('Enter');
      await playFirstLevel(opened.page, 'predict-unsure');
    }
    const results = await Promise.all([first, second].map(({ page }) => page.evaluate(() => window.kernelCourier?.lastResult() as { seed: number; traceHash: string } | null)));
    expect(results[0]?.seed).toBe(1234);
    expect(results[1]?.seed).toBe(1234);
    // Same seed and same build: the same run, packet for packet.
    expect(results[0]?.traceHash).toBe(results[1]?.traceHash);
    expect(await seriousViolations(second.page)).toEqual([]);
    // The session's Korean screens are checked with axe too.
    await second.page.keyboard.press('Escape');
    await waitForScene(second.page, 'debrief');
    expect(await seriousViolations(second.page)).toEqual([]);
    // The second student's page joins another session too: its own nickname, the first one's kept.
    const again = await second.context.newPage();
    const url = new URL(joinLink(BASE_URL, other));
    await again.goto(`${BASE_URL}?mode=classroom&locale=en${url.hash}`);
    await again.waitForFunction(() => window.kernelCourier !== undefined);
    await again.evaluate(() => window.kernelCourier?.ready);
    await waitForScene(again, 'classroom');
    await again.keyboard.type('seo');
    await again.keyboard.press('Enter');
    await again.waitForTimeout(300);
    const keys = await again.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('kernel-courier/session/')).sort());
    expect(keys).toEqual(['kernel-courier/session/7K3M9QX2@1', 'kernel-courier/session/Q8R2M4ZX@1']);
    const nicks = await again.evaluate(() => ['7K3M9QX2', 'Q8R2M4ZX'].map((id) => (JSON.parse(localStorage.getItem(`kernel-courier/session/${id}@1`) ?? '{}') as { nick?: string }).nick));
    expect(nicks).toEqual(['박서준', 'seo']);
    expect(first.problems).toEqual([]);
    expect(second.problems).toEqual([]);
    await first.context.close();
    await second.context.close();
  }, 360_000);

  it('a broken, cut or edited link shows a localized notice and the menu, never a crash', async () => {
    const data = new URL(link).hash.slice('#join='.length);
    const cases: { hash: string; locale: 'en' | 'ko'; says: RegExp }[] = [
      // (`?mode=classroom` with no join link at all is the teacher's page: tests/e2e/teacher.test.ts.)
      { hash: '#join=', locale: 'en', says: /has no session/ },
      // Cut where no base64 text can end (a length of 4n+1): cut off. Cut elsewhere: the bytes do not decode.
      { hash: `#join=${data.slice(0, Math.floor(data.length / 8) * 4 + 1)}`, locale: 'en', says: /cut off/ },
      { hash: `#join=${data.slice(0, Math.floor(data.length / 2))}`, locale: 'en', says: /cut off|damaged|edited/ },
      { hash: `#join=${data.slice(0, 20)}%%${data.slice(22)}`, locale: 'en', says: /characters a class link cannot hold|edited/ },
      { hash: `#join=${data.slice(0, -1)}`, locale: 'ko', says: /수업 링크를 열 수 없어요/ },
    ];
    for (const { hash, locale, says } of cases) {
      const { page, problems, context } = await openGame(browser, `mode=classroom&locale=${locale}${hash}`);
      await waitForScene(page, 'menu');
      const notices = await noticeTexts(page);
      expect(notices.join(' ')).toMatch(says);
      expect(await sceneOf(page)).toBe('menu');
      expect(problems).toEqual([]);
      await context.close();
    }
  });
});
