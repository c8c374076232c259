// Scanning a result code's QR with the camera on the teacher's page, with Chromium's fake camera playing a
// Y4M file that this test makes from the code's QR: the camera is asked for only when Scan is pressed, the
// code is verified and shown in the class table, and Stop releases the camera.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { encode } from 'uqr';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Session } from '../../src/classroom/index';
import { studentCode } from '../teacher/studentCodes';
import { BASE_URL, CHROMIUM_ARGS } from './browser';

const WIDTH = 640;
const HEIGHT = 480;

/** One still frame (YUV 4:2:0) of the QR of `text`, black on white, centred, as a Y4M video. */
function qrVideo(text: string): Buffer {
  const qr = encode(text, { ecc: 'M', border: 4 });
  const scale = Math.floor((HEIGHT - 20) / qr.size);
  const left = Math.floor((WIDTH - qr.size * scale) / 2);
  const top = Math.floor((HEIGHT - qr.size * scale) / 2);
  const luma = Buffer.alloc(WIDTH * HEIGHT, 235);
  qr.data.forEach((row, y) =>
    row.forEach((dark, x) => {
      if (!dark) return;
      for (let py = 0; py < scale; py += 1) luma.fill(16, (top + y * scale + py) * WIDTH + left + x * scale, (top + y * scale + py) * WIDTH + left + (x + 1) * scale);
    }),
  );
  const chroma = Buffer.alloc((WIDTH / 2) * (HEIGHT / 2) * 2, 128);
  return Buffer.concat([Buffer.from(`YUV4MPEG2 W${WIDTH} H${HEIGHT} F10:1 Ip A1:1 C420jpeg\n`), Buffer.from('FRAME\n'), luma, chroma]);
}

let browser: Browser;
let folder: string;
let video: string;
beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'kc-scan-'));
  video = join(folder, 'code.y4m');
  // A placeholder until the session exists: Chromium opens the file when the camera starts.
  writeFileSync(video, qrVideo('placeholder'));
  browser = await chromium.launch({
    executablePath: inject('chromiumPath'),
    args: [...CHROMIUM_ARGS, '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', `--use-file-for-fake-video-capture=${video}`],
  });
});
afterAll(async () => {
  await browser?.close();
  rmSync(folder, { recursive: true, force: true });
});

describe('scanning codes with the camera', () => {
  it('asks for the camera only on Scan, verifies the scanned code, and Stop releases the camera', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
    });
    // Count the page's requests for the camera.
    await context.addInitScript(() => {
      const devices = navigator.mediaDevices;
      const original = devices.getUserMedia.bind(devices);
      (window as unknown as { cameraAsks: number }).cameraAsks = 0;
      devices.getUserMedia = (constraints) => {
        (window as unknown as { cameraAsks: number }).cameraAsks += 1;
        return original(constraints);
      };
    });
    await page.goto(`${BASE_URL}?mode=classroom&locale=en`);
    await page.waitForFunction(() => window.kernelCourierTeacher !== undefined, undefined, { timeout: 20_000 });
    await page.evaluate(() => window.kernelCourierTeacher?.ready);
    await page.focus('#kt-submit');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#kt-scan');
    const session = (await page.evaluate(() => window.kernelCourierTeacher?.session() ?? null)) as Session;
    expect(await page.evaluate(() => (window as unknown as { cameraAsks: number }).cameraAsks)).toBe(0);

    const made = studentCode({ session: session.id, nick: '스캔', level: session.levels[0] as string, seed: session.seed as number, build: 'native' });
    writeFileSync(video, qrVideo(made.code));
    await page.focus('#kt-scan');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('#kt-table tr[data-kt-nick="스캔"]') !== null, undefined, { timeout: 30_000 });
    expect(await page.evaluate(() => (window as unknown as { cameraAsks: number }).cameraAsks)).toBe(1);
    expect(await page.getAttribute('#kt-table tr[data-kt-nick="스캔"] td[data-kt-level]', 'data-kt-status')).toBe('verified');
    expect(await page.textContent('#kt-scan-status')).toBe('Code scanned.');
    expect(await page.getAttribute('#kt-scan', 'aria-pressed')).toBe('true');
    // The same QR still in front of the camera is not counted twice.
    await page.waitForTimeout(600);
    expect(await page.locator('#kt-codes-table tbody tr').count()).toBe(1);

    await page.keyboard.press('Enter');
    expect(await page.getAttribute('#kt-scan', 'aria-pressed')).toBe('false');
    expect(await page.isVisible('#kt-video')).toBe(false);
    expect(await page.evaluate(() => (document.getElementById('kt-video') as HTMLVideoElement).srcObject)).toBeNull();
    expect(problems).toEqual([]);
    await context.close();
  });
});
