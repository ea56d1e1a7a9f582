// Home Assistant's side of the server's Wyoming services (10600): what HA's Wyoming integration
// sends for speech-to-text, text-to-speech, wake words and conversation, one connection per
// request as HA opens them, against the real server process and the HA websocket test server.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AudioChunk,
  AudioChunkConverter,
  audioToEvents,
  concatBytes,
  Describe,
  Detect,
  Detection,
  type Event,
  type Eventable,
  Handled,
  Info,
  NotHandled,
  Synthesize,
  SynthesizeChunk,
  SynthesizeStart,
  SynthesizeStop,
  Transcribe,
  Transcript,
  WyomingError,
} from 'wyoming-ts';
import { WyomingClient } from 'wyoming-ts/node';
import type { HaTestServer } from './helpers/ha-test-server.js';
import {
  type Cleanups,
  type JarvisServer,
  jarvisServer,
  kitchenHome,
  runCleanups,
} from './helpers/server-e2e.js';
import {
  COMMAND_VOICE,
  joinPcm,
  type Pcm16k,
  samplesOf,
  silence,
  speak,
  TEST_VOICES,
  wordsOf,
} from './helpers/speech.js';

const cleanups: Cleanups = [];
let ha: HaTestServer;
let server: JarvisServer;

beforeAll(async () => {
  ha = await kitchenHome(cleanups);
  // The phrase engine alone; the general engine has its own server below.
  server = await jarvisServer(ha, cleanups, { stt: { moonshine: { enabled: false } } });
}, 180_000);
afterAll(() => runCleanups(cleanups));

/**
 * One request on its own connection, as Home Assistant makes them: writes `events`, then reads
 * until an event of one of the `until` types (or the server closes). Returns everything read.
 */
async function request(
  events: Array<Event | Eventable>,
  until: string[],
  uri = server.wyomingUri,
): Promise<Event[]> {
  const client = await WyomingClient.connect(uri);
  try {
    for (const event of events) await client.write(event);
    const received: Event[] = [];
    const timeout = new Promise<never>((_, reject) =>
      AbortSignal.timeout(15_000).addEventListener('abort', () =>
        reject(new Error(`no ${until.join('/')} within 15 s`)),
      ),
    );
    for (;;) {
      const event = await Promise.race([client.readEvent(), timeout]);
      if (!event) return received;
      received.push(event);
      if (until.includes(event.type)) return received;
    }
  } finally {
    await client.disconnect();
  }
}

/** Microphone audio as HA streams it: audio-start, 1024-sample chunks, audio-stop. */
const audioEvents = (pcm: Pcm16k) => audioToEvents(pcm.audio, pcm);

/** The resident memory of process `pid`, in MiB (Linux). */
function residentMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/^VmRSS:\s+(\d+) kB$/m.exec(status)![1]) / 1024;
}

/** Root mean square of 16-bit PCM, 0..32768. */
function rms(audio: Uint8Array): number {
  const samples = samplesOf(audio);
  let sum = 0;
  for (const sample of samples) sum += sample * sample;
  return Math.sqrt(sum / Math.max(1, samples.length));
}

describe("the server's Wyoming services, used as Home Assistant uses them", () => {
  it('describe -> info: asr, tts voices in English and French, the wake words, a handle program', async () => {
    const [event] = await request([new Describe()], ['info']);
    const info = Info.fromEvent(event!);
    const asr = info.asr.flatMap((program) => program.models);
    expect(asr.length).toBeGreaterThan(0);
    expect(asr.flatMap((model) => model.languages)).toContain('en');
    const voices = info.tts.flatMap((program) => program.voices);
    const languages = voices.flatMap((voice) => voice.languages.map((l) => l.split(/[-_]/)[0]));
    expect(languages).toContain('en');
    expect(languages).toContain('fr');
    const wake = info.wake.flatMap((program) => program.models);
    expect(wake).toContainEqual(
      expect.objectContaining({ name: 'hey_jarvis', phrase: 'hey jarvis' }),
    );
    expect(info.handle.length).toBeGreaterThan(0);
    expect(info.handle.flatMap((p) => p.models).flatMap((m) => m.languages)).toEqual(
      expect.arrayContaining(['en', 'fr']),
    );
  });

  it('transcribe + audio -> the transcript of "turn on the kitchen light"', async () => {
    const command = await speak('turn on the kitchen light', COMMAND_VOICE);
    const pcm = joinPcm(silence(300), command.audio, silence(300));
    const events = await request(
      [new Transcribe({ language: 'en' }), ...audioEvents(pcm)],
      ['transcript', 'error'],
    );
    const last = events.at(-1)!;
    expect(last.type).toBe('transcript');
    expect(Transcript.fromEvent(last).text).toBe('turn on the kitchen light');
  });

  it('transcribe + speech Jarvis does not understand -> an empty transcript, never a forced sentence', async () => {
    for (const said of ['who wrote the lord of the rings', 'tell me a joke about cats']) {
      const pcm = joinPcm(silence(1200), (await speak(said)).audio, silence(300));
      const events = await request(
        [new Transcribe({ language: 'en' }), ...audioEvents(pcm)],
        ['transcript', 'error'],
      );
      expect(events.at(-1)!.type).toBe('transcript');
      expect(Transcript.fromEvent(events.at(-1)!).text).toBe('');
    }
  });

  it('synthesize -> audio-start, chunks, audio-stop of real speech, by default and by voice name', async () => {
    // Home Assistant sends the voice a user picked by its name from `info`, or none at all.
    const info = Info.fromEvent((await request([new Describe()], ['info']))[0]!);
    const french = info.tts
      .flatMap((program) => program.voices)
      .find((voice) => voice.languages.some((language) => language.startsWith('fr')));
    expect(french).toBeDefined();
    for (const [text, voice] of [
      ['The kitchen light is on.', undefined],
      ['La lumière de la cuisine est allumée.', { name: french!.name }],
    ] as const) {
      const events = await request([new Synthesize({ text, voice })], ['audio-stop', 'error']);
      expect(events.map((e) => e.type)).toEqual([
        'audio-start',
        ...events.slice(1, -1).map(() => 'audio-chunk'),
        'audio-stop',
      ]);
      const chunks = events.filter((e) => e.type === 'audio-chunk').map(AudioChunk.fromEvent);
      // Decode every chunk to 16 kHz mono, as a satellite or HA's media player would.
      const converter = new AudioChunkConverter({ rate: 16000, width: 2, channels: 1 });
      const pcm = concatBytes(chunks.map((chunk) => converter.convert(chunk).audio));
      const seconds = pcm.byteLength / 2 / 16000;
      expect(seconds, text).toBeGreaterThan(1);
      expect(seconds, text).toBeLessThan(6);
      expect(rms(pcm), text).toBeGreaterThan(500); // speech, not silence
    }
  });

  it('streamed synthesis: synthesize-start, chunks, the legacy synthesize, stop -> audio per sentence, then synthesize-stopped', async () => {
    const info = Info.fromEvent((await request([new Describe()], ['info']))[0]!);
    expect(info.tts[0]?.supports_synthesize_streaming).toBe(true);
    const text = 'The kitchen light is on. The front door is locked.';
    const events = await request(
      [
        new SynthesizeStart({ voice: { language: 'en' } }),
        new SynthesizeChunk({ text: 'The kitchen light ' }),
        new SynthesizeChunk({ text: 'is on. The front door ' }),
        new SynthesizeChunk({ text: 'is locked.' }),
        new Synthesize({ text }), // sent for services that do not stream; ignored here
        new SynthesizeStop(),
      ],
      ['synthesize-stopped', 'error'],
    );
    const types = events.map((e) => e.type).filter((type) => type !== 'audio-chunk');
    expect(types).toEqual([
      'audio-start',
      'audio-stop',
      'audio-start',
      'audio-stop',
      'synthesize-stopped',
    ]);
    const pcm = concatBytes(
      events.filter((e) => e.type === 'audio-chunk').map((e) => AudioChunk.fromEvent(e).audio),
    );
    expect(rms(pcm)).toBeGreaterThan(500);
  });

  it('detect + "hey jarvis" -> detection of hey_jarvis; other speech -> not-detected', async () => {
    const voice = TEST_VOICES[0]!;
    const wake = joinPcm(silence(500), (await speak('hey jarvis', voice)).audio, silence(1000));
    const heard = await request(
      [new Detect({ names: ['hey_jarvis'] }), ...audioEvents(wake)],
      ['detection', 'not-detected', 'error'],
    );
    expect(heard.map((e) => e.type)).toEqual(['detection']);
    expect(Detection.fromEvent(heard[0]!).name).toBe('hey_jarvis');

    const other = joinPcm(
      silence(500),
      (await speak('turn on the kitchen light', voice)).audio,
      silence(1000),
    );
    const missed = await request(
      [new Detect({ names: ['hey_jarvis'] }), ...audioEvents(other)],
      ['detection', 'not-detected', 'error'],
    );
    expect(missed.map((e) => e.type)).toEqual(['not-detected']);
  });

  it('detect + "hey jarvis" said fast -> not-detected; with wake.speed_variants, detection', async () => {
    const said = await speak('hey jarvis', { engine: 'espeak-ng', name: 'en-us' }, 1.5);
    const fast = audioEvents(joinPcm(silence(1000), said.audio, silence(1000)));
    const until = ['detection', 'not-detected', 'error'];
    const plain = await request([new Detect({ names: ['hey_jarvis'] }), ...fast], until);
    expect(plain.map((e) => e.type)).toEqual(['not-detected']);
    const slowed = await jarvisServer(ha, cleanups, { wake: { speed_variants: 0.1 } });
    const heard = await request(
      [new Detect({ names: ['hey_jarvis'] }), ...fast],
      until,
      slowed.wyomingUri,
    );
    expect(heard.map((e) => e.type)).toEqual(['detection']);
    expect(Detection.fromEvent(heard[0]!).name).toBe('hey_jarvis');
  }, 120_000);

  it('detect with a wake word the server does not have -> an error naming it', async () => {
    const events = await request(
      [new Detect({ names: ['okay_nabu'] })],
      ['detection', 'not-detected', 'error'],
    );
    expect(events.map((e) => e.type)).toEqual(['error']);
    expect(WyomingError.fromEvent(events[0]!).text).toMatch(/okay_nabu/);
  });

  it('detections that Home Assistant hangs up on (no audio-stop) leave nothing behind', async () => {
    // HA's wake-word client returns on `detection` and closes the connection at once. Each
    // request loads a detector (three ONNX sessions): they must be released all the same.
    const wake = joinPcm(silence(500), (await speak('hey jarvis')).audio, silence(1000));
    const events = audioToEvents(wake.audio, wake).slice(0, -1); // no audio-stop
    const detectAndHangUp = async () => {
      const client = await WyomingClient.connect(server.wyomingUri);
      await client.write(new Detect({ names: ['hey_jarvis'] }));
      for (const event of events) await client.write(event);
      const reply = await client.readEvent();
      await client.disconnect();
      expect(reply?.type).toBe('detection');
    };
    // The first few grow the heap and onnxruntime's arenas; after them, memory stays flat.
    for (let i = 0; i < 8; i++) await detectAndHangUp();
    const before = residentMiB(server.process.child.pid!);
    for (let i = 0; i < 20; i++) await detectAndHangUp();
    // Leaked, they cost about 6.5 MiB each (130 MiB here); released, memory moves by < 15 MiB.
    expect(residentMiB(server.process.child.pid!) - before).toBeLessThan(50);
  }, 120_000);

  it('handle: "turn on the kitchen light" -> handled, and the light is on in Home Assistant', async () => {
    const events = await request(
      [
        new Transcript({
          text: 'turn on the kitchen light',
          language: 'en',
          context: { conversation_id: 'ha-conversation-1' },
        }),
      ],
      ['handled', 'not-handled', 'error'],
    );
    expect(events.map((e) => e.type)).toEqual(['handled']);
    const handled = Handled.fromEvent(events[0]!);
    expect(handled.text).toMatch(/kitchen/i);
    expect(ha.calls).toContainEqual(
      expect.objectContaining({
        domain: 'light',
        service: 'turn_on',
        target: { entity_id: ['light.kitchen'] },
      }),
    );
    expect(ha.home.state('light.kitchen')?.state).toBe('on');
    // Home Assistant's conversation path counts in the one registry with every other way in.
    expect(await server.metrics()).toMatch(/^jarvis_turns_total\{way="wyoming"\} [1-9]$/m);
    expect(await server.metrics()).toMatch(/^jarvis_intent_turns_total\{intent="HassTurnOn"\} /m);
  });

  it('handle: "allume la lumière du salon" -> handled in French, the living room light on', async () => {
    const events = await request(
      [new Transcript({ text: 'Allume la lumière du salon', language: 'fr' })],
      ['handled', 'not-handled', 'error'],
    );
    expect(events.map((e) => e.type)).toEqual(['handled']);
    expect(Handled.fromEvent(events[0]!).text).toMatch(/salon|allum/i);
    expect(ha.home.state('light.living_room')?.state).toBe('on');
  });

  it('handle: a sentence Jarvis does not know -> not-handled, and nothing is called', async () => {
    const calls = ha.calls.length;
    const events = await request(
      [
        new Transcript({
          text: 'what is the airspeed velocity of an unladen swallow',
          language: 'en',
        }),
      ],
      ['handled', 'not-handled', 'error'],
    );
    expect(events.map((e) => e.type)).toEqual(['not-handled']);
    expect(NotHandled.fromEvent(events[0]!).text).toBeTruthy();
    expect(ha.calls.length).toBe(calls);
  });
});

describe("the server as Home Assistant's speech-to-text, with Moonshine as its general engine", () => {
  let general: JarvisServer;
  beforeAll(async () => {
    general = await jarvisServer(ha, cleanups); // Moonshine is on by default
  }, 180_000);

  const transcribe = async (pcm: Pcm16k) => {
    const events = await request(
      [new Transcribe({ language: 'en' }), ...audioEvents(pcm)],
      ['transcript', 'error'],
      general.wyomingUri,
    );
    expect(events.at(-1)!.type).toBe('transcript');
    return Transcript.fromEvent(events.at(-1)!).text;
  };

  it('speech outside the grammar -> the words said, as Moonshine writes them', async () => {
    const said = 'what is the capital of france';
    const speech = (await speak(said, COMMAND_VOICE)).audio;
    const text = await transcribe(joinPcm(silence(1200), speech, silence(300)));
    expect(wordsOf(text)).toEqual(wordsOf(said));
  });

  it("a command the grammar holds -> still the phrase engine's sentence", async () => {
    const command = await speak('turn on the kitchen light', COMMAND_VOICE);
    expect(await transcribe(joinPcm(silence(300), command.audio, silence(300)))).toBe(
      'turn on the kitchen light',
    );
  });

  it('silence -> an empty transcript', async () => {
    expect(await transcribe(joinPcm(silence(2000)))).toBe('');
  });
});
