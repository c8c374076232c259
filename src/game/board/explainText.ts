// The words that explain a piece, a board part or an app card's icon (issue 17): what the screen's callout
// shows on hover, focus and tap, and what screen readers hear as the item's description. From the
// `explain` namespace (locales/<language>/explain.json); one place, so every item says the same.
import type { AppSpec, BuildNode, Piece, RuleViolation } from '../../sim/types';
import { BUNDLE_REQUESTS } from '../../sim/costs';
import type { BoardText } from './boardText';
import { formatNumber } from '../debrief/debriefFormat';


export function explainPiece(text: BoardText, piece: Piece): string {
  return text.t(`explain:piece.${piece}`);
}

/** A piece on the board: what it is, then its kernel and its devices where it has them. */
export function explainNode(text: BoardText, node: BuildNode): string {
  const words = [explainPiece(text, node.piece)];
  if (node.kernel && (node.piece === 'vm' || node.piece === 'host-os')) words.push(text.t(`explain:kernel.${node.kernel}`));
  if (node.piece === 'vm' && node.driver) words.push(text.t(`explain:driver.${node.driver}`));
  return words.join(' ');
}

export function explainHardware(text: BoardText, hardware: { cores: number; memoryGiB: number }): string {
  return text.t('explain:hardware', { cores: hardware.cores, memory: hardware.memoryGiB });
}

/** An app card: where it goes; `pointer`: and that its icons explain themselves to a pointer or a tap. */
export function explainApp(text: BoardText, app: AppSpec, pointer = true): string {
  const where = text.t('explain:app', { app: app.id });
  return pointer ? `${where} ${text.t('explain:appIcons')}` : where;
}

/** The card's icons in one short legend: what keyboard focus shows beside the card (the full words of
 * each icon go to screen readers, hover and tap). */
export function explainLegend(text: BoardText, app: AppSpec, count: number): string {
  return text.t('explain:legend', {
    trust: text.t(`explain:legendTrust.${app.trust}`),
    kernel: text.kernel(app.kernel),
    tenant: app.tenant,
    count,
    disk: formatRate(app.io.disk ?? 0),
    net: formatRate(app.io.net ?? 0),
    syscall: formatRate(app.io.syscall ?? 0),
    bundle: bundleSize(text),
  });
}

const localeOf = (text: BoardText): string => (text.i18n.language === 'ko' ? 'ko-KR' : 'en-US');

/** How many requests one packet stands for: the engine's constant, never a copy in the texts. */
const bundleSize = (text: BoardText): string => formatNumber(BUNDLE_REQUESTS, localeOf(text), 0);

/** One I/O kind's rate: packets a second per instance, and the requests they stand for. */
export function explainRate(text: BoardText, app: AppSpec, kind: 'disk' | 'net' | 'syscall'): string {
  const rate = app.io[kind] ?? 0;
  const requests = formatNumber(Math.round(rate * BUNDLE_REQUESTS), localeOf(text), 0);
  return text.t(`explain:rate.${kind}`, { rate: formatRate(rate), requests, bundle: bundleSize(text) });
}

export function explainTrust(text: BoardText, app: AppSpec): string {
  return text.t(`explain:trust.${app.trust}`);
}

/** The card's words: trust, kernel and tenant. */
export function explainWords(text: BoardText, app: AppSpec): string {
  return [explainTrust(text, app), text.t('explain:appKernel', { kernel: text.kernel(app.kernel) }), text.t('explain:tenant', { tenant: app.tenant })].join(' ');
}

export function explainInstances(text: BoardText, count: number): string {
  return text.t('explain:instances', { count });
}

export function explainProblems(text: BoardText, problems: readonly RuleViolation[]): string {
  return text.t('explain:problems', { list: problems.map((problem) => text.problem(problem)).join(' ') });
}

/** A rate as the card prints it: whole numbers from 10 up, one decimal below. */
export function formatRate(rate: number): string {
  if (rate >= 10) return String(Math.round(rate));
  return String(Math.round(rate * 10) / 10);
}
