// `npm run demo`: the server on the demo home and a satellite fed by a generated recording
// ("hey jarvis, turn on the kitchen light", then "hey jarvis, what time is it"). Prints each
// turn and writes the spoken replies to demo-output/*.wav.
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { concatBytes, writeWav } from 'wyoming-ts';
import { startApp } from '../server/src/app.js';
import { loadConfig } from '../server/src/config/load.js';
import { buildSpeechEngines } from '../server/src/engines/index.js';
import type { SynthesisRequest, TextToSpeech } from '../server/src/engines/tts/tts.js';
import { DemoHome } from '../server/src/home/demo-home.js';
import { createIntentRecognizer } from '../server/src/intents/index.js';
import { joinPcm, silence, speak } from '../tests/helpers/speech.js';

const ROOT = join(import.meta.dirname, '..');
const OUT = join(ROOT, 'demo-output');

/** Wraps a TTS engine so every reply is also saved as a WAV file. */
function recording(tts: TextToSpeech): TextToSpeech {
  let count = 0;
  return {
    name: tts.name,
    voices: () => tts.voices(),
    close: () => tts.close(),
    synthesize: async (request: SynthesisRequest, signal?: AbortSignal) => {
      const audio = await tts.synthesize(request, signal);
      const file = join(OUT, `reply-${++count}.wav`);
      const pieces: Uint8Array[] = [];
      async function* chunks() {
        for await (const chunk of audio.chunks) {
          pieces.push(chunk);
          yield chunk;
        }
        writeFileSync(file, writeWav({ ...audio.format, audio: concatBytes(pieces) }));
        console.log(`   reply audio:  ${file}`);
      }
      return { format: audio.format, chunks: chunks() };
    },
  };
}

mkdirSync(OUT, { recursive: true });
const wake = await speak('hey jarvis');
const scene = joinPcm(
  silence(800),
  wake.audio,
  silence(250),
  (await speak('turn on the kitchen light')).audio,
  silence(6000),
  wake.audio,
  silence(250),
  (await speak('what time is it')).audio,
  silence(5000),
);
const micFile = join(OUT, 'microphone.wav');
writeFileSync(micFile, writeWav(scene));

const config = loadConfig({
  env: { JARVIS_WYOMING_URI: 'tcp://127.0.0.1:0', JARVIS_HTTP_PORT: '0' },
});
const quiet = { debug() {}, info() {}, warn: console.warn, error: console.error };
const home = new DemoHome();
const recognizer = createIntentRecognizer();
const speech = await buildSpeechEngines(config, quiet);
await speech.setSentences?.(recognizer.sentences(home, 'en'));
const app = await startApp(
  { ...config, http: { ...config.http, host: '127.0.0.1' } },
  { stt: speech.stt, commandStt: speech.commandStt, tts: recording(speech.tts), recognizer, home },
  quiet,
);
console.log(
  `Jarvis demo: server on ${app.wyomingUri}, demo home; the satellite hears ${micFile}\n`,
);
let turns = 0;
const done = new Promise<void>((resolve) => {
  app.bus.on((event) => {
    if (event.type === 'phase') console.log(`[${event.satellite}] ${event.phase}`);
    if (event.type !== 'turn') return;
    const light = home.entity('light.kitchen');
    console.log(`   transcript:   ${event.transcript ?? '(none)'}`);
    console.log(`   intent:       ${event.intent ?? '(none)'}`);
    console.log(`   response:     ${event.response ?? '(none)'}`);
    console.log(`   timings:      ${JSON.stringify(event.timings)}`);
    if (light) console.log(`   kitchen light: ${light.state}`);
    if (++turns === 2) setTimeout(resolve, 3000);
  });
});
const satellite = spawn(
  process.execPath,
  [
    '--conditions=source',
    '--import',
    'tsx',
    join(ROOT, 'satellite/src/cli/main.ts'),
    '--name',
    'kitchen',
    '--area',
    'Kitchen',
    '--server',
    app.wyomingUri,
    '--mic-file',
    micFile,
    '--snd-file',
    join(OUT, 'satellite-speaker.wav'),
  ],
  { stdio: ['ignore', 'ignore', 'inherit'] },
);
await Promise.race([done, new Promise((resolve) => setTimeout(resolve, 60_000))]);
satellite.kill('SIGTERM');
await app.stop();
await speech.close();
console.log(
  `\n${turns} turns. Everything the satellite played: ${join(OUT, 'satellite-speaker.wav')}`,
);
process.exit(turns === 2 ? 0 : 1);
