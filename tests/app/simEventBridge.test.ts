// Tests the mapping from engine events to game events (which drive the sound).
import { describe, expect, it, vi } from 'vitest';
import { createGameEvents } from '../../src/app/gameEvents';
import { forwardSimEvent, gameEventFor } from '../../src/app/simEventBridge';

describe('gameEventFor', () => {
  it('maps deliveries, drops, breaches and boots', () => {
    expect(gameEventFor({ type: 'packetDelivered', packet: 1, app: 'shop', kind: 'disk', atUs: 5, latencyUs: 3 })).toEqual({ name: 'packetDelivered', payload: { kind: 'disk' } });
    expect(gameEventFor({ type: 'packetDropped', packet: 1, app: 'shop', kind: 'net', station: 2, reason: 'queue-full', atUs: 5 })).toEqual({ name: 'packetDropped', payload: { kind: 'net' } });
    expect(gameEventFor({ type: 'breach', threat: 0, kind: 'snoop', attacker: 'x', tenant: 'b', boundary: 'none', atUs: 1 })).toEqual({ name: 'breachHappened', payload: { tenant: 'b' } });
    expect(gameEventFor({ type: 'instanceReady', app: 'shop', instance: 2, atUs: 1 })).toEqual({ name: 'instanceBooted', payload: { app: 'shop' } });
    expect(gameEventFor({ type: 'runEnded', atUs: 1 })).toBeNull();
  });

  it('emits on the game events', () => {
    const events = createGameEvents();
    const listener = vi.fn();
    events.on('packetDelivered', listener);
    forwardSimEvent(events, { type: 'packetDelivered', packet: 1, app: 'shop', kind: 'syscall', atUs: 5, latencyUs: 3 });
    forwardSimEvent(events, { type: 'runEnded', atUs: 9 });
    expect(listener).toHaveBeenCalledExactlyOnceWith({ kind: 'syscall' });
  });
});
