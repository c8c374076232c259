// Creates the game's i18next instance: bundled file namespaces plus the `levels` namespace built from
// level data, English as the fallback for every missing or empty string. Synchronous: no backend.
import i18next, { type i18n as I18nInstance } from 'i18next';
import { FALLBACK_LANGUAGE, SUPPORTED_LANGUAGES, type Language } from './languages';
import { DEFAULT_NAMESPACE, FILE_NAMESPACES, FILE_RESOURCES, LEVELS_NAMESPACE, type TranslationTree } from './resources';
import { levelResources, type LevelTextSource } from './levelStrings';

export type GameI18n = I18nInstance;

export function createI18n(language: Language, levels: readonly LevelTextSource[]): GameI18n {
  const levelTrees = levelResources(levels);
  const resources: Record<string, Record<string, TranslationTree>> = {};
  for (const lng of SUPPORTED_LANGUAGES) {
    resources[lng] = { ...FILE_RESOURCES[lng], [LEVELS_NAMESPACE]: levelTrees[lng] };
  }
  const instance = i18next.createInstance();
  void instance.init({
    lng: language,
    fallbackLng: FALLBACK_LANGUAGE,
    supportedLngs: [...SUPPORTED_LANGUAGES],
    ns: [...FILE_NAMESPACES, LEVELS_NAMESPACE],
    // play and debrief are added when the engine screens arrive (engineStrings.ts).
    partialBundledLanguages: true,
    defaultNS: DEFAULT_NAMESPACE,
    resources,
    initAsync: false,
    // Empty strings count as missing so a blank Korean entry shows English, never nothing.
    returnEmptyString: false,
    returnNull: false,
    // Text reaches the screen only through canvas text and DOM textContent, never innerHTML, so
    // HTML-escaping would only show "&lt;" to players. Outside values are sanitized where parsed.
    interpolation: { escapeValue: false },
  });
  return instance;
}

/** Switches language; resolves once every namespace answers in the new language. */
export async function setLanguage(i18n: GameI18n, language: Language): Promise<void> {
  await i18n.changeLanguage(language);
}
