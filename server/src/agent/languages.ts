// The languages the agent speaks for itself, built on the local intents' language data: which
// language a request is in, a yes or a no to a confirmation, and how to name a device in a
// sentence ("the front door", "la porte d'entrée").
import type { HomeEntity } from '../home/home.js';
import { type CompiledLanguage, compileLanguage } from '../intents/compile.js';
import { LANGUAGES } from '../intents/languages/index.js';
import type { LanguageData } from '../intents/languages/language.js';
import { tokenize } from '../intents/normalize.js';
import { answerOf, languageOrder, primaryLanguage } from '../intents/recognize.js';
import { Speech } from '../intents/speech.js';
import type { Language } from '../intents/types.js';

/** Frequent short words only one of the two languages uses (folded, without accents). */
const STOP_WORDS: Readonly<Record<string, ReadonlySet<string>>> = {
  en: new Set(
    'the an is are was were what who how when where why which do does did can could would should will you he she it we they my your to of in at for with and or not this that there please tell about from have has been'.split(
      ' ',
    ),
  ),
  fr: new Set(
    'le la les un une des est sont etait quel quelle quels quelles qui comment quand ou pourquoi que quoi je tu il elle nous vous ils elles mon ma mes ton ta tes de du au aux dans sur pour avec et pas ne ce cette ca plait moi suis ai as sais peux veux dis fais'.split(
      ' ',
    ),
  ),
};

export type Answer = 'yes' | 'no' | 'other';

/** Votes with stop words; a tie goes to the intents' vocabulary, then to the first language. */
export function detectLanguage(text: string, languages: readonly CompiledLanguage[]): Language {
  const words = tokenize(text).map((token) => token.norm);
  let best: Language | undefined;
  let bestVotes = 0;
  let tie = false;
  for (const [language, stops] of Object.entries(STOP_WORDS)) {
    const votes = words.filter((word) => stops.has(word)).length;
    if (votes > bestVotes) [best, bestVotes, tie] = [language, votes, false];
    else if (votes === bestVotes && votes > 0) tie = true;
  }
  if (best && !tie) return best;
  return languageOrder(languages, text)[0]?.data.language ?? 'en';
}

export class AgentLanguages {
  readonly #compiled: readonly CompiledLanguage[];
  readonly #speeches = new Map<string, Speech>();

  constructor(data: readonly LanguageData[] = LANGUAGES) {
    this.#compiled = data.map(compileLanguage);
    for (const lang of this.#compiled) this.#speeches.set(lang.data.language, new Speech(lang));
  }

  /** The request's language: the one given (its primary part), else detected. */
  detect(text: string, given?: Language): Language {
    if (given) return primaryLanguage(given) || 'en';
    return detectLanguage(text, this.#compiled);
  }

  /** Whether `text` says yes or no, in the question's language or the answer's. */
  answer(text: string, ...languages: readonly (Language | undefined)[]): Answer {
    const tried = new Set<CompiledLanguage>();
    for (const language of [...languages, 'en', 'fr']) {
      const lang = this.#find(language);
      if (!lang || tried.has(lang)) continue;
      tried.add(lang);
      const yes = answerOf(lang, lang.tokenize(text));
      if (yes !== undefined) return yes ? 'yes' : 'no';
    }
    return 'other';
  }

  /** Devices named as a sentence says them: "the front door", "la porte d'entrée et le salon". */
  targetOf(entities: readonly HomeEntity[], language: Language): string {
    const speech = this.speech(language);
    const names = entities.map((entity) =>
      speech.target(
        { kind: 'name', said: entity.name, choices: [entity.name, ...entity.aliases] },
        1,
      ),
    );
    return speech.list(names);
  }

  speech(language: Language): Speech {
    return this.#speeches.get(primaryLanguage(language)) ?? this.#speeches.values().next().value!;
  }

  /** The language's compiled data (durations, numbers), if the intents know it. */
  compiled(language: Language | undefined): CompiledLanguage | undefined {
    return this.#find(language);
  }

  get all(): readonly CompiledLanguage[] {
    return this.#compiled;
  }

  #find(language: Language | undefined): CompiledLanguage | undefined {
    if (!language) return undefined;
    const primary = primaryLanguage(language);
    return this.#compiled.find((lang) => lang.data.language === primary);
  }
}

/** `English`, `French`, ... for the prompt. */
export function languageName(language: Language): string {
  try {
    return new Intl.DisplayNames(['en'], { type: 'language' }).of(language) ?? language;
  } catch {
    return language;
  }
}
