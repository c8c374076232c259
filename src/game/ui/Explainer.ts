// The one callout a screen shows to explain a piece, a board part or an icon (issue 17): on mouse hover,
// on keyboard focus and on a touch tap. It is a plate with a few wrapped lines drawn above everything,
// kept inside the screen and beside (not over) what it explains, and it hides by itself after a few
// seconds so it never covers other words for long. It is not focusable (keyboard focus stays where it
// is); Escape hides it (see `dismiss`). What shows it: CardWidget (`explain`, `explainParts`).
import Phaser from 'phaser';
import { fontPx, type Rect } from '../layout';
import { drawPanel, panelStyle } from './drawing';
import { addText } from './text';
import { markCovering } from './textAudit';
import type { UiKit } from './UiKit';

export type ExplainWay = 'hover' | 'focus' | 'tap';

interface Shown {
  source: string;
  way: ExplainWay;
  text: string;
}

/** Above the board, its packets and badges, below overlays (which are scenes of their own). */
const CALLOUT_DEPTH = 90;

const explainers = new WeakMap<Phaser.Scene, Explainer>();
/** The callouts on show: they come and go during a run, so they are never baked into its still picture. */
const callouts = new WeakSet<Phaser.GameObjects.GameObject>();

export function isExplainCallout(object: Phaser.GameObjects.GameObject): boolean {
  return callouts.has(object);
}

/** The scene's explainer (one per scene, kept across redraws), with the kit of the current drawing. */
export function explainerOf(scene: Phaser.Scene, kit: UiKit): Explainer {
  let explainer = explainers.get(scene);
  if (!explainer) {
    explainer = new Explainer(scene);
    explainers.set(scene, explainer);
  }
  explainer.kit = kit;
  return explainer;
}

/** The scene's explainer if it has one (Escape asks it to hide). */
export function existingExplainer(scene: Phaser.Scene): Explainer | undefined {
  return explainers.get(scene);
}

export class Explainer {
  kit: UiKit | null = null;
  private shown: Shown | null = null;
  private callout: Phaser.GameObjects.Container | null = null;
  private timer: Phaser.Time.TimerEvent | null = null;
  /** What Escape hid while it had focus: focus does not bring it back until it moves elsewhere. */
  private dismissed: string | null = null;
  /** A tap toggled a callout during the pointer press being processed (the press is not "elsewhere"). */
  private tapHandled = false;

  constructor(private readonly scene: Phaser.Scene) {
    const onDown = () => {
      // A press anywhere but on what a tap explains hides a tapped callout.
      if (!this.tapHandled && this.shown?.way === 'tap') this.hide();
      this.tapHandled = false;
    };
    scene.input.on(Phaser.Input.Events.POINTER_DOWN, onDown);
    scene.events.once(Phaser.Scenes.Events.SHUTDOWN, () => {
      scene.input.off(Phaser.Input.Events.POINTER_DOWN, onDown);
      explainers.delete(scene);
    });
  }

  /** The words on show, or null (read by tests through the texts on screen, and here). */
  get visible(): { source: string; way: ExplainWay; text: string } | null {
    return this.alive() ? this.shown : null;
  }

  /** Shows `text` for `source` beside `anchor` (screen pixels). */
  show(source: string, text: string, anchor: Rect, way: ExplainWay): void {
    if (!text) return;
    if (way === 'focus' && this.dismissed === source) return;
    if (way !== 'focus') this.dismissed = null;
    // A hover does not replace a callout the player tapped on something else (the mouse moving over the
    // screen does replace one that keyboard focus showed).
    if (way === 'hover' && this.alive() && this.shown?.way === 'tap' && this.shown.source !== source) return;
    this.shown = { source, way, text };
    this.draw(text, anchor);
    if (way === 'tap') this.kit?.announce(text);
  }

  /** A tap on `source`: shows its callout, or hides it when it is already on show. */
  toggleTap(source: string, text: string, anchor: Rect): void {
    this.tapHandled = true;
    if (this.alive() && this.shown?.source === source) {
      this.hide();
      return;
    }
    this.show(source, text, anchor, 'tap');
  }

  /** Hides the callout of `source` (or of one of its parts, `source#n`) shown this `way`; any callout
   * when no source is given. */
  hide(source?: string, way?: ExplainWay): void {
    const shown = this.shown;
    if (source !== undefined) {
      if (!shown || (shown.source !== source && !shown.source.startsWith(`${source}#`))) return;
      if (way && shown.way !== way) return;
    }
    this.shown = null;
    this.timer?.remove(false);
    this.timer = null;
    if (this.callout?.scene) this.callout.destroy();
    this.callout = null;
  }

  /** Focus left `source`: it may explain itself again when focused next time. */
  blurred(source: string): void {
    if (this.dismissed === source) this.dismissed = null;
    this.hide(source, 'focus');
  }

  /** Escape: hides the callout; true when one was on show. */
  dismiss(): boolean {
    if (!this.alive() || !this.shown) return false;
    if (this.shown.way === 'focus') this.dismissed = this.shown.source;
    this.hide();
    return true;
  }

  private alive(): boolean {
    return this.callout?.scene !== undefined && this.callout?.scene !== null && this.shown !== null;
  }

  private draw(text: string, anchor: Rect): void {
    const kit = this.kit;
    if (!kit) return;
    const scene = this.scene;
    if (this.callout?.scene) this.callout.destroy();
    this.timer?.remove(false);
    const { layout, palette } = kit;
    const margin = Math.round(layout.gap * 0.5);
    const pad = Math.round(layout.gap * 0.6);
    const px = fontPx(layout, 'small');
    const width = Math.round(Math.min(400 * layout.scale, layout.width - margin * 2));
    const words = addText(scene, kit, pad, pad, text, { fontPx: px, color: palette.text, wrapWidth: width - pad * 2, lineSpacing: Math.round(px * 0.2) });
    markCovering(words);
    const height = Math.round(words.height + pad * 2);
    // Beside what it explains: below it, else above it, else at the bottom of the screen; never off screen.
    const gap = Math.round(6 * layout.scale);
    let y = anchor.y + anchor.height + gap;
    if (y + height > layout.height - margin) y = anchor.y - gap - height;
    if (y < margin) y = layout.height - margin - height;
    const x = Math.round(Math.min(Math.max(margin, anchor.x + anchor.width / 2 - width / 2), layout.width - margin - width));
    const plate = scene.add.graphics();
    drawPanel(plate, { x: 0, y: 0, width, height }, panelStyle(palette, layout, { fill: 0x0b1e2c, border: palette.accent, borderWidth: 2, radius: Math.round(layout.radius * 0.6) }));
    this.callout = scene.add.container(x, Math.round(Math.max(margin, y)), [plate, words]).setDepth(CALLOUT_DEPTH);
    this.callout.setName('explain-callout');
    callouts.add(this.callout);
    // Not over other words for long: it goes after a reading time (a new hover, focus or tap shows it again).
    const ms = Math.min(12000, Math.max(5000, text.length * 70));
    this.timer = scene.time.delayedCall(ms, () => this.hide());
  }
}
