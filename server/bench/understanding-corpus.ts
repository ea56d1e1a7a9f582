// The understanding benchmark's utterances, generated at run time: commands the home's grammar
// contains, and speech and sounds it does not. Everything comes in splits that share no voice
// and no sentence: `calibration` (the only one any threshold was chosen on), `heldout`
// (reported, never tuned on), `heldout3` to `heldout5` (fresh held-out splits, in their files).
import { type Pcm16k, speak, trimmed, type Voice } from '../../tests/helpers/speech.js';
import {
  HELDOUT3_NEAR_MISSES,
  HELDOUT3_NOTES,
  HELDOUT3_OTHER_LANGUAGES,
  HELDOUT3_OUT_OF_GRAMMAR,
  HELDOUT3_SEEDS,
  HELDOUT3_VOICES,
} from './understanding-heldout3.js';
import {
  HELDOUT4_NEAR_MISSES,
  HELDOUT4_NOTES,
  HELDOUT4_OTHER_LANGUAGES,
  HELDOUT4_OUT_OF_GRAMMAR,
  HELDOUT4_SEEDS,
  HELDOUT4_VOICES,
} from './understanding-heldout4.js';
import {
  HELDOUT5_NEAR_MISSES,
  HELDOUT5_NOTES,
  HELDOUT5_OTHER_LANGUAGES,
  HELDOUT5_OUT_OF_GRAMMAR,
  HELDOUT5_SEEDS,
  HELDOUT5_VOICES,
} from './understanding-heldout5.js';
import {
  drawCommands,
  drawHeldout3,
  drawHeldout4,
  drawHeldout5,
  MAX_CALIBRATION_SCALE,
} from './understanding-draw.js';
import { RATE, roomNoise, sounds } from './understanding-sounds.js';

export { drawCommands, drawHeldout3, drawHeldout4, drawHeldout5, MAX_CALIBRATION_SCALE };

export { roomNoise } from './understanding-sounds.js';

export type Split = 'calibration' | 'heldout' | 'heldout3' | 'heldout4' | 'heldout5';

export const SPLITS: readonly Split[] = [
  'calibration',
  'heldout',
  'heldout3',
  'heldout4',
  'heldout5',
];

export type UtteranceClass =
  | 'command'
  | 'question'
  | 'chit-chat'
  | 'request'
  | 'near-miss'
  | 'near-miss (new)'
  | 'other-language'
  | 'non-speech';

/**
 * Classes kept out of the "out-of-grammar (all)" row, so that row stays the utterances it was
 * measured on before they were added.
 */
export const SEPARATE_CLASSES: readonly UtteranceClass[] = ['near-miss (new)'];

export interface CorpusItem {
  readonly split: Split;
  readonly kind: UtteranceClass;
  /** What was said ('' for sounds). */
  readonly text: string;
  /** `engine:voice` or the sound's name. */
  readonly source: string;
  /** Silence or noise before the speech, as people leave it after the chime. */
  readonly lead: 'short silence' | 'long silence' | 'long noise';
  readonly audio: Uint8Array;
  /** Where the speech ends in `audio`, in ms (for sounds: their end). */
  readonly speechEndMs: number;
}

export const VOICES: Readonly<Record<Split, readonly Voice[]>> = {
  calibration: [
    { engine: 'espeak-ng', name: 'en-us' },
    // espeak-ng 1.51 ignores a variant after `en-gb`: this is plain en-gb (`en+m3` is not).
    { engine: 'espeak-ng', name: 'en-gb+m3' },
    { engine: 'espeak-ng', name: 'en-029+m2' },
    { engine: 'espeak-ng', name: 'en-us+f5' },
    { engine: 'espeak-ng', name: 'en+f1' },
    { engine: 'flite', name: 'slt' },
    { engine: 'flite', name: 'rms' },
  ],
  heldout: [
    { engine: 'espeak-ng', name: 'en-us+f3' },
    { engine: 'espeak-ng', name: 'en-gb-scotland+f2' },
    { engine: 'espeak-ng', name: 'en-gb-x-rp+f4' },
    { engine: 'espeak-ng', name: 'en-us-nyc+m5' },
    { engine: 'flite', name: 'awb' },
    { engine: 'flite', name: 'kal16' },
  ],
  heldout3: HELDOUT3_VOICES,
  heldout4: HELDOUT4_VOICES,
  heldout5: HELDOUT5_VOICES,
};

/** Speech the grammar does not contain, per class and split (no sentence in both). */
export const OUT_OF_GRAMMAR: Readonly<
  Record<Split, Readonly<Partial<Record<UtteranceClass, readonly string[]>>>>
> = {
  calibration: {
    question: [
      'who wrote the lord of the rings',
      'what is the capital of france',
      'how tall is the eiffel tower',
      'why is the sky blue',
      'how many calories are in an apple',
    ],
    'chit-chat': [
      'tell me a joke',
      'remind me to buy milk tomorrow',
      'my sister is flying to canada next week',
      'i had a really long day at work',
      'please order me a large pizza with mushrooms',
    ],
    'near-miss': [
      'turn on the garage heater',
      'open the fridge door',
      'turn off the car engine',
      'lock my phone',
      'dim the porch lamp',
    ],
  },
  heldout: {
    question: [
      'when was the first moon landing',
      'how far is the moon from the earth',
      'who won the world cup last year',
      'what does a giraffe eat',
      'how do you make a chocolate cake',
      'what is the population of japan',
    ],
    'chit-chat': [
      'sing me a song',
      'what should i cook for dinner tonight',
      'thank you so much for your help',
      'the weather in paris tomorrow looks rainy',
      'i think the cat wants to go outside',
      'can you believe how late it is already',
    ],
    'near-miss': [
      'turn on the kitchen radio',
      'close the bathroom window',
      'unlock the back gate',
      'turn on the sprinklers in the garden',
      'set the oven to two hundred degrees',
      'open the garage heater',
    ],
  },
  heldout3: HELDOUT3_OUT_OF_GRAMMAR,
  heldout4: HELDOUT4_OUT_OF_GRAMMAR,
  heldout5: HELDOUT5_OUT_OF_GRAMMAR,
};

/**
 * More out-of-grammar speech for the calibration split only, said when it draws more commands
 * (`calibrationScale` > 1), after everything else so the rest of the corpus is placed as at 1.
 */
export const EXTRA_OUT_OF_GRAMMAR: Readonly<Partial<Record<UtteranceClass, readonly string[]>>> = {
  question: [
    'what is the tallest mountain in the world',
    'how long do you boil an egg',
    'who painted the mona lisa',
    'is it going to snow this weekend',
    'how much does a new car cost',
  ],
  'chit-chat': [
    'good morning how are you today',
    'i love this song so much',
    'we are going to the beach on saturday',
    'my brother just bought a new bike',
    'that movie was really boring',
  ],
  'near-miss': [
    'set the bedroom light to blue',
    'turn on the bathroom fan',
    'open the kitchen window',
    'turn off the office computer',
    'set the thermostat to seventy degrees',
    'switch on the hallway lamp',
    'lock the garden shed',
    'turn up the music in the kitchen',
  ],
};

/**
 * Near misses for the held-out split only, written before anything was measured on them: rooms,
 * devices and values the bench home does not have (or actions its devices lack), none of their
 * names in any list above. Said after everything else, so the rest of the corpus is placed as
 * before; reported as a class of their own.
 */
export const HELDOUT_NEAR_MISSES: readonly string[] = [
  'turn on the basement light',
  'turn off the dining room lamp',
  'open the attic hatch',
  'close the living room shutters',
  'lock the side door',
  'unlock the cellar door',
  'turn on the kitchen kettle',
  'start the dishwasher',
  'turn off the washing machine',
  'set the thermostat to eighty five degrees',
  'make it twelve degrees in the bedroom',
  'dim the nursery lamp',
  'turn on the patio lights',
  'turn off the garage freezer',
  'open the skylight',
  'turn on the hot tub',
  'turn off the coffee grinder',
  'set the bedroom lamp to purple',
  'turn on the bedroom humidifier',
  'close the pantry door',
  'turn on the living room speaker',
  'set the kitchen light to a hundred and twenty percent',
  'lower the blinds in the study',
  'turn the tumble dryer off',
];

/** Other languages, in espeak-ng's voices for them. */
export const OTHER_LANGUAGES: Readonly<Record<Split, readonly [string, string][]>> = {
  calibration: [
    ['de', 'wie spät ist es in berlin'],
    ['es', 'dónde está la estación de tren'],
    ['it', 'vorrei un caffè per favore'],
  ],
  heldout: [
    ['nl', 'hoe laat gaat de winkel dicht'],
    ['pt', 'o jantar está pronto na cozinha'],
    ['pl', 'jutro będzie padać deszcz'],
    ['sv', 'var ligger närmaste apotek'],
  ],
  heldout3: HELDOUT3_OTHER_LANGUAGES,
  heldout4: HELDOUT4_OTHER_LANGUAGES,
  heldout5: HELDOUT5_OTHER_LANGUAGES,
};

/** Sounds that are not speech, each split its own: a cough, a door slam, music, a hiss, a clatter. */
export function nonSpeech(split: Split): { name: string; audio: Uint8Array }[] {
  const seed = {
    calibration: 11,
    heldout: 29,
    heldout3: HELDOUT3_SEEDS.sounds,
    heldout4: HELDOUT4_SEEDS.sounds,
    heldout5: HELDOUT5_SEEDS.sounds,
  }[split];
  const notes = {
    calibration: [262, 330, 392, 523],
    heldout: [294, 370, 440, 587, 494],
    heldout3: HELDOUT3_NOTES,
    heldout4: HELDOUT4_NOTES,
    heldout5: HELDOUT5_NOTES,
  }[split];
  return sounds(seed, notes);
}

export interface CorpusOptions {
  /** The home's sentences (`recognizer.sentences(home, 'en')`), to draw commands from. */
  readonly grammar: readonly string[];
  /** Commands drawn per split. */
  readonly commands: number;
  readonly splits?: readonly Split[];
  /**
   * How many times `commands` the calibration split draws (1: as many as held out). The extra
   * sentences are drawn after both splits' own, from the sentences neither has, and said by the
   * calibration voices: the held-out split is the same at every scale.
   */
  readonly calibrationScale?: number;
}

/** `engine:voice`, with `@pitch` or `*speed` for a voice at another pitch or speed than its own. */
export function sourceOf(voice: Voice): string {
  const pitch = voice.pitch === undefined ? '' : `@${voice.pitch}`;
  const speed = voice.speed === undefined ? '' : `*${voice.speed}`;
  return `${voice.engine}:${voice.name}${pitch}${speed}`;
}

const LEADS = ['short silence', 'long silence', 'long noise'] as const;

function lead(kind: CorpusItem['lead'], seed: number): Uint8Array {
  if (kind === 'short silence') return new Uint8Array(2 * Math.round(RATE * 0.2));
  if (kind === 'long silence') return new Uint8Array(2 * Math.round(RATE * 1.2));
  return roomNoise(1200, -50, seed);
}

function place(
  item: Omit<CorpusItem, 'audio' | 'speechEndMs' | 'lead'>,
  body: Uint8Array,
  index: number,
): CorpusItem {
  const kind = LEADS[index % LEADS.length]!;
  const before = lead(kind, index + 1);
  const after = new Uint8Array(2 * Math.round(RATE * 0.3));
  const audio = new Uint8Array(before.length + body.length + after.length);
  audio.set(before, 0);
  audio.set(body, before.length);
  audio.set(after, before.length + body.length);
  const speechEndMs = ((before.length + body.length) / 2 / RATE) * 1000;
  return { ...item, lead: kind, audio, speechEndMs };
}

/** Trims the synthesizer's own leading and trailing silence, so `speechEndMs` is exact. */
export const trimSilence = trimmed;

async function spoken(text: string, voice: Voice): Promise<Uint8Array> {
  const said: Pcm16k = await speak(text, voice);
  return trimSilence(said.audio);
}

/** Builds the corpus: every command and out-of-grammar sentence in every voice of its split. */
export async function buildCorpus(options: CorpusOptions): Promise<CorpusItem[]> {
  const items: CorpusItem[] = [];
  const englishOnly = options.grammar.filter((sentence) => /^[a-z0-9 %'-]+$/i.test(sentence));
  const drawn = {
    ...drawCommands(englishOnly, options.commands, options.calibrationScale),
    heldout3: drawHeldout3(englishOnly, options.commands),
    heldout4: drawHeldout4(englishOnly, options.commands),
    heldout5: drawHeldout5(englishOnly, options.commands),
  };
  const splits = options.splits ?? (['calibration', 'heldout'] as const);
  let index = 0;
  const addCommands = async (split: Split, texts: readonly string[], first: number) => {
    const voices = VOICES[split];
    for (const [i, text] of texts.entries()) {
      const voice = voices[(first + i) % voices.length]!;
      const source = sourceOf(voice);
      items.push(
        place({ split, kind: 'command', text, source }, await spoken(text, voice), index++),
      );
    }
  };
  const addSpeech = async (split: Split, texts: (typeof OUT_OF_GRAMMAR)[Split]) => {
    for (const [kind, said] of Object.entries(texts)) {
      for (const text of said) {
        for (const voice of VOICES[split]) {
          const source = sourceOf(voice);
          const body = await spoken(text, voice);
          items.push(place({ split, kind: kind as UtteranceClass, text, source }, body, index++));
        }
      }
    }
  };
  // The later splits come after everything else, so the earlier ones are placed as without them.
  const later = {
    heldout3: HELDOUT3_NEAR_MISSES,
    heldout4: HELDOUT4_NEAR_MISSES,
    heldout5: HELDOUT5_NEAR_MISSES,
  };
  const earlier = splits.filter((split) => !(split in later));
  /** Other languages, then sounds. */
  const addOthers = async (split: Split) => {
    for (const [language, text] of OTHER_LANGUAGES[split]) {
      const voice: Voice = { engine: 'espeak-ng', name: language };
      const body = await spoken(text, voice);
      const source = `espeak-ng:${language}`;
      items.push(place({ split, kind: 'other-language', text, source }, body, index++));
    }
    for (const sound of nonSpeech(split)) {
      items.push(
        place({ split, kind: 'non-speech', text: '', source: sound.name }, sound.audio, index++),
      );
    }
  };
  for (const split of earlier) {
    await addCommands(split, drawn[split], 0);
    await addSpeech(split, OUT_OF_GRAMMAR[split]);
    await addOthers(split);
  }
  // Last, so every utterance before them is placed (lead, noise) as at scale 1.
  if (splits.includes('calibration')) {
    await addCommands('calibration', drawn.extra, drawn.calibration.length);
    if ((options.calibrationScale ?? 1) > 1) await addSpeech('calibration', EXTRA_OUT_OF_GRAMMAR);
  }
  if (splits.includes('heldout')) {
    await addSpeech('heldout', { 'near-miss (new)': HELDOUT_NEAR_MISSES });
  }
  for (const [split, nearMisses] of Object.entries(later) as [Split, readonly string[]][]) {
    if (!splits.includes(split)) continue;
    await addCommands(split, drawn[split as keyof typeof later], 0);
    await addSpeech(split, OUT_OF_GRAMMAR[split]);
    await addOthers(split);
    await addSpeech(split, { 'near-miss (new)': nearMisses });
  }
  return items;
}
