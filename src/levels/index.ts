// The built-in campaign: every level file in campaign order, grouped into chapters. Levels are data; this
// module only lists them. tests/levels/campaign.test.ts validates each one and checks that the engine's
// ranking agrees with its `expected` architecture and that its reference build earns stars.
import type { Level } from '../sim/types';
import { CHAPTERS } from '../sim/types';
import firstDelivery from './campaign/01-first-delivery.json';
import oneKernelThreeApps from './campaign/02-one-kernel-three-apps.json';
import laptopLab from './campaign/03-laptop-lab.json';
import otherOsOnMyPc from './campaign/04-other-os-on-my-pc.json';
import serverRoom from './campaign/05-server-room.json';
import noTranslation from './campaign/06-no-translation.json';
import hypercallExpress from './campaign/07-hypercall-express.json';
import venom from './campaign/08-venom.json';
import ownRooms from './campaign/09-own-rooms.json';
import packTheServer from './campaign/10-pack-the-server.json';
import coldPull from './campaign/11-cold-pull.json';
import hostileNeighbour from './campaign/12-hostile-neighbour.json';
import escapeArtist from './campaign/13-escape-artist.json';
import threeWalls from './campaign/14-three-walls.json';
import ioRush from './campaign/15-io-rush.json';
import legacyOnLinux from './campaign/16-legacy-on-linux.json';
import rushHour from './campaign/17-rush-hour.json';
import flashSale from './campaign/18-flash-sale.json';
import spareVms from './campaign/19-spare-vms.json';
import hostileScale from './campaign/20-hostile-scale.json';
import linuxOnWindows from './campaign/21-linux-on-windows.json';
import twoKernelsOneHost from './campaign/22-two-kernels-one-host.json';
import mixedFleet from './campaign/23-mixed-fleet.json';

/** The campaign's chapters, in the order they are played (same ids as the levels' `chapter`). */
export const CHAPTER_ORDER: readonly string[] = CHAPTERS;

/** The raw level files, in campaign order. */
const CAMPAIGN_FILES: readonly unknown[] = [
  firstDelivery,
  oneKernelThreeApps,
  laptopLab,
  otherOsOnMyPc,
  serverRoom,
  noTranslation,
  hypercallExpress,
  venom,
  ownRooms,
  packTheServer,
  coldPull,
  hostileNeighbour,
  escapeArtist,
  threeWalls,
  ioRush,
  legacyOnLinux,
  rushHour,
  flashSale,
  spareVms,
  hostileScale,
  linuxOnWindows,
  twoKernelsOneHost,
  mixedFleet,
];

/** The built-in levels, in campaign order. Typed as Level; tests validate each with the level validator. */
export const CAMPAIGN_LEVELS: readonly Level[] = CAMPAIGN_FILES.map((file) => file as Level);

export function builtInLevel(id: string): Level | undefined {
  return CAMPAIGN_LEVELS.find((level) => level.id === id);
}

export function builtInLevelIds(): string[] {
  return CAMPAIGN_LEVELS.map((level) => level.id);
}

export interface CampaignChapter {
  chapter: string;
  levels: Level[];
}

/** The campaign's levels grouped by chapter, chapters in CHAPTER_ORDER (levels of other chapters last). */
export function levelsByChapter(levels: readonly Level[] = CAMPAIGN_LEVELS): CampaignChapter[] {
  const groups = new Map<string, Level[]>();
  for (const chapter of CHAPTER_ORDER) groups.set(chapter, []);
  for (const level of levels) {
    const chapter = level.chapter ?? '';
    const group = groups.get(chapter);
    if (group) group.push(level);
    else groups.set(chapter, [level]);
  }
  return [...groups.entries()]
    .filter(([, chapterLevels]) => chapterLevels.length > 0)
    .map(([chapter, chapterLevels]) => ({ chapter, levels: chapterLevels }));
}
