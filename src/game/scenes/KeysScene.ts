// The keyboard-help overlay (? or F1 from any screen): the keys that work everywhere, and the keys of the
// screen underneath (each screen lists its own through ScreenScene.keyHelp()).
import type { AppContext } from '../AppContext';
import { fontPx } from '../layout';
import { SceneKeys } from '../sceneKeys';
import { addText } from '../ui/text';
import type { UiKit } from '../ui/UiKit';
import { OverlayScene } from './OverlayScene';
import type { KeyHelp, ScreenScene } from './ScreenScene';

export class KeysScene extends OverlayScene {
  constructor(ctx: AppContext) {
    super(ctx, SceneKeys.Keys);
  }

  protected screenTitle(): string {
    return this.ctx.i18n.t('keys.title');
  }

  protected override defaultFocusId(): string {
    return 'overlay-close';
  }

  override close(): void {
    this.ctx.mirror?.removeRegion('keys');
    super.close();
  }

  /** ? again closes it. */
  protected override openKeyHelp(): void {
    this.close();
  }

  private globalKeys(): KeyHelp[] {
    const t = this.ctx.i18n.t;
    return [
      { keys: t('keys.tab'), action: t('keys.tabAction') },
      { keys: t('keys.arrows'), action: t('keys.arrowsAction') },
      { keys: t('keys.enter'), action: t('keys.enterAction') },
      { keys: t('keys.homeEnd'), action: t('keys.homeEndAction') },
      { keys: t('keys.escape'), action: t('keys.escapeAction') },
      { keys: t('keys.glossary'), action: t('keys.glossaryAction') },
      { keys: t('keys.help'), action: t('keys.helpAction') },
    ];
  }

  private screenKeys(): KeyHelp[] {
    const below = this.returnTo ? (this.scene.get(this.returnTo) as ScreenScene | null) : null;
    return below && typeof below.keyHelp === 'function' ? below.keyHelp() : [];
  }

  protected buildScreen(kit: UiKit): void {
    const t = this.ctx.i18n.t;
    const { layout, palette } = kit;
    const sections: Array<{ title: string; rows: KeyHelp[] }> = [
      { title: t('keys.everywhere'), rows: this.globalKeys() },
      { title: t('keys.thisScreen'), rows: this.screenKeys() },
    ];
    const area = this.addPanel(kit, t('keys.title'), Math.round(1100 * layout.scale));
    // Two columns side by side when there is room, else one after the other; the font shrinks (never
    // below small text) until every row fits, and long actions wrap instead of shrinking alone.
    const sideBySide = area.width > 860 * layout.scale;
    const columnWidth = sideBySide ? (area.width - layout.gap * 2) / 2 : area.width;
    let px = fontPx(layout, 'body');
    const minPx = Math.max(12, Math.round(fontPx(layout, 'small') * 0.85));
    for (;;) {
      this.children.list.filter((child) => child.getData('keys-row') === true).forEach((child) => child.destroy());
      let bottom = 0;
      let y = area.y;
      sections.forEach((section, index) => {
        const x = area.x + (sideBySide ? index * (columnWidth + layout.gap * 2) : 0);
        if (sideBySide) y = area.y;
        else if (index > 0) y += px * 0.8;
        const heading = addText(this, kit, x, y, section.title, { fontPx: Math.round(px * 1.15), bold: true, color: palette.heading });
        heading.setData('keys-row', true);
        y += heading.height + px * 0.35;
        if (section.rows.length === 0) {
          const none = addText(this, kit, x, y, t('keys.nothingMore'), { fontPx: px, color: palette.textMuted, wrapWidth: columnWidth });
          none.setData('keys-row', true);
          y += none.height;
        }
        const keyWidth = Math.min(columnWidth * 0.38, px * 9);
        for (const row of section.rows) {
          const keyText = addText(this, kit, x, y, row.keys, { fontPx: px, bold: true, color: palette.text, wrapWidth: keyWidth - layout.gap / 2 });
          const actionText = addText(this, kit, x + keyWidth, y, row.action, { fontPx: px, color: palette.textMuted, wrapWidth: columnWidth - keyWidth });
          keyText.setData('keys-row', true);
          actionText.setData('keys-row', true);
          y += Math.max(keyText.height, actionText.height) + px * 0.2;
        }
        bottom = Math.max(bottom, y);
      });
      if (bottom <= area.y + area.height || px <= minPx) break;
      px -= 1;
    }
    // Screen readers get the same list as text.
    this.ctx.mirror?.setRegion(
      'keys',
      t('keys.title'),
      sections.flatMap((section) => [section.title, ...section.rows.map((row) => `${row.keys}: ${row.action}`)]),
    );
  }
}
