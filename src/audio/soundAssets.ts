// The sound files and their URLs. Vite turns each import into a hashed file in dist/ with a relative
// path, so the sounds load from any folder the game is hosted in, and offline once cached.
// Each sound ships compressed twice (scripts/make-sounds.mjs): Opus in WebM, and MP3 for browsers that
// cannot play WebM/Opus. SOUND_URLS holds the first choice; SOUND_FALLBACKS maps it to the MP3, and the
// Howler factory hands both to Howler's format list, which loads only the first the browser can play.
import place from '../../assets/audio/place.webm?url';
import link from '../../assets/audio/link.webm?url';
import deliver from '../../assets/audio/deliver.webm?url';
import drop from '../../assets/audio/drop.webm?url';
import breach from '../../assets/audio/breach.webm?url';
import boot from '../../assets/audio/boot.webm?url';
import star from '../../assets/audio/star.webm?url';
import button from '../../assets/audio/button.webm?url';
import music from '../../assets/audio/music.webm?url';
import placeMp3 from '../../assets/audio/place.mp3?url';
import linkMp3 from '../../assets/audio/link.mp3?url';
import deliverMp3 from '../../assets/audio/deliver.mp3?url';
import dropMp3 from '../../assets/audio/drop.mp3?url';
import breachMp3 from '../../assets/audio/breach.mp3?url';
import bootMp3 from '../../assets/audio/boot.mp3?url';
import starMp3 from '../../assets/audio/star.mp3?url';
import buttonMp3 from '../../assets/audio/button.mp3?url';
import musicMp3 from '../../assets/audio/music.mp3?url';
import type { SoundKey } from './soundSettings';

export const SOUND_URLS: Readonly<Record<SoundKey, string>> = { place, link, deliver, drop, breach, boot, star, button, music };

const MP3: Readonly<Record<SoundKey, string>> = { place: placeMp3, link: linkMp3, deliver: deliverMp3, drop: dropMp3, breach: breachMp3, boot: bootMp3, star: starMp3, button: buttonMp3, music: musicMp3 };

/** First-choice URL → its MP3 fallback. */
export const SOUND_FALLBACKS: ReadonlyMap<string, string> = new Map((Object.keys(SOUND_URLS) as SoundKey[]).map((key) => [SOUND_URLS[key], MP3[key]]));

/** Howler's `src` and `format` lists for a sound URL: WebM/Opus first, then the MP3, when there is one. */
export function howlerSources(src: string): { src: string[]; format: string[] } {
  const fallback = SOUND_FALLBACKS.get(src);
  if (fallback) return { src: [src, fallback], format: ['webm', 'mp3'] };
  const extension = /\.([a-z0-9]+)(?:[?#].*)?$/i.exec(src)?.[1]?.toLowerCase();
  return { src: [src], format: [extension ?? 'webm'] };
}
