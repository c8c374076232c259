// The teacher guide's answers are the engine's: the committed docs/teaching.md and docs/teaching.ko.md must
// hold exactly what `npm run guide` writes now (every level's ranking, best architecture and filled-in
// teacher notes). A change to the model, a level or its notes without `npm run guide` fails here.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CAMPAIGN_LEVELS } from '../../src/levels/index';
import { rankLevel } from '../../src/scoring/rankLevel';
import { answersSection, END_MARKER, GUIDE_FILES, GUIDE_LANGUAGES, START_MARKER, withAnswers } from '../../scripts/teachingGuide';

describe.each(GUIDE_LANGUAGES)('teacher guide (%s)', (language) => {
  const text = readFileSync(GUIDE_FILES[language], 'utf8');
  const section = answersSection(language);

  it('is up to date with the engine (run `npm run guide` after changing the model, a level or its notes)', () => {
    expect(withAnswers(text, section)).toBe(text);
  });

  it('answers every built-in level with its best architecture, no placeholder left unfilled', () => {
    for (const level of CAMPAIGN_LEVELS) expect(section).toContain(`(\`${level.id}\`)`);
    expect(section).not.toMatch(/\{\{/);
    const heading = language === 'en' ? '**Best: ' : '**최선: ';
    expect(section.split(heading).length - 1).toBe(CAMPAIGN_LEVELS.length);
  });

  it('has the plan, the misconceptions, a 10-question quiz with answers and the privacy statement', () => {
    const headings = language === 'en' ? ['## A 45-minute plan', '## Common misconceptions', '## Before/after quiz', '## Privacy'] : ['## 45분 수업 계획', '## 흔한 오개념', '## 수업 전후 퀴즈', '## 개인정보'];
    for (const heading of headings) expect(text).toContain(heading);
    for (let question = 1; question <= 10; question += 1) expect(text).toMatch(new RegExp(`^${question}\\. `, 'm'));
    expect(text).toMatch(language === 'en' ? /^Answers: 1 \w, .*10 \w\.$/m : /^답: 1 \S, .*10 \S\.$/m);
  });
});

describe('the guide check itself', () => {
  it('would catch a stale number', () => {
    const level = CAMPAIGN_LEVELS[1];
    const best = rankLevel(level, level.seed).entries[0];
    const section = answersSection('en');
    const line = `| ${best.arch === 'native' ? 'Native' : best.arch}`;
    expect(section).toContain(line);
    const stale = section.replace(/\| (\d+)\.(\d) \|/, (_, whole: string, tenth: string) => `| ${whole}.${(Number(tenth) + 1) % 10} |`);
    expect(stale).not.toBe(section);
    const text = `intro\n${START_MARKER}\nold\n${END_MARKER}\nrest`;
    expect(withAnswers(text, stale)).not.toBe(withAnswers(text, section));
    expect(withAnswers('no markers', section)).toBeNull();
  });
});
