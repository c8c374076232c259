// One word for one idea in Korean: docs/terms-ko.md holds the decisions in one table, and this test reads
// that table and fails on any rejected variant in the Korean locale files or in the Korean fields of the
// built-in levels (title, brief, hints, learning goals, teacher notes).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ALL_NAMESPACES, ALL_RESOURCES } from '../../src/i18n/allResources';
import type { TranslationTree } from '../../src/i18n/resources';
import { CAMPAIGN_LEVELS } from '../../src/levels';

interface TermRow {
  english: string;
  korean: string;
  rejected: string[];
}

/** The rows of the "## Terms" table: English, Korean, the rejected variants in backticks. */
export function readTermTable(markdown: string): TermRow[] {
  const section = markdown.split(/^## Terms\s*$/m)[1] ?? '';
  const rows: TermRow[] = [];
  for (const line of section.split('\n')) {
    if (!line.startsWith('|') || /^\|\s*-/.test(line) || /^\|\s*English\s*\|/.test(line)) continue;
    const cells = line.split('|').slice(1, -1).map((cell) => cell.trim());
    if (cells.length < 3) continue;
    rows.push({ english: cells[0]!, korean: cells[1]!, rejected: [...cells[2]!.matchAll(/`([^`]+)`/g)].map((match) => match[1]!) });
  }
  return rows;
}

function flatten(tree: TranslationTree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    return typeof value === 'string' ? [[path, value] as [string, string]] : flatten(value, path);
  });
}

/** Every Korean string the player or a teacher can read, labelled by where it lives. */
function koreanTexts(): [string, string][] {
  const texts: [string, string][] = [];
  for (const namespace of ALL_NAMESPACES) {
    for (const [key, text] of flatten(ALL_RESOURCES.ko[namespace])) texts.push([`locales/ko ${namespace}:${key}`, text]);
  }
  for (const level of CAMPAIGN_LEVELS) {
    const fields = [
      ['title', level.title],
      ['brief', level.brief],
      ...(level.hints ?? []).map((text, index) => [`hints.${index}`, text] as const),
      ...(level.learningGoals ?? []).map((text, index) => [`learningGoals.${index}`, text] as const),
      ...(level.teacherNotes ? [['teacherNotes', level.teacherNotes] as const] : []),
    ] as const;
    for (const [field, text] of fields) if (text.ko) texts.push([`level ${level.id} ${field}`, text.ko]);
  }
  return texts;
}

/** Where each rejected variant occurs: "variant (term) in place". */
export function rejectedUses(rows: TermRow[], texts: [string, string][]): string[] {
  const found: string[] = [];
  for (const row of rows) {
    for (const variant of row.rejected) {
      for (const [place, text] of texts) if (text.includes(variant)) found.push(`${variant} (use ${row.korean}) in ${place}`);
    }
  }
  return found;
}

const table = readTermTable(readFileSync(fileURLToPath(new URL('../../docs/terms-ko.md', import.meta.url)), 'utf8'));

describe('docs/terms-ko.md', () => {
  it('decides the terms the issue and the developer guide name', () => {
    const korean = table.map((row) => row.korean).join('\n');
    for (const term of ['에뮬레이션', '신뢰할 수 없음', '봉쇄하기', '봉쇄 풀기', '버려진(드롭된) 패킷', '범용 호스트 OS', '장치 백엔드', '커널 취약점 공격', '격리']) {
      expect(korean, term).toContain(term);
    }
    const english = table.map((row) => row.english).join('\n');
    for (const idea of ['build', 'reference', 'burst', 'warm spare', 'breached', 'VM exit']) expect(english, idea).toContain(idea);
  });

  it('never rejects a word it chose', () => {
    for (const row of table) for (const variant of row.rejected) expect(row.korean.includes(variant), `${variant} in ${row.korean}`).toBe(false);
  });

  it('finds a rejected variant where one is used (the check can fail)', () => {
    const found = rejectedUses(table, [['sample', '에뮬레이팅 장치와 커널 공격, 격리하기']]);
    expect(found.map((entry) => entry.split(' ')[0])).toEqual(expect.arrayContaining(['에뮬레이팅', '커널', '격리하기']));
    expect(rejectedUses(table, [['sample', '에뮬레이션 장치와 커널 취약점 공격, 봉쇄하기, 격리된 가상머신']])).toEqual([]);
  });
});

describe('Korean texts', () => {
  it('use no rejected variant of a term, in the locale files or the levels', () => {
    expect(rejectedUses(table, koreanTexts())).toEqual([]);
  });
});
