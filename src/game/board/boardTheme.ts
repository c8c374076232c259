// The board's colours, derived from the screen palette: one fill per piece, wall and highlight colours, and
// the packet colours (Okabe–Ito, safe for colour-blind eyes; packet kinds also differ by shape).
import type { Piece } from '../../sim/types';
import type { Palette } from '../theme';

export interface BoardColors {
  surface: number;
  surfaceEdge: number;
  hardware: number;
  piece: Record<Piece, number>;
  pieceEdge: number;
  edgeWidth: number;
  wall: number;
  containerWall: number;
  appCard: number;
  appCardEdge: number;
  target: number;
  selected: number;
  warning: number;
  danger: number;
  good: number;
  /** Packet colours by kind index: disk, net, syscall. */
  packets: [number, number, number];
  drop: number;
  outline: number;
}

/** Okabe–Ito: orange, sky blue, yellow; vermillion for drops. */
export const PACKET_COLORS: [number, number, number] = [0xe69f00, 0x56b4e9, 0xf0e442];
export const DROP_COLOR = 0xd55e00;

export function boardColors(palette: Palette): BoardColors {
  const projector = palette.background === 0x000000;
  if (projector) {
    return {
      surface: 0x000000,
      surfaceEdge: 0xffffff,
      hardware: 0x202020,
      piece: { 'host-os': 0x003a80, 'type1-hypervisor': 0x4a0080, 'type2-hypervisor': 0x005050, vm: 0x005a20, 'container-engine': 0x00486e },
      pieceEdge: 0xffffff,
      edgeWidth: 3,
      wall: 0xffffff,
      containerWall: 0x00ffff,
      appCard: 0x111111,
      appCardEdge: 0xffffff,
      target: 0x00ffff,
      selected: 0xffff00,
      warning: 0xffaa00,
      danger: 0xff4040,
      good: 0x00ff66,
      packets: PACKET_COLORS,
      drop: 0xff4040,
      outline: 0x000000,
    };
  }
  return {
    surface: 0x0e1d3d,
    surfaceEdge: 0x27457c,
    hardware: 0x27344f,
    piece: { 'host-os': 0x1f4f8a, 'type1-hypervisor': 0x4b3a8c, 'type2-hypervisor': 0x1d6468, vm: 0x24603d, 'container-engine': 0x1b5874 },
    pieceEdge: 0x7fa3dd,
    edgeWidth: 1.5,
    wall: 0xe8f0ff,
    containerWall: 0x8fe3ff,
    appCard: 0x182c55,
    appCardEdge: 0x5f86c9,
    target: 0x5ce1e6,
    selected: palette.accent,
    warning: 0xffb347,
    danger: palette.danger,
    good: palette.success,
    packets: PACKET_COLORS,
    drop: DROP_COLOR,
    outline: 0x0b1630,
  };
}
