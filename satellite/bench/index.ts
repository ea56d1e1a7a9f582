// The satellite's benchmarks: `npm run bench -w satellite` (all), or `-- wake`, `-- install`.
import { runInstallBenchmark } from './install.js';
import { runWakeBenchmark } from './wake.js';

const which = process.argv[2];
if (which === undefined || which === 'wake') await runWakeBenchmark();
if (which === undefined || which === 'install') await runInstallBenchmark();
