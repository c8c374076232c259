// `npm run build:lms [-- --chapter N | --level ID]` (contracts.md §7): builds the game once and packs it
// as dist-lms/kernel-courier-scorm12.zip (SCORM 1.2) and dist-lms/kernel-courier-scorm2004.zip (SCORM 2004
// 4th edition): one SCO, imsmanifest.xml at the zip's root, the whole game or one chapter or level.
// `packageSite` is exported for the real-browser test, which packs the build it already made.
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync, type Zippable } from 'fflate';
import { version as gameVersion } from '../package.json';
import { levelsByChapter, CAMPAIGN_LEVELS } from '../src/levels';
import { buildManifest, launchHref } from '../src/lms/manifest';
import type { ScormVersion } from '../src/lms/launch';
import { MASTERY_SCORE } from '../src/lms/packageScore';

const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');

export interface PackagePart {
  level?: string;
  chapter?: number;
}

export const PACKAGE_NAMES: Record<ScormVersion, string> = { scorm12: 'kernel-courier-scorm12.zip', scorm2004: 'kernel-courier-scorm2004.zip' };

function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (folder: string) => {
    for (const name of readdirSync(folder).sort()) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else out.push(relative(dir, path).split(sep).join('/'));
    }
  };
  walk(dir);
  return out;
}

/** Checks `--chapter` / `--level` against the campaign; throws a clear message for a bad one. */
export function resolvePart(args: readonly string[]): PackagePart {
  const value = (flag: string) => {
    const index = args.indexOf(flag);
    return index >= 0 ? args[index + 1] : undefined;
  };
  const level = value('--level');
  const chapter = value('--chapter');
  if (level !== undefined && chapter !== undefined) throw new Error('Give --level or --chapter, not both.');
  if (level !== undefined) {
    if (!CAMPAIGN_LEVELS.some((entry) => entry.id === level)) throw new Error(`Unknown level id ${JSON.stringify(level)}; known: ${CAMPAIGN_LEVELS.map((entry) => entry.id).join(', ')}.`);
    return { level };
  }
  if (chapter !== undefined) {
    const count = levelsByChapter().length;
    const number = Number(chapter);
    if (!/^\d+$/.test(chapter) || number < 1 || number > count) throw new Error(`--chapter must be a number from 1 to ${count}, not ${JSON.stringify(chapter)}.`);
    return { chapter: number };
  }
  return {};
}

function titleOf(part: PackagePart): { title: string; suffix: string } {
  if (part.level) {
    const level = CAMPAIGN_LEVELS.find((entry) => entry.id === part.level);
    const name = (level?.title as unknown as Record<string, string> | undefined)?.en ?? part.level;
    return { title: `Kernel Courier: ${name}`, suffix: `level-${part.level}` };
  }
  if (part.chapter) return { title: `Kernel Courier: chapter ${part.chapter}`, suffix: `chapter-${part.chapter}` };
  return { title: 'Kernel Courier', suffix: 'game' };
}

/** Packs a built site folder as the two SCORM zips in `outDir`; returns their paths. */
export function packageSite(siteDir: string, outDir: string, part: PackagePart = {}): Record<ScormVersion, string> {
  const files = listFiles(siteDir);
  const contents: Zippable = {};
  for (const file of files) contents[file] = readFileSync(join(siteDir, file));
  const { title, suffix } = titleOf(part);
  mkdirSync(outDir, { recursive: true });
  const written = {} as Record<ScormVersion, string>;
  for (const version of ['scorm12', 'scorm2004'] as const) {
    const manifest = buildManifest({ version, identifier: `kernel-courier-${gameVersion}-${suffix}-${version}`, title, launch: launchHref(version, part), files, masteryScore: MASTERY_SCORE });
    const zip = zipSync({ ...contents, 'imsmanifest.xml': new TextEncoder().encode(manifest) }, { level: 9, mtime: new Date('2026-01-01T00:00:00Z') });
    const path = join(outDir, PACKAGE_NAMES[version]);
    writeFileSync(path, zip);
    written[version] = path;
  }
  return written;
}

async function main(): Promise<void> {
  const part = resolvePart(process.argv.slice(2));
  const outDir = join(ROOT, 'dist-lms');
  const siteDir = join(outDir, 'site');
  rmSync(outDir, { recursive: true, force: true });
  const { build } = await import('vite');
  // A package is served by the LMS: no service worker (the LMS decides about caching and updates).
  process.env.KC_NO_SERVICE_WORKER = '1';
  await build({ root: ROOT, logLevel: 'warn', build: { outDir: siteDir, emptyOutDir: true } });
  const written = packageSite(siteDir, outDir, part);
  rmSync(siteDir, { recursive: true, force: true });
  for (const path of Object.values(written)) console.log(`${relative(ROOT, path)}  ${(statSync(path).size / 1024).toFixed(0)} KiB`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  });
}
