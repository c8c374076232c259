// Bakes everything that stays still during a run (panels, the board's plates) into one texture at
// the bottom of the screen and hides the originals: the canvas renderer then draws one image instead of
// replaying hundreds of shapes every frame. Widgets (buttons, board cards) stay live on top for hover and
// focus; objects marked live (packets, numbers, the log) and the explanation callout are not baked. The board's labels stay live Text
// objects above the packets (LABEL_DEPTH), so packets pass behind them, never over them; a few small texts
// cost less per frame than a second screen-sized picture. Shared by the run phase of the board screen and
// the race view.
//
// A part of the screen that changes during a run (the board after a breach, the actions of the selected app,
// the speed buttons) is a region: its objects are remembered, and `redraw` replaces just them — the picture
// under the region (kept when it was baked, before the region's own drawing) is copied back and the new still
// drawing baked over it. A whole new screen took 50–100 ms (issue 15: no frame of a run over 50 ms).
import Phaser from 'phaser';
import type { Rect } from '../layout';
import { isExplainCallout } from '../ui/Explainer';
import type { FocusManager } from '../ui/FocusManager';
import { runAll, type BuildSteps } from '../ui/slicedBuild';
import { Widget } from '../ui/Widget';
import { isBoardLabel, LABEL_DEPTH, markStoodIn } from '../ui/textAudit';
import { isLive, markLive } from './panelKit';

type Drawn = Phaser.GameObjects.GameObject;

/** What a drawing function added to the scene's display list, in display order. */
function captureDrawn(scene: Phaser.Scene, draw: () => void): Drawn[] {
  const before = new Set(scene.children.list);
  draw();
  return drawnSince(scene, before);
}

/** What is on the scene's display list and not in `before` (an explanation's callout is not a drawing's). */
function drawnSince(scene: Phaser.Scene, before: ReadonlySet<Drawn>): Drawn[] {
  return scene.children.list.filter((object) => !before.has(object) && !isExplainCallout(object));
}

/** A part of the screen drawn by one function, that can be drawn again on its own. */
export interface StillRegion {
  /** Everything the region's drawing may paint into the still picture (shadows included). */
  rect: Rect;
  /** Draws the region (again). */
  draw: () => void;
  /** The objects its last drawing added. */
  objects: Drawn[];
}

/** Draws a region for the first time: `rect` grown by `margin` on every side is what its drawing may paint. */
export function drawRegion(scene: Phaser.Scene, rect: Rect, margin: number, draw: () => void): StillRegion {
  return { rect: grown(rect, margin), draw, objects: captureDrawn(scene, draw) };
}

/**
 * drawRegion for a drawing made of steps (ui/slicedBuild.ts): drawn the first time step by step, as part of a
 * screen drawn in slices (nothing else adds to the display list between its steps: the screen waits for
 * it); drawn again at once.
 */
export function* drawRegionSteps(scene: Phaser.Scene, rect: Rect, margin: number, draw: () => BuildSteps): Generator<void, StillRegion, undefined> {
  const before = new Set(scene.children.list);
  yield* draw();
  return { rect: grown(rect, margin), draw: () => runAll(draw()), objects: drawnSince(scene, before) };
}

function grown(rect: Rect, margin: number): Rect {
  return { x: rect.x - margin, y: rect.y - margin, width: rect.width + margin * 2, height: rect.height + margin * 2 };
}

function isStill(object: Drawn): boolean {
  return !(object instanceof Widget) && !isLive(object) && !isExplainCallout(object) && (object as unknown as { visible?: boolean }).visible !== false;
}

function hide(objects: readonly Drawn[], picture: Phaser.GameObjects.RenderTexture): void {
  for (const object of objects) {
    (object as unknown as { setVisible(value: boolean): void }).setVisible(false);
    markStoodIn(object, picture);
  }
}

/** Board labels stay above the packets (`labels`); the rest of the still objects is returned for baking. */
function splitLabels(objects: readonly Drawn[], labels: Phaser.GameObjects.Text[] = []): Drawn[] {
  const baked: Drawn[] = [];
  for (const object of objects) {
    if (object instanceof Phaser.GameObjects.Text && isBoardLabel(object)) {
      object.setDepth(LABEL_DEPTH);
      labels.push(object);
    } else baked.push(object);
  }
  return baked;
}

/**
 * From this many board labels on, they are drawn from one picture above the packets instead of one by one
 * (issue 15: a board crowded with 64 apps had 300 labels, and drawing them took most of every frame). A few
 * labels cost less per frame than a screen-sized picture, so an ordinary board — and the race view's five
 * lanes, about 60 labels: 1.66× the single board's frame time with the picture, 1.38× without — keeps them live.
 */
export const LABEL_PICTURE_MIN = 120;

export class StillPicture {
  /** What lies under each region (the picture before the region's own drawing), by name. */
  private readonly under = new Map<string, { rect: Rect; texture: Phaser.GameObjects.RenderTexture }>();
  private readonly regions = new Map<string, StillRegion>();
  /** The board's labels, and the picture that draws them when there are many (LABEL_PICTURE_MIN). */
  private labels: Phaser.GameObjects.Text[] = [];
  private labelPicture: Phaser.GameObjects.RenderTexture | null = null;

  private constructor(
    private readonly scene: Phaser.Scene,
    readonly picture: Phaser.GameObjects.RenderTexture,
  ) {}

  /**
   * Bakes the scene's still objects; the regions' still objects are baked last, over a copy of what lies
   * under them. Null when nothing is still.
   */
  static bake(scene: Phaser.Scene, width: number, height: number, regions: Readonly<Record<string, StillRegion>> = {}): StillPicture | null {
    const labels: Phaser.GameObjects.Text[] = [];
    const still = splitLabels(scene.children.list.filter(isStill), labels);
    if (still.length === 0) return null;
    const picture = scene.add.renderTexture(0, 0, width, height).setOrigin(0, 0);
    const result = new StillPicture(scene, picture);
    result.labels = labels;
    if (labels.length >= LABEL_PICTURE_MIN) {
      result.labelPicture = markLive(scene.add.renderTexture(0, 0, width, height).setOrigin(0, 0).setDepth(LABEL_DEPTH));
      result.refreshLabels();
    }
    const inRegion = new Set<Drawn>();
    for (const [name, region] of Object.entries(regions)) {
      result.regions.set(name, { ...region, objects: region.objects.slice() });
      for (const object of region.objects) inRegion.add(object);
    }
    picture.draw(still.filter((object) => !inRegion.has(object)));
    picture.render();
    for (const [name, region] of Object.entries(regions)) {
      const rect = clip(region.rect, width, height);
      if (rect.width <= 0 || rect.height <= 0) continue;
      const texture = new Phaser.GameObjects.RenderTexture(scene, 0, 0, rect.width, rect.height).setOrigin(0, 0);
      texture.draw(picture, -rect.x, -rect.y);
      texture.render();
      result.under.set(name, { rect, texture });
    }
    const regionStill = still.filter((object) => inRegion.has(object));
    if (regionStill.length > 0) {
      picture.draw(regionStill);
      picture.render();
    }
    hide(still, picture);
    scene.children.sendToBack(picture);
    // The picture covers the whole screen (transparent where the backdrop, CSS behind the canvas, shows) and
    // nothing lies under it: on the Canvas renderer it is copied rather than blended (issue 16: the board's
    // fixed cost per frame). (WebGL blends every mode above its own as normal; there the two are the same.)
    picture.setBlendMode(Phaser.BlendModes.COPY);
    picture.once(Phaser.GameObjects.Events.DESTROY, () => {
      for (const { texture } of result.under.values()) texture.destroy();
      result.under.clear();
      result.labelPicture?.destroy();
      result.labelPicture = null;
    });
    return result;
  }

  /**
   * The board's labels changed (a count updated in place, a region drawn again): draws the picture of them
   * again when there is one (a crowded board); live labels need nothing.
   */
  refreshLabels(): void {
    const picture = this.labelPicture;
    if (!picture?.scene) return;
    const labels = this.labels.filter((label) => label.scene !== undefined);
    for (const label of labels) label.setVisible(true);
    picture.clear();
    picture.draw(labels);
    picture.render();
    for (const label of labels) {
      label.setVisible(false);
      markStoodIn(label, picture);
    }
  }

  /** Whether a region of that name was baked (and can be drawn again on its own). */
  has(name: string): boolean {
    return this.under.has(name) && this.picture.scene !== undefined;
  }

  /**
   * Draws one region again: destroys what its last drawing added, draws it, puts the new objects where
   * the old ones were in the display list, bakes the new still ones over the picture kept from under the
   * region, and hands the focus manager the new widgets in the old ones' place (focus stays on the same id).
   */
  redraw(name: string, focus: FocusManager): void {
    const under = this.under.get(name);
    const region = this.regions.get(name);
    if (!under || !region) throw new Error(`no still region ${name}`);
    const old = region.objects;
    const scene = this.scene;
    const list = scene.children.list;
    // The first object after the region that is not its own: the new objects go just below it.
    const oldSet = new Set(old);
    let last = -1;
    for (const object of old) last = Math.max(last, list.indexOf(object));
    let anchor: Drawn | null = null;
    for (let index = last + 1; index < list.length; index += 1) {
      if (!oldSet.has(list[index])) {
        anchor = list[index];
        break;
      }
    }
    const oldWidgets = old.filter((object): object is Widget => object instanceof Widget);
    for (const object of old) {
      if (!object.scene) continue;
      scene.tweens.killTweensOf(object);
      object.destroy();
    }
    const created = captureDrawn(scene, region.draw);
    if (anchor?.scene) for (const object of created) scene.children.moveBelow(object, anchor);
    region.objects = created;
    const labels: Phaser.GameObjects.Text[] = [];
    const baked = splitLabels(created.filter(isStill), labels);
    this.labels = [...this.labels.filter((label) => label.scene !== undefined && !oldSet.has(label)), ...labels];
    this.refreshLabels();
    // The backdrop is not in the picture (it is CSS behind the canvas: ui/backdrop.ts), so what lay under the
    // region has transparent pixels: the region's old drawing is cleared first, not just drawn over.
    const { rect } = under;
    this.picture.clear(rect.x, rect.y, rect.width, rect.height);
    this.picture.draw(under.texture, rect.x, rect.y);
    if (baked.length > 0) this.picture.draw(baked);
    this.picture.render();
    hide(baked, this.picture);
    focus.replace(oldWidgets, created.filter((object): object is Widget => object instanceof Widget));
  }
}

function clip(rect: Rect, width: number, height: number): Rect {
  const x = Math.max(0, Math.floor(rect.x));
  const y = Math.max(0, Math.floor(rect.y));
  return { x, y, width: Math.min(width, Math.ceil(rect.x + rect.width)) - x, height: Math.min(height, Math.ceil(rect.y + rect.height)) - y };
}
