// The real app (phrase engine, espeak-ng, a demo home) with one satellite connected to it over
// Wyoming, driven by hand: the wake word, audio streamed, `played`; the turns it reports.
import {
  AudioChunk,
  AudioStop,
  Detection,
  type Event,
  Info,
  Played,
  RunPipeline,
  Transcript,
} from 'wyoming-ts';
import { WyomingClient } from 'wyoming-ts/node';
import { type RunningApp, startApp } from '../../server/src/app.js';
import { ConfigSchema } from '../../server/src/config/schema.js';
import type { SpeechToText } from '../../server/src/engines/stt/stt.js';
import { EspeakTts } from '../../server/src/engines/tts/espeak-tts.js';
import type { DemoHome } from '../../server/src/home/demo-home.js';
import type { IntentRecognizer } from '../../server/src/intents/types.js';
import type { TurnOutcome } from '../../server/src/pipeline/turn.js';

export interface VoiceLoop {
  readonly app: RunningApp;
  readonly satellite: WyomingClient;
  readonly turns: TurnOutcome[];
  /** The next event of `type` from the server (pings answered on the way). */
  next(type: string): Promise<Event>;
  /** The wake word, then `audio` streamed; what was transcribed, and the turn. */
  command(audio: Uint8Array): Promise<{ transcript: string; outcome: TurnOutcome }>;
  /** `audio` streamed once the server has said `listen`; what was transcribed, and the turn. */
  stream(
    audio: Uint8Array,
    listen: 'transcribe' | 'run-pipeline',
  ): Promise<{ transcript: string; outcome: TurnOutcome }>;
  stop(): Promise<void>;
}

export async function startVoiceLoop(options: {
  readonly stt: SpeechToText;
  readonly recognizer: IntentRecognizer;
  readonly home: DemoHome;
  readonly satellite: { readonly name: string; readonly area: string };
}): Promise<VoiceLoop> {
  const { stt, recognizer, home } = options;
  const config = ConfigSchema.parse({
    wyoming: { uri: 'tcp://127.0.0.1:0', zeroconf: false },
    http: { host: '127.0.0.1', port: 0, token: 'voice-loop-test-token' },
    discovery: { zeroconf: false },
  });
  const app = await startApp(config, { stt, tts: new EspeakTts(), recognizer, home });
  const turns: TurnOutcome[] = [];
  app.bus.on((event) => {
    if (event.type === 'turn') turns.push(event as unknown as TurnOutcome);
  });
  const satellite = await WyomingClient.connect(app.wyomingUri);
  const info = { ...options.satellite, attribution: { name: 'test', url: '' }, installed: true };
  await satellite.write(new Info({ satellite: info }));
  const events = satellite.events()[Symbol.asyncIterator]();
  const next = async (type: string): Promise<Event> => {
    for (;;) {
      const { value, done } = await events.next();
      if (done) throw new Error(`connection closed while waiting for ${type}`);
      if (value.type === 'ping') await satellite.write({ type: 'pong', data: value.data });
      if (value.type === type) return value;
    }
  };
  const stream: VoiceLoop['stream'] = async (audio, listen) => {
    const before = turns.length;
    await next(listen);
    for (let offset = 0; offset < audio.length; offset += 2048) {
      const chunk = audio.subarray(offset, offset + 2048);
      await satellite.write(new AudioChunk({ rate: 16000, width: 2, channels: 1, audio: chunk }));
    }
    await satellite.write(new AudioStop());
    const transcript = Transcript.fromEvent(await next('transcript')).text;
    await next('audio-stop');
    await satellite.write(new Played());
    while (turns.length === before) await new Promise((resolve) => setTimeout(resolve, 10));
    return { transcript, outcome: turns[before]! };
  };
  await next('run-satellite');
  return {
    app,
    satellite,
    turns,
    next,
    stream,
    async command(audio) {
      await satellite.write(new Detection({ name: 'hey_jarvis', context: { score: 0.9 } }));
      await satellite.write(new RunPipeline({ start_stage: 'asr', end_stage: 'tts' }));
      return stream(audio, 'transcribe');
    },
    async stop() {
      await satellite.disconnect();
      await app.stop();
    },
  };
}
