import { describe, expect, it } from 'vitest';
import { HashedEmbedder, fnv1a } from './hashed-embedder.js';

const cosine = (a: Float32Array, b: Float32Array) => a.reduce((sum, x, i) => sum + x * b[i]!, 0);
const norm = (a: Float32Array) => Math.sqrt(cosine(a, a));

describe('HashedEmbedder', () => {
  const embedder = new HashedEmbedder();
  const vec = (text: string) => embedder.embedOne(text);

  it('names itself after its version and dimensions', () => {
    expect(embedder.id).toBe('hashed-ngram-v1:512');
    expect(embedder.dimensions).toBe(512);
    const small = new HashedEmbedder({ dimensions: 256 });
    expect(small.id).toBe('hashed-ngram-v1:256');
    expect(small.embedOne('Felix is a black cat')).toHaveLength(256);
    expect(new HashedEmbedder({ lexicon: false }).id).toBe('hashed-ngram-v1-nolex:512');
    expect(() => new HashedEmbedder({ dimensions: 3 })).toThrow(RangeError);
  });

  it('returns one unit-length Float32Array per text, in order', async () => {
    const texts = ['Felix is a black cat', "J'ai arrêté de fumer aujourd'hui", 'what is it?', ''];
    const vectors = await embedder.embed(texts);
    expect(vectors).toHaveLength(4);
    for (const v of vectors) {
      expect(v).toBeInstanceOf(Float32Array);
      expect(norm(v)).toBeCloseTo(1, 5);
    }
    expect(vectors[0]).toEqual(vec(texts[0]!));
  });

  it('is deterministic across instances', () => {
    const other = new HashedEmbedder();
    expect(Array.from(other.embedOne('I like warm light in the evening'))).toEqual(
      Array.from(vec('I like warm light in the evening')),
    );
    expect(fnv1a('a')).toBe(0xe40c292c); // the published FNV-1a test vector
  });

  it('puts similar sentences closer than unrelated ones', () => {
    const felix = vec('Felix is a black cat');
    expect(cosine(felix, vec('tell me about Felix'))).toBeGreaterThan(
      cosine(felix, vec('I like warm light in the evening')),
    );
    expect(cosine(felix, vec('what colour is my cat?'))).toBeGreaterThan(
      cosine(felix, vec('The wifi password is on the fridge')),
    );
    const wifi = vec('The wifi password is on the fridge');
    expect(cosine(wifi, vec('where did I put the wifi code?'))).toBeGreaterThan(
      cosine(wifi, vec('when is my sister coming?')),
    );
  });

  it('meets word forms through its stemmer and French through its lexicon', () => {
    const smoking = vec('I stopped smoking today');
    expect(cosine(smoking, vec('do I still smoke?'))).toBeGreaterThan(
      cosine(smoking, vec('do I still drive?')),
    );
    expect(cosine(vec('two cats'), vec('a cat'))).toBeGreaterThan(0.5);
    const noLexicon = new HashedEmbedder({ lexicon: false });
    const bridged = (e: HashedEmbedder, a: string, b: string) =>
      cosine(e.embedOne(a), e.embedOne(b));
    for (const [fr, en] of [
      ['Felix est un chat noir', 'my cat is black'],
      ["J'ai arrêté de fumer", 'I stopped smoking'],
    ] as const) {
      expect(bridged(embedder, fr, en)).toBeGreaterThan(bridged(noLexicon, fr, en) + 0.05);
    }
  });

  it('folds accents and case', () => {
    expect(Array.from(vec('LUMIÈRE Chaude'))).toEqual(Array.from(vec('lumiere chaude')));
  });

  it('gives every empty text the same unit vector, and stop words still their own', () => {
    const empty = vec('');
    expect(norm(empty)).toBeCloseTo(1, 5);
    expect(Array.from(vec(' ?! '))).toEqual(Array.from(empty));
    expect(cosine(vec('what is it?'), vec('who is he?'))).toBeLessThan(0.99);
  });

  it('stops at an aborted signal', async () => {
    await expect(embedder.embed(['x'], AbortSignal.abort())).rejects.toThrow();
  });
});
