// Replies in the request's language: response templates filled in, names said with their
// article where the language wants one, words agreeing with what they describe.
import { type Agreement, agreementOf, contract, displayName, withArticle } from './articles.js';
import { formatDuration } from './durations.js';
import type { CompiledLanguage } from './compile.js';
import type { AgreeingWord, LanguageData, ResponseKey } from './languages/language.js';
import type { Failure, TargetPhrase } from './resolve.js';

export type Values = Readonly<Record<string, string | number>>;

function fill(template: string, values: Values): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ''));
}

export class Speech {
  readonly data: LanguageData;

  constructor(private readonly lang: CompiledLanguage) {
    this.data = lang.data;
  }

  say(key: ResponseKey, values: Values = {}): string {
    const text = contract(fill(this.data.responses[key], values), this.data.articles)
      .replace(/\s+/g, ' ')
      .trim();
    return text.charAt(0).toUpperCase() + text.slice(1);
  }

  /** A device's name or alias as said mid-sentence ("la lampe de chevet", "kitchen light"). */
  name(said: string): string {
    return withArticle(displayName(said), this.data.articles);
  }

  domain(domain: string, count: number): string {
    const words = this.data.domains[domain] ?? this.data.domains.device;
    return (count > 1 ? words?.many : words?.one) ?? domain;
  }

  /** Of several names for one thing, the one using most of this language's words. */
  pick(names: readonly string[]): string {
    const fit = (name: string) => this.lang.words(name).filter((w) => this.lang.vocabulary.has(w));
    let best = names[0] ?? '';
    for (const name of names) if (fit(name).length > fit(best).length) best = name;
    return best;
  }

  target(phrase: TargetPhrase, count: number): string {
    const { targets } = this.data;
    switch (phrase.kind) {
      case 'name':
        return fill(targets.name, { name: this.name(this.said(phrase)) });
      case 'area':
        return fill(targets.area, {
          domain: this.domain(phrase.domain, count),
          area: this.name(phrase.area),
        });
      case 'here':
        return fill(targets.here, { domain: this.domain(phrase.domain, count) });
      case 'everything':
        return phrase.area === undefined
          ? targets.everything
          : fill(targets.everythingArea, { area: this.name(phrase.area) });
    }
  }

  private said(phrase: TargetPhrase & { kind: 'name' }): string {
    return phrase.choices ? this.pick(phrase.choices) : phrase.said;
  }

  agreement(phrase: TargetPhrase, count: number): Agreement {
    if (phrase.kind === 'name') {
      return agreementOf(displayName(this.said(phrase)), this.data.articles);
    }
    if (phrase.kind === 'everything') return { feminine: false, plural: true };
    const bare = this.data.domains[phrase.domain]?.bare ?? phrase.domain;
    return { feminine: agreementOf(bare, this.data.articles).feminine, plural: count > 1 };
  }

  agree(word: AgreeingWord, agreement: Agreement): string {
    if (typeof word === 'string') return word;
    return word[(agreement.feminine ? 1 : 0) + (agreement.plural ? 2 : 0)] ?? word[0];
  }

  copula(plural: boolean): string {
    return this.data.copula[plural ? 1 : 0];
  }

  /** A Home Assistant state in words ("verrouillée"), or the state itself with its unit. */
  state(state: string, agreement: Agreement, unit?: unknown): string {
    const words = this.data.states[state];
    if (words) return this.agree(words.say, agreement);
    const value = Number(state);
    if (state.trim() === '' || Number.isNaN(value)) return state;
    return typeof unit === 'string' ? `${this.number(value)} ${unit}` : this.number(value);
  }

  number(value: number): string {
    return new Intl.NumberFormat(this.data.locale, { maximumFractionDigits: 1 }).format(value);
  }

  list(items: readonly string[]): string {
    return new Intl.ListFormat(this.data.locale, { type: 'conjunction' }).format(items);
  }

  duration(seconds: number): string {
    return formatDuration(seconds, this.data.locale);
  }

  failure(failure: Failure): string {
    switch (failure.reason) {
      case 'unknown':
        return this.say('unknownDevice', { name: failure.name });
      case 'ambiguous':
        return this.say('ambiguous', { name: displayName(failure.name) });
      case 'noDevice':
        return this.say('noDeviceInArea', {
          domain: (this.data.domains[failure.domain] ?? this.data.domains.device)?.bare ?? '',
          area: this.name(failure.choices ? this.pick(failure.choices) : failure.area),
        });
      case 'noArea':
        return this.say('noArea');
    }
  }
}
