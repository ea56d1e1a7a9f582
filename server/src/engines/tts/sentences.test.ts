import { describe, expect, it } from 'vitest';
import { SentenceSplitter, sentencesOf, splitSentences } from './sentences.js';

describe('splitSentences', () => {
  it.each<[string, string[]]>([
    ['Hello. How are you?', ['Hello.', 'How are you?']],
    ['Stop! Now.', ['Stop!', 'Now.']],
    ['Really?! Yes…  Fine', ['Really?!', 'Yes…', 'Fine']],
    ['Wait... what? No.', ['Wait... what?', 'No.']],
    ['Dr. Smith is in. Call him.', ['Dr. Smith is in.', 'Call him.']],
    ['Mr. and Mrs. Jones left at 10 a.m. today.', ['Mr. and Mrs. Jones left at 10 a.m. today.']],
    ['J. K. Rowling wrote it. Yes.', ['J. K. Rowling wrote it.', 'Yes.']],
    ['It is 3.5 km away. Go.', ['It is 3.5 km away.', 'Go.']],
    [
      'Il fait 21,5 °C dans le salon. Bonne soirée.',
      ['Il fait 21,5 °C dans le salon.', 'Bonne soirée.'],
    ],
    ['M. Dupont est arrivé. Mme. Martin aussi.', ['M. Dupont est arrivé.', 'Mme. Martin aussi.']],
    ['Bonjour ! Comment ça va ? Très bien.', ['Bonjour !', 'Comment ça va ?', 'Très bien.']],
    [
      'Attention : le four est chaud ; ne touchez pas.',
      ['Attention : le four est chaud ; ne touchez pas.'],
    ],
    ['Il a dit « Bonjour ! » puis il est parti.', ['Il a dit « Bonjour ! » puis il est parti.']],
    ['Il a dit « Bonjour ! » Puis il est parti.', ['Il a dit « Bonjour ! »', 'Puis il est parti.']],
    ['« Tu viens ? » demanda-t-il. Non.', ['« Tu viens ? » demanda-t-il.', 'Non.']],
    ['He said "stop." Then he left.', ['He said "stop."', 'Then he left.']],
    ['See e.g. the manual. Done.', ['See e.g. the manual.', 'Done.']],
    ['1. Open the door\n2. Turn on the light', ['1. Open the door', '2. Turn on the light']],
    ['Version 2.0 is out.', ['Version 2.0 is out.']],
    ['Rendez-vous à 15 h 30. À tout à l’heure !', ['Rendez-vous à 15 h 30.', 'À tout à l’heure !']],
    ['No final punctuation', ['No final punctuation']],
    ['  ', []],
  ])('%j', (text, sentences) => {
    expect(splitSentences(text)).toEqual(sentences);
  });

  it('cuts a very long sentence after a comma', () => {
    const text = `${'word '.repeat(20)}, ${'more '.repeat(20)}`;
    const [first, second] = splitSentences(text, { maxLength: 150 });
    expect(first).toBe(`${'word '.repeat(20)},`.trim());
    expect(second).toBe('more '.repeat(20).trim());
  });
});

describe('SentenceSplitter', () => {
  it('yields a sentence as soon as the next one has begun, whatever the deltas', () => {
    const splitter = new SentenceSplitter();
    expect(splitter.push('The light')).toEqual([]);
    expect(splitter.push(' is on')).toEqual([]);
    expect(splitter.push('.')).toEqual([]);
    expect(splitter.push(' ')).toEqual([]);
    expect(splitter.push('It is 21')).toEqual(['The light is on.']);
    expect(splitter.push('.')).toEqual([]);
    expect(splitter.push('5 degrees. Dr')).toEqual(['It is 21.5 degrees.']);
    expect(splitter.push('. Who')).toEqual([]);
    expect(splitter.push(' is here?')).toEqual([]);
    expect(splitter.flush()).toEqual(['Dr. Who is here?']);
    expect(splitter.flush()).toEqual([]);
  });

  it('gives the same sentences for any split of the text into deltas', () => {
    const text = 'Bonjour ! Il fait 21,5 °C. M. Dupont arrive à 3 h. « Prêt ? » Oui.';
    const whole = splitSentences(text);
    for (let size = 1; size < 12; size++) {
      const splitter = new SentenceSplitter();
      const out: string[] = [];
      for (let i = 0; i < text.length; i += size)
        out.push(...splitter.push(text.slice(i, i + size)));
      out.push(...splitter.flush());
      expect(out).toEqual(whole);
    }
  });

  it('streams sentences from deltas', async () => {
    async function* deltas() {
      yield 'One. Tw';
      yield 'o! Three';
    }
    const out: string[] = [];
    for await (const sentence of sentencesOf(deltas())) out.push(sentence);
    expect(out).toEqual(['One.', 'Two!', 'Three']);
  });
});
