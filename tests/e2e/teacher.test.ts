// The teacher's page in a real browser, by keyboard only: make a session (title, a level added and moved up),
// the QR on screen decodes back to the join link, students' codes (and one edited code) pasted among other
// text → the class table shows both students verified and the edited code flagged; sorting, filtering, the
// CSV's content, the present view, the printed handout (one A4 page), the session kept across a reload and
// forgotten; axe finds no serious or critical violation on any of these screens, in English and Korean.
// The long keyboard walk uses codes made in Node from real runs of the engine on the session's seed
// (tests/teacher/studentCodes.ts: several students, levels and builds in seconds); a second test takes its
// codes from two real students' screens (join link from the teacher's page, play by keyboard, code read off
// the result screen) and the teacher's page verifies them.
import { readFileSync } from 'node:fs';
import jsQR from 'jsqr';
import Papa from 'papaparse';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionFromFragment, type Session } from '../../src/classroom/index';
import { decodeResultCode, encodeResultCode } from '../../src/classroom/resultCode';
import { editedCode, studentCode } from '../teacher/studentCodes';
import { BASE_URL, launchBrowser, openGame, tabTo as tabToWidget, waitForScene, watchProblems } from './browser';
import { seriousViolations } from './axe';


let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});



async function openTeacher(locale: string): Promise<{ page: Page; problems: string[]; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  const problems = watchProblems(page);
  await page.goto(`${BASE_URL}?mode=classroom&locale=${locale}`);
  await waitReady(page);
  return { page, problems, close: () => context.close() };
}

async function waitReady(page: Page): Promise<void> {
  await page.waitForFunction(() => window.kernelCourierTeacher !== undefined, undefined, { timeout: 20_000 });
  await page.evaluate(() => window.kernelCourierTeacher?.ready);
}

/** Presses Tab until the element matching `selector` has the focus, as a keyboard user would. */
async function tabTo(page: Page, selector: string, limit = 120): Promise<void> {
  for (let presses = 0; presses < limit; presses += 1) {
    if (await page.evaluate((wanted) => document.activeElement?.matches(wanted) ?? false, selector)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${selector}`);
}

function session(page: Page): Promise<Session | null> {
  return page.evaluate(() => window.kernelCourierTeacher?.session() ?? null);
}

/** The QR code as drawn on screen (a screenshot of it), decoded with jsQR. */
async function decodeQrOnScreen(page: Page, selector: string): Promise<string | null> {
  const png = (await page.locator(selector).screenshot()).toString('base64');
  const image = await page.evaluate(async (data) => {
    const bytes = Uint8Array.from(atob(data), (char) => char.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const context = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D;
    context.drawImage(bitmap, 0, 0);
    return { width: bitmap.width, height: bitmap.height, pixels: Array.from(context.getImageData(0, 0, bitmap.width, bitmap.height).data) };
  }, png);
  return jsQR(Uint8ClampedArray.from(image.pixels), image.width, image.height)?.data ?? null;
}

describe('the teacher page', () => {
  it('makes a session, collects and verifies codes, exports CSV, presents, prints and forgets — by keyboard', async () => {
    const { page, problems, close } = await openTeacher('en');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await seriousViolations(page)).toEqual([]);

    // Make a session: a title, one more level (the third of the list, chosen with the arrow keys), moved up twice.
    await tabTo(page, '#kt-title');
    await page.keyboard.type('OS 3-B · 김민지 반');
    await tabTo(page, '#kt-level');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const chosen = await page.evaluate(() => (document.getElementById('kt-level') as HTMLSelectElement).value);
    expect(chosen).toBe('laptop-lab');
    await tabTo(page, '#kt-add-level');
    await page.keyboard.press('Enter');
    const before = await page.evaluate(() => [...document.querySelectorAll('#kt-levels li')].map((item) => item.getAttribute('data-kt-level')));
    expect(before).toEqual(['first-delivery', 'one-kernel-three-apps', 'laptop-lab']);
    await tabTo(page, '#kt-levels li:last-child [data-kt-move="up"]');
    await page.keyboard.press('Enter');
    // The focus stays on the moved level's button, so pressing again keeps moving it.
    await page.keyboard.press('Enter');
    const after = await page.evaluate(() => [...document.querySelectorAll('#kt-levels li')].map((item) => item.getAttribute('data-kt-level')));
    expect(after).toEqual(['laptop-lab', 'first-delivery', 'one-kernel-three-apps']);
    const shownSeed = Number(await page.evaluate(() => (document.getElementById('kt-seed') as HTMLInputElement).value));
    expect(Number.isInteger(shownSeed)).toBe(true);
    await tabTo(page, '#kt-submit');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#kt-qr svg');
    const made = await session(page);
    expect(made).not.toBeNull();
    if (made === null) return;
    expect(made.levels).toEqual(after);
    expect(made.title).toBe('OS 3-B · 김민지 반');
    expect(made.seed).toBe(shownSeed);
    expect(await page.textContent('#kt-id')).toBe(made.id);

    // The link on screen holds the session, and the QR on screen decodes back to that link.
    const link = await page.evaluate(() => (document.getElementById('kt-link') as HTMLInputElement).value);
    expect(link.startsWith(`${BASE_URL}?mode=classroom#join=`)).toBe(true);
    expect(sessionFromFragment(new URL(link).hash)).toEqual({ ok: true, session: made });
    expect(await decodeQrOnScreen(page, '#kt-qr')).toBe(link);
    expect(await seriousViolations(page)).toEqual([]);
    // Each level of the session: its id, a link to it in the game, and its race view on the session's seed.
    const levelLinks = await page.evaluate(() =>
      [...document.querySelectorAll('#kt-session-levels li')].map((item) => ({
        id: item.querySelector('.kt-level-id')?.textContent,
        level: item.querySelector('a.kt-level-link')?.getAttribute('href'),
        race: item.querySelector('a.kt-race-link')?.getAttribute('href'),
        raceText: item.querySelector('a.kt-race-link')?.textContent,
        target: item.querySelector('a.kt-race-link')?.getAttribute('target'),
      })),
    );
    expect(levelLinks).toEqual(
      after.map((id) => ({ id, level: `${BASE_URL}?level=${id}`, race: `${BASE_URL}?mode=race&level=${id}&seed=${shownSeed}`, raceText: 'Open race view', target: '_blank' })),
    );

    // Two students' codes from real runs on the session's seed, and one edited code, pasted among other text.
    const seed = made.seed as number;
    const mina = [
      studentCode({ session: made.id, nick: 'mina', level: 'first-delivery', seed, build: 'native', prediction: 'native' }),
      studentCode({ session: made.id, nick: 'mina', level: 'one-kernel-three-apps', seed, build: 'native', prediction: 'container' }),
    ];
    const junho = [studentCode({ session: made.id, nick: '준호', level: 'first-delivery', seed, build: 'container', prediction: null })];
    const edited = editedCode(studentCode({ session: made.id, nick: 'eve', level: 'one-kernel-three-apps', seed, build: 'native' }).code);
    const pasted = `From the chat:\nmina: ${mina[0]?.code}, and ${mina[1]?.code}\n준호 — ${junho[0]?.code}\n\neve said "${edited}" thanks!`;
    await tabTo(page, '#kt-paste');
    await page.keyboard.insertText(pasted);
    await tabTo(page, '#kt-add-codes');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => /Codes added: 4/.test(document.getElementById('kt-collect-result')?.textContent ?? ''), undefined, { timeout: 20_000 });
    expect(await page.textContent('#kt-collect-result')).toContain('verified: 3, flagged: 1');

    const cells = await page.evaluate(() =>
      [...document.querySelectorAll('#kt-table tbody tr')].map((row) => ({
        nick: row.getAttribute('data-kt-nick'),
        flagged: row.classList.contains('kt-flagged'),
        cells: [...row.querySelectorAll('td[data-kt-level]')].map((cell) => `${cell.getAttribute('data-kt-level')}=${cell.getAttribute('data-kt-status')}`),
        status: row.lastElementChild?.textContent ?? '',
      })),
    );
    expect(cells).toEqual([
      { nick: 'eve', flagged: true, cells: ['one-kernel-three-apps=mismatch'], status: expect.stringContaining('edited') },
      { nick: 'mina', flagged: false, cells: ['first-delivery=verified', 'one-kernel-three-apps=verified'], status: '✓ All codes verified' },
      { nick: '준호', flagged: false, cells: ['first-delivery=verified'], status: '✓ All codes verified' },
    ]);
    const statuses = await page.evaluate(() => [...document.querySelectorAll('#kt-codes-table tbody tr')].map((row) => row.getAttribute('data-kt-code-status')));
    expect(statuses).toEqual(['verified', 'verified', 'verified', 'mismatch']);
    // The per-level figures say it in words, too.
    expect(await page.textContent('#kt-charts')).toContain('Codes by status');

    // Sort by total (highest first) and filter by nickname, by keyboard.
    await tabTo(page, '[data-kt-sort="total"]');
    await page.keyboard.press('Enter');
    expect(await page.getAttribute('th:has([data-kt-sort="total"])', 'aria-sort')).toBe('descending');
    const byTotal = await page.evaluate(() => [...document.querySelectorAll('#kt-table tbody tr')].map((row) => row.getAttribute('data-kt-nick')));
    expect(byTotal[0]).toBe('mina');
    await tabTo(page, '#kt-filter');
    await page.keyboard.type('준');
    expect(await page.evaluate(() => [...document.querySelectorAll('#kt-table tbody tr')].map((row) => row.getAttribute('data-kt-nick')))).toEqual(['준호']);
    await page.keyboard.press('Backspace');
    expect(await seriousViolations(page)).toEqual([]);

    // CSV: UTF-8 with a BOM, RFC 4180, one line per code with the verification's values.
    await tabTo(page, '#kt-export');
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    expect(download.suggestedFilename()).toBe(`kernel-courier-${made.id}.csv`);
    const bytes = readFileSync(await download.path());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = bytes.toString('utf8').slice(1);
    expect(csv.split('\r\n')).toHaveLength(5);
    const rows = Papa.parse<Record<string, string>>(csv, { header: true, newline: '\r\n' });
    expect(rows.errors).toEqual([]);
    expect(rows.data.map((row) => [row.nickname, row.level, row.status, row['replayed score']])).toEqual([
      ['mina', 'first-delivery', 'verified', String(mina[0]?.score)],
      ['mina', 'one-kernel-three-apps', 'verified', String(mina[1]?.score)],
      ['준호', 'first-delivery', 'verified', String(junho[0]?.score)],
      ['eve', 'one-kernel-three-apps', 'mismatch', expect.any(String)],
    ]);
    expect(rows.data[3]?.flags).toBe('mismatch');
    expect(rows.data[0]?.code).toBe(mina[0]?.code);

    // The present view: QR and id filling the screen; Escape closes it and gives the focus back.
    await tabTo(page, '#kt-present-open');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => (document.getElementById('kt-present') as HTMLDialogElement).open)).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('kt-present-close');
    const qrBox = await page.locator('#kt-present .kt-qr').boundingBox();
    // At 1280×900 the QR takes more than half the width (the id and one line of text share the rest).
    expect(qrBox?.width ?? 0).toBeGreaterThan(600);
    expect(await page.textContent('#kt-present .kt-present-id')).toBe(made.id);
    expect(await decodeQrOnScreen(page, '#kt-present .kt-present-qr')).toBe(link);
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => (document.getElementById('kt-present') as HTMLDialogElement).open)).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('kt-present-open');

    // The handout prints on one A4 page: link, QR, steps; nothing of the page around it.
    await page.emulateMedia({ media: 'print' });
    expect(await page.isVisible('#kt-handout')).toBe(true);
    expect(await page.isVisible('#kt-app')).toBe(false);
    expect(await page.textContent('#kt-handout')).toContain(link);
    // page.pdf() prints with the print stylesheet unless the screen's is emulated.
    const pdf = (await page.pdf({ format: 'A4' })).toString('latin1');
    expect(pdf.match(/\/Type\s*\/Page[^s]/g)).toHaveLength(1);
    await page.emulateMedia({ media: 'screen' });

    // Kept on this device: a reload opens the same session with its codes.
    await page.reload();
    await waitReady(page);
    expect((await session(page))?.id).toBe(made.id);
    await page.waitForFunction(() => document.querySelectorAll('#kt-codes-table tbody tr').length === 4);

    // Forget this session (after a confirm): gone from the page and from the device.
    page.once('dialog', (dialog) => void dialog.accept());
    await tabTo(page, '#kt-forget');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => window.kernelCourierTeacher?.session() === null);
    await page.reload();
    await waitReady(page);
    expect(await session(page)).toBeNull();
    expect(await page.locator(`[data-kt-open="${made.id}"]`).count()).toBe(0);
    expect(problems).toEqual([]);
    await close();
    // A long walk by keyboard with four axe runs: minutes on a busy two-core machine.
  }, 360_000);

  it("codes taken from two real students' screens are verified; one edited code is flagged", async () => {
    const { page, problems, close } = await openTeacher('en');
    // The default session: the first chapter's levels, predictions on.
    await tabTo(page, '#kt-submit');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#kt-qr svg');
    const made = await session(page);
    if (made === null) throw new Error('no session made');
    expect(made.levels).toEqual(['first-delivery', 'one-kernel-three-apps']);
    const link = new URL(await page.evaluate(() => (document.getElementById('kt-link') as HTMLInputElement).value));

    /** A student opens the join link shown on the teacher's page, joins with `nick`, opens `level` from the
     * session screen, places `builds` by keyboard, predicts `answer`, runs at 4× and reads the code on screen. */
    const play = async (nick: string, level: string, builds: string[], answer: string) => {
      const student = await openGame(browser, `${link.search.slice(1)}&locale=en${link.hash}`);
      const { page: screen } = student;
      await waitForScene(screen, 'classroom');
      await screen.keyboard.type(nick);
      await screen.keyboard.press('Enter');
      await tabToWidget(screen, `classroom-level-${level}`);
      await screen.keyboard.press('Enter');
      await waitForScene(screen, 'play');
      await screen.keyboard.press('Enter'); // the brief: start building
      for (const widget of builds) {
        await tabToWidget(screen, widget);
        await screen.keyboard.press('Enter');
        await screen.keyboard.press('Enter'); // the first highlighted place
        await screen.waitForTimeout(80);
      }
      await screen.keyboard.press('Shift+Enter');
      await waitForScene(screen, 'predict');
      await tabToWidget(screen, answer);
      await screen.keyboard.press('Enter');
      await waitForScene(screen, 'play');
      await screen.keyboard.press('4');
      await waitForScene(screen, 'result-code', 120_000);
      const said = await screen.evaluate(() => document.querySelector('section[data-region="result-code"]')?.textContent ?? '');
      const code = said.match(/KC1-[A-Za-z0-9_-]+-[0-9a-f]{8}/)?.[0];
      const result = (await screen.evaluate(() => window.kernelCourier?.lastResult())) as { score: { total: number } } | null;
      expect(student.problems).toEqual([]);
      await student.context.close();
      if (!code || !result) throw new Error(`no code on ${nick}'s screen`);
      return { code, score: result.score.total };
    };
    // Two students, two levels, two builds: a host OS with the shop; a host OS with three apps on it.
    const mina = await play('mina', 'first-delivery', ['piece-host-os', 'app-shop'], 'predict-native');
    const junho = await play('준호', 'one-kernel-three-apps', ['piece-host-os', 'app-web', 'app-orders-db', 'app-mail'], 'predict-unsure');
    // One code lied about: mina's, claimed by "eve" with a higher score.
    const read = decodeResultCode(mina.code);
    if (!read.ok) throw new Error('the code on screen does not decode');
    const lied = encodeResultCode({ ...read.value, nick: 'eve', score: read.value.score <= 90 ? read.value.score + 10 : read.value.score - 10 });

    await tabTo(page, '#kt-paste');
    await page.keyboard.insertText(`mina: ${mina.code}\n준호: ${junho.code}\neve: ${lied}\n`);
    await tabTo(page, '#kt-add-codes');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => /Codes added: 3/.test(document.getElementById('kt-collect-result')?.textContent ?? ''), undefined, { timeout: 20_000 });
    const rows = await page.evaluate(() =>
      [...document.querySelectorAll('#kt-table tbody tr')].map((row) => ({
        nick: row.getAttribute('data-kt-nick'),
        flagged: row.classList.contains('kt-flagged'),
        cells: [...row.querySelectorAll('td[data-kt-level]')].map((cell) => `${cell.getAttribute('data-kt-level')}=${cell.getAttribute('data-kt-status')}`),
      })),
    );
    expect(rows).toEqual([
      { nick: 'eve', flagged: true, cells: ['first-delivery=mismatch'] },
      { nick: 'mina', flagged: false, cells: ['first-delivery=verified'] },
      { nick: '준호', flagged: false, cells: ['one-kernel-three-apps=verified'] },
    ]);
    // The replayed scores are the ones the students' screens showed.
    const replayed = await page.evaluate(() => window.kernelCourierTeacher?.session() && [...document.querySelectorAll('#kt-codes-table tbody tr')].map((row) => row.textContent ?? ''));
    expect(replayed?.some((text) => text.includes(String(Math.round(mina.score * 10) / 10)))).toBe(true);
    expect(replayed?.some((text) => text.includes(String(Math.round(junho.score * 10) / 10)))).toBe(true);
    expect(problems).toEqual([]);
    await close();
  }, 480_000);

  it('in Korean: the page, its form and a bad field read in Korean, without serious axe violations', async () => {
    const { page, problems, close } = await openTeacher('ko');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ko');
    expect(await page.textContent('h1')).toBe('교사용 페이지');
    await tabTo(page, '#kt-clear-levels');
    await page.keyboard.press('Enter');
    await tabTo(page, '#kt-submit');
    await page.keyboard.press('Enter');
    expect(await page.textContent('#kt-make-problem')).toBe('레벨을 하나 이상 골라 주세요.');
    expect(await session(page)).toBeNull();
    expect(await seriousViolations(page)).toEqual([]);
    // The teacher guide opens on the page, in Korean, with the engine's answers in real tables.
    await tabTo(page, '#kt-guide-toggle');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#kt-guide h2');
    expect(await page.getAttribute('#kt-guide-toggle', 'aria-expanded')).toBe('true');
    expect(await page.textContent('#kt-guide h2')).toBe('교사용 안내서');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('kt-guide-heading');
    const guideText = (await page.textContent('#kt-guide')) ?? '';
    expect(guideText).toContain('최선: ');
    expect(guideText).not.toContain('**');
    expect(await page.locator('#kt-guide table th[scope="col"]').count()).toBeGreaterThan(20);
    expect(await seriousViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await close();
  }, 240_000);

  it('a join link stays with the game', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${BASE_URL}?mode=classroom#join=AAAA`);
    await page.waitForFunction(() => window.kernelCourier !== undefined, undefined, { timeout: 20_000 });
    expect(await page.evaluate(() => window.kernelCourierTeacher)).toBeUndefined();
    await context.close();
  });
});
