import { spawnSync } from 'node:child_process';
import { concatBytes } from './bytes.js';
import { describe, expect, it } from 'vitest';
import { ProtocolError } from './errors.js';
import { readWav, writeWav } from './wav.js';

const ascii = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));

function u16(value: number): Uint8Array {
  return Uint8Array.of(value & 0xff, value >> 8);
}

function u32(value: number): Uint8Array {
  const bytes = new Uint8Array(4);
  new DataView(bytes.buffer).setUint32(0, value, true);
  return bytes;
}

const join = (...parts: Uint8Array[]) => concatBytes(parts);

/** A RIFF chunk, padded to even length unless `size` overrides the size field. */
function riffChunk(id: string, body: Uint8Array, size = body.length): Uint8Array {
  const pad = body.length % 2 === 1 ? Uint8Array.of(0) : new Uint8Array(0);
  return join(ascii(id), u32(size), body, pad);
}

function fmtBody(
  tag: number,
  channels: number,
  rate: number,
  bits: number,
  blockAlign = (channels * bits) / 8,
) {
  return join(
    u16(tag),
    u16(channels),
    u32(rate),
    u32(rate * blockAlign),
    u16(blockAlign),
    u16(bits),
  );
}

function extensibleFmt(
  channels: number,
  rate: number,
  bits: number,
  subformat: number,
): Uint8Array {
  const guidTail = Uint8Array.of(0, 0, 0, 0, 0x10, 0, 0x80, 0, 0, 0xaa, 0, 0x38, 0x9b, 0x71);
  return join(
    fmtBody(0xfffe, channels, rate, bits),
    u16(22),
    u16(bits),
    u32(3),
    u16(subformat),
    guidTail,
  );
}

function wavFile(...chunks: Uint8Array[]): Uint8Array {
  const body = join(ascii('WAVE'), ...chunks);
  return join(ascii('RIFF'), u32(body.length), body);
}

function pattern(length: number): Uint8Array {
  return Uint8Array.from({ length }, (_, i) => (i * 37 + 11) & 0xff);
}

function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function available(command: string): boolean {
  return spawnSync(command, ['--version'], { stdio: 'ignore' }).status === 0;
}

describe('writeWav / readWav', () => {
  for (const width of [1, 2, 3, 4]) {
    for (const channels of [1, 2]) {
      it(`round-trips ${8 * width}-bit audio with ${channels} channel(s)`, () => {
        const audio = pattern(width * channels * 101);
        const file = writeWav({ rate: 22050, width, channels, audio });
        expect(file.length % 2).toBe(0);
        expect(readWav(file)).toEqual({ rate: 22050, width, channels, audio });
      });
    }
  }

  it('writes a canonical 44-byte header', () => {
    const file = writeWav({ rate: 16000, width: 2, channels: 1, audio: new Uint8Array(6) });
    expect(file.subarray(0, 44)).toEqual(
      wavFile(
        riffChunk('fmt ', fmtBody(1, 1, 16000, 16)),
        riffChunk('data', new Uint8Array(6)),
      ).subarray(0, 44),
    );
    expect(file.length).toBe(50);
  });

  it('stores 8-bit audio unsigned and reads it back signed', () => {
    const signed = new Uint8Array(Int8Array.of(-128, -1, 0, 1, 127).buffer);
    const file = writeWav({ rate: 8000, width: 1, channels: 1, audio: signed });
    expect(Array.from(file.subarray(44, 49))).toEqual([0x00, 0x7f, 0x80, 0x81, 0xff]);
    expect(file.length).toBe(50);
    expect(new DataView(file.buffer).getUint32(40, true)).toBe(5);
    expect(readWav(file).audio).toEqual(signed);
  });

  it('rejects audio it cannot write', () => {
    expect(() =>
      writeWav({ rate: 16000, width: 2, channels: 2, audio: new Uint8Array(6) }),
    ).toThrow(/4-byte frames/);
    expect(() =>
      writeWav({ rate: 16000, width: 5, channels: 1, audio: new Uint8Array(5) }),
    ).toThrow(ProtocolError);
    expect(() => writeWav({ rate: 0, width: 2, channels: 1, audio: new Uint8Array(2) })).toThrow(
      ProtocolError,
    );
  });
});

describe('readWav chunk walking', () => {
  it('skips LIST and other chunks, honouring odd-size padding', () => {
    const audio = pattern(10);
    const file = wavFile(
      riffChunk('LIST', ascii('INFOISFT')),
      riffChunk('junk', pattern(3)),
      riffChunk('fmt ', fmtBody(1, 1, 16000, 16)),
      riffChunk('LIST', pattern(5)),
      riffChunk('data', audio),
      riffChunk('id3 ', pattern(7)),
    );
    expect(readWav(file)).toEqual({ rate: 16000, width: 2, channels: 1, audio });
  });

  it('reads an odd-sized 8-bit data chunk followed by its pad byte and another chunk', () => {
    const file = wavFile(
      riffChunk('fmt ', fmtBody(1, 1, 8000, 8)),
      riffChunk('data', ascii('\x80\x81\x7f')),
      riffChunk('LIST', pattern(4)),
    );
    expect(Array.from(new Int8Array(readWav(file).audio.buffer))).toEqual([0, 1, -1]);
  });

  it.each([0xffffffff, 0])('takes the rest of the file for a streamed data size of %i', (size) => {
    const audio = pattern(4 * 50 + 3);
    const file = join(
      ascii('RIFF'),
      u32(0xffffffff),
      ascii('WAVE'),
      riffChunk('fmt ', fmtBody(1, 2, 48000, 16)),
      ascii('data'),
      u32(size),
      audio,
    );
    expect(readWav(file)).toEqual({
      rate: 48000,
      width: 2,
      channels: 2,
      audio: audio.subarray(0, 200),
    });
  });

  it('takes the rest of the file when the data size runs past its end', () => {
    const audio = pattern(99);
    const file = join(
      wavFile(riffChunk('fmt ', fmtBody(1, 1, 16000, 24))),
      ascii('data'),
      u32(1_000_000),
      audio,
    );
    expect(readWav(file).audio).toEqual(audio.subarray(0, 99));
  });

  it('accepts WAVE_FORMAT_EXTENSIBLE with the PCM sub-format', () => {
    const audio = pattern(24);
    const file = wavFile(
      riffChunk('fmt ', extensibleFmt(2, 44100, 24, 1)),
      riffChunk('data', audio),
    );
    expect(readWav(file)).toEqual({ rate: 44100, width: 3, channels: 2, audio });
  });

  it('returns a copy of the audio', () => {
    const file = writeWav({ rate: 16000, width: 2, channels: 1, audio: pattern(4) });
    const { audio } = readWav(file);
    audio[0] = 0;
    expect(file[44]).toBe(pattern(1)[0]);
  });
});

describe('readWav rejects malformed files', () => {
  const fmt = riffChunk('fmt ', fmtBody(1, 1, 16000, 16));
  const data = riffChunk('data', pattern(4));
  const cases: [string, Uint8Array, RegExp][] = [
    ['an empty file', new Uint8Array(0), /too short/],
    ['a non-RIFF file', join(ascii('OggS'), pattern(40)), /not a RIFF file \(starts with "OggS"\)/],
    ['RF64', join(ascii('RF64'), u32(0xffffffff), ascii('WAVE')), /RF64/],
    ['a RIFF file that is not WAVE', join(ascii('RIFF'), u32(4), ascii('AVI ')), /not WAVE/],
    ['a file without fmt', wavFile(data), /no fmt chunk/],
    ['a file without data', wavFile(fmt, riffChunk('LIST', pattern(4))), /no data chunk/],
    ['a short fmt chunk', wavFile(riffChunk('fmt ', pattern(14)), data), /fmt chunk is 14 bytes/],
    [
      'a truncated fmt chunk',
      join(wavFile(), ascii('fmt '), u32(16), pattern(6)),
      /runs past the end/,
    ],
    [
      'float samples',
      wavFile(riffChunk('fmt ', fmtBody(3, 1, 16000, 32)), data),
      /format tag 3 \(IEEE float\)/,
    ],
    ['mu-law', wavFile(riffChunk('fmt ', fmtBody(7, 1, 8000, 8)), data), /format tag 7 \(mu-law\)/],
    [
      'extensible float',
      wavFile(riffChunk('fmt ', extensibleFmt(1, 16000, 32, 3)), data),
      /sub-format 3 \(IEEE float\)/,
    ],
    [
      'a short extensible fmt',
      wavFile(riffChunk('fmt ', fmtBody(0xfffe, 1, 16000, 16)), data),
      /EXTENSIBLE fmt chunk is 16 bytes/,
    ],
    [
      '12-bit samples',
      wavFile(riffChunk('fmt ', fmtBody(1, 1, 16000, 12, 2)), data),
      /12 bits per sample/,
    ],
    ['zero channels', wavFile(riffChunk('fmt ', fmtBody(1, 0, 16000, 16, 2)), data), /0 channels/],
    [
      'a zero sample rate',
      wavFile(riffChunk('fmt ', fmtBody(1, 1, 0, 16)), data),
      /sample rate of 0/,
    ],
    [
      'a wrong block align',
      wavFile(riffChunk('fmt ', fmtBody(1, 1, 16000, 24, 4)), data),
      /block align 4/,
    ],
  ];
  it.each(cases)('rejects %s', (_name, file, message) => {
    expect(() => readWav(file)).toThrow(ProtocolError);
    expect(() => readWav(file)).toThrow(message);
  });
});

describe('interoperability', () => {
  const python = available('python3');

  it.skipIf(!python)("reads what Python's wave module writes, and Python reads ours", () => {
    for (const width of [1, 2, 3, 4]) {
      const frames = pattern(width * 2 * 33);
      const script = `import io,sys,wave
b=io.BytesIO(); w=wave.open(b,'wb'); w.setnchannels(2); w.setsampwidth(${width}); w.setframerate(11025)
w.writeframes(sys.stdin.buffer.read()); w.close(); sys.stdout.buffer.write(b.getvalue())`;
      const written = spawnSync('python3', ['-c', script], { input: frames });
      const expected = width === 1 ? frames.map((b) => b ^ 0x80) : frames;
      expect(readWav(new Uint8Array(written.stdout))).toEqual({
        rate: 11025,
        width,
        channels: 2,
        audio: expected,
      });

      const ours = writeWav({ rate: 11025, width, channels: 2, audio: expected });
      const reader = `import io,sys,wave
w=wave.open(io.BytesIO(sys.stdin.buffer.read()))
print(w.getframerate(), w.getsampwidth(), w.getnchannels(), w.readframes(w.getnframes()).hex())`;
      const read = spawnSync('python3', ['-c', reader], { input: ours, encoding: 'utf8' });
      expect(read.stdout.trim()).toBe(`11025 ${width} 2 ${toHex(frames)}`);
    }
  });

  it.skipIf(!available('sox'))('reads a WAV that sox streams to a pipe', () => {
    const sox = spawnSync('sox', [
      '-n',
      '-r',
      '16000',
      '-b',
      '16',
      '-c',
      '1',
      '-t',
      'wav',
      '-',
      'synth',
      '0.1',
      'sine',
      '440',
    ]);
    expect(sox.status).toBe(0);
    const wav = readWav(new Uint8Array(sox.stdout));
    expect(wav).toMatchObject({ rate: 16000, width: 2, channels: 1 });
    expect(wav.audio.length).toBe(1600 * 2);
  });
});
