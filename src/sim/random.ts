// Seeded, splittable pseudo-random numbers for the engine. No Math.random anywhere in the engine:
// every stream is derived from the run's seed and a stable label, so the same seed replays exactly and
// every architecture sees the same arrivals and the same attack rolls.

/** 32-bit FNV-1a over a string, mixed with a seed. Stable across platforms. */
export function hashString(text: string, seed = 0x811c9dc5): number {
  let hash = (seed ^ 0x811c9dc5) >>> 0;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/** Mixes integers into one 32-bit seed (murmur3 finalizer on each step). */
export function mixSeed(...parts: number[]): number {
  let hash = 0x9e3779b9;
  for (const part of parts) {
    hash ^= part | 0;
    hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
    hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35);
    hash ^= hash >>> 16;
  }
  return hash >>> 0;
}

/** One step of mulberry32 on a state held by the caller; returns [nextState, uniform in [0, 1)]. */
export function mulberry32Step(state: number): number {
  return (state + 0x6d2b79f5) >>> 0;
}

export function mulberry32Value(state: number): number {
  let value = state;
  value = Math.imul(value ^ (value >>> 15), value | 1);
  value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
  return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
}

/** A small seeded generator object, for places that are not hot loops. */
export class SeededRandom {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = mulberry32Step(this.state);
    return mulberry32Value(this.state);
  }
}

/** A uniform number in [0, 1) fixed by a seed and labels: the same for every architecture. */
export function uniformFor(seed: number, label: string, index = 0): number {
  return mulberry32Value(mulberry32Step(mixSeed(seed, hashString(label), index)));
}
