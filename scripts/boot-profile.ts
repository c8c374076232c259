// Where boot time goes (issue 16): loads the game to its ready mark under 4× CPU throttling with the
// DevTools CPU profiler on, and prints a breakdown: time by source (mapped back through the build's source
// map: Phaser, i18next, the game's own modules, the locale files) and time under a few named steps
// (inclusive). `npx tsx scripts/boot-profile.ts [runs] [query]` (defaults: 5, `locale=en&audio=disabled&renderer=canvas`).
// The build is minified as shipped, with a source map to name sources and functions; it measures, asserts nothing.
// PROFILE_BASELINE=1 profiles the bare Phaser page (bench/baseline) the same way.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { median, serve } from '../bench/browser';

const ROOT = resolve(import.meta.dirname, '..');
const OUT = join(ROOT, 'node_modules', '.cache', 'kernel-courier-profile');
const runs = Number(process.argv[2] ?? 5);
const baseline = process.env.PROFILE_BASELINE === '1';
const query = process.argv[3] ?? (baseline ? 'n=0&renderer=canvas' : 'locale=en&audio=disabled&renderer=canvas');
const MARK = baseline ? 'baseline-ready' : 'kernel-courier-ready';
/** PROFILE_MINIFY=0 profiles an unminified build (names as written, but parsing costs more than shipped). */
const minify = process.env.PROFILE_MINIFY !== '0';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

// ------------------------------------------------------------------ source maps (VLQ, no dependency)
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
interface Segment {
  column: number;
  source: number;
  /** The original name at this place, if the map has one (-1 if not). */
  name: number;
}
function decodeMappings(mappings: string): Segment[][] {
  const lines: Segment[][] = [];
  let source = 0;
  let name = 0;
  for (const line of mappings.split(';')) {
    const segments: Segment[] = [];
    let column = 0;
    for (const text of line.split(',')) {
      if (!text) continue;
      const values: number[] = [];
      let shift = 0;
      let value = 0;
      for (const char of text) {
        const digit = B64.indexOf(char);
        value += (digit & 31) << shift;
        if (digit & 32) shift += 5;
        else {
          values.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = 0;
          shift = 0;
        }
      }
      column += values[0] ?? 0;
      if (values.length > 1) {
        source += values[1] ?? 0;
        if (values.length > 4) name += values[4] ?? 0;
        segments.push({ column, source, name: values.length > 4 ? name : -1 });
      }
    }
    lines.push(segments);
  }
  return lines;
}

const maps = new Map<string, { sources: string[]; names: string[]; lines: Segment[][] }>();
/** The original source file of a place in the build, and the original name there (minified builds). */
function originalOf(url: string, line: number, column: number): { source: string; name?: string } {
  const file = url.split('/').pop() ?? '';
  if (!file.endsWith('.js')) return { source: url ? `(${file || url})` : '' };
  let map = maps.get(file);
  if (!map) {
    // A chunk without a source map (Rolldown's small runtime chunk) is named by its file.
    if (!existsSync(join(OUT, 'assets', `${file}.map`))) return { source: `(${file})` };
    const raw = JSON.parse(readFileSync(join(OUT, 'assets', `${file}.map`), 'utf8')) as { sources: string[]; names: string[]; mappings: string };
    map = { sources: raw.sources, names: raw.names ?? [], lines: decodeMappings(raw.mappings) };
    maps.set(file, map);
  }
  const segments = map.lines[line] ?? [];
  let found: Segment | undefined;
  for (const segment of segments) {
    if (segment.column <= column) found = segment;
    else break;
  }
  if (!found) return { source: '?' };
  // A function's name is mapped at or just after its start.
  const named = segments.find((segment) => segment.column >= column && segment.name >= 0 && segment.column - column < 12);
  return { source: map.sources[found.source] ?? '?', name: named ? map.names[named.name] : undefined };
}
const originals = new Map<string, { source: string; name?: string }>();
function originalFrame(frame: ProfileNode['callFrame']): { source: string; name: string } {
  const key = `${frame.url}:${frame.lineNumber}:${frame.columnNumber}`;
  let known = originals.get(key);
  if (!known) {
    known = originalOf(frame.url, frame.lineNumber, frame.columnNumber);
    originals.set(key, known);
  }
  return { source: known.source, name: frame.functionName };
}

/** A source file's group in the table. */
function groupOf(source: string, functionName: string): string {
  if (functionName === '(garbage collector)') return 'garbage collection';
  if (functionName === '(program)') return 'browser work outside JS (parse, style, layout, paint, compile)';
  if (functionName === '(idle)') return 'idle (waiting for the network / next frame)';
  if (!source) return `native: ${functionName || '(anonymous)'}`;
  const path = source.replace(/^(\.\.\/)+/, '');
  const phaser = /node_modules\/phaser\/src\/([^/]+)\/?([^/]*)/.exec(path);
  if (phaser) return `phaser/${phaser[1]}${phaser[1] === 'gameobjects' || phaser[1] === 'renderer' || phaser[1] === 'textures' ? `/${phaser[2]}` : ''}`;
  const module = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
  if (module) return module[1];
  const own = /(src\/.+|locales\/[^/]+|index\.html|vite\/[^/]+)/.exec(path);
  return own ? own[1] : path;
}

/** Named steps whose inclusive time the table shows (a function name, and optionally its source). */
const STEPS: [string, RegExp][] = [
  ['Text objects: layout and paint (Text.updateText)', /^updateText$/],
  ['canvas measureText (fonts)', /^measureText$/],
  ['i18n instance created (createI18n)', /^createI18n$/],
  ['the menu built (MenuScene.buildScreen)', /^buildScreen$/],
  ['Phaser.Game constructed', /^Game$/],
  ['Phaser boot (Game.boot: renderer, textures)', /^boot$/],
  ['default textures (TextureManager.boot / addBase64)', /^(addBase64|addImage)$/],
  ['first frames rendered (CanvasRenderer.render)', /^(render|postRender)$/],
  ['module evaluation (top level)', /^$/],
];

async function main(): Promise<void> {
  if (baseline) {
    await build({ root: join(ROOT, 'bench', 'baseline'), base: './', logLevel: 'warn', build: { outDir: OUT, emptyOutDir: true, minify, sourcemap: true, chunkSizeWarningLimit: 4000 } });
  } else {
    // No service worker: the unminified bundle is too large for its precache, and it is not part of boot.
    process.env.KC_NO_SERVICE_WORKER = '1';
    await build({ root: ROOT, logLevel: 'warn', build: { outDir: OUT, emptyOutDir: true, minify, sourcemap: true } });
  }
  const { server, origin } = await serve({ game: OUT });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
  const byGroup = new Map<string, number[]>();
  const bySteps = new Map<string, number[]>();
  const byFunction = new Map<string, number[]>();
  const readyMs: number[] = [];
  try {
    for (let run = 0; run < runs; run += 1) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
      const page = await context.newPage();
      const session = await context.newCDPSession(page);
      await session.send('Emulation.setCPUThrottlingRate', { rate: 4 });
      await session.send('Profiler.enable');
      await session.send('Profiler.setSamplingInterval', { interval: 200 });
      await session.send('Profiler.start');
      await page.goto(`${origin}/game/?${query}`);
      await page.waitForFunction((name) => performance.getEntriesByName(name).length > 0, MARK, { timeout: 120_000, polling: 50 });
      // The page's clock against the profiler's (both monotonic; Performance.getMetrics' Timestamp is the
      // profiler's clock in seconds): read around one performance.now() in the page.
      await session.send('Performance.enable');
      const clock = async () => ((await session.send('Performance.getMetrics')).metrics.find((metric) => metric.name === 'Timestamp')?.value ?? 0) * 1e6;
      const before = await clock();
      const ready = await page.evaluate((name) => ({ at: performance.getEntriesByName(name)[0].startTime, now: performance.now() }), MARK);
      const after = await clock();
      /** The ready mark and the navigation's start on the profiler's clock (µs). */
      const readyUs = (before + after) / 2 - (ready.now - ready.at) * 1000;
      const navigationUs = readyUs - ready.at * 1000;
      const { profile } = (await session.send('Profiler.stop')) as { profile: Profile };
      if (run === 0) writeFileSync(join(OUT, baseline ? 'baseline.cpuprofile' : 'boot.cpuprofile'), JSON.stringify(profile));
      await context.close();
      readyMs.push(ready.at);
      // Only samples from the navigation to the ready mark count.
      const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
      const parent = new Map<number, number>();
      for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
      const groups = new Map<string, number>();
      const functions = new Map<string, number>();
      const steps = new Map<string, number>();
      let t = profile.startTime;
      for (let index = 0; index < profile.samples.length; index += 1) {
        t += profile.timeDeltas[index] ?? 0;
        if (t < navigationUs || t > readyUs) continue;
        const dt = (profile.timeDeltas[index + 1] ?? 0) / 1000;
        const node = nodes.get(profile.samples[index]);
        if (!node) continue;
        const { source } = originalFrame(node.callFrame);
        const group = groupOf(source, node.callFrame.functionName);
        groups.set(group, (groups.get(group) ?? 0) + dt);
        const fn = `${node.callFrame.functionName || '(anonymous)'} (${group})`;
        functions.set(fn, (functions.get(fn) ?? 0) + dt);
        const seen = new Set<string>();
        for (let id: number | undefined = node.id; id !== undefined; id = parent.get(id)) {
          const frame = nodes.get(id)?.callFrame;
          if (!frame) break;
          const name = frame.functionName === '' ? '' : originalFrame(frame).name;
          for (const [label, pattern] of STEPS) {
            if (!seen.has(label) && pattern.test(name) && (label !== 'module evaluation (top level)' || (frame.url.endsWith('.js') && frame.lineNumber === 0 && frame.columnNumber === 0))) {
              seen.add(label);
              steps.set(label, (steps.get(label) ?? 0) + dt);
            }
          }
        }
      }
      for (const [group, ms] of groups) byGroup.set(group, [...(byGroup.get(group) ?? []), ms]);
      for (const [fn, ms] of functions) byFunction.set(fn, [...(byFunction.get(fn) ?? []), ms]);
      for (const [step, ms] of steps) bySteps.set(step, [...(bySteps.get(step) ?? []), ms]);
      process.stderr.write(`run ${run + 1}: ready at ${Math.round(ready.at)} ms\n`);
    }
  } finally {
    await browser.close();
    server.close();
  }
  const fill = (values: number[]) => [...values, ...Array(runs - values.length).fill(0)];
  const line = (label: string, values: number[]) => `| ${label} | ${Math.round(median(fill(values)))} | ${Math.round(Math.min(...fill(values)))}–${Math.round(Math.max(...fill(values)))} |`;
  process.stdout.write(`${baseline ? 'bare Phaser' : 'game'} ?${query}: ready at ${Math.round(median(readyMs))} ms (median of ${runs}; ${readyMs.map(Math.round).join(', ')}), 4× CPU throttling\n\n`);
  process.stdout.write('| self time by source | median ms | range |\n|---|---|---|\n');
  const sorted = [...byGroup.entries()].sort((a, b) => median(fill(b[1])) - median(fill(a[1])));
  for (const [group, values] of sorted.filter(([, values]) => median(fill(values)) >= 5)) process.stdout.write(`${line(group, values)}\n`);
  const rest = sorted.filter(([, values]) => median(fill(values)) < 5);
  process.stdout.write(`| ${rest.length} other sources under 5 ms each | ${Math.round(rest.reduce((sum, [, values]) => sum + median(fill(values)), 0))} | |\n\n`);
  process.stdout.write('| self time by function (top 20) | median ms | range |\n|---|---|---|\n');
  for (const [fn, values] of [...byFunction.entries()].sort((a, b) => median(fill(b[1])) - median(fill(a[1]))).slice(0, 20)) process.stdout.write(`${line(fn, values)}\n`);
  process.stdout.write('\n');
  if (minify) process.stdout.write('(Named steps need the names as written: PROFILE_MINIFY=0.)\n');
  else {
    process.stdout.write('| inclusive time under (unminified build) | median ms | range |\n|---|---|---|\n');
    for (const [label] of STEPS) process.stdout.write(`${line(label, bySteps.get(label) ?? [])}\n`);
  }
  process.stdout.write(`\nThe first run's profile: ${join('node_modules', '.cache', 'kernel-courier-profile', baseline ? 'baseline.cpuprofile' : 'boot.cpuprofile')} (open it in DevTools' Performance panel).\n`);
}

await main();
