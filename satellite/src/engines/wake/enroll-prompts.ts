// What `jarvis-satellite enroll` asks the household to say besides the wake word: ordinary
// speech and phrases that sound a little like a wake word, the negatives the verifier learns
// to refuse. The wake word benchmark's near misses are deliberately not among them.
export const ENROLL_SENTENCES: readonly string[] = [
  'good evening, is anybody home',
  'hey, can you pass me the salt',
  'the car is parked in the garage',
  'a jar of pickles is in the fridge',
  'the service starts at nine tomorrow',
  'hey, are you coming with us',
  'we visited the harbour last summer',
  'hey jackson, dinner is ready',
  'turn the music down a little',
  'my brother drives a jeep',
  'have you seen my glasses',
  'hey you, over there',
];
