// What every Debrief tab draws with: the scene, its UI kit and strings, the prepared data, and helpers
// that put a fitted label in a rectangle and turn the model's sentences and ids into localized words.
import type Phaser from 'phaser';
import type { GameI18n } from '../../i18n/createI18n';
import { reasonText, translateOr } from '../../i18n/dynamicText';
import type { Objective } from '../../sim/types';
import type { Rect } from '../layout';
import type { Sentence } from '../play/debriefModel';
import { addText, fitText } from '../ui/text';
import type { UiKit } from '../ui/UiKit';
import type { PreparedDebrief } from './debriefData';
import { formatNumber, formatUs } from './debriefFormat';

export interface DebriefView {
  scene: Phaser.Scene;
  kit: UiKit;
  i18n: GameI18n;
  language: string;
  data: PreparedDebrief;
}

/** A translation with a key built at run time (reason codes, objective ids). */
export function tr(view: DebriefView, key: string, params?: Record<string, unknown>): string {
  return (view.i18n.t as (k: string, p?: object) => string)(key, params);
}

export interface LabelOptions {
  px: number;
  minPx?: number;
  bold?: boolean;
  color?: string;
  align?: 'left' | 'center' | 'right';
  valign?: 'top' | 'middle' | 'bottom';
  /** Wrap at the width first, then shrink (sentences). Default for `valign: 'top'`; other labels shrink first. */
  paragraph?: boolean;
}

/**
 * A text fitted into a rectangle, then aligned inside it. A paragraph wraps at the rectangle's width and
 * shrinks (down to `minPx`) until it fits its height; a label (a cell, a name) first shrinks to stay on
 * one line, and wraps only if it still does not fit, so a word is never broken in a wide-enough cell.
 */
export function label(view: DebriefView, rect: Rect, content: string, options: LabelOptions): Phaser.GameObjects.Text {
  const align = options.align ?? 'left';
  const paragraph = options.paragraph ?? options.valign === 'top';
  const text = addText(view.scene, view.kit, rect.x, rect.y, content, {
    fontPx: options.px,
    bold: options.bold,
    color: options.color,
    align,
    ...(paragraph ? { wrapWidth: Math.max(1, rect.width) } : {}),
  });
  fitText(text, rect.width, rect.height, options.minPx ?? Math.max(12, Math.round(options.px * 0.75)));
  const x = align === 'left' ? rect.x : align === 'center' ? rect.x + (rect.width - text.width) / 2 : rect.x + rect.width - text.width;
  const valign = options.valign ?? 'middle';
  const y = valign === 'top' ? rect.y : valign === 'middle' ? rect.y + (rect.height - text.height) / 2 : rect.y + rect.height - text.height;
  text.setPosition(Math.round(x), Math.round(y));
  return text;
}

export function objectiveName(view: DebriefView, objective: Objective): string {
  return tr(view, `board:objective.${objective}.name`);
}

export function archName(view: DebriefView, arch: string): string {
  return translateOr(view.i18n, `board:arch.${arch}.name`, arch);
}

export function threatName(view: DebriefView, threat: string): string {
  return translateOr(view.i18n, `board:threat.${threat}.name`, threat);
}

const US_PARAMS = new Set(['p95Us', 'nativeUs']);
const DECIMAL_PARAMS = new Set(['factor', 'percent', 'atSecond', 'points']);

/** A reason or hint sentence in the player's language, numbers written the local way. */
export function sentenceText(view: DebriefView, sentence: Sentence): string {
  if (sentence.rule) {
    const rule = reasonText(view.i18n, sentence.rule, sentence.params);
    return sentence.key.startsWith('debrief:hint.') ? tr(view, sentence.key, { rule }) : rule;
  }
  const params: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(sentence.params)) {
    if (typeof value === 'number' && US_PARAMS.has(name)) params[name] = formatUs(value, view.language);
    else if (typeof value === 'number' && DECIMAL_PARAMS.has(name)) params[name] = formatNumber(value, view.language, 1);
    else params[name] = value;
  }
  // Counts choose the plural form: drops and blocks count packets, breaches count tenants.
  if (typeof sentence.params.dropped === 'number') params.count = sentence.params.dropped;
  if (typeof sentence.params.blocked === 'number') params.count = sentence.params.blocked;
  return tr(view, sentence.key, params);
}

/** The short heading over a reason: which objective, how many points, and for an attack its kind. */
export function sentenceHeading(view: DebriefView, sentence: Sentence): string {
  if (sentence.topic === 'feasibility') return tr(view, 'debrief:reasons.brokenRule');
  if (sentence.topic === 'clean') return tr(view, 'debrief:reasons.clean');
  const objective = objectiveName(view, sentence.topic);
  if (sentence.points <= 0) return tr(view, 'debrief:reasons.headingNote', { objective });
  const points = formatNumber(sentence.points, view.language, 1);
  if (typeof sentence.params.threat === 'string' && sentence.params.threat !== '') {
    return tr(view, 'debrief:reasons.headingThreat', { objective, points, count: sentence.points, threat: threatName(view, sentence.params.threat) });
  }
  // `count` picks "point" or "points"; `points` is the number as written in the player's language.
  return tr(view, 'debrief:reasons.heading', { objective, points, count: sentence.points });
}
