import { describe, expect, it } from 'vitest';
import { neighboursOf, rivalsAt, valueRuns, wordShares } from './value-runs.js';

const TEMPERATURES = ['sixteen', 'seventeen', 'eighteen', 'twenty', 'twenty one', 'twenty five'];
const ROOMS = ['kitchen', 'bedroom', 'hallway', 'living room'];

function grammar(): string[][] {
  const out: string[] = [];
  for (const t of TEMPERATURES) {
    out.push(`set the thermostat to ${t} degrees`, `put the heating to ${t} degrees`);
    out.push(`set the temperature to ${t} degrees`);
  }
  for (const room of ROOMS) {
    out.push(
      `turn on the ${room} light`,
      `turn off the ${room} light`,
      `turn on the ${room} lights`,
    );
  }
  for (const name of ['tea', 'pasta', 'pizza']) out.push(`set ${name} timer for two hours`);
  out.push(
    'set a timer for two hours',
    'set the timer for two hours',
    'set an timer for two hours',
  );
  return out.map((s) => s.split(' '));
}

const runsOf = (text: string) => {
  const sentences = grammar();
  const words = text.split(' ');
  return valueRuns(words, neighboursOf(words, sentences), wordShares(sentences)).map((run) =>
    words.slice(run.start, run.end).join(' '),
  );
};

describe('the name and value runs of a heard sentence', () => {
  it('is the number, all its words, and not the carrier words most neighbours replace', () => {
    expect(runsOf('set the thermostat to twenty five degrees')).toEqual(['twenty five']);
    expect(runsOf('set the thermostat to eighteen degrees')).toEqual(['eighteen']);
  });

  it('is the name, not "turn on the" nor "light" against "lights"', () => {
    expect(runsOf('turn on the bedroom light')).toEqual(['bedroom']);
    expect(runsOf('turn off the living room light')).toEqual(['living room']);
  });

  it("is where a timer's name goes, even when none was heard", () => {
    expect(runsOf('set a timer for two hours')).toEqual(['a']);
    expect(runsOf('set tea timer for two hours')).toEqual(['tea']);
  });

  it('is nothing in a sentence no neighbour differs from by a name or value', () => {
    const sentences = [
      ['what', 'time', 'is', 'it'],
      ['what', 'day', 'is', 'it'],
    ];
    const words = sentences[0]!;
    expect(valueRuns(words, neighboursOf(words, sentences), wordShares(sentences))).toEqual([]);
  });

  it('keeps the neighbours that replace a value as rivals, not those with other carriers', () => {
    const sentences = grammar();
    const words = 'set the thermostat to eighteen degrees'.split(' ');
    const near = neighboursOf(words, sentences);
    const rivals = rivalsAt(near, valueRuns(words, near, wordShares(sentences)));
    const replaced = rivals.map((r) => words.slice(r.run.start, r.run.end).join(' '));
    expect(replaced).toContain('eighteen');
    expect(replaced.every((run) => run.includes('eighteen'))).toBe(true);
    expect(near.length).toBeGreaterThan(rivals.length); // "put the heating": another carrier
  });
});
