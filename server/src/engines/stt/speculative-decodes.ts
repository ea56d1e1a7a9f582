// The phrase engine's decodes of speculative transcriptions (the command up to a pause, while the
// speaker may go on: `Utterance.speculative`), kept for the whole command's transcription. When
// its speech is the very same samples, cut the same way, decoding it again (the grammar, the
// phone loop, the second opinion) would repeat the same work after the end of speech. That holds
// only for a speculation whose audio already holds the speech's pad after the last word (one
// started 250 ms or more into the pause); today's, at the pause's start, lengthens the pause.
import { untilAborted } from '../../abort.js';
import type { HeardDecode } from './heard.js';
import type { PhraseResult } from './phrase-engine-types.js';
import type { SpeechSpan } from './speech-span.js';

/** What was decoded in some speech, whatever audio it was found in (no `heard`). */
export interface SpeechDecode {
  readonly result: Omit<PhraseResult, 'heard'>;
  /** The second opinion's decode of the same speech, for the next engine. */
  readonly decoded?: HeardDecode;
}

interface Kept {
  /** What decoded it (the grammar's decoders): another grammar would decode otherwise. */
  readonly decoder: object;
  readonly audio: Uint8Array;
  readonly speech: SpeechSpan;
  readonly decode: Promise<SpeechDecode>;
}

/**
 * Whether the speech `a` found at `aSpan` is the speech `b` found at `bSpan`: cut at the same
 * offsets, with the same samples throughout, pad after the last word included. Not the voiced
 * part alone: a speculative transcription's pad is mostly the pause lengthened with its quietest
 * frame (`lengthenPause`), and that alone changes what the grammar hears. Of 65 utterances with
 * the same voiced part (the latency benchmark's 15 sentences in its 6 voices, a throwaway
 * script), 3 were heard as another sentence, 12 scored more than 1 apart, 2 crossed the ask-back
 * edge, and one command the speculative decode rejected (-21.6) was accepted whole (6.0).
 */
export function sameSpeech(
  a: Uint8Array,
  aSpan: SpeechSpan,
  b: Uint8Array,
  bSpan: SpeechSpan,
): boolean {
  const { start, end } = aSpan;
  if (start !== bSpan.start || end !== bSpan.end) return false;
  if (a.byteLength < end || b.byteLength < end) return false;
  const bytes = (x: Uint8Array) => Buffer.from(x.buffer, x.byteOffset + start, end - start);
  return bytes(a).equals(bytes(b));
}

/**
 * The latest few speculative decodes (one per turn in progress, at most `size`), each taken at
 * most once. The audio is kept in memory only, and only until taken or pushed out.
 */
export class SpeculativeDecodes {
  private kept: Kept[] = [];

  constructor(private readonly size = 4) {}

  /** Keeps a decode; one cut short by `signal` (the speculation's timeout) is not reused. */
  keep(entry: Kept, signal?: AbortSignal): void {
    const decode = entry.decode.then((d) => (signal?.aborted ? Promise.reject(signal.reason) : d));
    const kept = { ...entry, decode };
    this.kept = [kept, ...this.kept.slice(0, this.size - 1)];
    decode.catch(() => this.drop(kept)); // a failed decode is not reused
  }

  /**
   * The decode kept of the same speech, once done (undefined: none, or it failed); a turn
   * cancelled meanwhile does not wait for it.
   */
  async reuse(
    decoder: object,
    audio: Uint8Array,
    speech: SpeechSpan,
    signal?: AbortSignal,
  ): Promise<SpeechDecode | undefined> {
    const kept = this.take(decoder, audio, speech);
    return (
      kept &&
      untilAborted(
        kept.catch(() => undefined),
        signal,
      )
    );
  }

  /** The decode kept of the same speech as `speech` in `audio`, by `decoder`, if any. */
  take(decoder: object, audio: Uint8Array, speech: SpeechSpan): Promise<SpeechDecode> | undefined {
    const found = this.kept.find(
      (k) => k.decoder === decoder && sameSpeech(k.audio, k.speech, audio, speech),
    );
    if (found) this.drop(found);
    return found?.decode;
  }

  clear(): void {
    this.kept = [];
  }

  private drop(entry: Kept): void {
    this.kept = this.kept.filter((k) => k !== entry);
  }
}
