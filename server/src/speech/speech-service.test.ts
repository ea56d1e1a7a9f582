import { describe, expect, it } from 'vitest';
import { ManualClock } from './clock.js';
import type { SpeechItem } from './schedule.js';
import { SpeechService } from './speech-service.js';
import { MIN, item } from './test-items.js';

const START = Date.UTC(2026, 11, 6, 14, 0);

function setup(failures: number) {
  const clock = new ManualClock(START);
  const tries: { id: string; at: number }[] = [];
  const said: string[] = [];
  let left = failures;
  const speech = new SpeechService({
    clock,
    satellites: () => ['kitchen'],
    say: async (spoken: SpeechItem) => {
      tries.push({ id: spoken.id, at: clock.now() });
      if (left-- > 0) throw new Error('the satellite went away');
    },
    onSaid: (spoken) => void said.push(spoken.id),
    lastHeardWindowMs: 10 * MIN,
    retryMs: MIN,
  });
  const advance = async (ms: number) => {
    for (let left = ms; left > 0; left -= MIN) {
      clock.advance(MIN);
      await speech.idle();
    }
  };
  return { speech, tries, said, advance };
}

describe('SpeechService when speaking fails', () => {
  it.each([
    ['once: said a minute later', 1, [0, 1], ['pills']],
    ['twice: said on the third try', 2, [0, 1, 2], ['pills']],
    ['three times: given up, and moved on', 3, [0, 1, 2], ['pills']],
  ] as const)('%s', async (_name, failures, minutes, said) => {
    const run = setup(failures);
    run.speech.add(item('pills', START));
    await run.speech.idle();
    await run.advance(10 * MIN);
    expect(run.tries).toEqual(minutes.map((m) => ({ id: 'pills', at: START + m * MIN })));
    expect(run.said).toEqual(said);
    expect(run.speech.state).toEqual({ pending: [], held: [] });
  });
});
