// Routines as local intents: a trigger sentence ("good night", "je vais me coucher") runs the
// routine, after its question when it has one, and always after a "yes" when an action arms,
// disarms, unlocks or opens (the shared rule of `home/sensitive.ts`). One question waits per
// conversation, answered only by the peer it was asked of, for as long as the unlock questions.
// Wraps any `IntentRecognizer`; its sentences gain the routines' trigger sentences.
import { expandTemplate } from '../automation/sentence-templates.js';
import { needsConfirmation } from '../home/sensitive.js';
import { type CompiledLanguage, compileLanguage } from '../intents/compile.js';
import { LANGUAGES } from '../intents/languages/index.js';
import { words } from '../intents/normalize.js';
import { answerOf, primaryLanguage } from '../intents/recognize.js';
import { DEFAULT_CONFIRMATION_TIMEOUT_MS } from '../intents/recognizer.js';
import type { IntentContext, IntentRecognizer, IntentResult } from '../intents/types.js';
import { phrasesIn } from './phrases.js';
import { callOf, runActions, type RoutineRun } from './run.js';
import { type Routine, textIn } from './schema.js';

export interface RoutineRecognizerOptions {
  readonly routines: readonly Routine[];
  /** Domains whose every action waits for a "yes" (`agent.sensitive_domains`). */
  readonly sensitiveDomains?: readonly string[];
  readonly confirmationTimeoutMs?: number;
  /** Each run's failures, for the log (never what was said). */
  readonly onFailure?: (routine: string, failure: string) => void;
}

interface Waiting {
  readonly routine: Routine;
  readonly language: string;
  readonly peer?: string;
  readonly expiresAt: number;
}

const FILLER = new Set(['hey', 'jarvis', 'please', 'ok', 'okay', 'stp']);
const INTENT = 'JarvisRoutine';

export function withRoutines(
  base: IntentRecognizer,
  options: RoutineRecognizerOptions,
): IntentRecognizer {
  const triggers = new Map<string, { routine: Routine; language: string }>();
  for (const routine of options.routines) {
    for (const [language, list] of Object.entries(routine.sentences)) {
      for (const sentence of list.flatMap(expandTemplate))
        triggers.set(`${language}:${key(sentence)}`, { routine, language });
    }
  }
  const yesNo = new Map<string, CompiledLanguage>(
    LANGUAGES.map((data) => [String(data.language), compileLanguage(data)]),
  );
  const waiting = new Map<string, Waiting>();
  const timeoutMs = options.confirmationTimeoutMs ?? DEFAULT_CONFIRMATION_TIMEOUT_MS;

  function find(text: string, context: IntentContext) {
    const said = key(text);
    const hint = context.language && primaryLanguage(context.language);
    const order = hint ? [hint, ...yesNo.keys()] : [...yesNo.keys()];
    for (const language of order) {
      const found = triggers.get(`${language}:${said}`);
      if (found) return found;
    }
    return undefined;
  }

  async function run(routine: Routine, language: string, context: IntentContext) {
    const done = await runActions(routine.actions, context.home, language, context.signal);
    for (const failure of done.failures)
      options.onFailure?.(routine.name, `${failure.what}: ${failure.detail ?? failure.reason}`);
    return result(language, answer(done, language), done.failures.length > 0, done.calls);
  }

  async function answered(entry: Waiting, text: string, context: IntentContext) {
    const lang = yesNo.get(entry.language);
    const yes = lang && answerOf(lang, lang.tokenize(text));
    if (yes === undefined) return undefined;
    const phrases = phrasesIn(entry.language);
    if (!yes) return result(entry.language, phrases.cancelled);
    if (context.now.getTime() > entry.expiresAt)
      return result(entry.language, phrases.expired, true);
    return run(entry.routine, entry.language, context);
  }

  return {
    languages: base.languages,

    async handle(text, context) {
      // Heard unsurely: routines are not asked back, and an unsure "yes" answers nothing.
      if (context.askBack) return base.handle(text, context);
      const entry = waiting.get(context.conversationId);
      if (entry && entry.peer === context.peer) {
        waiting.delete(context.conversationId);
        const done = await answered(entry, text, context);
        if (done) return done;
      }
      const found = find(text, context);
      if (!found) return base.handle(text, context);
      const { routine, language } = found;
      const calls = routine.actions.flatMap((a) => callOf(a) ?? []);
      const sensitive = needsConfirmation(
        calls,
        (id) => context.home.entity(id),
        options.sensitiveDomains,
      );
      if (sensitive && context.sureEnoughForSensitive === false)
        return { ...result(language, phrasesIn(language).notHeard), notSureEnough: true };
      if (!sensitive && !routine.confirm) return run(routine, language, context);
      const question = routine.confirm
        ? textIn(routine.confirm, language)
        : phrasesIn(language).confirm.replace('{name}', routine.name);
      const expiresAt = context.now.getTime() + timeoutMs;
      waiting.set(context.conversationId, { routine, language, peer: context.peer, expiresAt });
      return { ...result(language, question), expectsReply: true };
    },

    sentences(home, language) {
      const own = options.routines.flatMap((r) =>
        (r.sentences[primaryLanguage(language) as 'en' | 'fr'] ?? []).flatMap(expandTemplate),
      );
      return [...base.sentences(home, language), ...own];
    },

    answers: (language) => base.answers(language),
  };
}

function key(text: string): string {
  const tokens = words(text);
  while (tokens.length && FILLER.has(tokens[0]!)) tokens.shift();
  while (tokens.length && FILLER.has(tokens.at(-1)!)) tokens.pop();
  return tokens.join(' ');
}

function result(
  language: string,
  speech: string,
  failed = false,
  calls: RoutineRun['calls'] = [],
): IntentResult {
  return { intent: INTENT, language, speech, calls, expectsReply: false, failed };
}

/** The routine's words, then what failed: "Good night. Not done: light.old no longer exists." */
function answer(done: RoutineRun, language: string): string {
  const phrases = phrasesIn(language);
  const failures = done.failures.map((f) =>
    (f.reason === 'missing' ? phrases.missing : phrases.refused).replace('{what}', f.what),
  );
  const said = done.said.join(' ');
  if (failures.length === 0) return said || phrases.done;
  const list =
    failures.length === 1
      ? failures[0]!
      : `${failures.slice(0, -1).join(', ')} ${phrases.and} ${failures.at(-1)}`;
  return `${said ? `${said} ` : ''}${phrases.failed} ${list}.`;
}
