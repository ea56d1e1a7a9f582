// The local intents: a sentence in, an action and a reply out, or `undefined` so the LLM agent
// can try. Unlock confirmations wait here, per conversation.
import { randomUUID } from 'node:crypto';
import type { Home } from '../home/home.js';
import { type CompiledLanguage, compileLanguage } from './compile.js';
import { Confirmations, type Waiting } from './confirmations.js';
import { HANDLERS } from './handlers/index.js';
import { intentDomains } from './intent-domains.js';
import { answerConfirmation } from './handlers/locks.js';
import { answerDraft, ReminderDrafts } from './handlers/reminders.js';
import { askBack } from './ask-back.js';
import type { HandlerDeps, IntentRequest } from './handlers/request.js';
import { LANGUAGES } from './languages/index.js';
import type { LanguageData } from './languages/language.js';
import { answerOf, languageOrder, primaryLanguage, recognize } from './recognize.js';
import { type NameLanguage, nameLanguageGuesser } from './name-language.js';
import { answerSentences, DEFAULT_LIMITS, generateSentences } from './sentences.js';
import { Speech } from './speech.js';
import type { IntentContext, IntentRecognizer, IntentResult, Language } from './types.js';

export interface IntentRecognizerOptions {
  /** The languages understood; all of `languages/index.ts` by default. */
  readonly languages?: readonly LanguageData[];
  /** How long an unlock question waits for its "yes". */
  readonly confirmationTimeoutMs?: number;
  /** Ids for new timers. */
  readonly newId?: () => string;
  /** Domains whose every action waits for a "yes" (`agent.sensitive_domains`). */
  readonly sensitiveDomains?: readonly string[];
  /**
   * The language of each name and alias, so a language's grammar (`sentences`) holds only the
   * names said in it; by default guessed from the known languages' letters and little words.
   */
  readonly nameLanguage?: NameLanguage;
}

export const DEFAULT_CONFIRMATION_TIMEOUT_MS = 30_000;

export function createIntentRecognizer(options: IntentRecognizerOptions = {}): IntentRecognizer {
  const languages = (options.languages ?? LANGUAGES).map(compileLanguage);
  // Names are told apart by every language known, understood here or not.
  const nameLanguage = options.nameLanguage ?? nameLanguageGuesser({ languages: LANGUAGES });
  const speeches = new Map(languages.map((lang) => [lang, new Speech(lang)]));
  const deps: HandlerDeps = {
    confirmations: new Confirmations(
      options.confirmationTimeoutMs ?? DEFAULT_CONFIRMATION_TIMEOUT_MS,
    ),
    newId: options.newId ?? randomUUID,
    sensitiveDomains: options.sensitiveDomains ?? [],
    reminderDrafts: new ReminderDrafts(
      options.confirmationTimeoutMs ?? DEFAULT_CONFIRMATION_TIMEOUT_MS,
    ),
  };
  const find = (language: Language | undefined) =>
    language ? languages.find((l) => l.data.language === primaryLanguage(language)) : undefined;
  const request = (
    lang: CompiledLanguage,
    context: IntentContext,
    fields: Pick<IntentRequest, 'intent' | 'target' | 'captures'>,
  ): IntentRequest => ({
    ...fields,
    lang,
    context,
    speech: speeches.get(lang) ?? new Speech(lang),
  });

  /** A yes or no to the waiting question, in its language (or the one the text came in). */
  async function answer(waiting: Waiting, text: string, context: IntentContext) {
    const asked = find(waiting.pending.language);
    if (!asked) return undefined;
    for (const lang of new Set([asked, find(context.language) ?? asked])) {
      const yes = answerOf(lang, lang.tokenize(text));
      if (yes === undefined) continue;
      const { sentence } = waiting.pending;
      if (yes && !waiting.expired && sentence !== undefined) {
        return handle(sentence, { ...context, askBack: false, sureEnoughForSensitive: false });
      }
      const captures = {};
      return answerConfirmation(
        waiting,
        yes,
        request(asked, context, { intent: waiting.pending.intent, captures }),
      );
    }
    return undefined;
  }

  /** What to remind, when "what should I remind you of?" waits in this conversation. */
  async function draftAnswer(text: string, context: IntentContext) {
    const draft = deps.reminderDrafts.take(context.conversationId, context.now);
    if (!draft) return undefined;
    const lang = find(draft.language) ?? languageOrder(languages, text, context.language)[0];
    if (!lang || answerOf(lang, lang.tokenize(text)) === false) return undefined;
    const captures = {};
    return answerDraft(
      request(lang, context, { intent: 'JarvisReminderSet', captures }),
      draft,
      text,
    );
  }

  async function handle(text: string, context: IntentContext): Promise<IntentResult | undefined> {
    // A sentence heard unsurely never answers a waiting question: that question keeps waiting.
    if (!context.askBack) {
      const waiting = deps.confirmations.take(context, context.now);
      const answered = waiting && (await answer(waiting, text, context));
      if (answered) return answered;
      const drafted = await draftAnswer(text, context);
      if (drafted) return drafted;
    }
    const order = languageOrder(languages, text, context.language);
    const found = recognize(order, text, context.home);
    if (!found) return undefined;
    const { intent, target } = found.template;
    const domains = intentDomains(intent, target, found.captures);
    const refused = context.refuse?.(domains, found.lang.data.language);
    if (refused !== undefined) return refusedResult(refused, found.lang.data.language);
    const fields = { intent, target, captures: found.captures };
    const asked = request(found.lang, context, fields);
    if (context.askBack) return askBack(asked, deps, text, domains);
    return HANDLERS[intent](asked, deps);
  }

  return {
    languages: languages.map((lang) => lang.data.language),
    handle,

    sentences(home: Home, language: Language): string[] {
      const lang = find(language);
      return lang ? generateSentences(lang, home, DEFAULT_LIMITS, nameLanguage) : [];
    },

    answers(language: Language): string[] {
      const lang = find(language);
      return lang ? answerSentences(lang) : [];
    },
  };
}

/** A request the room's mode does not let through: answered, not acted on. */
export function refusedResult(speech: string, language: Language): IntentResult {
  return { intent: 'JarvisModeRefused', language, speech, calls: [], expectsReply: false };
}
