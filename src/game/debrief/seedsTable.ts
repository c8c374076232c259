// The seeds' summary table (shared/domain.md): security, performance and scalability of Type-1, Type-2
// and containers in the textbook's words, plus a column the textbook lacks, containers inside VMs
// (container-in-vm, kc-model-3), which row this level is about, and which column the player's build
// belongs to. The words themselves live in locales/*/debrief.json under `table`.
import type { Architecture, Level, Objective } from '../../sim/types';
import { focusObjective } from '../play/debriefModel';

export const SEEDS_ROWS = ['security', 'performance', 'scalability'] as const;
export type SeedsRow = (typeof SEEDS_ROWS)[number];

export const SEEDS_COLUMNS = ['type1', 'type2', 'containers', 'containerInVm'] as const;
export type SeedsColumn = (typeof SEEDS_COLUMNS)[number];

const ROW_OF_OBJECTIVE: Record<Objective, SeedsRow> = { security: 'security', speed: 'performance', scale: 'scalability' };

/** The row the level's heaviest objective belongs to. */
export function highlightedRow(level: Level): SeedsRow {
  return ROW_OF_OBJECTIVE[focusObjective(level)];
}

/** The table's column for an architecture, or null where the table has none (native, mixed builds). */
export function columnOfArch(arch: Architecture | 'mixed' | 'reference' | string): SeedsColumn | null {
  if (arch === 'type1-full' || arch === 'type1-para') return 'type1';
  if (arch === 'type2') return 'type2';
  if (arch === 'container') return 'containers';
  if (arch === 'container-in-vm') return 'containerInVm';
  return null;
}
