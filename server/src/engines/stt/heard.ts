// What the phrase engine found in an utterance (where the speech is, and what its second opinion,
// Moonshine, wrote down in it), handed by the chain to the next engine with the same audio, so
// that speech the grammar rejects is not scanned by a second VAD nor decoded by Moonshine twice.
import type { MoonshineDecode } from './moonshine.js';
import type { SecondRecognizer } from './second-opinion.js';
import type { SpeechSpan } from './speech-span.js';

/** A recogniser's decode of the speech, and which model made it. */
export interface HeardDecode extends MoonshineDecode {
  /** The model's name (`MoonshineRecognizer.model`): only the same model may take it as its own. */
  readonly model: string;
}

/**
 * What an engine found in one utterance's audio. Plain data: it says nothing of which audio, so
 * it is only ever passed on with the utterance it was found in (`Utterance.heard`).
 */
export interface Heard {
  /** The length of the audio it was found in: a check that it is passed on with that audio. */
  readonly audioBytes: number;
  /** How the speech was cut (`trimmingFor`): an engine that cuts otherwise ignores it all. */
  readonly trimming: string;
  /** The speech in the audio (byte offsets, padded), or null: the VAD heard none. */
  readonly speech: SpeechSpan | null;
  /** The speech, with the noise floor added (`withNoiseFloor`), as the recogniser decoded it. */
  readonly decoded?: HeardDecode;
}

/** A recogniser that also gives its token log-probabilities (Moonshine). */
export interface DecodingRecognizer extends SecondRecognizer {
  readonly model: string;
  decode(pcm: Uint8Array, signal?: AbortSignal): Promise<MoonshineDecode>;
}

const decodes = (recognizer: SecondRecognizer): recognizer is DecodingRecognizer =>
  typeof recognizer.decode === 'function' && typeof recognizer.model === 'string';

/**
 * The second opinion's recogniser, keeping each decode of a buffer until it is taken: the second
 * hearing asks for the text only, and the phrase engine takes the rest for the next engine.
 * Keyed by the buffer itself (each utterance's speech is a new one), and weakly.
 */
export class KeptDecodes implements SecondRecognizer {
  private readonly kept = new WeakMap<Uint8Array, HeardDecode>();

  constructor(private readonly inner: SecondRecognizer) {}

  get model(): string | undefined {
    return decodes(this.inner) ? this.inner.model : undefined;
  }

  async transcribe(pcm: Uint8Array, signal?: AbortSignal): Promise<string> {
    if (!decodes(this.inner)) return this.inner.transcribe(pcm, signal);
    const decoded = await this.inner.decode(pcm, signal);
    this.kept.set(pcm, { ...decoded, model: this.inner.model });
    return decoded.text;
  }

  /** Passed through, kept by no one: another engine's wrapper does its own keeping. */
  decode(pcm: Uint8Array, signal?: AbortSignal): Promise<MoonshineDecode> {
    if (!decodes(this.inner)) throw new TypeError('this recogniser does not decode');
    return this.inner.decode(pcm, signal);
  }

  /** The decode of `pcm` (once), if its text was asked for and the recogniser gave one. */
  take(pcm: Uint8Array): HeardDecode | undefined {
    const decoded = this.kept.get(pcm);
    this.kept.delete(pcm);
    return decoded;
  }
}
