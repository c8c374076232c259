// The prediction (overlay `predict`), asked before a level's first run in a session with `predict` on, or
// outside sessions with the "predictions" setting: which of the level's allowed architectures the student
// expects to score best, in the words the board uses for them, or "I don't know". Choosing starts the run;
// Escape or Close goes back to the build without running. Scene data: `{ returnTo, levelId, onChosen }`.
import { builtInLevel } from '../../levels';
import { ARCHITECTURES, type Architecture } from '../../sim/types';
import type { AppContext } from '../AppContext';
import { fontPx } from '../layout';
import { SceneKeys } from '../sceneKeys';
import { OverlayScene } from '../scenes/OverlayScene';
import { Button } from '../ui/Button';
import { addText, fitText } from '../ui/text';
import type { UiKit } from '../ui/UiKit';
import { archName } from './classroomRun';

export class PredictScene extends OverlayScene {
  constructor(ctx: AppContext) {
    super(ctx, SceneKeys.Predict);
  }

  protected screenTitle(): string {
    return this.ctx.i18n.t('classroom:predict.title');
  }

  private get levelId(): string {
    return typeof this.sceneData.levelId === 'string' ? this.sceneData.levelId : '';
  }

  /** The level's allowed architectures, in the board's order. */
  private choices(): Architecture[] {
    const level = this.ctx.levels.find((entry) => entry.id === this.levelId) ?? builtInLevel(this.levelId);
    const allowed = level?.allow ?? [...ARCHITECTURES];
    return ARCHITECTURES.filter((arch) => allowed.includes(arch));
  }

  protected override defaultFocusId(): string {
    return `predict-${this.choices()[0] ?? 'unsure'}`;
  }

  override create(): void {
    super.create();
    this.ctx.announce(`${this.screenTitle()}. ${this.ctx.i18n.t('classroom:predict.question')}`);
    // The question gets keyboard focus on its first answer at once: the run waits for it.
    const first = this.defaultFocusId();
    this.focus.focus(first, this.ctx.keyboard.keyboardMode, false);
    // Page focus to its twin once the accessible twin has drawn this overlay (a microtask after create).
    if (this.ctx.keyboard.keyboardMode) queueMicrotask(() => this.ctx.mirror?.focusTwin(first));
  }

  protected buildScreen(kit: UiKit): void {
    const t = this.ctx.i18n.t;
    const { layout, palette } = kit;
    const choices = this.choices();
    const rowHeight = Math.round(layout.buttonHeight * 1.05);
    const gap = Math.round(layout.gap / 2);
    const textPx = fontPx(layout, 'body');
    const questionHeight = Math.round(textPx * 3.4);
    const noteHeight = Math.round(fontPx(layout, 'small') * 2.6);
    const natural = (count: number) => questionHeight + gap + count * (rowHeight + gap) + noteHeight;
    const area = this.addPanel(kit, t('classroom:predict.title'), Math.round(760 * layout.scale), (_width, maxHeight) => Math.min(maxHeight, natural(choices.length + 1)));
    const fit = Math.min(1, area.height / natural(choices.length + 1));
    const question = addText(this, kit, area.x, area.y, t('classroom:predict.question'), { fontPx: textPx, color: palette.text, wrapWidth: area.width });
    fitText(question, area.width, questionHeight * fit, 12);
    let y = area.y + questionHeight * fit + gap * fit;
    const options: { id: string; label: string; arch: Architecture | null }[] = [
      ...choices.map((arch) => ({ id: `predict-${arch}`, label: archName(this.ctx.i18n, arch), arch })),
      { id: 'predict-unsure', label: t('classroom:predict.unsure'), arch: null },
    ];
    for (const option of options) {
      new Button(this, kit, {
        id: option.id,
        rect: { x: area.x, y: Math.round(y), width: area.width, height: Math.round(rowHeight * fit) },
        label: option.label,
        variant: option.arch === null ? 'quiet' : 'normal',
        align: 'left',
        icon: option.arch === null ? undefined : 'next',
        fontPx: Math.round(fontPx(layout, 'button') * Math.max(0.8, fit)),
        onActivate: () => this.choose(option.arch),
      });
      y += (rowHeight + gap) * fit;
    }
    const note = addText(this, kit, area.x, y, t('classroom:predict.note'), { fontPx: fontPx(layout, 'small'), color: palette.textMuted, wrapWidth: area.width });
    fitText(note, area.width, Math.max(12, area.y + area.height - y), 11);
  }

  private choose(arch: Architecture | null): void {
    const onChosen = this.sceneData.onChosen;
    const t = this.ctx.i18n.t;
    this.ctx.announce(arch === null ? t('classroom:predict.chosenUnsure') : t('classroom:predict.chosen', { arch: archName(this.ctx.i18n, arch) }));
    this.close();
    if (typeof onChosen === 'function') (onChosen as (choice: Architecture | null) => void)(arch);
  }
}
