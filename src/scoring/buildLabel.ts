// Names a build by what it is, with its VM count (issue 17): "Type-1, emulated · 3 VMs, one per instance",
// "Type-1, emulated · 1 VM shared by 3 instances". A drop on a hypervisor makes one VM per instance; a drop
// on a VM shares that VM — two builds the architecture name alone cannot tell apart. Pure: the build as
// placed (before any run-time command) and the level in, a description or a localized label out.

import { analyzeBuild, buildArchitecture } from '../sim/topology';
import type { Architecture, Build, Level } from '../sim/types';

export interface BuildDescription {
  /** The architecture the engine recognizes (`mixed` when apps differ). */
  arch: Architecture | 'mixed';
  /** VMs at the start of the run: one per instance for per-instance VMs, one per `vm` node used. */
  vms: number;
  /** App instances (at the start) running inside those VMs. */
  instancesInVms: number;
}

/** What a build is: its architecture and how many VMs hold how many instances. */
export function describeBuild(level: Level, build: Build): BuildDescription {
  const analysis = analyzeBuild(level, build);
  const arch = analysis.hostings.length > 0 ? buildArchitecture(analysis.hostings) : 'mixed';
  let perInstance = 0;
  const shared = new Set<string>();
  let instancesInVms = 0;
  for (const hosting of analysis.hostings) {
    const instances = hosting.app.instances;
    if (hosting.template) {
      perInstance += instances;
      instancesInVms += instances;
    } else if (hosting.vmNode) {
      shared.add(hosting.vmNode);
      instancesInVms += instances;
    }
  }
  return { arch, vms: perInstance + shared.size, instancesInVms };
}

/** A translate function: i18next's `t`, or anything with its shape. */
export type Translate = (key: string, options?: Record<string, unknown>) => string;

/** The VM part of a label: "no VM", "3 VMs, one per instance", "1 VM shared by 3 instances". */
export function vmCountText(tr: Translate, description: BuildDescription): string {
  const { vms, instancesInVms } = description;
  if (vms === 0) return tr('scoring:build.noVm');
  if (vms >= instancesInVms) return tr('scoring:build.perInstance', { count: vms });
  return tr('scoring:build.shared', { count: vms, instances: instancesInVms });
}

/** Who made the build, for the comparison: an architecture's canonical build, the author's, the player's. */
export type BuildAuthor = 'canonical' | 'reference' | 'player';

/**
 * The localized name of a build: "Type-1, emulated · 3 VMs, one per instance"; the author's build
 * "Author's build · Containers in VMs · 4 VMs shared by 8 instances"; the player's "You · …".
 */
export function buildLabel(tr: Translate, level: Level, build: Build, author: BuildAuthor = 'canonical'): string {
  const description = describeBuild(level, build);
  const archKey = `board:arch.${description.arch}.name`;
  const archText = tr(archKey);
  const label = tr('scoring:build.label', { arch: archText === archKey ? description.arch : archText, vms: vmCountText(tr, description) });
  if (author === 'reference') return tr('scoring:build.reference', { label });
  if (author === 'player') return tr('scoring:build.you', { label });
  return label;
}
