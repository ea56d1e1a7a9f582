import { type Event, type Eventable, ProtocolError, SynthesizeStopped } from 'wyoming-ts';
import { SentenceSplitter } from '../engines/tts/sentences.js';
import type { TextToSpeech } from '../engines/tts/tts.js';
import { sendAudio } from '../pipeline/speak.js';

/**
 * One streamed synthesis (`synthesize-start`, `synthesize-chunk`s, `synthesize-stop`): each
 * sentence is spoken as soon as it is complete, in order, as its own audio-start / chunks /
 * audio-stop, and `synthesize-stopped` follows the last one.
 */
export class SynthesisStream {
  private readonly splitter = new SentenceSplitter();
  private queue: Promise<void> = Promise.resolve();
  private failure: Error | undefined;
  private chars = 0;

  constructor(
    private readonly tts: TextToSpeech,
    private readonly write: (event: Event | Eventable) => Promise<void>,
    private readonly voice: { name?: string; language?: string } = {},
    /** The whole streamed text may be this long; one chunk more is a `ProtocolError`. */
    private readonly maxChars = Number.POSITIVE_INFINITY,
  ) {}

  push(text: string): void {
    this.chars += text.length;
    if (this.chars > this.maxChars) {
      throw new ProtocolError(
        `synthesize-chunk: more than ${this.maxChars} characters`,
        'too-long',
      );
    }
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
      await sendAudio(audio, this.write);
    } catch (error) {
      this.failure = error as Error;
    }
  }
}
