// A level over the work budget (src/sim/workBudget.ts) as the player reads it: the field's path, the
// figure and the limit, in the player's language (namespace `faults`, keys `budget.*`). Any other
// validation error keeps its path and its (English, engine-made) message. Used where the game opens a
// level file from outside; today that is only the testing aid kernelCourier.playLevelFile (the game has no
// player-facing path that loads outside levels yet: docs/security.md).
import type { ValidationError } from '../sim/types';

export const BUDGET_RULES = ['run-packets', 'run-instances', 'run-instance-seconds', 'run-events'] as const;
export type BudgetRule = (typeof BUDGET_RULES)[number];

export interface BudgetNotice {
  key: `faults:budget.${BudgetRule | 'other'}`;
  params: Record<string, string | number>;
}

/** Whether the error is one of the work budget's. */
export function isBudgetError(error: ValidationError): boolean {
  const rule = error.params?.rule;
  return typeof rule === 'string' && (BUDGET_RULES as readonly string[]).includes(rule);
}

/** The notice for one validation error; numbers are formatted for `language` (1,000,000 / 1,000,000). */
export function budgetNotice(error: ValidationError, language: string): BudgetNotice {
  const rule = error.params?.rule;
  const number = (value: unknown) => (typeof value === 'number' ? value.toLocaleString(language) : String(value ?? ''));
  const path = error.path === '' ? '(file)' : error.path;
  if (typeof rule === 'string' && (BUDGET_RULES as readonly string[]).includes(rule)) {
    return { key: `faults:budget.${rule as BudgetRule}`, params: { path, actual: number(error.params?.actual), max: number(error.params?.max) } };
  }
  return { key: 'faults:budget.other', params: { path, message: error.message } };
}

/** The notices for a rejected level: budget errors first (the reason a heavy file is refused), at most `limit`. */
export function levelFileNotices(errors: readonly ValidationError[], language: string, limit = 3): BudgetNotice[] {
  const ordered = [...errors.filter(isBudgetError), ...errors.filter((error) => !isBudgetError(error))];
  return ordered.slice(0, limit).map((error) => budgetNotice(error, language));
}
