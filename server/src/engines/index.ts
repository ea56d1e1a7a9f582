// Builds the speech engines the configuration asks for.
import type { Logger } from 'wyoming-ts';
import type { JarvisConfig } from '../config/schema.js';
import { type ChainStage, SpeechToTextChain } from './stt/chain.js';
import { MoonshineRecognizer } from './stt/moonshine.js';
import { MoonshineEngine } from './stt/moonshine-engine.js';
import { PhraseEngine, type PhraseEngineOptions } from './stt/phrase-engine.js';
import { RULE_OF_RUNS, ruleWith, type SecondOpinionRule } from './stt/second-opinion.js';
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
  // One Moonshine model in memory: the general engine uses the second opinion's when there is one.
  const phrase = config.stt.phrase.enabled
    ? new PhraseEngine({
        minConfidence: config.stt.phrase.min_confidence,
        askConfidence: config.stt.phrase.ask_confidence,
        secondOpinion: second && {
          recognizer: second,
          rule: secondOpinionRule(config),
          runs: config.stt.phrase.agreement.runs,
        },
        logger,
        ...phraseOptions,
      })
    : undefined;
  // General engines, in order: Moonshine (built in), then a Wyoming ASR such as whisper.
  const general: ChainStage[] = [];
  if (config.stt.moonshine.enabled) {
    const minConfidence = config.stt.moonshine.min_confidence;
    const loadRecognizer = second && (() => Promise.resolve(second));
    const size = config.stt.moonshine.model;
    const moonshine = new MoonshineEngine({ minConfidence, size, logger, loadRecognizer });
    // Loaded now so the first turn does not wait for it; a failure is logged, and each turn
    // tries again (the chain falls back to "Sorry, I didn't catch that").
    await moonshine.load().catch((error: Error) => {
      const cause = error.cause instanceof Error ? ` (${error.cause.message})` : '';
      logger.error(`${error.message}${cause}`);
    });
    general.push({ engine: moonshine, minConfidence });
  }
  if (config.stt.wyoming_uri) {
    general.push({ engine: new WyomingStt({ uri: config.stt.wyoming_uri, logger }) });
  }
  const stages: ChainStage[] = [
    ...(phrase ? [{ engine: phrase, minConfidence: config.stt.phrase.min_confidence }] : []),
    ...general,
  ];
  if (stages.length === 0) {
    throw new Error(
      'no speech-to-text engine: enable stt.phrase or stt.moonshine, or set stt.wyoming_uri',
    );
  }
  const stt: SpeechToText =
    stages.length > 1 ? new SpeechToTextChain({ stages, logger }) : stages[0]!.engine;
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
): Promise<MoonshineRecognizer | undefined> {
  if (config.stt.phrase.second_opinion === 'off') return undefined;
  try {
    return await MoonshineRecognizer.load({ size: config.stt.moonshine.model });
  } catch (error) {
    logger.warn(
      `phrase: no second opinion (${(error as Error).message}); the grammar alone judges`,
    );
    return undefined;
  }
}

/** The second opinion's rule a configuration asks for. */
export function secondOpinionRule(config: JarvisConfig): SecondOpinionRule {
  const settings = config.stt.phrase.agreement;
  return ruleWith(RULE_OF_RUNS[settings.runs], settings);
}
