// Engine wrappers that record how long each call took, so a benchmark can take engine time
// out of a turn's latency and see the server's own overhead.
import type { SpeechToText, Transcription, Utterance } from '../src/engines/stt/stt.js';
import { MoonshineRecognizer } from '../src/engines/stt/moonshine.js';
import type { SynthesisRequest, SynthesizedAudio, TextToSpeech } from '../src/engines/tts/tts.js';

export class TimedStt implements SpeechToText {
  readonly durations: number[] = [];

  constructor(private readonly inner: SpeechToText) {}

  get name() {
    return this.inner.name;
  }

  get languages() {
    return this.inner.languages;
  }

  async transcribe(utterance: Utterance, signal?: AbortSignal): Promise<Transcription> {
    const started = performance.now();
    try {
      return await this.inner.transcribe(utterance, signal);
    } finally {
      this.durations.push(performance.now() - started);
    }
  }

  close() {
    return this.inner.close();
  }
}

/** Records the time from a synthesis request to its first audio piece. */
export class TimedTts implements TextToSpeech {
  readonly firstAudio: number[] = [];

  constructor(private readonly inner: TextToSpeech) {}

  get name() {
    return this.inner.name;
  }

  voices() {
    return this.inner.voices();
  }

  async synthesize(request: SynthesisRequest, signal?: AbortSignal): Promise<SynthesizedAudio> {
    const started = performance.now();
    const audio = await this.inner.synthesize(request, signal);
    const record = this.firstAudio;
    async function* chunks() {
      let first = true;
      for await (const chunk of audio.chunks) {
        if (first) record.push(performance.now() - started);
        first = false;
        yield chunk;
      }
    }
    return { format: audio.format, chunks: chunks() };
  }

  close() {
    return this.inner.close();
  }
}

/**
 * Counts every Moonshine decode in this process from now on (the second opinions' and the
 * general engine's: they share one model). The prototype is wrapped, not an engine, so the count
 * is taken the same way whatever the engines do with the model.
 */
export function countMoonshineDecodes(): { readonly count: number } {
  const counter = { count: 0 };
  const decode = MoonshineRecognizer.prototype.decode;
  MoonshineRecognizer.prototype.decode = function (this: MoonshineRecognizer, ...args) {
    counter.count++;
    return decode.apply(this, args);
  };
  return counter;
}
