// Asset keys as constants: textures loaded by the Preloader.

export const AssetKeys = {
  Logo: 'logo',
} as const;
