// The teacher's page in Chromium (the production build): 30 students' result codes of one level pasted at
// once, timed in the page from the paste to the last code verified, shown in the class table and saved
// (issue 13: "30 codes show within a second"). Each run is a fresh browser context, so the verifier and the
// level's ranking start cold, as when a teacher opens the page. Measures and reports; asserts nothing.
import { makeResultCode } from '../src/classroom/resultCode';
import { builtInLevel } from '../src/levels/index';
import { realisticCommands, referenceBuild, scoreRun } from '../tests/classroom/realisticRuns';
import type { BrowserBench } from './browser';
import { median } from './browser';

const CLASS_SIZE = 30;
const SEED = 1234;
const NICKS = ['mina', '김민지', 'Jun', '박서연', 'Alex K.', '이도윤', 'Sam', '최하은', 'Noor', '정우진'];

export interface TeacherPasteResult {
  level: string;
  codes: number;
  runs: number;
  ms: number[];
  medianMs: number;
  minMs: number;
  maxMs: number;
  verifiedShown: number;
  goalMs: number;
}

function classCodes(levelId: string, session: string): string[] {
  const level = builtInLevel(levelId);
  if (level === undefined) throw new Error(`no level ${levelId}`);
  const reference = referenceBuild(level);
  return Array.from({ length: CLASS_SIZE }, (_, student) => {
    const count = student % 11;
    const build = count === 0 ? reference : { ...reference, commands: realisticCommands(level, reference, count) };
    const scored = scoreRun({ level, build }, SEED);
    const nick = `${NICKS[student % NICKS.length]}${student >= NICKS.length ? ` ${Math.floor(student / NICKS.length) + 1}` : ''}`;
    return makeResultCode({ session, nick, level, seed: SEED, attempt: 1, prediction: level.expected ?? null, build, score: scored.score, stars: scored.stars });
  });
}

export async function benchTeacherPaste(bench: BrowserBench, levelId = 'spare-vms', runs = 5): Promise<TeacherPasteResult> {
  const ms: number[] = [];
  let verifiedShown = 0;
  for (let run = 0; run < runs; run += 1) {
    const context = await bench.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${bench.origin}/game/?mode=classroom&locale=en`);
    await page.waitForFunction(() => window.kernelCourierTeacher !== undefined, undefined, { timeout: 60_000 });
    await page.evaluate(() => window.kernelCourierTeacher?.ready);
    await page.click('#kt-clear-levels');
    await page.selectOption('#kt-level', levelId);
    await page.click('#kt-add-level');
    await page.fill('#kt-seed', String(SEED));
    await page.click('#kt-submit');
    await page.waitForSelector('#kt-paste');
    const session = await page.evaluate(() => window.kernelCourierTeacher?.session()?.id ?? '');
    const text = classCodes(levelId, session).join('\n');
    ms.push(
      await page.evaluate(async (pasted) => {
        const start = performance.now();
        await window.kernelCourierTeacher?.addText(pasted);
        return performance.now() - start;
      }, text),
    );
    verifiedShown = await page.locator('#kt-table td[data-kt-status="verified"]').count();
    await context.close();
  }
  return {
    level: levelId,
    codes: CLASS_SIZE,
    runs,
    ms: ms.map((value) => Math.round(value)),
    medianMs: Math.round(median(ms)),
    minMs: Math.round(Math.min(...ms)),
    maxMs: Math.round(Math.max(...ms)),
    verifiedShown,
    goalMs: 1000,
  };
}
