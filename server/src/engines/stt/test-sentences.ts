// Test data for the speech-to-text tests: a home's command sentences, as the local intents will
// supply them, and utterances said to it — commands in the grammar, and speech that is not.

const AREAS = [
  'kitchen',
  'living room',
  'bedroom',
  'bathroom',
  'office',
  'garage',
  'hallway',
  'dining room',
  'basement',
];
const MINUTES = [1, 2, 3, 5, 10, 15, 20, 30, 45];

/** ~110 sentences, written as people write them ("50 %", "5 minutes"). */
export function homeSentences(): string[] {
  const sentences: string[] = [];
  for (const area of AREAS) {
    for (const action of ['turn on', 'turn off']) {
      sentences.push(`${action} the ${area} light`, `${action} the ${area} lights`);
    }
    sentences.push(
      `what is the temperature in the ${area}`,
      `set the ${area} lights to 50 %`,
      `dim the ${area} lights`,
    );
  }
  for (const minutes of MINUTES) {
    sentences.push(
      `set a timer for ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`,
      `remind me in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`,
    );
  }
  for (const temperature of [18, 19, 20, 21, 22]) {
    sentences.push(`set the thermostat to ${temperature} degrees`);
  }
  sentences.push(
    'what time is it',
    "what's the time",
    'what is the weather like',
    "what's the weather tomorrow",
    'lock the front door',
    'unlock the front door',
    'is the front door locked',
    'open the garage door',
    'close the garage door',
    'cancel the timer',
    'how much time is left',
    'stop',
    'pause the music',
    'play some music',
    'next song',
    'volume up',
    'volume down',
    'good morning',
    'good night',
    "i'm going to bed",
    'turn on the hue lamp',
    'start the roomba',
    'did felix eat today',
    'play jazz on the sonos',
    'turn on the nanoleaf panels',
  );
  return sentences;
}

/** Commands in the grammar, spoken as written; the engine should return them as written. */
export const IN_GRAMMAR = [
  'turn on the kitchen light',
  'what time is it',
  'set a timer for 5 minutes',
  'turn off the bedroom lights',
  'what is the temperature in the office',
  'lock the front door',
  'set the thermostat to 21 degrees',
  'good night',
  'open the garage door',
  'set the living room lights to 50 %',
] as const;

/** Speech the grammar does not contain. */
export const OUT_OF_GRAMMAR = [
  'the weather in paris tomorrow looks rainy',
  'please order me a large pizza with mushrooms',
  'who wrote the lord of the rings',
  'my sister is flying to canada next week',
  'how many calories are in an apple',
] as const;
