import { ProtocolError } from './errors.js';
import type { Event, JsonObject } from './event.js';
import { isPlainObject } from './fields.js';
import { copyBytes } from './slab.js';

export interface DecoderLimits {
  /** Longest accepted header line, newline excluded. */
  maxHeaderBytes: number;
  /** Largest accepted data block (`data_length`). */
  maxDataBytes: number;
  /** Largest accepted payload (`payload_length`). */
  maxPayloadBytes: number;
}

export const DEFAULT_DECODER_LIMITS: Readonly<DecoderLimits> = Object.freeze({
  maxHeaderBytes: 64 * 1024,
  maxDataBytes: 1024 * 1024,
  maxPayloadBytes: 16 * 1024 * 1024,
});

interface PendingFrame {
  type: string;
  inlineData: JsonObject | undefined;
  dataLength: number;
  payloadLength: number;
}

const NEWLINE = 0x0a;
const INITIAL_CAPACITY = 16 * 1024;

/**
 * Incremental Wyoming decoder: feed it bytes in pieces of any size, get whole events back.
 * Corrupt input throws `ProtocolError`, and the decoder stays failed afterwards: a stream that
 * went wrong once cannot be trusted to resynchronise.
 */
export class EventDecoder {
  readonly limits: Readonly<DecoderLimits>;
  private buffer = new Uint8Array(INITIAL_CAPACITY);
  private start = 0;
  private tail = 0;
  private scanFrom = 0;
  private pending: PendingFrame | undefined;
  private failure: ProtocolError | undefined;
  private readonly text = new TextDecoder('utf-8', { fatal: true });

  constructor(limits: Partial<DecoderLimits> = {}) {
    this.limits = { ...DEFAULT_DECODER_LIMITS, ...limits };
  }

  /** Bytes received that do not yet form a whole event. */
  get bufferedBytes(): number {
    return this.tail - this.start;
  }

  /** True when the bytes so far end exactly on an event boundary. */
  get atBoundary(): boolean {
    return this.pending === undefined && this.tail === this.start;
  }

  /** Adds bytes and returns every event they complete, in order. */
  push(bytes: Uint8Array): Event[] {
    if (this.failure) throw this.failure;
    try {
      this.append(bytes);
      return this.drain();
    } catch (error) {
      this.failure =
        error instanceof ProtocolError
          ? error
          : new ProtocolError(`undecodable input: ${String(error)}`, 'protocol-error', {
              cause: error,
            });
      throw this.failure;
    }
  }

  /** Declares the end of the stream: throws when it stops in the middle of an event. */
  end(): void {
    if (this.failure) throw this.failure;
    if (!this.atBoundary) {
      const what = this.pending ? `'${this.pending.type}' event` : 'header line';
      this.failure = new ProtocolError(
        `stream ended inside a ${what} (${this.bufferedBytes} bytes pending)`,
        'truncated',
      );
      throw this.failure;
    }
  }

  private append(bytes: Uint8Array): void {
    const length = bytes.byteLength;
    if (this.tail + length > this.buffer.byteLength) {
      const used = this.tail - this.start;
      if (used + length <= this.buffer.byteLength && this.start > 0) {
        this.buffer.copyWithin(0, this.start, this.tail);
      } else {
        const grown = new Uint8Array(Math.max(this.buffer.byteLength * 2, used + length));
        grown.set(this.buffer.subarray(this.start, this.tail));
        this.buffer = grown;
      }
      this.scanFrom -= this.start;
      this.start = 0;
      this.tail = used;
    }
    this.buffer.set(bytes, this.tail);
    this.tail += length;
  }

  private drain(): Event[] {
    const events: Event[] = [];
    for (;;) {
      if (!this.pending && !this.readHeader()) break;
      const frame = this.pending!;
      if (this.tail - this.start < frame.dataLength + frame.payloadLength) break;
      events.push(this.readBody(frame));
      this.pending = undefined;
      this.scanFrom = this.start;
    }
    if (this.start === this.tail) {
      this.start = this.tail = this.scanFrom = 0;
    }
    return events;
  }

  private readHeader(): boolean {
    let newline = this.buffer.indexOf(NEWLINE, this.scanFrom);
    if (newline >= this.tail) newline = -1; // bytes past the tail are stale
    const lineEnd = newline < 0 ? this.tail : newline;
    if (lineEnd - this.start > this.limits.maxHeaderBytes) {
      throw new ProtocolError(
        `header line longer than ${this.limits.maxHeaderBytes} bytes`,
        'header-too-long',
      );
    }
    if (newline < 0) {
      this.scanFrom = this.tail;
      return false;
    }
    this.pending = this.parseHeader(this.buffer.subarray(this.start, newline));
    this.start = this.scanFrom = newline + 1;
    return true;
  }

  private parseHeader(line: Uint8Array): PendingFrame {
    const header = this.parseJson(line, 'header');
    if (!isPlainObject(header)) throw new ProtocolError('header is not a JSON object');
    const type = header.type;
    if (typeof type !== 'string' || type.length === 0) {
      throw new ProtocolError("header has no 'type' string", 'missing-type');
    }
    const inline = header.data;
    if (inline !== undefined && inline !== null && !isPlainObject(inline)) {
      throw new ProtocolError(`'${type}' header: 'data' is not an object`);
    }
    return {
      type,
      inlineData: inline ?? undefined,
      dataLength: this.length(header, 'data_length', this.limits.maxDataBytes, type),
      payloadLength: this.length(header, 'payload_length', this.limits.maxPayloadBytes, type),
    };
  }

  private length(header: JsonObject, key: string, limit: number, type: string): number {
    const value = header[key];
    if (value === undefined || value === null) return 0;
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
      throw new ProtocolError(`'${type}' header: ${key} must be a non-negative integer`);
    }
    if (value > limit) {
      throw new ProtocolError(
        `'${type}' header: ${key} ${value} exceeds the limit of ${limit} bytes`,
        'too-large',
      );
    }
    return value;
  }

  private readBody(frame: PendingFrame): Event {
    let data: JsonObject = frame.inlineData ?? {};
    if (frame.dataLength > 0) {
      const block = this.buffer.subarray(this.start, this.start + frame.dataLength);
      const parsed = this.parseJson(block, `'${frame.type}' data block`);
      if (!isPlainObject(parsed)) {
        throw new ProtocolError(`'${frame.type}' data block is not a JSON object`);
      }
      data = frame.inlineData ? { ...frame.inlineData, ...parsed } : parsed;
      this.start += frame.dataLength;
    }
    if (frame.payloadLength === 0) return { type: frame.type, data };
    const payload = copyBytes(this.buffer.subarray(this.start, this.start + frame.payloadLength));
    this.start += frame.payloadLength;
    return { type: frame.type, data, payload };
  }

  private parseJson(bytes: Uint8Array, what: string): unknown {
    let text: string;
    try {
      text = this.text.decode(bytes);
    } catch {
      throw new ProtocolError(`${what} is not valid UTF-8`, 'bad-utf8');
    }
    try {
      return JSON.parse(text);
    } catch {
      throw new ProtocolError(`${what} is not valid JSON`, 'bad-json');
    }
  }
}

/** Decodes a complete byte string into its events; throws if it ends mid-event. */
export function decodeEvents(bytes: Uint8Array, limits?: Partial<DecoderLimits>): Event[] {
  const decoder = new EventDecoder(limits);
  const events = decoder.push(bytes);
  decoder.end();
  return events;
}
