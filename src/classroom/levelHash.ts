// The level hash of a result code (contracts.md §5b): the first 8 hex digits of the SHA-256 of the UTF-8
// bytes of the level's JSON with every object's keys sorted and no whitespace — `JSON.stringify` of the
// sorted object. A code made on another version of a level's file then says so (`other-version`).
import type { Level } from '../sim/types';
import { utf8 } from './bytes';
import { sha256Hex } from './sha256';

/** A copy of JSON data whose objects list their keys in sorted order (arrays keep their order). */
export function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (typeof value !== 'object' || value === null) return value;
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    // defineProperty keeps a key called "__proto__" an own property, as JSON.parse makes it.
    Object.defineProperty(sorted, key, {
      value: sortedKeys((value as Record<string, unknown>)[key]),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return sorted;
}

/** `JSON.stringify` of the level with sorted keys, no whitespace. */
export function canonicalLevelJson(level: Level): string {
  return JSON.stringify(sortedKeys(level));
}

const hashes = new WeakMap<object, string>();

/** The level's 8-hex-digit hash (cached per level object; built-in levels are never mutated). */
export function levelHash(level: Level): string {
  const cached = hashes.get(level);
  if (cached !== undefined) return cached;
  const hash = sha256Hex(utf8(canonicalLevelJson(level))).slice(0, 8);
  hashes.set(level, hash);
  return hash;
}
