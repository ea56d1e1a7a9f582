import { hostname } from 'node:os';
import type { RunningApp } from './app.js';
import type { JarvisConfig } from './config/schema.js';
import type { Brain } from './brain.js';
import type { Home } from './home/home.js';
import type { ApiToken } from './http/token.js';
import type { IntentRecognizer } from './intents/types.js';
import type { ModeStore } from './modes/mode-store.js';
import { PRIVATE_NETWORKS } from './wyoming/peers.js';

export interface SummarySources {
  config: JarvisConfig;
  app: RunningApp;
  home: Home;
  speech: { stt: { name: string }; tts: { name: string } };
  recognizer: IntentRecognizer;
  brain: Pick<Brain, 'summary'>;
  /** Where the API token comes from (never the token itself). */
  apiToken?: Pick<ApiToken, 'file' | 'generated'>;
  /** The modes in force. */
  modes?: Pick<ModeStore, 'snapshot'>;
}

/** The one start-up summary: what is connected, which engines run, where to point things. */
export function startupSummary({
  config,
  app,
  home,
  speech,
  recognizer,
  brain,
  apiToken,
  modes,
}: SummarySources): string {
  const host = hostname();
  const port = app.wyomingUri.replace(/^tcp:\/\/[^:]+:/, '');
  const rows: [string, string][] = [
    ['home', `${home.kind}${home.connected ? '' : ' (not connected yet; retrying)'}`],
    ['speech-to-text', speech.stt.name],
    ['text-to-speech', speech.tts.name],
    ['local intents', recognizer.languages.join(', ')],
    ['routines', routinesRow(config)],
    ...(modes ? [['modes', modesRow(modes)] as [string, string]] : []),
    ['conversation agent', brain.summary.agent],
    ['memory', brain.summary.memory],
    ['context', brain.summary.context],
    ['reminders', app.reminders?.summary ?? 'off'],
    ['MQTT', mqttRow(app)],
    ['Wyoming endpoint', `${app.wyomingUri} (${peersLine(config.wyoming.allowed_peers)})`],
    ['HTTP API', `http://${host}:${app.httpPort}/ (${tokenLine(config, apiToken)})`],
    ['satellites', satellitesRow(app, config.discovery.zeroconf)],
  ];
  const lines = [
    '',
    'Jarvis server ready',
    ...rows.map(([label, value]) => `  ${`${label}:`.padEnd(20)}${value}`),
    '',
    `  Satellites: jarvis-satellite --server tcp://${host}:${port}`,
    `  Home Assistant: add the Wyoming integration with host ${host}, port ${port}`,
    '',
  ];
  return lines.join('\n');
}

/** `good night, movie` or how to add some. */
function routinesRow(config: JarvisConfig): string {
  const names = config.routines.map((routine) => routine.name);
  return names.length > 0 ? names.join(', ') : 'none (add them under routines:)';
}

/** `house night until 2026-03-11T06:00:00.000Z; kitchen: silent`. */
function modesRow(modes: Pick<ModeStore, 'snapshot'>): string {
  const { house, satellites } = modes.snapshot();
  const until = (at?: number) => (at === undefined ? '' : ` until ${new Date(at).toISOString()}`);
  const own = Object.entries(satellites).map(([id, s]) => `; ${id}: ${s.mode}${until(s.until)}`);
  return `house ${house.mode}${until(house.until)}${own.join('')}`;
}

/** `mqtt://broker:1883 (connected; discovery prefix homeassistant, base topic jarvis)`. */
function mqttRow(app: RunningApp): string {
  const status = app.extensions.mqtt?.status();
  if (!status) return 'off';
  const state = status.connected
    ? 'connected'
    : `not connected yet: ${status.error ?? 'connecting'}; retrying`;
  return `${status.url} (${state}); Home Assistant devices through MQTT discovery`;
}

/** `1 configured, 2 adopted, 1 discovered (adopt: POST /api/satellites/<name>/adopt)`. */
function satellitesRow(app: RunningApp, zeroconf: boolean): string {
  const counts = app.fleet.counts();
  const parts = [`${counts.configured} configured`, `${counts.adopted} adopted`];
  if (counts.discovered > 0) parts.push(`${counts.discovered} discovered, not driven`);
  const found = zeroconf
    ? '; found over zeroconf: listed at /api/satellites, driven once adopted (POST /api/satellites/<name>/adopt)'
    : '';
  return `${parts.join(', ')}${found}`;
}

function peersLine(peers: readonly string[]): string {
  const local =
    peers.length === PRIVATE_NETWORKS.length && peers.every((p, i) => p === PRIVATE_NETWORKS[i]);
  return local ? 'this machine and private networks only' : `peers: ${peers.join(', ')}`;
}

function tokenLine(config: JarvisConfig, apiToken: SummarySources['apiToken']): string {
  if (apiToken?.file) return `token ${apiToken.generated ? 'generated in' : 'in'} ${apiToken.file}`;
  return config.http.token ? 'token set' : 'no token: only /health answers';
}
