// The MQTT bridge's cost on a turn, against a real Mosquitto: the time the bus events of one turn
// (four phase changes and the turn) spend in the bridge's listeners, which run on the voice loop,
// the messages one turn publishes, and how long until Home Assistant would see the turn's event.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Mosquitto, MqttWatcher } from '../../tests/helpers/mosquitto.js';
import { JarvisActions } from '../src/automation/actions.js';
import { ConfigSchema } from '../src/config/schema.js';
import { EspeakTts } from '../src/engines/tts/espeak-tts.js';
import { PhraseEngine } from '../src/engines/stt/phrase-engine.js';
import { EventBus } from '../src/event-bus.js';
import { DemoHome } from '../src/home/demo-home.js';
import { createIntentRecognizer } from '../src/intents/index.js';
import { Metrics } from '../src/metrics.js';
import { MqttBridge } from '../src/mqtt/bridge.js';
import { AdoptionStore } from '../src/satellites/adoption-store.js';
import { WakeArbiter } from '../src/satellites/arbiter.js';
import { SatelliteControls } from '../src/satellites/controls.js';
import { SatelliteFleet } from '../src/satellites/fleet.js';
import { SatelliteRegistry } from '../src/satellites/registry.js';
import type { SessionPhase } from '../src/satellites/session-machine.js';

export interface BridgeBenchmark {
  turns: number;
  /** Bus listeners' time per turn (5 events), in ms. */
  addedLatencyMs: { p50: number; p95: number; max: number };
  messagesPerTurn: number;
  /** Turn emitted -> its event message received by another client, in ms. */
  deliveryMs: { p50: number; p95: number; max: number };
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * p) - 1)]!;
const summary = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return { p50: percentile(sorted, 0.5), p95: percentile(sorted, 0.95), max: sorted.at(-1)! };
};

export async function runBridgeBenchmark(turns: number): Promise<BridgeBenchmark> {
  const broker = await Mosquitto.start();
  const watcher = await MqttWatcher.connect(broker.url);
  const config = ConfigSchema.parse({ mqtt: { url: broker.url } });
  const bus = new EventBus();
  const metrics = new Metrics();
  const home = new DemoHome();
  const recognizer = createIntentRecognizer();
  const engines = { stt: new PhraseEngine(), tts: new EspeakTts(), recognizer, home };
  const controls = new SatelliteControls({ bus });
  const arbiter = new WakeArbiter({ windowMs: 0, rivals: () => 1 });
  const registry = new SatelliteRegistry(
    {
      engines,
      arbiter,
      language: 'en',
      createVad: () => Promise.reject(new Error('no VAD in the benchmark')),
      createWakeDetector: () => Promise.reject(new Error('no wake word in the benchmark')),
    },
    controls,
  );
  const dir = mkdtempSync(join(tmpdir(), 'jarvis-bench-bridge-'));
  const fleet = await SatelliteFleet.open({
    registry,
    configured: [{ uri: 'tcp://127.0.0.1:10700', name: 'kitchen', area: 'Kitchen' }],
    store: new AdoptionStore(join(dir, 'satellites.json')),
    timing: {
      pingIntervalMs: 5000,
      pingTimeoutMs: 10_000,
      reconnectMinMs: 500,
      reconnectMaxMs: 30_000,
    },
  });
  const actions = new JarvisActions({
    registry,
    bus,
    metrics,
    conversation: { ...engines, language: 'en' },
    stt: engines.stt,
    // The benchmark publishes states and events; it announces nothing.
    announcer: { announce: () => ({ held: [] }), follow: () => () => {} },
  });
  const bridge = new MqttBridge({
    config: { ...config.mqtt, url: broker.url },
    bus,
    fleet,
    registry,
    controls,
    actions,
    metrics,
    health: () => ({ agent: false, memory: false, context: true }),
    version: 'bench',
    defaultWakeWords: ['hey_jarvis'],
  });
  bridge.start();
  const id = 'tcp://127.0.0.1:10700';
  const eventTopic = 'jarvis/satellites/127_0_0_1_10700/event';
  while (!watcher.latest.has('jarvis/satellites/127_0_0_1_10700')) await sleep(20);

  const added: number[] = [];
  const delivery: number[] = [];
  let messages = 0;
  for (let turn = 0; turn < turns; turn++) {
    const publishedBefore = bridge.published;
    const eventsBefore = watcher.messages.filter((m) => m.topic === eventTopic).length;
    let spent = 0;
    const emit = (event: Parameters<EventBus['emit']>[0]) => {
      const start = performance.now();
      bus.emit(event);
      spent += performance.now() - start;
    };
    for (const phase of ['listening', 'processing', 'responding'] as SessionPhase[])
      emit({ type: 'phase', satellite: id, phase });
    const emitted = performance.now();
    const timings = { speech_end_to_first_audio_ms: 300 + turn, total_ms: 2000 + turn };
    emit({
      type: 'turn',
      satellite: id,
      transcript: `turn on the kitchen light ${turn}`,
      intent: 'HassTurnOn',
      response: 'Turned on the kitchen light.',
      language: 'en',
      failed: false,
      timings,
    });
    emit({ type: 'phase', satellite: id, phase: 'idle' });
    added.push(spent);
    while (watcher.messages.filter((m) => m.topic === eventTopic).length === eventsBefore)
      await sleep(1);
    delivery.push(performance.now() - emitted);
    messages += bridge.published - publishedBefore;
  }
  await bridge.stop();
  await watcher.close();
  await broker.stop();
  return {
    turns,
    addedLatencyMs: summary(added),
    messagesPerTurn: messages / turns,
    deliveryMs: summary(delivery),
  };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
