/**
 * Home Assistant's sentence templates, as its `ask_question` answers and custom sentences write
 * them: `(a|b)` is one of the alternatives, `[x]` is optional, and they nest
 * (`[the] (light|lamp)[s]`). `{wildcards}` are left as they are. A template expands to every
 * sentence it can mean, up to a bound, so a grammar can hear them and a matcher compare them.
 */

/** Beyond this many sentences a template is refused: it is a grammar, not a list. */
export const MAX_EXPANSIONS = 256;

export class TemplateError extends Error {}

type Node = string | Node[][]; // a text, or alternatives, each a sequence of nodes

export function expandTemplate(template: string): string[] {
  const parser = { text: template, at: 0 };
  const sequence = parseSequence(parser, '');
  if (parser.at < template.length)
    throw new TemplateError(`unbalanced "${template[parser.at]}" in "${template}"`);
  const sentences = expand(sequence, template).map((s) => s.replace(/\s+/g, ' ').trim());
  return [...new Set(sentences.filter((s) => s.length > 0))];
}

function parseSequence(parser: { text: string; at: number }, closing: string): Node[] {
  const nodes: Node[] = [];
  let text = '';
  while (parser.at < parser.text.length) {
    const char = parser.text[parser.at]!;
    if (char === '(' || char === '[') {
      if (text) nodes.push(text);
      text = '';
      parser.at++;
      const alternatives = parseAlternatives(parser, char === '(' ? ')' : ']');
      nodes.push(char === '[' ? [...alternatives, []] : alternatives);
      continue;
    }
    if (char === ')' || char === ']' || (char === '|' && closing)) break;
    text += char;
    parser.at++;
  }
  if (text) nodes.push(text);
  return nodes;
}

function parseAlternatives(parser: { text: string; at: number }, closing: string): Node[][] {
  const alternatives: Node[][] = [parseSequence(parser, closing)];
  while (parser.text[parser.at] === '|') {
    parser.at++;
    alternatives.push(parseSequence(parser, closing));
  }
  if (parser.text[parser.at] !== closing)
    throw new TemplateError(`"${closing}" expected at ${parser.at} in "${parser.text}"`);
  parser.at++;
  return alternatives;
}

function expand(sequence: readonly Node[], template: string): string[] {
  let sentences = [''];
  for (const node of sequence) {
    const options =
      typeof node === 'string' ? [node] : node.flatMap((alt) => expand(alt, template));
    sentences = sentences.flatMap((head) => options.map((option) => head + option));
    if (sentences.length > MAX_EXPANSIONS)
      throw new TemplateError(`"${template}" means more than ${MAX_EXPANSIONS} sentences`);
  }
  return sentences;
}
