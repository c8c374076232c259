// The strings of the engine screens (namespaces `play`, `debrief`, `race`, `playui`, `explain` (what each
// piece and card icon means, on hover, focus and tap), `runviz` (the run's stops, marks, wall flashes and
// packet panel) and `scoring`: build
// names, the comparison's latency column, star thresholds), bundled with those screens' chunk
// and added to i18next when it arrives (lazyScreens.ts), so the first download stays small.
import enPlay from '../../locales/en/play.json';
import enDebrief from '../../locales/en/debrief.json';
import koPlay from '../../locales/ko/play.json';
import koDebrief from '../../locales/ko/debrief.json';
import enRace from '../../locales/en/race.json';
import koRace from '../../locales/ko/race.json';
import enScoring from '../../locales/en/scoring.json';
import koScoring from '../../locales/ko/scoring.json';
import enPlayui from '../../locales/en/playui.json';
import koPlayui from '../../locales/ko/playui.json';
import enExplain from '../../locales/en/explain.json';
import koExplain from '../../locales/ko/explain.json';
import enRunviz from '../../locales/en/runviz.json';
import koRunviz from '../../locales/ko/runviz.json';
import type { GameI18n } from './createI18n';
import type { Language } from './languages';
import type { TranslationTree } from './resources';

export const ENGINE_NAMESPACES = ['play', 'debrief', 'race', 'scoring', 'playui', 'explain', 'runviz'] as const;
export type EngineNamespace = (typeof ENGINE_NAMESPACES)[number];

export const ENGINE_RESOURCES: Record<Language, Record<EngineNamespace, TranslationTree>> = {
  en: { play: enPlay, debrief: enDebrief, race: enRace, scoring: enScoring, playui: enPlayui, explain: enExplain, runviz: enRunviz },
  ko: { play: koPlay, debrief: koDebrief, race: koRace, scoring: koScoring, playui: koPlayui, explain: koExplain, runviz: koRunviz },
};

export function addEngineStrings(i18n: GameI18n): void {
  for (const [language, bundles] of Object.entries(ENGINE_RESOURCES)) {
    for (const [namespace, tree] of Object.entries(bundles)) {
      if (!i18n.hasResourceBundle(language, namespace)) i18n.addResourceBundle(language, namespace, tree, true, false);
    }
  }
}
