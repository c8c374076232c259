// A stand-in for the Play screen (key `play`) until the engine-driven board lands: the level's chapter,
// title, brief and first hint, and a way back. The real Play scene replaces this class in createScenes().
import { chapterName } from '../../i18n/dynamicText';
import { levelBrief, levelHint, levelTitle } from '../../i18n/levelStrings';
import type { AppContext } from '../AppContext';
import { centeredRect, fontPx } from '../layout';
import { SceneKeys } from '../sceneKeys';
import { drawPanel, panelStyle } from '../ui/drawing';
import { addText } from '../ui/text';
import type { UiKit } from '../ui/UiKit';
import { ScreenScene } from './ScreenScene';

export class PlaceholderPlayScene extends ScreenScene {
  constructor(ctx: AppContext) {
    super(ctx, SceneKeys.Play);
  }

  protected get levelId(): string {
    return String(this.sceneData.levelId ?? '');
  }

  protected screenTitle(): string {
    return levelTitle(this.ctx.i18n, this.levelId);
  }

  protected override shownDetails(): { levelId?: string } {
    return { levelId: this.levelId };
  }

  protected override onBack(): void {
    this.goTo(SceneKeys.Levels, { levelId: this.levelId });
  }

  protected override defaultFocusId(): string {
    return 'top-back';
  }

  protected buildScreen(kit: UiKit): void {
    const t = this.ctx.i18n.t;
    const { layout, palette } = kit;
    const i18n = this.ctx.i18n;
    this.drawBackdrop(kit);
    this.addTopBar(kit, { title: levelTitle(i18n, this.levelId), back: () => this.onBack(), glossary: true, settings: true });
    const panel = centeredRect(layout.content, Math.round(900 * layout.scale), layout.content.height);
    const pad = Math.round(layout.gap * 1.8);
    const width = panel.width - pad * 2;
    const level = this.ctx.levels.find((candidate) => candidate.id === this.levelId);
    const number = level ? this.ctx.levels.indexOf(level) + 1 : 0;
    const blocks: { text: string; px: number; color: string; bold?: boolean }[] = [
      { text: `${t('levelSelect.levelNumber', { number })} · ${chapterName(i18n, level?.chapter)}`, px: fontPx(layout, 'small'), color: palette.textMuted, bold: true },
      { text: levelTitle(i18n, this.levelId), px: fontPx(layout, 'title'), color: palette.heading, bold: true },
      { text: t('play.brief'), px: fontPx(layout, 'small'), color: palette.textMuted, bold: true },
      { text: levelBrief(i18n, this.levelId), px: fontPx(layout, 'body'), color: palette.text },
    ];
    const hint = levelHint(i18n, this.levelId, 0);
    if (hint) blocks.push({ text: t('play.hint'), px: fontPx(layout, 'small'), color: palette.textMuted, bold: true }, { text: hint, px: fontPx(layout, 'body'), color: palette.text });
    blocks.push({ text: t('play.placeholder'), px: fontPx(layout, 'body'), color: palette.heading });
    const g = this.add.graphics();
    const texts = blocks.map((block) => addText(this, kit, panel.x + pad, 0, block.text, { fontPx: block.px, color: block.color, bold: block.bold, wrapWidth: width }));
    // Headings sit close to their text; a section ends with a wider gap.
    const tight = new Set([0, 2, 4]);
    const offsets: number[] = [];
    let y = 0;
    texts.forEach((text, i) => {
      offsets.push(y);
      y += text.height + (i < texts.length - 1 ? layout.gap * (tight.has(i) && i < texts.length - 2 ? 0.35 : 1) : 0);
    });
    const height = Math.min(panel.height, y + pad * 2);
    const top = panel.y + (panel.height - height) / 2;
    drawPanel(g, { ...panel, y: top, height }, panelStyle(palette, layout));
    texts.forEach((text, i) => text.setY(top + pad + (offsets[i] ?? 0)));
    this.addFooterHint(kit);
  }
}
