// The satellite's benchmarks: `npm run bench -w satellite`.
import { runWakeBenchmark } from './wake.js';

await runWakeBenchmark();
