import { describe, expect, it, vi } from 'vitest';
import { childProcesses } from '../../../../tests/helpers/proc.js';
import { EngineError } from '../../errors.js';
import { collect, seconds, textToSpeechContract } from './contract.js';
import { EspeakTts, parseEspeakVoices } from './espeak-tts.js';

/** How many `name` processes this process started are running. */
const runningChildren = (name: string) =>
  childProcesses(process.pid).filter((child) => child.name === name).length;

for (const warm of [false, true]) {
  textToSpeechContract(`EspeakTts (espeak-ng${warm ? ', warm' : ''})`, {
    create: async () => {
      const tts = new EspeakTts({ warm });
      await tts.loadVoices();
      return tts;
    },
  });
}

describe('EspeakTts', () => {
  it('streams: the first audio arrives while espeak-ng still speaks a long text', async () => {
    const tts = new EspeakTts();
    const text = Array.from({ length: 40 }, (_, i) => `This is sentence number ${i + 1}.`).join(
      ' ',
    );
    const audio = await tts.synthesize({ text });
    const chunks = audio.chunks[Symbol.asyncIterator]();
    const first = await chunks.next();
    expect(first.done).toBe(false);
    // Nothing more is read yet. Forty seconds of audio are far more than a pipe holds: a
    // streaming reader keeps espeak-ng waiting to write; one that collected it all first would
    // have let it finish before handing out the first chunk.
    expect(runningChildren('espeak-ng')).toBeGreaterThan(0);
    let bytes = (first.value as Uint8Array).byteLength;
    for (let next = await chunks.next(); !next.done; next = await chunks.next()) {
      bytes += next.value.byteLength;
    }
    expect(audio.format).toEqual({ rate: 22050, width: 2, channels: 1 });
    expect(bytes / (audio.format.rate * 2)).toBeGreaterThan(40);
    expect(runningChildren('espeak-ng')).toBe(0);
  });

  it('warm: a process waits for the next text, whatever language comes; none after close', async () => {
    const before = runningChildren('espeak-ng');
    const tts = new EspeakTts({ warm: true });
    // Started with the engine, for the default voice.
    await vi.waitFor(() => expect(runningChildren('espeak-ng')).toBe(before + 1));
    const requests = [
      { text: 'Turned on the kitchen light.' },
      { text: 'La lumière de la cuisine est allumée.', language: 'fr' },
      { text: 'It is ten past four.' },
    ];
    for (const request of requests) {
      const audio = await tts.synthesize(request);
      let bytes = 0;
      for await (const chunk of audio.chunks) bytes += chunk.byteLength;
      expect(bytes / (audio.format.rate * 2)).toBeGreaterThan(0.8);
      // The answer's process is gone; one waits for the next.
      await vi.waitFor(() => expect(runningChildren('espeak-ng')).toBe(before + 1));
    }
    await tts.close();
    await vi.waitFor(() => expect(runningChildren('espeak-ng')).toBe(before));
  });

  it('picks the voice per language, or the one asked for', () => {
    const tts = new EspeakTts({ voices: { fr: 'fr-be' }, language: 'fr' });
    expect(tts.voiceFor({})).toBe('fr-be');
    expect(tts.voiceFor({ language: 'en-GB' })).toBe('en-us');
    expect(tts.voiceFor({ language: 'de' })).toBe('de');
    expect(tts.voiceFor({ language: 'en', voice: 'en-gb-scotland' })).toBe('en-gb-scotland');
  });

  it('speaks faster at a higher rate', async () => {
    const text = 'The front door is locked and the alarm is armed.';
    const slow = new EspeakTts({ rate: 120 });
    const fast = new EspeakTts({ rate: 260 });
    const slowAudio = await slow.synthesize({ text });
    const fastAudio = await fast.synthesize({ text });
    const slowSeconds = seconds(slowAudio, await collect(slowAudio));
    const fastSeconds = seconds(fastAudio, await collect(fastAudio));
    expect(fastSeconds).toBeLessThan(slowSeconds * 0.7);
  });

  it('lists its voices once, French and English among them', async () => {
    const tts = new EspeakTts();
    const voices = await tts.loadVoices();
    expect(tts.voices()).toBe(voices);
    expect(voices.find((voice) => voice.name === 'fr-fr')).toMatchObject({
      languages: ['fr-fr', 'fr'],
      description: 'French (France)',
    });
    expect(voices.find((voice) => voice.name === 'en-us')?.languages).toContain('en');
  });

  it('parses espeak-ng --voices', () => {
    const output = [
      'Pty Language       Age/Gender VoiceName          File                 Other Languages',
      ' 5  af              --/M      Afrikaans          gmw/af               ',
      ' 5  es-419          --/M      Spanish_(Latin_America) roa/es-419           (es-mx 6)(es 6)',
      '',
    ].join('\n');
    expect(parseEspeakVoices(output)).toEqual([
      { name: 'af', languages: ['af'], description: 'Afrikaans' },
      {
        name: 'es-419',
        languages: ['es-419', 'es-mx', 'es'],
        description: 'Spanish (Latin America)',
      },
    ]);
  });

  it('fails with an EngineError naming a voice espeak-ng does not have', async () => {
    const tts = new EspeakTts();
    await expect(tts.synthesize({ text: 'Hello.', voice: 'xx-nope' })).rejects.toThrow(
      /espeak-ng: exited with code 1: .*voice does not exist/,
    );
  });

  it('fails with an EngineError when espeak-ng is not installed', async () => {
    const tts = new EspeakTts({ binary: '/nonexistent/espeak-ng' });
    const error = await tts.synthesize({ text: 'Hello.' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EngineError);
    expect((error as Error).message).toMatch(
      /not found; install it with: apt-get install espeak-ng/,
    );
    await expect(tts.loadVoices()).rejects.toThrow(/not found/);
  });
});
