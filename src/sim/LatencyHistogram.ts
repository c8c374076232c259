// A log-spaced latency histogram: constant memory, O(1) per delivered packet, percentiles within ~1 %.
// Deterministic, so two runs with the same seed report the same percentiles.

import { HISTOGRAM_BINS_PER_OCTAVE, HISTOGRAM_OCTAVES } from './costs';

const BIN_COUNT = HISTOGRAM_BINS_PER_OCTAVE * HISTOGRAM_OCTAVES + 1;

export class LatencyHistogram {
  readonly bins = new Float64Array(BIN_COUNT);
  count = 0;
  sumUs = 0;

  add(latencyUs: number): void {
    const value = latencyUs < 1 ? 1 : latencyUs;
    let bin = Math.floor(Math.log2(value) * HISTOGRAM_BINS_PER_OCTAVE);
    if (bin >= BIN_COUNT) bin = BIN_COUNT - 1;
    this.bins[bin] += 1;
    this.count += 1;
    this.sumUs += latencyUs;
  }

  /** Merges another histogram into this one. */
  addAll(other: LatencyHistogram): void {
    for (let bin = 0; bin < BIN_COUNT; bin += 1) this.bins[bin] += other.bins[bin];
    this.count += other.count;
    this.sumUs += other.sumUs;
  }

  /** The latency below which `fraction` of packets fall (geometric middle of the bin), µs; 0 if empty. */
  percentile(fraction: number): number {
    if (this.count === 0) return 0;
    const target = Math.max(1, Math.ceil(this.count * fraction));
    let seen = 0;
    for (let bin = 0; bin < BIN_COUNT; bin += 1) {
      seen += this.bins[bin];
      if (seen >= target) return 2 ** ((bin + 0.5) / HISTOGRAM_BINS_PER_OCTAVE);
    }
    return 2 ** HISTOGRAM_OCTAVES;
  }
}
