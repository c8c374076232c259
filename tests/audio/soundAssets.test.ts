// The sounds ship compressed (WebM/Opus with an MP3 fallback), never as WAV, and every sound has both.
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { howlerSources, SOUND_URLS } from '../../src/audio/soundAssets';

const AUDIO = resolve(import.meta.dirname, '..', '..', 'assets', 'audio');
const SOUNDS = ['place', 'link', 'deliver', 'drop', 'breach', 'boot', 'star', 'button', 'music'];

describe('sound assets', () => {
  it('every sound is in assets/audio as WebM (Opus) and MP3, and no WAV is shipped', () => {
    const files = readdirSync(AUDIO).sort();
    expect(files).toEqual(SOUNDS.flatMap((name) => [`${name}.mp3`, `${name}.webm`]).sort());
    const total = files.reduce((sum, name) => sum + statSync(join(AUDIO, name)).size, 0);
    // Both formats of all nine sounds together: well under the single 517 KiB WAV music loop they replace.
    expect(total).toBeLessThan(256 * 1024);
  });

  it('hands Howler both formats for a known sound, WebM first, and a format for any other URL', () => {
    for (const url of Object.values(SOUND_URLS)) {
      const sources = howlerSources(url);
      expect(sources.format).toEqual(['webm', 'mp3']);
      expect(sources.src[0]).toMatch(/\.webm$/);
      expect(sources.src[1]).toMatch(/\.mp3$/);
    }
    expect(howlerSources('blob:x/123.wav')).toEqual({ src: ['blob:x/123.wav'], format: ['wav'] });
    expect(howlerSources('sounds/ping.mp3?v=2')).toEqual({ src: ['sounds/ping.mp3?v=2'], format: ['mp3'] });
  });
});
