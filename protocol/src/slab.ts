// Small byte arrays carved out of shared 64 KiB slabs, as Node's Buffer pool does, because
// allocating a fresh ArrayBuffer per event costs more than encoding or decoding the event.
// A view keeps its slab alive; slabs are never reused, so views never alias each other.

const SLAB_SIZE = 64 * 1024;
const MAX_POOLED = SLAB_SIZE / 8;

let slab = new Uint8Array(SLAB_SIZE);
let offset = 0;

/** A zero-length-safe byte array of `size` bytes; its contents are unspecified. */
export function allocateBytes(size: number): Uint8Array {
  if (size > MAX_POOLED) return new Uint8Array(size);
  if (offset + size > SLAB_SIZE) {
    slab = new Uint8Array(SLAB_SIZE);
    offset = 0;
  }
  const view = slab.subarray(offset, offset + size);
  offset = (offset + size + 7) & ~7;
  return view;
}

/** A copy of `source` in pooled memory. */
export function copyBytes(source: Uint8Array): Uint8Array {
  const copy = allocateBytes(source.byteLength);
  copy.set(source);
  return copy;
}
