// Links the teacher's page writes for one level of a session: the level itself in the game (`?level=<id>`,
// the address the game's address bar shows for it) and the race view (issue 13 item 4, its own screen on
// branch `race`) on the session's seed, exactly `?mode=race&level=<id>&seed=<n>`. Pure: `base` is the
// game's address (the folder index.html is served from).

function withQuery(base: string, query: Array<[string, string]>): string {
  const url = new URL(base);
  url.search = new URLSearchParams(query).toString();
  url.hash = '';
  return url.toString();
}

export function levelLink(base: string, levelId: string): string {
  return withQuery(base, [['level', levelId]]);
}

export function raceLink(base: string, levelId: string, seed: number | undefined): string {
  return withQuery(base, [['mode', 'race'], ['level', levelId], ...(seed === undefined ? [] : [['seed', String(seed)] as [string, string]])]);
}
