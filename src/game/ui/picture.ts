// A picture that stands in for display objects that change rarely: they are drawn once into a texture
// and hidden, and the renderer draws one image per frame instead of replaying their shapes and texts
// (on the Canvas renderer a Graphics object is replayed command by command every frame). Used by widgets
// at rest and by the board's VM boxes.
import Phaser from 'phaser';
import { markStoodIn } from './textAudit';

type Shown = Phaser.GameObjects.GameObject & Phaser.GameObjects.Components.Visible & { x: number; y: number };

export interface PictureArea {
  /** Left edge on screen, whole pixels. */
  left: number;
  top: number;
  width: number;
  height: number;
}

export class Picture {
  private image: Phaser.GameObjects.RenderTexture | null = null;
  private readonly stoodIn: Shown[] = [];

  /**
   * @param scene the scene that draws it
   * @param place adds the picture's image where it belongs (a container, or the scene's display list)
   */
  constructor(
    private readonly scene: Phaser.Scene,
    private readonly place: (image: Phaser.GameObjects.RenderTexture) => void,
  ) {}

  /** The image, once one has been taken (to order it among its neighbours). */
  get gameObject(): Phaser.GameObjects.RenderTexture | null {
    return this.image;
  }

  /** Whether the picture stands in for its objects now. */
  get shown(): boolean {
    return this.image?.visible === true;
  }

  /**
   * Draws the visible `objects` (positioned relative to `originX`, `originY` on screen: their container's
   * position, or 0 on the scene) into the picture covering `area`, then hides them.
   */
  take(objects: readonly Phaser.GameObjects.GameObject[], area: PictureArea, originX = 0, originY = 0): void {
    this.release();
    // While the WebGL context is lost no texture can be made (Phaser throws "Framebuffer Unsupported"):
    // the children stay on show, as they look anyway, until the widget settles again after the restore.
    if ((this.scene.sys.renderer as { contextLost?: boolean } | null)?.contextLost === true) return;
    let image = this.image;
    if (!image || image.width < area.width || image.height < area.height) {
      image?.destroy();
      image = new Phaser.GameObjects.RenderTexture(this.scene, 0, 0, Math.max(2, area.width), Math.max(2, area.height)).setOrigin(0, 0);
      this.image = image;
      this.place(image);
    }
    image.setPosition(area.left - originX, area.top - originY);
    image.clear();
    // Each object is moved to its place in the picture while it is drawn, then put back. (Not draw()'s x
    // and y: the Canvas renderer takes them as the position and WebGL as an offset.)
    const places: number[] = [];
    for (const object of objects) {
      const shown = object as Shown;
      if (shown === image || !shown.visible) continue;
      places.push(shown.x, shown.y);
      shown.x += originX - area.left;
      shown.y += originY - area.top;
      image.draw(shown);
      this.stoodIn.push(shown);
    }
    image.render();
    this.stoodIn.forEach((shown, index) => {
      shown.x = places[index * 2];
      shown.y = places[index * 2 + 1];
      shown.setVisible(false);
      markStoodIn(shown, image);
    });
    image.setVisible(this.stoodIn.length > 0);
  }

  /** Shows the objects again and hides the picture. */
  release(): void {
    for (const object of this.stoodIn) {
      markStoodIn(object, null);
      if (object.scene) object.setVisible(true);
    }
    this.stoodIn.length = 0;
    this.image?.setVisible(false);
  }
}

/** The whole-pixel area around a rectangle and a margin, so a picture lands exactly where its objects were. */
export function pictureArea(x: number, y: number, width: number, height: number, margin: number): PictureArea {
  const left = Math.floor(x - margin);
  const top = Math.floor(y - margin);
  return { left, top, width: Math.ceil(x + width + margin) - left + 1, height: Math.ceil(y + height + margin) - top + 1 };
}
