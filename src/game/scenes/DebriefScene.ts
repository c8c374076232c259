// The Debrief (key `debrief`): score, stars, reasons and the comparison. Stub until it lands.
import type { AppContext } from '../AppContext';
import { SceneKeys } from '../sceneKeys';
import { addText } from '../ui/text';
import type { UiKit } from '../ui/UiKit';
import { ScreenScene } from './ScreenScene';

export class DebriefScene extends ScreenScene {
  constructor(ctx: AppContext) {
    super(ctx, SceneKeys.Debrief);
  }

  protected screenTitle(): string {
    return this.ctx.i18n.t('debrief.title');
  }

  protected override onBack(): void {
    this.goTo(SceneKeys.Levels);
  }

  protected buildScreen(kit: UiKit): void {
    this.drawBackdrop(kit);
    this.addTopBar(kit, { title: this.ctx.i18n.t('debrief.title'), back: () => this.onBack() });
    addText(this, kit, kit.layout.content.x, kit.layout.content.y, this.ctx.i18n.t('debrief:debriefScreen.computing'), { fontPx: 20 });
  }
}
