import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Frames written by the Python reference (OHF-Voice/wyoming 1.9.0), vendored from shared/. */
export const GOLDEN_DIR = join(dirname(fileURLToPath(import.meta.url)), 'golden');

export interface GoldenCase {
  file: string;
  type: string;
  data: Record<string, unknown>;
  payload_base64: string | null;
}

export function goldenCases(): GoldenCase[] {
  const parsed = JSON.parse(readFileSync(join(GOLDEN_DIR, 'cases.json'), 'utf8')) as {
    cases: GoldenCase[];
  };
  return parsed.cases;
}

export function goldenBytes(file: string): Uint8Array {
  return new Uint8Array(readFileSync(join(GOLDEN_DIR, file)));
}

export function goldenFileNames(): string[] {
  return readdirSync(GOLDEN_DIR).sort();
}

export function payloadOf(golden: GoldenCase): Uint8Array | undefined {
  return golden.payload_base64 === null
    ? undefined
    : new Uint8Array(Buffer.from(golden.payload_base64, 'base64'));
}

/** Drops `null` values, which the reference writes for unset optional fields. */
export function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== null)
        .map(([k, v]) => [k, withoutNulls(v)]),
    );
  }
  return value;
}
