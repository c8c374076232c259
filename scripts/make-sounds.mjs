// Synthesizes the game's sounds (mono, 22050 Hz, 16-bit) and encodes them into assets/audio/:
// eight short effects and one gentle music loop. Plain Node, no dependencies, deterministic output,
// so the sounds are the project's own and can be regenerated: `npm run sounds`.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const RATE = 22050;
const OUT = join(dirname(fileURLToPath(import.meta.url)), '..', 'assets', 'audio');

// A small deterministic generator (LCG) so the noise in the sounds is the same on every run.
let seed = 12345;
function noise() {
  seed = (seed * 1664525 + 1013904223) >>> 0;
  return seed / 2 ** 31 - 1;
}

const midi = (note) => 440 * 2 ** ((note - 69) / 12);

function buffer(seconds) {
  return new Float64Array(Math.round(seconds * RATE));
}

/** Adds a tone: frequency may sweep; the envelope is attack then exponential decay. */
function tone(out, { start = 0, duration, freq, freqEnd = freq, gain = 0.5, attack = 0.005, decay = duration / 4, shape = 'sine', wrap = false }) {
  const first = Math.round(start * RATE);
  const count = Math.round(duration * RATE);
  let phase = 0;
  for (let i = 0; i < count; i++) {
    const t = i / RATE;
    const f = freq + (freqEnd - freq) * (i / count);
    phase += (2 * Math.PI * f) / RATE;
    const env = Math.min(1, t / attack) * Math.exp(-t / decay) * Math.min(1, (count - i) / (0.01 * RATE));
    let wave = Math.sin(phase);
    if (shape === 'triangle') wave = (2 / Math.PI) * Math.asin(Math.sin(phase));
    if (shape === 'soft-square') wave = Math.tanh(3 * Math.sin(phase)) * 0.8;
    if (shape === 'bell') wave = Math.sin(phase) + 0.35 * Math.sin(2.76 * phase) * Math.exp(-t / (decay * 0.4));
    let index = first + i;
    if (wrap) index %= out.length;
    if (index < out.length) out[index] += wave * env * gain;
  }
}

function noiseBurst(out, { start = 0, duration, gain = 0.3, decay = duration / 4, smooth = 0.9 }) {
  const first = Math.round(start * RATE);
  let last = 0;
  for (let i = 0; i < Math.round(duration * RATE) && first + i < out.length; i++) {
    last = smooth * last + (1 - smooth) * noise();
    out[first + i] += last * gain * Math.exp(-i / RATE / decay);
  }
}

function normalize(out, peak) {
  let max = 0;
  for (const v of out) max = Math.max(max, Math.abs(v));
  if (max > 0) for (let i = 0; i < out.length; i++) out[i] *= peak / max;
  return out;
}

/** Short fades at both ends so no effect starts or stops with a click. */
function fadeEdges(out, seconds = 0.004) {
  const n = Math.round(seconds * RATE);
  for (let i = 0; i < n && i < out.length; i++) {
    out[i] *= i / n;
    out[out.length - 1 - i] *= i / n;
  }
  return out;
}

function wav(samples) {
  const data = Buffer.alloc(samples.length * 2);
  samples.forEach((v, i) => data.writeInt16LE(Math.round(Math.max(-1, Math.min(1, v)) * 32767), i * 2));
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVE', 8);
  header.write('fmt ', 12);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(RATE, 24);
  header.writeUInt32LE(RATE * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36);
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}

const effects = {
  // A soft tick for every button.
  button() {
    const out = buffer(0.07);
    tone(out, { duration: 0.07, freq: 1180, freqEnd: 980, gain: 0.6, decay: 0.018 });
    tone(out, { duration: 0.05, freq: 2360, gain: 0.15, decay: 0.01 });
    return out;
  },
  // A piece set down on the board: a low, padded thunk.
  place() {
    const out = buffer(0.2);
    tone(out, { duration: 0.2, freq: 240, freqEnd: 120, gain: 0.8, decay: 0.06 });
    noiseBurst(out, { duration: 0.05, gain: 0.35, decay: 0.012, smooth: 0.7 });
    return out;
  },
  // Two layers connected: a quick rising pair.
  link() {
    const out = buffer(0.2);
    tone(out, { duration: 0.09, freq: midi(76), gain: 0.5, decay: 0.04, shape: 'triangle' });
    tone(out, { start: 0.07, duration: 0.13, freq: midi(83), gain: 0.5, decay: 0.05, shape: 'triangle' });
    return out;
  },
  // A packet arrived: a small bright bell.
  deliver() {
    const out = buffer(0.32);
    tone(out, { duration: 0.32, freq: midi(84), gain: 0.5, decay: 0.09, shape: 'bell' });
    tone(out, { start: 0.03, duration: 0.29, freq: midi(91), gain: 0.22, decay: 0.07 });
    return out;
  },
  // A packet was dropped: a falling, muffled blip.
  drop() {
    const out = buffer(0.3);
    tone(out, { duration: 0.3, freq: 420, freqEnd: 170, gain: 0.55, decay: 0.1, shape: 'soft-square' });
    return out;
  },
  // A breach: an alarm of two alternating pulses.
  breach() {
    const out = buffer(0.68);
    for (let i = 0; i < 4; i++) {
      tone(out, { start: i * 0.16, duration: 0.15, freq: i % 2 ? 392 : 523, gain: 0.5, decay: 0.12, attack: 0.01, shape: 'soft-square' });
    }
    return out;
  },
  // An instance finished booting: a rising three-note arpeggio.
  boot() {
    const out = buffer(0.45);
    [72, 76, 79].forEach((note, i) => tone(out, { start: i * 0.07, duration: 0.3, freq: midi(note), gain: 0.4, decay: 0.08, shape: 'triangle' }));
    return out;
  },
  // A star earned: a sparkling four-note run.
  star() {
    const out = buffer(0.75);
    [84, 88, 91, 96].forEach((note, i) => tone(out, { start: i * 0.085, duration: 0.45, freq: midi(note), gain: 0.35, decay: 0.14, shape: 'bell' }));
    return out;
  },
};

/**
 * A 12-second loop: four chords of a soft pad, a quiet bass and a gentle plucked arpeggio. Notes are
 * written around the loop (modulo its length), so tails at the end flow into the start without a seam.
 */
function music() {
  const seconds = 12;
  const out = buffer(seconds);
  const chords = [
    [57, 60, 64], // A minor
    [53, 57, 60], // F major
    [48, 52, 55], // C major
    [55, 59, 62], // G major
  ];
  const chordSeconds = seconds / chords.length;
  chords.forEach((chord, c) => {
    const start = c * chordSeconds;
    for (const note of chord) {
      tone(out, { start, duration: chordSeconds + 1.2, freq: midi(note), gain: 0.09, attack: 0.6, decay: 2.2, shape: 'triangle', wrap: true });
      tone(out, { start, duration: chordSeconds + 1.2, freq: midi(note) * 1.003, gain: 0.05, attack: 0.8, decay: 2.2, wrap: true });
    }
    tone(out, { start, duration: chordSeconds, freq: midi(chord[0] - 12), gain: 0.16, attack: 0.05, decay: 1.2, wrap: true });
    const pattern = [0, 1, 2, 1, 2, 1, 0, 2];
    pattern.forEach((step, i) => {
      const note = chord[step] + 12;
      tone(out, { start: start + i * (chordSeconds / pattern.length), duration: 0.5, freq: midi(note), gain: 0.07, decay: 0.12, wrap: true });
    });
  });
  return normalize(out, 0.55);
}

// The game ships the sounds compressed: Opus in WebM (what browsers that can play it load) with an MP3
// fallback, both listed in Howler's format list (src/audio/soundAssets.ts). The WAVs are made in a
// temporary folder and encoded with ffmpeg (Debian's `ffmpeg`, with libopus and libmp3lame): only whoever
// changes the sounds needs it; the encoded files are committed, so builds and CI never do.
const ENCODINGS = {
  webm: (input, output, music) => ['-y', '-loglevel', 'error', '-i', input, '-c:a', 'libopus', '-ac', '1', '-b:a', music ? '32k' : '24k', '-vbr', 'on', '-application', 'audio', '-map_metadata', '-1', '-fflags', '+bitexact', '-f', 'webm', output],
  mp3: (input, output, music) => ['-y', '-loglevel', 'error', '-i', input, '-c:a', 'libmp3lame', '-b:a', music ? '48k' : '40k', '-ac', '1', '-map_metadata', '-1', '-write_xing', '0', '-id3v2_version', '0', '-fflags', '+bitexact', output],
};

const work = mkdtempSync(join(tmpdir(), 'kc-sounds-'));
const sources = {};
for (const [name, make] of Object.entries(effects)) sources[name] = wav(fadeEdges(normalize(make(), 0.8)));
sources.music = wav(music());
mkdirSync(OUT, { recursive: true });
let wavTotal = 0;
let total = 0;
for (const [name, bytes] of Object.entries(sources)) {
  const input = join(work, `${name}.wav`);
  writeFileSync(input, bytes);
  wavTotal += bytes.length;
  for (const [extension, args] of Object.entries(ENCODINGS)) {
    const output = join(OUT, `${name}.${extension}`);
    const run = spawnSync('ffmpeg', args(input, output, name === 'music'), { stdio: ['ignore', 'inherit', 'inherit'] });
    if (run.error || run.status !== 0) {
      console.error('ffmpeg (with libopus and libmp3lame) is needed to encode the sounds: apt-get install ffmpeg');
      process.exit(1);
    }
    total += statSync(output).size;
  }
}
rmSync(work, { recursive: true, force: true });
console.log(`Wrote ${Object.keys(sources).length} sounds as WebM/Opus and MP3 to ${OUT} (${(total / 1024).toFixed(0)} KiB; ${(wavTotal / 1024).toFixed(0)} KiB as WAV).`);
