// What a text's rare words mean (WordNet's definitions), and the memory vectors that carry them:
// real WordNet files and the real hashed embedder.
import { describe, expect, it } from 'vitest';
import type { Embedder } from './embedder.js';
import { embedMemories } from './embedder.js';
import { BlendedEmbedder } from './blended-embedder.js';
import { GlossedEmbedder } from './glossed-embedder.js';
import { glossOf } from './glosses.js';
import { HashedEmbedder } from './hashed-embedder.js';
import { openWordNet } from './wordnet.js';

const wordnet = openWordNet().wordnet!;
const dot = (a: Float32Array, b: Float32Array) => a.reduce((s, x, i) => s + x * b[i]!, 0);

describe('glossOf', () => {
  it("defines a rare word and a name WordNet writes in several words ('first-aid kit')", () => {
    expect(glossOf('I am a vegetarian', wordnet, { below: 5 })).toContain('no meat');
    expect(glossOf('The first aid kit is in the cabinet', wordnet, { below: 5 })).toContain(
      'bandages',
    );
  });

  it('leaves common words, names and numbers undefined', () => {
    expect(glossOf('I like the house at 9 in the morning', wordnet, { below: 5 })).toBe('');
    // "Singer" inside a sentence is a name (a brand), not a vocalist.
    expect(glossOf('We sold the Singer', wordnet, { below: 5 })).not.toContain('sing');
  });

  it('defines only words of one sense when asked', () => {
    const kit = 'The first aid kit is in the cabinet';
    expect(glossOf(kit, wordnet, { below: 5, oneSense: true })).toContain('bandages');
    // "laundry" is washing and a workplace: no definition.
    expect(glossOf('the laundry', wordnet, { below: 5 })).not.toBe('');
    expect(glossOf('the laundry', wordnet, { below: 5, oneSense: true })).toBe('');
  });

  it('keeps the rarest definitions when there are too many', () => {
    const text = 'the dehumidifier, the first aid kit, the vegetarian, the laundry';
    expect(glossOf(text, wordnet, { below: 5, most: 1 }).split('; ')).toHaveLength(1);
  });
});

describe('GlossedEmbedder', () => {
  const hashed = new HashedEmbedder();
  const glossed = new GlossedEmbedder({
    inner: hashed,
    glossOf: (t) => glossOf(t, wordnet, { below: 5 }),
    weight: 0.5,
    glossId: 'test-glosses',
  });

  it('names its definitions in its id, so stores re-embed', () => {
    expect(glossed.id).toBe(`${hashed.id}+test-glosses*0.5`);
  });

  it("brings a memory's vector nearer to its rare words' definitions, queries as written", async () => {
    const [query] = await hashed.embed(['can I eat meat or fish?']);
    const [plain] = await hashed.embed(['I am a vegetarian']);
    const [defined] = await embedMemories(glossed, ['I am a vegetarian']);
    expect(dot(query!, defined!)).toBeGreaterThan(dot(query!, plain!) + 0.05);
    expect(await glossed.embed(['I am a vegetarian'])).toEqual([plain]);
    // A memory with no rare word keeps its own vector.
    const [common] = await embedMemories(glossed, ['the house']);
    expect(common).toEqual((await hashed.embed(['the house']))[0]);
  });

  it('is reached through a blend, which keeps a query as written', async () => {
    const blend: Embedder = new BlendedEmbedder([
      { embedder: hashed, share: 0.25 },
      { embedder: glossed, share: 0.75 },
    ]);
    const [memory] = await embedMemories(blend, ['I am a vegetarian']);
    const [query] = await blend.embed(['I am a vegetarian']);
    expect(dot(memory!, query!)).toBeLessThan(0.99);
    expect(dot(memory!, memory!)).toBeCloseTo(1, 5);
  });
});
