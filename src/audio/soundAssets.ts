// The sound files and their URLs. Vite turns each import into a hashed file in dist/ with a relative
// path, so the sounds load from any folder the game is hosted in, and offline once cached.
import place from '../../assets/audio/place.wav?url';
import link from '../../assets/audio/link.wav?url';
import deliver from '../../assets/audio/deliver.wav?url';
import drop from '../../assets/audio/drop.wav?url';
import breach from '../../assets/audio/breach.wav?url';
import boot from '../../assets/audio/boot.wav?url';
import star from '../../assets/audio/star.wav?url';
import button from '../../assets/audio/button.wav?url';
import music from '../../assets/audio/music.wav?url';
import type { SoundKey } from './soundSettings';

export const SOUND_URLS: Readonly<Record<SoundKey, string>> = { place, link, deliver, drop, breach, boot, star, button, music };
