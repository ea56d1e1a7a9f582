// Sentence templates in the style of Home Assistant's hassil: `(a|b)` alternatives, `[a|b]`
// optional, `{slot}` values, `<rule>` shared fragments. Parsed once per language.
import { ConfigError } from '../errors.js';

export type Node =
  | { readonly kind: 'word'; readonly text: string; readonly tokens: readonly string[] }
  | { readonly kind: 'slot'; readonly name: string }
  | { readonly kind: 'alt'; readonly options: readonly Sequence[]; readonly optional: boolean };

export type Sequence = readonly Node[];

export interface TemplateOptions {
  readonly rules: Readonly<Record<string, string>>;
  /** Folds a literal word into the tokens it is compared as. */
  readonly words: (text: string) => readonly string[];
  readonly slots: ReadonlySet<string>;
  /** Where the template comes from, for errors (`intents.fr.HassTurnOn`). */
  readonly path?: string;
}

const SPECIAL = new Set(['(', ')', '[', ']', '|', '{', '}', '<', '>', ' ']);

class Parser {
  private pos = 0;

  constructor(
    private readonly text: string,
    private readonly options: TemplateOptions,
    private readonly stack: readonly string[],
  ) {}

  parse(): Node[] {
    const nodes = this.sequence();
    if (this.pos < this.text.length) throw this.error(`unexpected "${this.text[this.pos]}"`);
    return nodes;
  }

  private sequence(): Node[] {
    const nodes: Node[] = [];
    while (this.pos < this.text.length) {
      const char = this.text[this.pos];
      if (char === ' ') this.pos++;
      else if (char === ')' || char === ']' || char === '|') break;
      else if (char === '(' || char === '[') nodes.push(this.group(char));
      else if (char === '{') nodes.push({ kind: 'slot', name: this.slot() });
      else if (char === '<') nodes.push(...this.rule());
      else if (char === '}' || char === '>') throw this.error(`unexpected "${char}"`);
      else nodes.push(...this.word());
    }
    return nodes;
  }

  private group(open: '(' | '['): Node {
    const close = open === '(' ? ')' : ']';
    this.pos++;
    const options: Sequence[] = [this.sequence()];
    while (this.text[this.pos] === '|') {
      this.pos++;
      options.push(this.sequence());
    }
    if (this.text[this.pos] !== close) throw this.error(`missing "${close}"`);
    this.pos++;
    return { kind: 'alt', options, optional: open === '[' };
  }

  private until(close: string): string {
    const end = this.text.indexOf(close, this.pos);
    if (end < 0) throw this.error(`missing "${close}"`);
    const name = this.text.slice(this.pos + 1, end).trim();
    this.pos = end + 1;
    return name;
  }

  private slot(): string {
    const name = this.until('}');
    if (!this.options.slots.has(name)) throw this.error(`unknown slot {${name}}`);
    return name;
  }

  private rule(): Node[] {
    const name = this.until('>');
    const body = this.options.rules[name];
    if (body === undefined) throw this.error(`unknown rule <${name}>`);
    if (this.stack.includes(name)) throw this.error(`rule <${name}> refers to itself`);
    return new Parser(body, this.options, [...this.stack, name]).parse();
  }

  private word(): Node[] {
    const start = this.pos;
    while (this.pos < this.text.length && !SPECIAL.has(this.text[this.pos] ?? ' ')) this.pos++;
    const text = this.text.slice(start, this.pos);
    const tokens = this.options.words(text);
    return tokens.length ? [{ kind: 'word', text, tokens }] : [];
  }

  private error(message: string): ConfigError {
    return new ConfigError(`template "${this.text}": ${message}`, this.options.path);
  }
}

export function parseTemplate(template: string, options: TemplateOptions): Sequence {
  return new Parser(template, options, []).parse();
}

/** The slots a template can fill. */
export function slotsOf(sequence: Sequence, found = new Set<string>()): Set<string> {
  for (const node of sequence) {
    if (node.kind === 'slot') found.add(node.name);
    else if (node.kind === 'alt') for (const option of node.options) slotsOf(option, found);
  }
  return found;
}
