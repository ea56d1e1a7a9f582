// A small bilingual (English/French) household lexicon: groups of words that mean the same thing
// across the two languages and their spellings, and the broader categories they belong to
// (`black` is a colour, `chat` is a cat and a pet). The hashed embedder adds each word's concepts
// as extra features, so "what colour is my cat?" meets "Felix est un chat noir". General
// vocabulary of a home and its people, not a list of test sentences.
import { isStopWord, stem } from './text-analysis.js';
import type { WordNetTagger } from './wordnet-lexicon.js';

// `canonical: member member ... | category category`. Members are written as people write them
// (accents are folded and words stemmed when the table is built); `a_b` is a two-word member.
const GROUPS = `
cat: cat chat kitten chaton minou feline | pet animal
dog: dog chien puppy chiot doggy toutou | pet animal
bird: bird oiseau parrot perroquet canary canari | pet animal
fish: fish poisson goldfish | pet animal
rabbit: rabbit lapin bunny | pet animal
hamster: hamster guinea_pig cochon_d_inde | pet animal
horse: horse cheval | animal
pet: pet animal compagnon
black: black noir noire | colour
white: white blanc blanche | colour
grey: grey gray gris grise | colour
red: red rouge | colour
blue: blue bleu bleue | colour
green: green vert verte | colour
yellow: yellow jaune | colour
brown: brown marron brun brune chocolate | colour
orange: orange ginger roux rousse | colour
pink: pink rose | colour
purple: purple violet violette mauve | colour
tabby: tabby tigre | colour
colour: colour color couleur colours pelage coat fur poil
warm: warm chaud chaude chaleureux hot | temperature
cold: cold froid froide cool frais fraiche chilly | temperature
temperature: temperature degree degre celsius thermostat heating chauffage heat chaleur radiator radiateur
light: light lumiere lamp lampe eclairage bulb ampoule lighting lights | device
tv: tv television tele telly | device
speaker: speaker enceinte sonos | device
fridge: fridge frigo refrigerator refrigerateur freezer congelateur | appliance
oven: oven microwave | appliance
washing_machine: washing_machine lave_linge dishwasher lave_vaisselle washer | appliance
wifi: wifi wi_fi internet network reseau router routeur box | device
password: password mot_de_passe passcode code pin key_code | secret
key: key keys cle clef clefs | object
car: car voiture auto vehicle vehicule | vehicle
bike: bike bicycle velo | vehicle
kitchen: kitchen cuisine | room
living_room: living_room salon lounge sitting_room sejour | room
bedroom: bedroom chambre | room
bathroom: bathroom salle_de_bain toilet toilettes wc | room
office: office bureau study | room
garden: garden jardin yard backyard terrasse terrace patio | room
garage: garage carport | room
cellar: cellar cave basement | room
attic: attic grenier loft | room
hallway: hallway couloir entrance entree hall | room
room: room piece area zone place endroit spot
house: house maison home flat appartement apartment logement
door: door porte gate portail | object
window: window fenetre volet shutter blind | object
sofa: sofa couch canape settee | furniture
bed: bed lit | furniture
table: table desk | furniture
drawer: drawer tiroir cupboard placard shelf etagere cabinet | furniture
morning: morning matin matinee breakfast | time_of_day
evening: evening soir soiree dusk | time_of_day
night: night nuit bedtime | time_of_day
afternoon: afternoon apres_midi | time_of_day
day: day jour daytime journee | time_of_day
wife: wife femme epouse | family
husband: husband mari epoux | family
partner: partner partenaire compagne girlfriend boyfriend copine copain | family
son: son fils | family
daughter: daughter fille | family
child: child children kid kids enfant enfants | family
mother: mother mum mom mama maman mere | family
father: father dad papa pere | family
brother: brother frere | family
sister: sister soeur | family
grandmother: grandmother grandma granny grand_mere mamie | family
grandfather: grandfather grandpa grand_pere papi papy | family
uncle: uncle oncle | family
aunt: aunt tante | family
cousin: cousin cousine | family
family: family famille relative parent
friend: friend ami amie pote buddy | people
neighbour: neighbour neighbor voisin voisine | people
birthday: birthday anniversaire born naissance nee | date
age: age old ans year years | date
job: job work travail boulot metier profession career works travaille | work
doctor: doctor docteur medecin gp physician | health
dentist: dentist dentiste | health
appointment: appointment rendez_vous rdv meeting reunion | plan
allergy: allergy allergic allergie allergique intolerant intolerance | health
medicine: medicine medicament medication pill pills cachet traitement | health
smoke: smoke smoking cigarette cigarettes fumer clope tabac tobacco | habit
drink: drink boire beverage boisson | food
coffee: coffee cafe espresso | drink
tea: tea infusion tisane | drink
wine: wine vin | drink
beer: beer biere | drink
water: water eau | drink
food: food nourriture meal repas dish plat eat manger | food
breakfast: breakfast petit_dejeuner | meal
lunch: lunch dejeuner | meal
dinner: dinner diner supper souper | meal
vegetarian: vegetarian vegetarien vegetarienne vegan vegetalien | diet
sport: sport exercise gym running jogging football foot tennis swimming natation | hobby
music: music musique song chanson playlist radio jazz rock | hobby
book: book livre reading lecture novel roman | hobby
like: like love enjoy adore aime aimer prefer prefere favourite favorite fan | preference
dislike: dislike hate deteste detester hates | preference
start: start started begin began commence commencer | change
stop: stop stopped quit arrete arreter cesse cesser gave_up | change
bin: bin bins trash rubbish garbage poubelle poubelles recycling recyclage | chore
plant: plant plants plante plantes flower fleur | chore
walk: walk walking promenade promener balade | chore
school: school ecole college lycee | place
shop: shop shopping supermarket supermarche courses groceries | place
holiday: holiday holidays vacation vacances trip voyage | event
wedding: wedding mariage married | event
moved: moved move demenage demenager | event
bought: bought buy acheter achete purchase | event
broke: broke broken casse cassee panne | event
live: live lives lived living habite habiter habitent vit vivre vivent reside resides stay stays | place
sheet: sheet sheets drap draps bedding linen linge | linen
boiler: boiler chaudiere water_heater chauffe_eau | appliance
sink: sink evier lavabo basin | plumbing
plumber: plumber plombier | trade
electrician: electrician electricien | trade
bill: bill bills facture factures invoice payment paiement | money
bank: bank banque | money
flu: flu grippe influenza | health
tooth: tooth teeth dent dents | health
sleep: sleep sleeping dormir dort nap sieste | sleep
shower: shower showers douche douches | hygiene
bath: bath baths bathtub bain bains baignoire | hygiene
vegetable: vegetable vegetables legume legumes tomato tomatoes tomate tomates carrot carotte salad salade | food
clothes: clothes clothing vetements habits | object
stairs: stairs staircase escalier escaliers | room
shed: shed abri cabane | room
wardrobe: wardrobe armoire closet penderie | furniture
mirror: mirror miroir | object
film: film films movie movies cinema | hobby
name: name nom appelle prenom named | identity
`;

// Set phrases rewritten to the word they stand for, on normalised text, before analysis.
const IDIOMS: readonly (readonly [RegExp, string])[] = [
  [/\bhow old\b/g, 'age'],
  [/\bquel age\b/g, 'age'],
  // "est né" (born): folded, "né" would be the negation "ne", a stop word.
  [/\b(est|suis|es|sommes|sont|etait|etes) nee?s?\b/g, '$1 naissance'],
];

/** Rewrites set phrases ("how old is Anna") on a normalised text. */
export function rewriteIdioms(normalised: string): string {
  let out = normalised;
  for (const [pattern, word] of IDIOMS) out = out.replace(pattern, word);
  return out;
}

export interface LexiconEntry {
  /** The canonical names of the groups the word is in (`cat`). */
  readonly synonyms: string[];
  /** The broader categories of those groups (`pet`, `animal`). */
  readonly categories: string[];
}

const NONE: LexiconEntry = { synonyms: [], categories: [] };

function addTo(list: string[], items: readonly string[]): void {
  for (const item of items) if (!list.includes(item)) list.push(item);
}

function build(): { single: Map<string, LexiconEntry>; pairs: Map<string, LexiconEntry> } {
  const single = new Map<string, LexiconEntry>();
  const pairs = new Map<string, LexiconEntry>();
  for (const line of GROUPS.split('\n')) {
    const match = /^(\w+):\s*([^|]*)(?:\|(.*))?$/.exec(line.trim());
    if (!match) continue;
    const [, canonical, members, categories] = match;
    const broader = (categories ?? '').trim().split(/\s+/).filter(Boolean);
    for (const member of members!.trim().split(/\s+/)) {
      const parts = member.split('_').filter((p, _i, all) => all.length === 1 || !isStopWord(p));
      const key = parts.map(stem).join(' ');
      const table = parts.length > 1 ? pairs : single;
      const entry = table.get(key) ?? { synonyms: [], categories: [] };
      addTo(entry.synonyms, [canonical!]);
      addTo(entry.categories, broader);
      table.set(key, entry);
    }
  }
  return { single, pairs };
}

let tables: ReturnType<typeof build> | undefined;

/** What the lexicon knows of a stem, and of the two-word phrase it starts with `next`. */
export function conceptsOf(stemmed: string, next?: string): LexiconEntry {
  tables ??= build();
  const own = tables.single.get(stemmed) ?? NONE;
  const pair = next === undefined ? undefined : tables.pairs.get(`${stemmed} ${next}`);
  if (!pair) return own;
  return {
    synonyms: [...own.synonyms, ...pair.synonyms],
    categories: [...own.categories, ...pair.categories],
  };
}

/** Canonical names of a run of stems, two-word phrases first: `mot passe wifi` -> `password wifi`. */
export function canonicalWords(stems: readonly string[]): string[] {
  tables ??= build();
  const out: string[] = [];
  for (let i = 0; i < stems.length; i++) {
    const pair = i + 1 < stems.length ? tables.pairs.get(`${stems[i]} ${stems[i + 1]}`) : undefined;
    if (pair) {
      out.push(pair.synonyms[0]!.replace(/_/g, ' '));
      i++;
      continue;
    }
    const canonical = tables.single.get(stems[i]!)?.synonyms[0];
    out.push(canonical ? canonical.replace(/_/g, ' ') : stems[i]!);
  }
  return out;
}

/** True when `name` is a broader category of some group (`colour`, `pet`, `room`). */
export function isCategory(name: string): boolean {
  categoryNames ??= new Set(
    GROUPS.split('\n').flatMap((line) => (line.split('|')[1] ?? '').trim().split(/\s+/)),
  );
  return categoryNames.has(name);
}

let categoryNames: Set<string> | undefined;

/** True when the lexicon puts the stem in `concept` (`black` is in `colour`). */
export function hasConcept(stemmed: string, concept: string): boolean {
  const { synonyms, categories } = conceptsOf(stemmed);
  return synonyms.includes(concept) || categories.includes(concept);
}

/**
 * A lexicon as the memory's analysis uses it: the household one, none (for the ablation), either
 * with WordNet's tags beside it (`wordnet-lexicon.ts`).
 */
export interface Lexicon {
  /** Names what the terms were analysed with: stored terms are analysed again when it changes. */
  readonly id: string;
  /** Tags from a general-purpose lexicon for each content word, beside the household ones. */
  readonly tagger?: WordNetTagger;
  readonly conceptsOf: (stemmed: string, next?: string) => LexiconEntry;
  readonly canonicalWords: (stems: readonly string[]) => string[];
  readonly hasConcept: (stemmed: string, concept: string) => boolean;
  readonly isCategory: (name: string) => boolean;
  readonly rewriteIdioms: (normalised: string) => string;
  /** Whether clock times and words for parts of the day are tagged alike (day-parts.ts). */
  readonly dayParts?: boolean;
}

export const HOUSEHOLD_LEXICON: Lexicon = {
  id: 'household-v2',
  conceptsOf,
  canonicalWords,
  hasConcept,
  isCategory,
  rewriteIdioms,
  dayParts: true,
};

/** No synonyms, no categories, no set phrases: every word stands for itself. */
export const NO_LEXICON: Lexicon = {
  id: 'none',
  conceptsOf: () => NONE,
  canonicalWords: (stems) => [...stems],
  hasConcept: () => false,
  isCategory: () => false,
  rewriteIdioms: (normalised) => normalised,
};
