// Every translation file, first-chunk and engine-chunk namespaces together: for tests and tools that
// check all strings. The game itself never imports this module (it would undo the lazy chunk).
import { ENGINE_NAMESPACES, ENGINE_RESOURCES } from './engineStrings';
import type { Language } from './languages';
import { FILE_NAMESPACES, FILE_RESOURCES, type TranslationTree } from './resources';
import { TEACHER_NAMESPACES, TEACHER_RESOURCES } from './teacherStrings';

export const ALL_NAMESPACES = [...FILE_NAMESPACES, ...ENGINE_NAMESPACES, ...TEACHER_NAMESPACES] as const;
export type AnyNamespace = (typeof ALL_NAMESPACES)[number];

export const ALL_RESOURCES = {
  en: { ...FILE_RESOURCES.en, ...ENGINE_RESOURCES.en, ...TEACHER_RESOURCES.en },
  ko: { ...FILE_RESOURCES.ko, ...ENGINE_RESOURCES.ko, ...TEACHER_RESOURCES.ko },
} as Record<Language, Record<AnyNamespace, TranslationTree>>;
