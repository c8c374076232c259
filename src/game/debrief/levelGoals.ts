// A level's learning goals through i18next: the `levels` namespace holds titles, briefs and hints
// (src/i18n/levelStrings.ts); the debrief adds each level's goals beside them (`<id>.learningGoals.<n>`)
// the first time it needs them, so a missing Korean goal falls back to English like every other string.
import type { GameI18n } from '../../i18n/createI18n';
import { fillFacts, type LevelFacts } from '../../i18n/levelFacts';
import { SUPPORTED_LANGUAGES } from '../../i18n/languages';
import { LEVELS_NAMESPACE, type TranslationTree } from '../../i18n/resources';
import type { Level } from '../../sim/types';

/** The goals of one level as `levels` trees per language (languages without text are left out). */
export function learningGoalTrees(level: Pick<Level, 'id' | 'learningGoals'>): Record<string, TranslationTree> {
  const trees: Record<string, TranslationTree> = {};
  for (const language of SUPPORTED_LANGUAGES) {
    const goals: TranslationTree = {};
    (level.learningGoals ?? []).forEach((goal, index) => {
      const text = goal[language];
      if (typeof text === 'string' && text.trim() !== '') goals[String(index)] = text;
    });
    if (Object.keys(goals).length > 0) trees[language] = { [level.id]: { learningGoals: goals } };
  }
  return trees;
}

/** The level's goal number `index` in the current language (English if missing), or '' if it has none;
 * its numbers are filled in from `facts` (src/i18n/levelFacts.ts). */
export function learningGoal(i18n: GameI18n, level: Pick<Level, 'id' | 'learningGoals'>, index = 0, facts?: LevelFacts): string {
  const key = `${LEVELS_NAMESPACE}:${level.id}.learningGoals.${index}`;
  if (!i18n.exists(key)) {
    for (const [language, tree] of Object.entries(learningGoalTrees(level))) i18n.addResourceBundle(language, LEVELS_NAMESPACE, tree, true, false);
  }
  if (!i18n.exists(key)) return '';
  const raw = (i18n.t as (k: string, options: { skipInterpolation: boolean }) => string)(key, { skipInterpolation: true });
  return fillFacts(raw, facts, i18n.language);
}
