// For sentence-embedder.test.ts, run with no-network.fixture.ts preloaded: loads the encoder
// (twice: the second load must be the first's model), encodes argv[2] and prints the vector and
// the process-wide error listeners before and after, as JSON.
import { loadSentenceModel, SentenceEmbedder } from './sentence-embedder.js';

const listeners = () => ({
  uncaughtException: process.listenerCount('uncaughtException'),
  unhandledRejection: process.listenerCount('unhandledRejection'),
});
const before = listeners();
const model = await loadSentenceModel();
const shared = (await loadSentenceModel()) === model;
const [vector] = await new SentenceEmbedder({ model }).embed([process.argv[2]!]);
process.stdout.write(
  `${JSON.stringify({ before, after: listeners(), shared, vector: Array.from(vector!) })}\n`,
);
