// Byte helpers of the classroom formats (contracts.md §5): base64url without padding, CRC-32, UTF-8. Pure
// functions over Uint8Array, the same in Node and the browser. The base64url decoder is strict: it accepts
// only the canonical text of some bytes, so that changing any one character of a code changes its bytes.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** Character code → 6-bit value, or -1. */
const DECODE = (() => {
  const table = new Int8Array(128).fill(-1);
  for (let index = 0; index < ALPHABET.length; index += 1) table[ALPHABET.charCodeAt(index)] = index;
  return table;
})();

export function encodeBase64url(bytes: Uint8Array): string {
  let text = '';
  let index = 0;
  for (; index + 2 < bytes.length; index += 3) {
    const chunk = (bytes[index] << 16) | (bytes[index + 1] << 8) | bytes[index + 2];
    text += ALPHABET[chunk >> 18] + ALPHABET[(chunk >> 12) & 63] + ALPHABET[(chunk >> 6) & 63] + ALPHABET[chunk & 63];
  }
  const rest = bytes.length - index;
  if (rest === 1) {
    const chunk = bytes[index] << 16;
    text += ALPHABET[chunk >> 18] + ALPHABET[(chunk >> 12) & 63];
  } else if (rest === 2) {
    const chunk = (bytes[index] << 16) | (bytes[index + 1] << 8);
    text += ALPHABET[chunk >> 18] + ALPHABET[(chunk >> 12) & 63] + ALPHABET[(chunk >> 6) & 63];
  }
  return text;
}

/** Why a text is not canonical base64url: a character outside the alphabet (or `=` padding), a length
 * no bytes can have (cut off mid-character), or leftover bits that are not zero (edited). */
export type Base64Problem = 'character' | 'length' | 'trailing-bits';

export type Base64Decoded = { ok: true; bytes: Uint8Array } | { ok: false; problem: Base64Problem };

/** Decodes canonical base64url without padding; anything else is refused, never thrown. */
export function decodeBase64url(text: string): Base64Decoded {
  const values = new Uint8Array(text.length);
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    const value = code < 128 ? DECODE[code] : -1;
    if (value < 0) return { ok: false, problem: 'character' };
    values[index] = value;
  }
  const rest = text.length % 4;
  if (rest === 1) return { ok: false, problem: 'length' };
  const bytes = new Uint8Array(Math.floor((text.length * 3) / 4));
  let out = 0;
  let index = 0;
  for (; index + 3 < text.length; index += 4) {
    const chunk = (values[index] << 18) | (values[index + 1] << 12) | (values[index + 2] << 6) | values[index + 3];
    bytes[out++] = chunk >> 16;
    bytes[out++] = (chunk >> 8) & 255;
    bytes[out++] = chunk & 255;
  }
  if (rest === 2) {
    if ((values[index + 1] & 15) !== 0) return { ok: false, problem: 'trailing-bits' };
    bytes[out++] = (values[index] << 2) | (values[index + 1] >> 4);
  } else if (rest === 3) {
    if ((values[index + 2] & 3) !== 0) return { ok: false, problem: 'trailing-bits' };
    const chunk = (values[index] << 12) | (values[index + 1] << 6) | values[index + 2];
    bytes[out++] = chunk >> 10;
    bytes[out++] = (chunk >> 2) & 255;
  }
  return { ok: true, bytes };
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let byte = 0; byte < 256; byte += 1) {
    let value = byte;
    for (let bit = 0; bit < 8; bit += 1) value = value & 1 ? 0xedb88320 ^ (value >>> 1) : value >>> 1;
    table[byte] = value >>> 0;
  }
  return table;
})();

/** CRC-32 (IEEE 802.3, the one of zlib, PNG and ZIP) of the bytes. */
export function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (let index = 0; index < bytes.length; index += 1) crc = CRC_TABLE[(crc ^ bytes[index]) & 255] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** The CRC-32 as 8 lowercase hex digits. */
export function crc32Hex(bytes: Uint8Array): string {
  return crc32(bytes).toString(16).padStart(8, '0');
}

const encoder = new TextEncoder();

export function utf8(text: string): Uint8Array {
  return encoder.encode(text);
}

/** Strict UTF-8 decoding: invalid bytes give undefined rather than replacement characters. */
export function fromUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** How many characters (Unicode code points) a text has: what the 24- and 80-character limits count. */
export function characterCount(text: string): number {
  let count = 0;
  for (const _character of text) count += 1;
  return count;
}

/** Control characters (C0, DEL, C1) and lone surrogates, which no nickname or title needs. */
export function hasControlOrLoneSurrogate(text: string): boolean {
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f-\u009f]/.test(text)) return true;
  return /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(text);
}
