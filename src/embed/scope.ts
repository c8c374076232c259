// Which levels a page plays, and where it opens, from the URL (contracts.md §6): `mode=embed` with
// `level=ID` plays that one level, with `chapter=N` that chapter's levels (both: the chapter, opened on the
// level), with neither the whole campaign without the menu. `mode=campaign&chapter=N` opens the level
// map on that chapter. Pure: main.ts hands the result to the game.
import type { GameParams } from '../app/urlParams';
import { levelsByChapter } from '../levels';
import type { Level } from '../sim/types';

export interface EmbedScope {
  /** The levels the screens offer, in campaign order (the whole campaign outside embed mode). */
  levels: readonly Level[];
  /** The first screen: `play` with a level id, `levels` with the level to show, or null for the usual start. */
  start: { screen: 'play'; levelId: string } | { screen: 'levels'; levelId?: string } | null;
  embedded: boolean;
}

export function embedScope(params: GameParams, levels: readonly Level[]): EmbedScope {
  const chapterLevels = params.chapter === undefined ? undefined : levelsByChapter(levels)[params.chapter - 1]?.levels;
  if (params.mode !== 'embed') {
    if (params.mode === 'campaign' && !params.level && chapterLevels?.[0]) {
      return { levels, start: { screen: 'levels', levelId: chapterLevels[0].id }, embedded: false };
    }
    return { levels, start: null, embedded: false };
  }
  if (chapterLevels && chapterLevels.length > 0) {
    const opened = params.level && chapterLevels.some((level) => level.id === params.level) ? params.level : undefined;
    return {
      levels: chapterLevels,
      start: opened ? { screen: 'play', levelId: opened } : { screen: 'levels', levelId: chapterLevels[0]?.id },
      embedded: true,
    };
  }
  const single = params.level ? levels.find((level) => level.id === params.level) : undefined;
  if (single) return { levels: [single], start: { screen: 'play', levelId: single.id }, embedded: true };
  return { levels, start: { screen: 'levels' }, embedded: true };
}
