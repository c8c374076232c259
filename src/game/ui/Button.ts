// A button: a rounded, shadowed plate with a label, an optional second line, an optional icon, and
// optional state (selected for a choice in a group, on/off for a toggle) that is shown by shape and
// words, never by colour alone.
import Phaser from 'phaser';
import type { Rect } from '../layout';
import { drawIcon, drawPanel, type IconName } from './drawing';
import { addText, fitText, setTextColor } from './text';
import type { UiKit } from './UiKit';
import { Widget } from './Widget';

export type ButtonVariant = 'primary' | 'normal' | 'quiet';

export interface ButtonOptions {
  id: string;
  rect: Rect;
  label: string;
  /** What screen readers hear when the label is empty (icon-only buttons) or needs more words. */
  ariaLabel?: string;
  sublabel?: string;
  variant?: ButtonVariant;
  icon?: IconName;
  /** A choice in a group that is currently chosen (drawn with a check mark and a heavier border). */
  selected?: boolean;
  /** A toggle's state, drawn as a switch with the words on/off. */
  toggle?: boolean;
  enabled?: boolean;
  fontPx: number;
  align?: 'center' | 'left';
  onActivate: () => void;
}

export class Button extends Widget {
  private readonly options: ButtonOptions;
  private readonly plate: Phaser.GameObjects.Graphics;
  private readonly label: Phaser.GameObjects.Text;
  private readonly sublabel: Phaser.GameObjects.Text | null;
  private readonly stateText: Phaser.GameObjects.Text | null;

  constructor(scene: Phaser.Scene, kit: UiKit, options: ButtonOptions) {
    super(scene, kit, options.id, options.rect, options.enabled ?? true);
    this.options = options;
    this.plate = scene.add.graphics();
    this.add(this.plate);
    const { width: w, height: h } = options.rect;
    const pad = Math.round(Math.min(h * 0.3, 18 * kit.layout.scale));
    const iconSize = options.icon ? Math.round(Math.min(h * 0.42, options.fontPx * 1.1)) : 0;
    const marked = options.selected !== undefined || options.icon !== undefined;
    const stateWidth = options.toggle !== undefined ? Math.round(options.fontPx * 4.6) : 0;
    const align = options.align ?? 'center';
    const leftInset = pad + (marked ? Math.max(iconSize, options.fontPx) + pad * 0.6 : 0);
    const textWidth = Math.max(10, w - leftInset - pad - stateWidth);
    const textX = align === 'left' ? -w / 2 + leftInset : (leftInset - pad - stateWidth) / 2;
    const color = this.textColor();
    // The heights the label and its second line are fitted to below (made at a size that fits them).
    const labelFit = options.sublabel ? { maxHeight: h * 0.46, minFontPx: Math.max(14, options.fontPx * 0.75) } : { maxHeight: h - pad, minFontPx: Math.max(14, options.fontPx * 0.72) };
    this.label = addText(scene, kit, textX, 0, options.label, {
      fontPx: options.fontPx,
      color,
      bold: options.variant === 'primary' || options.selected === true,
      align,
      originX: align === 'left' ? 0 : 0.5,
      originY: 0.5,
      fitHeight: labelFit,
    });
    this.add(this.label);
    this.sublabel = null;
    if (options.sublabel) {
      const subPx = Math.round(options.fontPx * 0.74);
      const sublabelFit = { maxHeight: h * 0.34, minFontPx: Math.max(12, subPx * 0.8) };
      this.sublabel = addText(scene, kit, textX, 0, options.sublabel, {
        fontPx: subPx,
        color: options.variant === 'primary' ? color : kit.palette.textMuted,
        align,
        originX: align === 'left' ? 0 : 0.5,
        originY: 0.5,
        fitHeight: sublabelFit,
      });
      this.add(this.sublabel);
      fitText(this.sublabel, textWidth, sublabelFit.maxHeight, sublabelFit.minFontPx);
      fitText(this.label, textWidth, labelFit.maxHeight, labelFit.minFontPx);
      const total = this.label.height + this.sublabel.height;
      this.label.setY(-total / 2 + this.label.height / 2);
      this.sublabel.setY(total / 2 - this.sublabel.height / 2);
    } else {
      fitText(this.label, textWidth, labelFit.maxHeight, labelFit.minFontPx);
    }
    this.stateText = null;
    if (options.toggle !== undefined) {
      this.stateText = addText(scene, kit, w / 2 - pad - options.fontPx * 2.2, 0, '', {
        fontPx: Math.round(options.fontPx * 0.85),
        color: kit.palette.text,
        bold: true,
        originX: 1,
        originY: 0.5,
      });
      this.add(this.stateText);
    }
    this.redraw();
  }

  describe(): string {
    const parts = [this.options.ariaLabel ?? this.options.label];
    if (this.options.toggle !== undefined) parts.push(this.options.toggle ? this.kit.words.on : this.kit.words.off);
    if (this.options.selected) parts.push(this.kit.words.selected);
    if (this.options.sublabel) parts.push(this.options.sublabel);
    return parts.join(', ');
  }

  ariaState(): { pressed?: boolean; current?: boolean } {
    return { pressed: this.options.toggle, current: this.options.selected };
  }

  protected onActivate(): void {
    this.options.onActivate();
  }

  protected override get cached(): boolean {
    return true;
  }

  protected draw(): void {
    const { palette, layout } = this.kit;
    const { width: w, height: h } = this.rect;
    const variant = this.options.variant ?? 'normal';
    const g = this.plate;
    g.clear();
    const radius = Math.round(layout.radius);
    let fill = palette.button;
    let fillAlpha = 1;
    if (!this.enabled) fill = palette.disabled;
    else if (variant === 'primary') fill = this.hovered || this.ringVisible ? palette.buttonPrimaryHover : palette.buttonPrimary;
    else if (this.pressed) fill = palette.buttonPressed;
    else if (this.hovered || this.ringVisible || this.options.selected) fill = palette.buttonHover;
    if (variant === 'quiet' && !this.hovered && !this.ringVisible && !this.options.selected) fillAlpha = 0.35;
    const selected = this.options.selected === true;
    drawPanel(g, { x: -w / 2, y: -h / 2, width: w, height: h }, {
      radius,
      fill,
      fillAlpha,
      border: selected ? palette.accent : palette.buttonBorder,
      borderWidth: selected ? Math.max(3, 3 * layout.scale) : variant === 'primary' ? 0 : Math.max(1.5, palette.panelBorderWidth * 0.8),
      shadowAlpha: this.enabled && variant !== 'quiet' ? palette.shadowAlpha * (this.pressed ? 0.4 : 1) : 0,
      shadowColor: palette.shadow,
      shadowOffset: Math.max(2, 4 * layout.scale),
    });
    const pad = Math.round(Math.min(h * 0.3, 18 * layout.scale));
    const markSize = Math.round(Math.min(h * 0.42, this.options.fontPx * 1.1));
    const markX = -w / 2 + pad + markSize / 2;
    const iconColor = this.enabled ? (variant === 'primary' ? 0x1b1300 : selected ? palette.accent : hexToNumber(palette.text)) : hexToNumber(palette.disabledText);
    if (this.options.selected !== undefined) {
      if (selected) drawIcon(g, 'check', markX, 0, markSize, iconColor);
      else {
        g.lineStyle(Math.max(1.5, 2 * layout.scale), hexToNumber(palette.textMuted), 1);
        g.strokeCircle(markX, 0, markSize * 0.36);
      }
    } else if (this.options.icon) {
      drawIcon(g, this.options.icon, markX, 0, markSize, variant === 'primary' ? hexToNumber(palette.buttonPrimaryText) : iconColor);
    }
    if (this.options.toggle !== undefined && this.stateText) {
      const on = this.options.toggle;
      const trackW = this.options.fontPx * 1.9;
      const trackH = this.options.fontPx * 1.05;
      const right = w / 2 - pad;
      g.fillStyle(on ? palette.trackFill : palette.track, 1);
      g.fillRoundedRect(right - trackW, -trackH / 2, trackW, trackH, trackH / 2);
      g.lineStyle(Math.max(1.5, 2 * layout.scale), on ? palette.trackFill : hexToNumber(palette.textMuted), 1);
      g.strokeRoundedRect(right - trackW, -trackH / 2, trackW, trackH, trackH / 2);
      const knobX = on ? right - trackH / 2 : right - trackW + trackH / 2;
      g.fillStyle(on ? palette.background : hexToNumber(palette.textMuted), 1);
      g.fillCircle(knobX, 0, trackH * 0.36);
      this.stateText.setText(on ? this.kit.words.on : this.kit.words.off);
      this.stateText.setX(right - trackW - pad * 0.5);
    }
    const textColor = this.textColor();
    setTextColor(this.label, textColor);
    this.drawFocusRing(g, radius);
  }

  private textColor(): string {
    const { palette } = this.kit;
    if (!this.enabled) return palette.disabledText;
    return (this.options.variant ?? 'normal') === 'primary' ? palette.buttonPrimaryText : palette.text;
  }
}

export function hexToNumber(css: string): number {
  return parseInt(css.replace('#', ''), 16);
}
