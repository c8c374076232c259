// Turns the localized text inside level data into the i18next namespace `levels`
// (keys `<levelId>.title`, `<levelId>.brief`, `<levelId>.hints.<n>`) and reads it back. Numbers in these
// texts are placeholders (`{{rank.container.total}}`, levelFacts.ts) filled in from the facts a screen
// passes: the level's inputs and the engine's ranking on the seed being played.
import type { GameI18n } from './createI18n';
import { fillFacts, type LevelFacts } from './levelFacts';
import { SUPPORTED_LANGUAGES, type Language } from './languages';
import type { TranslationTree } from './resources';

/** The part of a level (src/sim/types.ts `Level`) that carries text. */
export interface LevelTextSource {
  id: string;
  title: Record<string, string | undefined>;
  brief: Record<string, string | undefined>;
  hints?: readonly Record<string, string | undefined>[];
}

/** One tree per shipped language; a language a level lacks is left out so i18next falls back to `en`. */
export function levelResources(levels: readonly LevelTextSource[]): Record<Language, TranslationTree> {
  const trees = Object.fromEntries(SUPPORTED_LANGUAGES.map((lng) => [lng, {}])) as Record<Language, TranslationTree>;
  for (const level of levels) {
    for (const lng of SUPPORTED_LANGUAGES) {
      const entry: TranslationTree = {};
      const title = nonEmpty(level.title[lng]);
      const brief = nonEmpty(level.brief[lng]);
      if (title) entry.title = title;
      if (brief) entry.brief = brief;
      const hints: TranslationTree = {};
      (level.hints ?? []).forEach((hint, index) => {
        const text = nonEmpty(hint[lng]);
        if (text) hints[String(index)] = text;
      });
      if (Object.keys(hints).length > 0) entry.hints = hints;
      if (Object.keys(entry).length > 0) trees[lng][level.id] = entry;
    }
  }
  return trees;
}

function nonEmpty(text: string | undefined): string | undefined {
  return typeof text === 'string' && text.trim() !== '' ? text : undefined;
}

// Level keys are data, not code, so they cannot be typed; this is the one place that looks them up.
// i18next's own interpolation is skipped: `{{…}}` in a level text names a level fact, filled by fillFacts.
function levelText(i18n: GameI18n, key: string, fallback: string, facts?: LevelFacts): string {
  const full = `levels:${key}`;
  if (!i18n.exists(full)) return fallback;
  const raw = (i18n.t as (k: string, options: { skipInterpolation: boolean }) => string)(full, { skipInterpolation: true });
  return fillFacts(raw, facts, i18n.language);
}

export function levelTitle(i18n: GameI18n, levelId: string): string {
  return levelText(i18n, `${levelId}.title`, levelId);
}

/** The level's brief, its numbers filled in from `facts` ("…" where a screen has none). */
export function levelBrief(i18n: GameI18n, levelId: string, facts?: LevelFacts): string {
  return levelText(i18n, `${levelId}.brief`, '', facts);
}

export function levelHint(i18n: GameI18n, levelId: string, index: number, facts?: LevelFacts): string {
  return levelText(i18n, `${levelId}.hints.${index}`, '', facts);
}

/** Any other text of a level (a learning goal, the teacher notes) in `language`, English when missing. */
export function levelFieldText(text: Record<string, string | undefined> | undefined, language: string, facts?: LevelFacts): string {
  const chosen = nonEmpty(text?.[language]) ?? nonEmpty(text?.en) ?? '';
  return fillFacts(chosen, facts, language);
}
