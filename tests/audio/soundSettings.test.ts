// Tests the sound-settings logic: volume math, mute, the URL's audio modes and effect throttling.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CHANNEL_GAIN, channelGain, EffectThrottle, MIN_REPEAT_MS, soundsAllowed, type SoundMix } from '../../src/audio/soundSettings';

const mix: SoundMix = { mode: 'enabled', muted: false, musicVolume: 1, effectsVolume: 1 };

describe('channelGain', () => {
  it('is the channel gain at full volume and silent at zero', () => {
    expect(channelGain(mix, 'music')).toBe(CHANNEL_GAIN.music);
    expect(channelGain(mix, 'effects')).toBe(CHANNEL_GAIN.effects);
    expect(channelGain({ ...mix, musicVolume: 0 }, 'music')).toBe(0);
  });

  it('follows a square law so the middle of the slider sounds like the middle', () => {
    expect(channelGain({ ...mix, effectsVolume: 0.5 }, 'effects')).toBeCloseTo(0.25 * CHANNEL_GAIN.effects);
  });

  it('keeps the channels independent', () => {
    const m = { ...mix, musicVolume: 0.2, effectsVolume: 0.9 };
    expect(channelGain(m, 'music')).toBeCloseTo(0.04 * CHANNEL_GAIN.music);
    expect(channelGain(m, 'effects')).toBeCloseTo(0.81 * CHANNEL_GAIN.effects);
  });

  it('is silent when muted by the setting or by the URL, and when disabled', () => {
    expect(channelGain({ ...mix, muted: true }, 'effects')).toBe(0);
    expect(channelGain({ ...mix, mode: 'muted' }, 'music')).toBe(0);
    expect(channelGain({ ...mix, mode: 'disabled' }, 'effects')).toBe(0);
    expect(soundsAllowed('disabled')).toBe(false);
    expect(soundsAllowed('muted')).toBe(true);
  });

  it('stays within 0 and the channel gain for any input, and grows with the slider', () => {
    fc.assert(
      fc.property(fc.double(), fc.double(), (a, b) => {
        const ga = channelGain({ ...mix, effectsVolume: a }, 'effects');
        const gb = channelGain({ ...mix, effectsVolume: b }, 'effects');
        expect(ga).toBeGreaterThanOrEqual(0);
        expect(ga).toBeLessThanOrEqual(CHANNEL_GAIN.effects);
        if (Number.isFinite(a) && Number.isFinite(b) && a <= b) expect(ga).toBeLessThanOrEqual(gb);
      }),
    );
  });
});

describe('EffectThrottle', () => {
  it('lets an effect repeat only after its minimum gap, per effect', () => {
    const throttle = new EffectThrottle();
    expect(throttle.allow('deliver', 1000)).toBe(true);
    expect(throttle.allow('deliver', 1000 + MIN_REPEAT_MS.deliver - 1)).toBe(false);
    expect(throttle.allow('drop', 1001)).toBe(true);
    expect(throttle.allow('deliver', 1000 + MIN_REPEAT_MS.deliver)).toBe(true);
  });
});
