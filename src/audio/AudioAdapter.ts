// Plays the game's sounds in answer to typed game events, through an injected sound factory (Howler in
// the browser, a fake in tests). Sounds are created only after the first user gesture and never when
// the URL disables audio; a sound that fails to load or play is skipped and the game goes on.
import type { GameEvents } from '../app/gameEvents';
import { channelGain, channelOf, EffectThrottle, MUSIC, soundsAllowed, type EffectName, type SoundKey, type SoundMix } from './soundSettings';

/** What the adapter needs of one sound; Howler's Howl fits it. */
export interface SoundHandle {
  play(): void;
  pause(): void;
  stop(): void;
  volume(gain: number): void;
  playing(): boolean;
  unload(): void;
}

export interface SoundOptions {
  src: string;
  loop: boolean;
  volume: number;
  onLoadError: () => void;
}

export interface SoundFactory {
  create(options: SoundOptions): SoundHandle;
}

export interface AudioAdapterOptions {
  mix: SoundMix;
  /** Loaded only at the first gesture (and never when audio is disabled). */
  loadFactory: () => Promise<SoundFactory>;
  /** Called once if sound turns out to be unavailable on this device. */
  onUnavailable?: () => void;
  now?: () => number;
}

/** Which effect answers which game event. */
export const EVENT_EFFECTS = {
  buttonPressed: 'button',
  piecePlaced: 'place',
  linkMade: 'link',
  packetDelivered: 'deliver',
  packetDropped: 'drop',
  breachHappened: 'breach',
  instanceBooted: 'boot',
  starsAwarded: 'star',
} as const satisfies Record<string, EffectName>;

export class AudioAdapter {
  private mix: SoundMix;
  private sources: Partial<Record<SoundKey, string>> = {};
  private readonly sounds = new Map<SoundKey, SoundHandle>();
  private readonly failed = new Set<SoundKey>();
  private readonly throttle = new EffectThrottle();
  private unlocked = false;
  private musicWanted = false;
  private pageHidden = false;
  private unavailableReported = false;
  private factoryPromise: Promise<void> | null = null;
  private factory: SoundFactory | null = null;
  private disposed = false;

  constructor(private readonly options: AudioAdapterOptions) {
    this.mix = { ...options.mix };
  }

  get enabled(): boolean {
    return soundsAllowed(this.mix.mode);
  }

  /** The URL of each sound file (from the preloader); sounds are made from them once unlocked. */
  setSources(sources: Partial<Record<SoundKey, string>>): void {
    this.sources = { ...this.sources, ...sources };
    if (this.unlocked) void this.createSounds();
  }

  /** The first user gesture: browsers allow sound from now on. Safe to call many times. */
  unlock(): Promise<void> {
    if (!this.enabled || this.disposed) return Promise.resolve();
    this.unlocked = true;
    return this.createSounds();
  }

  setMix(mix: SoundMix): void {
    this.mix = { ...mix, mode: this.mix.mode === 'disabled' ? 'disabled' : mix.mode };
    for (const [key, sound] of this.sounds) this.safely(key, () => sound.volume(channelGain(this.mix, channelOf(key))));
    this.updateMusic();
  }

  play(effect: EffectName): void {
    if (!this.unlocked || this.pageHidden || channelGain(this.mix, 'effects') === 0) return;
    const sound = this.sounds.get(effect);
    if (!sound || !this.throttle.allow(effect, this.now())) return;
    this.safely(effect, () => sound.play());
  }

  startMusic(): void {
    this.musicWanted = true;
    this.updateMusic();
  }

  stopMusic(): void {
    this.musicWanted = false;
    this.updateMusic();
  }

  /** A hidden tab stays silent: music pauses and resumes when the page is shown again. */
  setPageHidden(hidden: boolean): void {
    this.pageHidden = hidden;
    this.updateMusic();
  }

  /** Listens to game events; returns the function that stops listening. */
  attach(events: GameEvents): () => void {
    const offs = Object.entries(EVENT_EFFECTS).map(([event, effect]) => events.on(event, () => this.play(effect)));
    return () => offs.forEach((off) => off());
  }

  dispose(): void {
    this.disposed = true;
    for (const [key, sound] of this.sounds) this.safely(key, () => sound.unload());
    this.sounds.clear();
  }

  /** For tests and diagnostics: how many sound objects exist. */
  get soundCount(): number {
    return this.sounds.size;
  }

  private createSounds(): Promise<void> {
    this.factoryPromise ??= this.options
      .loadFactory()
      .then((factory) => {
        this.factory = factory;
      })
      .catch(() => this.reportUnavailable());
    return this.factoryPromise.then(() => {
      if (this.disposed || !this.factory) return;
      for (const [key, src] of Object.entries(this.sources) as [SoundKey, string][]) {
        if (this.sounds.has(key) || this.failed.has(key)) continue;
        try {
          const sound = this.factory.create({
            src,
            loop: key === MUSIC,
            volume: channelGain(this.mix, channelOf(key)),
            onLoadError: () => this.markFailed(key),
          });
          this.sounds.set(key, sound);
        } catch {
          this.markFailed(key);
        }
      }
      this.updateMusic();
    });
  }

  private updateMusic(): void {
    const music = this.sounds.get(MUSIC);
    if (!music || !this.unlocked) return;
    const audible = this.musicWanted && !this.pageHidden && channelGain(this.mix, 'music') > 0;
    this.safely(MUSIC, () => {
      if (audible && !music.playing()) music.play();
      else if (!audible && music.playing()) music.pause();
    });
  }

  private markFailed(key: SoundKey): void {
    this.failed.add(key);
    const sound = this.sounds.get(key);
    this.sounds.delete(key);
    if (sound) {
      try {
        sound.unload();
      } catch {
        // Already broken; nothing more to release.
      }
    }
    if (Object.keys(this.sources).every((k) => this.failed.has(k as SoundKey))) this.reportUnavailable();
  }

  private reportUnavailable(): void {
    if (this.unavailableReported) return;
    this.unavailableReported = true;
    this.options.onUnavailable?.();
  }

  private safely(key: SoundKey, action: () => void): void {
    try {
      action();
    } catch {
      this.markFailed(key);
    }
  }

  private now(): number {
    return this.options.now ? this.options.now() : Date.now();
  }
}
