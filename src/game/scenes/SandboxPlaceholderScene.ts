// A stand-in for the Sandbox (key `sandbox`, opened by the menu or `?mode=sandbox`) until the board
// lands: says what the sandbox will be, shows the `packets` URL setting if given, and goes back.
import type { AppContext } from '../AppContext';
import { centeredRect, fontPx } from '../layout';
import { SceneKeys } from '../sceneKeys';
import { drawIcon, drawPanel, panelStyle } from '../ui/drawing';
import { addText } from '../ui/text';
import type { UiKit } from '../ui/UiKit';
import { ScreenScene } from './ScreenScene';

export class SandboxPlaceholderScene extends ScreenScene {
  constructor(ctx: AppContext) {
    super(ctx, SceneKeys.Sandbox);
  }

  protected screenTitle(): string {
    return this.ctx.i18n.t('sandbox.title');
  }

  protected override onBack(): void {
    this.goTo(SceneKeys.Menu);
  }

  protected override defaultFocusId(): string {
    return 'top-back';
  }

  protected buildScreen(kit: UiKit): void {
    const t = this.ctx.i18n.t;
    const { layout, palette } = kit;
    this.drawBackdrop(kit);
    this.addTopBar(kit, { title: t('sandbox.title'), back: () => this.onBack(), glossary: true, settings: true });
    const panel = centeredRect(layout.content, Math.round(760 * layout.scale), layout.content.height);
    const pad = Math.round(layout.gap * 1.8);
    const iconSize = Math.round(72 * layout.scale);
    const lines = [t('sandbox.placeholder'), t('common.comingSoon')];
    if (this.ctx.params.packets !== undefined) lines.push(t('sandbox.packets', { count: this.ctx.params.packets }));
    const texts = lines.map((line, i) =>
      addText(this, kit, panel.x + panel.width / 2, 0, line, {
        fontPx: fontPx(layout, i === 1 ? 'heading' : 'body'),
        color: i === 1 ? palette.heading : palette.text,
        bold: i === 1,
        align: 'center',
        originX: 0.5,
        wrapWidth: panel.width - pad * 2,
      }),
    );
    const height = Math.min(panel.height, iconSize + pad * 3 + texts.reduce((sum, text) => sum + text.height + layout.gap, 0));
    const top = panel.y + (panel.height - height) / 2;
    const g = this.add.graphics();
    drawPanel(g, { ...panel, y: top, height }, panelStyle(palette, layout));
    drawIcon(g, 'cubes', panel.x + panel.width / 2, top + pad + iconSize / 2, iconSize, palette.accent);
    let y = top + pad * 2 + iconSize;
    for (const text of texts) {
      text.setY(y);
      y += text.height + layout.gap;
    }
    this.children.bringToTop(g);
    texts.forEach((text) => this.children.bringToTop(text));
    this.addFooterHint(kit);
  }
}
