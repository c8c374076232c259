// Scans the source for translation calls with literal keys (`t('menu.campaign')`, `t("board:piece.vm.name")`)
// and fails when English lacks a key: a second net beside the compile-time key types.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALL_RESOURCES as FILE_RESOURCES } from '../../src/i18n/allResources';
import { DEFAULT_NAMESPACE, type TranslationTree } from '../../src/i18n/resources';

const SRC = join(__dirname, '..', '..', 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|js|mjs)$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

function hasKey(tree: TranslationTree, key: string): boolean {
  let node: string | TranslationTree | undefined = tree;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null) return false;
    node = node[part];
  }
  return typeof node === 'string';
}

function existsInEnglish(fullKey: string): boolean {
  const [ns, key] = fullKey.includes(':') ? (fullKey.split(':', 2) as [string, string]) : [DEFAULT_NAMESPACE, fullKey];
  const tree = (FILE_RESOURCES.en as Record<string, TranslationTree>)[ns];
  return tree !== undefined && hasKey(tree, key);
}

describe('translation keys used in src/', () => {
  const calls: { file: string; key: string }[] = [];
  for (const file of sourceFiles(SRC)) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/\bt\(\s*(['"])([^'"\n]+)\1/g)) {
      calls.push({ file: relative(SRC, file), key: match[2] ?? '' });
    }
  }

  it('finds translation calls at all (the scan itself works)', () => {
    expect(calls.length).toBeGreaterThan(10);
  });

  it('every literal key exists in English', () => {
    const missing = calls.filter(({ key }) => !existsInEnglish(key)).map(({ file, key }) => `${file}: ${key}`);
    expect(missing).toEqual([]);
  });

  it('the scanner would catch a missing key', () => {
    expect(existsInEnglish('menu.campaign')).toBe(true);
    expect(existsInEnglish('board:piece.vm.name')).toBe(true);
    expect(existsInEnglish('menu.noSuchKey')).toBe(false);
    expect(existsInEnglish('nosuchns:menu.campaign')).toBe(false);
    expect(existsInEnglish('menu')).toBe(false);
  });
});
