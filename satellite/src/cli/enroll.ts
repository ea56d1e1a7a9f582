// `jarvis-satellite enroll`: trains the personal verifier from WAV files of the household saying
// the wake word (or records them with the microphone command) and of other speech, and saves it
// as JSON next to the config.
import { writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { splitCommand } from '../audio/command-line.js';
import { killGroup, spawnGroup } from '../audio/process-group.js';
import { RnnoiseDenoiser } from '../engines/denoise/rnnoise.js';
import { resolveWakeWordModels } from '../engines/wake/builtin-models.js';
import { readWavAs16k } from '../engines/wake/detect-file.js';
import { enrol } from '../engines/wake/enrol.js';
import { ENROLL_SENTENCES } from '../engines/wake/enroll-prompts.js';
import { OpenWakeWord } from '../engines/wake/openwakeword.js';
import { ConfigError } from '../errors.js';
import { parseSatelliteArgs } from './args.js';

export const ENROLL_USAGE = `Usage: jarvis-satellite enroll [options] [WAKE_WORD.wav...]

Trains a verifier of your household's voices for one wake word and saves it (JSON). Give at
least 3 WAV files of the wake word, said alone, and WAV files of other speech (--negative),
or record both with --record.

  --wake-word NAME        the wake word (default hey_jarvis)
  --wake-model-dir DIR    folder with more openWakeWord models
  --negative FILE.wav     other speech, no wake word (repeatable)
  --record N              record N wake word clips and the sentences to read, with --mic-command
  --mic-command CMD       raw 16 kHz mono 16-bit PCM on stdout (default arecord ...)
  --noise-suppression     train on RNNoise's output, as the satellite hears by default
  --no-noise-suppression  train on the raw audio (for a satellite run with --no-wake-noise-suppression);
                          without either, the config's wake-noise-suppression (or its default) decides
  --threshold P           probability that confirms a detection (default 0.5)
  --config FILE           save next to this config file
  --output FILE           save here (default verifier-NAME.json next to --config, or here)`;

const MIN_CLIPS = 3;
const CLIP_SECONDS = 2.5;
const SENTENCE_SECONDS = 4;
/** A wake word clip whose best score stays below this was probably not the wake word. */
const DOUBTFUL_SCORE = 0.05;

/** Records `seconds` of audio from `command` (raw 16 kHz mono 16-bit on its stdout). */
export function record(command: string, seconds: number): Promise<Int16Array> {
  const wanted = Math.round(seconds * 16000) * 2;
  const child = spawnGroup(splitCommand(command, '--mic-command'), ['ignore', 'pipe', 'ignore']);
  return new Promise((resolvePcm, reject) => {
    const parts: Buffer[] = [];
    let have = 0;
    child.stdout!.on('data', (chunk: Buffer) => {
      parts.push(chunk);
      have += chunk.length;
      // Enough: stop the whole pipeline, not only its first program.
      if (have >= wanted) killGroup(child);
    });
    child.on('error', (error) =>
      reject(new ConfigError(`cannot record: ${error.message}`, '--mic-command')),
    );
    child.stdout!.on('close', () => {
      const bytes = Buffer.concat(parts).subarray(0, wanted);
      if (bytes.length < wanted) {
        reject(
          new ConfigError(
            `the microphone gave ${bytes.length} of ${wanted} bytes`,
            '--mic-command',
          ),
        );
        return;
      }
      const copy = new Uint8Array(bytes);
      resolvePcm(new Int16Array(copy.buffer, 0, copy.length / 2));
    });
  });
}

function parse(argv: readonly string[]) {
  try {
    return parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        'wake-word': { type: 'string' },
        'wake-model-dir': { type: 'string' },
        negative: { type: 'string', multiple: true },
        record: { type: 'string' },
        'mic-command': { type: 'string' },
        'noise-suppression': { type: 'boolean' },
        'no-noise-suppression': { type: 'boolean' },
        threshold: { type: 'string' },
        config: { type: 'string' },
        output: { type: 'string' },
      },
    });
  } catch (error) {
    throw new ConfigError((error as Error).message.replace(/\. To specify.*$/s, ''), 'enroll');
  }
}

async function recordAll(
  count: number,
  command: string,
  wakeWord: string,
  say: (l: string) => void,
) {
  const positives: Int16Array[] = [];
  const phrase = wakeWord.replaceAll('_', ' ');
  for (let i = 0; i < count; i++) {
    say(`(${i + 1}/${count}) say "${phrase}" now`);
    positives.push(await record(command, CLIP_SECONDS));
  }
  const negatives: Int16Array[] = [];
  for (const [i, sentence] of ENROLL_SENTENCES.entries()) {
    say(`(${i + 1}/${ENROLL_SENTENCES.length}) read aloud: "${sentence}"`);
    negatives.push(await record(command, SENTENCE_SECONDS));
  }
  return { positives, negatives };
}

/** Runs `enroll`; `say` prints progress for a person. Returns the exit code. */
export async function runEnroll(argv: readonly string[], say: (line: string) => void) {
  const { values, positionals } = parse(argv);
  const wakeWord = values['wake-word'] ?? 'hey_jarvis';
  const threshold = values.threshold === undefined ? undefined : Number(values.threshold);
  if (threshold !== undefined && !(threshold > 0 && threshold < 1)) {
    throw new ConfigError(
      `expected a number between 0 and 1, got '${values.threshold}'`,
      '--threshold',
    );
  }
  const recordCount = values.record === undefined ? 0 : Number(values.record);
  if (!(Number.isInteger(recordCount) && recordCount >= 0 && recordCount <= 50)) {
    throw new ConfigError(`expected a whole number up to 50, got '${values.record}'`, '--record');
  }
  if (recordCount === 0 && positionals.length < MIN_CLIPS) {
    throw new ConfigError(
      `give at least ${MIN_CLIPS} WAV files of ${wakeWord}, or --record N`,
      'enroll',
    );
  }
  if (recordCount === 0 && (values.negative ?? []).length === 0) {
    throw new ConfigError('give WAV files of other speech (--negative), or --record N', 'enroll');
  }
  const output = resolve(
    values.output ??
      join(values.config ? dirname(values.config) : '.', `verifier-${wakeWord}.json`),
  );
  const models = resolveWakeWordModels({ names: [wakeWord], modelDir: values['wake-model-dir'] });
  const clips = { positives: [] as Int16Array[], negatives: [] as Int16Array[] };
  for (const file of positionals) clips.positives.push(await readWavAs16k(file));
  for (const file of values.negative ?? []) clips.negatives.push(await readWavAs16k(file));
  if (recordCount > 0) {
    const command = values['mic-command'] ?? 'arecord -q -r 16000 -c 1 -f S16_LE -t raw';
    const recorded = await recordAll(recordCount, command, wakeWord, say);
    clips.positives.push(...recorded.positives);
    clips.negatives.push(...recorded.negatives);
  }
  const detector = await OpenWakeWord.load({ models });
  const noiseSuppression = values['no-noise-suppression']
    ? false
    : (values['noise-suppression'] ??
      parseSatelliteArgs(values.config ? ['--config', values.config] : [])[
        'wake-noise-suppression'
      ]);
  const denoiser = noiseSuppression ? await RnnoiseDenoiser.load() : undefined;
  try {
    const source = {
      features: (samples: Int16Array) => {
        denoiser?.reset();
        return detector.batchFeatures(denoiser ? denoiser.process(samples) : samples);
      },
      model: 0,
      window: detector.windows[0]!,
    };
    const enrolled = await enrol(source, wakeWord, clips, threshold);
    const { bestScores } = enrolled;
    const verifier = {
      ...enrolled.verifier,
      trained: { ...enrolled.verifier.trained, noiseSuppression },
    };
    bestScores.forEach((score, i) => {
      if (score < DOUBTFUL_SCORE) {
        say(
          `clip ${i + 1}: the wake word model hardly heard ${wakeWord} (${score.toFixed(2)}); record it again?`,
        );
      }
    });
    writeFileSync(output, `${JSON.stringify(verifier)}\n`);
    say(
      `saved ${output} (${verifier.trained.positives} wake word windows, ${verifier.trained.negatives} of other speech, ${noiseSuppression ? 'through RNNoise' : 'raw audio'})`,
    );
    say(`to use it, add to the config:  wake-verifier: [${output}]`);
    return 0;
  } finally {
    denoiser?.close();
    await detector.close();
  }
}
