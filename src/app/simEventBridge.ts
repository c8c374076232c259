// Turns the engine's events (src/sim/events.ts) into the game's typed events, so the Play scene can
// forward a run to sound and other listeners with one call per event and no knowledge of who listens.
import type { SimEvent } from '../sim/events';
import type { PacketKind } from '../sim/types';
import type { GameEventMap, GameEvents } from './gameEvents';

type Forwarded = { [K in keyof GameEventMap]: { name: K; payload: GameEventMap[K] } }[keyof GameEventMap];

/** A packet's payload, one per kind: a crowded run delivers and drops thousands of packets a second. */
const KIND_PAYLOADS: Readonly<Record<PacketKind, Readonly<{ kind: PacketKind }>>> = {
  disk: Object.freeze({ kind: 'disk' }),
  net: Object.freeze({ kind: 'net' }),
  syscall: Object.freeze({ kind: 'syscall' }),
};

/** The game event an engine event stands for, or null for events nobody outside the board hears. */
export function gameEventFor(event: SimEvent): Forwarded | null {
  switch (event.type) {
    case 'packetDelivered':
      return { name: 'packetDelivered', payload: KIND_PAYLOADS[event.kind] };
    case 'packetDropped':
      return { name: 'packetDropped', payload: KIND_PAYLOADS[event.kind] };
    case 'breach':
      return { name: 'breachHappened', payload: { tenant: event.tenant } };
    case 'instanceReady':
      return { name: 'instanceBooted', payload: { app: event.app } };
    default:
      return null;
  }
}

export function forwardSimEvent(events: GameEvents, event: SimEvent): void {
  // The packet events without the name-and-payload pair gameEventFor makes for each.
  if (event.type === 'packetDelivered' || event.type === 'packetDropped') {
    events.emit(event.type, KIND_PAYLOADS[event.kind]);
    return;
  }
  const forwarded = gameEventFor(event);
  if (forwarded) events.emit(forwarded.name, forwarded.payload);
}
