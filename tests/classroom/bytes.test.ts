// The byte helpers of the classroom formats against Node's own implementations: base64url (Buffer),
// CRC-32 (zlib.crc32) and SHA-256 (node:crypto), on fixed and random inputs.
import { createHash } from 'node:crypto';
import zlib from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { characterCount, crc32, crc32Hex, decodeBase64url, encodeBase64url, fromUtf8, hasControlOrLoneSurrogate } from '../../src/classroom/bytes';
import { sha256Hex } from '../../src/classroom/sha256';

describe('base64url', () => {
  it('writes what Buffer writes (no padding) and reads it back, for every length 0-70', () => {
    for (let length = 0; length <= 70; length += 1) {
      const bytes = Uint8Array.from({ length }, (_, index) => (index * 97 + length * 13) & 255);
      const text = encodeBase64url(bytes);
      expect(text).toBe(Buffer.from(bytes).toString('base64url'));
      expect(text).not.toContain('=');
      const decoded = decodeBase64url(text);
      expect(decoded.ok && [...decoded.bytes]).toEqual([...bytes]);
    }
  });

  it('round-trips random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const decoded = decodeBase64url(encodeBase64url(bytes));
        return decoded.ok && Buffer.from(decoded.bytes).equals(Buffer.from(bytes));
      }),
      { numRuns: 300 },
    );
  });

  it('refuses padding, foreign characters, impossible lengths and non-zero leftover bits', () => {
    expect(decodeBase64url('QQ==')).toEqual({ ok: false, problem: 'character' });
    expect(decodeBase64url('QQ+/')).toEqual({ ok: false, problem: 'character' });
    expect(decodeBase64url('QUJD\u00e9')).toEqual({ ok: false, problem: 'character' });
    expect(decodeBase64url('QUJDR')).toEqual({ ok: false, problem: 'length' });
    // "QR" spells the byte 0x41 with leftover bits 0001: another text for the same byte, refused.
    expect(decodeBase64url('QQ')).toMatchObject({ ok: true });
    expect(decodeBase64url('QR')).toEqual({ ok: false, problem: 'trailing-bits' });
    expect(decodeBase64url('QUI')).toMatchObject({ ok: true });
    expect(decodeBase64url('QUJ')).toEqual({ ok: false, problem: 'trailing-bits' });
  });
});

describe('CRC-32 and SHA-256', () => {
  it('CRC-32 is zlib\'s, as 8 lower-case hex digits', () => {
    expect(crc32Hex(new Uint8Array())).toBe('00000000');
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 500 }), (bytes) => {
        const hex = crc32Hex(bytes);
        return /^[0-9a-f]{8}$/.test(hex) && hex === zlib.crc32(bytes).toString(16).padStart(8, '0');
      }),
      { numRuns: 300 },
    );
  });

  it('SHA-256 is node:crypto\'s, across block boundaries', () => {
    for (const length of [0, 1, 55, 56, 63, 64, 65, 119, 120, 1000]) {
      const bytes = Uint8Array.from({ length }, (_, index) => (index * 31 + 7) & 255);
      expect(sha256Hex(bytes)).toBe(createHash('sha256').update(bytes).digest('hex'));
    }
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => sha256Hex(bytes) === createHash('sha256').update(bytes).digest('hex')),
      { numRuns: 200 },
    );
  });
});

describe('text helpers', () => {
  it('counts code points, refuses invalid UTF-8 and finds control characters and lone surrogates', () => {
    expect(characterCount('가나다')).toBe(3);
    expect(characterCount('😀a')).toBe(2);
    expect(fromUtf8(Uint8Array.of(0xe0, 0x80))).toBeUndefined();
    expect(fromUtf8(new TextEncoder().encode('미나'))).toBe('미나');
    expect(hasControlOrLoneSurrogate('mi\u0007na')).toBe(true);
    expect(hasControlOrLoneSurrogate('mi\ud800na')).toBe(true);
    expect(hasControlOrLoneSurrogate('😀 미나')).toBe(false);
  });
});
