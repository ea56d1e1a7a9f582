// An async iterable of text that a producer pushes to and ends: the agent's spoken answer as it
// is produced. One reader; what is pushed before it reads is kept.

export class TextChannel implements AsyncIterable<string> {
  readonly #queue: string[] = [];
  #ended = false;
  #wake: (() => void) | undefined;

  push(text: string): void {
    if (!text || this.#ended) return;
    this.#queue.push(text);
    this.#notify();
  }

  end(): void {
    this.#ended = true;
    this.#notify();
  }

  get ended(): boolean {
    return this.#ended;
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<string> {
    for (;;) {
      const next = this.#queue.shift();
      if (next !== undefined) {
        yield next;
        continue;
      }
      if (this.#ended) return;
      await new Promise<void>((resolve) => (this.#wake = resolve));
    }
  }

  #notify(): void {
    const wake = this.#wake;
    this.#wake = undefined;
    wake?.();
  }
}

/** The spoken answer as it goes out: pushed to the channel and kept whole. */
export class Voice {
  text = '';

  constructor(private readonly channel: TextChannel) {}

  say(text: string): void {
    if (!text) return;
    this.text += text;
    this.channel.push(text);
  }

  /** A sentence of its own after whatever was said (a line break ends the sentence before). */
  sayApart(text: string): void {
    this.say(this.text.trim() ? `\n${text}` : text);
  }
}
