// Fuzz: whatever bytes arrive, in whatever pieces, the decoder returns events or throws a
// ProtocolError, stays failed after one, and every event it returns parses to its class or
// fails with a ProtocolError. `npm run fuzz` runs more cases (FUZZ_SCALE).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fuzzRuns, hostileStream, splitAt } from '../test/fuzz-inputs.js';
import { EventDecoder } from './decoder.js';
import { ProtocolError } from './errors.js';
import { parseEvent } from './registry.js';

const RUNS = fuzzRuns(2000);

describe('EventDecoder under fuzz', () => {
  it(
    `throws nothing but ProtocolError, and stays failed after one (${RUNS} streams)`,
    () => {
      const seen = { events: 0, refused: 0, typed: 0, invalid: 0 };
      fc.assert(
        fc.property(hostileStream, ({ bytes, cuts }) => {
          const decoder = new EventDecoder();
          let failure: unknown;
          for (const piece of splitAt(bytes, cuts)) {
            let events;
            try {
              events = decoder.push(piece);
            } catch (error) {
              failure = error;
              break;
            }
            for (const event of events) {
              seen.events++;
              try {
                if (parseEvent(event)) seen.typed++;
              } catch (error) {
                if (!(error instanceof ProtocolError)) throw error;
                seen.invalid++;
              }
            }
          }
          if (failure === undefined) return;
          seen.refused++;
          expect(failure).toBeInstanceOf(ProtocolError);
          expect(() => decoder.push(new Uint8Array([0x7b]))).toThrow(failure as Error);
        }),
        { numRuns: RUNS },
      );
      console.log(`decoder fuzz: ${RUNS} streams, ${JSON.stringify(seen)}, 0 crashes`);
      // The inputs reach every outcome: a fuzzer that never gets past the header tests little.
      expect(seen.refused).toBeGreaterThan(0);
      expect(seen.typed).toBeGreaterThan(0);
      expect(seen.invalid).toBeGreaterThan(0);
    },
    20_000 + RUNS,
  );
});
