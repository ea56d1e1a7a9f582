// Which of a model's text gets spoken. Models sometimes write before calling a tool ("Let me
// check that."), and that is not the answer. So a round's text is held until its first
// sentence is complete: that costs speech nothing, since text-to-speech waits for whole
// sentences anyway (the sentence splitter only knows a sentence ended when the next begins).
// Then the rest streams through as it comes. A round that ends in tool calls before that is
// silent: its text goes back to the model in the history, not to the speaker. Text spoken before
// a late tool call stays spoken (a preamble). Markdown marks and emoji are dropped on the way.
import { SentenceSplitter } from '../engines/tts/sentences.js';

const UNSPOKEN = /[*#`~]|\p{Extended_Pictographic}|\uFE0F/gu;

/** What a speaker should get of a delta: no markdown marks, no emoji. */
export function speakable(delta: string): string {
  return delta.replace(UNSPOKEN, '').replace(/_/g, ' ');
}

export class SpokenGate {
  readonly #splitter = new SentenceSplitter();
  #held = '';
  #open = false;

  /** A delta in; the text to speak now (maybe empty). */
  push(delta: string): string {
    const clean = speakable(delta);
    if (this.#open) return clean;
    this.#held += clean;
    if (this.#splitter.push(clean).length === 0) return '';
    this.#open = true;
    return this.#take();
  }

  /** The round ended with an answer: whatever is held is spoken. */
  end(): string {
    this.#open = true;
    return this.#take();
  }

  /** The round ended in tool calls: what is held is not spoken; returns it. */
  drop(): string {
    return this.#take();
  }

  /** Whether some of this round's text was spoken already. */
  get opened(): boolean {
    return this.#open;
  }

  #take(): string {
    const text = this.#held;
    this.#held = '';
    return text;
  }
}
