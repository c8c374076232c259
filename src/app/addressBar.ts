// The address bar follows the level on show (issue 13 item 5): while a level's play screen or debrief is
// on show the page's address carries `?level=<id>`, and on the menu or the level map it does not, so a link
// to any level is one copy away and a reload opens what was on show. Written with history.replaceState
// (no new history entries, nothing sent anywhere). Pure here; main.ts applies it.
//
// Left alone: a class session's page (`mode=classroom`: a reload must reopen the session, whose link is the
// join link), a race view's page (`mode=race`: its link names the race's level and seed), the sandbox, and an embedded whole campaign (`mode=embed` without `chapter` or `level`: a
// `level` there would narrow a reload to that one level). In a chapter embed the level stays inside the
// chapter, so it follows; an embedded single level already names its level. Inside an iframe only the
// frame's own address changes, never the host page's.
import type { GameParams } from './urlParams';

export type ShownScreen = { key: string; levelId?: string };

const LEVEL_SCREENS = new Set(['play', 'debrief']);
const NO_LEVEL_SCREENS = new Set(['menu', 'levels']);

/** Whether this page's address follows the level on show at all. */
export function addressFollowsLevel(params: Pick<GameParams, 'mode' | 'chapter' | 'level'>): boolean {
  if (params.mode === 'classroom' || params.mode === 'race' || params.mode === 'sandbox' || params.mode === 'editor') return false;
  if (params.mode === 'embed') return params.chapter !== undefined;
  return true;
}

/**
 * The address to show for a screen, or null when it stays as it is. Keeps every other parameter, their
 * order and the fragment; `level` keeps its place when it was there, else comes last.
 */
export function addressForScreen(href: string, shown: ShownScreen): string | null {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return null;
  }
  const current = url.searchParams.get('level');
  if (LEVEL_SCREENS.has(shown.key) && shown.levelId) {
    if (current === shown.levelId && url.searchParams.getAll('level').length === 1) return null;
    const params = [...url.searchParams.entries()];
    const at = params.findIndex(([name]) => name === 'level');
    const kept = params.filter(([name]) => name !== 'level');
    kept.splice(at < 0 ? kept.length : at, 0, ['level', shown.levelId]);
    url.search = new URLSearchParams(kept).toString();
    return url.toString();
  }
  if (NO_LEVEL_SCREENS.has(shown.key) && current !== null) {
    url.searchParams.delete('level');
    return url.toString();
  }
  return null;
}
