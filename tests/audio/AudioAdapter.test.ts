// Tests the audio adapter with a fake sound factory: nothing before the first gesture, nothing at all
// when disabled, volumes applied live, music paused when silent, failures tolerated.
import { describe, expect, it, vi } from 'vitest';
import { AudioAdapter, type SoundFactory, type SoundHandle, type SoundOptions } from '../../src/audio/AudioAdapter';
import { createGameEvents } from '../../src/app/gameEvents';
import { CHANNEL_GAIN, type SoundMix } from '../../src/audio/soundSettings';

interface FakeSound extends SoundHandle {
  options: SoundOptions;
  plays: number;
  gain: number;
  isPlaying: boolean;
}

function fakeFactory(failOn: string[] = []) {
  const created: FakeSound[] = [];
  const factory: SoundFactory = {
    create(options) {
      const sound: FakeSound = {
        options,
        plays: 0,
        gain: options.volume,
        isPlaying: false,
        play() {
          this.plays += 1;
          this.isPlaying = options.loop;
        },
        pause() {
          this.isPlaying = false;
        },
        stop() {
          this.isPlaying = false;
        },
        volume(gain) {
          this.gain = gain;
        },
        playing() {
          return this.isPlaying;
        },
        unload() {},
      };
      created.push(sound);
      if (failOn.includes(options.src)) queueMicrotask(options.onLoadError);
      return sound;
    },
  };
  return { factory, created, load: vi.fn(async () => factory) };
}

const mix: SoundMix = { mode: 'enabled', muted: false, musicVolume: 1, effectsVolume: 1 };
const sources = { button: 'button.wav', deliver: 'deliver.wav', music: 'music.wav' };

describe('AudioAdapter', () => {
  it('creates no sound before the first gesture', () => {
    const { load, created } = fakeFactory();
    const audio = new AudioAdapter({ mix, loadFactory: load });
    audio.setSources(sources);
    audio.play('button');
    audio.startMusic();
    expect(load).not.toHaveBeenCalled();
    expect(created).toHaveLength(0);
  });

  it('never loads the factory or creates sounds when audio is disabled', async () => {
    const { load, created } = fakeFactory();
    const audio = new AudioAdapter({ mix: { ...mix, mode: 'disabled' }, loadFactory: load });
    audio.setSources(sources);
    await audio.unlock();
    audio.play('button');
    audio.setMix({ ...mix, mode: 'enabled' });
    await audio.unlock();
    expect(load).not.toHaveBeenCalled();
    expect(created).toHaveLength(0);
    expect(audio.enabled).toBe(false);
  });

  it('plays effects for game events after the gesture, and music on request', async () => {
    const { load, created } = fakeFactory();
    const events = createGameEvents();
    const audio = new AudioAdapter({ mix, loadFactory: load, now: () => 0 });
    audio.attach(events);
    audio.setSources(sources);
    audio.startMusic();
    await audio.unlock();
    expect(created.map((s) => s.options.src).sort()).toEqual(['button.wav', 'deliver.wav', 'music.wav']);
    const music = created.find((s) => s.options.loop);
    expect(music?.plays).toBe(1);
    events.emit('buttonPressed', {});
    events.emit('packetDelivered', { kind: 'disk' });
    events.emit('packetDelivered', { kind: 'disk' }); // throttled: same instant
    expect(created.find((s) => s.options.src === 'button.wav')?.plays).toBe(1);
    expect(created.find((s) => s.options.src === 'deliver.wav')?.plays).toBe(1);
  });

  it('applies volume changes immediately and pauses music when muted', async () => {
    const { load, created } = fakeFactory();
    const audio = new AudioAdapter({ mix, loadFactory: load });
    audio.setSources(sources);
    audio.startMusic();
    await audio.unlock();
    audio.setMix({ ...mix, effectsVolume: 0.5 });
    expect(created.find((s) => s.options.src === 'button.wav')?.gain).toBeCloseTo(0.25 * CHANNEL_GAIN.effects);
    const music = created.find((s) => s.options.loop)!;
    audio.setMix({ ...mix, muted: true });
    expect(music.gain).toBe(0);
    expect(music.isPlaying).toBe(false);
    audio.play('button');
    expect(created.find((s) => s.options.src === 'button.wav')?.plays).toBe(0);
    audio.setMix(mix);
    expect(music.isPlaying).toBe(true);
  });

  it('stays silent while the page is hidden and resumes the music after', async () => {
    const { load, created } = fakeFactory();
    const audio = new AudioAdapter({ mix, loadFactory: load });
    audio.setSources(sources);
    audio.startMusic();
    await audio.unlock();
    const music = created.find((s) => s.options.loop)!;
    audio.setPageHidden(true);
    expect(music.isPlaying).toBe(false);
    audio.play('button');
    expect(created.find((s) => s.options.src === 'button.wav')?.plays).toBe(0);
    audio.setPageHidden(false);
    expect(music.isPlaying).toBe(true);
  });

  it('reports once and keeps going when every sound fails to load', async () => {
    const { load } = fakeFactory(Object.values(sources));
    const onUnavailable = vi.fn();
    const audio = new AudioAdapter({ mix, loadFactory: load, onUnavailable });
    audio.setSources(sources);
    await audio.unlock();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(onUnavailable).toHaveBeenCalledTimes(1);
    expect(audio.soundCount).toBe(0);
    expect(() => audio.play('button')).not.toThrow();
  });

  it('reports when the sound library cannot load at all', async () => {
    const onUnavailable = vi.fn();
    const audio = new AudioAdapter({ mix, loadFactory: () => Promise.reject(new Error('no audio')), onUnavailable });
    audio.setSources(sources);
    await audio.unlock();
    expect(onUnavailable).toHaveBeenCalledTimes(1);
  });

  it('survives a sound whose play throws', async () => {
    const { load, created } = fakeFactory();
    const audio = new AudioAdapter({ mix, loadFactory: load });
    audio.setSources(sources);
    await audio.unlock();
    created.find((s) => s.options.src === 'button.wav')!.play = () => {
      throw new Error('boom');
    };
    expect(() => audio.play('button')).not.toThrow();
    expect(audio.soundCount).toBe(2);
  });
});
