// A testing aid (issue 16): the texts a scene shows, with their boxes on screen, so a real-browser test
// can fail when two of them overlap or one runs out of the box it was fitted into
// (tests/e2e/textOverlap.test.ts; `window.kernelCourier.texts()`, docs/embed-api.md). Reads only.
import Phaser from 'phaser';

/** The box `fitText` was asked to fit a text into (its width and height; the text's own position). */
const fitted = new WeakMap<Phaser.GameObjects.Text, { maxWidth: number; maxHeight: number }>();
/** Objects a picture draws in their stead (hidden, yet what the player sees), and that picture. */
const stoodIn = new WeakMap<Phaser.GameObjects.GameObject, Phaser.GameObjects.GameObject>();
/** Texts that label the board (pieces, VMs, app cards): packets must pass behind them. */
const boardLabels = new WeakSet<Phaser.GameObjects.GameObject>();
/** The objects that draw packets. */
const packetLayers = new WeakSet<Phaser.GameObjects.GameObject>();

/** The depth that puts the board's labels above the packets (drawn at 20–21) and below their queue badges. */
export const LABEL_DEPTH = 21.5;

export function markBoardLabel<T extends Phaser.GameObjects.GameObject>(text: T): T {
  boardLabels.add(text);
  return text;
}

export function isBoardLabel(object: Phaser.GameObjects.GameObject): boolean {
  return boardLabels.has(object);
}

/** Texts on an opaque plate of their own drawn above the board (a queue's badge): they cover what is
 * under them, so they are not "text over text". */
const covering = new WeakSet<Phaser.GameObjects.GameObject>();

export function markCovering(text: Phaser.GameObjects.GameObject): void {
  covering.add(text);
}

export function markPacketLayer(object: Phaser.GameObjects.GameObject): void {
  packetLayers.add(object);
}

export function rememberFit(text: Phaser.GameObjects.Text, maxWidth: number, maxHeight: number): void {
  fitted.set(text, { maxWidth, maxHeight });
}

/** `picture` draws `object` in its stead from now (null: no longer). */
export function markStoodIn(object: Phaser.GameObjects.GameObject, picture: Phaser.GameObjects.GameObject | null): void {
  if (picture) stoodIn.set(object, picture);
  else stoodIn.delete(object);
}

function depthOf(object: Phaser.GameObjects.GameObject): number {
  return (object as unknown as { depth?: number }).depth ?? 0;
}

export interface TextBox {
  /** The scene that draws it. */
  scene: string;
  text: string;
  /** The box of its letters on screen in CSS pixels of the canvas (the Text's bounds less its padding). */
  x: number;
  y: number;
  width: number;
  height: number;
  /** Depth order among the scene's texts (later draws on top). */
  order: number;
  /** Set when the text was fitted into a box (fitText) and is larger than it now. */
  overflows?: { maxWidth: number; maxHeight: number };
  /** A label of the board that packets are drawn over (they must pass behind it). */
  behindPackets?: boolean;
  /** On an opaque plate of its own, above everything it overlaps (a queue's badge). */
  covering?: boolean;
}

function shown(object: Phaser.GameObjects.GameObject): boolean {
  let current: Phaser.GameObjects.GameObject | null = object;
  while (current) {
    const picture = stoodIn.get(current);
    const visible = (current as unknown as { visible?: boolean }).visible !== false || (picture !== undefined && (picture as unknown as { visible?: boolean }).visible !== false);
    const alpha = (current as unknown as { alpha?: number }).alpha ?? 1;
    if (!visible || alpha <= 0.05) return false;
    current = current.parentContainer;
  }
  return true;
}

/** Every shown, non-empty Text of `scene`, in drawing order. */
export function sceneTexts(scene: Phaser.Scene): TextBox[] {
  const boxes: TextBox[] = [];
  const camera = scene.cameras.main;
  let order = 0;
  const packetDepth = Math.max(-Infinity, ...scene.children.list.filter((object) => packetLayers.has(object) && (object as unknown as { visible?: boolean }).visible !== false).map(depthOf));
  const walk = (list: readonly Phaser.GameObjects.GameObject[]) => {
    for (const object of list) {
      order += 1;
      if (object instanceof Phaser.GameObjects.Container) {
        walk(object.list);
        continue;
      }
      if (!(object instanceof Phaser.GameObjects.Text) || object.text.trim() === '' || !shown(object)) continue;
      const bounds = object.getBounds();
      const scale = Math.abs(object.scaleY) * (object.parentContainer ? Math.abs(object.parentContainer.scaleY) : 1);
      const padTop = (object.padding.top ?? 0) * scale;
      const padBottom = (object.padding.bottom ?? 0) * scale;
      const padLeft = (object.padding.left ?? 0) * scale;
      const padRight = (object.padding.right ?? 0) * scale;
      const box: TextBox = {
        scene: scene.scene.key,
        text: object.text,
        x: Math.round((bounds.x + padLeft - camera.scrollX) * camera.zoom + camera.x),
        y: Math.round((bounds.y + padTop - camera.scrollY) * camera.zoom + camera.y),
        width: Math.round((bounds.width - padLeft - padRight) * camera.zoom),
        height: Math.round((bounds.height - padTop - padBottom) * camera.zoom),
        order,
      };
      const fit = fitted.get(object);
      // Its letters against the box (the padding above and below them is empty).
      const inkHeight = object.height - (object.padding.top ?? 0) - (object.padding.bottom ?? 0);
      if (fit && (object.width > fit.maxWidth + 1 || inkHeight > fit.maxHeight + 1)) box.overflows = { maxWidth: Math.round(fit.maxWidth), maxHeight: Math.round(fit.maxHeight) };
      if (covering.has(object)) box.covering = true;
      if (boardLabels.has(object) && depthOf(stoodIn.get(object) ?? object) <= packetDepth) box.behindPackets = true;
      boxes.push(box);
    }
  };
  walk(scene.children.list);
  return boxes;
}
