// Raw DEFLATE (RFC 1951, zlib's "deflate-raw") with an optional preset dictionary, through fflate: the
// browser's CompressionStream takes no dictionary, and result codes need one (contracts.md §5b). The
// output is ordinary raw DEFLATE: Node's zlib.inflateRawSync / Python's zlib.decompressobj(-15, zdict=…)
// read it (tests/classroom/resultCode.test.ts checks both directions against Node's zlib).
import { deflateSync, inflateSync } from 'fflate';
import { deflateRawOptimal, OPTIMAL_MAX_INPUT } from './deflateOptimal';

/**
 * Raw DEFLATE of `data` (after a preset dictionary, when given): the shorter of fflate's level 9 and, for
 * inputs up to OPTIMAL_MAX_INPUT bytes, the optimal-parsing encoder of deflateOptimal.ts (about 8 % shorter
 * on result codes). Deterministic: the same input always gives the same bytes.
 */
export function deflateRaw(data: Uint8Array, dictionary?: Uint8Array): Uint8Array {
  const quick = deflateSync(data, dictionary === undefined ? { level: 9 } : { level: 9, dictionary });
  if (data.length > OPTIMAL_MAX_INPUT) return quick;
  const small = deflateRawOptimal(data, dictionary);
  return small.length < quick.length ? small : quick;
}

/** Why compressed bytes could not be read: cut off before the end, not DEFLATE data (or made with
 * another dictionary), or larger than the caller accepts. */
export type InflateProblem = 'truncated' | 'not-deflate' | 'too-large';

export type Inflated = { ok: true; bytes: Uint8Array } | { ok: false; problem: InflateProblem };

/** fflate's error code for input that ends too early. */
const UNEXPECTED_EOF = 0;

/** Inflates at most `limit` bytes; never throws. */
export function inflateRaw(data: Uint8Array, limit: number, dictionary?: Uint8Array): Inflated {
  // One byte more than allowed: an output that fills it was cut to fit, so it is too large.
  const out = new Uint8Array(limit + 1);
  try {
    const bytes = inflateSync(data, dictionary === undefined ? { out } : { out, dictionary });
    if (bytes.length > limit) return { ok: false, problem: 'too-large' };
    return { ok: true, bytes: bytes.slice() };
  } catch (error) {
    const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
    return { ok: false, problem: code === UNEXPECTED_EOF ? 'truncated' : 'not-deflate' };
  }
}
