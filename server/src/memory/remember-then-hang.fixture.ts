// For lance-memory.test.ts: opens the store in argv[2], remembers argv[3], prints "ok" and then
// waits to be killed, so the test can check that what `remember` resolved survives a SIGKILL.
import { HashedEmbedder } from './hashed-embedder.js';
import { openLanceMemory } from './lance-memory.js';

const [dir, text] = process.argv.slice(2);
const store = await openLanceMemory({ dir: dir!, embedder: new HashedEmbedder() });
const { memory } = await store.remember({ text: text! });
process.stdout.write(`ok ${memory.id}\n`);
setInterval(() => undefined, 60_000);
