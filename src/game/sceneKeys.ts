// Scene keys as constants. The keys of player-facing screens are also what window.kernelCourier.scene()
// reports (contracts.md §4), so they are short, stable names.

export const SceneKeys = {
  Boot: 'boot',
  Preloader: 'preloader',
  Menu: 'menu',
  Levels: 'levels',
  Play: 'play',
  Debrief: 'debrief',
  Sandbox: 'sandbox',
  Settings: 'settings',
  Glossary: 'glossary',
  Keys: 'keys',
  /** A class session: the join screen and the session's levels (contracts.md §5a). */
  Classroom: 'classroom',
  /** The prediction asked before a level's first run. */
  Predict: 'predict',
  /** A finished run's result code, QR and the prediction's verdict; the session's codes. */
  ResultCode: 'result-code',
  /** The race view: one level, every allowed architecture (and the player's build) side by side. */
  Race: 'race',
} as const;

export type SceneKey = (typeof SceneKeys)[keyof typeof SceneKeys];

/** Full screens: one of them is always the base of what the player sees. */
export const SCREEN_KEYS: readonly SceneKey[] = [SceneKeys.Menu, SceneKeys.Levels, SceneKeys.Play, SceneKeys.Debrief, SceneKeys.Sandbox, SceneKeys.Classroom, SceneKeys.Race];

/** Overlays open above a screen, which pauses underneath. */
export const OVERLAY_KEYS: readonly SceneKey[] = [SceneKeys.Settings, SceneKeys.Glossary, SceneKeys.Keys, SceneKeys.Predict, SceneKeys.ResultCode];

/** Screens whose first appearance means the game is interactive (`kernelCourier.ready`). */
export const INTERACTIVE_KEYS: readonly SceneKey[] = [...SCREEN_KEYS, ...OVERLAY_KEYS];
