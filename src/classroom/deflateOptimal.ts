// A small raw DEFLATE encoder (RFC 1951) that spends effort on size rather than speed, for the short texts
// of result codes and join links (contracts.md §5: a code must stay within 400 characters). It finds every
// match of the input against itself and the preset dictionary, then chooses the cheapest parse by dynamic
// programming over a cost model that it refines from the previous parse's symbol statistics (the approach
// of zopfli), and writes one block with the Huffman codes and code-length encoding that come out smallest
// (fixed codes too). The output is ordinary raw DEFLATE: zlib, fflate and every other inflater read it
// (tests/classroom/deflateOptimal.test.ts checks Node's zlib and fflate on random and real inputs).
// compression.ts keeps whichever is shorter, this or fflate's level 9, so codes never grow.

const LENGTH_BASE = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258];
const LENGTH_EXTRA = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
const DIST_BASE = [
  1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577,
];
const DIST_EXTRA = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];
/** The order in which the code-length code's lengths are written. */
const CODE_LENGTH_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];

const MIN_MATCH = 3;
const MAX_MATCH = 258;
const WINDOW = 32768;
/** Longer inputs are left to the ordinary compressor (the search below grows with the square of the size). */
export const OPTIMAL_MAX_INPUT = 16384;
/** Candidates visited per position at most: bounds the time on inputs made to defeat the search. */
const MAX_CHAIN = 2048;
const ITERATIONS = 12;

/** Length (3–258) → index of its length code (0–28). */
const LENGTH_SYMBOL = (() => {
  const table = new Uint8Array(MAX_MATCH + 1);
  for (let code = 0; code < LENGTH_BASE.length; code += 1) {
    for (let length = LENGTH_BASE[code]; length < LENGTH_BASE[code] + (1 << LENGTH_EXTRA[code]) && length <= MAX_MATCH; length += 1) table[length] = code;
  }
  table[MAX_MATCH] = 28;
  return table;
})();

/** Distance (1–32768) → its distance code (0–29). */
const DIST_SYMBOL = (() => {
  const table = new Uint8Array(WINDOW + 1);
  for (let code = 0; code < DIST_BASE.length; code += 1) {
    for (let distance = DIST_BASE[code]; distance < DIST_BASE[code] + (1 << DIST_EXTRA[code]) && distance <= WINDOW; distance += 1) table[distance] = code;
  }
  return table;
})();

class BitWriter {
  private readonly bytes: number[] = [];
  private accumulator = 0;
  private count = 0;

  /** Writes `bits` bits of `value`, least significant first (DEFLATE's order for everything but codes). */
  write(value: number, bits: number): void {
    this.accumulator |= value << this.count;
    this.count += bits;
    while (this.count >= 8) {
      this.bytes.push(this.accumulator & 255);
      this.accumulator >>>= 8;
      this.count -= 8;
    }
  }

  /** Writes a Huffman code, most significant bit first. */
  writeCode(code: number, length: number): void {
    let reversed = 0;
    for (let bit = 0; bit < length; bit += 1) reversed |= ((code >> bit) & 1) << (length - 1 - bit);
    this.write(reversed, length);
  }

  finish(): Uint8Array {
    if (this.count > 0) this.bytes.push(this.accumulator & 255);
    return Uint8Array.from(this.bytes);
  }
}

/**
 * Code lengths of at most `limit` bits for the frequencies (boundary package-merge: optimal under the
 * limit). Every symbol with a frequency gets a length; at least two symbols get one (a complete code,
 * which every inflater accepts), added with the lowest indices when fewer are used.
 */
export function limitedCodeLengths(frequencies: readonly number[], limit: number): number[] {
  const used = frequencies.map((frequency, symbol) => ({ frequency, symbol })).filter((entry) => entry.frequency > 0);
  for (let symbol = 0; used.length < 2 && symbol < frequencies.length; symbol += 1) {
    if (!used.some((entry) => entry.symbol === symbol)) used.push({ frequency: 1, symbol });
  }
  used.sort((left, right) => left.frequency - right.frequency || left.symbol - right.symbol);
  const lengths = new Array<number>(frequencies.length).fill(0);
  type Item = { weight: number; leaf: number; children: [Item, Item] | null };
  const leaves: Item[] = used.map((entry, index) => ({ weight: entry.frequency, leaf: index, children: null }));
  let current: Item[] = leaves;
  for (let level = 1; level < limit; level += 1) {
    const packages: Item[] = [];
    for (let index = 0; index + 1 < current.length; index += 2) {
      packages.push({ weight: current[index].weight + current[index + 1].weight, leaf: -1, children: [current[index], current[index + 1]] });
    }
    const merged: Item[] = [];
    let left = 0;
    let right = 0;
    while (left < leaves.length || right < packages.length) {
      if (right >= packages.length || (left < leaves.length && leaves[left].weight <= packages[right].weight)) merged.push(leaves[left++]);
      else merged.push(packages[right++]);
    }
    current = merged;
  }
  const depth = new Array<number>(used.length).fill(0);
  const count = (item: Item): void => {
    if (item.children === null) depth[item.leaf] += 1;
    else {
      count(item.children[0]);
      count(item.children[1]);
    }
  };
  for (let index = 0; index < 2 * used.length - 2; index += 1) count(current[index]);
  used.forEach((entry, index) => {
    lengths[entry.symbol] = depth[index];
  });
  return lengths;
}

/** Canonical Huffman codes (RFC 1951 3.2.2) of the lengths. */
function canonicalCodes(lengths: readonly number[]): number[] {
  const maxLength = Math.max(0, ...lengths);
  const perLength = new Array<number>(maxLength + 1).fill(0);
  for (const length of lengths) if (length > 0) perLength[length] += 1;
  const next = new Array<number>(maxLength + 2).fill(0);
  let code = 0;
  for (let bits = 1; bits <= maxLength; bits += 1) {
    code = (code + perLength[bits - 1]) << 1;
    next[bits] = code;
  }
  return lengths.map((length) => (length > 0 ? next[length]++ : 0));
}

/** A parse: for each step, a literal byte (length 0) or a match (length ≥ 3, distance). */
interface Parse {
  lengths: Uint16Array;
  distances: Uint16Array;
  literals: Uint8Array;
  count: number;
}

/**
 * For each position of the input, the smallest distance of a match of every length 3..max (0 where there
 * is none): smaller distances never cost more bits under DEFLATE's distance codes of equal length.
 */
function findMatches(buffer: Uint8Array, start: number): { best: Uint16Array; maxLength: Uint16Array } {
  const size = buffer.length - start;
  const best = new Uint16Array(size * (MAX_MATCH + 1));
  const maxLength = new Uint16Array(size);
  // Chains of earlier positions by a 15-bit hash of their next three bytes; a collision only adds a
  // candidate that matches fewer than three bytes, which changes nothing.
  const head = new Int32Array(1 << 15).fill(-1);
  const previous = new Int32Array(buffer.length).fill(-1);
  const key = (position: number) => ((buffer[position] << 10) ^ (buffer[position + 1] << 5) ^ buffer[position + 2]) & 0x7fff;
  const insert = (position: number) => {
    if (position + 2 >= buffer.length) return;
    const hash = key(position);
    previous[position] = head[hash];
    head[hash] = position;
  };
  for (let position = 0; position < start; position += 1) insert(position);
  for (let position = start; position < buffer.length; position += 1) {
    const limit = Math.min(MAX_MATCH, buffer.length - position);
    let found = MIN_MATCH - 1;
    if (limit >= MIN_MATCH) {
      const row = (position - start) * (MAX_MATCH + 1);
      let candidate = head[key(position)];
      for (let visited = 0; candidate >= 0 && visited < MAX_CHAIN && found < limit; visited += 1) {
        const distance = position - candidate;
        if (distance > WINDOW) break;
        let length = 0;
        while (length < limit && buffer[candidate + length] === buffer[position + length]) length += 1;
        for (let covered = found + 1; covered <= length; covered += 1) best[row + covered] = distance;
        if (length > found) found = length;
        candidate = previous[candidate];
      }
    }
    maxLength[position - start] = found >= MIN_MATCH ? found : 0;
    insert(position);
  }
  return { best, maxLength };
}

/** Symbol costs in bits: literal/length symbols 0–285 and distance symbols 0–29. */
interface Costs {
  literal: Float64Array;
  distance: Float64Array;
}

function fixedCosts(): Costs {
  const literal = new Float64Array(286);
  for (let symbol = 0; symbol < 286; symbol += 1) literal[symbol] = symbol < 144 ? 8 : symbol < 256 ? 9 : symbol < 280 ? 7 : 8;
  return { literal, distance: new Float64Array(30).fill(5) };
}

/** Costs from a parse's statistics: −log2 of each symbol's share; an unused symbol a little more than a rare one. */
function statisticCosts(literalCounts: readonly number[], distanceCounts: readonly number[]): Costs {
  const costs = (counts: readonly number[]) => {
    const total = counts.reduce((sum, count) => sum + count, 0) || 1;
    return Float64Array.from(counts, (count) => (count > 0 ? Math.log2(total / count) : Math.log2(total) + 1));
  };
  return { literal: costs(literalCounts), distance: costs(distanceCounts) };
}

/** The cheapest parse of the input under the costs (shortest path over positions). */
function cheapestParse(buffer: Uint8Array, start: number, matches: { best: Uint16Array; maxLength: Uint16Array }, costs: Costs): Parse {
  const size = buffer.length - start;
  const total = new Float64Array(size + 1).fill(Infinity);
  const stepLength = new Uint16Array(size + 1);
  const stepDistance = new Uint16Array(size + 1);
  total[0] = 0;
  for (let index = 0; index < size; index += 1) {
    const here = total[index];
    if (here === Infinity) continue;
    const literal = here + costs.literal[buffer[start + index]];
    if (literal < total[index + 1]) {
      total[index + 1] = literal;
      stepLength[index + 1] = 0;
    }
    const longest = matches.maxLength[index];
    const row = index * (MAX_MATCH + 1);
    for (let length = MIN_MATCH; length <= longest; length += 1) {
      const distance = matches.best[row + length];
      const lengthCode = LENGTH_SYMBOL[length];
      const distanceCode = DIST_SYMBOL[distance];
      const cost = here + costs.literal[257 + lengthCode] + LENGTH_EXTRA[lengthCode] + costs.distance[distanceCode] + DIST_EXTRA[distanceCode];
      if (cost < total[index + length]) {
        total[index + length] = cost;
        stepLength[index + length] = length;
        stepDistance[index + length] = distance;
      }
    }
  }
  const lengths: number[] = [];
  const distances: number[] = [];
  for (let index = size; index > 0; ) {
    const length = stepLength[index];
    lengths.push(length);
    distances.push(length === 0 ? 0 : stepDistance[index]);
    index -= length === 0 ? 1 : length;
  }
  lengths.reverse();
  distances.reverse();
  return { lengths: Uint16Array.from(lengths), distances: Uint16Array.from(distances), literals: buffer.subarray(start), count: lengths.length };
}

function statistics(parse: Parse): { literal: number[]; distance: number[] } {
  const literal = new Array<number>(286).fill(0);
  const distance = new Array<number>(30).fill(0);
  let position = 0;
  for (let step = 0; step < parse.count; step += 1) {
    const length = parse.lengths[step];
    if (length === 0) {
      literal[parse.literals[position]] += 1;
      position += 1;
    } else {
      literal[257 + LENGTH_SYMBOL[length]] += 1;
      distance[DIST_SYMBOL[parse.distances[step]]] += 1;
      position += length;
    }
  }
  literal[256] += 1;
  return { literal, distance };
}

function writeSymbols(writer: BitWriter, parse: Parse, literalLengths: readonly number[], literalCodes: readonly number[], distanceLengths: readonly number[], distanceCodes: readonly number[]): void {
  let position = 0;
  for (let step = 0; step < parse.count; step += 1) {
    const length = parse.lengths[step];
    if (length === 0) {
      const byte = parse.literals[position];
      writer.writeCode(literalCodes[byte], literalLengths[byte]);
      position += 1;
      continue;
    }
    const lengthCode = LENGTH_SYMBOL[length];
    writer.writeCode(literalCodes[257 + lengthCode], literalLengths[257 + lengthCode]);
    writer.write(length - LENGTH_BASE[lengthCode], LENGTH_EXTRA[lengthCode]);
    const distance = parse.distances[step];
    const distanceCode = DIST_SYMBOL[distance];
    writer.writeCode(distanceCodes[distanceCode], distanceLengths[distanceCode]);
    writer.write(distance - DIST_BASE[distanceCode], DIST_EXTRA[distanceCode]);
    position += length;
  }
  writer.writeCode(literalCodes[256], literalLengths[256]);
}

function fixedBlock(parse: Parse): Uint8Array {
  const literalLengths = Array.from({ length: 288 }, (_, symbol) => (symbol < 144 ? 8 : symbol < 256 ? 9 : symbol < 280 ? 7 : 8));
  const distanceLengths = new Array<number>(30).fill(5);
  const writer = new BitWriter();
  writer.write(1, 1);
  writer.write(1, 2);
  writeSymbols(writer, parse, literalLengths, canonicalCodes(literalLengths), distanceLengths, canonicalCodes(distanceLengths));
  return writer.finish();
}

/** The code-length sequence as symbols 0–18 with their extra bits, using the repeat codes allowed. */
function runLengthCodes(lengths: readonly number[], use16: boolean, use17: boolean, use18: boolean): [number, number, number][] {
  const out: [number, number, number][] = [];
  let index = 0;
  while (index < lengths.length) {
    const value = lengths[index];
    let run = 1;
    while (index + run < lengths.length && lengths[index + run] === value) run += 1;
    index += run;
    if (value === 0) {
      while (use18 && run >= 11) {
        const take = Math.min(run, 138);
        out.push([18, take - 11, 7]);
        run -= take;
      }
      while (use17 && run >= 3) {
        const take = Math.min(run, 10);
        out.push([17, take - 3, 3]);
        run -= take;
      }
    } else if (use16 && run >= 4) {
      out.push([value, 0, 0]);
      run -= 1;
      while (run >= 3) {
        const take = Math.min(run, 6);
        out.push([16, take - 3, 2]);
        run -= take;
      }
    }
    for (; run > 0; run -= 1) out.push([value, 0, 0]);
  }
  return out;
}

function dynamicBlock(parse: Parse, literalLengths: number[], distanceLengths: number[]): Uint8Array {
  let literalCount = 286;
  while (literalCount > 257 && literalLengths[literalCount - 1] === 0) literalCount -= 1;
  let distanceCount = 30;
  while (distanceCount > 1 && distanceLengths[distanceCount - 1] === 0) distanceCount -= 1;
  const sequence = [...literalLengths.slice(0, literalCount), ...distanceLengths.slice(0, distanceCount)];
  let best: Uint8Array | null = null;
  for (let variant = 0; variant < 8; variant += 1) {
    const symbols = runLengthCodes(sequence, (variant & 1) !== 0, (variant & 2) !== 0, (variant & 4) !== 0);
    const frequencies = new Array<number>(19).fill(0);
    for (const [symbol] of symbols) frequencies[symbol] += 1;
    const codeLengthLengths = limitedCodeLengths(frequencies, 7);
    const codeLengthCodes = canonicalCodes(codeLengthLengths);
    let orderCount = 19;
    while (orderCount > 4 && codeLengthLengths[CODE_LENGTH_ORDER[orderCount - 1]] === 0) orderCount -= 1;
    const writer = new BitWriter();
    writer.write(1, 1);
    writer.write(2, 2);
    writer.write(literalCount - 257, 5);
    writer.write(distanceCount - 1, 5);
    writer.write(orderCount - 4, 4);
    for (let index = 0; index < orderCount; index += 1) writer.write(codeLengthLengths[CODE_LENGTH_ORDER[index]], 3);
    for (const [symbol, extra, bits] of symbols) {
      writer.writeCode(codeLengthCodes[symbol], codeLengthLengths[symbol]);
      if (bits > 0) writer.write(extra, bits);
    }
    writeSymbols(writer, parse, literalLengths, canonicalCodes(literalLengths), distanceLengths, canonicalCodes(distanceLengths));
    const bytes = writer.finish();
    if (best === null || bytes.length < best.length) best = bytes;
  }
  return best as Uint8Array;
}

/**
 * Frequencies nudged so that their code lengths run-length encode better in the block header (zopfli's
 * OptimizeHuffmanForRle): runs of similar counts are made equal. Used symbols keep a count of at least 1.
 */
export function smoothedForRle(counts: readonly number[]): number[] {
  const out = [...counts];
  let length = out.length;
  while (length > 0 && out[length - 1] === 0) length -= 1;
  if (length === 0) return out;
  const good = new Array<boolean>(length).fill(false);
  let symbol = out[0];
  let stride = 0;
  for (let index = 0; index <= length; index += 1) {
    if (index === length || out[index] !== symbol) {
      if ((symbol === 0 && stride >= 5) || (symbol !== 0 && stride >= 7)) for (let back = 0; back < stride; back += 1) good[index - back - 1] = true;
      stride = 1;
      if (index !== length) symbol = out[index];
    } else {
      stride += 1;
    }
  }
  stride = 0;
  let limit = out[0];
  let sum = 0;
  for (let index = 0; index <= length; index += 1) {
    if (index === length || good[index] || Math.abs(out[index] - limit) >= 4) {
      if (stride >= 4 || (stride >= 3 && sum === 0)) {
        let count = Math.floor((sum + Math.floor(stride / 2)) / stride);
        if (count < 1) count = 1;
        if (sum === 0) count = 0;
        for (let back = 0; back < stride; back += 1) out[index - back - 1] = count;
      }
      stride = 0;
      sum = 0;
      if (index < length - 3) limit = Math.floor((out[index] + out[index + 1] + out[index + 2] + out[index + 3] + 2) / 4);
      else if (index < length) limit = out[index];
      else limit = 0;
    }
    stride += 1;
    if (index !== length) sum += out[index];
  }
  return out;
}

/** The smallest single-block raw DEFLATE encoding this encoder finds for `data` after `dictionary`. */
export function deflateRawOptimal(data: Uint8Array, dictionary: Uint8Array = new Uint8Array()): Uint8Array {
  const preset = dictionary.length > WINDOW ? dictionary.subarray(dictionary.length - WINDOW) : dictionary;
  const buffer = new Uint8Array(preset.length + data.length);
  buffer.set(preset);
  buffer.set(data, preset.length);
  const matches = findMatches(buffer, preset.length);
  let costs = fixedCosts();
  let parse = cheapestParse(buffer, preset.length, matches, costs);
  let best = fixedBlock(parse);
  let previousSize = Infinity;
  for (let iteration = 0; iteration < ITERATIONS; iteration += 1) {
    const counts = statistics(parse);
    let block = dynamicBlock(parse, limitedCodeLengths(counts.literal, 15), limitedCodeLengths(counts.distance, 15));
    const smoothed = dynamicBlock(parse, limitedCodeLengths(smoothedForRle(counts.literal), 15), limitedCodeLengths(smoothedForRle(counts.distance), 15));
    if (smoothed.length < block.length) block = smoothed;
    if (block.length < best.length) best = block;
    if (block.length >= previousSize && iteration > 3) break;
    previousSize = Math.min(previousSize, block.length);
    costs = statisticCosts(counts.literal, counts.distance);
    parse = cheapestParse(buffer, preset.length, matches, costs);
  }
  return best;
}
