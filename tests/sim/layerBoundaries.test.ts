// The allowed imports between the folders of src/ (docs/architecture.md, "Layers and their imports"): each
// folder names what it may import, and every import of every file is checked against it. Folders that do
// not exist yet (classroom, embed, lms, teacher) are checked as soon as they hold a file. The engine's
// other rules (no clock, no randomness, no browser) are in engineBoundary.test.ts.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..', '..');

/**
 * What a folder may import besides itself. Targets are source folders (`src/sim`), other repository
 * folders (`locales`, `assets`), npm packages by name (`phaser`), or `node:` for Node's built-in modules.
 * `allow` lists everything allowed; `forbid` (for the folders that may import nearly everything) lists
 * what is not. `noBrowser` also forbids the browser's globals (code the command line runs in Node).
 */
interface LayerRule {
  folder: string;
  allow?: string[];
  forbid?: string[];
  noBrowser?: boolean;
}

const LAYER_RULES: LayerRule[] = [
  { folder: 'src/sim', allow: [] },
  { folder: 'src/scoring', allow: ['src/sim'] },
  { folder: 'src/levels', allow: ['src/sim'] },
  { folder: 'src/i18n', allow: ['src/sim', 'i18next', 'locales'] },
  { folder: 'src/a11y', allow: ['src/sim', 'src/scoring', 'src/levels', 'src/i18n'] },
  { folder: 'src/app', allow: ['src/sim', 'src/scoring', 'src/levels', 'src/i18n', 'src/classroom', 'locales'] },
  { folder: 'src/audio', allow: ['src/app', 'howler', 'assets'] },
  { folder: 'src/cli', allow: ['src/sim', 'src/scoring', 'src/levels', 'src/classroom', 'src/i18n', 'node:'] },
  { folder: 'src/game', forbid: ['src/cli', 'src/embed', 'src/lms', 'src/teacher'] },
  { folder: 'src/game/play', forbid: ['phaser', 'src/cli', 'src/embed', 'src/lms', 'src/teacher'] },
  // The coming parts (empty until they are written).
  { folder: 'src/classroom', allow: ['src/sim', 'src/scoring', 'src/levels', 'fflate'], noBrowser: true },
  { folder: 'src/embed', allow: ['src/sim', 'src/scoring', 'src/levels', 'src/classroom', 'src/app'] },
  { folder: 'src/lms', allow: ['src/sim', 'src/scoring', 'src/levels', 'src/classroom', 'src/app', 'fflate', '@gamestdio/scorm', '@xapi/cmi5'] },
  // The teacher's page reaches the engine only through the classroom code; it works offline as the game does
  // (the service worker's registration in src/lms/offline.ts, and nothing else of src/lms).
  { folder: 'src/teacher', allow: ['src/classroom', 'src/app', 'src/i18n', 'src/a11y', 'i18next', 'locales', 'docs', 'uqr', 'papaparse', 'idb-keyval', 'jsqr', 'src/lms/offline', 'virtual:pwa-register'] },
];

const BROWSER = /\b(window|document|localStorage|sessionStorage|navigator|requestAnimationFrame)\b/;

function sourceFiles(directory: string): string[] {
  if (!existsSync(directory)) return [];
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|js|mjs)$/.test(name) ? [path] : [];
  });
}

/** The text without comments (a comment may name a module without importing it). */
function code(text: string): string {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .split('\n')
    .filter((line) => !line.trim().startsWith('//'))
    .join('\n');
}

/** Every module a source text imports or re-exports, statically or dynamically. */
function importsOf(text: string): string[] {
  const found: string[] = [];
  const patterns = [/\b(?:import|export)\s[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/g, /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g, /\bimport\s+['"]([^'"]+)['"]/g];
  for (const pattern of patterns) for (const match of code(text).matchAll(pattern)) found.push(match[1]);
  return found;
}

/** What an import points at: `src/<folder>[/<sub>]/…` or a repository folder for relative paths
 * (as a path from the root), `node:` for built-ins, the package name otherwise. */
function targetOf(file: string, specifier: string): string {
  if (specifier.startsWith('.')) return relative(ROOT, resolve(dirname(file), specifier)).split('\\').join('/');
  if (specifier.startsWith('node:')) return 'node:';
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

function within(path: string, area: string): boolean {
  return path === area || path.startsWith(`${area}/`) || (area === 'node:' && path === 'node:');
}

/** The broken rules of one file (its path from the repository root) and its text. */
function violations(rule: LayerRule, file: string, text: string): string[] {
  const problems: string[] = [];
  for (const specifier of importsOf(text)) {
    const target = targetOf(join(ROOT, file), specifier);
    if (within(target, rule.folder)) continue;
    if (rule.allow && !rule.allow.some((area) => within(target, area))) problems.push(`${file} imports ${specifier}, outside what ${rule.folder} may import`);
    if (rule.forbid?.some((area) => within(target, area))) problems.push(`${file} imports ${specifier}, which ${rule.folder} must not import`);
  }
  if (rule.noBrowser) {
    const browser = BROWSER.exec(code(text));
    if (browser) problems.push(`${file} uses the browser's ${browser[1]}`);
  }
  return problems;
}

describe('layer boundaries', () => {
  for (const rule of LAYER_RULES) {
    const files = sourceFiles(join(ROOT, rule.folder)).map((path) => relative(ROOT, path).split('\\').join('/'));
    it(`${rule.folder} (${files.length} files) imports only what it may`, () => {
      const problems = files.flatMap((file) => violations(rule, file, readFileSync(join(ROOT, file), 'utf8')));
      expect(problems).toEqual([]);
    });
  }

  it('finds the existing layers', () => {
    for (const folder of ['src/sim', 'src/scoring', 'src/levels', 'src/game', 'src/app', 'src/cli']) {
      expect(sourceFiles(join(ROOT, folder)).length, folder).toBeGreaterThan(0);
    }
  });

  it('reads static, re-exported, type-only, side-effect and dynamic imports, and skips comments', () => {
    const text = [
      "import Phaser from 'phaser';",
      "import type { Level } from '../sim/types';",
      "import {\n  a,\n  b,\n} from './local';",
      "export { c } from '../game/c';",
      "import '../audio/side';",
      "const lazy = () => import('../game/lazyScreens');",
      "// import { no } from '../game/commented';",
      "/* import { no } from '../game/block'; */",
    ].join('\n');
    expect(importsOf(text)).toEqual(['phaser', '../sim/types', './local', '../game/c', '../game/lazyScreens', '../audio/side']);
  });

  it('catches a broken rule in each coming folder', () => {
    const rule = (folder: string) => LAYER_RULES.find((entry) => entry.folder === folder) as LayerRule;
    expect(violations(rule('src/classroom'), 'src/classroom/session.ts', "import Phaser from 'phaser';")).toHaveLength(1);
    expect(violations(rule('src/classroom'), 'src/classroom/session.ts', "import { BoardView } from '../game/board/BoardView';")).toHaveLength(1);
    expect(violations(rule('src/classroom'), 'src/classroom/session.ts', 'const saved = localStorage.getItem("x");')).toHaveLength(1);
    expect(violations(rule('src/classroom'), 'src/classroom/verify.ts', "import { runBuild } from '../sim/runBuild';\nimport { rankLevel } from '../scoring/rankLevel';")).toEqual([]);
    expect(violations(rule('src/embed'), 'src/embed/bridge.ts', "import { createGame } from '../game/createGame';")).toHaveLength(1);
    expect(violations(rule('src/lms'), 'src/lms/scorm.ts', "import Phaser from 'phaser';")).toHaveLength(1);
    expect(violations(rule('src/teacher'), 'src/teacher/main.ts', "import { PlayScene } from '../game/scenes/PlayScene';")).toHaveLength(1);
    expect(violations(rule('src/teacher'), 'src/teacher/main.ts', "import { runBuild } from '../sim/runBuild';")).toHaveLength(1);
    expect(violations(rule('src/sim'), 'src/sim/x.ts', "import { settings } from '../app/settings';")).toHaveLength(1);
    expect(violations(rule('src/scoring'), 'src/scoring/x.ts', "import Phaser from 'phaser';")).toHaveLength(1);
    expect(violations(rule('src/game/play'), 'src/game/play/x.ts', "import Phaser from 'phaser';")).toHaveLength(1);
  });
});
