import { AudioChunk, AudioStart, AudioStop, type Eventable, SynthesizeStopped } from 'wyoming-ts';
import { SentenceSplitter } from '../engines/tts/sentences.js';
import type { TextToSpeech } from '../engines/tts/tts.js';

/**
 * One streamed synthesis (`synthesize-start`, `synthesize-chunk`s, `synthesize-stop`): each
 * sentence is spoken as soon as it is complete, in order, as its own audio-start / chunks /
 * audio-stop, and `synthesize-stopped` follows the last one.
 */
export class SynthesisStream {
  private readonly splitter = new SentenceSplitter();
  private queue: Promise<void> = Promise.resolve();
  private failure: Error | undefined;

  constructor(
    private readonly tts: TextToSpeech,
    private readonly write: (event: Eventable) => Promise<void>,
    private readonly voice: { name?: string; language?: string } = {},
  ) {}

  push(text: string): void {
    for (const sentence of this.splitter.push(text)) this.enqueue(sentence);
  }

  /** Speaks what is left, waits for every sentence, then sends `synthesize-stopped`. */
  async finish(): Promise<void> {
    for (const sentence of this.splitter.flush()) this.enqueue(sentence);
    await this.queue;
    await this.write(new SynthesizeStopped());
    if (this.failure) throw this.failure;
  }

  private enqueue(sentence: string): void {
    this.queue = this.queue.then(() => (this.failure ? undefined : this.speak(sentence)));
  }

  private async speak(text: string): Promise<void> {
    try {
      const audio = await this.tts.synthesize({
        text,
        voice: this.voice.name,
        language: this.voice.language,
      });
      const { rate, width, channels } = audio.format;
      const bytesPerMs = (rate * width * channels) / 1000;
      await this.write(new AudioStart({ rate, width, channels, timestamp: 0 }));
      let sent = 0;
      for await (const piece of audio.chunks) {
        for (let offset = 0; offset < piece.length; offset += 2048) {
          const part = piece.subarray(offset, offset + 2048);
          await this.write(
            new AudioChunk({
              rate,
              width,
              channels,
              audio: part,
              timestamp: Math.round(sent / bytesPerMs),
            }),
          );
          sent += part.length;
        }
      }
      await this.write(new AudioStop({ timestamp: Math.round(sent / bytesPerMs) }));
    } catch (error) {
      this.failure = error as Error;
    }
  }
}
