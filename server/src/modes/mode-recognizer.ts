// The local intents as the room's mode lets them through: mode commands ("night mode until 7")
// are understood first, whatever the mode; then a request the mode does not let through ("play
// music" at night) is answered "Not at night." instead of acted on, and so is what would go to
// the conversation agent. Wraps any `IntentRecognizer`; its sentences gain the mode sentences.
import type { Clock } from '../speech/clock.js';
import { compileLanguage } from '../intents/compile.js';
import { LANGUAGES } from '../intents/languages/index.js';
import { languageOrder } from '../intents/recognize.js';
import { refusedResult } from '../intents/recognizer.js';
import type { IntentContext, IntentRecognizer, IntentResult, Language } from '../intents/types.js';
import { modeAnswer, modeSentences, parseModeCommand, refusal } from './mode-intents.js';
import type { ModeStore } from './mode-store.js';
import { permits, policyOf } from './policy.js';

export interface ModeRecognizerOptions {
  readonly store: ModeStore;
  readonly clock: Clock;
  /** The reply language when the request's is unknown. */
  readonly language: Language;
}

export function withModes(
  base: IntentRecognizer,
  options: ModeRecognizerOptions,
): IntentRecognizer {
  const { store, clock } = options;
  // For the language of a refusal when no intent understood the request.
  const compiled = LANGUAGES.map(compileLanguage);

  function setMode(text: string, context: IntentContext): IntentResult | undefined {
    const command = parseModeCommand(text, new Date(clock.now()), context.language);
    if (!command) return undefined;
    const here = command.here && context.satellite !== undefined;
    store.set(command.mode, {
      satellite: here ? context.satellite : undefined,
      until: command.until,
    });
    return {
      intent: 'JarvisSetMode',
      language: command.language,
      speech: modeAnswer({ ...command, here }),
      calls: [],
      expectsReply: false,
    };
  }

  return {
    languages: base.languages,

    async handle(text, context) {
      // Heard unsurely: a mode is not asked back.
      const set = context.askBack ? undefined : setMode(text, context);
      if (set) return set;
      // No satellite (the API, Home Assistant's conversation agent): the house's mode.
      const mode = store.modeOf(context.satellite);
      if (!policyOf(mode).domains) return base.handle(text, context);
      const refuse = (domains: readonly string[], language: Language) =>
        permits(mode, domains) ? undefined : refusal(mode, language);
      const result = await base.handle(text, { ...context, refuse });
      if (result || permits(mode, ['agent'])) return result;
      const guess = languageOrder(compiled, text, context.language)[0]?.data.language;
      const language = guess ?? options.language;
      return refusedResult(refusal(mode, language), language);
    },

    sentences(home, language) {
      return [...base.sentences(home, language), ...modeSentences(language)];
    },

    answers: (language) => base.answers(language),
  };
}
