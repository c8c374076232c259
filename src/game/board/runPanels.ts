// The run phase's panels: speed buttons and the packet legend, live metrics (updated a few times a second,
// never per frame), the selected app's actions (scale, driver, move, block, quarantine), the event log, the
// clock, the banner over the board (bursts, pause, what to choose), and back-to-building / skip-to-end.
import type Phaser from 'phaser';
import type { AppSpec, PacketKind } from '../../sim/types';
import { PACKET_KINDS } from '../../sim/types';
import type { RunSession } from '../play/RunSession';
import type { Speed } from '../play/runClock';
import { logText } from '../play/runLog';
import { fontPx, splitRow, type Rect } from '../layout';
import { Button } from '../ui/Button';
import { drawPanel, panelStyle } from '../ui/drawing';
import { addText, fitText, setFittedText, setTextColor } from '../ui/text';
import { pictureArea } from '../ui/picture';
import { boardColors } from './boardTheme';
import { dropMark, packetShape } from './boardDrawing';
import { hypercallMark, vmExitMark } from './runMarks';
import { packetSizeFor, packetTextureKey, ensurePacketTextures } from './PacketLayer';
import { ColumnCursor, livePicture, markLive, panelPlate, tr, type PanelContext } from './panelKit';

export interface SpeedOptions {
  speed: Speed;
  portrait: boolean;
  setSpeed(speed: Speed): void;
  togglePause(): void;
}

/** Where the speed buttons and the legend go in the palette's rectangle (inside its plate in landscape). */
export function speedArea(kit: PanelContext['kit'], rect: Rect, portrait: boolean): Rect {
  const pad = Math.round(kit.layout.gap * 0.8);
  return portrait ? rect : { x: rect.x + pad, y: rect.y + pad * 0.7, width: rect.width - pad * 2, height: rect.height - pad * 1.4 };
}

/** The plate under the speed buttons and the legend (landscape only). */
export function speedPlate(context: PanelContext, rect: Rect, portrait: boolean): void {
  if (!portrait) panelPlate(context, rect);
}

/** Pause, 1×, 2×, 4× and the legend of packet shapes, in `inner` (speedArea; the plate is speedPlate's). */
export function drawSpeedAndLegend(context: PanelContext, inner: Rect, options: SpeedOptions): void {
  const { kit, scene } = context;
  const { layout, palette } = kit;
  const px = fontPx(layout, 'small');
  const speedArea = options.portrait ? { ...inner, width: Math.round(inner.width * 0.55) } : inner;
  const cursor = new ColumnCursor(speedArea, Math.round(layout.gap * 0.5));
  if (!options.portrait) cursor.heading(context, tr(context, 'play:run.speed'));
  const cellHeight = Math.round(Math.min(layout.buttonHeight, options.portrait ? (speedArea.height - cursor.gap) / 2 : layout.buttonHeight));
  // Pause (or resume) across the first row, the three speeds in the second.
  const pauseRect = cursor.take(cellHeight);
  const [oneRect, twoRect, fourRect] = splitRow(cursor.take(cellHeight), 3, Math.round(cursor.gap * 0.6));
  const paused = options.speed === 0;
  new Button(scene, kit, {
    id: 'speed-pause',
    rect: pauseRect,
    label: paused ? tr(context, 'play:run.resume') : tr(context, 'play:run.pause'),
    ariaLabel: `${paused ? tr(context, 'play:run.resume') : tr(context, 'play:run.pause')} (Space)`,
    sublabel: options.portrait ? undefined : 'Space',
    selected: paused,
    fontPx: Math.round(px * 0.95),
    onActivate: options.togglePause,
  });
  const speedButton = (id: string, rect: Rect, speed: Speed) =>
    new Button(scene, kit, {
      id,
      rect,
      label: `${speed}×`,
      ariaLabel: `${tr(context, 'play:run.speed')} ${tr(context, 'play:run.times', { speed })} (${speed})${options.speed === speed ? `, ${kit.words.selected}` : ''}`,
      variant: options.speed === speed ? 'primary' : 'normal',
      fontPx: Math.round(px * 1.05),
      onActivate: () => options.setSpeed(speed),
    });
  speedButton('speed-1', oneRect, 1);
  speedButton('speed-2', twoRect, 2);
  speedButton('speed-4', fourRect, 4);
  // The legend: each packet kind by its shape and colour, and the drop mark.
  const legendArea = options.portrait
    ? { x: inner.x + speedArea.width + layout.gap, y: inner.y, width: inner.width - speedArea.width - layout.gap, height: inner.height }
    : { x: inner.x, y: cursor.y + layout.gap * 0.5, width: inner.width, height: inner.y + inner.height - cursor.y - layout.gap * 0.5 };
  const legend = new ColumnCursor(legendArea, Math.round(layout.gap * 0.25));
  if (legend.remaining > px * 2) legend.heading(context, tr(context, 'play:run.legend'));
  const size = packetSizeFor(kit);
  const colors = boardColors(palette);
  ensurePacketTextures(scene, size, colors);
  const entries: Array<{ label: string; draw: (x: number, y: number) => void }> = PACKET_KINDS.map((kind, index) => ({
    label: context.text.packet(kind),
    draw: (x: number, y: number) => scene.add.image(x, y, packetTextureKey(index, size)),
  }));
  entries.push({
    label: tr(context, 'play:run.dropped'),
    draw: (x: number, y: number) => {
      const g = scene.add.graphics();
      dropMark(g, x, y, size * 0.8, colors.drop, 0x000000);
    },
  });
  // The marks of a VM's exit (issue 17 item 3): a hypercall's diamond, a trapped exit's ring.
  entries.push({
    label: tr(context, 'runviz:legend.hypercall'),
    draw: (x: number, y: number) => hypercallMark(scene.add.graphics(), x, y, size + 4, colors.outline),
  });
  entries.push({
    label: tr(context, 'runviz:legend.vmExit'),
    draw: (x: number, y: number) => {
      const g = scene.add.graphics();
      packetShape(g, 0, x, y, size * 0.7, colors.packets[0], colors.outline);
      vmExitMark(g, x, y, size + 6, colors.warning, colors.outline);
    },
  });
  // One column where every entry fits at the smallest row; else two side by side (a portrait screen's legend
  // is short: one column left out the hypercall and VM-exit marks).
  const minRow = size * 1.2;
  const columns = legend.remaining >= entries.length * (minRow + legend.gap) || legendArea.width < size * 16 ? 1 : 2;
  const perColumn = Math.ceil(entries.length / columns);
  const rowHeight = Math.max(minRow, Math.min(Math.max(size * 1.6, px * 1.35), (legend.remaining - legend.gap * perColumn) / perColumn));
  const columnGap = Math.round(layout.gap * 0.6);
  // The packet kinds' names are short, the marks' long: the second column gets the wider share.
  const firstWidth = columns === 1 ? legendArea.width : Math.round((legendArea.width - columnGap) * 0.4);
  const top = legend.y;
  const bottom = legendArea.y + legendArea.height;
  entries.forEach((entry, index) => {
    const column = Math.floor(index / perColumn);
    const x = column === 0 ? legendArea.x : legendArea.x + firstWidth + columnGap;
    const width = column === 0 ? firstWidth : legendArea.width - firstWidth - columnGap;
    const row = { x, y: top + (index % perColumn) * (rowHeight + legend.gap), width, height: rowHeight };
    if (row.y + row.height > bottom + 0.5) return;
    entry.draw(row.x + size * 0.7, row.y + row.height / 2);
    const label = addText(scene, kit, row.x + size * 1.7, row.y + row.height / 2, entry.label, { fontPx: Math.round(px * 0.9), color: palette.text, originY: 0.5 });
    fitText(label, row.width - size * 1.8, row.height, 9);
  });
}

export interface MetricsHandle {
  update(session: RunSession, extra?: { inFlight?: number; target?: number }): void;
}

/** Live numbers: time left, delivered, dropped, p95 by kind, memory now, breaches (and packets in flight). */
export function drawMetrics(context: PanelContext, area: Rect, withInFlight: boolean): MetricsHandle {
  const { kit, scene } = context;
  const { layout, palette } = kit;
  const px = fontPx(layout, 'small');
  const cursor = new ColumnCursor(area, Math.round(layout.gap * 0.2));
  cursor.heading(context, tr(context, 'play:run.live'));
  const rows: Array<{ key: string; label: string }> = [
    { key: 'time', label: tr(context, 'play:run.timeLeft') },
    { key: 'delivered', label: tr(context, 'play:run.delivered') },
    { key: 'dropped', label: tr(context, 'play:run.dropped') },
    ...PACKET_KINDS.map((kind) => ({ key: `p95-${kind}`, label: `${tr(context, 'play:run.p95')} · ${context.text.packet(kind)}` })),
    { key: 'memory', label: tr(context, 'play:run.memoryNow') },
    { key: 'breaches', label: tr(context, 'play:run.breaches') },
  ];
  if (withInFlight) rows.unshift({ key: 'inFlight', label: tr(context, 'play:run.inFlight') });
  const rowHeight = Math.round(Math.max(px * 1.05, Math.min(px * 1.32, cursor.remaining / rows.length - cursor.gap)));
  const values = new Map<string, Phaser.GameObjects.Text>();
  for (const row of rows) {
    if (cursor.remaining < rowHeight) break;
    const rect = cursor.take(rowHeight);
    const label = addText(scene, kit, rect.x, rect.y + rect.height / 2, row.label, { fontPx: Math.round(px * 0.92), color: palette.textMuted, originY: 0.5 });
    fitText(label, rect.width * 0.62, rect.height, 9);
    const value = markLive(addText(scene, kit, rect.x + rect.width, rect.y + rect.height / 2, '–', { fontPx: Math.round(px * 0.98), bold: true, color: palette.text, originX: 1, originY: 0.5 }));
    values.set(row.key, value);
  }
  const set = (key: string, text: string, color?: string) => {
    const value = values.get(key);
    if (!value) return;
    if (value.text !== text) value.setText(text);
    if (color && value.style.color !== color) value.setColor(color);
  };
  return {
    update(session, extra) {
      const simulation = session.simulation;
      const metrics = simulation.metrics();
      const leftSeconds = Math.max(0, (simulation.totalTicks - simulation.tick) * simulation.tickMs / 1000);
      set('time', tr(context, 'play:run.seconds', { value: leftSeconds >= 100 ? Math.round(leftSeconds) : leftSeconds.toFixed(1) }));
      set('delivered', String(metrics.delivered));
      set('dropped', String(metrics.dropped), metrics.dropped > 0 ? '#ff9a9a' : palette.text);
      for (const kind of PACKET_KINDS) {
        const value = metrics.byKind[kind].p95LatencyUs;
        set(`p95-${kind}`, metrics.byKind[kind].delivered > 0 ? tr(context, 'play:run.microseconds', { value: value >= 100 ? Math.round(value) : value.toFixed(1) }) : tr(context, 'play:run.none'));
      }
      const memory = simulation.memoryNowGiB();
      set('memory', `${tr(context, 'play:run.gib', { value: Math.round(memory * 10) / 10 })} / ${session.level.hardware.memoryGiB}`);
      set('breaches', String(metrics.breachedTenants), metrics.breachedTenants > 0 ? '#ff9a9a' : palette.text);
      if (extra?.inFlight !== undefined) {
        set('inFlight', extra.target !== undefined ? `${extra.inFlight} / ${extra.target}` : String(extra.inFlight));
      }
    },
  };
}

export interface ActionsOptions {
  app: AppSpec | null;
  session: RunSession;
  /** The block chooser: null (closed), 'kind' (choose a kind), or a kind (choose a layer). */
  blockStep: null | 'kind' | PacketKind;
  /** Layers a packet kind of the app passes, as node ids. */
  layersFor(kind: PacketKind): string[];
  scale(step: 1 | -1): void;
  switchDriver(): void;
  driverTarget: { driver: 'para' | 'emulated' } | null;
  move(): void;
  openBlock(): void;
  chooseKind(kind: PacketKind): void;
  blockAt(node: string): void;
  cancelBlock(): void;
  quarantine(): void;
}

/** What the player can do to the selected app during the run. */
export function drawActions(context: PanelContext, area: Rect, options: ActionsOptions): void {
  const { kit, scene } = context;
  const { layout, palette } = kit;
  const px = fontPx(layout, 'small');
  const cursor = new ColumnCursor(area, Math.round(layout.gap * 0.4));
  cursor.heading(context, tr(context, 'play:run.actions'));
  const app = options.app;
  if (!app) {
    cursor.paragraph(context, tr(context, 'play:run.selectApp'), { px, color: palette.textMuted });
    return;
  }
  const session = options.session;
  const live = session.liveCount(app.id);
  const title = addText(scene, kit, cursor.area.x, cursor.y, tr(context, 'play:run.appTitle', { app: app.id, count: live }), { fontPx: px, bold: true, color: palette.text });
  fitText(title, area.width, px * 1.5, 10);
  cursor.y += title.height + cursor.gap;
  const rowHeight = Math.round(Math.min(layout.buttonHeight * 0.8, Math.max(34, (cursor.remaining - cursor.gap * 4) / 4)));
  const buttonPx = Math.round(px * 0.92);
  const row = (count: number) => (cursor.remaining >= rowHeight ? splitRow(cursor.take(rowHeight), count, Math.round(layout.gap * 0.4)) : null);
  if (options.blockStep === 'kind') {
    const cells = row(3);
    if (cells) {
      PACKET_KINDS.forEach((kind, index) => new Button(scene, kit, { id: `block-kind-${kind}`, rect: cells[index], label: context.text.packet(kind), fontPx: buttonPx, onActivate: () => options.chooseKind(kind) }));
    }
    const cancel = row(1);
    if (cancel) new Button(scene, kit, { id: 'block-cancel', rect: cancel[0], label: tr(context, 'play:run.cancel'), fontPx: buttonPx, onActivate: options.cancelBlock });
    return;
  }
  if (options.blockStep) {
    const kind = options.blockStep;
    const label = addText(scene, kit, cursor.area.x, cursor.y, tr(context, 'play:run.blockAt', { kind: context.text.packet(kind) }), { fontPx: Math.round(px * 0.9), color: palette.textMuted });
    fitText(label, area.width, px * 1.4, 9);
    cursor.y += label.height + cursor.gap * 0.5;
    const layers = options.layersFor(kind);
    for (let index = 0; index < layers.length; index += 2) {
      const cells = row(Math.min(2, layers.length - index));
      if (!cells) break;
      cells.forEach((cell, offset) => {
        const node = layers[index + offset];
        new Button(scene, kit, { id: `block-at-${node}`, rect: cell, label: context.text.node(node), fontPx: buttonPx, onActivate: () => options.blockAt(node) });
      });
    }
    const cancel = row(1);
    if (cancel) new Button(scene, kit, { id: 'block-cancel', rect: cancel[0], label: tr(context, 'play:run.cancel'), fontPx: buttonPx, onActivate: options.cancelBlock });
    return;
  }
  const quarantined = session.quarantined.has(app.id);
  const scaleRow = row(2);
  if (scaleRow) {
    new Button(scene, kit, { id: 'act-scale-down', rect: scaleRow[0], label: tr(context, 'play:run.scaleDown'), ariaLabel: `${tr(context, 'play:run.scaleDown')} (−)`, fontPx: buttonPx, enabled: live > 0, onActivate: () => options.scale(-1) });
    new Button(scene, kit, { id: 'act-scale-up', rect: scaleRow[1], label: tr(context, 'play:run.scaleUp'), ariaLabel: `${tr(context, 'play:run.scaleUp')} (+)`, fontPx: buttonPx, onActivate: () => options.scale(1) });
  }
  const moveRow = row(2);
  if (moveRow) {
    new Button(scene, kit, { id: 'act-move', rect: moveRow[0], label: tr(context, 'play:run.move'), fontPx: buttonPx, onActivate: options.move });
    new Button(scene, kit, { id: 'act-block', rect: moveRow[1], label: tr(context, 'play:run.block'), fontPx: buttonPx, onActivate: options.openBlock });
  }
  const lastRow = row(options.driverTarget ? 2 : 1);
  if (lastRow) {
    new Button(scene, kit, {
      id: 'act-quarantine',
      rect: lastRow[0],
      label: quarantined ? tr(context, 'play:run.release') : tr(context, 'play:run.quarantine'),
      ariaLabel: `${quarantined ? tr(context, 'play:run.release') : tr(context, 'play:run.quarantine')} (Q)`,
      fontPx: buttonPx,
      onActivate: options.quarantine,
    });
    if (options.driverTarget && lastRow[1]) {
      new Button(scene, kit, {
        id: 'act-driver',
        rect: lastRow[1],
        label: tr(context, 'play:run.switchDriver', { driver: tr(context, `play:board.driverShort.${options.driverTarget.driver}`) }),
        fontPx: buttonPx,
        onActivate: options.switchDriver,
      });
    }
  }
}

export interface LogHandle {
  update(session: RunSession): void;
}

/** The event log in the strip under the board: the newest lines that fit, oldest at the top (a cause above
 * its effect); long lines wrap, all at one size. */
export function drawLog(context: PanelContext, rect: Rect, nodeName: (id: string) => string): LogHandle {
  const { kit, scene } = context;
  const { layout, palette } = kit;
  panelPlate(context, rect, 0.9);
  const pad = Math.round(layout.gap * 0.6);
  const px = fontPx(layout, 'small');
  const title = addText(scene, kit, rect.x + pad, rect.y + pad * 0.4, tr(context, 'play:run.events'), { fontPx: px, bold: true, color: palette.heading });
  fitText(title, rect.width - pad * 2, px * 1.5, 10);
  const top = title.y + title.height + pad * 0.1;
  const bottom = rect.y + rect.height - pad * 0.4;
  const linePx = Math.round(px * 0.92);
  const lines: Phaser.GameObjects.Text[] = [];
  const line = (index: number) => {
    let text = lines[index];
    if (!text) {
      text = markLive(addText(scene, kit, rect.x + pad, top, '', { fontPx: linePx, color: palette.text, wrapWidth: rect.width - pad * 2, lineSpacing: 0 }));
      lines.push(text);
    }
    return text;
  };
  const colors: Record<string, string> = { alert: '#ff9a9a', warn: '#ffd28a', good: '#8ff0b8', info: palette.text };
  let shownLength = -1;
  let shownLanguage = '';
  return {
    update(session) {
      if (session.log.length === shownLength && shownLanguage === context.i18n.language) return;
      shownLength = session.log.length;
      shownLanguage = context.i18n.language;
      let y = top;
      let used = 0;
      if (session.log.length === 0) {
        setTextColor(line(0).setText(tr(context, 'play:run.noEvents')), palette.textMuted).setY(y).setVisible(true);
        used = 1;
      }
      // The newest lines that fit, in the order they happened: a cause (an attack) above its effect (the
      // breach or the wall that held), the newest line at the bottom.
      const fitted: Phaser.GameObjects.Text[] = [];
      let height = 0;
      for (let index = session.log.length - 1; index >= 0; index -= 1) {
        const entry = session.log[index];
        const text = setTextColor(line(used).setText(logText(context.i18n, entry, nodeName)), colors[entry.severity] ?? palette.text);
        if (top + height + text.height > bottom + 2 && used > 0) break;
        fitted.push(text);
        height += text.height;
        used += 1;
      }
      for (const text of fitted.reverse()) {
        text.setY(y).setVisible(true);
        y += text.height;
      }
      for (let index = used; index < lines.length; index += 1) lines[index].setVisible(false);
    },
  };
}

/** Back to building and skip to end (stacked in landscape). */
export function drawRunTools(context: PanelContext, rect: Rect, portrait: boolean, back: () => void, skip: (() => void) | null): void {
  const { kit, scene } = context;
  const gap = Math.round(kit.layout.gap * 0.5);
  const px = fontPx(kit.layout, 'small');
  const count = skip ? 2 : 1;
  const cells = portrait
    ? splitRow(rect, count, gap)
    : Array.from({ length: count }, (_, index) => ({ x: rect.x, y: Math.round(rect.y + rect.height - (count - index) * ((rect.height - 2 * gap) / 3 + gap) + gap), width: rect.width, height: Math.round((rect.height - 2 * gap) / 3) }));
  new Button(scene, kit, { id: 'run-back', rect: cells[0], label: tr(context, 'play:run.back'), sublabel: portrait ? undefined : 'B', icon: 'back', fontPx: px, onActivate: back });
  if (skip) new Button(scene, kit, { id: 'run-skip', rect: cells[1], label: tr(context, 'play:run.skip'), sublabel: portrait ? undefined : 'S', icon: 'next', fontPx: px, onActivate: skip });
}

export interface ClockHandle {
  update(session: RunSession): void;
}

/** The run's clock: elapsed of total seconds with a progress bar. */
export function drawClock(context: PanelContext, rect: Rect): ClockHandle {
  const { kit, scene } = context;
  const { layout, palette } = kit;
  panelPlate(context, rect);
  const pad = Math.round(layout.gap * 0.6);
  const text = markLive(addText(scene, kit, rect.x + rect.width / 2, rect.y + rect.height * 0.4, '', { fontPx: fontPx(layout, 'heading'), bold: true, color: palette.heading, originX: 0.5, originY: 0.5 }));
  const bar = markLive(scene.add.graphics());
  const picture = livePicture(scene, bar);
  const barRect = { x: rect.x + pad, y: rect.y + rect.height - pad - Math.max(6, 9 * layout.scale), width: rect.width - pad * 2, height: Math.max(6, 9 * layout.scale) };
  let shown = '';
  let shownTick = -1;
  return {
    update(session) {
      const simulation = session.simulation;
      if (simulation.tick === shownTick) return;
      shownTick = simulation.tick;
      const elapsed = (simulation.tick * simulation.tickMs) / 1000;
      const total = (simulation.totalTicks * simulation.tickMs) / 1000;
      const label = `${elapsed.toFixed(1)} / ${total} s`;
      picture.release();
      if (label !== shown) {
        shown = label;
        text.setText(label);
        fitText(text, rect.width - pad * 2, rect.height * 0.6, 12);
      }
      bar.clear();
      bar.fillStyle(palette.track, 1);
      bar.fillRoundedRect(barRect.x, barRect.y, barRect.width, barRect.height, barRect.height / 2);
      bar.fillStyle(palette.trackFill, 1);
      bar.fillRoundedRect(barRect.x, barRect.y, Math.max(barRect.height, (barRect.width * simulation.tick) / simulation.totalTicks), barRect.height, barRect.height / 2);
      picture.take([text, bar], pictureArea(rect.x, rect.y, rect.width, rect.height, 2));
    },
  };
}

export interface BannerHandle {
  update(content: string, tone: 'info' | 'alert' | 'action'): void;
}

/** The band above the board during a run. */
export function drawBanner(context: PanelContext, rect: Rect): BannerHandle {
  const { kit, scene } = context;
  const { layout, palette } = kit;
  const g = markLive(scene.add.graphics());
  const picture = livePicture(scene, g);
  const pad = Math.round(layout.gap * 0.8);
  const text = markLive(addText(scene, kit, rect.x + pad, rect.y + rect.height / 2, '', { fontPx: fontPx(layout, 'small'), bold: true, color: palette.text, originY: 0.5 }));
  let shown = '';
  let shownTone = '';
  const colors = boardColors(palette);
  return {
    update(content, tone) {
      if (content === shown && tone === shownTone) return;
      shown = content;
      shownTone = tone;
      picture.release();
      g.clear();
      const fill = tone === 'alert' ? 0x5a1f12 : tone === 'action' ? 0x123e4a : palette.panel;
      const border = tone === 'alert' ? colors.warning : tone === 'action' ? colors.target : palette.panelBorder;
      drawPanel(g, rect, panelStyle(palette, layout, { radius: layout.radius, fill, border }));
      setTextColor(text, tone === 'alert' ? '#ffe2c2' : tone === 'action' ? '#dffcff' : palette.text);
      setFittedText(text, content, fontPx(layout, 'small'), 10, rect.width - pad * 2, rect.height - 4);
      // The panel's shadow reaches below and beside it.
      picture.take([g, text], pictureArea(rect.x, rect.y, rect.width, rect.height, Math.ceil(12 * layout.scale) + 2));
    },
  };
}
