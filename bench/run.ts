// `npm run bench`: runs the benchmarks and prints a readable table, then one JSON object. Benchmarks
// measure and report; the pass/fail tests live in tests/. The engine is measured as the game ships it:
// bundled into one ES module (esbuild, as Vite's production build does with Rollup), not through the
// development transpiler, whose per-import getters would slow the hot loops.
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as EngineBench from './engine';

const root = resolve(import.meta.dirname, '..');
const outDirectory = join(root, 'node_modules', '.cache', 'kernel-courier-bench');
mkdirSync(outDirectory, { recursive: true });
const outfile = join(outDirectory, 'engine.mjs');
await build({
  entryPoints: [join(root, 'bench', 'engine.ts')],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  outfile,
  logLevel: 'warning',
});
const engineModule = (await import(pathToFileURL(outfile).href)) as typeof EngineBench;

const engine = engineModule.runEngineBench(Number(process.env.BENCH_REPEATS ?? 7));
process.stdout.write(`${engineModule.engineTable(engine)}\n\n`);
process.stdout.write(`${JSON.stringify({ engine }, null, 2)}\n`);
