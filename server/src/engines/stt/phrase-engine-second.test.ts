// The second opinion on real speech: pocketsphinx's grammar and Moonshine tiny (its real weights)
// hear the same flite speech; a near miss the grammar alone acts on is rejected, a command is
// still acted on, one the grammar hears below its rule is acted on when Moonshine agrees, and a
// recogniser that throws leaves the turn to the grammar alone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Logger } from 'wyoming-ts';
import { COMMAND_VOICE, speak } from '../../../../tests/helpers/speech.js';
import { MoonshineRecognizer } from './moonshine.js';
import { PhraseEngine, type PhraseEngineOptions } from './phrase-engine.js';
import { type SecondRecognizer, VALUE_RUNS_RULE } from './second-opinion.js';

const ROOMS = ['kitchen', 'bedroom', 'living room', 'office', 'garage', 'hallway'];

function sentences(): string[] {
  const out = ['open the garage door', 'close the garage door', 'open the kitchen door'];
  for (const room of ROOMS) {
    for (const action of ['turn on', 'turn off']) {
      out.push(`${action} the ${room} light`, `${action} the ${room} fan`);
    }
  }
  return [...out, 'what time is it'];
}

function recordingLogger(): Logger & { warnings: string[] } {
  const warnings: string[] = [];
  const noop = () => {};
  return { warnings, debug: noop, info: noop, error: noop, warn: (m) => warnings.push(m) };
}

describe('PhraseEngine with a second opinion (Moonshine)', () => {
  let moonshine: MoonshineRecognizer;
  const engines: PhraseEngine[] = [];
  const engine = async (options: PhraseEngineOptions) => {
    const created = new PhraseEngine(options);
    engines.push(created);
    await created.setSentences(sentences());
    return created;
  };

  beforeAll(async () => {
    moonshine = await MoonshineRecognizer.load();
  }, 60_000);
  afterAll(async () => {
    await Promise.all(engines.map((e) => e.close()));
    await moonshine.close();
  });

  it('rejects a near miss the grammar alone would act on', async () => {
    const alone = await engine({});
    const second = await engine({ secondOpinion: { recognizer: moonshine } });
    const nearMisses: [string, 'slt' | 'rms', string][] = [
      ['turn on the bathroom fan', 'slt', 'turn on the bedroom fan'],
      ['open the kitchen window', 'rms', 'open the kitchen door'],
    ];
    for (const [said, voice, heard] of nearMisses) {
      const { audio } = await speak(said, { engine: 'flite', name: voice });
      expect((await alone.transcribe({ audio })).text).toBe(heard);
      const judged = await second.transcribe({ audio });
      expect(judged).toMatchObject({ text: '', rejected: 'not-understood' });
      expect(judged.agreement).toBeLessThan(0.8);
    }
  }, 180_000);

  it('with the value runs, compares the value, not the carrier words: a temperature the home lacks is not set', async () => {
    const temperatures = ['sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty'];
    temperatures.push(...['one', 'two', 'three', 'four', 'five'].map((n) => `twenty ${n}`));
    // More ways to say "set the thermostat" than temperatures, as in a real home's grammar.
    const carriers = ['set the thermostat', 'make the heating', 'bring the heating'];
    for (const verb of ['turn', 'put']) {
      carriers.push(`${verb} the heating`, `${verb} heating up`, `${verb} heating down`);
      carriers.push(`${verb} heat up`, `${verb} heat down`);
    }
    const thermostat = [
      ...carriers.flatMap((carrier) => temperatures.map((t) => `${carrier} to ${t} degrees`)),
      ...sentences(),
    ];
    const build = async (options: PhraseEngineOptions) => {
      const created = await engine(options);
      await created.setSentences(thermostat);
      return created;
    };
    const alone = await build({});
    const second = await build({
      secondOpinion: { recognizer: moonshine, runs: 'values', rule: VALUE_RUNS_RULE },
    });
    const nearMisses: [string, 'slt' | 'rms', string][] = [
      ['set the thermostat to seventy degrees', 'slt', 'set the thermostat to seventeen degrees'],
      [
        'set the thermostat to eighty five degrees',
        'rms',
        'set the thermostat to eighteen degrees',
      ],
    ];
    for (const [said, voice, heard] of nearMisses) {
      const { audio } = await speak(said, { engine: 'flite', name: voice });
      expect((await alone.recognize({ audio })).text).toBe(heard);
      expect(await second.transcribe({ audio })).toMatchObject({ text: '' });
    }
    const { audio } = await speak('set the thermostat to twenty five degrees', COMMAND_VOICE);
    expect((await second.transcribe({ audio })).text).toBe(
      'set the thermostat to twenty five degrees',
    );
  }, 240_000);

  it('acts on a command both hear', async () => {
    const second = await engine({ secondOpinion: { recognizer: moonshine } });
    const { audio } = await speak('turn on the kitchen light', COMMAND_VOICE);
    const heard = await second.transcribe({ audio });
    expect(heard.text).toBe('turn on the kitchen light');
    expect(heard.agreement).toBeGreaterThan(0.8);
  }, 120_000);

  it('acts on a sentence heard below the rule when Moonshine says the same, never surely', async () => {
    const { audio } = await speak('turn off the garage light', COMMAND_VOICE);
    const probe = await engine({});
    const { confidence } = await probe.recognize({ audio });
    // A rule the grammar's confidence does not reach: alone, the engine rejects the sentence.
    const minConfidence = (1 + confidence) / 2;
    const alone = await engine({ minConfidence, askConfidence: minConfidence });
    expect(await alone.transcribe({ audio })).toMatchObject({ text: '' });
    const second = await engine({ minConfidence, secondOpinion: { recognizer: moonshine } });
    const heard = await second.transcribe({ audio });
    expect(heard).toMatchObject({ text: 'turn off the garage light', confidence: minConfidence });
  }, 120_000);

  it('judges by the grammar alone when the recogniser throws, and warns once', async () => {
    const failing: SecondRecognizer = {
      transcribe: () => Promise.reject(new Error('model gone')),
    };
    const logger = recordingLogger();
    const second = await engine({ secondOpinion: { recognizer: failing }, logger });
    const { audio } = await speak('turn on the kitchen light', COMMAND_VOICE);
    for (let turn = 0; turn < 2; turn++) {
      const heard = await second.transcribe({ audio });
      expect(heard.text).toBe('turn on the kitchen light');
      expect(heard.agreement).toBeUndefined();
    }
    expect(logger.warnings.filter((w) => w.includes('second opinion'))).toHaveLength(1);
  }, 120_000);
});
