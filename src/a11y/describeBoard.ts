// The board in words, for screen readers: the hardware, every piece and what it stands on, every app with
// where and how it runs, and each app's packet path hop by hop as the engine would send it. Pure: a level,
// a build and a translation function in, sentences out.

import { createSimulation } from '../sim/Simulation';
import { analyzeBuild } from '../sim/topology';
import type { Build, Level, PacketKind } from '../sim/types';
import { PACKET_KINDS } from '../sim/types';

export type Translate = (key: string, params?: Record<string, string | number>) => string;

export function describeBoard(level: Level, build: Build, t: Translate, problemText: (code: string, params: Record<string, string | number>) => string): string[] {
  const lines: string[] = [t('board:describe.hardware', { cores: level.hardware.cores, memory: level.hardware.memoryGiB })];
  const nodes = new Map(build.nodes.map((node) => [node.id, node]));
  if (build.nodes.length === 0) lines.push(t('board:describe.empty'));
  const pieceName = (piece: string) => t(`board:piece.${piece}.name`);
  for (const node of build.nodes) {
    const below = nodes.get(node.on);
    let line = below
      ? t('board:describe.nodeOnNode', { piece: pieceName(node.piece), id: node.id, onPiece: pieceName(below.piece), on: below.id })
      : t('board:describe.nodeOnHardware', { piece: pieceName(node.piece), id: node.id });
    if (node.kernel && node.driver) {
      line += ` ${t('board:describe.kernelDriver', { kernel: t(`board:kernel.${node.kernel}`), driver: t(`board:driver.${node.driver}.name`) })}`;
    } else if (node.kernel) {
      line += ` ${t('board:describe.kernel', { kernel: t(`board:kernel.${node.kernel}`) })}`;
    }
    lines.push(line);
  }
  const analysis = analyzeBuild(level, build);
  for (const app of level.apps) {
    const hosting = analysis.hostings.find((entry) => entry.app.id === app.id);
    const common = { app: app.id, trust: t(`board:trust.${app.trust}`), kernel: t(`board:kernel.${app.kernel}`), tenant: app.tenant };
    lines.push(
      hosting
        ? t('board:describe.appPlaced', { ...common, arch: t(`board:arch.${hosting.architecture}.name`), on: hosting.placedOn, count: app.instances })
        : t('board:describe.appUnplaced', common),
    );
  }
  for (const violation of analysis.violations) {
    lines.push(t('board:describe.problem', { text: problemText(violation.code, { ...(violation.params ?? {}), app: violation.app ?? '', node: violation.node ?? '' }) }));
  }
  const created = createSimulation(level, build);
  if (!created.ok) {
    if (build.nodes.length > 0) lines.push(t('board:describe.noPaths'));
    return lines;
  }
  const stations = created.simulation.stations();
  const instances = created.simulation.instances();
  for (const app of level.apps) {
    const first = instances.find((instance) => instance.app === app.id);
    if (!first) continue;
    for (const kind of PACKET_KINDS) {
      if (!((app.io[kind as PacketKind] ?? 0) > 0)) continue;
      const hops = created.simulation.pathOf(first.index, kind).map((station) => t(`board:station.${stations[station].kind}`));
      lines.push(t('board:describe.path', { app: app.id, kind: t(`board:packet.${kind}.name`), hops: hops.join(' → ') }));
    }
  }
  return lines;
}
