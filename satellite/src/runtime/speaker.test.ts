// The satellite's own sounds (chimes, a ringing timer) through a real file sink, at the volume
// the server told (`satellite-sounds`); its streamed answers are the server's, already scaled.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AudioChunk, AudioStart, AudioStop, readWav } from 'wyoming-ts';
import { FileSink } from '../audio/sink.js';
import { Speaker } from './speaker.js';
import { tempDir } from '../../../tests/helpers/temp-dir.js';

const FORMAT = { rate: 16000, width: 2, channels: 1 };

const clip = (sample: number) => {
  const audio = new Uint8Array(4);
  const view = new DataView(audio.buffer);
  view.setInt16(0, sample, true);
  view.setInt16(2, -sample, true);
  return new AudioChunk({ ...FORMAT, audio });
};

function speakerOnFile() {
  const path = join(tempDir('jarvis-speaker-'), 'out.wav');
  const speaker = new Speaker(new FileSink(path, { format: FORMAT }));
  const samples = () => {
    const { audio } = readWav(new Uint8Array(readFileSync(path)));
    return [
      ...new Int16Array(audio.buffer.slice(audio.byteOffset, audio.byteOffset + audio.byteLength)),
    ];
  };
  return { speaker, samples };
}

describe('the speaker', () => {
  it('plays clips at the volume told, and answers as they come', async () => {
    const { speaker, samples } = speakerOnFile();
    expect(await speaker.playClip(clip(1000))).toBe(true);
    speaker.clipVolume = 40;
    expect(await speaker.playClip(clip(1000))).toBe(true);
    void speaker.streamEvent(new AudioStart(FORMAT).toEvent());
    void speaker.streamEvent(clip(1000).toEvent());
    expect(await speaker.streamEvent(new AudioStop().toEvent())).toBe(true);
    expect(samples()).toEqual([1000, -1000, 400, -400, 1000, -1000]);
  });
});
