// A volume slider: its label and value in words above a track with a knob. Drag or click the track,
// or use Left/Right when it has focus; the value applies immediately through `onChange`.
import Phaser from 'phaser';
import type { Rect } from '../layout';
import { hexToNumber } from './Button';
import { drawPanel } from './drawing';
import { addText, fitText } from './text';
import type { UiKit } from './UiKit';
import { Widget } from './Widget';

export interface SliderOptions {
  id: string;
  rect: Rect;
  label: string;
  value: number;
  step?: number;
  enabled?: boolean;
  fontPx: number;
  onChange: (value: number) => void;
}

export class Slider extends Widget {
  private value: number;
  private readonly options: SliderOptions;
  private readonly plate: Phaser.GameObjects.Graphics;
  private readonly valueText: Phaser.GameObjects.Text;
  private dragging = false;

  constructor(scene: Phaser.Scene, kit: UiKit, options: SliderOptions) {
    super(scene, kit, options.id, options.rect, options.enabled ?? true);
    this.options = options;
    this.value = clamp01(options.value);
    this.plate = scene.add.graphics();
    this.add(this.plate);
    const { width: w, height: h } = options.rect;
    const pad = this.padding();
    const label = addText(scene, kit, -w / 2 + pad, -h / 2 + pad * 0.55, options.label, { fontPx: options.fontPx, color: this.enabled ? kit.palette.text : kit.palette.disabledText });
    this.add(label);
    this.valueText = addText(scene, kit, w / 2 - pad, -h / 2 + pad * 0.55, '', { fontPx: options.fontPx, bold: true, originX: 1, color: label.style.color as string });
    this.add(this.valueText);
    fitText(label, w - pad * 3 - options.fontPx * 3, h * 0.5, Math.max(13, options.fontPx * 0.75));
    const onMove = (pointer: Phaser.Input.Pointer) => {
      if (this.dragging && pointer.isDown) this.setFromPointer(pointer);
    };
    const onUp = () => {
      this.dragging = false;
    };
    scene.input.on(Phaser.Input.Events.POINTER_MOVE, onMove);
    scene.input.on(Phaser.Input.Events.POINTER_UP, onUp);
    this.once(Phaser.GameObjects.Events.DESTROY, () => {
      scene.input.off(Phaser.Input.Events.POINTER_MOVE, onMove);
      scene.input.off(Phaser.Input.Events.POINTER_UP, onUp);
    });
    this.redraw();
  }

  describe(): string {
    return `${this.options.label}: ${this.kit.words.percent(Math.round(this.value * 100))}`;
  }

  adjust(step: -1 | 1): boolean {
    if (!this.enabled) return false;
    this.setValue(this.value + step * (this.options.step ?? 0.1));
    return true;
  }

  /** Enter/Space on a slider does nothing more than confirm it; values change with the arrows. */
  protected onActivate(): void {}

  protected override onPointerDown(pointer: Phaser.Input.Pointer): void {
    super.onPointerDown(pointer);
    if (!this.enabled) return;
    this.dragging = true;
    this.kit.focus.focus(this.id, false, false);
    this.setFromPointer(pointer);
  }

  protected override get cached(): boolean {
    return true;
  }

  protected draw(): void {
    const { palette, layout } = this.kit;
    const { width: w, height: h } = this.rect;
    const g = this.plate;
    g.clear();
    const radius = Math.round(layout.radius);
    drawPanel(g, { x: -w / 2, y: -h / 2, width: w, height: h }, {
      radius,
      fill: this.hovered || this.ringVisible ? palette.buttonHover : palette.button,
      border: palette.buttonBorder,
      borderWidth: Math.max(1.5, palette.panelBorderWidth * 0.8),
    });
    const track = this.trackRect();
    const trackH = track.height;
    g.fillStyle(palette.track, 1);
    g.fillRoundedRect(track.x, track.y, track.width, trackH, trackH / 2);
    g.lineStyle(Math.max(1, 1.5 * layout.scale), hexToNumber(palette.textMuted), 0.8);
    g.strokeRoundedRect(track.x, track.y, track.width, trackH, trackH / 2);
    if (this.value > 0) {
      g.fillStyle(this.enabled ? palette.trackFill : palette.disabled, 1);
      g.fillRoundedRect(track.x, track.y, Math.max(trackH, track.width * this.value), trackH, trackH / 2);
    }
    const knobX = track.x + track.width * this.value;
    const knobR = trackH * 1.1;
    g.fillStyle(this.enabled ? hexToNumber(palette.heading) : hexToNumber(palette.disabledText), 1);
    g.fillCircle(knobX, track.y + trackH / 2, knobR);
    g.lineStyle(Math.max(1.5, 2 * layout.scale), palette.background, 1);
    g.strokeCircle(knobX, track.y + trackH / 2, knobR);
    this.valueText.setText(this.kit.words.percent(Math.round(this.value * 100)));
    this.drawFocusRing(g, radius);
  }

  private setFromPointer(pointer: Phaser.Input.Pointer): void {
    const track = this.trackRect();
    const localX = pointer.x - this.x;
    this.setValue((localX - track.x) / track.width);
  }

  private setValue(value: number): void {
    const next = Math.round(clamp01(value) * 100) / 100;
    if (next === this.value) return;
    this.value = next;
    this.redraw();
    this.options.onChange(next);
  }

  private padding(): number {
    return Math.round(Math.min(this.rect.height * 0.22, 16 * this.kit.layout.scale));
  }

  private trackRect(): Rect {
    const { width: w, height: h } = this.rect;
    const pad = this.padding();
    const trackH = Math.max(6, Math.round(h * 0.11));
    return { x: -w / 2 + pad * 1.5, y: h / 2 - pad - trackH, width: w - pad * 3, height: trackH };
  }
}

function clamp01(value: number): number {
  return Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 0;
}
