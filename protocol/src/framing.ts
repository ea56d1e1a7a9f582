import { asEvent, type Event, type Eventable, PROTOCOL_VERSION } from './event.js';

const utf8 = new TextEncoder();
const VERSION_JSON = JSON.stringify(PROTOCOL_VERSION);
const NEWLINE = 0x0a;

/**
 * Encodes one event as the reference writer does: a JSON header line with `type`, `version`,
 * `data_length` and `payload_length`, then the data as a separate JSON block, then the payload.
 */
export function encodeEvent(value: Event | Eventable): Uint8Array {
  const event = asEvent(value);
  const dataBytes = hasKeys(event.data) ? utf8.encode(JSON.stringify(event.data)) : undefined;
  const payload = event.payload && event.payload.byteLength > 0 ? event.payload : undefined;

  let header = `{"type":${JSON.stringify(event.type)},"version":${VERSION_JSON}`;
  if (dataBytes) header += `,"data_length":${dataBytes.byteLength}`;
  if (payload) header += `,"payload_length":${payload.byteLength}`;
  header += '}';

  const headerBytes = utf8.encode(header);
  const dataLength = dataBytes?.byteLength ?? 0;
  const out = new Uint8Array(headerBytes.byteLength + 1 + dataLength + (payload?.byteLength ?? 0));
  out.set(headerBytes, 0);
  let offset = headerBytes.byteLength;
  out[offset++] = NEWLINE;
  if (dataBytes) {
    out.set(dataBytes, offset);
    offset += dataLength;
  }
  if (payload) out.set(payload, offset);
  return out;
}

/** Encodes several events back to back in one buffer. */
export function encodeEvents(values: Iterable<Event | Eventable>): Uint8Array {
  const parts = Array.from(values, encodeEvent);
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.byteLength, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.byteLength;
  }
  return out;
}

function hasKeys(data: object | undefined): boolean {
  if (!data) return false;
  for (const _ in data) return true;
  return false;
}
