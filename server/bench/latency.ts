// End of speech -> first TTS audio at the satellite, for local-intent commands with the phrase
// engine and espeak-ng, in process, against the demo home; and the same with engine time out.
import {
  AudioChunk,
  AudioStop,
  Detection,
  type Event,
  Info,
  Played,
  RunPipeline,
} from 'wyoming-ts';
import { WyomingClient } from 'wyoming-ts/node';
import { startApp } from '../src/app.js';
import { loadConfig } from '../src/config/load.js';
import { buildSpeechEngines } from '../src/engines/index.js';
import { DemoHome } from '../src/home/demo-home.js';
import { createIntentRecognizer } from '../src/intents/index.js';
import { speak, TEST_VOICES } from '../../tests/helpers/speech.js';
import { TimedStt, TimedTts } from './timed-engines.js';

const COMMANDS = [
  'turn on the kitchen light',
  'turn off the kitchen light',
  'what time is it',
  'lock the front door',
  'set a timer for five minutes',
  'turn on the living room light',
  'what is the temperature in the kitchen',
  'turn off the bedroom lamp',
  'what is the date today',
  'set the bedroom lamp to fifty percent',
];

export interface LatencyRun {
  command: string;
  endToEndMs: number;
  sttMs: number;
  ttsFirstAudioMs: number;
  overheadMs: number;
  transcript: string;
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};

export async function runLatencyBenchmark(turns = 50) {
  const config = loadConfig({
    env: { JARVIS_WYOMING_URI: 'tcp://127.0.0.1:0', JARVIS_HTTP_PORT: '0' },
  });
  const logger = { debug() {}, info() {}, warn: console.warn, error: console.error };
  const home = new DemoHome();
  const recognizer = createIntentRecognizer();
  const speech = await buildSpeechEngines(
    { ...config, wyoming: { ...config.wyoming, zeroconf: false } },
    logger,
  );
  await speech.setSentences?.(recognizer.sentences(home, 'en'));
  const stt = new TimedStt(speech.stt);
  const tts = new TimedTts(speech.tts);
  const app = await startApp(
    { ...config, http: { ...config.http, host: '127.0.0.1' } },
    { stt, tts, recognizer, home },
    logger,
  );
  const audio = await Promise.all(COMMANDS.map((text) => speak(text, TEST_VOICES[0]!)));
  const satellite = await WyomingClient.connect(app.wyomingUri);
  await satellite.write(
    new Info({
      satellite: {
        name: 'bench',
        area: 'Kitchen',
        attribution: { name: 'bench', url: '' },
        installed: true,
      },
    }),
  );
  const events = satellite.events()[Symbol.asyncIterator]();
  const next = async (type: string): Promise<Event> => {
    for (;;) {
      const { value, done } = await events.next();
      if (done) throw new Error('server closed the connection');
      if (value.type === 'ping') await satellite.write({ type: 'pong', data: value.data });
      if (value.type === type) return value;
    }
  };
  await next('run-satellite');
  const runs: LatencyRun[] = [];
  for (let i = 0; i < turns; i++) {
    const index = i % COMMANDS.length;
    await satellite.write(
      new Detection({ name: 'hey_jarvis', context: { score: 0.9, level_dbfs: -20 } }),
    );
    await satellite.write(
      new RunPipeline({ start_stage: 'asr', end_stage: 'tts', wake_word_name: 'hey_jarvis' }),
    );
    await next('transcribe');
    const pcm = audio[index]!.audio;
    for (let offset = 0; offset < pcm.length; offset += 2048) {
      await satellite.write(
        new AudioChunk({
          rate: 16000,
          width: 2,
          channels: 1,
          audio: pcm.subarray(offset, offset + 2048),
        }),
      );
    }
    const sttBefore = stt.durations.length;
    const ttsBefore = tts.firstAudio.length;
    const stopped = performance.now();
    await satellite.write(new AudioStop());
    const transcript = String((await next('transcript')).data.text);
    await next('audio-chunk');
    const endToEndMs = performance.now() - stopped;
    await next('audio-stop');
    await satellite.write(new Played());
    const sttMs = stt.durations[sttBefore] ?? 0;
    const ttsFirstAudioMs = tts.firstAudio[ttsBefore] ?? 0;
    runs.push({
      command: COMMANDS[index]!,
      endToEndMs,
      sttMs,
      ttsFirstAudioMs,
      overheadMs: endToEndMs - sttMs - ttsFirstAudioMs,
      transcript,
    });
  }
  await satellite.disconnect();
  await app.stop();
  await speech.close();
  const column = (key: 'endToEndMs' | 'sttMs' | 'ttsFirstAudioMs' | 'overheadMs') =>
    runs.map((run) => run[key]);
  const summary = Object.fromEntries(
    (['endToEndMs', 'sttMs', 'ttsFirstAudioMs', 'overheadMs'] as const).map((key) => [
      key,
      {
        p50: percentile(column(key), 50),
        p95: percentile(column(key), 95),
        max: Math.max(...column(key)),
      },
    ]),
  );
  const correct = runs.filter((run) => run.transcript === run.command).length;
  return { turns, correctTranscripts: correct, summary, runs };
}
