// Numbers and chart geometry for the debrief, as pure functions: how µs, percentages, GiB and scores
// are written, how a bar is scaled, how a stacked bar is cut into segments, the weighted-total formula,
// and the count-up easing. The scene only draws what these return.
import type { Level, Objective } from '../../sim/types';
import { OBJECTIVES } from '../../sim/types';

/** Number formats by language and decimals, made once: a new Intl.NumberFormat costs ~13 µs, a format ~1 µs,
 * and a crowded board's accessible twin writes ~400 numbers at once (board/explainText.ts). */
const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(language: string, minDigits: number, maxDigits: number): Intl.NumberFormat {
  const key = `${language}|${minDigits}|${maxDigits}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(language, { maximumFractionDigits: maxDigits, minimumFractionDigits: minDigits });
    numberFormats.set(key, format);
  }
  return format;
}

/** Locale-aware number with at most `digits` decimals (no trailing zeros). */
export function formatNumber(value: number, language: string, digits = 1): string {
  const safe = Number.isFinite(value) ? value : 0;
  return numberFormat(language, 0, digits).format(safe);
}

/** A score out of 100 with one decimal, always shown (96.1, 100.0 → "100"). */
export function formatScore(value: number, language: string): string {
  const rounded = Math.round((Number.isFinite(value) ? value : 0) * 10) / 10;
  const digits = Number.isInteger(rounded) ? 0 : 1;
  return numberFormat(language, digits, digits).format(rounded);
}

/** Microseconds: whole numbers from 10 up, one decimal below (a syscall's 1.5 µs). */
export function formatUs(value: number, language: string): string {
  return formatNumber(value, language, Math.abs(value) < 10 ? 1 : 0);
}

/** A ratio 0–1 as a whole percentage number (0.25 → "25"). */
export function formatPercent(ratio: number, language: string): string {
  return formatNumber(Math.max(0, ratio) * 100, language, 0);
}

/** GiB: two decimals below 10 (3.76), one from 10 up (17.5). */
export function formatGiB(value: number, language: string): string {
  return formatNumber(value, language, Math.abs(value) < 10 ? 2 : 1);
}

/** The fraction of a bar's length a value fills, clamped to 0–1 (0 for a non-positive scale). */
export function barFraction(value: number, max: number): number {
  if (!(max > 0) || !Number.isFinite(value)) return 0;
  return Math.min(1, Math.max(0, value / max));
}

export interface Segment {
  index: number;
  x: number;
  width: number;
}

/**
 * Cuts a stacked bar of `width` px (its full length standing for `scaleMax`) into one segment per value,
 * left to right. Every non-zero value gets at least `minWidth` px so a 3 µs hop stays visible; the other
 * segments shrink to make room, so the stack never grows past its true length.
 */
export function stackSegments(values: readonly number[], scaleMax: number, width: number, minWidth = 0): Segment[] {
  const total = values.reduce((sum, value) => sum + Math.max(0, value), 0);
  const length = width * barFraction(total, scaleMax);
  const raw = values.map((value) => (total > 0 ? (Math.max(0, value) / total) * length : 0));
  const small = raw.map((w, i) => (values[i]! > 0 && w < minWidth ? minWidth : 0));
  const reserved = small.reduce((sum, w) => sum + w, 0);
  const largeTotal = raw.reduce((sum, w, i) => sum + (small[i]! > 0 ? 0 : w), 0);
  const room = Math.max(0, length - reserved);
  const shrink = largeTotal > 0 ? Math.min(1, room / largeTotal) : 1;
  let x = 0;
  return raw.map((w, index) => {
    const segmentWidth = small[index]! > 0 ? small[index]! : w * shrink;
    const segment = { index, x, width: segmentWidth };
    x += segmentWidth;
    return segment;
  });
}

export interface FormulaTerm {
  objective: Objective;
  weight: number;
  score: number;
}

/** The weighted total as the level computes it: its terms (weight > 0), the sum of weights, the total. */
export function weightedFormula(level: Level, score: Record<Objective, number>): { terms: FormulaTerm[]; weightSum: number; total: number } {
  const terms = OBJECTIVES.filter((objective) => (level.objectives[objective] ?? 0) > 0).map((objective) => ({
    objective,
    weight: level.objectives[objective] ?? 0,
    score: score[objective],
  }));
  const weightSum = terms.reduce((sum, term) => sum + term.weight, 0);
  const total = weightSum > 0 ? Math.round((terms.reduce((sum, term) => sum + term.weight * term.score, 0) / weightSum) * 10) / 10 : 0;
  return { terms, weightSum, total };
}

/** Cubic ease-out: fast at first, settling at the end. */
export function easeOutCubic(t: number): number {
  const clamped = Math.min(1, Math.max(0, t));
  return 1 - (1 - clamped) ** 3;
}

/** The number a count-up shows `elapsedMs` into a `durationMs` count from 0 to `total` (one decimal). */
export function countUpValue(total: number, elapsedMs: number, durationMs: number): number {
  if (durationMs <= 0 || elapsedMs >= durationMs) return total;
  return Math.round(total * easeOutCubic(elapsedMs / durationMs) * 10) / 10;
}

/** When each earned star pops in: one after another, starting as the count-up ends. */
export function starDelaysMs(stars: number, countUpMs: number, stepMs: number): number[] {
  return Array.from({ length: Math.max(0, Math.min(3, stars)) }, (_, i) => countUpMs + i * stepMs);
}

/** Lines read as one text: each ends with a full stop unless it already ends with punctuation. */
export function joinSentences(lines: readonly string[]): string {
  return lines
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => (/[.!?:)。]$/.test(line) ? line : `${line}.`))
    .join(' ');
}
