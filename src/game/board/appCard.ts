// An app's card, on the board or in the tray: the plate (a stack of dashed container walls for apps in
// containers, a red edge when its tenant was breached, hatching when quarantined), the warning and alarm
// signs, its words (most important first, as many as fit), the I/O mix per second and the instance count.
// The card itself is a focusable CardWidget that says all of it to screen readers.
import Phaser from 'phaser';
import type { AppHosting } from '../../sim/topology';
import type { AppSpec, RuleViolation } from '../../sim/types';
import { fontPx, type Rect } from '../layout';
import { addText } from '../ui/text';
import { fontString, measuredLine, plainLineWidth } from '../ui/textMetrics';
import { markBoardLabel } from '../ui/textAudit';
import { alarmSign, dashedRect, packetShape, warningSign } from './boardDrawing';
import type { BoardParts } from './boardModel';
import { CardWidget } from './CardWidget';
import { explainApp, explainInstances, explainLegend, explainProblems, explainRate, explainTrust, explainWords, formatRate } from './explainText';
import { fitLine } from './panelKit';

/** An app card, on the board or in the tray: its picture outside the focusable card, then the card. */
export function drawAppCard(parts: BoardParts, app: AppSpec, rect: Rect, where: 'board' | 'tray'): CardWidget {
  const { scene, kit, text, colors, model, callbacks } = parts;
  const scale = kit.layout.scale;
  const t = text.t;
  const hosting = model.hostings.get(app.id);
  const problems = model.problemsByApp.get(app.id)?.filter((problem) => problem.code !== 'unplaced-app') ?? [];
  const isSelected = model.selection?.kind === 'app' && model.selection.id === app.id;
  const breached = model.breachedTenants.has(app.tenant);
  const quarantined = model.quarantined.has(app.id);
  const container = where === 'board' && hosting?.kind === 'container';
  // What the card shows; during a run its count and booting words change in place (refreshCounts).
  const shown: CardState = { hosting, problems, breached, quarantined, container, count: model.runningCount?.(app.id) ?? app.instances, booting: model.bootingCount?.(app.id) ?? 0 };
  // The card's picture (walls, plate, edge, hatching) is drawn outside the focusable card.
  const g = scene.add.graphics();
  const state = { x: rect.x, y: rect.y, width: rect.width, height: rect.height };
  const radius = Math.min(kit.layout.radius * 0.7, state.height / 3);
  if (container) {
    // A stack of thin dashed walls: one container per instance.
    const layers = Math.min(3, shown.count) - 1;
    for (let layer = layers; layer >= 1; layer -= 1) {
      const offset = layer * 4 * scale;
      dashedRect(g, { x: state.x + offset, y: state.y - offset, width: state.width - offset, height: state.height }, Math.max(1.5, 2 * scale), colors.containerWall, 0.7, 5 * scale, 4 * scale);
    }
  }
  g.fillStyle(0x000000, kit.palette.shadowAlpha * 0.7);
  g.fillRoundedRect(state.x + 2, state.y + 4 * scale, state.width, state.height, radius);
  g.fillStyle(colors.appCard, 1);
  g.fillRoundedRect(state.x, state.y, state.width, state.height, radius);
  const edge = breached ? colors.danger : isSelected ? colors.selected : colors.appCardEdge;
  const edgeWidth = breached || isSelected ? Math.max(3, 3.5 * scale) : colors.edgeWidth;
  if (container) dashedRect(g, state, Math.max(2, 2.5 * scale), colors.containerWall, 1, 7 * scale, 4 * scale);
  else {
    g.lineStyle(edgeWidth, edge, 1);
    g.strokeRoundedRect(state.x, state.y, state.width, state.height, radius);
  }
  if (container && (breached || isSelected)) {
    g.lineStyle(edgeWidth, edge, 1);
    g.strokeRoundedRect(state.x - 3, state.y - 3, state.width + 6, state.height + 6, radius);
  }
  if (quarantined) {
    g.lineStyle(Math.max(1, scale), colors.warning, 0.55);
    for (let x = state.x; x < state.x + state.width + state.height; x += 12 * scale) {
      g.lineBetween(Math.max(state.x, x - state.height), Math.min(state.y + state.height, state.y + x - state.x), Math.min(x, state.x + state.width), state.y + Math.max(0, x - state.x - state.width));
    }
  }
  const card = new CardWidget(scene, kit, {
    grow: false,
    id: `app-${app.id}`,
    rect,
    radius: kit.layout.radius * 0.7,
    describe: () => {
      const where = hosting ? t('play:board.appWhere', { arch: text.arch(hosting.architecture), node: text.node(hosting.placedOn) }) : t('play:board.appUnplaced');
      const lines = [
        t('play:board.appAria', {
          app: app.id,
          tenant: app.tenant,
          kernel: text.kernel(app.kernel),
          trust: t(`board:trust.${app.trust}`),
          count: shown.count,
          where,
        }),
      ];
      if (problems.length > 0) lines.push(t('play:board.problemsAria', { list: problems.map((problem) => text.problem(problem)).join(' ') }));
      if (breached) lines.push(t('play:board.breached'));
      if (quarantined) lines.push(t('play:board.quarantined'));
      return lines.join(', ');
    },
    onActivate: () => callbacks.onApp(app.id),
    explain: () => explainApp(text, app),
    explainFocus: () => `${explainApp(text, app, false)}\n${explainLegend(text, app, shown.count)}`,
    draw: (g, state) => {
      if (!state.hovered) return;
      g.fillStyle(0xffffff, 0.07);
      g.fillRoundedRect(state.x, state.y, state.width, state.height, Math.min(kit.layout.radius * 0.7, state.height / 3));
    },
  });
  const updateWords = fillAppCard(parts, card, app, rect, shown);
  card.refreshCounts = (running, booting) => {
    // Containers stack up to three walls by the count, in the card's picture.
    if (container && Math.min(3, running) !== Math.min(3, shown.count)) return false;
    return updateWords(running, booting);
  };
  if (where === 'board' && callbacks.onAppPointerDown) {
    const onDown = callbacks.onAppPointerDown;
    card.onPress((pointer: Phaser.Input.Pointer) => onDown(app.id, pointer));
  }
  return card;
}

interface CardState {
  hosting: AppHosting | undefined;
  problems: RuleViolation[];
  breached: boolean;
  quarantined: boolean;
  container: boolean;
  /** Live instances, and instances booting (changed in place during a run). */
  count: number;
  booting: number;
}

/** A card whose inside is narrower than this has no words: three letters at the smallest size (10 px). */
export const MIN_WORDS_WIDTH_PX = 24;

/**
 * The card's words and signs: name, warnings, state, kernel, tenant, architecture, I/O mix, instances.
 * Returns what updates `state`'s count and booting words in place (false: the card must be drawn again).
 */
function fillAppCard(parts: BoardParts, card: CardWidget, app: AppSpec, rect: Rect, state: CardState): (count: number, booting: number) => boolean {
  const { scene, kit, text, colors, model } = parts;
  const scale = kit.layout.scale;
  const t = text.t;
  const pad = Math.round(Math.min(8 * scale, rect.width * 0.06));
  const px = Math.max(11, Math.min(fontPx(kit.layout, 'body'), Math.round(rect.height * 0.22)));
  const small = Math.max(10, Math.round(px * 0.82));
  const signSize = Math.round(Math.min(px * 1.05, rect.width * 0.25));
  const g = scene.add.graphics();
  let right = rect.x + rect.width - pad;
  const signY = rect.y + pad * 0.6 + signSize / 2;
  const signBox = (): Rect => ({ x: right - signSize - 1, y: signY - signSize / 2 - 1, width: signSize + 2, height: signSize + 2 });
  if (state.breached) {
    alarmSign(g, right - signSize / 2, signY, signSize, colors.danger, 0xffffff);
    right -= signSize + 3;
  }
  if (app.trust === 'untrusted') {
    card.explainPart(signBox(), () => explainTrust(text, app));
    warningSign(g, right - signSize / 2, signY, signSize, colors.warning, 0x1b1300);
    right -= signSize + 3;
  }
  if (state.problems.length > 0) {
    const problems = state.problems;
    card.explainPart(signBox(), () => explainProblems(text, problems));
    warningSign(g, right - signSize / 2, signY, signSize, colors.danger, 0xffffff);
    right -= signSize + 3;
  }
  if (rect.width - pad * 2 < MIN_WORDS_WIDTH_PX) {
    // Too narrow for a word at the smallest size (a board of dozens of apps): the plate and signs alone, no
    // labels cut to nothing or spilling onto the next card; the card still says all of it (describe).
    return (running, booting) => {
      state.count = running;
      state.booting = booting;
      return true;
    };
  }
  const name = markBoardLabel(addText(scene, kit, rect.x + pad, rect.y + pad * 0.4, app.id, { fontPx: px, bold: true, color: kit.palette.heading }));
  fitLine(name, Math.max(16, right - rect.x - pad * 1.5), 10);
  // The words, most important first; a narrow card keeps only what fits at a readable size.
  const wordsFor = (booting: number): string[] => {
    const words: string[] = [];
    if (state.breached) words.push(t('play:board.breached'));
    else if (state.quarantined) words.push(t('play:board.quarantined'));
    if (booting > 0 && state.hosting?.kind !== 'vm-per-instance') words.push(`${t('play:board.booting')} ${booting}`);
    if (model.pulling?.has(app.id)) words.push(t('play:board.pulling'));
    // Every card says the same things in the same order (trust, kernel, tenant, then where it runs), so cards
    // compare at a glance; only the colour and the sign add to an untrusted app's words.
    words.push(app.trust === 'untrusted' ? t('play:board.untrusted') : t('playui:card.trusted'));
    words.push(text.kernel(app.kernel));
    words.push(t('play:board.tenant', { tenant: app.tenant }));
    if (state.hosting) words.push(text.arch(state.hosting.architecture));
    return words;
  };
  const detailColor = state.breached ? '#ff9a9a' : app.trust === 'untrusted' ? '#ffc37a' : kit.palette.textMuted;
  const detail = markBoardLabel(addText(scene, kit, rect.x + pad, name.y + name.height - 3, '', { fontPx: small, color: detailColor, bold: state.breached || app.trust === 'untrusted' }));
  const maxWidth = rect.width - pad * 2;
  // One size on every card (cards side by side read alike): as many of the words as fit at it, in order.
  const detailPx = Math.max(10, Math.round(small * 0.9));
  detail.setFontSize(detailPx);
  const setWords = (words: string[]) => {
    for (let count = words.length; count >= 1; count -= 1) {
      const line = words.slice(0, count).join(' · ');
      // Measured before it is set: each setText lays out and paints the label's canvas again.
      const width = plainLineWidth(detail, line);
      if (width !== null && width > maxWidth && count > 1) continue;
      detail.setText(line);
      if (detail.width <= maxWidth) break;
    }
  };
  setWords(wordsFor(state.booting));
  fitLine(detail, maxWidth, 9);
  const detailFontSize = detail.style.fontSize;
  /** The booting words again, at the size the card chose (false: they no longer fit it). */
  const updateDetail = (booting: number): boolean => {
    if (booting === state.booting || state.hosting?.kind === 'vm-per-instance') return true;
    state.booting = booting;
    setWords(wordsFor(booting));
    return detail.style.fontSize === detailFontSize && detail.width <= maxWidth;
  };
  card.explainPart({ x: detail.x, y: detail.y, width: detail.width, height: detail.height }, () => explainWords(text, app));
  // The I/O mix: packet shapes with the rate per second of each kind, and the instance count.
  const ioY = rect.y + rect.height - pad * 0.5 - small * 0.7;
  const count = markBoardLabel(addText(scene, kit, rect.x + rect.width - pad, ioY, t('play:board.instances', { count: state.count }), { fontPx: small, bold: true, color: kit.palette.heading, originX: 1, originY: 0.5 }));
  // The row goes only where its letters clear the words' letters (the padding above and below may touch):
  // a short card (Korean words stand taller) keeps its words and leaves the rates to the description.
  const detailBottom = detail.y + detail.height - (detail.padding.bottom ?? 0);
  if (ioY - count.height / 2 + (count.padding.top ?? 0) < detailBottom) {
    count.destroy();
    return (running, booting) => {
      state.count = running;
      return updateDetail(booting);
    };
  }
  // Room for the count to grow by a digit during a run without touching the I/O row (refreshCounts).
  const countRoom = count.width + small * 0.62;
  const update = (running: number, booting: number): boolean => {
    if (!updateDetail(booting)) return false;
    if (running === state.count) return true;
    state.count = running;
    count.setText(t('play:board.instances', { count: running }));
    return count.width <= countRoom;
  };
  const shape = Math.max(8, small * 0.8);
  const values = (['disk', 'net', 'syscall'] as const).map((kind) => formatRate(app.io[kind] ?? 0));
  // The rates' width as a Text of them would have it (addText pads only above and below).
  const ratesWidth = measuredLine(fontString('normal', `${small}px`, kit.fontFamily), values.join('')) ?? values.join('').length * small;
  const needed = ratesWidth + 3 * (shape * 0.75 + small * 0.7) + small * 0.5;
  card.explainPart({ x: count.x - count.width, y: count.y - count.height / 2, width: count.width, height: count.height }, () => explainInstances(text, state.count));
  if (needed > rect.width - pad * 2 - countRoom - 4) return update;
  let x = rect.x + pad + small * 0.5;
  values.forEach((value, index) => {
    packetShape(g, index, x, ioY, shape, colors.packets[index], colors.outline);
    const label = markBoardLabel(addText(scene, kit, x + shape * 0.75, ioY, value, { fontPx: small, color: kit.palette.text, originY: 0.5 }));
    const kind = (['disk', 'net', 'syscall'] as const)[index]!;
    const left = x - shape * 0.6;
    card.explainPart({ x: left, y: ioY - Math.max(shape, label.height) / 2, width: x + shape * 0.75 + label.width + small * 0.35 - left, height: Math.max(shape, label.height) }, () => explainRate(text, app, kind));
    x += shape * 0.75 + label.width + small * 0.7;
  });
  return update;
}
