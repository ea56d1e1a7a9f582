import { concatBytes } from './bytes.js';
import { asEvent, type Event, type Eventable, PROTOCOL_VERSION } from './event.js';
import { allocateBytes } from './slab.js';

const utf8 = new TextEncoder();
const VERSION_JSON = JSON.stringify(PROTOCOL_VERSION);

// Header and data are encoded into this scratch buffer, then copied once into the output.
let scratch = new Uint8Array(16 * 1024);

/**
 * Encodes one event as the reference writer does: a JSON header line with `type`, `version`,
 * `data_length` and `payload_length`, then the data as a separate JSON block, then the payload.
 */
export function encodeEvent(value: Event | Eventable): Uint8Array {
  const event = asEvent(value);
  const dataJson = hasKeys(event.data) ? JSON.stringify(event.data) : '';
  const payload = event.payload && event.payload.byteLength > 0 ? event.payload : undefined;

  const dataLength = writeUtf8(dataJson, 0);
  let header = `{"type":${JSON.stringify(event.type)},"version":${VERSION_JSON}`;
  if (dataLength > 0) header += `,"data_length":${dataLength}`;
  if (payload) header += `,"payload_length":${payload.byteLength}`;
  header += '}\n';
  const headerLength = writeUtf8(header, dataLength);

  const out = allocateBytes(headerLength + dataLength + (payload?.byteLength ?? 0));
  out.set(scratch.subarray(dataLength, dataLength + headerLength), 0);
  out.set(scratch.subarray(0, dataLength), headerLength);
  if (payload) out.set(payload, headerLength + dataLength);
  return out;
}

/** Writes `text` as UTF-8 into the scratch buffer at `at`, growing it; returns the byte count. */
function writeUtf8(text: string, at: number): number {
  if (text.length === 0) return 0;
  const worstCase = at + text.length * 3;
  if (worstCase > scratch.byteLength) {
    const grown = new Uint8Array(Math.max(worstCase, scratch.byteLength * 2));
    grown.set(scratch.subarray(0, at));
    scratch = grown;
  }
  return utf8.encodeInto(text, scratch.subarray(at)).written;
}

/** Encodes several events back to back in one buffer. */
export function encodeEvents(values: Iterable<Event | Eventable>): Uint8Array {
  return concatBytes(Array.from(values, encodeEvent));
}

function hasKeys(data: object | undefined): boolean {
  if (!data) return false;
  for (const _ in data) return true;
  return false;
}
