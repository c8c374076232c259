// The translation files bundled into the game, by language and namespace. Bundling them (a few kB)
// keeps the game working offline and lets i18next start synchronously.
import enUi from '../../locales/en/ui.json';
import enBoard from '../../locales/en/board.json';
import enGlossary from '../../locales/en/glossary.json';
import enClassroom from '../../locales/en/classroom.json';
import enEmbed from '../../locales/en/embed.json';
import enOffline from '../../locales/en/offline.json';
import enSharing from '../../locales/en/sharing.json';
import enFaults from '../../locales/en/faults.json';

import koUi from '../../locales/ko/ui.json';
import koBoard from '../../locales/ko/board.json';
import koGlossary from '../../locales/ko/glossary.json';
import koClassroom from '../../locales/ko/classroom.json';
import koEmbed from '../../locales/ko/embed.json';
import koOffline from '../../locales/ko/offline.json';
import koSharing from '../../locales/ko/sharing.json';
import koFaults from '../../locales/ko/faults.json';

import type { Language } from './languages';

/** Namespaces bundled with the first screen (`classroom`: the class session's screens and the notice of a
 * broken join link, which can show before the engine screens arrive; `sharing`: "Reset progress" and the level ids
 * on the level list; `faults`: the error screen, which must open whatever screen failed); `levels` is filled from level data at startup. The play and
 * debrief namespaces arrive with the engine screens' chunk (engineStrings.ts). */
export const FILE_NAMESPACES = ['ui', 'board', 'glossary', 'classroom', 'embed', 'offline', 'sharing', 'faults'] as const;
export type FileNamespace = (typeof FILE_NAMESPACES)[number];
export const LEVELS_NAMESPACE = 'levels';
export const DEFAULT_NAMESPACE: FileNamespace = 'ui';

export type TranslationTree = { [key: string]: string | TranslationTree };

export const FILE_RESOURCES: Record<Language, Record<FileNamespace, TranslationTree>> = {
  en: { ui: enUi, board: enBoard, glossary: enGlossary, classroom: enClassroom, embed: enEmbed, offline: enOffline, sharing: enSharing, faults: enFaults },
  ko: { ui: koUi, board: koBoard, glossary: koGlossary, classroom: koClassroom, embed: koEmbed, offline: koOffline, sharing: koSharing, faults: koFaults },
};

/** The English files, whose shape types every key (see i18next.d.ts). */
export const ENGLISH = { ui: enUi, board: enBoard, glossary: enGlossary, classroom: enClassroom, embed: enEmbed, offline: enOffline, sharing: enSharing, faults: enFaults };

/** Glossary term ids in the order the English file lists them. */
export const GLOSSARY_TERM_IDS = Object.keys(enGlossary.term) as (keyof typeof enGlossary.term)[];
export type GlossaryTermId = (typeof GLOSSARY_TERM_IDS)[number];
