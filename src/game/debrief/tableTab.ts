// "The big picture" tab: the seeds' summary table — security, performance and scalability of Type-1,
// Type-2 and containers in the textbook's words (and of containers inside VMs, which the textbook lacks), with the one-line rankings — this level's row framed,
// in bold and pointed at by a "this level" arrow; the player's column labelled; and what the level showed.
import { fontPx, type Rect } from '../layout';
import { drawPointer } from './debriefDrawing';
import { tableTabLayout } from './debriefLayout';
import { levelFacts } from '../../scoring/levelFacts';
import { learningGoal } from './levelGoals';
import { SEEDS_COLUMNS, SEEDS_ROWS } from './seedsTable';
import { label, tr, type DebriefView } from './debriefView';

export function drawTableTab(view: DebriefView, inner: Rect): string[] {
  const { scene, kit, data } = view;
  const { layout, palette } = kit;
  const tl = tableTabLayout(inner, layout);
  const body = fontPx(layout, 'body');
  const small = fontPx(layout, 'small');
  const g = scene.add.graphics();
  label(view, tl.title, tr(view, 'debrief:table.title'), { px: fontPx(layout, 'heading'), bold: true, color: palette.heading, minPx: body });

  // Header: the architectures and "in short"; the player's column says so under its name.
  const header = tl.cells[0]!;
  [...SEEDS_COLUMNS, 'summary' as const].forEach((column, i) => {
    const cell = header[i + 2]!;
    if (cell.width <= 0) return;
    const mine = column === data.playerColumn;
    if (mine) {
      const nameRect = { ...cell, height: Math.round(cell.height * 0.56) };
      label(view, nameRect, tr(view, `debrief:table.column.${column}`), { px: body, bold: true, color: palette.heading, align: 'center', valign: 'bottom', minPx: 14 });
      const tagRect = { ...cell, y: nameRect.y + nameRect.height, height: cell.height - nameRect.height };
      const tag = label(view, { ...tagRect, y: tagRect.y + 2, height: tagRect.height - 2 }, tr(view, 'debrief:table.yourBuild'), { px: small, bold: true, color: palette.heading, align: 'center', minPx: 12 });
      g.lineStyle(2, palette.accent, 1);
      g.strokeRoundedRect(tag.x - 8, tag.y - 1, tag.width + 16, tag.height + 2, tag.height / 2);
    } else {
      label(view, cell, tr(view, `debrief:table.column.${column}`), { px: body, bold: true, color: palette.heading, align: 'center', minPx: 12 });
    }
  });

  SEEDS_ROWS.forEach((row, r) => {
    const cells = tl.cells[r + 1]!;
    const frame = tl.rowFrames[r]!;
    const focus = row === data.focusRow;
    const radius = Math.round(layout.radius * 0.6);
    g.fillStyle(focus ? palette.buttonHover : palette.button, focus ? 0.9 : 0.45);
    // A row too short for its rounded frame (a tiny frame) draws none, never a negative radius.
    if (frame.height > 4 + radius * 2) g.fillRoundedRect(frame.x, frame.y + 2, frame.width, frame.height - 4, radius);
    if (focus && frame.height > 4 + radius * 2) {
      g.lineStyle(Math.max(4, 4 * layout.scale), palette.accent, 1);
      g.strokeRoundedRect(frame.x, frame.y + 2, frame.width, frame.height - 4, radius);
      // The arrow label in the gutter: words and a pointer, not colour alone.
      const gutter = cells[0]!;
      const size = Math.round(Math.min(gutter.height * 0.4, body * 0.9));
      const text = label(view, { ...gutter, width: gutter.width - size - 6 }, tr(view, 'debrief:table.thisLevel'), { px: small, bold: true, color: palette.heading, align: 'right', minPx: 11, paragraph: true });
      drawPointer(g, text.x + text.width + 4, gutter.y + gutter.height / 2, size, palette.accent);
    }
    const px = focus ? Math.round(body * 1.05) : body;
    const pad = Math.round(layout.gap * 0.5);
    const inset = (cell: Rect) => ({ x: cell.x + pad, y: cell.y + 4, width: cell.width - pad * 2, height: cell.height - 8 });
    label(view, inset(cells[1]!), tr(view, `debrief:table.row.${row}`), { px, bold: true, color: focus ? palette.heading : palette.text, minPx: 12 });
    SEEDS_COLUMNS.forEach((column, c) => {
      label(view, inset(cells[c + 2]!), tr(view, `debrief:table.cell.${row}.${column}`), { px, bold: focus, align: 'center', minPx: 12 });
    });
    // "In short": its own column, or on a narrow panel a line under the row's cells.
    const summaryCell = cells[SEEDS_COLUMNS.length + 2]!;
    const summaryRect = tl.summaryInRow ? { ...summaryCell, y: summaryCell.y - 2 } : inset(summaryCell);
    label(view, summaryRect, tr(view, `debrief:table.summary.${row}`), { px: Math.round(px * 0.95), bold: focus, color: focus ? palette.heading : palette.textMuted, align: 'center', minPx: 12 });
  });

  // Every learning goal of the level (the brief leaves them out so as not to give the answer away).
  const facts = levelFacts(data.level, data.ranking);
  const goals = (data.level.learningGoals ?? []).map((_, index) => learningGoal(view.i18n, data.level, index, facts)).filter(Boolean);
  const goal = goals.length > 1 ? goals.map((text) => `• ${text}`).join('\n') : (goals[0] ?? '');
  const goalLabel = tr(view, 'debrief:table.goalLabel');
  if (goal && tl.goal.height > 0) {
    const labelHeight = Math.round(body * 1.35);
    label(view, { ...tl.goal, height: labelHeight }, goalLabel, { px: body, bold: true, color: palette.heading, minPx: 12 });
    label(view, { ...tl.goal, y: tl.goal.y + labelHeight, height: tl.goal.height - labelHeight }, goal, { px: body, color: palette.text, valign: 'top', minPx: Math.round(body * 0.75) });
  }
  if (tl.note.height > 0) label(view, tl.note, tr(view, 'debrief:table.note'), { px: small, color: palette.textMuted, valign: 'top', minPx: 11 });
  const row = data.focusRow;
  return [tr(view, 'debrief:table.summaryA11y', { row: tr(view, `debrief:table.row.${row}`), summary: tr(view, `debrief:table.summary.${row}`) }), goal ? `${goalLabel} ${goal}` : ''].filter(Boolean);
}
