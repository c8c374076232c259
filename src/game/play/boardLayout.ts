// Where everything on the board goes: the build drawn as the classic layer diagram (hardware at the bottom,
// each piece a bar as wide as what stands on it, apps on top), and the point of every hop a packet visits.
// Pure functions of the build and a rectangle, so the board reflows for any window and is unit-tested.

import type { StationInfo } from '../../sim/Simulation';
import type { BuildNode, Level, Placement } from '../../sim/types';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Point {
  x: number;
  y: number;
}

export interface NodeBox {
  node: BuildNode;
  rect: Rect;
  row: number;
}

/** One VM made from a template (one per app instance), drawn on its hypervisor. */
export interface VmBox {
  key: string;
  app: string;
  instance: number;
  rect: Rect;
}

export interface AppBox {
  app: string;
  /** The card on top, where the app's packets start. */
  rect: Rect;
  /** Where its lane meets the piece it runs on. */
  hostTop: Point;
}

export interface BoardLayout {
  board: Rect;
  rowHeight: number;
  hardware: Rect;
  disk: Point;
  nic: Point;
  nodes: Map<string, NodeBox>;
  vms: Map<string, VmBox>;
  apps: Map<string, AppBox>;
}

/** How many per-instance VMs are drawn side by side before they are squeezed. */
export const MAX_DRAWN_VMS_PER_APP = 8;

const GAP = 6;

interface TreeEntry {
  node: BuildNode;
  children: TreeEntry[];
  depth: number;
  units: number;
}

/** Instances drawn for each app placed as one VM per instance: the live ones in a run, or the level's. */
export type InstanceCounts = (appId: string) => number[];

/** How tall the app row and the hardware row are, in rows of a piece (default 1 each). */
export interface RowWeights {
  apps?: number;
  hardware?: number;
}

export function computeBoardLayout(
  level: Level,
  nodes: readonly BuildNode[],
  placements: readonly Placement[],
  board: Rect,
  instancesOf: InstanceCounts = (appId) => Array.from({ length: level.apps.find((app) => app.id === appId)?.instances ?? 1 }, (_, index) => index),
  weights: RowWeights = {},
): BoardLayout {
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const placementsOn = (nodeId: string) => placements.filter((placement) => placement.on === nodeId);
  const build = (node: BuildNode, depth: number, seen: Set<string>): TreeEntry => {
    seen.add(node.id);
    const children = nodes.filter((child) => child.on === node.id && !seen.has(child.id)).map((child) => build(child, depth + 1, seen));
    let units = children.reduce((sum, child) => sum + child.units, 0);
    for (const placement of placementsOn(node.id)) {
      units += placement.vm ? Math.min(MAX_DRAWN_VMS_PER_APP, Math.max(1, instancesOf(placement.app).length)) : 1;
    }
    return { node, children, depth, units: Math.max(1, units) };
  };
  const seen = new Set<string>();
  const roots = nodes.filter((node) => node.on === 'hardware' || !byId.has(node.on)).map((node) => build(node, 1, seen));
  // Deepest row in use: a per-instance VM adds one row above its hypervisor.
  let maxDepth = 1;
  const visit = (entry: TreeEntry) => {
    const templated = placementsOn(entry.node.id).some((placement) => placement.vm);
    maxDepth = Math.max(maxDepth, entry.depth + (templated ? 1 : 0));
    entry.children.forEach(visit);
  };
  roots.forEach(visit);

  // Rows from the bottom: the hardware, the pieces (one row per depth), the apps on top. The hardware and
  // app rows may be taller than a piece's row (weights), so cards stay readable under a tall stack.
  const appWeight = Math.max(0.5, weights.apps ?? 1);
  const hardwareWeight = Math.max(0.5, weights.hardware ?? 1);
  const rowHeight = board.height / (hardwareWeight + maxDepth + appWeight);
  const bottom = board.y + board.height;
  const rowTop = (row: number) => bottom - (hardwareWeight + row) * rowHeight;
  const hardwareHeight = hardwareWeight * rowHeight;
  const hardware: Rect = { x: board.x, y: bottom - hardwareHeight + GAP / 2, width: board.width, height: hardwareHeight - GAP };
  const layout: BoardLayout = {
    board,
    rowHeight,
    hardware,
    disk: { x: hardware.x + hardware.width * 0.18, y: hardware.y + hardware.height * 0.62 },
    nic: { x: hardware.x + hardware.width * 0.82, y: hardware.y + hardware.height * 0.62 },
    nodes: new Map(),
    vms: new Map(),
    apps: new Map(),
  };
  const appTop = board.y;
  const appRect = (x: number, width: number): Rect => ({
    x: x + GAP / 2,
    y: appTop + GAP / 2,
    width: Math.max(8, width - GAP),
    height: appWeight * rowHeight - GAP,
  });

  const totalUnits = roots.reduce((sum, root) => sum + root.units, 0) || 1;
  const unitWidth = board.width / totalUnits;
  const place = (entry: TreeEntry, left: number) => {
    const width = entry.units * unitWidth;
    const rect: Rect = { x: left + GAP / 2, y: rowTop(entry.depth) + GAP / 2, width: width - GAP, height: rowHeight - GAP };
    layout.nodes.set(entry.node.id, { node: entry.node, rect, row: entry.depth });
    let cursor = left;
    for (const child of entry.children) {
      place(child, cursor);
      cursor += child.units * unitWidth;
    }
    for (const placement of placementsOn(entry.node.id)) {
      if (placement.vm) {
        const instances = instancesOf(placement.app);
        const drawn = Math.min(MAX_DRAWN_VMS_PER_APP, Math.max(1, instances.length));
        const slotWidth = unitWidth;
        instances.forEach((instance, index) => {
          const slot = Math.min(index, drawn - 1);
          const vmRect: Rect = {
            x: cursor + slot * slotWidth + GAP / 2,
            y: rowTop(entry.depth + 1) + GAP / 2,
            width: slotWidth - GAP,
            height: rowHeight - GAP,
          };
          layout.vms.set(`${placement.app}#${instance}`, { key: `${placement.app}#${instance}`, app: placement.app, instance, rect: vmRect });
        });
        const span = drawn * slotWidth;
        layout.apps.set(placement.app, {
          app: placement.app,
          rect: appRect(cursor, span),
          hostTop: { x: cursor + span / 2, y: rowTop(entry.depth + 1) + GAP / 2 },
        });
        cursor += span;
      } else {
        layout.apps.set(placement.app, {
          app: placement.app,
          rect: appRect(cursor, unitWidth),
          hostTop: { x: cursor + unitWidth / 2, y: rect.y },
        });
        cursor += unitWidth;
      }
    }
  };
  let left = board.x;
  for (const root of roots) {
    place(root, left);
    left += root.units * unitWidth;
  }
  return layout;
}

function center(rect: Rect): Point {
  return { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
}

/**
 * The point a packet visits at a hop. Hops of one VM made from a template sit in that VM's box; a VM's
 * kernel in the lower half of its box, its exit on its bottom edge, its backend (Type-1 management
 * domain) or Type-2 process in the hypervisor's bar right below it.
 */
export function stationPoint(layout: BoardLayout, station: StationInfo): Point {
  if (station.kind === 'disk') return layout.disk;
  if (station.kind === 'nic') return layout.nic;
  const vmBox = station.app !== null && station.instance !== null ? layout.vms.get(`${station.app}#${station.instance}`) : undefined;
  const ownerBox = layout.nodes.get(station.owner);
  const box = vmBox?.rect ?? ownerBox?.rect;
  if (!box) return center(layout.hardware);
  switch (station.kind) {
    case 'guest-kernel':
      return { x: box.x + box.width / 2, y: box.y + box.height * 0.62 };
    case 'vm-exit':
      return { x: box.x + box.width / 2, y: box.y + box.height };
    case 'backend':
    case 'type2-process': {
      const below = vmBox ? layout.nodes.get(station.owner) : ownerBox ? layout.nodes.get(ownerBox.node.on) : undefined;
      const y = below ? below.rect.y + below.rect.height * 0.5 : box.y + box.height + layout.rowHeight * 0.5;
      return { x: box.x + box.width / 2, y };
    }
    case 'host-syscall':
      return { x: box.x + box.width * 0.75, y: box.y + box.height * 0.5 };
    case 'host-kernel':
      return { x: box.x + box.width / 2, y: box.y + box.height * 0.5 };
    case 'container-engine':
      return center(box);
  }
}

/** Where an app instance's packets start: the bottom of its card (spread a little by instance). */
export function emitPoint(layout: BoardLayout, appId: string, instanceOrdinal = 0): Point {
  const box = layout.apps.get(appId);
  if (!box) return center(layout.board);
  const spread = Math.min(box.rect.width * 0.3, 12);
  const offset = ((instanceOrdinal % 5) - 2) * (spread / 2);
  return { x: box.rect.x + box.rect.width / 2 + offset, y: box.rect.y + box.rect.height };
}
