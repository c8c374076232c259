// The built-in campaign: every level file in campaign order. Levels are data; this module only lists them.
import type { Level } from '../sim/types';
import firstDelivery from './campaign/01-first-delivery.json';

/** The built-in levels, in campaign order. Typed as Level; tests validate each with the level validator. */
export const CAMPAIGN_LEVELS: readonly Level[] = [firstDelivery as unknown as Level];

export function builtInLevel(id: string): Level | undefined {
  return CAMPAIGN_LEVELS.find((level) => level.id === id);
}

export function builtInLevelIds(): string[] {
  return CAMPAIGN_LEVELS.map((level) => level.id);
}
