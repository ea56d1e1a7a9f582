import { join } from 'node:path';
import { type Logger, silentLogger } from 'wyoming-ts';
import { parseUri, type WyomingServer } from 'wyoming-ts/node';
import {
  resolveWakeWordModels,
  SileroVad,
  VadStream,
  type WakeWordDetector,
  type WakeWordModel,
} from '@jarvis/satellite/engines';
import type { ConversationAgent } from './agent/agent.js';
import type { JarvisConfig } from './config/schema.js';
import { hasGeneralStt } from './config/consistency.js';
import type { ConversationStore } from './conversation/store.js';
import type { SpeechToText } from './engines/stt/stt.js';
import type { TextToSpeech } from './engines/tts/tts.js';
import { WakeWordPool } from './engines/wake/wake-pool.js';
import { EventBus } from './event-bus.js';
import { type Extensions, startExtensions } from './extensions.js';
import type { Home } from './home/home.js';
import { RecentTurns } from './http/recent-turns.js';
import { HttpApi } from './http/server.js';
import type { IntentRecognizer } from './intents/types.js';
import type { MemoryStore } from './memory/memory.js';
import { Metrics } from './metrics.js';
import { loadChime } from './reminders/chime.js';
import { type ReminderService, startReminders } from './reminders/reminder-service.js';
import type { Clock } from './speech/clock.js';
import type { RoomMode } from './speech/schedule.js';
import type { TurnEngines } from './pipeline/turn.js';
import type { ModeStore } from './modes/mode-store.js';
import { pauseMarksMs } from './pipeline/endpointing.js';
import { WakeArbiter } from './satellites/arbiter.js';
import { AdoptionStore } from './satellites/adoption-store.js';
import { type Browse, browseZeroconf, discoverSatellites } from './satellites/discovery.js';
import type { DriverTiming } from './satellites/driver.js';
import { SatelliteControls } from './satellites/controls.js';
import { SatelliteFleet } from './satellites/fleet.js';
import { SatelliteRegistry } from './satellites/registry.js';
import { SettingsStore } from './satellites/settings-store.js';
import { createWyomingEndpoint } from './wyoming/endpoint.js';
import { serviceInfo } from './wyoming/info.js';

/** What the server is built from; tests pass their own. */
export interface AppParts {
  stt: SpeechToText;
  /** The engine whose accepted sentence is a whole command, for early endpointing (phrase). */
  commandStt?: SpeechToText;
  tts: TextToSpeech;
  recognizer: IntentRecognizer;
  home: Home;
  /** Turns the home's names into the phrase engine's grammar; none when not applicable. */
  onHomeChanged?: () => void;
  /**
   * How satellites are found on the network (default: zeroconf when `discovery.zeroconf`).
   * Found ones are listed as discovered and driven only once adopted.
   */
  browse?: Browse;
  /** The LLM agent, for what no local intent understands (see `brain.ts`). */
  agent?: ConversationAgent;
  /** Conversation context, shared by the pipeline and the agent. */
  conversations?: ConversationStore;
  /** Long-term memory, for `/api/memories`. */
  memory?: MemoryStore;
  /** More for `/health` (agent, memory, context). */
  status?: () => Record<string, unknown>;
  /** Shared with the brain, which counts the agent's failures. */
  metrics?: Metrics;
  /**
   * A satellite's mode (silent, night, do not disturb) for the speech schedule: reminders and
   * queued speech are held or let through by it. 'normal' everywhere when not given.
   */
  modeOf?: (satellite: string) => RoomMode;
  /** The house's and the satellites' modes: the mode selects, the night volume, `/api/modes`. */
  modes?: ModeStore;
  /** The speech schedule's clock (reminders, held announcements); tests pass a manual one. */
  clock?: Clock;
}

export interface RunningApp {
  readonly wyomingUri: string;
  readonly httpPort: number;
  readonly registry: SatelliteRegistry;
  /** Every satellite known: configured, adopted, discovered, connected. */
  readonly fleet: SatelliteFleet;
  readonly metrics: Metrics;
  readonly bus: EventBus;
  /** The Home Assistant bridges (MQTT, HA events) and the automation actions. */
  readonly extensions: Extensions;
  /** Reminders and the speech schedule. */
  readonly reminders: ReminderService;
  stop(): Promise<void>;
}

/** Starts the server: Wyoming endpoint, satellites, HTTP API. */
export async function startApp(
  config: JarvisConfig,
  parts: AppParts,
  logger: Logger = silentLogger,
): Promise<RunningApp> {
  const bus = new EventBus(logger);
  const metrics = parts.metrics ?? new Metrics();
  const wakeModels: WakeWordModel[] = resolveWakeWordModels({
    names: config.wake.models,
    threshold: config.wake.threshold,
  });
  // Started on first use: most installations have no satellite that streams all the time.
  let wakePool: WakeWordPool | undefined;
  const preThreshold = config.wake.speed_variants;
  // An unknown name throws at once, so the detect service can refuse it before any audio.
  const createWakeDetector = (names?: readonly string[]): Promise<WakeWordDetector> => {
    const models =
      names && names.length > 0
        ? resolveWakeWordModels({ names, threshold: config.wake.threshold })
        : wakeModels;
    wakePool ??= new WakeWordPool({
      workers: config.wake.workers || undefined,
      logger,
      speedVariants: preThreshold > 0 ? { preThreshold } : undefined,
    });
    return Promise.resolve(wakePool.open(models));
  };
  // The arbiter asks the registry (declared just below) how many satellites could compete.
  const arbiter = new WakeArbiter({
    windowMs: config.arbitration.window_ms,
    rivals: () => registry.size,
  });
  const controls = new SatelliteControls({
    bus,
    store: new SettingsStore(join(config.data_dir, 'satellite-settings.json')),
    modes: parts.modes,
    nightVolume: config.modes.night_volume,
    logger,
  });
  await controls.load();
  // What turns use; reminders join once the registry they speak through exists.
  const engines: AppParts & TurnEngines = { ...parts, chime: loadChime() };
  const registry: SatelliteRegistry = new SatelliteRegistry(
    {
      engines,
      arbiter,
      language: config.language,
      createVad: async () =>
        new VadStream({
          detector: await SileroVad.load(),
          pauseMarksMs: pauseMarksMs(config.pipeline),
        }),
      createWakeDetector: () => createWakeDetector(),
      sttTimeoutMs: config.stt.timeout_ms,
      sensitiveConfidence: config.stt.phrase.sensitive_confidence,
      maxCommandSeconds: config.pipeline.max_command_seconds,
      earlyEndpointMs: parts.commandStt ? config.pipeline.early_endpoint_ms : 0,
      // Only when the grammar is all there is: a general engine hears what it rejects, and an
      // open question may pause longer.
      rejectedEndpointMs:
        parts.commandStt && !hasGeneralStt(config) ? config.pipeline.rejected_endpoint_ms : 0,
      logger,
      onPhase: (session, phase) => bus.emit({ type: 'phase', satellite: session.id, phase }),
      onTurn: (session, outcome) => {
        if (outcome.reply) {
          // The answer to an automation's question: for the one who asked, not a command.
          const { transcript = '', language } = outcome;
          bus.emit({ type: 'reply', satellite: session.id, transcript, language });
          return;
        }
        metrics.recordTurn('voice', outcome.timings, outcome);
        bus.emit({ type: 'turn', satellite: session.id, ...outcome });
        logger.info(
          `${session.name}: ${outcome.intent ?? 'no intent'}${outcome.failed ? ' (failed)' : ''}${outcome.rejected ? ` (${outcome.rejected})` : ''}; ${describeTimings(outcome.timings)}`,
        );
      },
    },
    controls,
  );
  const modeOf =
    parts.modeOf ??
    (parts.modes ? (satellite: string) => parts.modes!.modeOf(satellite) : undefined);
  const reminders = await startReminders({
    config,
    registry,
    bus,
    stt: parts.stt,
    clock: parts.clock,
    modeOf,
    logger,
  });
  engines.reminders = reminders.book;
  // A mode that ends (or is lifted) lets held reminders and messages be said now.
  const stopFollowingModes = parts.modes?.onChange(() => reminders.speech.refresh());
  const timing: DriverTiming = {
    pingIntervalMs: config.satellite_driver.ping_interval_ms,
    pingTimeoutMs: config.satellite_driver.ping_timeout_ms,
    reconnectMinMs: config.satellite_driver.reconnect_min_ms,
    reconnectMaxMs: config.satellite_driver.reconnect_max_ms,
  };
  const info = () =>
    serviceInfo({
      stt: parts.stt,
      tts: parts.tts,
      wakeModels,
      intentLanguages: parts.recognizer.languages,
      ttsStreaming: true,
    });
  const fleet = await SatelliteFleet.open({
    registry,
    configured: config.satellites,
    store: new AdoptionStore(join(config.data_dir, 'satellites.json')),
    timing,
    logger,
    onChange: () => bus.emit({ type: 'satellites-changed' }),
  });
  const extensions = startExtensions({
    config,
    parts: engines,
    bus,
    reminders: () => reminders.book?.all() ?? [],
    announcer: reminders.speech,
    modeOf,
    registry,
    fleet,
    controls,
    metrics,
    wakeModels: wakeModels.map((model) => model.name),
    logger,
  });
  const endpoint: WyomingServer = createWyomingEndpoint({
    uri: config.wyoming.uri,
    fleet,
    allowedPeers: config.wyoming.allowed_peers,
    // A satellite is quiet between pings: it must not be cut for waiting on the next one.
    idleTimeoutMs: Math.max(
      config.wyoming.idle_timeout_ms,
      2 * config.satellite_driver.ping_interval_ms,
    ),
    maxConnections: config.wyoming.max_connections,
    logger,
    services: {
      ...engines,
      language: config.language,
      info,
      createWakeDetector,
      maxAudioSeconds: config.wyoming.max_audio_seconds,
      sttTimeoutMs: config.stt.timeout_ms,
      metrics,
      logger,
    },
  });
  const wyomingUri = await endpoint.start();
  fleet.start();
  const browse = parts.browse ?? (config.discovery.zeroconf ? browseZeroconf : undefined);
  const stopDiscovery = browse
    ? discoverSatellites({
        browse,
        known: (uri) => fleet.drives(uri) || uri.endsWith(`:${portOf(wyomingUri)}`),
        onSatellite: (uri, satellite) => fleet.found(uri, satellite),
        logger,
      })
    : undefined;
  const turns = new RecentTurns({ bus });
  const http = new HttpApi({
    host: config.http.host,
    port: config.http.port,
    token: config.http.token,
    registry,
    fleet,
    controls,
    turns,
    home: parts.home,
    recognizer: parts.recognizer,
    agent: parts.agent,
    conversations: parts.conversations,
    memory: parts.memory,
    reminders: reminders.book,
    status: () => ({
      ...parts.status?.(),
      ...extensions.status(),
      reminders: reminders.book ? reminders.book.all().length : null,
    }),
    actions: extensions.actions,
    modes: parts.modes,
    announcer: reminders.speech,
    metrics,
    bus,
    language: config.language,
    logger,
  });
  metrics.useGauges({
    satellites: () => registry.size,
    homeConnected: () => parts.home.connected,
  });
  const httpPort = await http.start();
  return {
    wyomingUri,
    httpPort,
    registry,
    fleet,
    metrics,
    bus,
    extensions,
    reminders,
    stop: async () => {
      stopDiscovery?.();
      stopFollowingModes?.();
      await reminders.stop();
      await extensions.stop();
      await fleet.stop();
      await endpoint.stop();
      await http.stop();
      turns.stop();
      arbiter.stop();
      await wakePool?.close();
      await controls.flush(); // a setting changed just before is written, not lost
    },
  };
}

function describeTimings(timings: object): string {
  const shown = Object.entries(timings).filter(([, ms]) => ms !== undefined);
  return shown.map(([stage, ms]) => `${stage.replace(/_ms$/, '')} ${ms} ms`).join(', ');
}

/** The port of a tcp:// URI, for the summary. */
export function portOf(uri: string): number | undefined {
  const address = parseUri(uri);
  return address.kind === 'tcp' ? address.port : undefined;
}
