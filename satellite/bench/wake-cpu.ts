// The wake word benchmark's CPU cost: CPU seconds per audio second streaming a negative
// stream in 1,024-sample microphone chunks, with and without the speech gate, RNNoise and the
// speed variants.
import { resolveWakeWordModels } from '../src/engines/wake/builtin-models.js';
import { RnnoiseDenoiser } from '../src/engines/denoise/rnnoise.js';
import { SileroVad } from '../src/engines/vad/silero-vad.js';
import { VadStream } from '../src/engines/vad/vad-stream.js';
import { OpenWakeWord } from '../src/engines/wake/openwakeword.js';
import type { Corpus } from './wake-corpus.js';

const MIC_CHUNK = 1024;
const CPU_SECONDS = 20;

/** CPU seconds per audio second streaming 1,024-sample chunks: median of 3 runs. */
async function cpuCost(samples: Int16Array, withVad: boolean, withRnnoise: boolean, slowed = 0) {
  const detector = await OpenWakeWord.load({
    models: resolveWakeWordModels({ names: ['hey_jarvis'] }),
    speedVariants: slowed > 0 ? { preThreshold: slowed } : undefined,
  });
  const vad = withVad ? new VadStream({ detector: await SileroVad.load() }) : undefined;
  const denoiser = withRnnoise ? await RnnoiseDenoiser.load() : undefined;
  try {
    const audio = samples.subarray(0, 16000 * CPU_SECONDS);
    const runs: number[] = [];
    for (let run = 0; run < 3; run++) {
      detector.reset();
      vad?.reset();
      denoiser?.reset();
      const cpu = process.cpuUsage();
      for (let i = 0; i + MIC_CHUNK <= audio.length; i += MIC_CHUNK) {
        const chunk = audio.subarray(i, i + MIC_CHUNK);
        await detector.process(denoiser ? denoiser.process(chunk) : chunk);
        if (vad) await vad.process(chunk);
      }
      const used = process.cpuUsage(cpu);
      runs.push((used.user + used.system) / 1e6 / (audio.length / 16000));
    }
    const what = [
      'hey_jarvis',
      withVad ? 'Silero VAD (gate)' : '',
      withRnnoise ? 'RNNoise' : '',
      slowed > 0 ? `speed variants (pre-threshold ${slowed})` : '',
    ];
    return {
      what: what.filter(Boolean).join(' + '),
      cpuSecondsPerAudioSecond: [...runs].sort((a, b) => a - b)[1]!,
    };
  } finally {
    denoiser?.close();
    await detector.close();
    await vad?.close();
  }
}

/**
 * CPU per audio second with and without the gate and RNNoise, and RNNoise with speed variants
 * at each pre-threshold in `slowed`, printed.
 */
export async function cpuTable(corpus: Corpus, slowed: readonly number[] = []) {
  const speech = corpus.audio(corpus.negatives.find((n) => n.condition === '10 dB')!);
  const cpu = [];
  for (const [vadOn, rnnoise] of [
    [false, false],
    [true, false],
    [false, true],
    [true, true],
  ] as const) {
    cpu.push(await cpuCost(speech, vadOn, rnnoise));
  }
  for (const pre of slowed) cpu.push(await cpuCost(speech, false, true, pre));
  console.log('\n| streaming, 1,024-sample mic chunks | CPU s per audio s |');
  console.log('|---|---:|');
  for (const c of cpu) console.log(`| ${c.what} | ${c.cpuSecondsPerAudioSecond.toFixed(4)} |`);
  return cpu;
}
