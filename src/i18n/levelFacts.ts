// Numbers in level texts are never typed in: a brief, hint, learning goal or teacher note names the fact
// it quotes, `{{rank.type1-para.total}}`, `{{app.db.io.disk}}`, and the fact is filled in when the text is
// shown, from the level's own data and the engine's ranking of it on the seed being played
// (src/scoring/levelFacts.ts computes them; docs/level-format.md lists every name). A result that changes
// with the model or the seed can therefore never go stale in a text. This module has no engine code: it
// only finds placeholders and formats values, so the first chunk can use it too.

/** One fact: its value and how many decimals it is shown with (trailing zeros dropped). */
export interface FactValue {
  value: number;
  digits: number;
}

/** Facts by name, e.g. `rank.container.total` → { value: 93.4, digits: 0 } shown as "93". */
export type LevelFacts = ReadonlyMap<string, FactValue>;

/** `{{name}}` with a fact name: letters, digits, `.`, `-` and `_` (i18next's own syntax, kept apart). */
const PLACEHOLDER = /\{\{\s*([A-Za-z][\w.-]*)\s*\}\}/g;

/** Names of the facts a text quotes, in order, each once. */
export function placeholdersIn(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((match) => match[1]))];
}

/** Whether a text quotes any fact. */
export function hasPlaceholders(text: string): boolean {
  return placeholdersIn(text).length > 0;
}

const formats = new Map<string, Intl.NumberFormat>();

/** A fact's value as the language writes numbers ("1,234.5" in English, the same digits in Korean). */
export function formatFact(fact: FactValue, language: string): string {
  const key = `${language}:${fact.digits}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(language, { maximumFractionDigits: fact.digits, minimumFractionDigits: 0 });
    formats.set(key, format);
  }
  return format.format(fact.value);
}

/**
 * Replaces every placeholder whose fact is known. Without facts (a screen that has not ranked the level)
 * or for an unknown name, the placeholder becomes "…": never a wrong number, never raw braces on screen.
 * tests/levels/levelTexts.test.ts checks that every name in every built-in level resolves on seeds 1–20.
 */
export function fillFacts(text: string, facts: LevelFacts | undefined, language: string): string {
  return text.replace(PLACEHOLDER, (_match, name: string) => {
    const fact = facts?.get(name);
    return fact ? formatFact(fact, language) : '…';
  });
}
