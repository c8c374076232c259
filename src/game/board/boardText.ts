// Localized names of what stands on the board: pieces, numbered nodes ("Virtual machine 2"), kernels,
// drivers, architectures, and short descriptions for screen readers. One place, so the board, the panels
// and the announcements name things the same way.
import type { GameI18n } from '../../i18n/createI18n';
import { reasonText, translateOr } from '../../i18n/dynamicText';
import type { BuildNode, Piece, RuleViolation } from '../../sim/types';

export class BoardText {
  constructor(
    readonly i18n: GameI18n,
    private readonly nodes: () => readonly BuildNode[],
  ) {}

  get t(): (key: string, params?: object) => string {
    return this.i18n.t as (key: string, params?: object) => string;
  }

  piece(piece: Piece): string {
    return translateOr(this.i18n, `board:piece.${piece}.name`, piece);
  }

  kernel(kernel: string | undefined): string {
    return kernel ? translateOr(this.i18n, `board:kernel.${kernel}`, kernel) : '';
  }

  driver(driver: string | undefined): string {
    return driver ? translateOr(this.i18n, `board:driver.${driver}.name`, driver) : '';
  }

  arch(arch: string): string {
    return translateOr(this.i18n, `board:arch.${arch}.name`, arch);
  }

  packet(kind: string): string {
    return translateOr(this.i18n, `board:packet.${kind}.name`, kind);
  }

  /** "Host OS", or "Virtual machine 2" when the build has more than one of that piece. */
  node(id: string): string {
    if (id === 'hardware') return this.t('play:board.hardware');
    const nodes = this.nodes();
    const node = nodes.find((entry) => entry.id === id);
    if (!node) return id;
    const same = nodes.filter((entry) => entry.piece === node.piece);
    const name = this.piece(node.piece);
    if (same.length <= 1) return name;
    return this.t('play:board.nodeName', { piece: name, number: same.indexOf(node) + 1 });
  }

  problem(violation: RuleViolation): string {
    return reasonText(this.i18n, violation.code, { ...(violation.params ?? {}), app: violation.app, node: violation.node ? this.node(violation.node) : undefined });
  }
}
