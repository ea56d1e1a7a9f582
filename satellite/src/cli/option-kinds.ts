import { z } from 'zod';
import { OptionsObject } from './schema.js';

export type OptionKind = 'string' | 'number' | 'boolean' | 'list';

/** What the flag parser and `--help` need to know about one option, read from the schema. */
export interface OptionInfo {
  readonly kind: OptionKind;
  readonly help: string;
  readonly fallback?: unknown;
  readonly min?: number;
  readonly max?: number;
}

/** Reads an option's kind, help, default and bounds from its zod schema. */
export function optionInfo(schema: z.ZodTypeAny): OptionInfo {
  const help = schema.description ?? '';
  let fallback: unknown;
  let inner = schema;
  for (;;) {
    if (inner instanceof z.ZodDefault) {
      fallback = inner._def.defaultValue();
      inner = inner._def.innerType;
    } else if (inner instanceof z.ZodOptional) inner = inner.unwrap();
    else break;
  }
  if (inner instanceof z.ZodBoolean) return { kind: 'boolean', help, fallback };
  if (inner instanceof z.ZodArray) return { kind: 'list', help, fallback };
  if (inner instanceof z.ZodNumber) {
    return {
      kind: 'number',
      help,
      fallback,
      min: inner.minValue ?? undefined,
      max: inner.maxValue ?? undefined,
    };
  }
  return { kind: 'string', help, fallback };
}

/** Every option by name, in schema order. */
export function allOptions(): Array<[string, OptionInfo]> {
  return Object.entries(OptionsObject.shape).map(([name, schema]) => [
    name,
    optionInfo(schema as z.ZodTypeAny),
  ]);
}
