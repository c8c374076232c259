// The "Compare builds" tab: the player's build beside every architecture the level allows (and the
// author's build), run on the same seed, best first — total score bar and stars, p95 delay, tenants
// breached, burst served and memory. The player's row is marked by a frame, an arrow and the word "You",
// not by colour alone. Before it unlocks, the tab shows the hint and "try again".
import { reasonText } from '../../i18n/dynamicText';
import { buildLabel, type Translate } from '../../scoring/buildLabel';
import { PACKET_KINDS, type PacketKind } from '../../sim/types';
import { fontPx, type Rect } from '../layout';
import type { ComparisonRow } from '../play/debriefModel';
import { Button, hexToNumber } from '../ui/Button';
import { drawIcon } from '../ui/drawing';
import { barFraction, formatGiB, formatPercent, formatScore, formatUs } from './debriefFormat';
import { compareCells, compareTabLayout, COMPARE_COLUMNS, type CompareColumn } from './debriefLayout';
import { drawBar, drawPointer, drawStarRow, drawTopicIcon, TOPIC_COLORS } from './debriefDrawing';
import { archName, label, sentenceText, tr, type DebriefView } from './debriefView';
import { drawThresholdTicks, drawTickLabels, thresholdMarks, thresholdsSpoken, tickLabelPx, type ThresholdMark } from './starThresholds';

export interface CompareTabOptions {
  page: number;
  turnPage: (step: 1 | -1) => void;
}

function translate(view: DebriefView): Translate {
  return (key, options) => tr(view, key, options);
}

/** A row's name: what the build is and its VM count ("Type-1, emulated · 3 VMs, one per instance"). */
function rowName(view: DebriefView, row: ComparisonRow): string {
  if (row.build) {
    const author = row.isPlayer ? 'player' : row.arch === 'reference' ? 'reference' : 'canonical';
    try {
      return buildLabel(translate(view), view.data.level, row.build, author);
    } catch {
      // A build the engine cannot analyse keeps its architecture's name.
    }
  }
  if (row.isPlayer) return tr(view, 'debrief:compare.you', { arch: archName(view, row.builtArch) });
  return archName(view, row.arch);
}

/** The kinds the level's apps send, in the engine's order: the latency column's sub-columns. */
export function levelKinds(view: DebriefView): PacketKind[] {
  return PACKET_KINDS.filter((kind) => view.data.level.apps.some((app) => (app.io[kind] ?? 0) > 0));
}

/** The metric words of a row, in the player's language. */
export function rowValues(view: DebriefView, row: ComparisonRow): Record<'p95' | 'breached' | 'burst' | 'memory', string> {
  const { language, data } = view;
  const hasBursts = (data.level.bursts ?? []).length > 0;
  const kinds = levelKinds(view);
  const separator = tr(view, 'scoring:compare.kindsSeparator');
  return {
    // The speed score's own figure: each kind's p95 response time, in the header's order.
    p95: kinds.map((kind) => (row.p95ResponseUs[kind] === undefined ? tr(view, 'debrief:compare.none') : formatUs(row.p95ResponseUs[kind]!, language))).join(separator),
    breached: String(row.breachedTenants),
    burst: hasBursts ? tr(view, 'ui:debrief.percent', { value: formatPercent(row.burstServedRatio, language) }) : tr(view, 'debrief:compare.none'),
    memory: tr(view, 'ui:debrief.gib', { value: formatGiB(row.memoryUsedGiB, language) }),
  };
}

/** The latency cell for a screen reader: "disk 331 µs · network 262 µs". */
function spokenP95(view: DebriefView, row: ComparisonRow): string {
  return levelKinds(view)
    .filter((kind) => row.p95ResponseUs[kind] !== undefined)
    .map((kind) => tr(view, 'scoring:compare.p95Spoken', { kind: tr(view, `scoring:compare.kind.${kind}`), value: formatUs(row.p95ResponseUs[kind]!, view.language) }))
    .join(tr(view, 'scoring:compare.kindsSeparator'));
}

/** The bar of a row's score cell (shared by the rows and the header's tick labels). */
function scoreBarRect(cells: Record<CompareColumn, Rect>, body: number): { bar: Rect; valueWidth: number } {
  const valueWidth = Math.round(Math.min(cells.score.width * 0.34, body * 3.4));
  const barHeight = Math.round(Math.min(cells.score.height * 0.42, body * 0.9));
  return { bar: { x: cells.score.x, y: Math.round(cells.score.y + (cells.score.height - barHeight) / 2), width: cells.score.width - valueWidth - 6, height: barHeight }, valueWidth };
}

function rowSummary(view: DebriefView, row: ComparisonRow): string {
  const build = rowName(view, row);
  if (!row.feasible) return tr(view, 'debrief:compare.rowInfeasible', { build, reason: row.reason ? reasonText(view.i18n, row.reason.code, row.reason.params) : '' });
  const values = rowValues(view, row);
  return tr(view, 'scoring:compare.row', { build, score: formatScore(row.total, view.language), stars: tr(view, 'debrief:headline.stars', { count: row.stars }), ...values, p95: spokenP95(view, row) });
}

export function drawCompareTab(view: DebriefView, inner: Rect, options: CompareTabOptions): { summary: string[]; pages: number; page: number } {
  if (!view.data.unlocked) return { summary: drawLocked(view, inner), pages: 1, page: 0 };
  const { scene, kit, data, language } = view;
  const { layout, palette } = kit;
  const rows = data.rows;
  const cl = compareTabLayout(inner, layout, rows.length);
  const pages = Math.max(1, Math.ceil(rows.length / cl.perPage));
  const page = Math.min(Math.max(0, options.page), pages - 1);
  const body = fontPx(layout, 'body');
  const small = fontPx(layout, 'small');
  const g = scene.add.graphics();

  if (cl.mode === 'wide') {
    const header = compareCells(cl.header, 'wide', layout);
    for (const column of COMPARE_COLUMNS) {
      label(view, header[column], headerText(view, column), {
        px: small,
        bold: true,
        color: palette.textMuted,
        align: column === 'label' ? 'left' : 'center',
        // The score's header stays on top: the star thresholds' values sit under it, over the bars' ticks.
        valign: column === 'score' ? 'top' : 'bottom',
        minPx: 14,
        // Header words may take two lines ("Tenants / breached") rather than shrink; the latency's two
        // lines (what, then the kinds in the cells' order) shrink to fit instead.
        paragraph: column !== 'p95',
      });
    }
  } else {
    const cells = compareCells({ ...cl.header, height: cl.header.height * 2 }, 'twoLine', layout);
    for (const column of ['label', 'score', 'stars'] as CompareColumn[]) {
      label(view, { ...cells[column], height: cl.header.height }, headerText(view, column), { px: small, bold: true, color: palette.textMuted, align: column === 'label' ? 'left' : 'center', valign: column === 'score' ? 'top' : 'middle', paragraph: false, minPx: 11 });
    }
  }
  g.lineStyle(1.5, palette.panelBorder, 1);
  g.lineBetween(cl.header.x, cl.header.y + cl.header.height + 1, cl.header.x + cl.header.width, cl.header.y + cl.header.height + 1);

  const marks = thresholdMarks(view);
  if (cl.rows[0]) drawHeaderTickLabels(view, cl, marks, body);

  const shown = rows.slice(page * cl.perPage, page * cl.perPage + cl.perPage);
  shown.forEach((row, i) => {
    const rect = cl.rows[i]!;
    const radius = Math.round(layout.radius * 0.6);
    g.fillStyle(row.isPlayer ? palette.buttonHover : palette.button, row.isPlayer ? 0.9 : i % 2 === 0 ? 0.55 : 0.3);
    g.fillRoundedRect(rect.x, rect.y, rect.width, rect.height, radius);
    if (row.isPlayer) {
      g.lineStyle(Math.max(3, 3 * layout.scale), palette.accent, 1);
      g.strokeRoundedRect(rect.x, rect.y, rect.width, rect.height, radius);
    }
    const cells = compareCells({ x: rect.x + 8, y: rect.y, width: rect.width - 16, height: rect.height }, cl.mode, layout);
    const pointer = Math.round(Math.min(cells.label.height * 0.5, body * 0.8));
    let nameRect = cells.label;
    if (row.isPlayer) {
      drawPointer(g, cells.label.x, cells.label.y + cells.label.height / 2, pointer, palette.accent);
      nameRect = { ...cells.label, x: cells.label.x + pointer + 6, width: cells.label.width - pointer - 6 };
    }
    label(view, nameRect, rowName(view, row), { px: body, bold: row.isPlayer, color: row.isPlayer ? palette.heading : palette.text, minPx: Math.round(body * 0.7) });

    if (row.feasible) {
      const { bar, valueWidth } = scoreBarRect(cells, body);
      drawBar(g, bar, barFraction(row.total, 100), row.isPlayer ? palette.accent : hexToNumber(palette.textMuted), palette);
      drawThresholdTicks(g, bar, marks, hexToNumber(palette.heading));
      label(view, { ...cells.score, x: cells.score.x + cells.score.width - valueWidth, width: valueWidth }, formatScore(row.total, language), { px: body, bold: true, align: 'right', minPx: Math.round(body * 0.7) });
      const starSize = Math.round(Math.min(cells.stars.height * 0.55, cells.stars.width / 4));
      drawStarRow(g, cells.stars.x + cells.stars.width / 2, cells.stars.y + cells.stars.height / 2, starSize, row.stars, palette);
      const values = rowValues(view, row);
      for (const column of ['p95', 'breached', 'burst', 'memory'] as const) {
        const text = cl.mode === 'wide' || column === 'memory' ? values[column] : tr(view, `debrief:compare.inline.${column}`, { value: values[column] });
        label(view, cells[column], text, { px: cl.mode === 'wide' ? body : small, align: 'center', color: column === 'breached' && row.breachedTenants > 0 ? '#ff9a9a' : palette.text, bold: column === 'breached' && row.breachedTenants > 0, minPx: 11 });
      }
    } else {
      const icon = Math.round(Math.min(cells.score.height * 0.7, body * 1.2));
      drawTopicIcon(g, 'feasibility', cells.score.x + icon / 2, cells.score.y + cells.score.height / 2, icon, TOPIC_COLORS.feasibility);
      label(view, { ...cells.score, x: cells.score.x + icon + 6, width: cells.score.width - icon - 6 }, tr(view, 'debrief:compare.infeasible'), { px: body, bold: true, color: '#ff9a9a', minPx: Math.round(body * 0.7) });
      drawStarRow(g, cells.stars.x + cells.stars.width / 2, cells.stars.y + cells.stars.height / 2, Math.round(Math.min(cells.stars.height * 0.55, cells.stars.width / 4)), 0, palette);
      const span = { x: cells.p95.x, y: cells.p95.y, width: cells.memory.x + cells.memory.width - cells.p95.x, height: cells.p95.height };
      const reason = row.reason ? reasonText(view.i18n, row.reason.code, row.reason.params) : '';
      label(view, span, reason, { px: small, color: palette.textMuted, minPx: 10, paragraph: true });
    }
  });

  label(view, cl.note, tr(view, 'debrief:compare.seed', { seed: data.result.seed }), { px: small, color: palette.textMuted, minPx: 11 });
  if (cl.pager) {
    const t = view.i18n.t;
    const px = fontPx(layout, 'button');
    const narrow = cl.pager.previous.width < px * 5;
    new Button(scene, kit, { id: 'compare-previous', rect: cl.pager.previous, label: narrow ? '' : t('common.previous'), ariaLabel: t('common.previous'), icon: 'prev', fontPx: px, enabled: page > 0, onActivate: () => options.turnPage(-1) });
    new Button(scene, kit, { id: 'compare-next', rect: cl.pager.next, label: narrow ? '' : t('common.next'), ariaLabel: t('common.next'), icon: 'next', fontPx: px, enabled: page < pages - 1, onActivate: () => options.turnPage(1) });
    label(view, cl.pager.label, t('common.pageOf', { page: page + 1, pages }), { px: body, bold: true, align: 'center' });
  }
  const summary = [tr(view, 'debrief:compare.seed', { seed: data.result.seed }), thresholdsSpoken(view), ...rows.map((row) => rowSummary(view, row))];
  return { summary, pages, page };
}

function headerText(view: DebriefView, column: CompareColumn): string {
  if (column === 'p95') {
    const kinds = levelKinds(view).map((kind) => tr(view, `scoring:compare.kindShort.${kind}`));
    return tr(view, 'scoring:compare.p95Header', { kinds: kinds.join(tr(view, 'scoring:compare.kindsSeparator')) });
  }
  return tr(view, `debrief:compare.header.${column === 'label' ? 'build' : column}`);
}

/** Above the score bars, at the bottom of the header: each star threshold's value over its tick. */
function drawHeaderTickLabels(view: DebriefView, cl: ReturnType<typeof compareTabLayout>, marks: readonly ThresholdMark[], body: number): void {
  const { layout } = view.kit;
  const first = cl.rows[0]!;
  const cells = compareCells({ x: first.x + 8, y: first.y, width: first.width - 16, height: first.height }, cl.mode, layout);
  const { bar } = scoreBarRect(cells, body);
  const px = tickLabelPx(fontPx(layout, 'small'));
  const height = Math.round(px * 1.35);
  drawTickLabels(view, bar, marks, cl.header.y + cl.header.height - height, height, px);
}

/** Before the comparison opens: a lock, the hint toward a better build, and "try again". */
function drawLocked(view: DebriefView, inner: Rect): string[] {
  const { scene, kit, data } = view;
  const { layout, palette } = kit;
  const body = fontPx(layout, 'body');
  const width = Math.min(inner.width, Math.round(860 * layout.scale));
  const x = Math.round(inner.x + (inner.width - width) / 2);
  const iconSize = Math.round(Math.min(72 * layout.scale, inner.height * 0.16));
  const hintText = sentenceText(view, data.hint);
  const titleText = tr(view, 'debrief:compare.lockedTitle');
  const tryText = tr(view, 'debrief:compare.tryAgain');
  // Measure, then centre the column vertically.
  const pad = Math.round(layout.gap);
  const parts = [
    { text: titleText, px: fontPx(layout, 'heading'), bold: true, color: palette.heading },
    { text: tr(view, 'debrief:hint.title'), px: Math.round(body * 0.9), bold: true, color: palette.textMuted },
    { text: hintText, px: body, bold: false, color: palette.text },
    { text: tryText, px: body, bold: false, color: palette.textMuted },
  ];
  const gaps = [layout.gap * 1.2, layout.gap * 0.3, layout.gap * 1.4];
  const inset = pad * 1.5;
  const texts = parts.map((part, i) => {
    const wrap = i === 1 || i === 2 ? width - inset * 2 : width;
    const text = label(view, { x, y: 0, width: wrap, height: inner.height }, part.text, { px: part.px, bold: part.bold, color: part.color, align: i === 0 || i === 3 ? 'center' : 'left', valign: 'top' });
    return text;
  });
  const heights = texts.map((text) => text.height);
  const total = iconSize + layout.gap + heights.reduce((sum, h) => sum + h, 0) + gaps.reduce((sum, h) => sum + h, 0) + pad * 2;
  let y = Math.round(inner.y + Math.max(0, (inner.height - total) / 2));
  const g = scene.add.graphics();
  drawIcon(g, 'lock', x + width / 2, y + iconSize / 2, iconSize, palette.lock);
  y += iconSize + layout.gap;
  texts.forEach((text, i) => {
    if (i === 1) {
      // The hint sits in a framed box with its own heading.
      const boxHeight = heights[1]! + gaps[1]! + heights[2]! + pad * 2;
      g.fillStyle(palette.button, 0.7);
      g.fillRoundedRect(x, y, width, boxHeight, layout.radius);
      g.lineStyle(2, palette.accent, 1);
      g.strokeRoundedRect(x, y, width, boxHeight, layout.radius);
      y += pad;
    }
    const alignX = text.style.align === 'center' ? x + (width - text.width) / 2 : x + (i === 1 || i === 2 ? inset : 0);
    text.setPosition(Math.round(alignX), Math.round(y));
    y += heights[i]! + (i === 2 ? pad : 0) + (gaps[i] ?? 0);
  });
  scene.children.bringToTop(g);
  for (const text of texts) scene.children.bringToTop(text);
  return [titleText, hintText, tryText];
}
