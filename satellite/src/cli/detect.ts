import { parseArgs } from 'node:util';
import { resolveWakeWordModels } from '../engines/wake/builtin-models.js';
import { detectFile } from '../engines/wake/detect-file.js';
import { OpenWakeWord } from '../engines/wake/openwakeword.js';
import { ConfigError } from '../errors.js';

/**
 * `jarvis-satellite detect [--wake-word NAME]... [--threshold X] [--wake-model-dir DIR]
 * [--speed-variants P] FILE.wav...` prints one JSON line per file. Returns the exit code.
 */
export async function runDetect(
  argv: readonly string[],
  write: (line: string) => void,
): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        'wake-word': { type: 'string', multiple: true },
        threshold: { type: 'string' },
        'trigger-level': { type: 'string' },
        'wake-model-dir': { type: 'string' },
        'speed-variants': { type: 'string' },
      },
    });
  } catch (error) {
    throw new ConfigError((error as Error).message.replace(/\. To specify.*$/s, ''));
  }
  const { values, positionals } = parsed;
  if (positionals.length === 0) throw new ConfigError('give one or more WAV files', 'detect');
  const threshold = values.threshold === undefined ? undefined : Number(values.threshold);
  if (threshold !== undefined && !(threshold > 0 && threshold <= 1)) {
    throw new ConfigError(
      `expected a number above 0, up to 1, got '${values.threshold}'`,
      '--threshold',
    );
  }
  const triggerLevel =
    values['trigger-level'] === undefined ? undefined : Number(values['trigger-level']);
  if (triggerLevel !== undefined && !(Number.isInteger(triggerLevel) && triggerLevel >= 1)) {
    throw new ConfigError(
      `expected a whole number >= 1, got '${values['trigger-level']}'`,
      '--trigger-level',
    );
  }
  const slowed = values['speed-variants'];
  const preThreshold = slowed === undefined ? undefined : Number(slowed);
  if (preThreshold !== undefined && !(preThreshold > 0 && preThreshold <= 1)) {
    throw new ConfigError(
      `expected a number above 0, up to 1, got '${slowed}'`,
      '--speed-variants',
    );
  }
  const models = resolveWakeWordModels({
    names: values['wake-word'] ?? [],
    modelDir: values['wake-model-dir'],
    threshold,
    triggerLevel,
  });
  const speedVariants = preThreshold === undefined ? undefined : { preThreshold };
  const detector = await OpenWakeWord.load({ models, speedVariants });
  let failures = 0;
  try {
    for (const file of positionals) {
      try {
        write(JSON.stringify(await detectFile(file, detector)));
      } catch (error) {
        failures++;
        write(JSON.stringify({ file, error: (error as Error).message }));
      }
    }
  } finally {
    await detector.close();
  }
  return failures > 0 ? 1 : 0;
}
