// Bakes everything that stays still during a run (backdrop, panels, the board's plates and labels) into
// one texture at the bottom of the screen and hides the originals: the canvas renderer then draws one
// image instead of replaying hundreds of shapes every frame. Widgets (buttons, board cards) stay live on
// top for hover and focus; objects marked live (packets, numbers, the log) are not baked. Shared by the
// run phase of the board screen and the race view.
import type Phaser from 'phaser';
import { Widget } from '../ui/Widget';
import { isLive } from './panelKit';

export function bakeStill(scene: Phaser.Scene, width: number, height: number): Phaser.GameObjects.RenderTexture | null {
  const still = scene.children.list.filter((object) => !(object instanceof Widget) && !isLive(object) && (object as unknown as { visible?: boolean }).visible !== false);
  if (still.length === 0) return null;
  const picture = scene.add.renderTexture(0, 0, width, height).setOrigin(0, 0);
  picture.draw(still);
  picture.render();
  for (const object of still) (object as unknown as { setVisible(value: boolean): void }).setVisible(false);
  scene.children.sendToBack(picture);
  return picture;
}
