// The engine and scoring must know nothing of the screen and read no clock: this test fails otherwise.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ENGINE_DIRECTORIES = ['src/sim', 'src/scoring', 'src/levels'];
const FORBIDDEN = [
  { pattern: /from\s+['"](phaser|howler|i18next)/, what: 'a view library' },
  // (From any depth: src/sim/engine/ reaches the view as ../../game/.)
  { pattern: /from\s+['"](\.\.\/)+(game|audio|i18n|app|a11y|embed)\//, what: 'view code' },
  { pattern: /Math\.random\s*\(/, what: 'Math.random' },
  { pattern: /Date\.now\s*\(|new Date\s*\(/, what: 'the wall clock' },
  { pattern: /performance\.now\s*\(/, what: 'performance.now' },
  { pattern: /\b(window|document|localStorage|requestAnimationFrame|setTimeout|setInterval)\b/, what: 'the browser' },
];

function sourceFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.ts$/.test(name) ? [path] : [];
  });
}

describe('engine boundary', () => {
  const files = ENGINE_DIRECTORIES.flatMap(sourceFiles);

  it('finds the engine files', () => {
    expect(files.length).toBeGreaterThan(8);
  });

  for (const file of files) {
    it(`${file} imports no view library and reads no clock`, () => {
      const text = readFileSync(file, 'utf8')
        .split('\n')
        .filter((line) => !line.trim().startsWith('//') && !line.trim().startsWith('*'))
        .join('\n');
      for (const rule of FORBIDDEN) {
        expect(rule.pattern.test(text), `${file} reaches for ${rule.what}`).toBe(false);
      }
    });
  }
});
