// The websocket commands the Home Assistant client sends to load the registries and Assist
// exposure, and the mapping of the library's errors (bare numbers, `{ code, message }` objects)
// to `EngineError`.
import {
  ERR_CANNOT_CONNECT,
  ERR_CONNECTION_LOST,
  ERR_INVALID_AUTH,
  type Connection,
} from 'home-assistant-js-websocket';
import type { Logger } from 'wyoming-ts';
import { EngineError } from '../errors.js';
import type {
  HaAreaEntry,
  HaDeviceEntry,
  HaEntityEntry,
  HaExposure,
  HaRegistry,
} from './ha-registry.js';

export const ENGINE = 'home-assistant';

/** Events after which the registries and exposure are fetched again. */
export const REGISTRY_EVENTS = [
  'area_registry_updated',
  'device_registry_updated',
  'entity_registry_updated',
] as const;

interface HaErrorShape {
  readonly code: string | number;
  readonly message: string;
}

function errorShape(err: unknown): HaErrorShape | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  // A lost connection rejects in-flight commands with a whole result message.
  const inner: unknown = 'error' in err && !(err instanceof Error) ? err.error : err;
  if (typeof inner !== 'object' || inner === null) return undefined;
  const { code, message } = inner as { code?: unknown; message?: unknown };
  if (typeof message !== 'string') return undefined;
  return { code: typeof code === 'number' ? code : String(code ?? ''), message };
}

/** Home Assistant's error code (`not_found`, `unauthorized`...), when `err` carries one. */
export function haErrorCode(err: unknown): string | number | undefined {
  return errorShape(err)?.code;
}

/** The library's bare error numbers. */
const LIBRARY_ERRORS: Readonly<Record<number, string>> = {
  [ERR_CANNOT_CONNECT]: 'cannot connect',
  [ERR_INVALID_AUTH]: 'access token refused',
  [ERR_CONNECTION_LOST]: 'connection lost',
};

export function describeHaError(err: unknown): string {
  if (typeof err === 'number') return LIBRARY_ERRORS[err] ?? `error ${err}`;
  if (err instanceof Error) return err.message;
  const shape = errorShape(err);
  if (shape) return shape.code === '' ? shape.message : `${shape.message} (${shape.code})`;
  return String(err);
}

/** Wraps whatever the library rejected with; retryable, as the brief for `Home` asks. */
export function toEngineError(err: unknown, what: string): EngineError {
  if (err instanceof EngineError) return err;
  return new EngineError(ENGINE, `${what}: ${describeHaError(err)}`, {
    retryable: true,
    cause: err,
  });
}

export interface Deferred<T> {
  readonly promise: Promise<T>;
  resolve(value: T): void;
  reject(reason: unknown): void;
}

/** `Promise.withResolvers`, which Node 20 lacks. */
export function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

type Send = <T>(type: string, fields?: Record<string, unknown>) => Promise<T>;

async function fetchExposure(send: Send, logger: Logger): Promise<HaExposure> {
  const [list, news] = await Promise.allSettled([
    send<{ exposed_entities?: HaExposure['exposedEntities'] }>('homeassistant/expose_entity/list'),
    send<{ expose_new?: boolean }>('homeassistant/expose_new_entities/get', {
      assistant: 'conversation',
    }),
  ]);
  if (list.status === 'rejected') {
    const code = haErrorCode(list.reason);
    if (code !== 'unauthorized' && code !== 'unknown_command') throw list.reason;
    logger.warn(
      `Home Assistant: cannot read the entities exposed to Assist (${describeHaError(list.reason)}); ` +
        'using Home Assistant’s defaults (the token’s user must be an administrator)',
    );
  }
  return {
    exposedEntities: list.status === 'fulfilled' ? (list.value.exposed_entities ?? {}) : {},
    exposeNew: news.status === 'fulfilled' ? news.value.expose_new !== false : true,
  };
}

/** Areas, devices, entities (with aliases) and Assist exposure, as Home Assistant has them now. */
export async function fetchRegistry(conn: Connection, logger: Logger): Promise<HaRegistry> {
  const send: Send = (type, fields = {}) => conn.sendMessagePromise({ type, ...fields });
  const [areas, devices, list, exposure] = await Promise.all([
    send<HaAreaEntry[]>('config/area_registry/list'),
    send<HaDeviceEntry[]>('config/device_registry/list'),
    send<HaEntityEntry[]>('config/entity_registry/list'),
    fetchExposure(send, logger),
  ]);
  // The list leaves aliases out; `get_entries` returns the extended entries.
  const ids = list.filter((entry) => !entry.disabled_by).map((entry) => entry.entity_id);
  const extended =
    ids.length > 0
      ? await send<Record<string, HaEntityEntry | null>>('config/entity_registry/get_entries', {
          entity_ids: ids,
        })
      : {};
  const entities = list.map((entry) => extended[entry.entity_id] ?? entry);
  return { areas, devices, entities, exposure };
}
