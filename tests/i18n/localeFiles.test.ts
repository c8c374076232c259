// Checks the translation files: the same keys in every language, no empty strings, the same
// {{placeholders}} per key, and a glossary entry for every Korean term of the domain brief.
import { describe, expect, it } from 'vitest';
import { ALL_NAMESPACES as FILE_NAMESPACES, ALL_RESOURCES as FILE_RESOURCES } from '../../src/i18n/allResources';
import type { TranslationTree } from '../../src/i18n/resources';
import { SUPPORTED_LANGUAGES } from '../../src/i18n/languages';

function flatten(tree: TranslationTree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

const placeholders = (text: string): string[] => [...text.matchAll(/\{\{\s*([\w.-]+)\s*\}\}/g)].map((m) => m[1] ?? '').sort();

describe.each(FILE_NAMESPACES)('namespace %s', (ns) => {
  const english = flatten(FILE_RESOURCES.en[ns]);

  it.each(SUPPORTED_LANGUAGES.filter((lng) => lng !== 'en'))('%s has exactly the English keys', (lng) => {
    const other = flatten(FILE_RESOURCES[lng][ns]);
    expect([...english.keys()].filter((key) => !other.has(key))).toEqual([]);
    expect([...other.keys()].filter((key) => !english.has(key))).toEqual([]);
  });

  it.each(SUPPORTED_LANGUAGES)('%s has no empty strings', (lng) => {
    const empty = [...flatten(FILE_RESOURCES[lng][ns])].filter(([, text]) => text.trim() === '').map(([key]) => key);
    expect(empty).toEqual([]);
  });

  it.each(SUPPORTED_LANGUAGES.filter((lng) => lng !== 'en'))('%s uses the same placeholders as English', (lng) => {
    const other = flatten(FILE_RESOURCES[lng][ns]);
    const mismatched = [...english].filter(([key, text]) => other.has(key) && placeholders(text).join() !== placeholders(other.get(key) ?? '').join());
    expect(mismatched.map(([key]) => key)).toEqual([]);
  });
});

describe('Korean vocabulary', () => {
  // domain.md's term list: the Korean locale must use these words.
  const terms = ['가상화', '가상머신', '하이퍼바이저', '호스트 OS', '게스트 OS', '커널', '시스템 콜', '컨테이너', '이미지', '레지스트리',
    '오버헤드', '에뮬레이션', '격리', '보안', '성능', '확장성', '크기', '전가상화', '반가상화', '하이퍼콜', '관리 도메인', '드라이버'];

  it('has a glossary entry named after every term of the domain brief', () => {
    const names = [...flatten(FILE_RESOURCES.ko.glossary)].filter(([key]) => key.endsWith('.name')).map(([, name]) => name);
    expect(terms.filter((term) => !names.some((name) => name.startsWith(term)))).toEqual([]);
  });

  it('has a definition of one or two sentences for every glossary term in both languages', () => {
    for (const lng of SUPPORTED_LANGUAGES) {
      const definitions = [...flatten(FILE_RESOURCES[lng].glossary)].filter(([key]) => key.endsWith('.definition'));
      expect(definitions.length).toBeGreaterThanOrEqual(terms.length);
      for (const [key, text] of definitions) {
        const sentences = text.split(/(?<=[.!?])\s+(?=\S)/).filter((s) => s.trim() !== '');
        expect(sentences.length, `${lng} ${key}`).toBeGreaterThanOrEqual(1);
        expect(sentences.length, `${lng} ${key}`).toBeLessThanOrEqual(3);
      }
    }
  });
});

describe('no developer text reaches players', () => {
  // Paths of the source, section signs of its docs and the notes' own jargon ("the seeds write") are for
  // developers. The one exception is the teacher's embed dialog, which points teachers to the embedding guide.
  const developerText = /docs\/|\.md\b|§|\bthe seeds\b/i;
  const teacherOnly = new Set(['embed:dialog.more']);

  it.each(SUPPORTED_LANGUAGES)('%s strings name no source files, doc sections or the seeds', (lng) => {
    const found: string[] = [];
    for (const ns of FILE_NAMESPACES) {
      for (const [key, text] of flatten(FILE_RESOURCES[lng][ns])) {
        const id = `${ns}:${key}`;
        if (developerText.test(text) && !teacherOnly.has(id)) found.push(id);
      }
    }
    expect(found).toEqual([]);
  });
});
