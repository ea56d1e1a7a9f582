import { describe, expect, it } from 'vitest';
import { SpokenGate, speakable } from './spoken-gate.js';
import { asksQuestion } from './ollama-agent.js';
import { TextChannel, Voice } from './text-channel.js';

function through(gate: SpokenGate, deltas: string[]): string[] {
  return deltas.map((delta) => gate.push(delta));
}

describe('SpokenGate', () => {
  it('holds text until the first sentence is complete, then lets each delta through', () => {
    const gate = new SpokenGate();
    const out = through(gate, ['Paris is ', 'the capital. ', 'It has ', 'two million ', 'people.']);
    expect(out).toEqual(['', '', 'Paris is the capital. It has ', 'two million ', 'people.']);
    expect(gate.end()).toBe('');
  });

  it('speaks a one-sentence answer when the round ends', () => {
    const gate = new SpokenGate();
    expect(through(gate, ['It is ', 'sunny.'])).toEqual(['', '']);
    expect(gate.end()).toBe('It is sunny.');
  });

  it('keeps text written before tool calls silent', () => {
    const gate = new SpokenGate();
    expect(through(gate, ['Let me ', 'check that'])).toEqual(['', '']);
    expect(gate.drop()).toBe('Let me check that');
    expect(gate.opened).toBe(false);
  });

  it('drops markdown marks and emoji, and reads underscores as spaces', () => {
    expect(speakable('**Done!** 👍 light_kitchen `on`')).toBe('Done!  light kitchen on');
  });
});

describe('TextChannel and Voice', () => {
  it('keeps what is pushed before the reader comes, and ends', async () => {
    const channel = new TextChannel();
    const voice = new Voice(channel);
    voice.say('Half a ');
    voice.sayApart('Sorry.');
    channel.end();
    channel.push('late');
    const got: string[] = [];
    for await (const text of channel) got.push(text);
    expect(got).toEqual(['Half a ', '\nSorry.']);
    expect(voice.text).toBe('Half a \nSorry.');
  });

  it('wakes a waiting reader', async () => {
    const channel = new TextChannel();
    const reading = (async () => {
      const got: string[] = [];
      for await (const text of channel) got.push(text);
      return got;
    })();
    await Promise.resolve();
    channel.push('one');
    await new Promise((resolve) => setImmediate(resolve));
    channel.push('two');
    channel.end();
    expect(await reading).toEqual(['one', 'two']);
  });
});

describe('asksQuestion', () => {
  it.each([
    ['Which light?', true],
    ['Voulez-vous que je continue ?', true],
    ['He asked « tu viens ? »', true],
    ['Done.', false],
    ['Is it? No, it is not.', false],
  ])('%s → %s', (speech, expected) => {
    expect(asksQuestion(speech)).toBe(expected);
  });
});
