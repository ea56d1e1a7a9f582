// Announces the Wyoming endpoint to Home Assistant once it answers, as the core Wyoming add-ons
// do: the port must serve `describe` before Home Assistant is told to connect.
import { Describe, Info, type Logger } from 'wyoming-ts';
import { WyomingClient } from 'wyoming-ts/node';
import { EngineError } from '../errors.js';
import { retrying, type SupervisorClient } from './supervisor.js';

/** Resolves once `uri` answers `describe` with `info`; a refusal is a retryable error. */
export async function describeAnswers(uri: string, signal?: AbortSignal): Promise<void> {
  let client: WyomingClient | undefined;
  try {
    client = await WyomingClient.connect(uri, { connectTimeoutMs: 5000, signal });
    await client.write(new Describe());
    for (;;) {
      const event = await client.readEvent();
      if (event === null) throw new Error('closed before info');
      if (Info.isType(event.type)) return;
    }
  } catch (error) {
    throw new EngineError('wyoming', `${uri} does not answer yet: ${(error as Error).message}`, {
      retryable: true,
    });
  } finally {
    await client?.disconnect();
  }
}

export interface AnnounceOptions {
  readonly supervisor: SupervisorClient;
  /** Where this process reaches its own endpoint (`tcp://127.0.0.1:10600`). */
  readonly localUri: string;
  /** The port Home Assistant connects to. */
  readonly port: number;
  /** The host name when the Supervisor does not say (the container's). */
  readonly fallbackHost: string;
  readonly logger: Logger;
  readonly signal?: AbortSignal;
  readonly delaysMs?: readonly number[];
}

/** Waits for the endpoint, then posts the discovery until it is taken; its uuid, or undefined. */
export async function announceWyoming(options: AnnounceOptions): Promise<string | undefined> {
  const { supervisor, logger, signal } = options;
  const retry = { logger, signal, delaysMs: options.delaysMs, forever: true };
  const answered = await retrying(
    'Wyoming endpoint',
    (s) => describeAnswers(options.localUri, s),
    retry,
  );
  if (answered === undefined && signal?.aborted) return undefined;
  const info = await retrying('Supervisor add-on info', (s) => supervisor.info(s), {
    ...retry,
    forever: false,
  });
  const uri = `tcp://${info?.hostname ?? options.fallbackHost}:${options.port}`;
  const uuid = await retrying(
    'Wyoming discovery',
    (s) => supervisor.discover('wyoming', { uri }, s),
    retry,
  );
  if (uuid) logger.info(`Home Assistant offered the Wyoming integration for ${uri}`);
  return uuid;
}
