// The one parser of the game page's URL parameters (../shared/contracts.md §3). Every bad value falls
// back to its default and yields a notice for the player; nothing here throws, whatever the input.
import { builtInLevelIds, levelsByChapter } from '../levels';
import { FALLBACK_LANGUAGE, matchLanguage, type Language } from '../i18n/languages';
import { sanitizeForDisplay, type Notice } from './notices';

export const MODES = ['campaign', 'sandbox', 'editor', 'classroom', 'embed', 'race'] as const;
export type Mode = (typeof MODES)[number];

export const AUDIO_MODES = ['enabled', 'muted', 'disabled'] as const;
export type AudioMode = (typeof AUDIO_MODES)[number];

export const COLOR_PROFILES = ['default', 'projector'] as const;
export type ColorProfile = (typeof COLOR_PROFILES)[number];

export const RENDERER_CHOICES = ['auto', 'canvas', 'webgl'] as const;
export type RendererChoice = (typeof RENDERER_CHOICES)[number];

/** Upper bound for `packets`: enough for any demonstration or benchmark, small enough to stay sane. */
export const MAX_PACKETS = 100_000;

/**
 * What the URL asks for. An optional field is absent when the URL does not set it (or sets it badly):
 * the player's saved settings then apply. `mode` always has a value (default `campaign`).
 */
export interface GameParams {
  locale?: Language;
  level?: string;
  mode: Mode;
  audio?: AudioMode;
  randomSeed?: number;
  colorProfile?: ColorProfile;
  reducedMotion?: boolean;
  packets?: number;
  renderer?: RendererChoice;
  /** A chapter number (1 = the first chapter in campaign order), with `mode=embed` or `mode=campaign` (§6). */
  chapter?: number;
  /** The origin of the page that embeds the game (`https://lms.example.org`): commands are accepted only from it (§6). */
  parentOrigin?: string;
  /** With `mode=race`: the race's seed (an integer; default `randomSeed`, else the level's seed). */
  seed?: number;
}

export interface ParsedUrlParams {
  params: GameParams;
  notices: Notice[];
}

export const DEFAULT_PARAMS: Readonly<GameParams> = Object.freeze({ mode: 'campaign' as Mode });

export function parseUrlParams(
  search: string,
  knownLevelIds: readonly string[] = builtInLevelIds(),
  chapterCount: number = levelsByChapter().length,
): ParsedUrlParams {
  const params: GameParams = { ...DEFAULT_PARAMS };
  const notices: Notice[] = [];
  let query: URLSearchParams;
  try {
    query = new URLSearchParams(typeof search === 'string' ? search : '');
  } catch {
    return { params, notices };
  }
  const bad = (name: string, value: string): void => {
    notices.push({ key: 'notice.badParam', params: { name, value: sanitizeForDisplay(value) } });
  };
  // URLSearchParams.get returns the first occurrence; a repeated parameter keeps its first value.
  const read = (name: string): string | undefined => query.get(name) ?? undefined;

  const locale = read('locale');
  if (locale !== undefined) {
    const language = matchLanguage(locale);
    // contracts.md §3: an unknown locale means English.
    params.locale = language ?? FALLBACK_LANGUAGE;
    if (!language) bad('locale', locale);
  }

  const mode = read('mode');
  if (mode !== undefined) {
    if (isOneOf(MODES, mode)) params.mode = mode;
    else bad('mode', mode);
  }

  const level = read('level');
  if (level !== undefined) {
    if (knownLevelIds.includes(level)) params.level = level;
    else bad('level', level);
  }

  const audio = read('audio');
  if (audio !== undefined) {
    if (isOneOf(AUDIO_MODES, audio)) params.audio = audio;
    else bad('audio', audio);
  }

  const seed = read('randomSeed');
  if (seed !== undefined) {
    const value = parseInteger(seed);
    if (value !== undefined) params.randomSeed = value;
    else bad('randomSeed', seed);
  }

  const colorProfile = read('colorProfile');
  if (colorProfile !== undefined) {
    if (isOneOf(COLOR_PROFILES, colorProfile)) params.colorProfile = colorProfile;
    else bad('colorProfile', colorProfile);
  }

  const reducedMotion = read('reducedMotion');
  if (reducedMotion !== undefined) {
    if (reducedMotion === 'true' || reducedMotion === 'false') params.reducedMotion = reducedMotion === 'true';
    else bad('reducedMotion', reducedMotion);
  }

  const renderer = read('renderer');
  if (renderer !== undefined) {
    if (isOneOf(RENDERER_CHOICES, renderer)) params.renderer = renderer;
    else bad('renderer', renderer);
  }

  const chapter = read('chapter');
  if (chapter !== undefined) {
    const value = parseInteger(chapter);
    if (value === undefined || value < 1 || value > chapterCount) bad('chapter', chapter);
    else if (params.mode !== 'embed' && params.mode !== 'campaign') notices.push({ key: 'notice.paramIgnored', params: { name: 'chapter' } });
    else params.chapter = value;
  }

  const parentOrigin = read('parentOrigin');
  if (parentOrigin !== undefined) {
    const origin = parseOrigin(parentOrigin);
    if (origin !== undefined) params.parentOrigin = origin;
    else bad('parentOrigin', parentOrigin);
  }

  const packets = read('packets');
  if (packets !== undefined) {
    const value = parseInteger(packets);
    if (value === undefined || value < 1 || value > MAX_PACKETS) bad('packets', packets);
    else if (params.mode !== 'sandbox') notices.push({ key: 'notice.paramIgnored', params: { name: 'packets' } });
    else params.packets = value;
  }

  const raceSeed = read('seed');
  if (raceSeed !== undefined) {
    const value = parseInteger(raceSeed);
    if (value === undefined) bad('seed', raceSeed);
    else if (params.mode !== 'race') notices.push({ key: 'notice.raceOnly', params: { name: 'seed' } });
    else params.seed = value;
  }

  // The race view races one level: without a (valid) level it cannot open, and the menu does instead.
  if (params.mode === 'race' && params.level === undefined) {
    params.mode = DEFAULT_PARAMS.mode;
    delete params.seed;
    if (level === undefined) notices.push({ key: 'notice.raceNeedsLevel' });
  }

  return { params, notices };
}

function isOneOf<T extends string>(allowed: readonly T[], value: string): value is T {
  return (allowed as readonly string[]).includes(value);
}

/** Plain decimal integers only ("12", "-3"); no "1e3", "0x10", "12.0" or spaces. */
function parseInteger(text: string): number | undefined {
  if (!/^-?\d{1,16}$/.test(text)) return undefined;
  const value = Number(text);
  return Number.isSafeInteger(value) ? value : undefined;
}

/**
 * An origin as the browser writes `event.origin`: `https://host[:port]` (or http), nothing after it but an
 * optional slash. Anything else (a path, credentials, `null`, `*`, another scheme) is not an origin.
 */
function parseOrigin(text: string): string | undefined {
  if (text.length > 200) return undefined;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  if (url.username || url.password || url.search || url.hash || (url.pathname !== '/' && url.pathname !== '')) return undefined;
  if (text !== url.origin && text !== `${url.origin}/`) return undefined;
  return url.origin;
}
