// No number in a level text goes stale. A level's texts (title, brief, hints, learning goals, teacher
// notes, in every language) carry no literal number at all: every figure is a placeholder such as
// `{{rank.container.total}}` or `{{app.db.io.disk}}`, filled in from the level's data and the engine's
// ranking when shown (src/i18n/levelFacts.ts, src/scoring/levelFacts.ts). These tests check that
//  - no digit is left in a level text outside a placeholder, except in names that are not quantities
//    (Type-1, WSL 2, p95, Dom0, CVE ids, years);
//  - every placeholder of every built-in level resolves on seeds 1–20, and en and ko quote the same facts;
//  - the locale files quote no result figure (a number with a unit: µs, ms, s, %, ×, points, packets,
//    GiB, MB…) except the few fixed definitions listed below with their reason.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ALL_NAMESPACES, ALL_RESOURCES } from '../../src/i18n/allResources';
import { fillFacts, placeholdersIn, type LevelFacts } from '../../src/i18n/levelFacts';
import { SUPPORTED_LANGUAGES } from '../../src/i18n/languages';
import type { TranslationTree } from '../../src/i18n/resources';
import { CAMPAIGN_LEVELS } from '../../src/levels';
import { inputFacts, levelFacts } from '../../src/scoring/levelFacts';
import { rankLevel } from '../../src/scoring/rankLevel';
import type { Level, LocalizedText } from '../../src/sim/types';
import { validateLevel } from '../../src/sim/validateLevel';

const SEEDS = Array.from({ length: 20 }, (_, index) => index + 1);

/** Every text field of a level, labelled. */
function levelTexts(level: Level): { field: string; text: LocalizedText }[] {
  const texts = [
    { field: 'title', text: level.title },
    { field: 'brief', text: level.brief },
    ...(level.hints ?? []).map((text, index) => ({ field: `hints.${index}`, text })),
    ...(level.learningGoals ?? []).map((text, index) => ({ field: `learningGoals.${index}`, text })),
  ];
  if (level.teacherNotes) texts.push({ field: 'teacherNotes', text: level.teacherNotes });
  return texts;
}

/** Digits that are names, not quantities: they may stay literal in a level text. */
const NAMES_WITH_DIGITS: readonly RegExp[] = [
  /CVE-\d{4}-\d{4,}/g, // vulnerability ids
  /\bType-[12]\b/g, // hypervisor types
  /\btype[12](?:-full|-para)?\b/g, // architecture ids, e.g. "Expected answer: type1-para"
  /\bWSL [12]\b/g, // product names
  /\bp(?:50|95)\b/g, // percentile labels
  /\bDom0\b/g, // Xen's management domain
  /\b(?:19[6-9]\d|20[0-3]\d)\b/g, // years (1960–2039), e.g. "Felter et al. (IBM, 2014)"
];

/** The digits left in a text once placeholders and names are removed. */
export function literalNumbers(text: string): string[] {
  let rest = text.replace(/\{\{[^}]*\}\}/g, ' ');
  for (const name of NAMES_WITH_DIGITS) rest = rest.replace(name, ' ');
  return rest.match(/\d+(?:[.,]\d+)?/g) ?? [];
}

describe('the rule that finds literal numbers', () => {
  it('flags figures and keeps names', () => {
    expect(literalNumbers('about 64 points, 2.4 packets a second, 460 µs')).toEqual(['64', '2.4', '460']);
    expect(literalNumbers('약 64점, 보안 ×2')).toEqual(['64', '2']);
    expect(literalNumbers('Type-1 and Type-2, type1-para, type2, WSL 2, p95, Dom0, CVE-2015-3456, Felter (2014)')).toEqual([]);
    expect(literalNumbers('about {{rank.container.total}} points')).toEqual([]);
    expect(literalNumbers('3분의 1')).toEqual(['3', '1']);
  });
});

describe.each(CAMPAIGN_LEVELS.map((level) => [level.id, level] as const))('level %s', (_id, level) => {
  const texts = levelTexts(level);

  it('has no literal number in any text, in any language', () => {
    const found: string[] = [];
    for (const { field, text } of texts) {
      for (const [language, value] of Object.entries(text)) {
        const numbers = literalNumbers(value ?? '');
        if (numbers.length > 0) found.push(`${field}.${language}: ${numbers.join(', ')}`);
      }
    }
    expect(found).toEqual([]);
  });

  it('quotes the same facts in every language of a text', () => {
    for (const { field, text } of texts) {
      const english = placeholdersIn(text.en).sort();
      for (const language of SUPPORTED_LANGUAGES) {
        const other = text[language];
        if (other !== undefined) expect(placeholdersIn(other).sort(), `${field}.${language}`).toEqual(english);
      }
    }
  });

  it('has no placeholder in its title (the level list shows titles without running the engine)', () => {
    for (const value of Object.values(level.title)) expect(placeholdersIn(value ?? '')).toEqual([]);
  });

  it('resolves every placeholder on seeds 1–20', () => {
    const names = [...new Set(texts.flatMap(({ text }) => Object.values(text).flatMap((value) => placeholdersIn(value ?? ''))))];
    const missing = new Set<string>();
    for (const seed of SEEDS) {
      const facts: LevelFacts = levelFacts(level, rankLevel(level, seed));
      for (const name of names) if (!facts.has(name)) missing.add(`${name} (seed ${seed})`);
      for (const { text } of texts) {
        for (const [language, value] of Object.entries(text)) {
          const filled = fillFacts(value ?? '', facts, language);
          expect(filled).not.toContain('{{');
          expect(filled).not.toContain('…');
        }
      }
    }
    expect([...missing]).toEqual([]);
  });
});

describe('the example level in docs/level-format.md', () => {
  it('quotes only facts that resolve', () => {
    const markdown = readFileSync(fileURLToPath(new URL('../../docs/level-format.md', import.meta.url)), 'utf8');
    const json = /<!-- example: level -->\s*```json\n([\s\S]*?)```/.exec(markdown)?.[1];
    const validated = validateLevel(JSON.parse(json ?? 'null'));
    expect(validated.ok).toBe(true);
    if (!validated.ok) return;
    const level = validated.value;
    const names = levelTexts(level).flatMap(({ text }) => Object.values(text).flatMap((value) => placeholdersIn(value ?? '')));
    expect(names.length).toBeGreaterThan(0);
    const facts = levelFacts(level, rankLevel(level));
    expect(names.filter((name) => !facts.has(name))).toEqual([]);
  });
});

describe('fillFacts', () => {
  const facts: LevelFacts = new Map([
    ['rank.native.total', { value: 93.46, digits: 0 }],
    ['app.db.io.disk', { value: 2.4, digits: 1 }],
    ['app.db.requests.disk', { value: 12000, digits: 0 }],
  ]);

  it('fills facts with their decimals, as each language writes numbers', () => {
    expect(fillFacts('{{rank.native.total}} points, {{app.db.io.disk}}/s, {{ app.db.requests.disk }}', facts, 'en')).toBe('93 points, 2.4/s, 12,000');
    expect(fillFacts('약 {{rank.native.total}}점', facts, 'ko')).toBe('약 93점');
  });

  it('shows "…" for an unknown fact or when no facts are given, never braces', () => {
    expect(fillFacts('{{rank.nope.total}} and {{app.db.io.disk}}', facts, 'en')).toBe('… and 2.4');
    expect(fillFacts('{{app.db.io.disk}}', undefined, 'en')).toBe('…');
  });

  it('computes input facts from the level data, e.g. packets and requests per second', () => {
    const level = CAMPAIGN_LEVELS.find((candidate) => candidate.id === 'rush-hour');
    expect(level).toBeDefined();
    const facts = inputFacts(level!);
    const app = level!.apps[0];
    expect(facts.get(`app.${app.id}.io.disk`)?.value).toBe(app.io.disk);
    expect(facts.get(`app.${app.id}.requests.disk`)?.value).toBe((app.io.disk ?? 0) * 5000);
    expect(facts.get(`app.${app.id}.instances`)?.value).toBe(app.instances);
  });

  it('names a second threat or burst of the same app with its number', () => {
    const level = CAMPAIGN_LEVELS.find((candidate) => candidate.id === 'rush-hour')!;
    const twice: Level = {
      ...level,
      threats: [
        { app: 'scraper', kind: 'kernel-exploit', atSecond: 5 },
        { app: 'scraper', kind: 'kernel-exploit', atSecond: 12 },
      ],
    };
    const facts = inputFacts(twice);
    expect(facts.get('threat.scraper.kernel-exploit.at')?.value).toBe(5);
    expect(facts.get('threat.scraper.kernel-exploit.2.at')?.value).toBe(12);
    expect(facts.get('threat.kernel-exploit.at')?.value).toBe(5);
  });
});

// ---------------------------------------------------------------------------------------------------
// Locale files: a figure with a unit is a result and must come from the engine through {{…}}.

function flatten(tree: TranslationTree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    return typeof value === 'string' ? [[path, value] as [string, string]] : flatten(value, path);
  });
}

/** A number with a unit of time, size, rate, share or score, before or after it. */
const RESULT_FIGURE =
  /(?:\d+(?:[.,]\d+)?\s*(?:µs|us|ms|s\b|sec|seconds?|초|%|×|x\b|배|points?|점|packets?|패킷|개|GiB|MiB|GB|MB|Mbps|requests?|요청))|(?:(?:×|x)\s*\d)/gi;

/** Fixed definitions, not results: `namespace:key` → why the figure may stay. */
const FIXED_FIGURES: Record<string, string> = {
  'debrief:reason.latency.disk': 'p95 is defined as the slowest 5 %',
  'debrief:reason.latency.net': 'p95 is defined as the slowest 5 %',
  'debrief:reason.latency.syscall': 'p95 is defined as the slowest 5 %',
  'debrief:reason.latencyClose.disk': 'p95 is defined as the slowest 5 %',
  'debrief:reason.latencyClose.net': 'p95 is defined as the slowest 5 %',
  'debrief:reason.latencyClose.syscall': 'p95 is defined as the slowest 5 %',
  'debrief:hops.measured': 'p95 is defined as the slowest 5 %',
  'ui:levelSelect.stars': 'three stars is the most a build earns',
  'ui:debrief.compareLocked': 'three stars is the most a build earns',
  'board:arch.reference.description': 'three stars is the most a build earns',
  'debrief:headline.stars': 'three stars is the most a build earns',
  'race:result.stars': 'three stars is the most a build earns',
  'playui:ending.levels': 'three stars is the most a build earns',
  'playui:celebrate.three': 'three stars is the most a build earns',
  'debrief:a11y.opened': 'scores are out of 100',
  'play:help.speed.action': 'the run speeds the player can choose (1×, 2×, 4×)',
  'debrief:breakdown.infeasible': 'the rule: an infeasible build scores 0',
  'debrief:reasons.scoreZero': 'the rule: an infeasible build scores 0',
  'debrief:reasons.infeasible': 'the rule: an infeasible build scores 0',
  'ui:debrief.infeasible': 'the rule: an infeasible build scores 0',
};

describe('locale files', () => {
  it.each(SUPPORTED_LANGUAGES)('%s quotes no result figure outside {{placeholders}}', (language) => {
    const found: string[] = [];
    for (const namespace of ALL_NAMESPACES) {
      for (const [key, text] of flatten(ALL_RESOURCES[language][namespace])) {
        const id = `${namespace}:${key}`;
        if (FIXED_FIGURES[id]) continue;
        const figures = text.replace(/\{\{[^}]*\}\}/g, ' ').match(RESULT_FIGURE);
        if (figures) found.push(`${id}: ${figures.join(' | ')}`);
      }
    }
    expect(found).toEqual([]);
  });

  it('lists only fixed figures that still exist', () => {
    for (const id of Object.keys(FIXED_FIGURES)) {
      const [namespace, key] = id.split(':') as [string, string];
      const english = new Map(flatten(ALL_RESOURCES.en[namespace as keyof (typeof ALL_RESOURCES)['en']]));
      expect(english.has(key), id).toBe(true);
    }
  });
});
