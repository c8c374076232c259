// The optimal-parsing DEFLATE encoder writes ordinary raw DEFLATE: Node's zlib and fflate read back
// exactly the input, with and without a preset dictionary, on random, repetitive and real inputs; and
// compression.ts never returns more bytes than fflate's level 9.
import zlib from 'node:zlib';
import fc from 'fast-check';
import { deflateSync, inflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { deflateRaw, inflateRaw } from '../../src/classroom/compression';
import { deflateRawOptimal, limitedCodeLengths, smoothedForRle } from '../../src/classroom/deflateOptimal';
import { KC1_DICTIONARY } from '../../src/classroom/dictionary';

function readsBack(data: Uint8Array, dictionary?: Uint8Array): void {
  const compressed = deflateRawOptimal(data, dictionary);
  const options = dictionary === undefined ? {} : { dictionary: Buffer.from(dictionary) };
  expect(Buffer.from(zlib.inflateRawSync(compressed, options)).equals(Buffer.from(data))).toBe(true);
  const viaFflate = inflateSync(compressed, dictionary === undefined ? {} : { dictionary });
  expect(Buffer.from(viaFflate).equals(Buffer.from(data))).toBe(true);
}

/** Bytes with structure: pieces of JSON-like text repeated, with random digits between. */
const structured = fc
  .array(fc.oneof(fc.constantFrom('{"atMs":', ',"op":"scale","app":"', '"}', 'portal', '가나다', '0', '12340', '},{'), fc.string({ maxLength: 6 })), { maxLength: 120 })
  .map((pieces) => new TextEncoder().encode(pieces.join('')));

describe('deflateRawOptimal', () => {
  it('edge cases: empty, one byte, long runs, the longest match, data beyond one window of dictionary', () => {
    readsBack(new Uint8Array());
    readsBack(Uint8Array.of(65));
    readsBack(new Uint8Array(1000).fill(7));
    readsBack(new Uint8Array(600).fill(0), KC1_DICTIONARY);
    readsBack(Uint8Array.from({ length: 3000 }, (_, index) => index % 251));
    readsBack(KC1_DICTIONARY, KC1_DICTIONARY);
    readsBack(Uint8Array.from({ length: 5000 }, (_, index) => (index * 7) & 255), new Uint8Array(40000).fill(3));
  });

  it('random bytes and structured text, with and without the KC1 dictionary', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 700 }), fc.boolean(), (data, withDictionary) => readsBack(data, withDictionary ? KC1_DICTIONARY : undefined)), { numRuns: 150 });
    fc.assert(fc.property(structured, fc.boolean(), (data, withDictionary) => readsBack(data, withDictionary ? KC1_DICTIONARY : undefined)), { numRuns: 150 });
  });

  it('compression.ts keeps the shorter of this and fflate level 9, and reads its own output', () => {
    fc.assert(
      fc.property(structured, (data) => {
        const ours = deflateRaw(data, KC1_DICTIONARY);
        expect(ours.length).toBeLessThanOrEqual(deflateSync(data, { level: 9, dictionary: KC1_DICTIONARY }).length);
        const back = inflateRaw(ours, 1 << 20, KC1_DICTIONARY);
        expect(back.ok && Buffer.from(back.bytes).equals(Buffer.from(data))).toBe(true);
      }),
      { numRuns: 100 },
    );
  });
});

describe('Huffman helpers', () => {
  it('limited code lengths respect the limit, satisfy Kraft\'s equality and give every used symbol a code', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constant(0), fc.nat(5), fc.nat(100000)), { minLength: 2, maxLength: 286 }), fc.constantFrom(7, 15), (frequencies, limit) => {
        const lengths = limitedCodeLengths(frequencies, limit);
        expect(Math.max(...lengths)).toBeLessThanOrEqual(limit);
        frequencies.forEach((frequency, symbol) => {
          if (frequency > 0) expect(lengths[symbol]).toBeGreaterThan(0);
        });
        expect(lengths.filter((length) => length > 0).length).toBeGreaterThanOrEqual(2);
        expect(lengths.reduce((sum, length) => sum + (length > 0 ? 2 ** -length : 0), 0)).toBeCloseTo(1, 12);
      }),
      { numRuns: 300 },
    );
  });

  it('smoothing for RLE keeps every used symbol used', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(50), { maxLength: 286 }), (counts) => {
        const smoothed = smoothedForRle(counts);
        expect(smoothed.length).toBe(counts.length);
        counts.forEach((count, symbol) => {
          if (count > 0) expect(smoothed[symbol]).toBeGreaterThan(0);
        });
      }),
      { numRuns: 300 },
    );
  });
});
