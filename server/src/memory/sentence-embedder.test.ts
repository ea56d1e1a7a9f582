import { execFile } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { BlendedEmbedder } from './blended-embedder.js';
import { frenchToEnglish } from './english-text.js';
import { openFrenchEnglish } from './french-english.js';
import { HashedEmbedder } from './hashed-embedder.js';
import { clipText, MAX_CHARS, SentenceEmbedder, type SentenceModel } from './sentence-embedder.js';

const run = promisify(execFile);
const cosine = (a: Float32Array, b: Float32Array) => a.reduce((sum, x, i) => sum + x * b[i]!, 0);

// The real encoder, its weights read from the model package (nothing fetched).
const embedder = await SentenceEmbedder.load();
const vec = async (text: string) => (await embedder.embed([text]))[0]!;

describe('SentenceEmbedder', () => {
  it('returns one unit-length 512-dimension vector per text, in order, empty text too', async () => {
    expect(embedder.id).toBe('use-lite-en:512');
    const texts = ['Quentin is a mechanic', 'The wifi password is on the fridge', ''];
    const vectors = await embedder.embed(texts);
    expect(vectors).toHaveLength(3);
    for (const v of vectors) {
      expect(v).toHaveLength(512);
      expect(cosine(v, v)).toBeCloseTo(1, 4);
    }
    expect(Array.from(vectors[1]!)).toEqual(Array.from(await vec(texts[1]!)));
  });

  it('puts sentences alike in meaning closer than unrelated ones, without shared words', async () => {
    const mechanic = await vec('Quentin is a mechanic');
    expect(cosine(mechanic, await vec('who could repair a broken car engine?'))).toBeGreaterThan(
      cosine(mechanic, await vec('what should I cook for dinner tonight?')),
    );
    const allergy = await vec('Hugo is allergic to nuts');
    expect(cosine(allergy, await vec('which foods make him sick?'))).toBeGreaterThan(
      cosine(allergy, await vec('when does the train leave?')),
    );
  });

  it('loads in a fresh process with no network, once, leaving its error listeners alone', async () => {
    const here = dirname(fileURLToPath(import.meta.url));
    const { stdout, stderr } = await run(process.execPath, [
      '--conditions=source',
      '--import',
      'tsx',
      '--import',
      join(here, 'no-network.fixture.ts'),
      join(here, 'sentence-offline.fixture.ts'),
      'Quentin is a mechanic',
    ]);
    expect(stderr).not.toContain('network attempt');
    const child = JSON.parse(stdout) as {
      before: object;
      after: object;
      shared: boolean;
      vector: number[];
    };
    expect(child.after).toEqual(child.before);
    expect(child.shared).toBe(true);
    expect(child.vector).toEqual(Array.from(await vec('Quentin is a mechanic')));
  }, 60_000);

  it('stops before encoding when the signal has aborted', async () => {
    await expect(embedder.embed(['hello'], AbortSignal.abort())).rejects.toThrow();
  });
});

describe('clipping', () => {
  const seen: string[] = [];
  const model: SentenceModel = {
    embed: async (texts) => {
      seen.push(...texts);
      return texts.map(() => [1, ...new Array<number>(511).fill(0)]);
    },
  };
  const long = Array.from({ length: 20_000 }, (_, i) => `word${i}`).join(' ');

  it('gives the model at most MAX_CHARS of a text, cut between words', async () => {
    seen.length = 0;
    await new SentenceEmbedder({ model }).embed([long, 'short']);
    expect(seen[0]!.length).toBeLessThanOrEqual(MAX_CHARS);
    expect(seen[0]!.length).toBeGreaterThan(MAX_CHARS - 20);
    expect(long.startsWith(`${seen[0]!} `)).toBe(true);
    expect(seen[1]).toBe('short');
    expect(clipText('x'.repeat(1000))).toHaveLength(MAX_CHARS);
  });

  it('clips before and after the rewriting', async () => {
    seen.length = 0;
    const rewritten: number[] = [];
    const toEnglish = (text: string) => {
      rewritten.push(text.length);
      return `${text} ${text}`;
    };
    await new SentenceEmbedder({ model, toEnglish }).embed([long]);
    expect(rewritten[0]).toBeLessThanOrEqual(MAX_CHARS);
    expect(seen[0]!.length).toBeLessThanOrEqual(MAX_CHARS);
  });
});

describe('French for the English encoder', () => {
  const { translator } = openFrenchEnglish();

  it.runIf(translator)('rewrites French into English words and leaves English alone', async () => {
    const toEnglish = frenchToEnglish(translator!);
    expect(toEnglish('Mon père Bernard habite à Bordeaux')).toBe(
      'my father Bernard dwell at Bordeaux',
    );
    expect(toEnglish('where does Bernard live?')).toBe('where does Bernard live?');
    const rewriting = new SentenceEmbedder({
      model: { embed: (texts) => embedder.embed(texts).then((v) => v.map((x) => Array.from(x))) },
      toEnglish,
      rewriteId: 'freedict-fra-eng',
    });
    expect(rewriting.id).toBe('use-lite-en+freedict-fra-eng:512');
    const [fact, asked, other] = await rewriting.embed([
      'Notre chien aboie la nuit',
      'does the dog bark at night?',
      'the wifi password is on the fridge',
    ]);
    expect(cosine(fact!, asked!)).toBeGreaterThan(cosine(fact!, other!));
  });
});

describe('BlendedEmbedder', () => {
  it("gives the shares' weighted sum of the parts' cosines, unit length", async () => {
    const hashed = new HashedEmbedder({ lexicon: false });
    const blend = new BlendedEmbedder([
      { embedder: hashed, share: 1 },
      { embedder, share: 3 },
    ]);
    expect(blend.dimensions).toBe(1024);
    const texts = ['Felix is a black cat', 'what colour is my cat?'];
    const [a, b] = await blend.embed(texts);
    const [ha, hb] = await hashed.embed(texts);
    const [sa, sb] = await embedder.embed(texts);
    expect(cosine(a!, a!)).toBeCloseTo(1, 4);
    expect(cosine(a!, b!)).toBeCloseTo(0.25 * cosine(ha!, hb!) + 0.75 * cosine(sa!, sb!), 4);
    expect(() => new BlendedEmbedder([{ embedder, share: 0 }])).toThrow(RangeError);
  });
});
