// The memory benchmark's update set: pairs of statements about one thing, said one after the
// other. `keep` pairs state different facts (the second must not overwrite the first: the
// erasures issue 13 names and others of their shape); `update` pairs give one fact a new value
// (the first must be replaced, and kept in the history). With and without a subject given, as
// the agent's remember tool may pass one ("Felix") or not.

export interface UpdatePair {
  readonly first: string;
  readonly second: string;
  readonly expect: 'keep' | 'update';
  /** The subject the agent would give, if any. */
  readonly subject: string;
}

const KEEP = `
Felix is a black cat|Felix likes warm places|Felix
Hugo is allergic to cats|Hugo is allergic to nuts|Hugo
Felix is a black cat|Felix is at the vet|Felix
Felix est un chat noir|Felix aime les zones chaudes|Felix
Hugo est allergique aux chats|Hugo est allergique aux noix|Hugo
Felix est un chat noir|Felix est chez le vétérinaire|Felix
Draco is a German shepherd|Draco is afraid of fireworks|Draco
Draco est un berger allemand|Draco a peur des feux d'artifice|Draco
Margaux is allergic to gluten|Margaux is allergic to bee stings|Margaux
Margaux is twelve years old|Margaux is at school until 5|Margaux
Bastien lives in Toulouse|Bastien is a carpenter|Bastien
Bastien is a carpenter|Bastien is a volunteer firefighter|Bastien
Bastien aime le rugby|Bastien aime la pêche|Bastien
Victor plays bass|Victor plays chess|Victor
Chloé is scared of spiders|Chloé is scared of heights|Chloé
Chloé speaks German|Chloé speaks Italian|Chloé
Pistache is a tortoise|Pistache is in the garden|Pistache
Pistache mange de la salade|Pistache mange des fraises|Pistache
The living room has three Hue lamps|The living room has a Samsung TV|living room
The garage has a freezer|The garage has two bikes|garage
The spare key is under the blue pot|The spare key opens the back door|spare key
I'm allergic to penicillin|I'm allergic to pollen|me
I like jazz in the morning|I like coffee in the morning|me
J'aime le thé vert|J'aime le chocolat noir|moi
I stopped smoking today|I started running today|me
Grandpa Jean takes insulin at noon|Grandpa Jean takes a nap after lunch|Jean
Felix sleeps on the sofa|Felix sleeps in the laundry basket|Felix
Felix is 3 years old|Felix is a black cat|Felix
Emma plays the piano|Emma plays tennis|Emma
Rex is at the vet|Rex is a brown dog|Rex
`;

const UPDATE = `
Felix is black|Felix is actually grey|Felix
Felix is at the vet|Felix is at home now|Felix
Claire lives in Lyon|Claire habite à Paris|Claire
I like warm light in the evening|I prefer cool light in the evening|me
I stopped smoking today|I started smoking again|me
Claire works as a nurse|Claire works as a teacher|Claire
Felix is 3 years old|Felix is 4 years old|Felix
I like coriander|I don't like coriander|me
Draco est marron|Draco est noir en fait|Draco
Pistache est au jardin|Pistache est à la cave|Pistache
Margaux is ten years old|Margaux is eleven years old|Margaux
Victor lives in Brest|Victor lives in Rennes now|Victor
`;

const parse = (table: string, expect: UpdatePair['expect']): UpdatePair[] =>
  table
    .trim()
    .split('\n')
    .map((line) => {
      const [first, second, subject] = line.split('|') as [string, string, string];
      return { first, second, subject, expect };
    });

export function updatePairs(): UpdatePair[] {
  return [...parse(KEEP, 'keep'), ...parse(UPDATE, 'update')];
}
