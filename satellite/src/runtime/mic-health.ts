// Watches what the microphone delivers for the ways it goes wrong for minutes on end: digital
// silence (a muted or wrong capture device), clipping (the gain far too high, a broken
// preamp), or a rate that is not 16 kHz (a wrong --mic-command-rate). Each is warned about once,
// with what was seen; detections are refused while the audio clips. Constant memory: counters
// and a ring of the last chunks' flags.
import { type Logger, silentLogger } from 'wyoming-ts';

export interface MicHealthOptions {
  readonly logger?: Logger;
  /** Wall clock in ms; when given, the delivered rate is checked against 16 kHz. */
  readonly now?: () => number;
  /** Silence this long before the warning (default 60 s of audio). */
  readonly silenceSeconds?: number;
  /** Clipping this long before the warning (default 10 s of audio). */
  readonly clippingSeconds?: number;
  /** Wall time over which the rate is measured (default 60 s). */
  readonly rateSeconds?: number;
}

/** A chunk clips when at least this share of its samples sit at full scale. */
const CLIPPED_SHARE = 0.02;
/** Detections are refused when this share of the last second and a half clipped. */
const REFUSE_SHARE = 0.25;
const RECENT_MS = 1500;
const RATE = 16000;
/** The delivered rate may be this far off 16 kHz before it is reported. */
const RATE_TOLERANCE = 0.1;

export type MicProblem = 'silence' | 'clipping' | 'rate';

export class MicHealth {
  readonly #logger: Logger;
  readonly #now?: () => number;
  readonly #silenceSamples: number;
  readonly #clippingSamples: number;
  readonly #rateMs: number;
  /** Whether each recent chunk clipped, and its length: a ring, oldest overwritten. */
  readonly #recent: { clipped: boolean; samples: number }[] = [];
  #recentSamples = 0;
  #silentRun = 0;
  #clippedRun = 0;
  #peakShare = 0;
  #rateStart?: { atMs: number; samples: number };
  #delivered = 0;
  readonly warned = new Set<MicProblem>();

  constructor(options: MicHealthOptions = {}) {
    this.#logger = options.logger ?? silentLogger;
    this.#now = options.now;
    this.#silenceSamples = (options.silenceSeconds ?? 60) * RATE;
    this.#clippingSamples = (options.clippingSeconds ?? 10) * RATE;
    this.#rateMs = (options.rateSeconds ?? 60) * 1000;
  }

  /** One chunk of 16 kHz samples, as delivered (after gain). */
  observe(samples: Int16Array): void {
    let full = 0;
    let silent = true;
    for (let i = 0; i < samples.length; i++) {
      const s = samples[i]!;
      if (s >= 32767 || s <= -32767) full++;
      if (s > 1 || s < -1) silent = false;
    }
    const share = full / Math.max(1, samples.length);
    const clipped = share >= CLIPPED_SHARE;
    this.#remember(clipped, samples.length);
    this.#silentRun = silent ? this.#silentRun + samples.length : 0;
    this.#clippedRun = clipped ? this.#clippedRun + samples.length : 0;
    this.#peakShare = clipped ? Math.max(this.#peakShare, share) : 0;
    if (this.#silentRun >= this.#silenceSamples) {
      this.#warn(
        'silence',
        `the microphone has delivered digital silence for ${this.#seconds(this.#silentRun)} s: muted, or the wrong capture device?`,
      );
    }
    if (this.#clippedRun >= this.#clippingSamples) {
      this.#warn(
        'clipping',
        `the microphone clips: up to ${(this.#peakShare * 100).toFixed(0)} % of samples at full scale for ${this.#seconds(this.#clippedRun)} s; lower the capture level or --mic-volume-multiplier (wake words are ignored while it clips)`,
      );
    }
    this.#checkRate(samples.length);
  }

  /** True while the last second and a half clipped too much to trust a detection. */
  clipping(): boolean {
    let clipped = 0;
    for (const chunk of this.#recent) if (chunk.clipped) clipped += chunk.samples;
    return this.#recentSamples > 0 && clipped / this.#recentSamples >= REFUSE_SHARE;
  }

  /** How many chunks it keeps (bounded, whatever the input). */
  get retained(): number {
    return this.#recent.length;
  }

  #remember(clipped: boolean, samples: number): void {
    this.#recent.push({ clipped, samples });
    this.#recentSamples += samples;
    while (
      this.#recent.length > 1 &&
      this.#recentSamples - this.#recent[0]!.samples >= (RECENT_MS * RATE) / 1000
    ) {
      this.#recentSamples -= this.#recent.shift()!.samples;
    }
  }

  #checkRate(samples: number): void {
    if (!this.#now) return;
    const atMs = this.#now();
    this.#delivered += samples;
    // Measured from the first chunk on: the capture's start-up buffering is small against it.
    this.#rateStart ??= { atMs, samples: this.#delivered };
    const elapsed = atMs - this.#rateStart.atMs;
    if (elapsed < this.#rateMs) return;
    const rate = ((this.#delivered - this.#rateStart.samples) * 1000) / elapsed;
    if (Math.abs(rate / RATE - 1) > RATE_TOLERANCE) {
      this.#warn(
        'rate',
        `the microphone delivers about ${Math.round(rate)} samples per second, not ${RATE}: check --mic-command-rate against what --mic-command really records`,
      );
    }
    this.#rateStart = { atMs, samples: this.#delivered };
  }

  #seconds(samples: number): number {
    return Math.round(samples / RATE);
  }

  #warn(problem: MicProblem, message: string): void {
    if (this.warned.has(problem)) return;
    this.warned.add(problem);
    this.#logger.warn(message);
  }
}
