// Turns the localized text inside level data into the i18next namespace `levels`
// (keys `<levelId>.title`, `<levelId>.brief`, `<levelId>.hints.<n>`) and reads it back.
import type { GameI18n } from './createI18n';
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
function levelText(i18n: GameI18n, key: string, fallback: string): string {
  const full = `levels:${key}`;
  return i18n.exists(full) ? (i18n.t as (k: string) => string)(full) : fallback;
}

export function levelTitle(i18n: GameI18n, levelId: string): string {
  return levelText(i18n, `${levelId}.title`, levelId);
}

export function levelBrief(i18n: GameI18n, levelId: string): string {
  return levelText(i18n, `${levelId}.brief`, '');
}

export function levelHint(i18n: GameI18n, levelId: string, index: number): string {
  return levelText(i18n, `${levelId}.hints.${index}`, '');
}
