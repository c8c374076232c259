// The race view's frame cost (issue 13 item 4): five lanes of one level (its four allowed architectures and
// a player's build, opened from the Debrief as a student would) against the single board running that
// same build on the Play screen, both Canvas at 1280×720. Both pages stay open; measuring windows
// alternate between them with the other page frozen, as the frame part does (bench/browser.ts), and the
// figures are medians over the rounds. Measures and reports; asserts nothing.
import type { Page } from 'playwright-core';
import { measureFrames, median, medianFigures, newPage, setFrozen, type BrowserBench, type FrameFigures } from './browser';

export interface RaceBenchResult {
  level: string;
  arch: string;
  lanes: number;
  rounds: number;
  race: FrameFigures;
  board: FrameFigures;
  raceRoundsMs: number[];
  boardRoundsMs: number[];
  /** Race main-thread ms per frame over the single board's (goal ≤ 1.5). */
  mainThreadRatio: number;
}

async function openDebrief(bench: BrowserBench, level: string, arch: string): Promise<Page> {
  const page = await newPage(bench);
  await page.goto(`${bench.origin}/game/?locale=en&audio=disabled&renderer=canvas`);
  await page.waitForFunction(() => window.kernelCourier !== undefined, undefined, { timeout: 60_000 });
  await page.evaluate(() => window.kernelCourier!.ready);
  await page.evaluate(([id, build]) => window.kernelCourier!.openDebrief(id, { arch: build }), [level, arch] as const);
  await page.waitForFunction(() => window.kernelCourier!.scene() === 'debrief', undefined, { timeout: 60_000 });
  await page.waitForTimeout(500);
  return page;
}

/** Clicks a widget of the screen on show by its id, where a player would. */
async function press(page: Page, id: string): Promise<void> {
  const widget = await page.evaluate((wanted) => window.kernelCourier!.widgets().find((entry) => entry.id === wanted), id);
  if (!widget) throw new Error(`no widget ${id} on ${await page.evaluate(() => window.kernelCourier!.scene())}`);
  await page.mouse.click(widget.x + widget.width / 2, widget.y + widget.height / 2);
}

export async function benchRace(bench: BrowserBench, level = 'rush-hour', arch = 'type1-para', seconds = 4, rounds = 3): Promise<RaceBenchResult> {
  // The race: the Debrief's Race button (the build becomes the fifth lane), then Start at 1×.
  const racePage = await openDebrief(bench, level, arch);
  await press(racePage, 'debrief-race');
  await racePage.waitForFunction(() => window.kernelCourier!.scene() === 'race', undefined, { timeout: 60_000 });
  await racePage.waitForTimeout(500);
  await press(racePage, 'race-start');
  await racePage.waitForFunction(() => window.kernelCourier!.race()?.state === 'running', undefined, { timeout: 10_000 });
  const lanes = await racePage.evaluate(() => window.kernelCourier!.race()!.lanes.length);
  await setFrozen(racePage, true);
  // The single board: Retry opens the Play screen on the same build; Shift+Enter runs it.
  const boardPage = await openDebrief(bench, level, arch);
  await press(boardPage, 'debrief-retry');
  await boardPage.waitForFunction(() => window.kernelCourier!.scene() === 'play', undefined, { timeout: 60_000 });
  await boardPage.waitForTimeout(500);
  await boardPage.keyboard.press('Shift+Enter');
  // Runs start at the player's speed setting (2× by default); the race runs at 1×, and a board at 2× would
  // finish its 30 s run within the measuring windows and be measured empty.
  await boardPage.keyboard.press('1');
  await boardPage.waitForFunction(() => window.kernelCourier!.stats().packetsInFlight > 0, undefined, { timeout: 20_000 });
  await setFrozen(boardPage, true);
  const race: FrameFigures[] = [];
  const board: FrameFigures[] = [];
  for (let round = 0; round < rounds; round += 1) {
    for (const [page, into] of [[racePage, race], [boardPage, board]] as const) {
      await setFrozen(page, false);
      await page.waitForTimeout(1000);
      into.push(await measureFrames(page, seconds));
      await setFrozen(page, true);
    }
  }
  await racePage.context().close();
  await boardPage.context().close();
  const raceMedian = medianFigures(race);
  const boardMedian = medianFigures(board);
  return {
    level,
    arch,
    lanes,
    rounds,
    race: raceMedian,
    board: boardMedian,
    raceRoundsMs: race.map((entry) => entry.mainThreadMsPerFrame),
    boardRoundsMs: board.map((entry) => entry.mainThreadMsPerFrame),
    mainThreadRatio: Math.round((median(race.map((entry) => entry.mainThreadMsPerFrame)) / boardMedian.mainThreadMsPerFrame) * 100) / 100,
  };
}

export function raceLine(result: RaceBenchResult): string {
  return [
    `Race view, ${result.lanes} lanes (${result.level}: its architectures and a ${result.arch} build) against the single board running that build, Canvas 1280×720, medians of ${result.rounds} alternating rounds`,
    `  main ms/frame race ${result.race.mainThreadMsPerFrame.toFixed(2)} | board ${result.board.mainThreadMsPerFrame.toFixed(2)} | ratio ${result.mainThreadRatio.toFixed(2)}   (rounds race ${result.raceRoundsMs.join(', ')}; board ${result.boardRoundsMs.join(', ')})`,
    `  p95 interval ms race ${result.race.p95IntervalMs.toFixed(1)} | board ${result.board.p95IntervalMs.toFixed(1)}   fps race ${result.race.fps.toFixed(1)} | board ${result.board.fps.toFixed(1)}   packets drawn race ${result.race.inFlight} | board ${result.board.inFlight}`,
    '  (goal: 60 fps, race main-thread time ≤ 1.5× the single board)',
    '',
  ].join('\n');
}
