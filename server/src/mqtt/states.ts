// The JSON the bridge publishes on each device's state topic (read by the components' value
// templates, see `discovery.ts`) and on a satellite's event topic. Pure.
import type { ServerEvent } from '../event-bus.js';
import type { TurnTimings } from '../pipeline/timings.js';
import type { SatelliteSettings } from '../satellites/controls.js';
import { LATENCY_STAGES } from './discovery.js';

/** Home Assistant rejects a sensor state over 255 characters: the full text goes in attributes. */
export const MAX_STATE_LENGTH = 255;

export interface SpokenText {
  readonly text: string;
  readonly language?: string;
}

/** What the bridge remembers of a satellite between events. */
export interface SatelliteView {
  readonly id: string;
  readonly assistState: string;
  readonly transcript?: SpokenText;
  readonly response?: SpokenText;
  readonly timings?: TurnTimings;
  readonly timers: readonly { id: string; name?: string; secondsLeft: number }[];
}

export interface BridgeStats {
  readonly commands: number;
  readonly errors: number;
  readonly latencyAverage: number | null;
  readonly latencyP95: number | null;
  readonly satellitesOnline: number;
  readonly agent: boolean;
  readonly memory: boolean;
  readonly context: boolean;
  /** The reminders kept (the bridge's reminders sensor: their count, the list in attributes). */
  readonly reminders?: readonly BridgeReminder[];
  /** What a reminder says is published only when `mqtt.publish_text` is on. */
  readonly publishText?: boolean;
  /** The house's mode as the select names it (`normal`, `do not disturb`...). */
  readonly houseMode?: string;
}

export interface BridgeReminder {
  readonly id: string;
  readonly text: string;
  readonly at: number;
  readonly satellite?: string;
  readonly missed?: boolean;
}

/** The reminders sensor's attributes: the next one and the list, soonest first. */
function remindersAttributes(reminders: readonly BridgeReminder[], publishText: boolean) {
  const list = [...reminders]
    .sort((a, b) => a.at - b.at)
    .map((r) => ({
      id: r.id,
      at: new Date(r.at).toISOString(),
      ...(publishText && { text: cut(r.text) }),
      satellite: r.satellite ?? null,
      missed: r.missed ?? false,
    }));
  const next = list.find((r) => !r.missed);
  return {
    next_at: next?.at ?? null,
    ...(publishText && { next: next?.text ?? null }),
    reminders: list,
  };
}

export function cut(text: string): string {
  return text.length <= MAX_STATE_LENGTH ? text : `${text.slice(0, MAX_STATE_LENGTH - 1)}…`;
}

/** A satellite's state topic: one value per entity, and each entity's attributes. */
export function satelliteStatePayload(
  view: SatelliteView,
  settings: SatelliteSettings,
  wakeWords: readonly string[],
  publishText: boolean,
  now: number = Date.now(),
): Record<string, unknown> {
  const role = (name: string, extra: Record<string, unknown> = {}) => ({
    jarvis_role: name,
    jarvis_satellite: view.id,
    ...extra,
  });
  const latency = Object.fromEntries(
    LATENCY_STAGES.map(([name, , key]) => [
      name.slice('latency_'.length),
      view.timings?.[key] ?? null,
    ]),
  );
  const timers = view.timers.map((timer) => ({
    id: timer.id,
    name: timer.name ?? null,
    ends_at: new Date(now + timer.secondsLeft * 1000).toISOString(),
  }));
  const text = (spoken: SpokenText | undefined) => ({
    text: spoken?.text ?? null,
    language: spoken?.language ?? null,
  });
  const roles = [
    'assist_state',
    'mute',
    'volume',
    'wake_word',
    'mode',
    'listen',
    'ask',
    'announce',
    'turn',
    ...LATENCY_STAGES.map(([name]) => name),
  ];
  return {
    assist_state: view.assistState,
    ...(publishText
      ? {
          transcript: view.transcript ? cut(view.transcript.text) : null,
          response: view.response ? cut(view.response.text) : null,
        }
      : {}),
    mute: (settings.reported?.muted ?? settings.muted) ? 'ON' : 'OFF',
    volume: settings.volume,
    wake_word: settings.wakeWord ?? wakeWords[0] ?? null,
    mode: settings.mode,
    latency,
    timers: timers.length,
    attributes: {
      ...Object.fromEntries(roles.map((name) => [name, role(name)])),
      mute: role('mute', { muted_locally: settings.reported?.local ?? false }),
      ...(publishText
        ? {
            transcript: role('transcript', text(view.transcript)),
            response: role('response', text(view.response)),
          }
        : {}),
      timers: role('timers', { timers }),
    },
  };
}

const BRIDGE_ROLES = [
  'commands',
  'latency_average',
  'latency_p95',
  'errors',
  'satellites_online',
  'agent_health',
  'memory_health',
  'context_health',
  'announce_all',
  'ask',
  'reminders',
  'house_mode',
];

/** The bridge's state topic. */
export function bridgeStatsPayload(stats: BridgeStats): Record<string, unknown> {
  return {
    commands: stats.commands,
    errors: stats.errors,
    latency_average: stats.latencyAverage,
    latency_p95: stats.latencyP95,
    satellites_online: stats.satellitesOnline,
    agent: stats.agent,
    memory: stats.memory,
    context: stats.context,
    reminders: stats.reminders?.length ?? 0,
    house_mode: stats.houseMode ?? 'normal',
    attributes: {
      ...Object.fromEntries(BRIDGE_ROLES.map((name) => [name, { jarvis_role: name }])),
      reminders: {
        jarvis_role: 'reminders',
        ...remindersAttributes(stats.reminders ?? [], stats.publishText ?? true),
      },
    },
  };
}

/** What a `turn` bus event carries besides its satellite. */
export type TurnEventInput = Omit<Extract<ServerEvent, { type: 'turn' }>, 'type' | 'satellite'>;

/**
 * The data of a `turn_finished` event, for the event entity, Home Assistant's `jarvis_turn`
 * event and the API; without what was said when `publishText` is off.
 */
export function turnEventData(
  satellite: string | undefined,
  turn: TurnEventInput,
  publishText: boolean,
): Record<string, unknown> {
  return {
    satellite: satellite ?? null,
    ...(publishText
      ? { transcript: turn.transcript ?? null, response: turn.response ?? null }
      : {}),
    intent: turn.intent ?? null,
    language: turn.language ?? null,
    failed: turn.failed,
    rejected: turn.rejected ?? null,
    timings: turn.timings,
  };
}
