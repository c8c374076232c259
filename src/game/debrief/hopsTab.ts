// The "What each hop cost" tab: for one disk and one network request, a stacked bar of the hops on the
// player's path (each segment numbered, with a legend of names and µs) above the native path on the
// same scale, so a student sees where Type-2's translation or device emulation costs time.
import { fontPx, type Rect } from '../layout';
import { Button } from '../ui/Button';
import { addText } from '../ui/text';
import { barFraction, formatNumber, formatUs, stackSegments } from './debriefFormat';
import { hopBlockLayout, hopsTabLayout, legendCells } from './debriefLayout';
import { drawNumberDisc, drawTopicIcon, STATION_COLORS, TOPIC_COLORS } from './debriefDrawing';
import { hopScaleMax, overheadOf, type HopCost, type IoKind, type PathCost } from './hopCosts';
import { label, sentenceText, tr, type DebriefView } from './debriefView';

export interface HopsTabOptions {
  group: number;
  chooseGroup: (index: number) => void;
}

function hopName(view: DebriefView, hop: HopCost): string {
  return tr(view, `board:station.${hop.station}`);
}

const hopKey = (hop: HopCost) => `${hop.station}:${hop.driver ?? ''}`;

export function drawHopsTab(view: DebriefView, inner: Rect, options: HopsTabOptions): string[] {
  const { kit, data } = view;
  const { layout, palette } = kit;
  const groups = data.hops;
  if (!groups || groups.length === 0) {
    // Nothing ran: a warning sign, why, and the first broken rule.
    const rule = data.sentences.find((sentence) => sentence.rule);
    const lines = [tr(view, 'debrief:hops.infeasible'), ...(rule ? [sentenceText(view, rule)] : [])];
    const icon = Math.round(Math.min(72 * layout.scale, inner.height * 0.18));
    const width = Math.min(inner.width, Math.round(900 * layout.scale));
    const x = inner.x + (inner.width - width) / 2;
    const top = inner.y + inner.height * 0.22;
    drawTopicIcon(view.scene.add.graphics(), 'feasibility', inner.x + inner.width / 2, top + icon / 2, icon, TOPIC_COLORS.feasibility);
    const first = label(view, { x, y: top + icon + layout.gap, width, height: inner.height * 0.25 }, lines[0]!, { px: fontPx(layout, 'heading'), bold: true, color: palette.heading, align: 'center', valign: 'top' });
    if (lines[1]) label(view, { x, y: first.y + first.height + layout.gap, width, height: inner.height * 0.3 }, lines[1], { px: fontPx(layout, 'body'), color: palette.text, align: 'center', valign: 'top' });
    return lines;
  }
  const hl = hopsTabLayout(inner, layout, groups.length);
  const index = Math.min(Math.max(0, options.group), groups.length - 1);
  hl.selector.forEach((rect, i) => {
    const group = groups[i]!;
    new Button(view.scene, kit, {
      id: `hops-app-${i}`,
      rect,
      label: tr(view, 'debrief:hops.apps', { apps: group.apps.join(', ') }),
      selected: i === index,
      fontPx: fontPx(layout, 'body'),
      align: 'left',
      onActivate: () => options.chooseGroup(i),
    });
  });
  const group = groups[index]!;
  const summaries = [drawBlock(view, hl.blocks[0], group.disk), drawBlock(view, hl.blocks[1], group.net)];
  const note = measuredNote(view);
  if (hl.note.height > 0) label(view, hl.note, note, { px: fontPx(layout, 'small'), color: palette.textMuted, valign: 'top', minPx: 12 });
  return [groups.length > 1 ? tr(view, 'debrief:hops.apps', { apps: group.apps.join(', ') }) : '', ...summaries, note].filter(Boolean);
}

function measuredNote(view: DebriefView): string {
  const byKind = view.data.result.metrics.byKind;
  const parts = (['disk', 'net'] as IoKind[])
    .filter((kind) => byKind[kind].delivered > 0)
    .map((kind) => tr(view, `debrief:hops.measuredKind.${kind}`, { value: formatUs(byKind[kind].p95LatencyUs, view.language) }));
  return parts.length > 0 ? tr(view, 'debrief:hops.measured', { measured: parts.join(', ') }) : tr(view, 'debrief:hops.measuredNone');
}

/** One request kind: title, the two stacked bars and the legend. Returns its words for screen readers. */
function drawBlock(view: DebriefView, block: Rect, path: PathCost): string {
  const { scene, kit, language } = view;
  const { layout, palette } = kit;
  const hb = hopBlockLayout(block, layout);
  const body = fontPx(layout, 'body');
  const small = fontPx(layout, 'small');
  const over = overheadOf(path);
  // Each kind on its own scale, with a little room past the longer bar for the overhead bracket.
  const scaleMax = hopScaleMax(path);
  const title = `${tr(view, `debrief:hops.title.${path.kind}`)} · ${tr(view, 'debrief:hops.total', { value: formatUs(path.totalUs, language) })}`;
  // Line two: native beside the build, and the VM's device driver once (not on every hop's name).
  const driver = path.hops.find((hop) => hop.driver)?.driver;
  const versus = [
    over.extraUs > 0
      ? tr(view, 'debrief:hops.versus', { native: formatUs(path.nativeUs, language), extra: formatUs(over.extraUs, language), factor: formatNumber(over.factor, language, 2) })
      : tr(view, 'debrief:hops.versusSame', { native: formatUs(path.nativeUs, language) }),
    ...(driver ? [tr(view, `debrief:hops.devices.${driver}`)] : []),
  ].join(' · ');
  const titleRect = { ...hb.title, height: Math.round(hb.title.height * 0.53) };
  label(view, titleRect, title, { px: body, bold: true, color: palette.heading, minPx: Math.round(body * 0.8) });
  label(view, { ...hb.title, y: titleRect.y + titleRect.height, height: hb.title.height - titleRect.height }, versus, { px: small, color: palette.textMuted, minPx: 12 });

  // The legend lists every hop of both bars once, numbered in order of first appearance.
  const legend: HopCost[] = [];
  for (const hop of [...path.hops, ...path.native]) if (!legend.some((entry) => hopKey(entry) === hopKey(hop))) legend.push(hop);
  const numberOf = (hop: HopCost) => legend.findIndex((entry) => hopKey(entry) === hopKey(hop)) + 1;

  const g = scene.add.graphics();
  const drawStack = (bar: Rect, hops: HopCost[], labelRect: Rect, totalRect: Rect, name: string, total: number) => {
    label(view, labelRect, name, { px: body, bold: name === tr(view, 'debrief:hops.yours'), minPx: Math.round(body * 0.75) });
    label(view, totalRect, tr(view, 'debrief:hops.us', { value: formatUs(total, language) }), { px: body, bold: true, align: 'right', minPx: Math.round(body * 0.75) });
    g.fillStyle(palette.track, 0.9);
    g.fillRect(bar.x, bar.y, bar.width, bar.height);
    const segments = stackSegments(hops.map((hop) => hop.us), scaleMax, bar.width, Math.max(14, body * 0.9));
    segments.forEach((segment) => {
      const hop = hops[segment.index]!;
      const x = bar.x + segment.x;
      g.fillStyle(STATION_COLORS[hop.station], 1);
      g.fillRect(x, bar.y, segment.width, bar.height);
      g.lineStyle(2, palette.background, 1);
      g.lineBetween(x + segment.width, bar.y, x + segment.width, bar.y + bar.height);
      if (segment.width >= small * 0.9) {
        addText(scene, kit, x + segment.width / 2, bar.y + bar.height / 2, String(numberOf(hop)), { fontPx: Math.round(small * 0.9), bold: true, color: '#0b1630', originX: 0.5, originY: 0.5 });
      }
    });
    g.lineStyle(1.5, palette.panelBorder, 1);
    g.strokeRect(bar.x, bar.y, bar.width, bar.height);
  };
  drawStack(hb.yourBar, path.hops, hb.yourLabel, hb.yourTotal, tr(view, 'debrief:hops.yours'), path.totalUs);
  drawStack(hb.nativeBar, path.native, hb.nativeLabel, hb.nativeTotal, tr(view, 'debrief:hops.native'), path.nativeUs);

  if (over.extraUs > 0) {
    // A bracket under the native bar from where native ends to where the build ends: the overhead.
    const bar = hb.nativeBar;
    const from = bar.x + bar.width * barFraction(path.nativeUs, scaleMax);
    const to = bar.x + bar.width * barFraction(path.totalUs, scaleMax);
    const y = hb.overhead.y + 4;
    const tick = Math.round(small * 0.45);
    g.lineStyle(2, palette.accent, 1);
    g.lineBetween(from, y, to, y);
    g.lineBetween(from, y - 2, from, y + tick);
    g.lineBetween(to, y - 2, to, y + tick);
    g.lineStyle(1.5, palette.accent, 0.7);
    g.lineBetween(to, hb.yourBar.y + hb.yourBar.height, to, y);
    const extra = `+${tr(view, 'debrief:hops.us', { value: formatUs(over.extraUs, language) })}`;
    const textWidth = Math.max(to - from, small * 5);
    label(view, { x: Math.max(hb.overhead.x, Math.min((from + to) / 2 - textWidth / 2, hb.overhead.x + hb.overhead.width - textWidth)), y: y + 1, width: textWidth, height: hb.overhead.height - 4 }, extra, {
      px: small,
      bold: true,
      color: palette.heading,
      align: 'center',
      minPx: 11,
    });
  }

  const { cells } = legendCells(hb.legend, legend.length, layout);
  // In a tiny frame the legend has no room under the bars: it is left out rather than drawn over the
  // buttons (the screen reader's text names every hop).
  const legendFits = hb.legend.height >= small * 1.2 * Math.ceil(legend.length / 2);
  if (legendFits) legend.forEach((hop, i) => {
    const cell = cells[i]!;
    const radius = Math.round(Math.min(cell.height * 0.4, small * 0.7));
    const cy = cell.y + cell.height / 2;
    drawNumberDisc(g, cell.x + radius, cy, radius, STATION_COLORS[hop.station], palette.background);
    addText(scene, kit, cell.x + radius, cy, String(i + 1), { fontPx: Math.round(radius * 1.1), bold: true, color: '#0b1630', originX: 0.5, originY: 0.5 });
    // The name on the left, its time right-aligned in a column of its own.
    const valueWidth = Math.round(small * 3.6);
    const nameX = cell.x + radius * 2 + 8;
    label(view, { x: nameX, y: cell.y, width: cell.x + cell.width - valueWidth - 6 - nameX, height: cell.height }, hopName(view, hop), { px: small, minPx: 13 });
    label(view, { x: cell.x + cell.width - valueWidth, y: cell.y, width: valueWidth, height: cell.height }, tr(view, 'debrief:hops.us', { value: formatUs(hop.us, language) }), {
      px: small,
      bold: true,
      align: 'right',
      minPx: 13,
    });
  });
  const hops = path.hops.map((hop) => tr(view, 'debrief:hops.legendItem', { hop: hopName(view, hop), value: formatUs(hop.us, language) })).join(', ');
  return `${title}. ${versus}. ${hops}.`;
}

