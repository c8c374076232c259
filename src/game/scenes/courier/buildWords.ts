// What the build phase says: the words for an input result (screen readers hear them), the problems in
// the order the side panel lists them, and the hint bar's instruction while a piece or an app is placed.
import { translateOr } from '../../../i18n/dynamicText';
import type { GameI18n } from '../../../i18n/createI18n';
import type { Piece, RuleViolation } from '../../../sim/types';
import type { BoardText } from '../../board/boardText';
import type { PlacementPreview } from '../../play/BuildEditor';
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

/** What dropping an app on a target would make ("one VM per instance: 2 VMs", "shares VM 1 with web"), or
 * the rule it would break there; `blocked` when it breaks one. */
export function previewText(text: BoardText, preview: PlacementPreview): { text: string; blocked: boolean } {
  const first = preview.blockers[0];
  if (first) return { text: text.t('playui:preview.blocked', { reason: text.problem(first) }), blocked: true };
  const apps = preview.shares.join(', ');
  switch (preview.kind) {
    case 'vm-per-instance':
      return { text: text.t('playui:preview.vmPerInstance', { count: preview.instances }), blocked: false };
    case 'vm-process':
      return { text: apps ? text.t('playui:preview.sharesVm', { apps }) : text.t('playui:preview.ownVm'), blocked: false };
    case 'container':
      return { text: text.t('playui:preview.container', { count: preview.instances }), blocked: false };
    case 'native':
      return { text: apps ? text.t('playui:preview.sharesKernel', { apps }) : text.t('playui:preview.native'), blocked: false };
    default:
      return { text: text.t('playui:preview.cannot'), blocked: true };
  }
}

/** What a placed app is on, in one line for its inspector: one VM per instance, a VM shared with others… */
export function hostingLine(text: BoardText, preview: PlacementPreview): string {
  const apps = preview.shares.join(', ');
  const node = text.node(preview.on);
  switch (preview.kind) {
    case 'vm-per-instance':
      return text.t('playui:inspector.vmPerInstance', { count: preview.instances, node });
    case 'vm-process':
      return apps ? text.t('playui:inspector.sharesVm', { node, apps }) : text.t('playui:inspector.ownVm', { node });
    case 'container':
      return text.t('playui:inspector.container', { count: preview.instances, node });
    case 'native':
      return apps ? text.t('playui:inspector.sharesKernel', { node, apps }) : text.t('playui:inspector.native', { node });
    default:
      return '';
  }
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
