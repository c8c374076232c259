// Boot: shows the background and gives the audio adapter the sounds' addresses, then opens the first
// screen — after a SCORM launch has restored progress from the LMS, else at once — straight away when it
// needs nothing more (the menu, the level select); a screen that needs the engine's chunk first (a link to a
// level or the sandbox) goes through the Preloader and its progress bar.
import Phaser from 'phaser';
import { SOUND_URLS } from '../../audio/soundAssets';
import type { AppContext } from '../AppContext';
import { addLaterScreens, isLazyScreen } from '../lazyScreens';
import { SceneKeys } from '../sceneKeys';
import { paletteFor } from '../theme';
import { computeLayout } from '../layout';
import { showBackdrop } from '../ui/backdrop';

export class BootScene extends Phaser.Scene {
  constructor(private readonly ctx: AppContext) {
    super({ key: SceneKeys.Boot });
  }

  preload(): void {
    showBackdrop(this.game.canvas, computeLayout(this.scale.width, this.scale.height), paletteFor(this.ctx.settings.get().colorProfile));
  }

  create(): void {
    // Howler fetches them after the first gesture, when sound may start at all.
    if (this.ctx.audio.enabled) this.ctx.audio.setSources(SOUND_URLS);
    const waiting = this.ctx.firstScreenWaitsFor;
    if (!waiting) {
      this.openFirstScreen();
      return;
    }
    // An error there (the LMS's API throwing) still opens the game, then goes to the fault handler.
    void waiting.then(
      () => this.openFirstScreen(),
      (error: unknown) => {
        this.openFirstScreen();
        throw error;
      },
    );
  }

  private openFirstScreen(): void {
    const route = this.ctx.initialRoute;
    // Only the menu is added at boot (createScenes.ts).
    if (route.key !== SceneKeys.Menu) addLaterScreens();
    if (isLazyScreen(route.key)) this.scene.start(SceneKeys.Preloader);
    else this.scene.start(route.key, route.data);
  }
}
