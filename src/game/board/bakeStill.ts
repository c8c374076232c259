// Bakes everything that stays still during a run (backdrop, panels, the board's plates) into one texture at
// the bottom of the screen and hides the originals: the canvas renderer then draws one image instead of
// replaying hundreds of shapes every frame. Widgets (buttons, board cards) stay live on top for hover and
// focus; objects marked live (packets, numbers, the log) and the explanation callout are not baked. The board's labels stay live Text
// objects above the packets (LABEL_DEPTH), so packets pass behind them, never over them; a few small texts
// cost less per frame than a second screen-sized picture. Shared by the run phase of the board screen and
// the race view.
import Phaser from 'phaser';
import { isExplainCallout } from '../ui/Explainer';
import { Widget } from '../ui/Widget';
import { isBoardLabel, LABEL_DEPTH, markStoodIn } from '../ui/textAudit';
import { isLive } from './panelKit';

export function bakeStill(scene: Phaser.Scene, width: number, height: number): Phaser.GameObjects.RenderTexture | null {
  const still = scene.children.list.filter((object) => !(object instanceof Widget) && !isLive(object) && !isExplainCallout(object) && (object as unknown as { visible?: boolean }).visible !== false);
  if (still.length === 0) return null;
  const labels = new Set(still.filter((object) => object instanceof Phaser.GameObjects.Text && isBoardLabel(object)));
  for (const label of labels) (label as Phaser.GameObjects.Text).setDepth(LABEL_DEPTH);
  const baked = still.filter((object) => !labels.has(object));
  if (baked.length === 0) return null;
  const picture = scene.add.renderTexture(0, 0, width, height).setOrigin(0, 0);
  picture.draw(baked);
  picture.render();
  for (const object of baked) {
    (object as unknown as { setVisible(value: boolean): void }).setVisible(false);
    markStoodIn(object, picture);
  }
  scene.children.sendToBack(picture);
  // The picture holds the backdrop, so it covers the whole screen with opaque pixels: on the Canvas renderer
  // it is copied rather than blended, and the camera no longer fills the screen with its background colour
  // first — two full-screen passes less in every frame of a run (issue 16: the board's fixed cost per frame).
  // (WebGL blends every mode above its own as normal; there the two are the same.)
  picture.setBlendMode(Phaser.BlendModes.COPY);
  scene.cameras.main.setBackgroundColor('rgba(0,0,0,0)');
  return picture;
}
