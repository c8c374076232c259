// `npm run bench`: runs the benchmarks and prints a readable table, then one JSON object. Benchmarks
// measure and report; the pass/fail tests live in tests/.
//
// The engine is measured as the game ships it: bundled into one ES module (esbuild, as Vite's production
// build does), not through the development transpiler, whose per-import getters would slow the hot loops.
// It runs in a fresh Node process: once any ArrayBuffer in a process has been detached (esbuild, Vite and
// playwright do so), V8 checks every typed-array access for it and the engine runs 10–15 % slower.
// The browser part compares the production build with a bare Phaser page (bench/baseline).
//
// Environment: BENCH_REPEATS (engine runs per figure, default 7), BENCH_BOOT_RUNS (default 5),
// BENCH_MEMORY_MINUTES (marks of the memory run, default "1,10"), BENCH_ONLY=engine|classroom|browser,
// BENCH_PARTS (browser parts to run, default "boot,frames,memory,teacher"), BENCH_FRAME_ROUNDS (alternating
// measuring windows per page and packet count, default 3).
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import type * as ClassroomBench from './classroom';
import type * as EngineBench from './engine';
import type { BootResult, FrameRow, MemoryResult } from './browser';

const root = resolve(import.meta.dirname, '..');
const only = process.env.BENCH_ONLY ?? '';
const parts = new Set((process.env.BENCH_PARTS ?? 'boot,frames,memory,teacher').split(',').map((part) => part.trim()));
const report: Record<string, unknown> = {};

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
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
  const { benchBoot, benchFrames, benchMemory, startBrowserBench } = await import('./browser');
  const bench = await startBrowserBench();
  try {
    if (parts.has('boot')) {
      const boot: BootResult = await benchBoot(bench, Number(process.env.BENCH_BOOT_RUNS ?? 5));
      report.boot = boot;
      process.stdout.write(
        [
          `Boot to the first interactive menu, CPU throttled ${boot.throttle}×, median of ${boot.runs} interleaved runs`,
          `  game ${boot.gameMedianMs} ms   bare Phaser ${boot.baselineMedianMs} ms   ratio ${boot.ratio} (goal ≤ 1.3)`,
          `First download before the menu is interactive: ${kb(boot.firstDownloadGzipBytes)} gzip in ${boot.firstDownloadFiles} files (goal ≤ 450 KB; bare Phaser ${kb(boot.baselineDownloadGzipBytes)})`,
          '',
        ].join('\n') + '\n',
      );
    }
    if (parts.has('frames')) {
      const frames: FrameRow[] = await benchFrames(bench, undefined, undefined, Number(process.env.BENCH_FRAME_ROUNDS ?? 3));
      report.frames = frames;
      process.stdout.write(`Frames with N packets in flight (sandbox, Canvas) against bare Phaser moving N images: medians of ${frames[0]?.rounds ?? 0} alternating rounds\n`);
      process.stdout.write('  N      in flight  main ms/frame game | bare | ratio   p95 interval ms game | bare | ratio   fps game | bare\n');
      for (const row of frames) {
        process.stdout.write(
          `  ${String(row.packets).padEnd(6)} ${String(row.game.inFlight).padStart(9)}  ${row.game.mainThreadMsPerFrame.toFixed(2).padStart(9)} | ${row.baseline.mainThreadMsPerFrame.toFixed(2).padStart(5)} | ${row.mainThreadRatio.toFixed(2).padStart(5)}   ${row.game.p95IntervalMs.toFixed(1).padStart(12)} | ${row.baseline.p95IntervalMs.toFixed(1).padStart(5)} | ${row.p95Ratio.toFixed(2).padStart(5)}   ${row.game.fps.toFixed(1).padStart(7)} | ${row.baseline.fps.toFixed(1)}\n`,
        );
      }
      process.stdout.write('  (goal: main-thread ratio ≤ 1.25 at 1000, and 60 fps held at 1000)\n\n');
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
    if (parts.has('memory')) {
      const marks = (process.env.BENCH_MEMORY_MINUTES ?? '1,10').split(',').map(Number).filter((value) => value > 0);
      const memory: MemoryResult = await benchMemory(bench, marks);
      report.memory = memory;
      process.stdout.write(
        `Memory in a sandbox run at 4× speed: heap ${memory.heapMiB.join(' → ')} MiB (growth ${memory.heapGrowthPercent} %), display objects ${memory.displayObjects.join(' → ')} (growth ${memory.displayObjectGrowthPercent} %), canvases ${memory.canvases.join(' → ')}, at minutes ${memory.minutes.join(', ')} (goal ≤ 5 %)\n\n`,
      );
    }
  } finally {
    await bench.close();
  }
}

process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
