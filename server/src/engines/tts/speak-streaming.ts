// Speaking sentences as they come: each is synthesized as soon as it exists, while the one
// before is still being played, so the first sentence's audio starts before the rest of the
// answer is written. Use with `sentencesOf(llmDeltas)`.
import { AudioChunk, AudioChunkConverter, type AudioFormat } from 'wyoming-ts';
import type { SynthesizedAudio, TextToSpeech } from './tts.js';

export interface SpeakStreamingOptions {
  readonly language?: string;
  readonly voice?: string;
  readonly signal?: AbortSignal;
  /** The format reported when there is no sentence at all (default 22050 Hz mono 16-bit). */
  readonly emptyFormat?: AudioFormat;
}

/**
 * Resolves with the first sentence's format once its synthesis has started; `chunks` then
 * plays every sentence in order, in that format (later sentences are converted if an engine
 * changes format). The next sentence is synthesized while the current one plays. Stopping the
 * iteration early or aborting cancels what is still being synthesized.
 */
export async function speakStreaming(
  tts: TextToSpeech,
  sentences: AsyncIterable<string>,
  options: SpeakStreamingOptions = {},
): Promise<SynthesizedAudio> {
  const controller = new AbortController();
  const signal = options.signal
    ? AbortSignal.any([options.signal, controller.signal])
    : controller.signal;
  const source = sentences[Symbol.asyncIterator]();
  const synthesizeNext = async (): Promise<SynthesizedAudio | undefined> => {
    for (;;) {
      signal.throwIfAborted();
      const next = await source.next();
      if (next.done) return undefined;
      if (!next.value.trim()) continue;
      return tts.synthesize(
        { text: next.value, language: options.language, voice: options.voice },
        signal,
      );
    }
  };
  let first: SynthesizedAudio | undefined;
  try {
    first = await synthesizeNext();
  } catch (error) {
    controller.abort();
    release(source);
    throw error;
  }
  if (!first) {
    return {
      format: options.emptyFormat ?? { rate: 22050, width: 2, channels: 1 },
      chunks: (async function* () {})(),
    };
  }
  return { format: first.format, chunks: play(first, synthesizeNext, controller, source) };
}

async function* play(
  first: SynthesizedAudio,
  synthesizeNext: () => Promise<SynthesizedAudio | undefined>,
  controller: AbortController,
  source: AsyncIterator<string>,
): AsyncGenerator<Uint8Array> {
  const target = first.format;
  let current: SynthesizedAudio | undefined = first;
  try {
    while (current) {
      // Start the next sentence now, so its audio is ready when this one ends.
      const upcoming = synthesizeNext();
      upcoming.catch(() => {}); // awaited below; avoid an unhandled rejection meanwhile
      yield* inFormat(current, target);
      current = await upcoming;
    }
  } finally {
    controller.abort();
    release(source);
  }
}

/**
 * Ends the sentence stream without waiting: an async generator's `return` waits for a pending
 * `next`, which may be an LLM still thinking.
 */
function release(source: AsyncIterator<string>): void {
  void Promise.resolve(source.return?.()).catch(() => {});
}

async function* inFormat(audio: SynthesizedAudio, target: AudioFormat): AsyncGenerator<Uint8Array> {
  const same =
    audio.format.rate === target.rate &&
    audio.format.width === target.width &&
    audio.format.channels === target.channels;
  if (same) {
    yield* audio.chunks;
    return;
  }
  const converter = new AudioChunkConverter(target);
  for await (const piece of audio.chunks) {
    const converted = converter.convert(new AudioChunk({ ...audio.format, audio: piece }));
    if (converted.audio.byteLength > 0) yield converted.audio;
  }
  const tail = converter.flush();
  if (tail && tail.audio.byteLength > 0) yield tail.audio;
}
