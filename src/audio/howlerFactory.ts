// The browser's sound factory: Howler. Imported lazily by main.ts at the first gesture, so Howler is
// never even evaluated when the URL disables audio.
import { Howl } from 'howler';
import type { SoundFactory } from './AudioAdapter';
import { howlerSources } from './soundAssets';

export function createHowlerFactory(): SoundFactory {
  return {
    create({ src, loop, volume, onLoadError }) {
      const howl = new Howl({
        // WebM/Opus with an MP3 fallback: Howler loads the first its browser can play.
        ...howlerSources(src),
        loop,
        volume,
        preload: true,
        onloaderror: () => onLoadError(),
        onplayerror: () => {
          // Browsers may still refuse until the audio context unlocks; try again once it does.
          howl.once('unlock', () => howl.play());
        },
      });
      return {
        play: () => void howl.play(),
        pause: () => void howl.pause(),
        stop: () => void howl.stop(),
        volume: (gain) => void howl.volume(gain),
        playing: () => howl.playing(),
        unload: () => howl.unload(),
      };
    },
  };
}
