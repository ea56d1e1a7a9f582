// The JSON schemas of the tools' parameters (Ollama's `tools` format) and the check of what a
// model passes against them. Lenient where models commonly slip ("50" for 50, one string for a
// list of one), strict where it matters (not an object, a required argument missing, a value
// outside its enum). Pure.

export interface ParamSchema {
  readonly type: 'string' | 'number' | 'integer' | 'boolean' | 'object' | 'array';
  readonly description?: string;
  readonly enum?: readonly (string | number)[];
  readonly items?: ParamSchema;
  readonly minimum?: number;
  readonly maximum?: number;
}

export interface ObjectSchema {
  readonly type: 'object';
  readonly properties: Readonly<Record<string, ParamSchema>>;
  readonly required?: readonly string[];
}

export type Checked<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };

const fail = (error: string): { ok: false; error: string } => ({ ok: false, error });

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Arguments checked and coerced to the schema; unknown arguments are dropped. */
export function validateArguments(
  schema: ObjectSchema,
  args: unknown,
): Checked<Record<string, unknown>> {
  if (!isRecord(args)) return fail(`arguments must be a JSON object, got ${describe(args)}`);
  const value: Record<string, unknown> = {};
  for (const name of schema.required ?? []) {
    if (args[name] === undefined || args[name] === null || args[name] === '') {
      return fail(`missing required argument "${name}"`);
    }
  }
  for (const [name, param] of Object.entries(schema.properties)) {
    const given = args[name];
    if (given === undefined || given === null) continue;
    const checked = checkValue(param, given, name);
    if (!checked.ok) return checked;
    value[name] = checked.value;
  }
  return { ok: true, value };
}

/** One value against its schema, with the light coercions models need. */
export function checkValue(param: ParamSchema, given: unknown, path: string): Checked<unknown> {
  const coerced = coerce(param, given);
  if (coerced === undefined) {
    return fail(`"${path}" must be ${article(param.type)}, got ${describe(given)}`);
  }
  if (param.enum && !param.enum.includes(coerced as string | number)) {
    return fail(`"${path}" must be one of ${param.enum.join(', ')}, got ${describe(given)}`);
  }
  if (typeof coerced === 'number') {
    if (param.minimum !== undefined && coerced < param.minimum) {
      return fail(`"${path}" must be at least ${param.minimum}, got ${coerced}`);
    }
    if (param.maximum !== undefined && coerced > param.maximum) {
      return fail(`"${path}" must be at most ${param.maximum}, got ${coerced}`);
    }
  }
  if (Array.isArray(coerced) && param.items) {
    const items: unknown[] = [];
    for (const [i, item] of coerced.entries()) {
      const checked = checkValue(param.items, item, `${path}[${i}]`);
      if (!checked.ok) return checked;
      items.push(checked.value);
    }
    return { ok: true, value: items };
  }
  return { ok: true, value: coerced };
}

function coerce(param: ParamSchema, given: unknown): unknown {
  switch (param.type) {
    case 'string':
      return typeof given === 'string'
        ? given
        : typeof given === 'number'
          ? String(given)
          : undefined;
    case 'number':
    case 'integer': {
      const n = typeof given === 'string' && given.trim() !== '' ? Number(given) : given;
      if (typeof n !== 'number' || !Number.isFinite(n)) return undefined;
      return param.type === 'integer' ? (Number.isInteger(n) ? n : undefined) : n;
    }
    case 'boolean':
      if (typeof given === 'boolean') return given;
      return given === 'true' ? true : given === 'false' ? false : undefined;
    case 'array':
      return Array.isArray(given) ? given : typeof given === 'string' ? [given] : undefined;
    case 'object':
      return isRecord(given) ? given : undefined;
  }
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `the string ${JSON.stringify(value.slice(0, 40))}`;
  return typeof value === 'object' ? 'an object' : `${typeof value} ${String(value)}`;
}
