// The player's settings (language, volumes, mute, reduced motion, projector colours, renderer), saved
// under `kernel-courier/settings@1`. URL parameters override them for the session without being saved;
// changing a setting on the settings screen saves it and drops that override.
import { isLanguage, type Language } from '../i18n/languages';
import { PersistedSlot, type Validation } from './PersistedSlot';
import type { KeyValueStorage, StorageStatus } from './storage';
import { COLOR_PROFILES, RENDERER_CHOICES, type ColorProfile, type RendererChoice } from './urlParams';

export const SETTINGS_KEY = 'kernel-courier/settings@1';
export const SETTINGS_FORMAT = 'kernel-courier/settings@1';

export interface Settings {
  language: Language;
  /** 0–1, as shown on the slider. */
  musicVolume: number;
  /** 0–1, as shown on the slider. */
  effectsVolume: number;
  muted: boolean;
  reducedMotion: boolean;
  colorProfile: ColorProfile;
  renderer: RendererChoice;
  /** Ask for a prediction before each level's first run outside class sessions (a session decides there). */
  predictions: boolean;
  /** The speed a run starts at on the board (1×, 2× or 4×); the run's buttons still change it. */
  runSpeed: RunSpeed;
}

export const RUN_SPEEDS = [1, 2, 4] as const;
export type RunSpeed = (typeof RUN_SPEEDS)[number];

export interface SettingsEnvironment {
  /** The browser's `prefers-reduced-motion: reduce`. */
  prefersReducedMotion: boolean;
  /** The language the browser prefers, already matched to a shipped one. */
  browserLanguage: Language;
}

export function defaultSettings(env: SettingsEnvironment): Settings {
  return {
    language: env.browserLanguage,
    musicVolume: 0.5,
    effectsVolume: 0.8,
    muted: false,
    reducedMotion: env.prefersReducedMotion,
    colorProfile: 'default',
    renderer: 'auto',
    predictions: false,
    runSpeed: 2,
  };
}

interface StoredSettings extends Settings {
  format: typeof SETTINGS_FORMAT;
}

const isVolume = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 1;
const isBoolean = (v: unknown): v is boolean => typeof v === 'boolean';

/** Fields added to settings@1 later, with the value a save without them means. */
const LATER_FIELDS = { predictions: false, runSpeed: 2 } as const;

const FIELD_CHECKS: { [K in keyof Settings]: (v: unknown) => boolean } = {
  language: isLanguage,
  musicVolume: isVolume,
  effectsVolume: isVolume,
  muted: isBoolean,
  reducedMotion: isBoolean,
  colorProfile: (v) => (COLOR_PROFILES as readonly unknown[]).includes(v),
  renderer: (v) => (RENDERER_CHOICES as readonly unknown[]).includes(v),
  predictions: isBoolean,
  runSpeed: (v) => (RUN_SPEEDS as readonly unknown[]).includes(v),
};

/**
 * The one validator of stored settings: the format tag and every field present must be right. With
 * `defaults`, a missing field takes its default (a save from an earlier release, before that setting
 * existed); without, every field is required. Fields this release does not know are not errors (a
 * later release may have added them; PersistedSlot keeps them when writing back).
 */
export function validateSettings(value: unknown, defaults?: Settings): Validation<StoredSettings> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, error: 'not an object' };
  const record = value as Record<string, unknown>;
  if (record.format !== SETTINGS_FORMAT) return { ok: false, error: 'wrong format' };
  const out: Record<string, unknown> = { format: SETTINGS_FORMAT };
  for (const [field, check] of Object.entries(FIELD_CHECKS)) {
    const present = Object.prototype.hasOwnProperty.call(record, field);
    if (!present && defaults) {
      out[field] = defaults[field as keyof Settings];
      continue;
    }
    // Added after the first release of settings@1: a value without it is still complete.
    if (!present && field in LATER_FIELDS) {
      out[field] = LATER_FIELDS[field as keyof typeof LATER_FIELDS];
      continue;
    }
    if (!present || !check(record[field])) return { ok: false, error: `bad ${field}` };
    out[field] = record[field];
  }
  return { ok: true, value: out as unknown as StoredSettings };
}

export type SettingsListener = (settings: Settings, changed: readonly (keyof Settings)[]) => void;

export class SettingsStore {
  private readonly slot: PersistedSlot<StoredSettings>;
  private saved: Settings;
  private overrides: Partial<Settings> = {};
  private readonly listeners = new Set<SettingsListener>();
  private lastStatus: StorageStatus;

  constructor(storage: KeyValueStorage | null, private readonly defaults: Settings) {
    this.slot = new PersistedSlot(storage, SETTINGS_KEY, (value) => validateSettings(value, defaults));
    const loaded = this.slot.load();
    this.lastStatus = loaded.status;
    this.saved = loaded.value ? stripFormat(loaded.value) : { ...defaults };
  }

  /** `ok`, or why settings could not be read or written (the UI shows it as a notice). */
  get status(): StorageStatus {
    return this.lastStatus;
  }

  /** The settings in effect: saved values with this session's URL overrides on top. */
  get(): Settings {
    return { ...this.saved, ...this.overrides };
  }

  /** Session-only values from the URL; they are shown and used, never saved. */
  setOverrides(overrides: Partial<Settings>): void {
    const before = this.get();
    this.overrides = Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined)) as Partial<Settings>;
    this.notify(before);
  }

  /** Adds session-only values on top of the URL's (a class session's language); never saved. */
  addOverrides(overrides: Partial<Settings>): void {
    this.setOverrides({ ...this.overrides, ...overrides });
  }

  /** The player changed settings: validate, save, and drop the matching overrides. */
  update(patch: Partial<Settings>): StorageStatus | 'invalid' {
    const before = this.get();
    const next = { ...this.saved, ...patch };
    const checked = validateSettings({ ...next, format: SETTINGS_FORMAT });
    if (!checked.ok) return 'invalid';
    this.saved = stripFormat(checked.value);
    for (const key of Object.keys(patch) as (keyof Settings)[]) delete this.overrides[key];
    // Changing a setting is the player's choice, so it may replace stored settings this release cannot
    // read; those stay in the slot's backups.
    const status = this.slot.save(checked.value, { replaceUnreadable: true });
    if (status !== 'invalid') this.lastStatus = status;
    this.notify(before);
    return status;
  }

  /** Reads storage again (another tab changed settings): the saved values follow; overrides stay. */
  reload(): void {
    const loaded = this.slot.load();
    if (!loaded.value) return;
    const before = this.get();
    this.saved = stripFormat(loaded.value);
    this.lastStatus = loaded.status;
    this.notify(before);
  }

  /** Listens to changes of the effective settings; returns the unsubscribe function. */
  subscribe(listener: SettingsListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  isOverridden(key: keyof Settings): boolean {
    return key in this.overrides;
  }

  defaultsFor(): Settings {
    return { ...this.defaults };
  }

  private notify(before: Settings): void {
    const after = this.get();
    const changed = (Object.keys(after) as (keyof Settings)[]).filter((key) => after[key] !== before[key]);
    if (changed.length === 0) return;
    for (const listener of [...this.listeners]) listener(after, changed);
  }
}

function stripFormat(stored: StoredSettings): Settings {
  const { format: _format, ...settings } = stored;
  return settings;
}
