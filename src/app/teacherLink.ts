// `?mode=classroom` without a join link is the teacher's side of a class session: the game's page then
// shows the teacher's page (src/teacher, loaded on demand) instead of the game. A join link
// (`?mode=classroom#join=…`) stays with the game, which opens the student's join screen.

/** Whether a page address asks for the teacher's page. Never throws. */
export function isTeacherPage(address: string): boolean {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return false;
  }
  return url.searchParams.get('mode') === 'classroom' && !/(^#|&)join=/.test(url.hash);
}
