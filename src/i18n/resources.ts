// The translation files bundled into the game, by language and namespace. Bundling them (a few kB)
// keeps the game working offline and lets i18next start synchronously.
import enUi from '../../locales/en/ui.json';
import enBoard from '../../locales/en/board.json';
import enGlossary from '../../locales/en/glossary.json';
import enOffline from '../../locales/en/offline.json';

import koUi from '../../locales/ko/ui.json';
import koBoard from '../../locales/ko/board.json';
import koGlossary from '../../locales/ko/glossary.json';
import koOffline from '../../locales/ko/offline.json';

import type { Language } from './languages';

/** Namespaces bundled with the first screen; `levels` is filled from level data at startup. The play and
 * debrief namespaces arrive with the engine screens' chunk (engineStrings.ts). */
export const FILE_NAMESPACES = ['ui', 'board', 'glossary', 'offline'] as const;
export type FileNamespace = (typeof FILE_NAMESPACES)[number];
export const LEVELS_NAMESPACE = 'levels';
export const DEFAULT_NAMESPACE: FileNamespace = 'ui';

export type TranslationTree = { [key: string]: string | TranslationTree };

export const FILE_RESOURCES: Record<Language, Record<FileNamespace, TranslationTree>> = {
  en: { ui: enUi, board: enBoard, glossary: enGlossary, offline: enOffline },
  ko: { ui: koUi, board: koBoard, glossary: koGlossary, offline: koOffline },
};

/** The English files, whose shape types every key (see i18next.d.ts). */
export const ENGLISH = { ui: enUi, board: enBoard, glossary: enGlossary, offline: enOffline };

/** Glossary term ids in the order the English file lists them. */
export const GLOSSARY_TERM_IDS = Object.keys(enGlossary.term) as (keyof typeof enGlossary.term)[];
export type GlossaryTermId = (typeof GLOSSARY_TERM_IDS)[number];
