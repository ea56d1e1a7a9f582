// Reminders and the speech schedule wired into the server: the store the config names (Redis
// when `redis.url` is set, else `<data_dir>/reminders.json`), the schedule speaking on the
// satellites connected now (the awake chime first for reminders and heads-ups), where someone
// was last heard (each turn tells), and modes through one injected `modeOf`. What the schedule
// holds that is not a reminder's is kept beside them (`<data_dir>/speech.json` or Redis).
// Several servers on one Redis: each firing is claimed by one server, and a change made on one
// is published so the others reload.
import { hostname } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { type Logger, silentLogger } from 'wyoming-ts';
import type { JarvisConfig } from '../config/schema.js';
import type { SpeechToText } from '../engines/stt/stt.js';
import { redactUrl } from '../conversation/resilient-store.js';
import type { EventBus, ServerEvent } from '../event-bus.js';
import type { SatelliteRegistry } from '../satellites/registry.js';
import type { SatelliteSession } from '../satellites/session.js';
import { type Clock, systemClock } from '../speech/clock.js';
import type { RoomMode, SpeechItem } from '../speech/schedule.js';
import { redisClaim } from '../speech/claim.js';
import { FileSpeechKeep, RedisSpeechKeep } from '../speech/speech-keep.js';
import { SpeechService } from '../speech/speech-service.js';
import { ReminderBook, parseItemId } from './book.js';
import { ThanksListener } from './thanks.js';
import { FileReminderStore, RedisReminderStore, type ReminderStore } from './store.js';
import { reminderWords } from './words.js';

const MINUTE = 60_000;

export interface ReminderServiceOptions {
  readonly config: JarvisConfig;
  readonly registry: SatelliteRegistry;
  readonly bus: EventBus;
  /** The satellites' speech-to-text: after a reminder it hears "ok" or "merci" (no wake word). */
  readonly stt?: SpeechToText;
  /** A satellite's mode (silent, night, do not disturb); 'normal' until modes exist. */
  readonly modeOf?: (satellite: string) => RoomMode;
  readonly clock?: Clock;
  /** How long one item may take to be played before the next goes (default 60 s). */
  readonly playTimeoutMs?: number;
  readonly logger?: Logger;
}

export interface ReminderService {
  /** None when reminders are off or their store failed to load. */
  readonly book?: ReminderBook;
  readonly speech: SpeechService;
  /** One line for the start-up summary. */
  readonly summary: string;
  stop(): Promise<void>;
}

export async function startReminders(options: ReminderServiceOptions): Promise<ReminderService> {
  const { config, registry, bus } = options;
  const logger = options.logger ?? silentLogger;
  const clock = options.clock ?? systemClock;
  const settings = config.reminders;
  const later: { book?: ReminderBook } = {};
  const thanks = new ThanksListener(options.stt, bus, logger);
  /** The sessions each item is being said on, for listening for a thanks afterwards. */
  const saidOn = new Map<string, SatelliteSession[]>();
  const words = reminderWords(config.language);
  const redis = config.redis.url ? redisClient(config.redis.url, logger) : undefined;
  const where = config.redis.url ? `Redis at ${redactUrl(config.redis.url)}` : config.data_dir;
  const speech = new SpeechService({
    ...(redis && { claim: redisClaim(redis, { owner: `${hostname()}:${process.pid}` }) }),
    keep: redis
      ? new RedisSpeechKeep(redis)
      : new FileSpeechKeep(join(config.data_dir, 'speech.json')),
    clock,
    satellites: () => registry.list().map((session) => session.id),
    modeOf: options.modeOf,
    say: (item, satellites, messages) => {
      const sessions = satellites.map((id) => registry.find(id)).filter((s) => s !== undefined);
      saidOn.set(item.id, sessions);
      const timeoutMs = options.playTimeoutMs ?? 60_000;
      const language = item.language ?? config.language;
      const text = messages ? `${words.messages(messages, language)} ${item.text}` : item.text;
      return sayOn(sessions, { ...item, text }, { bus, timeoutMs });
    },
    onSaid: async (item) => {
      const sessions = saidOn.get(item.id) ?? [];
      saidOn.delete(item.id);
      await later.book?.said(item);
      if (parseItemId(item.id)?.part !== 'due' || sessions.length === 0) return;
      if (await thanks.heard(sessions, item.language ?? config.language)) {
        await later.book?.acknowledge();
      }
    },
    onHeld: (item) => logger.info(`speech: ${item.kind} held (no satellite may speak it now)`),
    lastHeardWindowMs: settings.last_heard_minutes * MINUTE,
    logger,
  });
  /** Satellites whose turn ended before their answer was played. */
  const answering = new Set<string>();
  const unsubscribe = bus.on((event) => onEvent({ speech, registry, answering }, event));
  const watching: { stop?: () => Promise<void> } = {};
  const stopAll = async () => {
    unsubscribe();
    await watching.stop?.();
    await thanks.close();
    await speech.stop();
    await redis?.quit().catch(() => redis.disconnect());
  };
  const held = await keptSpeech(speech, where, logger);
  if (!settings.enabled) {
    const summary = `off (reminders.enabled is false); ${held}`;
    return { speech, summary, stop: stopAll };
  }
  const store: ReminderStore = redis
    ? new RedisReminderStore(redis)
    : new FileReminderStore(join(config.data_dir, 'reminders.json'));
  const book = new ReminderBook({
    store,
    clock,
    schedule: speech,
    words,
    headsUpMs: settings.heads_up_minutes * MINUTE,
    repeatAfterMs: settings.repeat_after_minutes * MINUTE,
    lateLimitMs: settings.late_limit_minutes * MINUTE,
    onChange: () => bus.emit({ type: 'reminders-changed' }),
    logger,
  });
  // Set before it starts: what it says on start moves it on.
  later.book = book;
  try {
    // Listening first: a change made while this one loads is not missed (a reload is idempotent).
    watching.stop = await store.watch?.(() => {
      book.reload().catch((error: Error) => logger.warn(`reminders: reload: ${error.message}`));
    });
    const recovered = await book.start();
    const summary = `${book.all().length} in ${where}; on start ${recovered.late} late (said now), ${recovered.missed} missed; ${held}`;
    return { book, speech, summary, stop: stopAll };
  } catch (error) {
    later.book = undefined;
    logger.error(`reminders unavailable: ${(error as Error).message}`);
    return {
      speech,
      summary: `unavailable (${(error as Error).message}); ${held}`,
      stop: stopAll,
    };
  }
}

/** Puts back what the schedule kept; one phrase for the summary. */
async function keptSpeech(speech: SpeechService, where: string, logger: Logger): Promise<string> {
  try {
    const count = await speech.start();
    return `${count} held message${count === 1 ? '' : 's'} kept in ${where}`;
  } catch (error) {
    logger.error(`held speech not restored (left as it is): ${(error as Error).message}`);
    return `held messages not restored (${(error as Error).message})`;
  }
}

function onEvent(
  deps: { speech: SpeechService; registry: SatelliteRegistry; answering: Set<string> },
  event: ServerEvent,
): void {
  const { speech, registry, answering } = deps;
  if (event.type === 'turn' && event.satellite) {
    speech.heard(event.satellite);
    // Once the answer to what was said has been played, a silent satellite says what it holds.
    if (!event.transcript?.trim()) return;
    if (registry.find(event.satellite)?.phase === 'idle') speech.addressed(event.satellite);
    else answering.add(event.satellite);
  }
  if (event.type === 'phase' && event.phase === 'idle' && answering.delete(event.satellite)) {
    speech.addressed(event.satellite);
  }
  if (event.type === 'satellite-connected' || event.type === 'satellites-changed') {
    speech.refresh();
  }
}

function redisClient(url: string, logger: Logger): Redis {
  const redis = new Redis(url, { maxRetriesPerRequest: 2, connectTimeout: 5000 });
  // An unhandled ioredis `error` event would crash the process.
  redis.on('error', (error: Error) => logger.debug(`reminders: Redis: ${error.message}`));
  return redis;
}

/**
 * Says `item` on each session, the awake chime first for reminders and heads-ups, and waits
 * until each has played it (its phase back to idle), or `timeoutMs`.
 */
async function sayOn(
  sessions: readonly SatelliteSession[],
  item: SpeechItem,
  deps: { bus: EventBus; timeoutMs: number },
): Promise<void> {
  const chime = item.kind === 'reminder' || item.kind === 'heads-up';
  if (sessions.length === 0) throw new Error('the satellites chosen are no longer connected');
  await Promise.all(
    sessions.map(async (session) => {
      await session.announce(item.text, item.language, { chime });
      // Checked and subscribed in one tick: the satellite's `played` cannot slip in between.
      if (session.phase !== 'idle') await untilIdle(deps.bus, session.id, deps.timeoutMs);
    }),
  );
}

/** Resolves when `satellite` next goes idle, or after `timeoutMs`. */
function untilIdle(bus: EventBus, satellite: string, timeoutMs: number): Promise<void> {
  return new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      off();
      resolve();
    };
    const timer = setTimeout(done, timeoutMs);
    const off = bus.on((e) => {
      if (e.type === 'phase' && e.satellite === satellite && e.phase === 'idle') done();
    });
  });
}
