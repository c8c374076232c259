// A finished run's result code (overlay `result-code`, contracts.md §5b): whether the prediction held and
// why, in one sentence; the code as text with a Copy button (which says "copied" to screen readers too);
// the same code as a QR code made on the device; and the session's "my codes" with "copy all". Opened from
// the Debrief (scene data `{ returnTo, outcome }`) or, without `outcome`, as the session's list of codes.
import type Phaser from 'phaser';
import { levelTitle } from '../../i18n/levelStrings';
import type { AppContext } from '../AppContext';
import { formatScore } from '../debrief/debriefFormat';
import { fontPx, type Rect } from '../layout';
import { SceneKeys } from '../sceneKeys';
import { OverlayScene } from '../scenes/OverlayScene';
import { Button } from '../ui/Button';
import { addText, fitText } from '../ui/text';
import type { UiKit } from '../ui/UiKit';
import { sessionCodes } from './classroomRuntime';
import { readOutcome, starsText, verdictSentence, type ClassroomOutcome } from './classroomRun';
import { copyText } from './clipboard';
import { drawQr, qrModules } from './qr';

/** How many of the session's codes the list shows (the newest; "copy all" copies every one). */
const LIST_MAX = 6;

export class ResultCodeScene extends OverlayScene {
  private status: Phaser.GameObjects.Text | null = null;
  private statusText = '';
  private qr: boolean[][] | null = null;
  private qrFor = '';

  constructor(ctx: AppContext) {
    super(ctx, SceneKeys.ResultCode);
  }

  private get outcome(): ClassroomOutcome | null {
    return readOutcome(this.sceneData.outcome);
  }

  protected screenTitle(): string {
    const outcome = this.outcome;
    const t = this.ctx.i18n.t;
    if (!outcome) return t('classroom:code.myCodes');
    return outcome.code ? t('classroom:code.title') : t('classroom:prediction.heading');
  }

  protected override defaultFocusId(): string {
    const outcome = this.outcome;
    if (outcome?.code) return 'code-copy';
    return sessionCodes().length > 0 ? 'code-copy-all' : 'overlay-close';
  }

  override create(): void {
    this.statusText = '';
    super.create();
    // Keyboard users land on Copy; page focus follows to its twin once the twin has drawn (a microtask).
    if (this.ctx.keyboard.keyboardMode) {
      const first = this.defaultFocusId();
      this.focus.focus(first, true, false);
      queueMicrotask(() => this.ctx.mirror?.focusTwin(first));
    }
    const outcome = this.outcome;
    if (outcome?.verdict) this.ctx.announce(verdictSentence(this.ctx.i18n, outcome.verdict, this.ctx.settings.get().language));
  }

  protected buildScreen(kit: UiKit): void {
    const t = this.ctx.i18n.t;
    const { layout, palette } = kit;
    const outcome = this.outcome;
    const language = this.ctx.settings.get().language;
    const area = this.addPanel(kit, this.screenTitle(), Math.round(1120 * layout.scale));
    const bodyPx = fontPx(layout, 'body');
    const smallPx = fontPx(layout, 'small');
    const gap = Math.round(layout.gap * 0.6);
    const region: string[] = [];
    let top = area.y;

    if (outcome?.verdict) {
      const sentence = verdictSentence(this.ctx.i18n, outcome.verdict, language);
      const text = addText(this, kit, area.x, top, sentence, { fontPx: bodyPx, bold: true, color: palette.heading, wrapWidth: area.width });
      fitText(text, area.width, bodyPx * 3.2, 12);
      top += text.height + gap;
      region.push(sentence);
    }

    const codes = sessionCodes();
    const code = outcome?.code;
    const buttonHeight = Math.round(layout.buttonHeight * 0.9);
    let left: Rect = { x: area.x, y: top, width: area.width, height: area.y + area.height - top };
    if (code) {
      // The QR on the right, as large as the panel allows; the text, the buttons and the list on the left.
      const side = Math.round(Math.min(left.height, area.width * 0.42, 520 * layout.scale));
      if (this.qrFor !== code) {
        this.qr = qrModules(code);
        this.qrFor = code;
      }
      const qrArea = { x: area.x + area.width - side, y: top, width: side, height: side };
      drawQr(this.add.graphics(), this.qr!, qrArea);
      left = { x: area.x, y: top, width: area.width - side - layout.gap, height: left.height };
      const label = t('classroom:code.label', {
        level: levelTitle(this.ctx.i18n, outcome.levelId),
        score: formatScore(outcome.score, language),
        stars: starsText(this.ctx.i18n, outcome.stars),
      });
      const intro = addText(this, kit, left.x, left.y, `${t('classroom:code.intro')}\n${label}`, { fontPx: smallPx, color: palette.textMuted, wrapWidth: left.width });
      fitText(intro, left.width, smallPx * 6, 11);
      let y = left.y + intro.height + gap / 2;
      // The code itself, in a fixed-width font, cut into lines of equal length (it has no spaces to wrap at).
      const codePx = Math.max(13, Math.round(smallPx * 0.95));
      const perLine = Math.max(16, Math.floor(left.width / (codePx * 0.62)));
      const lines: string[] = [];
      for (let i = 0; i < code.length; i += perLine) lines.push(code.slice(i, i + perLine));
      const codeText = this.add.text(left.x, y, lines.join('\n'), { fontFamily: 'ui-monospace, Menlo, Consolas, "DejaVu Sans Mono", monospace', fontSize: `${codePx}px`, color: palette.heading, lineSpacing: 2 });
      codeText.setName('result-code-text');
      y += codeText.height + gap;
      const [copy, copyAll] = [0, 1].map((i) => ({ x: left.x + i * Math.round((left.width + gap) / 2), y, width: Math.round((left.width - gap) / 2), height: buttonHeight }));
      new Button(this, kit, { id: 'code-copy', rect: copy!, label: t('classroom:code.copy'), ariaLabel: `${t('classroom:code.copy')}: ${label}`, variant: 'primary', fontPx: fontPx(layout, 'button'), onActivate: () => void this.copy(code, t('classroom:code.copied')) });
      new Button(this, kit, { id: 'code-copy-all', rect: copyAll!, label: t('classroom:code.copyAll'), enabled: codes.length > 0, fontPx: fontPx(layout, 'button'), onActivate: () => void this.copyAll() });
      y += buttonHeight + gap / 2;
      this.addStatus(kit, left.x, y, left.width);
      y += smallPx * 1.5;
      left = { ...left, y, height: area.y + area.height - y };
      region.push(label, code, t('classroom:code.qr'));
    } else if (outcome === null || codes.length > 0) {
      new Button(this, kit, { id: 'code-copy-all', rect: { x: left.x, y: left.y, width: Math.min(left.width, Math.round(420 * layout.scale)), height: buttonHeight }, label: t('classroom:code.copyAll'), enabled: codes.length > 0, fontPx: fontPx(layout, 'button'), onActivate: () => void this.copyAll() });
      this.addStatus(kit, left.x, left.y + buttonHeight + gap / 2, left.width);
      const y = left.y + buttonHeight + gap / 2 + smallPx * 1.5;
      left = { ...left, y, height: area.y + area.height - y };
    }
    if (outcome === null || codes.length > 0) region.push(...this.drawList(kit, left, codes));
    this.ctx.mirror?.setRegion('result-code', this.screenTitle(), region);
  }

  /** The newest codes of the session, one line each; returns the lines for screen readers. */
  private drawList(kit: UiKit, area: Rect, codes: ReturnType<typeof sessionCodes>): string[] {
    const t = this.ctx.i18n.t;
    const { layout, palette } = kit;
    const language = this.ctx.settings.get().language;
    if (area.height < fontPx(layout, 'small') * 2) return [];
    const heading = addText(this, kit, area.x, area.y, t('classroom:code.myCodes'), { fontPx: fontPx(layout, 'heading'), bold: true, color: palette.heading });
    fitText(heading, area.width, fontPx(layout, 'heading') * 1.5, 12);
    const shown = codes.slice(-LIST_MAX);
    const lines = codes.length === 0
      ? [t('classroom:code.noCodes')]
      : shown.map((entry, i) =>
          `${t('classroom:code.entry', {
            number: codes.length - shown.length + i + 1,
            level: levelTitle(this.ctx.i18n, entry.level),
            attempt: entry.attempt,
            score: formatScore(entry.score, language),
            stars: starsText(this.ctx.i18n, entry.stars),
          })} · ${entry.code.slice(0, 14)}…`,
        );
    if (codes.length > shown.length) lines.unshift(t('classroom:code.more', { count: codes.length - shown.length }));
    const top = area.y + heading.height + 4;
    const list = addText(this, kit, area.x, top, lines.join('\n'), { fontPx: fontPx(layout, 'small'), color: palette.text, wrapWidth: area.width });
    fitText(list, area.width, Math.max(0, area.y + area.height - top), 10);
    return [t('classroom:code.myCodes'), ...codes.map((entry) => `${levelTitle(this.ctx.i18n, entry.level)}, ${entry.attempt}: ${entry.code}`)];
  }

  private addStatus(kit: UiKit, x: number, y: number, width: number): void {
    this.status = addText(this, kit, x, y, this.statusText, { fontPx: fontPx(kit.layout, 'small'), bold: true, color: kit.palette.heading, wrapWidth: width });
    this.status.setName('result-code-status');
  }

  private setStatus(text: string): void {
    this.statusText = text;
    if (this.status?.scene) this.status.setText(text);
    // Said to screen readers: the copy happened (or did not). The twin's log takes every copy, even the
    // same words twice; without it, the page's live region.
    if (this.ctx.mirror) this.ctx.mirror.announce(text);
    else this.ctx.announce(text);
  }

  private async copy(text: string, done: string): Promise<void> {
    const copied = await copyText(document, text);
    this.setStatus(copied ? done : this.ctx.i18n.t('classroom:code.copyFailed'));
  }

  private async copyAll(): Promise<void> {
    const codes = sessionCodes();
    if (codes.length === 0) return;
    await this.copy(codes.map((entry) => entry.code).join('\n'), this.ctx.i18n.t('classroom:code.copiedAll', { count: codes.length }));
  }
}
