// The answers section of the teacher guide (docs/teaching.md, docs/teaching.ko.md), built from the engine:
// for every built-in level, the ranking of every allowed architecture on the level's own seed (total and the
// three objectives), the best one, and the level's teacher notes with their numbers filled in from the same
// ranking. `npm run guide` rewrites the part between the markers in both files; tests/teacher/guide.test.ts
// fails when the committed guide differs from what the engine says now, so the numbers never go stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import enBoard from '../locales/en/board.json';
import koBoard from '../locales/ko/board.json';
import { fillFacts } from '../src/i18n/levelFacts';
import { CAMPAIGN_LEVELS } from '../src/levels/index';
import { levelFacts } from '../src/scoring/levelFacts';
import { rankLevel } from '../src/scoring/rankLevel';
import { MODEL_VERSION } from '../src/sim/costs';

export const GUIDE_LANGUAGES = ['en', 'ko'] as const;
export type GuideLanguage = (typeof GUIDE_LANGUAGES)[number];

export const START_MARKER = '<!-- answers:start (written by `npm run guide` from the engine; do not edit by hand) -->';
export const END_MARKER = '<!-- answers:end -->';

const ROOT = resolve(import.meta.dirname, '..');
export const GUIDE_FILES: Record<GuideLanguage, string> = { en: resolve(ROOT, 'docs/teaching.md'), ko: resolve(ROOT, 'docs/teaching.ko.md') };

const BOARD = { en: enBoard, ko: koBoard } as const;

const WORDS = {
  en: {
    intro: (model: string) => `Numbers from model \`${model}\`, each level on its own seed (a session's seed changes the traffic a little, not the order).`,
    level: 'Level',
    arch: 'Architecture',
    total: 'Total',
    security: 'Security',
    speed: 'Speed',
    scale: 'Scaling',
    refused: 'not allowed here',
    best: (arch: string, total: string) => `**Best: ${arch}** (${total} points).`,
    runnerUp: (arch: string, gap: string) => ` Next: ${arch}, ${gap} points behind.`,
    none: 'No architecture solves this level on its seed.',
    reference: 'reference build (the level author\'s)',
    why: 'Why',
    chapter: 'Chapter',
  },
  ko: {
    intro: (model: string) => `모델 \`${model}\`의 숫자이고, 레벨마다 그 레벨의 시드를 썼어요(세션 시드는 트래픽을 조금 바꾸지만 순위는 바꾸지 않아요).`,
    level: '레벨',
    arch: '아키텍처',
    total: '합계',
    security: '보안',
    speed: '성능',
    scale: '확장',
    refused: '이 레벨에서는 쓸 수 없음',
    best: (arch: string, total: string) => `**최선: ${arch}** (${total}점).`,
    runnerUp: (arch: string, gap: string) => ` 다음: ${arch}, ${gap}점 뒤.`,
    none: '이 시드에서는 이 레벨을 푸는 아키텍처가 없어요.',
    reference: '출제자 구성(레벨 작성자의 구성)',
    why: '왜',
    chapter: '챕터',
  },
} as const;

function archName(language: GuideLanguage, arch: string): string {
  const names = BOARD[language].arch as Record<string, { name: string } | undefined>;
  return names[arch]?.name ?? arch;
}

function chapterTitle(language: GuideLanguage, chapter: string | undefined): string {
  const names = BOARD[language].chapter as Record<string, string | undefined>;
  return names[chapter ?? 'other'] ?? chapter ?? '';
}

function number(value: number): string {
  return (Math.round(value * 10) / 10).toFixed(1);
}

/** The generated section, markers included. */
export function answersSection(language: GuideLanguage): string {
  const words = WORDS[language];
  const lines: string[] = [START_MARKER, '', words.intro(MODEL_VERSION), ''];
  let chapter: string | undefined;
  CAMPAIGN_LEVELS.forEach((level, index) => {
    if (level.chapter !== chapter) {
      chapter = level.chapter;
      lines.push(`### ${words.chapter}: ${chapterTitle(language, chapter)}`, '');
    }
    const ranking = rankLevel(level, level.seed);
    const title = level.title[language] ?? level.title.en ?? level.id;
    lines.push(`#### ${index + 1}. ${title} (\`${level.id}\`)`, '');
    lines.push(`| ${words.arch} | ${words.total} | ${words.security} | ${words.speed} | ${words.scale} |`, '|---|---:|---:|---:|---:|');
    for (const entry of ranking.entries) {
      const name = entry.arch === 'reference' ? words.reference : archName(language, entry.arch);
      const score = entry.result.score;
      lines.push(
        entry.result.feasible
          ? `| ${name} | ${number(score.total)} | ${number(score.security)} | ${number(score.speed)} | ${number(score.scale)} |`
          : `| ${name} | 0.0 (${entry.result.reasons[0] === undefined ? words.refused : `\`${entry.result.reasons[0]}\``}) | – | – | – |`,
      );
    }
    lines.push('');
    const feasible = ranking.entries.filter((entry) => entry.arch !== 'reference' && entry.result.feasible);
    const best = feasible[0];
    if (best === undefined) lines.push(words.none);
    else {
      const next = feasible[1];
      lines.push(
        words.best(archName(language, best.arch), number(best.result.score.total)) +
          (next === undefined ? '' : words.runnerUp(archName(language, next.arch), number(best.result.score.total - next.result.score.total))),
      );
    }
    const notes = level.teacherNotes?.[language] ?? level.teacherNotes?.en;
    if (notes) lines.push('', `${words.why}: ${fillFacts(notes, levelFacts(level, ranking), language)}`);
    lines.push('');
  });
  lines.push(END_MARKER);
  return lines.join('\n');
}

/** The guide's text with its answers section replaced (or null when the markers are missing). */
export function withAnswers(text: string, section: string): string | null {
  const start = text.indexOf(START_MARKER);
  const end = text.indexOf(END_MARKER);
  if (start < 0 || end < start) return null;
  return text.slice(0, start) + section + text.slice(end + END_MARKER.length);
}

function main(): void {
  for (const language of GUIDE_LANGUAGES) {
    const file = GUIDE_FILES[language];
    const updated = withAnswers(readFileSync(file, 'utf8'), answersSection(language));
    if (updated === null) {
      process.stderr.write(`${file}: the answers markers are missing.\n`);
      process.exitCode = 2;
      continue;
    }
    writeFileSync(file, updated);
    process.stdout.write(`${file}: answers written.\n`);
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) main();
