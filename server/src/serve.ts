// Starts the whole server from a configuration (the CLI and the add-on both use it): the home,
// the brain, the speech engines, the app, zeroconf; `stop` closes them in reverse.
import { hostname } from 'node:os';
import { advertise } from '@jarvis/satellite';
import type { Logger } from 'wyoming-ts';
import { portOf, type RunningApp, startApp } from './app.js';
import { buildBrain } from './brain.js';
import type { JarvisConfig } from './config/schema.js';
import { buildSpeechEngines } from './engines/index.js';
import { ConfigError, EngineError } from './errors.js';
import { createHome, type Home } from './home/index.js';
import type { ApiToken } from './http/token.js';
import { createIntentRecognizer } from './intents/index.js';
import type { NameLanguage, NameLanguageOverrides } from './intents/name-language.js';
import { nameReport } from './intents/name-report.js';
import type { Language } from './intents/types.js';
import { installedNameLanguage } from './intents/word-language.js';
import { DEFAULT_DICTIONARY } from './engines/stt/phrase-engine.js';
import { Metrics } from './metrics.js';
import { buildModes } from './modes/index.js';
import { withRoutines } from './routines/routine-recognizer.js';
import { startupSummary } from './summary.js';

/** The language of the phrase engine's grammar. */
const GRAMMAR_LANGUAGE: Language = 'en';

export interface RunningJarvis {
  readonly app: RunningApp;
  readonly home: Home;
  /** The start-up summary: what is connected and where to point satellites and HA. */
  readonly summary: string;
  stop(): Promise<void>;
}

export async function startJarvis(
  config: JarvisConfig,
  apiToken: ApiToken,
  logger: Logger,
): Promise<RunningJarvis> {
  const home = createHome({
    url: config.home_assistant.url,
    token: config.home_assistant.token,
    logger,
  });
  const homeReady = home.start().catch((error: Error) => {
    logger.warn(`Home Assistant: ${error.message}; retrying in the background`);
  });
  // The word lists load while Home Assistant is waited for.
  const [nameLanguage] = await Promise.all([
    nameLanguages(config, logger),
    Promise.race([homeReady, new Promise((resolve) => setTimeout(resolve, 10_000))]),
  ]);
  const local = withRoutines(createIntentRecognizer({ nameLanguage }), {
    routines: config.routines,
    sensitiveDomains: config.agent.sensitive_domains,
    onFailure: (routine, failure) => logger.warn(`routine "${routine}": ${failure}`),
  });
  const modes = await buildModes(config, local, logger);
  const { recognizer } = modes;
  const metrics = new Metrics();
  const brain = await buildBrain({
    config,
    home,
    logger,
    onAgentError: (code) => metrics.recordAgentError(code),
  });
  const speech = await buildSpeechEngines(config, logger);
  // The grammar depends on names, aliases and areas, not on states: rebuild only when those change.
  let vocabulary = '';
  let namesReported = !config.stt.phrase.enabled;
  const refreshGrammar = async () => {
    const current = vocabularyOf(home);
    if (current === vocabulary) return;
    vocabulary = current;
    if (!namesReported && home.entities().length > 0) {
      namesReported = true;
      reportNames(home, nameLanguage, config.stt.phrase.name_languages, logger);
    }
    await speech.setSentences?.([
      ...recognizer.sentences(home, GRAMMAR_LANGUAGE),
      ...recognizer.answers(GRAMMAR_LANGUAGE),
    ]);
  };
  await refreshGrammar();
  const unsubscribe = home.onChange(debounce(() => void refreshGrammar(), 2000));
  const app = await startApp(
    config,
    {
      stt: speech.stt,
      commandStt: speech.commandStt,
      tts: speech.tts,
      recognizer,
      home,
      agent: brain.agent,
      conversations: brain.conversations,
      memory: brain.memory,
      status: brain.status,
      metrics,
      modes: modes.store,
    },
    logger,
  );
  const stopZeroconf =
    config.wyoming.zeroconf && portOf(app.wyomingUri) !== undefined
      ? advertise({
          name: `${config.wyoming.zeroconf_name} on ${hostname()}`,
          port: portOf(app.wyomingUri)!,
          logger,
        })
      : undefined;
  const sources = { config, app, home, speech, recognizer, brain, apiToken };
  const summary = startupSummary({ ...sources, modes: modes.store });
  return {
    app,
    home,
    summary,
    stop: async () => {
      logger.info('stopping');
      unsubscribe();
      await stopZeroconf?.();
      await app.stop();
      await modes.store.stop(); // a mode set just before is written, not lost
      await brain.close();
      await speech.close();
      await home.close();
    },
  };
}

/** Exits with the code `main` resolves to: 2 for a bad configuration, 1 for another error. */
export function runMain(program: string, main: Promise<number>): void {
  main.then(
    (code) => process.exit(code),
    (error: unknown) => {
      if (error instanceof ConfigError) {
        process.stderr.write(`${program}: ${error.message}\n`);
        process.exit(2);
      }
      const message =
        error instanceof EngineError ? error.message : ((error as Error).stack ?? String(error));
      process.stderr.write(`${program}: ${message}\n`);
      process.exit(1);
    },
  );
}

/** Resolves at the first SIGINT or SIGTERM. */
export function untilSignal(): Promise<void> {
  return new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}

function vocabularyOf(home: Home): string {
  const entities = home.entities().map((e) => [e.entity_id, e.name, e.aliases, e.area_id]);
  const areas = home.areas().map((a) => [a.area_id, a.name, a.aliases]);
  return JSON.stringify([entities, areas]);
}

function debounce(fn: () => void, ms: number): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return () => {
    clearTimeout(timer);
    timer = setTimeout(fn, ms);
  };
}

/**
 * The language of each name and alias, for the phrase engine's grammar: the word lists are read
 * only when the phrase engine is on.
 */
async function nameLanguages(config: JarvisConfig, logger: Logger): Promise<NameLanguage> {
  const { enabled, name_languages: overrides } = config.stt.phrase;
  const paths = enabled ? { englishDictionary: DEFAULT_DICTIONARY } : undefined;
  const { nameLanguage, wordLists } = await installedNameLanguage(paths, overrides);
  if (enabled && !wordLists) {
    logger.info('names: no French word list; their letters and little words tell their language');
  }
  return nameLanguage;
}

/** Once, when the home first has names: what the grammar leaves out, and overrides naming nothing. */
function reportNames(
  home: Home,
  nameLanguage: NameLanguage,
  overrides: NameLanguageOverrides,
  logger: Logger,
): void {
  const { info, warn } = nameReport(home, [GRAMMAR_LANGUAGE], nameLanguage, overrides);
  for (const line of info) logger.info(line);
  for (const line of warn) logger.warn(line);
}
