// Asset keys as constants: textures and the loader's cache entries for sounds.
import type { SoundKey } from '../audio/soundSettings';

export const AssetKeys = {
  Logo: 'logo',
} as const;

export function soundAssetKey(key: SoundKey): string {
  return `sound-${key}`;
}
