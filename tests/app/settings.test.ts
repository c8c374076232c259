// Tests the settings store: defaults, validation, URL overrides, and blocked, full and corrupted storage.
import { describe, expect, it, vi } from 'vitest';
import { defaultSettings, SETTINGS_FORMAT, SETTINGS_KEY, SettingsStore, validateSettings } from '../../src/app/settings';
import { backupsOf, blockedStorage, fullStorage, memoryStorage } from './storageDoubles';

const defaults = defaultSettings({ prefersReducedMotion: true, browserLanguage: 'ko' });
const good = { format: SETTINGS_FORMAT, language: 'en', musicVolume: 0.2, effectsVolume: 1, muted: true, reducedMotion: false, colorProfile: 'projector', renderer: 'canvas' };

function stripped(stored: typeof good) {
  const { format: _format, ...settings } = stored;
  return settings;
}

describe('defaultSettings', () => {
  it('follows the browser for language and reduced motion', () => {
    expect(defaults.language).toBe('ko');
    expect(defaults.reducedMotion).toBe(true);
    expect(defaultSettings({ prefersReducedMotion: false, browserLanguage: 'en' }).reducedMotion).toBe(false);
  });
});

describe('validateSettings', () => {
  it('accepts a complete stored value and rejects wrong shapes', () => {
    expect(validateSettings(good).ok).toBe(true);
    for (const bad of [null, 3, 'x', [], {}, { ...good, format: 'kernel-courier/settings@2' }, { ...good, musicVolume: 1.5 },
      { ...good, musicVolume: Number.NaN }, { ...good, language: 'fr' }, { ...good, muted: 'yes' }, { ...good, renderer: 'vulkan' }]) {
      expect(validateSettings(bad).ok).toBe(false);
    }
  });
});

describe('SettingsStore', () => {
  it('starts from defaults with empty storage and saves changes', () => {
    const storage = memoryStorage();
    const store = new SettingsStore(storage, defaults);
    expect(store.get()).toEqual(defaults);
    expect(store.status).toBe('ok');
    expect(storage.dump()).toEqual({});
    expect(store.update({ musicVolume: 0.3 })).toBe('ok');
    expect(JSON.parse(storage.dump()[SETTINGS_KEY] ?? '{}')).toMatchObject({ format: SETTINGS_FORMAT, musicVolume: 0.3 });
    expect(new SettingsStore(storage, defaults).get().musicVolume).toBe(0.3);
  });

  it('loads saved settings', () => {
    const store = new SettingsStore(memoryStorage({ [SETTINGS_KEY]: JSON.stringify(good) }), defaults);
    expect(store.get()).toMatchObject({ language: 'en', muted: true, colorProfile: 'projector' });
  });

  it('refuses invalid values and keeps the good save', () => {
    const storage = memoryStorage({ [SETTINGS_KEY]: JSON.stringify(good) });
    const store = new SettingsStore(storage, defaults);
    expect(store.update({ musicVolume: 7 })).toBe('invalid');
    expect(store.get().musicVolume).toBe(0.2);
    expect(JSON.parse(storage.dump()[SETTINGS_KEY] ?? '{}').musicVolume).toBe(0.2);
  });

  it('applies URL overrides without saving them, until the player changes that setting', () => {
    const storage = memoryStorage({ [SETTINGS_KEY]: JSON.stringify(good) });
    const store = new SettingsStore(storage, defaults);
    const listener = vi.fn();
    store.subscribe(listener);
    store.setOverrides({ colorProfile: 'default', language: undefined });
    expect(store.get().colorProfile).toBe('default');
    expect(store.isOverridden('colorProfile')).toBe(true);
    expect(listener).toHaveBeenCalledWith(expect.objectContaining({ colorProfile: 'default' }), ['colorProfile']);
    store.update({ musicVolume: 0.9 });
    expect(JSON.parse(storage.dump()[SETTINGS_KEY] ?? '{}').colorProfile).toBe('projector');
    store.update({ colorProfile: 'projector' });
    expect(store.isOverridden('colorProfile')).toBe(false);
  });

  it('runs in memory when storage is blocked', () => {
    const store = new SettingsStore(blockedStorage(), defaults);
    expect(store.status).toBe('blocked');
    expect(store.update({ muted: true })).toBe('blocked');
    expect(store.get().muted).toBe(true);
  });

  it('runs in memory when storage is full', () => {
    const store = new SettingsStore(fullStorage(), defaults);
    expect(store.status).toBe('ok');
    expect(store.update({ muted: true })).toBe('full');
    expect(store.status).toBe('full');
    expect(store.get().muted).toBe(true);
  });

  it('keeps corrupted settings aside and does not overwrite them until the player changes something', () => {
    const storage = memoryStorage({ [SETTINGS_KEY]: '{not json' });
    const store = new SettingsStore(storage, defaults);
    expect(store.status).toBe('corrupted');
    expect(store.get()).toEqual(defaults);
    expect(storage.dump()[SETTINGS_KEY]).toBe('{not json');
    expect(backupsOf(storage, SETTINGS_KEY)).toEqual(['{not json']);
    store.update({ muted: true });
    expect(JSON.parse(storage.dump()[SETTINGS_KEY] ?? '{}').muted).toBe(true);
    expect(backupsOf(storage, SETTINGS_KEY)).toContain('{not json');
  });

  it('reads a save from an earlier release that lacks a newer setting, with its default', () => {
    const { renderer: _renderer, ...older } = good;
    const store = new SettingsStore(memoryStorage({ [SETTINGS_KEY]: JSON.stringify(older) }), defaults);
    expect(store.status).toBe('ok');
    expect(store.get()).toEqual({ ...stripped(good), renderer: defaults.renderer, predictions: false, runSpeed: 2 });
  });

  it('takes a run speed of 1, 2 or 4 (2 by default) and rejects any other', () => {
    expect(defaults.runSpeed).toBe(2);
    expect(validateSettings({ ...good, runSpeed: 4 }, defaults).ok).toBe(true);
    expect(validateSettings({ ...good, runSpeed: 3 }, defaults).ok).toBe(false);
  });

  it('keeps settings this release does not know when it saves', () => {
    const storage = memoryStorage({ [SETTINGS_KEY]: JSON.stringify({ ...good, captions: 'large' }) });
    const store = new SettingsStore(storage, defaults);
    expect(store.status).toBe('ok');
    store.update({ muted: !good.muted });
    expect(JSON.parse(storage.dump()[SETTINGS_KEY] ?? '{}')).toMatchObject({ captions: 'large', muted: !good.muted });
  });

  it('follows settings another tab saved', () => {
    const storage = memoryStorage({ [SETTINGS_KEY]: JSON.stringify(good) });
    const store = new SettingsStore(storage, defaults);
    const listener = vi.fn();
    store.subscribe(listener);
    storage.setItem(SETTINGS_KEY, JSON.stringify({ ...good, musicVolume: 0.125 }));
    store.reload();
    expect(store.get().musicVolume).toBe(0.125);
    expect(listener).toHaveBeenCalledWith(expect.objectContaining({ musicVolume: 0.125 }), ['musicVolume']);
  });

  it('treats a wrong version as corrupted', () => {
    const store = new SettingsStore(memoryStorage({ [SETTINGS_KEY]: JSON.stringify({ ...good, format: 'kernel-courier/settings@0' }) }), defaults);
    expect(store.status).toBe('corrupted');
  });

  it('works without any storage at all', () => {
    const store = new SettingsStore(null, defaults);
    expect(store.status).toBe('blocked');
    expect(store.get()).toEqual(defaults);
  });
});
