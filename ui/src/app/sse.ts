// A text/event-stream reader's parsing, as the HTML standard describes it (the fields the
// server sends: `event`, `data`, comments; `id` and `retry` ignored). Pure: text in, events out.
// The web UI reads /api/events with fetch, not EventSource, so it can send the API token.

export interface StreamEvent {
  readonly type: string;
  readonly data: string;
}

export class SseParser {
  private buffer = '';
  private type = '';
  private data: string[] = [];

  /** Feeds decoded text; returns the events it completed. */
  push(text: string): StreamEvent[] {
    this.buffer += text;
    const events: StreamEvent[] = [];
    for (;;) {
      const end = this.buffer.search(/\r\n|\r|\n/);
      // A lone \r at the end may be the first half of \r\n: wait for more.
      if (end < 0 || (end === this.buffer.length - 1 && this.buffer.endsWith('\r'))) break;
      const line = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(this.buffer.startsWith('\r\n', end) ? end + 2 : end + 1);
      const event = this.line(line);
      if (event) events.push(event);
    }
    return events;
  }

  private line(line: string): StreamEvent | undefined {
    if (line === '') {
      const event =
        this.data.length > 0
          ? { type: this.type || 'message', data: this.data.join('\n') }
          : undefined;
      this.type = '';
      this.data = [];
      return event;
    }
    if (line.startsWith(':')) return undefined;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'event') this.type = value;
    else if (field === 'data') this.data.push(value);
    return undefined;
  }
}
