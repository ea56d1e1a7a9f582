// Hostile Wyoming byte streams for the fuzzers (fast-check): the golden frames the Python
// reference wrote, mutated byte by byte and field by field, stacked and split at random.
import fc from 'fast-check';
import { concatBytes } from '../src/bytes.js';
import { goldenBytes, goldenFileNames } from './golden-files.js';

/** Cases per property: `base` in `npm test`, times FUZZ_SCALE with `npm run fuzz`. */
export function fuzzRuns(base: number): number {
  const scale = Number(process.env.FUZZ_SCALE ?? 1);
  return Math.max(1, Math.round(base * (Number.isFinite(scale) && scale > 0 ? scale : 1)));
}

/** The numbered frames of the reference, one event each. */
export const GOLDEN_FRAMES: readonly Uint8Array[] = goldenFileNames()
  .filter((name) => /^\d\d-.*\.bin$/.test(name))
  .map(goldenBytes);

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Values a careless or hostile peer puts where a field belongs, as JSON text. */
const hostileValue: fc.Arbitrary<string> = fc.oneof(
  fc
    .constantFrom(
      0, -1, 1.5, 2 ** 31, 2 ** 53, -(2 ** 53), 1e308, 16_000_000, 192_001, 7999, 64, 65, 5,
      '', 'x'.repeat(70_000), '\u0000', 'line\nbreak', '\u202e', null, true, [], {},
    )
    .map((value) => JSON.stringify(value)),
  fc.integer().map(String),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map(String),
  fc.string({ maxLength: 40 }).map((text) => JSON.stringify(text)),
  // Nesting deeper than any recursive walk should follow.
  fc.integer({ min: 1, max: 20_000 }).map((depth) => '['.repeat(depth) + ']'.repeat(depth)),
); // prettier-ignore

/** Stands for the hostile value in JSON text until it is spliced in. */
const MARK = '"@@hostile@@"';

/** One golden frame with a header or data field replaced, lengths kept consistent or not. */
const fieldMutation = fc
  .tuple(
    fc.constantFrom(...GOLDEN_FRAMES),
    fc.constantFrom(
      'type',
      'data_length',
      'payload_length',
      'data',
      'rate',
      'width',
      'channels',
      'text',
      'name',
      'timestamp',
      'start_stage',
      'end_stage',
    ),
    hostileValue,
    fc.boolean(),
  ) // prettier-ignore
  .map(([frame, key, value, fixLength]) => mutateField(frame, key, value, fixLength));

/** A golden frame with bytes flipped, cut out or slipped in. */
const byteMutation = fc
  .tuple(
    fc.constantFrom(...GOLDEN_FRAMES),
    fc.array(
      fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 }), fc.constantFrom('set', 'cut', 'add')),
      {
        minLength: 1,
        maxLength: 8,
      },
    ),
  ) // prettier-ignore
  .map(([frame, edits]) => {
    const bytes = [...frame];
    for (const [at, value, kind] of edits) {
      const i = at % (bytes.length + 1);
      if (kind === 'set' && i < bytes.length) bytes[i] = value;
      else if (kind === 'cut') bytes.splice(i, 1);
      else bytes.splice(i, 0, value);
    }
    return Uint8Array.from(bytes);
  });

/** Anything: bytes, a header line of JSON or of noise. */
const noise = fc.oneof(
  fc.uint8Array({ maxLength: 512 }),
  fc.json({ maxDepth: 3 }).map((json) => encoder.encode(`${json}\n`)),
  fc.string({ maxLength: 200 }).map((text) => encoder.encode(`${text}\n`)),
);

/** One piece of a hostile stream. */
export const hostileFrame: fc.Arbitrary<Uint8Array> = fc.oneof(
  { arbitrary: fc.constantFrom(...GOLDEN_FRAMES), weight: 1 },
  { arbitrary: fieldMutation, weight: 4 },
  { arbitrary: byteMutation, weight: 3 },
  { arbitrary: noise, weight: 2 },
);

/** A stream of a few hostile frames back to back, and the sizes it arrives in. */
export const hostileStream = fc.record({
  bytes: fc.array(hostileFrame, { minLength: 1, maxLength: 6 }).map(concatBytes),
  cuts: fc.array(fc.integer({ min: 1, max: 4096 }), { maxLength: 16 }),
});

/** `bytes` split at the given sizes (the rest in one last piece). */
export function splitAt(bytes: Uint8Array, cuts: readonly number[]): Uint8Array[] {
  const pieces: Uint8Array[] = [];
  let offset = 0;
  for (const size of cuts) {
    if (offset >= bytes.length) break;
    pieces.push(bytes.subarray(offset, offset + size));
    offset += size;
  }
  if (offset < bytes.length) pieces.push(bytes.subarray(offset));
  return pieces;
}

/** Rewrites one field of a golden frame (in its header, or its data block when it has one). */
function mutateField(frame: Uint8Array, key: string, value: string, fixLength: boolean) {
  const newline = frame.indexOf(0x0a);
  const header = JSON.parse(decoder.decode(frame.subarray(0, newline))) as Record<string, unknown>;
  const dataLength = typeof header.data_length === 'number' ? header.data_length : 0;
  const rest = frame.subarray(newline + 1);
  let data = dataLength > 0 ? decoder.decode(rest.subarray(0, dataLength)) : undefined;
  const payload = rest.subarray(dataLength);
  const inHeader = key in header || data === undefined;
  if (inHeader) {
    header[key] = JSON.parse(MARK);
  } else {
    data = JSON.stringify({ ...(JSON.parse(data!) as object), [key]: JSON.parse(MARK) });
    data = data.replace(MARK, value);
  }
  if (fixLength && data !== undefined && key !== 'data_length') {
    header.data_length = encoder.encode(data).length;
  }
  let line = JSON.stringify(header);
  if (inHeader) line = line.replace(MARK, value);
  return concatBytes([
    encoder.encode(`${line}\n`),
    data === undefined ? new Uint8Array(0) : encoder.encode(data),
    payload,
  ]);
}
