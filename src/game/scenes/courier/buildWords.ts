// What the build phase says: the words for an input result (screen readers hear them), the problems in
// the order the side panel lists them, and the hint bar's instruction while a piece or an app is placed.
import { translateOr } from '../../../i18n/dynamicText';
import type { GameI18n } from '../../../i18n/createI18n';
import type { Piece, RuleViolation } from '../../../sim/types';
import type { BoardText } from '../../board/boardText';
import type { InputResult, PlacingMode } from '../../play/buildInput';

/** Problems of the whole build first, then those of one piece or app. */
export function orderedProblems(violations: RuleViolation[]): RuleViolation[] {
  const global = violations.filter((violation) => !violation.app && !violation.node);
  return [...global, ...violations.filter((violation) => violation.app || violation.node)];
}

/** The hint bar's instruction while placing, or null. */
export function placingInstruction(text: BoardText, mode: PlacingMode, keys = true): string | null {
  if (mode.kind === 'piece') return text.t(keys ? 'play:build.placingPiece' : 'playui:touch.placingPiece', { piece: text.piece(mode.piece) });
  if (mode.kind === 'app') return text.t(keys ? 'play:build.placingApp' : 'playui:touch.placingApp', { app: mode.app });
  return null;
}

/** The sentence for an input result (`play:say.*`), or '' when it says nothing. */
export function sayText(i18n: GameI18n, text: BoardText, result: InputResult): string {
  if (!result.say) return '';
  const params: Record<string, string | number> = {};
  if (result.piece) params.piece = text.piece(result.piece);
  if (result.node) params.node = text.node(result.node);
  if (result.app) params.app = result.app;
  if (result.kernel) params.kernel = text.kernel(result.kernel);
  if (result.driver) params.driver = text.driver(result.driver);
  if (result.count !== undefined) params.count = result.count;
  if (result.say === 'noSupport' && result.piece) return needsText(i18n, result.piece);
  if (result.say === 'selectedApp' || result.say === 'selectionCleared') return text.t(`playui:say.${result.say}`, params);
  return text.t(`play:say.${result.say}`, params);
}

/** Why a piece has nowhere to stand: the support it needs. */
function needsText(i18n: GameI18n, piece: Piece): string {
  const code = piece === 'vm' ? 'needs-hypervisor' : piece === 'container-engine' ? 'needs-kernel' : piece === 'type2-hypervisor' ? 'needs-host-os' : 'hardware-occupied';
  return translateOr(i18n, `board:reason.${code}`, code);
}
