// The glossary overlay, reachable from every screen (button or G): every term of the domain with a
// one-to-two-sentence definition in the player's language, paged to fit the window.
import { GLOSSARY_TERM_IDS } from '../../i18n/resources';
import type { AppContext } from '../AppContext';
import { fontPx, paginateByHeight } from '../layout';
import { SceneKeys } from '../sceneKeys';
import { glossaryLayout } from '../screenLayouts';
import { Button } from '../ui/Button';
import { drawPanel } from '../ui/drawing';
import { addText, fitText } from '../ui/text';
import type { UiKit } from '../ui/UiKit';
import { OverlayScene } from './OverlayScene';

export class GlossaryScene extends OverlayScene {
  private page = 0;

  constructor(ctx: AppContext) {
    super(ctx, SceneKeys.Glossary);
  }

  override init(data: Record<string, unknown> | undefined): void {
    super.init(data);
    this.page = 0;
  }

  protected screenTitle(): string {
    return this.ctx.i18n.t('glossary.title');
  }

  protected override defaultFocusId(): string {
    return 'glossary-next';
  }

  // G closes the glossary it opened.
  protected override toggleGlossary(): void {
    this.close();
  }

  protected override onKey(event: KeyboardEvent): boolean {
    if (event.key === 'PageDown' || event.key === 'PageUp') {
      this.turn(event.key === 'PageDown' ? 1 : -1);
      return true;
    }
    return super.onKey(event);
  }

  private pageCount = 1;

  protected buildScreen(kit: UiKit): void {
    const t = this.ctx.i18n.t;
    const { layout, palette } = kit;
    const area = this.addPanel(kit, t('glossary.title'), Math.round(1180 * layout.scale));
    const gl = glossaryLayout(layout, area);
    const intro = addText(this, kit, gl.intro.x, gl.intro.y + gl.intro.height / 2, t('glossary.intro'), { fontPx: fontPx(layout, 'body'), color: palette.textMuted, originY: 0.5 });
    fitText(intro, gl.intro.width, gl.intro.height, 12);

    const column = gl.columns[0]!;
    const pad = Math.round(12 * layout.scale);
    const entryWidth = column.width - pad * 2;
    // Measure every entry at the column width, then page them to fit.
    const entries = GLOSSARY_TERM_IDS.map((id) => {
      const name = addText(this, kit, 0, 0, t(`glossary:term.${id}.name`), { fontPx: fontPx(layout, 'heading'), bold: true, color: palette.heading, wrapWidth: entryWidth });
      const definition = addText(this, kit, 0, 0, t(`glossary:term.${id}.definition`), { fontPx: fontPx(layout, 'body'), color: palette.text, wrapWidth: entryWidth });
      return { id, name, definition, height: name.height + definition.height + pad * 2 };
    });
    const gap = Math.round(layout.gap * 0.7);
    const chunks = paginateByHeight(entries.map((entry) => entry.height), column.height, gap);
    const perPage = gl.columns.length;
    this.pageCount = Math.max(1, Math.ceil(chunks.length / perPage));
    this.page = Math.min(this.page, this.pageCount - 1);
    const visible = new Set<number>();
    const g = this.add.graphics();
    gl.columns.forEach((rect, c) => {
      const chunk = chunks[this.page * perPage + c] ?? [];
      let y = rect.y;
      for (const index of chunk) {
        const entry = entries[index]!;
        visible.add(index);
        drawPanel(g, { x: rect.x, y, width: rect.width, height: entry.height }, { radius: layout.radius, fill: palette.button, fillAlpha: 0.55, border: palette.buttonBorder, borderWidth: 1 });
        entry.name.setPosition(rect.x + pad, y + pad * 0.7);
        entry.definition.setPosition(rect.x + pad, y + pad * 0.7 + entry.name.height);
        y += entry.height + gap;
      }
    });
    // The panel graphics belong above the overlay panel but below the entry texts.
    this.children.bringToTop(g);
    entries.forEach((entry, index) => {
      if (!visible.has(index)) {
        entry.name.destroy();
        entry.definition.destroy();
      } else {
        this.children.bringToTop(entry.name);
        this.children.bringToTop(entry.definition);
      }
    });

    const px = fontPx(layout, 'button');
    const narrow = gl.pager.previous.width < px * 5;
    new Button(this, kit, { id: 'glossary-previous', rect: gl.pager.previous, label: narrow ? '' : t('common.previous'), ariaLabel: t('common.previous'), icon: 'prev', fontPx: px, enabled: this.page > 0, onActivate: () => this.turn(-1) });
    new Button(this, kit, { id: 'glossary-next', rect: gl.pager.next, label: narrow ? '' : t('common.next'), ariaLabel: t('common.next'), icon: 'next', fontPx: px, enabled: this.page < this.pageCount - 1, onActivate: () => this.turn(1) });
    const label = addText(this, kit, gl.pager.label.x + gl.pager.label.width / 2, gl.pager.label.y + gl.pager.label.height / 2, t('common.pageOf', { page: this.page + 1, pages: this.pageCount }), {
      fontPx: fontPx(layout, 'body'),
      bold: true,
      originX: 0.5,
      originY: 0.5,
    });
    fitText(label, gl.pager.label.width, gl.pager.label.height, 12);
    this.visibleTerms = [...visible].map((index) => `${entries[index]!.name.text}: ${entries[index]!.definition.text}`);
  }

  private visibleTerms: string[] = [];

  private turn(step: 1 | -1): void {
    const next = Math.min(this.pageCount - 1, Math.max(0, this.page + step));
    if (next === this.page) return;
    this.page = next;
    this.rebuild();
    // If the focused pager button became disabled at the first or last page, move to the other one.
    if (!this.focus.focused) this.focus.focus(step > 0 ? 'glossary-previous' : 'glossary-next', this.focus.focusVisible, false);
    this.ctx.announce([this.ctx.i18n.t('common.pageOf', { page: this.page + 1, pages: this.pageCount }), ...this.visibleTerms].join('. '));
  }
}
