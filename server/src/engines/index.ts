// Builds the speech engines the configuration asks for.
import type { Logger } from 'wyoming-ts';
import type { JarvisConfig } from '../config/schema.js';
import { SpeechToTextChain } from './stt/chain.js';
import { PhraseEngine, type PhraseEngineOptions } from './stt/phrase-engine.js';
import type { SecondOpinionRule, SecondRecognizer } from './stt/second-opinion.js';
import type { SpeechToText } from './stt/stt.js';
import { WyomingStt } from './stt/wyoming-stt.js';
import { EspeakTts } from './tts/espeak-tts.js';
import type { TextToSpeech } from './tts/tts.js';
import { WyomingTts } from './tts/wyoming-tts.js';

export interface SpeechEngines {
  stt: SpeechToText;
  /**
   * The engine whose accepted answer is one of the home's commands (the phrase engine, alone
   * even in a chain): early endpointing ends a command on it.
   */
  commandStt?: SpeechToText;
  tts: TextToSpeech;
  /** Regenerates the phrase engine's grammar (the home's names changed). */
  setSentences?: (sentences: readonly string[]) => Promise<void>;
  close(): Promise<void>;
}

/** `phraseOptions`: more options for the phrase engine (benchmarks try settings with it). */
export async function buildSpeechEngines(
  config: JarvisConfig,
  logger: Logger,
  phraseOptions: PhraseEngineOptions = {},
): Promise<SpeechEngines> {
  const second = config.stt.phrase.enabled ? await secondRecognizer(config, logger) : undefined;
  const phrase = config.stt.phrase.enabled
    ? new PhraseEngine({
        minConfidence: config.stt.phrase.min_confidence,
        askConfidence: config.stt.phrase.ask_confidence,
        secondOpinion: second && { recognizer: second, rule: secondOpinionRule(config) },
        logger,
        ...phraseOptions,
      })
    : undefined;
  const general = config.stt.wyoming_uri
    ? new WyomingStt({ uri: config.stt.wyoming_uri, logger })
    : undefined;
  const engines = [phrase, general].filter(
    (engine): engine is NonNullable<typeof engine> => engine !== undefined,
  );
  if (engines.length === 0) {
    throw new Error('no speech-to-text engine: enable stt.phrase or set stt.wyoming_uri');
  }
  const stt: SpeechToText =
    phrase && general
      ? SpeechToTextChain.phraseFirst({
          phrase,
          general,
          threshold: config.stt.phrase.min_confidence,
          logger,
        })
      : engines[0]!;
  const tts: TextToSpeech =
    config.tts.engine === 'wyoming' && config.tts.wyoming_uri
      ? new WyomingTts({ uri: config.tts.wyoming_uri, voice: config.tts.wyoming_voice, logger })
      : new EspeakTts({
          voices: { en: config.tts.espeak_voice_en, fr: config.tts.espeak_voice_fr },
          rate: config.tts.espeak_rate,
          // A process waits for the next answer: its first audio does not wait for one to start.
          warm: true,
          logger,
        });
  return {
    stt,
    commandStt: phrase,
    tts,
    setSentences: phrase
      ? (sentences) =>
          phrase.setSentences(sentences).then(
            (summary) => logger.info(`phrase grammar: ${JSON.stringify(summary)}`),
            (error: Error) => logger.error(`phrase grammar failed: ${error.message}`),
          )
      : undefined,
    close: async () => {
      await Promise.all([stt.close(), tts.close(), second?.close?.()]);
    },
  };
}

/** Moonshine, loaded once for the server (its engines share it); none when off or not loadable. */
async function secondRecognizer(
  config: JarvisConfig,
  logger: Logger,
): Promise<SecondRecognizer | undefined> {
  if (config.stt.phrase.second_opinion === 'off') return undefined;
  const { MoonshineRecognizer } = await import('./stt/moonshine.js');
  try {
    return await MoonshineRecognizer.load();
  } catch (error) {
    logger.warn(
      `phrase: no second opinion (${(error as Error).message}); the grammar alone judges`,
    );
    return undefined;
  }
}

function secondOpinionRule(config: JarvisConfig): SecondOpinionRule {
  const a = config.stt.phrase.agreement;
  return {
    strict: { sentence: a.sentence, run: a.run },
    looseBand: a.loose_band,
    loose: { sentence: a.loose_sentence, run: a.loose_run },
    ask: { sentence: a.ask_sentence, run: a.ask_run },
  };
}
