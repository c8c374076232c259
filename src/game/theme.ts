// The visual style in one place: two palettes (dark navy default, high-contrast projector colours),
// the system font stacks, and motion timings that collapse to zero when reduced motion is on.
import type { ColorProfile } from '../app/urlParams';
import type { Language } from '../i18n/languages';

export interface Palette {
  background: number;
  backgroundGlow: number;
  pattern: number;
  patternAlpha: number;
  panel: number;
  panelBorder: number;
  panelBorderWidth: number;
  shadow: number;
  shadowAlpha: number;
  text: string;
  textMuted: string;
  textOnAccent: string;
  heading: string;
  accent: number;
  focusRing: number;
  button: number;
  buttonHover: number;
  buttonPressed: number;
  buttonBorder: number;
  buttonPrimary: number;
  buttonPrimaryHover: number;
  buttonPrimaryText: string;
  disabled: number;
  disabledText: string;
  star: number;
  starEmpty: number;
  lock: number;
  track: number;
  trackFill: number;
  dim: number;
  dimAlpha: number;
  success: number;
  danger: number;
}

const DEFAULT_PALETTE: Palette = {
  background: 0x0b1630,
  backgroundGlow: 0x16305e,
  pattern: 0x2a4a84,
  patternAlpha: 0.18,
  panel: 0x13254a,
  panelBorder: 0x2f5391,
  panelBorderWidth: 2,
  shadow: 0x000000,
  shadowAlpha: 0.35,
  text: '#eef3ff',
  textMuted: '#b4c3e3',
  textOnAccent: '#1b1300',
  heading: '#ffffff',
  accent: 0xffd166,
  focusRing: 0xffd166,
  button: 0x1c3563,
  buttonHover: 0x284a86,
  buttonPressed: 0x142a52,
  buttonBorder: 0x3d66ad,
  buttonPrimary: 0xffd166,
  buttonPrimaryHover: 0xffdf8f,
  buttonPrimaryText: '#1b1300',
  disabled: 0x1a2746,
  disabledText: '#8291b3',
  star: 0xffd166,
  starEmpty: 0x8fa3cc,
  lock: 0x9fb0d4,
  track: 0x0b1630,
  trackFill: 0x5ce1e6,
  dim: 0x050b18,
  dimAlpha: 0.72,
  success: 0x6fe3a1,
  danger: 0xff7a7a,
};

// Projectors wash out dark blues; pure black, white and yellow survive any beamer and room light.
const PROJECTOR_PALETTE: Palette = {
  background: 0x000000,
  backgroundGlow: 0x000000,
  pattern: 0xffffff,
  patternAlpha: 0,
  panel: 0x000000,
  panelBorder: 0xffffff,
  panelBorderWidth: 3,
  shadow: 0x000000,
  shadowAlpha: 0,
  text: '#ffffff',
  textMuted: '#ffffff',
  textOnAccent: '#000000',
  heading: '#ffff00',
  accent: 0xffff00,
  focusRing: 0x00ffff,
  button: 0x000000,
  buttonHover: 0x3a3a00,
  buttonPressed: 0x222222,
  buttonBorder: 0xffffff,
  buttonPrimary: 0xffff00,
  buttonPrimaryHover: 0xffffa0,
  buttonPrimaryText: '#000000',
  disabled: 0x000000,
  disabledText: '#bdbdbd',
  star: 0xffff00,
  starEmpty: 0xffffff,
  lock: 0xffffff,
  track: 0x000000,
  trackFill: 0x00ffff,
  dim: 0x000000,
  dimAlpha: 0.85,
  success: 0x00ff66,
  danger: 0xff4040,
};

export function paletteFor(profile: ColorProfile): Palette {
  return profile === 'projector' ? PROJECTOR_PALETTE : DEFAULT_PALETTE;
}

const LATIN_FIRST = `"Segoe UI", system-ui, -apple-system, Roboto, "Helvetica Neue", Arial, "Apple SD Gothic Neo", "Malgun Gothic", "Noto Sans CJK KR", "Noto Sans KR", sans-serif`;
const KOREAN_FIRST = `"Apple SD Gothic Neo", "Malgun Gothic", "Noto Sans CJK KR", "Noto Sans KR", "Segoe UI", system-ui, -apple-system, Roboto, sans-serif`;

/** System fonts only; Korean text puts Korean faces first so Latin and Hangul share one family's metrics. */
export function fontFamily(language: Language): string {
  return language === 'ko' ? KOREAN_FIRST : LATIN_FIRST;
}

/** Canvas text measures its height from this string; Hangul is taller than Latin, so include it. */
export const TEXT_METRICS_SAMPLE = '|MÉqgy가힣';

export interface Motion {
  /** Scene fade in and out. */
  fadeMs: number;
  /** Hover and focus easing on buttons. */
  hoverMs: number;
  hoverScale: number;
}

export function motionFor(reducedMotion: boolean): Motion {
  return reducedMotion ? { fadeMs: 0, hoverMs: 0, hoverScale: 1 } : { fadeMs: 160, hoverMs: 120, hoverScale: 1.03 };
}

export function cssColor(color: number): string {
  return `#${color.toString(16).padStart(6, '0')}`;
}
