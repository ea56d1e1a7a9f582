// `npm run bench -w server -- memory encoder`: the sentence encoder's cost on this machine: load
// time, milliseconds per sentence one at a time and in the embedder's batches, and the process's
// resident memory before loading, after loading and after encoding.
import { generateFillers } from './memory-corpus.js';
import { loadSentenceModel, SentenceEmbedder } from '../src/memory/sentence-embedder.js';

export interface EncoderCost {
  readonly loadMs: number;
  readonly msPerSentenceAlone: number;
  readonly msPerSentenceBatched: number;
  readonly rssMb: { readonly before: number; readonly loaded: number; readonly encoded: number };
}

const rss = () => Math.round(process.memoryUsage().rss / 1e6);

export async function measureEncoder(sentences = 1024): Promise<EncoderCost> {
  const before = rss();
  let started = performance.now();
  const embedder = new SentenceEmbedder({ model: await loadSentenceModel() });
  const loadMs = performance.now() - started;
  const loaded = rss();
  const texts = generateFillers(sentences).map((f) => f.text);
  await embedder.embed(texts.slice(0, 8)); // warm-up
  const alone = texts.slice(8, 108);
  started = performance.now();
  for (const text of alone) await embedder.embed([text]);
  const msPerSentenceAlone = (performance.now() - started) / alone.length;
  started = performance.now();
  await embedder.embed(texts);
  const msPerSentenceBatched = (performance.now() - started) / texts.length;
  return {
    loadMs,
    msPerSentenceAlone,
    msPerSentenceBatched,
    rssMb: { before, loaded, encoded: rss() },
  };
}

export function formatEncoderCost(c: EncoderCost): string {
  return [
    '\nSentence encoder (Universal Sentence Encoder lite, TensorFlow.js wasm backend)',
    '',
    '| load ms | ms/sentence, one at a time | ms/sentence, 1,024 in batches | RSS MB before / loaded / after encoding |',
    '|---:|---:|---:|---:|',
    `| ${c.loadMs.toFixed(0)} | ${c.msPerSentenceAlone.toFixed(1)} | ${c.msPerSentenceBatched.toFixed(1)} | ${c.rssMb.before} / ${c.rssMb.loaded} / ${c.rssMb.encoded} |`,
  ].join('\n');
}
