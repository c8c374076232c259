// The main menu: the game's title and the ways in (Campaign, Sandbox), Settings, Glossary, and the
// language toggle EN / 한국어, which switches every text at once.
import type { AppContext } from '../AppContext';
import { fontPx } from '../layout';
import { SceneKeys } from '../sceneKeys';
import { menuLayout } from '../screenLayouts';
import { Button } from '../ui/Button';
import { drawLogo } from '../ui/drawing';
import { addText, fitText } from '../ui/text';
import type { UiKit } from '../ui/UiKit';
import { ScreenScene } from './ScreenScene';

export class MenuScene extends ScreenScene {
  constructor(ctx: AppContext) {
    super(ctx, SceneKeys.Menu);
  }

  protected screenTitle(): string {
    return this.ctx.i18n.t('app.title');
  }

  protected override defaultFocusId(): string {
    return 'menu-campaign';
  }

  protected buildScreen(kit: UiKit): void {
    const t = this.ctx.i18n.t;
    const { layout, palette } = kit;
    this.drawBackdrop(kit);
    const m = menuLayout(layout);
    const language = this.ctx.settings.get().language;
    const buttonPx = Math.round(fontPx(layout, 'button') * Math.max(0.8, m.fit));
    const setLanguage = (lng: 'en' | 'ko') => this.ctx.settings.update({ language: lng });
    new Button(this, kit, { id: 'menu-language-en', rect: m.languageEn, label: t('menu.languageEnglish'), selected: language === 'en', fontPx: buttonPx, onActivate: () => setLanguage('en') });
    new Button(this, kit, { id: 'menu-language-ko', rect: m.languageKo, label: t('menu.languageKorean'), selected: language === 'ko', fontPx: buttonPx, onActivate: () => setLanguage('ko') });

    drawLogo(this.add.graphics(), m.logo.x, m.logo.y, Math.min(m.logo.width, m.logo.height));
    const title = addText(this, kit, m.title.x + m.title.width / 2, m.title.y + m.title.height / 2, t('app.title'), {
      fontPx: Math.round(fontPx(layout, 'display') * Math.max(0.7, m.fit)),
      bold: true,
      color: palette.heading,
      originX: 0.5,
      originY: 0.5,
      align: 'center',
    });
    fitText(title, layout.content.width, m.title.height * 1.2, fontPx(layout, 'title'));
    const subtitle = addText(this, kit, m.subtitle.x + m.subtitle.width / 2, m.subtitle.y + m.subtitle.height / 2, t('app.subtitle'), {
      fontPx: Math.round(fontPx(layout, 'body') * Math.max(0.8, m.fit)),
      color: palette.textMuted,
      originX: 0.5,
      originY: 0.5,
      align: 'center',
      wrapWidth: m.subtitle.width,
    });
    fitText(subtitle, m.subtitle.width, m.subtitle.height * 1.1, Math.max(13, fontPx(layout, 'small') * 0.8));

    new Button(this, kit, {
      id: 'menu-campaign',
      rect: m.campaign,
      label: t('menu.campaign'),
      sublabel: t('menu.campaignHint'),
      icon: 'play',
      variant: 'primary',
      fontPx: Math.round(fontPx(layout, 'heading') * Math.max(0.8, m.fit)),
      onActivate: () => this.goTo(SceneKeys.Levels),
    });
    new Button(this, kit, {
      id: 'menu-sandbox',
      rect: m.sandbox,
      label: t('menu.sandbox'),
      sublabel: t('menu.sandboxHint'),
      icon: 'cubes',
      fontPx: Math.round(fontPx(layout, 'heading') * Math.max(0.8, m.fit)),
      onActivate: () => this.goTo(SceneKeys.Sandbox),
    });
    new Button(this, kit, { id: 'menu-settings', rect: m.settings, label: t('menu.settings'), icon: 'gear', fontPx: buttonPx, onActivate: () => this.openOverlay(SceneKeys.Settings) });
    new Button(this, kit, { id: 'menu-glossary', rect: m.glossary, label: t('menu.glossary'), icon: 'book', fontPx: buttonPx, onActivate: () => this.openOverlay(SceneKeys.Glossary) });

    const version = addText(this, kit, layout.topBar.x, layout.topBar.y + layout.topBar.height / 2, t('app.version', { version: this.ctx.version }), {
      fontPx: fontPx(layout, 'small'),
      color: palette.textMuted,
      originY: 0.5,
    });
    version.setVisible(version.width < m.languageEn.x - layout.topBar.x - layout.gap);
    this.addFooterHint(kit);
  }
}
