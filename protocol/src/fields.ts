import { ProtocolError } from './errors.js';
import type { Event, JsonObject } from './event.js';

/**
 * Reads and validates the fields of an event's data. Errors name the event type and the field
 * (`transcript.text: expected string, got number`). `null` counts as absent for optional fields,
 * as the Python reference writes `null` for unset optionals.
 */
export class FieldReader {
  constructor(
    private readonly data: JsonObject,
    private readonly where: string,
  ) {}

  static of(event: Event, expectedType: string): FieldReader {
    if (event.type !== expectedType) {
      throw new ProtocolError(`expected a '${expectedType}' event, got '${event.type}'`);
    }
    return new FieldReader(event.data ?? {}, expectedType);
  }

  /** A reader for a nested object, with errors naming the nested path. */
  nested(key: string): FieldReader {
    return new FieldReader(this.object(key), `${this.where}.${key}`);
  }

  static forObject(value: unknown, where: string): FieldReader {
    if (!isPlainObject(value))
      throw new ProtocolError(`${where}: expected object, got ${kind(value)}`);
    return new FieldReader(value, where);
  }

  has(key: string): boolean {
    return this.data[key] !== undefined && this.data[key] !== null;
  }

  raw(key: string): unknown {
    return this.data[key];
  }

  string(key: string): string {
    return this.required(key, this.optString(key));
  }

  optString(key: string): string | undefined {
    const value = this.optional(key);
    if (value === undefined || typeof value === 'string') return value;
    throw this.error(key, 'string', value);
  }

  int(key: string): number {
    return this.required(key, this.optInt(key));
  }

  optInt(key: string): number | undefined {
    const value = this.optional(key);
    if (value === undefined || (typeof value === 'number' && Number.isSafeInteger(value))) {
      return value;
    }
    throw this.error(key, 'integer', value);
  }

  /** A positive integer, as rate, width and channels must be. */
  positiveInt(key: string): number {
    const value = this.int(key);
    if (value > 0) return value;
    throw new ProtocolError(`${this.where}.${key}: expected a positive integer, got ${value}`);
  }

  optNumber(key: string): number | undefined {
    const value = this.optional(key);
    if (value === undefined || (typeof value === 'number' && Number.isFinite(value))) return value;
    throw this.error(key, 'number', value);
  }

  bool(key: string): boolean {
    return this.required(key, this.optBool(key));
  }

  optBool(key: string): boolean | undefined {
    const value = this.optional(key);
    if (value === undefined || typeof value === 'boolean') return value;
    throw this.error(key, 'boolean', value);
  }

  object(key: string): JsonObject {
    return this.required(key, this.optObject(key));
  }

  optObject(key: string): JsonObject | undefined {
    const value = this.optional(key);
    if (value === undefined || isPlainObject(value)) return value;
    throw this.error(key, 'object', value);
  }

  stringArray(key: string): string[] {
    return this.required(key, this.optStringArray(key));
  }

  optStringArray(key: string): string[] | undefined {
    const value = this.optional(key);
    if (value === undefined) return undefined;
    if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value;
    throw this.error(key, 'array of strings', value);
  }

  /** An array whose items are parsed by `parse`, each error naming its index. */
  array<T>(key: string, parse: (item: unknown, where: string) => T): T[] {
    return this.required(key, this.optArray(key, parse));
  }

  optArray<T>(key: string, parse: (item: unknown, where: string) => T): T[] | undefined {
    const value = this.optional(key);
    if (value === undefined) return undefined;
    if (!Array.isArray(value)) throw this.error(key, 'array', value);
    return value.map((item, index) => parse(item, `${this.where}.${key}[${index}]`));
  }

  /** One of a fixed set of strings. */
  oneOf<T extends string>(key: string, allowed: readonly T[]): T {
    const value = this.string(key);
    if ((allowed as readonly string[]).includes(value)) return value as T;
    throw new ProtocolError(
      `${this.where}.${key}: expected one of ${allowed.join(', ')}, got '${value}'`,
    );
  }

  private optional(key: string): unknown {
    const value = this.data[key];
    return value === null ? undefined : value;
  }

  private required<T>(key: string, value: T | undefined): T {
    if (value === undefined)
      throw new ProtocolError(`${this.where}.${key}: required field is missing`);
    return value;
  }

  private error(key: string, expected: string, value: unknown): ProtocolError {
    return new ProtocolError(`${this.where}.${key}: expected ${expected}, got ${kind(value)}`);
  }
}

export function isPlainObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function kind(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}
