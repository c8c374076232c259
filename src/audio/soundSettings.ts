// Pure sound logic: which effects exist, how a slider value, mute and the URL's audio mode become a
// playback volume, and how often one effect may repeat. No Howler here, so it is unit-tested in Node.
import type { AudioMode } from '../app/urlParams';

export const EFFECTS = ['place', 'link', 'deliver', 'drop', 'breach', 'boot', 'star', 'button'] as const;
export type EffectName = (typeof EFFECTS)[number];
export const MUSIC = 'music' as const;
export type SoundKey = EffectName | typeof MUSIC;
export const SOUND_KEYS: readonly SoundKey[] = [...EFFECTS, MUSIC];

export type Channel = 'music' | 'effects';

export interface SoundMix {
  /** From the URL: `disabled` means no sound objects at all; `muted` acts like the mute setting. */
  mode: AudioMode;
  muted: boolean;
  /** Slider values, 0–1. */
  musicVolume: number;
  effectsVolume: number;
}

/** Music sits under the effects so feedback stays audible over it. */
export const CHANNEL_GAIN: Record<Channel, number> = { music: 0.45, effects: 0.9 };

export function soundsAllowed(mode: AudioMode): boolean {
  return mode !== 'disabled';
}

/**
 * The gain to play a channel at: 0 when disabled or muted; otherwise the slider value squared (loudness
 * is heard roughly logarithmically, so a square law makes the slider's middle sound like the middle)
 * times the channel's gain. Out-of-range or non-numeric slider values are clamped to 0–1.
 */
export function channelGain(mix: SoundMix, channel: Channel): number {
  if (!soundsAllowed(mix.mode) || mix.mode === 'muted' || mix.muted) return 0;
  const slider = channel === 'music' ? mix.musicVolume : mix.effectsVolume;
  const value = Number.isFinite(slider) ? Math.min(1, Math.max(0, slider)) : 0;
  return value * value * CHANNEL_GAIN[channel];
}

export function channelOf(key: SoundKey): Channel {
  return key === MUSIC ? 'music' : 'effects';
}

/** Minimum gap between two plays of the same effect: a busy run delivers hundreds of packets a second. */
export const MIN_REPEAT_MS: Record<EffectName, number> = {
  place: 40,
  link: 40,
  deliver: 90,
  drop: 110,
  breach: 400,
  boot: 120,
  star: 150,
  button: 30,
};

export class EffectThrottle {
  private readonly lastPlayedMs = new Map<EffectName, number>();

  /** True when the effect may play at `nowMs`; records the play. */
  allow(effect: EffectName, nowMs: number): boolean {
    const last = this.lastPlayedMs.get(effect);
    if (last !== undefined && nowMs - last < MIN_REPEAT_MS[effect]) return false;
    this.lastPlayedMs.set(effect, nowMs);
    return true;
  }
}
