// What every widget of a screen needs, bundled: the palette, fonts and motion of the moment, the
// screen's layout and focus manager, and hooks for sound and screen-reader announcements.
import type { Layout } from '../layout';
import type { Motion, Palette } from '../theme';
import type { FocusManager } from './FocusManager';

export interface UiKit {
  palette: Palette;
  fontFamily: string;
  motion: Motion;
  layout: Layout;
  focus: FocusManager;
  /** Called whenever any widget is activated (plays the button sound). */
  onActivated: () => void;
  announce: (text: string) => void;
  /** Localized words widgets show themselves (toggle states, slider percentages). */
  words: { on: string; off: string; selected: string; percent: (value: number) => string };
}
