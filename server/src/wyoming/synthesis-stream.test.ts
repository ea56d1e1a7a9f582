import { describe, expect, it } from 'vitest';
import { asEvent, type Event } from 'wyoming-ts';
import { EspeakTts } from '../engines/tts/espeak-tts.js';
import { SynthesisStream } from './synthesis-stream.js';

describe('streamed synthesis (synthesize-start/chunk/stop)', () => {
  it('speaks the first sentence before the text is finished, in order, then synthesize-stopped', async () => {
    const events: Array<{ event: Event; at: number }> = [];
    const stream = new SynthesisStream(new EspeakTts(), async (event) => {
      events.push({ event: asEvent(event), at: performance.now() });
    });
    stream.push('The kitchen light ');
    stream.push('is on. It is twenty ');
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const beforeStop = events.length;
    stream.push('one degrees.');
    const stopped = performance.now();
    await stream.finish();
    expect(beforeStop).toBeGreaterThan(2); // the first sentence was already being spoken
    expect(events.filter((e) => e.at < stopped).map((e) => e.event.type)).toContain('audio-stop');
    const types = events.map((e) => e.event.type).filter((type) => type !== 'audio-chunk');
    expect(types).toEqual([
      'audio-start',
      'audio-stop',
      'audio-start',
      'audio-stop',
      'synthesize-stopped',
    ]);
  });

  it('reports a failed engine after synthesize-stopped', async () => {
    const events: string[] = [];
    const stream = new SynthesisStream(
      new EspeakTts({ binary: '/nonexistent/espeak-ng' }),
      async (event) => {
        events.push(asEvent(event).type);
      },
    );
    stream.push('Hello there.');
    await expect(stream.finish()).rejects.toThrow();
    expect(events).toEqual(['synthesize-stopped']);
  });
});
