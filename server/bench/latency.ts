// From the moment the speaker stopped to the first audio of the answer at the satellite, for
// local-intent commands: the real satellite process (wake word, VAD endpointing) hears
// "hey jarvis" and a command through a microphone fed in real time, and the server (in this
// process: the phrase engine, espeak-ng, the demo home) answers. The end of speech is known
// from the generated audio (the synthesizer's own silence trimmed off); the first audio is
// when the satellite forwarded the answer's `audio-start` to its event service.
import { startApp } from '../src/app.js';
import { loadConfig } from '../src/config/load.js';
import { buildSpeechEngines } from '../src/engines/index.js';
import { DemoHome } from '../src/home/demo-home.js';
import { createIntentRecognizer } from '../src/intents/index.js';
import type { TurnOutcome } from '../src/pipeline/turn.js';
import {
  joinPcm,
  silence,
  speak,
  TEST_VOICES,
  trimmed,
  type Voice,
} from '../../tests/helpers/speech.js';
import { BenchSatellite } from './latency-satellite.js';
import { countMoonshineDecodes, TimedStt, TimedTts } from './timed-engines.js';

export const COMMANDS = [
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

/**
 * Speech the phrase engine should reject (the turn goes to the general engine, Moonshine): what
 * a rejected turn costs.
 */
export const OUT_OF_GRAMMAR = [
  'tell me a joke',
  'who wrote the lord of the rings',
  'what is the capital of france',
  'remind me to buy milk tomorrow',
  'how far away is the moon',
];

/** The commands' voices: espeak-ng accents and variants, and flite's. */
export const VOICES: readonly Voice[] = TEST_VOICES.filter((voice) =>
  ['en-us', 'en-us+f3', 'en-gb+m3', 'en-029+m2', 'slt', 'rms'].includes(voice.name),
);

/** "hey jarvis" is always said in this voice: the wake word is not what is measured. */
const WAKE_VOICE: Voice = { engine: 'espeak-ng', name: 'en-us' };
/** The pause people leave after the wake word (for the chime). */
const AFTER_WAKE_MS = 500;
/** Silence between turns, once the answer has played. */
const BETWEEN_TURNS_MS = 1000;

export const STAGES = ['total', 'endpointing', 'stt', 'intents', 'ttsFirstAudio'] as const;
export type Stage = (typeof STAGES)[number];

export interface LatencyRun extends Record<Stage, number> {
  voice: string;
  command: string;
  /** Said from `OUT_OF_GRAMMAR`: not one of the grammar's sentences. */
  outOfGrammar: boolean;
  transcript?: string;
  intent?: string;
  /** What ended the command: `early`, `not-understood`, `audio-stop`, `vad`. */
  endpoint?: string;
  rejected?: string;
  /** The speculative transcription that ended it early (decoded while the pause ran). */
  speculativeSttMs?: number;
  /** Speculative transcriptions the turn started (one per pause). */
  speculations: number;
  /** Moonshine decodes in the turn (second opinions and the general engine's). */
  moonshineDecodes: number;
}

export interface LatencyOptions {
  voices?: readonly Voice[];
  commands?: readonly string[];
  /** Said after the commands (default `OUT_OF_GRAMMAR`; [] for none). */
  outOfGrammar?: readonly string[];
  /** Overrides `pipeline.early_endpoint_ms` (0: off, the satellite's VAD ends every command). */
  earlyEndpointMs?: number;
  /** Overrides `pipeline.speculate_after_ms`. */
  speculateAfterMs?: number;
}

const percentile = (values: number[], p: number) => {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};

const meanOf = (values: readonly number[]) =>
  values.length === 0 ? NaN : values.reduce((a, b) => a + b, 0) / values.length;

export function summarize(runs: readonly LatencyRun[]) {
  return Object.fromEntries(
    STAGES.map((stage) => {
      const values = runs.map((run) => run[stage]);
      return [
        stage,
        {
          p50: percentile(values, 50),
          p95: percentile(values, 95),
          max: values.length === 0 ? NaN : Math.max(...values),
        },
      ];
    }),
  ) as Record<Stage, { p50: number; p95: number; max: number }>;
}

async function startServer(options: LatencyOptions) {
  const base = loadConfig({
    env: { JARVIS_WYOMING_URI: 'tcp://127.0.0.1:0', JARVIS_HTTP_PORT: '0' },
  });
  const config = {
    ...base,
    wyoming: { ...base.wyoming, zeroconf: false },
    discovery: { ...base.discovery, zeroconf: false },
    http: { ...base.http, host: '127.0.0.1' },
    // BENCH_SECOND_OPINION=off: the phrase engine without Moonshine's second opinion.
    stt: {
      ...base.stt,
      phrase: {
        ...base.stt.phrase,
        second_opinion:
          process.env.BENCH_SECOND_OPINION === 'off'
            ? ('off' as const)
            : base.stt.phrase.second_opinion,
      },
    },
    pipeline: {
      ...base.pipeline,
      early_endpoint_ms: options.earlyEndpointMs ?? base.pipeline.early_endpoint_ms,
      speculate_after_ms: options.speculateAfterMs ?? base.pipeline.speculate_after_ms,
    },
  };
  const logger = { debug() {}, info() {}, warn: console.warn, error: console.error };
  const home = new DemoHome();
  const recognizer = createIntentRecognizer();
  // BENCH_SLOT_CHECK=1: the slot check's cost (it never asks back without a threshold).
  const speech = await buildSpeechEngines(config, logger, {
    slotCheck: process.env.BENCH_SLOT_CHECK === '1',
  });
  await speech.setSentences?.([...recognizer.sentences(home, 'en'), ...recognizer.answers('en')]);
  const stt = new TimedStt(speech.stt);
  const commandStt = speech.commandStt ? new TimedStt(speech.commandStt) : undefined;
  const tts = new TimedTts(speech.tts);
  const app = await startApp(config, { stt, commandStt, tts, recognizer, home }, logger);
  const outcomes: TurnOutcome[] = [];
  app.bus.on((event) => {
    if (event.type === 'turn') outcomes.push(event as unknown as TurnOutcome);
  });
  const stop = async () => {
    await app.stop();
    await speech.close();
  };
  return { app, config, commandStt, outcomes, stop };
}

/** Waits up to `ms` for `check` to return something. */
async function waitFor<T>(check: () => T | undefined, ms: number): Promise<T | undefined> {
  const deadline = performance.now() + ms;
  for (;;) {
    const value = check();
    if (value !== undefined || performance.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export async function runLatencyBenchmark(options: LatencyOptions = {}) {
  const voices = options.voices ?? VOICES;
  const commands = options.commands ?? COMMANDS;
  const outOfGrammar = options.outOfGrammar ?? OUT_OF_GRAMMAR;
  const decodes = countMoonshineDecodes();
  const server = await startServer(options);
  const satellite = await BenchSatellite.start(server.app.wyomingUri);
  const wake = trimmed((await speak('hey jarvis', WAKE_VOICE)).audio);
  const runs: LatencyRun[] = [];
  // No answer after the speaker stopped: none at all, or one that started before (a command cut
  // at a pause inside it).
  const missed: { voice: string; command: string }[] = [];
  try {
    await satellite.pause(BETWEEN_TURNS_MS);
    for (const voice of voices) {
      for (const command of [...commands, ...outOfGrammar]) {
        const said = trimmed((await speak(command, voice)).audio);
        const turn = { voice: `${voice.engine}:${voice.name}`, command };
        const speculations = server.commandStt?.durations.length ?? 0;
        const decodesBefore = decodes.count;
        const outcomesBefore = server.outcomes.length;
        const spokenEnd = await satellite.say(joinPcm(wake, silence(AFTER_WAKE_MS), said).audio);
        const firstAudio = await satellite.events.next('audio-start', spokenEnd, 8000);
        const outcome = await waitFor(() => server.outcomes[outcomesBefore], 8000);
        await satellite.events.next('played', spokenEnd, 15_000);
        await satellite.pause(BETWEEN_TURNS_MS);
        if (!firstAudio || !outcome) {
          missed.push(turn);
          continue;
        }
        const timings = outcome.timings;
        const total = firstAudio.at - spokenEnd;
        runs.push({
          ...turn,
          outOfGrammar: !commands.includes(command),
          transcript: outcome.transcript,
          intent: outcome.intent,
          endpoint: outcome.endpoint,
          rejected: outcome.rejected,
          total,
          // Up to the server's end of speech (the rest is the server's, from its own clock).
          endpointing: total - (timings.speech_end_to_first_audio_ms ?? NaN),
          stt: timings.speech_end_to_transcript_ms ?? NaN,
          intents: timings.transcript_to_response_ms ?? NaN,
          ttsFirstAudio: timings.response_to_first_audio_ms ?? NaN,
          speculativeSttMs:
            outcome.endpoint === 'early' && server.commandStt
              ? server.commandStt.durations.slice(speculations).at(-1)
              : undefined,
          speculations: (server.commandStt?.durations.length ?? 0) - speculations,
          moonshineDecodes: decodes.count - decodesBefore,
        });
      }
    }
  } finally {
    await satellite.stop();
    await server.stop();
  }
  // The local-intent commands the phrase engine understood; the others (rejected: "Sorry, I
  // didn't catch that") end at pipeline.rejected_endpoint_ms when the grammar rejected their
  // speculative transcript, else at the satellite's long silence, as open questions do.
  const understood = runs.filter((run) => !run.outOfGrammar && run.intent && !run.rejected);
  const said = runs.filter((run) => !run.outOfGrammar);
  const other = runs.filter((run) => run.outOfGrammar);
  return {
    earlyEndpointMs: server.config.pipeline.early_endpoint_ms,
    speculateAfterMs: server.config.pipeline.speculate_after_ms,
    voices: voices.map((v) => `${v.engine}:${v.name}`),
    commands,
    outOfGrammar,
    turns: said.length,
    missed,
    understood: understood.length,
    correctTranscripts: said.filter((run) => run.transcript === run.command).length,
    endedEarly: said.filter((run) => run.endpoint === 'early').length,
    endedRejected: said.filter((run) => run.endpoint === 'not-understood').length,
    rejectedEndpointMs: server.config.pipeline.rejected_endpoint_ms,
    summary: summarize(understood),
    allTurns: summarize(said),
    /** The commands not understood (rejected, or not answered by a local intent). */
    notUnderstood: summarize(said.filter((run) => !understood.includes(run))),
    outOfGrammarTurns: summarize(other),
    moonshineDecodes: {
      understood: meanOf(understood.map((run) => run.moonshineDecodes)),
      notUnderstood: meanOf(
        said.filter((run) => !understood.includes(run)).map((run) => run.moonshineDecodes),
      ),
      outOfGrammar: meanOf(other.map((run) => run.moonshineDecodes)),
    },
    runs,
  };
}

const STAGE_NAMES: Record<Stage, string> = {
  total: 'end of speech -> first audio at the satellite',
  endpointing: '  endpointing (end of speech -> server ends the command)',
  stt: '  speech-to-text after the end',
  intents: '  intents (transcript -> answer text)',
  ttsFirstAudio: '  TTS to first audio',
};

export function formatLatency(result: Awaited<ReturnType<typeof runLatencyBenchmark>>): string {
  const fmt = (n: number | undefined, digits = 0) =>
    n === undefined || Number.isNaN(n) ? '-' : n.toFixed(digits);
  const row = (name: string, s: { p50: number; p95: number; max: number }) =>
    `| ${name} | ${fmt(s.p50)} | ${fmt(s.p95)} | ${fmt(s.max)} |`;
  const speculative = result.runs.flatMap((run) =>
    run.speculativeSttMs === undefined ? [] : [run.speculativeSttMs],
  );
  const lines = [
    `End of speech (from the audio) -> first TTS audio at the satellite, real satellite process`,
    `(wake word, VAD), phrase engine + espeak-ng, demo home; early_endpoint_ms ` +
      `${result.earlyEndpointMs}, speculate_after_ms ${result.speculateAfterMs}.`,
    `${result.commands.length} commands x ${result.voices.length} voices (${result.voices.join(', ')}):`,
    `${result.turns} turns, ${result.understood} understood and answered by a local intent ` +
      `(${result.correctTranscripts} transcripts exactly right), ${result.endedEarly} ended early, ` +
      `${result.endedRejected} ended on their rejection (a ${result.rejectedEndpointMs} ms pause), ` +
      `${result.missed.length} unanswered or cut short.`,
    '',
    '| understood local-intent commands | p50 ms | p95 ms | max ms |',
    '|---|---:|---:|---:|',
    ...STAGES.map((stage) => row(STAGE_NAMES[stage], result.summary[stage])),
  ];
  if (speculative.length > 0) {
    lines.push(
      row('speculative speech-to-text (during the pause)', {
        p50: percentile(speculative, 50),
        p95: percentile(speculative, 95),
        max: Math.max(...speculative),
      }),
    );
  }
  lines.push(row('all command turns, not understood included: total', result.allTurns.total));
  const others = [
    ['commands not understood (phrase engine rejected or no intent)', result.notUnderstood],
    [`out-of-grammar speech (${result.outOfGrammar.length} sentences)`, result.outOfGrammarTurns],
  ] as const;
  for (const [name, s] of others) {
    lines.push(row(`${name}: total`, s.total), row(`  speech-to-text after the end`, s.stt));
  }
  const d = result.moonshineDecodes;
  lines.push(
    '',
    `Moonshine decodes per turn: understood commands ${fmt(d.understood, 2)}, commands not ` +
      `understood ${fmt(d.notUnderstood, 2)}, out-of-grammar speech ${fmt(d.outOfGrammar, 2)}.`,
  );
  return lines.join('\n');
}
