// `npm run bench`: runs the benchmarks and prints a readable table, then one JSON object. Benchmarks
// measure and report; the pass/fail tests live in tests/.
//
// The engine is measured as the game ships it: bundled into one ES module (esbuild, as Vite's production
// build does), not through the development transpiler, whose per-import getters would slow the hot loops.
// It runs in a fresh Node process: once any ArrayBuffer in a process has been detached (esbuild, Vite and
// playwright do so), V8 checks every typed-array access for it and the engine runs 10–15 % slower.
// The browser part compares the production build with a bare Phaser page (bench/baseline).
//
// Environment: BENCH_REPEATS (engine runs per figure, default 7), BENCH_BOOT_RUNS (default 9: issue 16 asks for a median of at least 7),
// BENCH_MEMORY_MINUTES (marks of the memory run, default "1,10"), BENCH_ONLY=engine|worst|classroom|browser,
// BENCH_PARTS (browser parts to run, default "boot,transfer,frames,race,memory,paint,teacher,worstframes"; `race`: the race
// view's five lanes against the single board, bench/race.ts; `worstframes`: the heaviest level files the work
// budget allows, run on the board at 4×, their frame intervals and long tasks), BENCH_FRAME_ROUNDS
// (alternating measuring windows per page and packet count, default 3), BENCH_FRAME_COUNTS (packets in flight
// of the frame part, default "500,1000,2000,4000"), BENCH_PAINT_RUNS (loads for the
// first contentful paint, default 5). BENCH_PARTS=longrun (never by default: it takes 30 minutes) runs the
// sandbox at 4× for BENCH_LONGRUN_MINUTES (default 30) and reports heap growth and the longest frame.
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import type * as ClassroomBench from './classroom';
import type * as EngineBench from './engine';
import type { BootResult, BrowserBench, FrameRow, MemoryResult } from './browser';

const root = resolve(import.meta.dirname, '..');
const only = process.env.BENCH_ONLY ?? '';
const parts = new Set((process.env.BENCH_PARTS ?? 'boot,transfer,frames,race,memory,paint,teacher,worstframes').split(',').map((part) => part.trim()));
const report: Record<string, unknown> = {};

/** "min–max" of a list of figures: the spread printed next to a median. */
function spread(values: number[]): string {
  return values.length === 0 ? 'no runs' : `${Math.min(...values)}–${Math.max(...values)}`;
}

/** Each interleaved run's own ratio, game ÷ baseline. */
function runRatios(game: number[], baseline: number[]): string {
  return game.map((ms, index) => (ms / (baseline[index] ?? Number.NaN)).toFixed(2)).join(', ');
}

function median(values: number[]): number {
  const sorted = [...values].sort((left, right) => left - right);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length === 0 ? Number.NaN : sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

interface TransferResult {
  gzipBytes: number;
  rawBytes: number;
  files: number;
  audioGzipBytes: number;
  byKind: Record<string, number>;
}

/**
 * The whole transfer of a first visit (issue 14 item 7): load the game with sound on, make the first
 * gesture (which loads Howler and every sound), open the first level, and wait until the offline service
 * worker has precached the game and the network is quiet. Every response body the page or the worker
 * received is counted once (by URL without Workbox's revision parameter), gzipped at level 9 as a static
 * host would send it.
 */
async function firstVisitTransfer(bench: BrowserBench): Promise<TransferResult> {
  const context = await bench.browser.newContext({ viewport: { width: 1280, height: 720 }, serviceWorkers: 'allow' });
  const page = await context.newPage();
  const bodies = new Map<string, Promise<{ raw: number; gzip: number; kind: string }>>();
  context.on('response', (response) => {
    const url = response.url().replace(/[?&]__WB_REVISION__=[0-9a-f]+$/, '');
    if (bodies.has(url) || url.startsWith('data:')) return;
    const kind = /\.(js|css|html|svg|png|webm|mp3|wav|json)(?:[?#]|$)/.exec(url)?.[1] ?? (url.endsWith('/') ? 'html' : 'other');
    bodies.set(url, response.body().then((body) => ({ raw: body.length, gzip: gzipSync(body, { level: 9 }).length, kind }), () => ({ raw: 0, gzip: 0, kind })));
  });
  await page.goto(`${bench.origin}/game/?locale=en&audio=enabled&renderer=canvas`);
  await page.waitForFunction(() => (window as unknown as { kernelCourier?: unknown }).kernelCourier !== undefined);
  await page.evaluate(() => (window as unknown as { kernelCourier: { ready: Promise<void> } }).kernelCourier.ready);
  await page.mouse.click(5, 5);
  await page.evaluate(() => (window as unknown as { kernelCourier: { startLevel(id: string): Promise<void> } }).kernelCourier.startLevel('first-delivery'));
  for (let waited = 0; waited < 30_000; waited += 250) {
    const active = await page.evaluate(() => navigator.serviceWorker?.getRegistration().then((registration) => registration?.active?.state === 'activated') ?? false);
    if (active) break;
    await page.waitForTimeout(250);
  }
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(1500);
  const all = await Promise.all(bodies.values());
  await context.close();
  const byKind: Record<string, number> = {};
  for (const body of all) byKind[body.kind] = (byKind[body.kind] ?? 0) + body.gzip;
  const sum = (key: 'raw' | 'gzip') => all.reduce((total, body) => total + body[key], 0);
  const audioGzipBytes = all.filter((body) => ['webm', 'mp3', 'wav'].includes(body.kind)).reduce((total, body) => total + body.gzip, 0);
  return { gzipBytes: sum('gzip'), rawBytes: sum('raw'), files: all.length, audioGzipBytes, byKind };
}

if (only === '' || only === 'engine') {
  const outDirectory = join(root, 'node_modules', '.cache', 'kernel-courier-bench');
  mkdirSync(outDirectory, { recursive: true });
  const outfile = join(outDirectory, 'engine.mjs');
  await build({ entryPoints: [join(root, 'bench', 'engine.ts')], bundle: true, platform: 'node', format: 'esm', target: 'node20', outfile, logLevel: 'warning' });
  const engineModule = (await import(pathToFileURL(outfile).href)) as typeof EngineBench;
  const repeats = Number(process.env.BENCH_REPEATS ?? 7);
  const child = spawnSync(
    process.execPath,
    ['--input-type=module', '-e', `const m = await import(${JSON.stringify(pathToFileURL(outfile).href)}); process.stdout.write(JSON.stringify(m.runEngineBench(${repeats})));`],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  if (child.status !== 0) throw new Error(`the engine benchmark failed (exit ${child.status})`);
  const engine = JSON.parse(child.stdout) as ReturnType<typeof EngineBench.runEngineBench>;
  process.stdout.write(`${engineModule.engineTable(engine)}\n\n`);
  report.engine = engine;
}

if (only === '' || only === 'worst') {
  // `--rank` of the heaviest levels the work budget allows (issue 15); bundled and run as the engine is.
  const outDirectory = join(root, 'node_modules', '.cache', 'kernel-courier-bench');
  mkdirSync(outDirectory, { recursive: true });
  const outfile = join(outDirectory, 'engine-worst.mjs');
  await build({ entryPoints: [join(root, 'bench', 'engine.ts')], bundle: true, platform: 'node', format: 'esm', target: 'node20', outfile, logLevel: 'warning' });
  const engineModule = (await import(pathToFileURL(outfile).href)) as typeof EngineBench;
  const child = spawnSync(
    process.execPath,
    ['--input-type=module', '-e', `const m = await import(${JSON.stringify(pathToFileURL(outfile).href)}); process.stdout.write(JSON.stringify(m.runWorstRankBench(${Number(process.env.BENCH_REPEATS ?? 5)})));`],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  if (child.status !== 0) throw new Error(`the worst-level benchmark failed (exit ${child.status})`);
  const worst = JSON.parse(child.stdout) as ReturnType<typeof EngineBench.runWorstRankBench>;
  process.stdout.write(`${engineModule.worstRankTable(worst)}\n\n`);
  report.worstRank = worst;
}

if (only === '' || only === 'classroom') {
  // Bundled and run in a fresh process, as the engine is above.
  const outDirectory = join(root, 'node_modules', '.cache', 'kernel-courier-bench');
  mkdirSync(outDirectory, { recursive: true });
  const outfile = join(outDirectory, 'classroom.mjs');
  await build({ entryPoints: [join(root, 'bench', 'classroom.ts')], bundle: true, platform: 'node', format: 'esm', target: 'node20', outfile, logLevel: 'warning' });
  const classroomModule = (await import(pathToFileURL(outfile).href)) as typeof ClassroomBench;
  const child = spawnSync(
    process.execPath,
    ['--input-type=module', '-e', `const m = await import(${JSON.stringify(pathToFileURL(outfile).href)}); process.stdout.write(JSON.stringify(m.runClassroomBench(${Number(process.env.BENCH_REPEATS ?? 7)})));`],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  if (child.status !== 0) throw new Error(`the classroom benchmark failed (exit ${child.status})`);
  const classroom = JSON.parse(child.stdout) as ReturnType<typeof ClassroomBench.runClassroomBench>;
  process.stdout.write(`${classroomModule.classroomTable(classroom)}\n\n`);
  report.classroom = classroom;
}

if (only === '' || only === 'browser') {
  const { benchBoot, benchFrames, benchLongRun, benchMemory, startBrowserBench } = await import('./browser');
  const bench = await startBrowserBench();
  try {
    if (parts.has('boot')) {
      const boot: BootResult = await benchBoot(bench, Number(process.env.BENCH_BOOT_RUNS ?? 9));
      report.boot = boot;
      process.stdout.write(
        [
          `Boot to the first interactive menu, CPU throttled ${boot.throttle}×, median of ${boot.runs} interleaved runs`,
          `  game ${boot.gameMedianMs} ms (${spread(boot.gameMs)})   bare Phaser ${boot.baselineMedianMs} ms (${spread(boot.baselineMs)})   ratio ${boot.ratio} (goal ≤ 1.15); run by run: ${runRatios(boot.gameMs, boot.baselineMs)}`,
          `  first key (Tab) pressed at ready: its frame done ${boot.firstKeyReadyMedianMs} ms after the ready mark (${spread(boot.firstKeyReadyMs)}; goal ≤ 100); key down → frame ${median(boot.firstKeyLatencyMs)} ms (${spread(boot.firstKeyLatencyMs)})`,
          `First download before the menu is interactive: ${kb(boot.firstDownloadGzipBytes)} gzip in ${boot.firstDownloadFiles} files (goal ≤ 450 KB; bare Phaser ${kb(boot.baselineDownloadGzipBytes)})`,
          '',
        ].join('\n') + '\n',
      );
    }
    if (parts.has('transfer')) {
      const transfer = await firstVisitTransfer(bench);
      report.transfer = transfer;
      const kinds = Object.entries(transfer.byKind)
        .sort((a, b) => b[1] - a[1])
        .map(([kind, bytes]) => `${kind} ${kb(bytes)}`)
        .join(', ');
      process.stdout.write(
        `First visit, everything (page, code, images, sounds, offline precache; first gesture and first level): ${kb(transfer.gzipBytes)} gzip (${kb(transfer.rawBytes)} raw) in ${transfer.files} files (goal ≤ 1.2 MB gzip)\n  by kind: ${kinds}; sounds ${kb(transfer.audioGzipBytes)}\n\n`,
      );
    }
    if (parts.has('frames')) {
      const frames: FrameRow[] = await benchFrames(bench, process.env.BENCH_FRAME_COUNTS ? process.env.BENCH_FRAME_COUNTS.split(',').map(Number) : undefined, undefined, Number(process.env.BENCH_FRAME_ROUNDS ?? 3));
      report.frames = frames;
      process.stdout.write(`Frames with N packets in flight (sandbox, Canvas) against bare Phaser moving N images: medians of ${frames[0]?.rounds ?? 0} alternating rounds\n`);
      process.stdout.write('  N      in flight (drawn)  main ms/frame game | bare | ratio   p95 interval ms game | bare | ratio   fps game | bare   rounds game / bare (ms)\n');
      for (const row of frames) {
        process.stdout.write(
          `  ${String(row.packets).padEnd(6)} ${String(row.game.inFlight).padStart(9)} ${`(${row.game.drawn})`.padStart(7)}  ${row.game.mainThreadMsPerFrame.toFixed(2).padStart(9)} | ${row.baseline.mainThreadMsPerFrame.toFixed(2).padStart(5)} | ${row.mainThreadRatio.toFixed(2).padStart(5)}   ${row.game.p95IntervalMs.toFixed(1).padStart(12)} | ${row.baseline.p95IntervalMs.toFixed(1).padStart(5)} | ${row.p95Ratio.toFixed(2).padStart(5)}   ${row.game.fps.toFixed(1).padStart(7)} | ${row.baseline.fps.toFixed(1).padEnd(5)}   ${row.gameRoundsMs.join(', ')} / ${row.baselineRoundsMs.join(', ')}\n`,
        );
      }
      process.stdout.write('  (goal: main-thread ratio ≤ 1.2 at 500 and ≤ 1.1 at 1000, and 60 fps held at 1000)\n\n');
    }
    if (parts.has('teacher')) {
      const { benchTeacherPaste } = await import('./teacher');
      const paste = await benchTeacherPaste(bench, process.env.BENCH_TEACHER_LEVEL ?? 'spare-vms', Number(process.env.BENCH_TEACHER_RUNS ?? 5));
      report.teacherPaste = paste;
      process.stdout.write(
        [
          `Teacher's page: ${paste.codes} codes of ${paste.level} pasted at once, until all are verified, shown and saved (fresh page each run, ${paste.runs} runs)`,
          `  median ${paste.medianMs} ms   min ${paste.minMs}   max ${paste.maxMs}   verified cells shown ${paste.verifiedShown} (goal < ${paste.goalMs} ms)`,
          '',
        ].join('\n') + '\n',
      );
    }
    if (parts.has('race')) {
      const { benchRace, raceLine } = await import('./race');
      const race = await benchRace(bench, undefined, undefined, undefined, Number(process.env.BENCH_FRAME_ROUNDS ?? 3));
      report.race = race;
      process.stdout.write(`${raceLine(race)}\n`);
    }
    if (parts.has('memory')) {
      const marks = (process.env.BENCH_MEMORY_MINUTES ?? '1,10').split(',').map(Number).filter((value) => value > 0);
      const memory: MemoryResult = await benchMemory(bench, marks);
      report.memory = memory;
      process.stdout.write(
        `Memory in a sandbox run at 4× speed: heap ${memory.heapMiB.join(' → ')} MiB (growth ${memory.heapGrowthPercent} %), display objects ${memory.displayObjects.join(' → ')} (growth ${memory.displayObjectGrowthPercent} %), canvases ${memory.canvases.join(' → ')}, at minutes ${memory.minutes.join(', ')} (goal ≤ 5 %)\n\n`,
      );
    }
    if (parts.has('paint')) await benchPaint(bench);
    if (parts.has('worstframes')) {
      const { benchWorstFrames } = await import('./browser');
      const { worstLevels } = await import('./worstLevels');
      const { CAMPAIGN_LEVELS } = await import('../src/levels');
      // For comparison, the built-in level with the most apps, opened the same way.
      const reference = CAMPAIGN_LEVELS.reduce((most, level) => (level.apps.length > most.apps.length ? level : most));
      const worst = await benchWorstFrames(bench, [...worstLevels(), reference]);
      report.worstFrames = worst;
      process.stdout.write(
        [
          `The heaviest level files the budget allows, and the built-in ${reference.id} for comparison, opened on the board and run at 4× (Canvas, no throttling; while the board is built, the longest interval between frames and the longest the page was busy at a stretch (two tasks in a row count as one stretch), then the run's first 12 s; goal: no frame blocked over 50 ms):`,
          ...worst.map((row) => `  ${row.level}: board built: longest frame interval ${row.openFrameMs} ms, busy at most ${row.openTaskMs} ms at a stretch; ${row.frames} frames, longest interval ${row.longestFrameMs} ms, ${row.framesOver50Ms} over 50 ms; ${row.longTasks} long tasks (longest ${row.longestTaskMs} ms${row.longTasks > 0 ? `; at ${row.longTaskAtSeconds.join(', ')} s` : ''}); packets in flight ${row.inFlight}, drawn ${row.drawn}`),
          '',
        ].join('\n') + '\n',
      );
    }
    if (parts.has('longrun')) {
      const longRun = await benchLongRun(bench, Number(process.env.BENCH_LONGRUN_MINUTES ?? 30));
      report.longRun = longRun;
      process.stdout.write(
        [
          `Long run: the sandbox at 4× with ${longRun.packets} packets for ${longRun.minutes} minutes (run still going at the end: ${longRun.stillRunning ? 'yes' : 'NO'})`,
          `  heap ${longRun.heapMiB[0]} → ${longRun.heapMiB[longRun.heapMiB.length - 1]} MiB from minute 1 to ${longRun.minutes}: growth ${longRun.heapGrowthPercent} % (goal ≤ 5 %); every minute: ${longRun.heapMiB.join(' ')}`,
          `  after minute 1: longest frame ${longRun.longestFrameMs} ms (goal ≤ 100 ms), ${longRun.framesOver100Ms} of ${longRun.frames} frames over 100 ms, ${longRun.longTasks} long tasks (longest ${longRun.longestTaskMs} ms)`,
          '',
        ].join('\n') + '\n',
      );
    }
  } finally {
    await bench.close();
  }
}

process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);

/** First contentful paint under Lighthouse's mobile throttling (bench/paint.ts). */
async function benchPaint(bench: import('./browser').BrowserBench): Promise<void> {
  const { benchFirstPaint, paintLine } = await import('./paint');
  const paint = await benchFirstPaint(bench, Number(process.env.BENCH_PAINT_RUNS ?? 5));
  report.paint = paint;
  process.stdout.write(`${paintLine(paint)}\n`);
}
