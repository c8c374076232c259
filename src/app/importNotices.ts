// What the player is told after importing a progress file: always what happened, never a bare
// "succeeded" — levels added or improved, nothing new, imported but not saved, levels left out, or why
// the file was rejected.
import type { Notice } from './notices';
import type { ImportResult } from './progressStore';

export function importNotices(result: ImportResult): Notice[] {
  if (!result.ok) return [{ key: result.notice, ...(result.params ? { params: result.params } : {}) }];
  const notices: Notice[] = [];
  const changed = result.changed ?? result.levelCount;
  if (changed === 0) notices.push({ key: 'notice.importNothingNew', params: { count: result.levelCount } });
  else if (result.status !== undefined && result.status !== 'ok') notices.push({ key: 'notice.importNotSaved' });
  else notices.push({ key: 'notice.importSucceeded', params: { count: changed } });
  if (result.skipped > 0) notices.push({ key: 'notice.importSkipped', params: { count: result.skipped } });
  return notices;
}
