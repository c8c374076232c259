// The teacher's page's strings (namespace `teacher`): bundled only into teacher.html, never the game.
// allResources.ts lists them with the others so the locale and used-key tests check them too.
import enTeacher from '../../locales/en/teacher.json';
import koTeacher from '../../locales/ko/teacher.json';
import type { Language } from './languages';
import type { TranslationTree } from './resources';

export const TEACHER_NAMESPACES = ['teacher'] as const;
export type TeacherNamespace = (typeof TEACHER_NAMESPACES)[number];

export const TEACHER_RESOURCES: Record<Language, Record<TeacherNamespace, TranslationTree>> = {
  en: { teacher: enTeacher },
  ko: { teacher: koTeacher },
};
