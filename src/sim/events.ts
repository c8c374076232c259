// Typed events the engine reports while it runs, for the view, the sound and the screen-reader layer.
// A listener follows a run without reaching into the engine's internals. Times are simulated µs.

import type { Command, PacketKind, ThreatKind } from './types';

/** Which wall an attack crossed (or `none` when there was no wall to cross). */
export type Boundary = 'none' | 'container' | 'shared-kernel' | 'guest-kernel' | 'hypervisor' | 'host-os';

export type DropReason = 'queue-full' | 'blocked';

export type SimEvent =
  | { type: 'packetEmitted'; packet: number; app: string; instance: number; kind: PacketKind; atUs: number }
  | { type: 'packetHopped'; packet: number; station: number; arriveUs: number; startUs: number; doneUs: number }
  | { type: 'packetDelivered'; packet: number; app: string; kind: PacketKind; atUs: number; latencyUs: number }
  | { type: 'packetDropped'; packet: number; app: string; kind: PacketKind; station: number; reason: DropReason; atUs: number }
  | { type: 'instanceBooting'; app: string; instance: number; atUs: number; readyAtUs: number; pullSeconds: number }
  | { type: 'instanceReady'; app: string; instance: number; atUs: number }
  | { type: 'instanceStopped'; app: string; instance: number; atUs: number }
  | { type: 'instanceFailed'; app: string; atUs: number; reason: 'memory' }
  | { type: 'imagePulled'; app: string; atUs: number }
  | { type: 'burstStarted'; app: string; burst: number; atUs: number; required: number; deadlineUs: number }
  | { type: 'burstEnded'; app: string; burst: number; atUs: number; required: number; served: number }
  | { type: 'attackStarted'; threat: number; kind: ThreatKind; app: string | null; atUs: number; exposedTenants: string[] }
  | { type: 'attackContained'; threat: number; kind: ThreatKind; app: string | null; atUs: number; reason: string }
  | {
      type: 'breach';
      threat: number;
      kind: ThreatKind;
      attacker: string | null;
      tenant: string;
      boundary: Boundary;
      atUs: number;
    }
  | { type: 'commandApplied'; command: Command; atUs: number }
  /** `reason` is a rule code (board:reason.* / play:reject.*); `params` (optional) are the values its
   * sentence names, e.g. the driver a level does not offer. */
  | { type: 'commandRejected'; command: Command; atUs: number; reason: string; params?: Record<string, string | number> }
  | { type: 'runEnded'; atUs: number };

export type SimEventType = SimEvent['type'];
/**
 * Hears every event of a run as it happens. The four packet events (emitted, hopped, delivered, dropped)
 * are one object per type that the engine fills again for each packet — a crowded run has millions of them,
 * and a new object each was most of the garbage its frames made (issue 15) — so a listener that keeps one
 * keeps a copy (`{ ...event }`). Every other event is a new object.
 */
export type SimListener = (event: SimEvent) => void;

export type PacketEmittedEvent = Extract<SimEvent, { type: 'packetEmitted' }>;
export type PacketHoppedEvent = Extract<SimEvent, { type: 'packetHopped' }>;
export type PacketDeliveredEvent = Extract<SimEvent, { type: 'packetDelivered' }>;
export type PacketDroppedEvent = Extract<SimEvent, { type: 'packetDropped' }>;
