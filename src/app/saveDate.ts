// How the game names a kept save's time ("5 Dec 2026, 14:13"), in the player's language. Falls back to
// the ISO text when the browser cannot format dates.

export function formatSaveDate(iso: string, language: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  try {
    return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
  } catch {
    return iso;
  }
}
