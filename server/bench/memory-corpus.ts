// The memory benchmark's data, generated from templates and vocabularies: facts about people,
// pets, the house, preferences, episodes and reminders (English and French), each with questions
// worded differently from it, and filler memories for the latency runs. Seeded, so every run
// asks the same questions. The questions were written as a person would ask, not for an embedder.
import type { MemoryKind } from '../src/memory/memory.js';
import { seeded } from '@jarvis/satellite/seeded';

export interface BenchFact {
  readonly key: string;
  readonly category: string;
  readonly kind: MemoryKind;
  readonly text: string;
  readonly lang: 'en' | 'fr';
}

export interface BenchQuestion {
  readonly factKey: string;
  readonly text: string;
  readonly lang: 'en' | 'fr';
}

const pick = <T>(rng: () => number, list: readonly T[]): T =>
  list[Math.floor(rng() * list.length)]!;
const fill = (template: string, vars: Record<string, string>) =>
  template.replace(/\{(\w+)\}/g, (_, k: string) => vars[k] ?? `{${k}}`);
const isFrench = (s: string) =>
  /[àâçéèêëîïôûù]|\b(?:le|la|les|est|quel|quelle|où|de|du)\b/i.test(s);

// name, relation en, relation fr (with possessive), city, job en, job fr, birthday en, birthday fr, food en, food fr
const PEOPLE = `
Claire|sister|ma sœur|Lyon|nurse|infirmière|12 May|12 mai|lasagne|les lasagnes
Hugo|brother|mon frère|Nantes|plumber|plombier|3 January|3 janvier|sushi|les sushis
Martine|mother|ma mère|Lille|teacher|professeure|28 February|28 février|apple pie|la tarte aux pommes
Bernard|father|mon père|Bordeaux|baker|boulanger|9 July|9 juillet|steak and chips|le steak frites
Sophie|wife|ma femme|Toulouse|lawyer|avocate|17 October|17 octobre|Thai curry|le curry thaï
Lucas|son|mon fils|Rennes|engineer|ingénieur|2 April|2 avril|pancakes|les crêpes
Emma|daughter|ma fille|Grenoble|vet|vétérinaire|21 June|21 juin|strawberries|les fraises
Paul|neighbour|mon voisin|Nice|pilot|pilote|30 August|30 août|barbecue ribs|les travers de porc
Nathalie|boss|ma patronne|Strasbourg|accountant|comptable|14 November|14 novembre|sauerkraut|la choucroute
Karim|best friend|mon meilleur ami|Marseille|firefighter|pompier|5 March|5 mars|couscous|le couscous
Odette|grandmother|ma grand-mère|Dijon|retired pharmacist|pharmacienne à la retraite|19 December|19 décembre|chocolate cake|le gâteau au chocolat
Gérard|uncle|mon oncle|Brest|fisherman|pêcheur|8 September|8 septembre|oysters|les huîtres
Isabelle|aunt|ma tante|Annecy|architect|architecte|25 January|25 janvier|cheese fondue|la fondue
Léa|cousin|ma cousine|Montréal|journalist|journaliste|11 August|11 août|poutine|la poutine
Thomas|colleague|mon collègue|Geneva|electrician|électricien|6 May|6 mai|ramen|les ramen
Noah|godson|mon filleul|Brussels|student|étudiant|15 October|15 octobre|waffles|les gaufres
`;

const PERSON_FACTS: Record<string, { en: string[]; fr: string[]; q: string[] }> = {
  city: {
    en: ['My {rel} {name} lives in {city}', '{name}, my {rel}, lives in {city}'],
    fr: ['{relfr} {name} habite à {city}', '{name} vit à {city}'],
    q: [
      'where does {name} live?',
      'which town is my {rel} in these days?',
      'où habite {name} ?',
      'dans quelle ville vit {name} ?',
    ],
  },
  job: {
    en: ['{name} works as a {job}', 'My {rel} {name} is a {job}'],
    fr: ['{name} travaille comme {jobfr}', '{relfr} {name} est {jobfr}'],
    q: [
      'what does {name} do for a living?',
      "what is {name}'s job?",
      'quel est le métier de {name} ?',
      'que fait {name} dans la vie ?',
    ],
  },
  birthday: {
    en: ["{name}'s birthday is on {bday}", '{name} was born on {bday}'],
    fr: ["L'anniversaire de {name} est le {bdayfr}", '{name} est né le {bdayfr}'],
    q: [
      "when is {name}'s birthday?",
      'on what date should I wish {name} many happy returns?',
      "c'est quand l'anniversaire de {name} ?",
      'quand est né {name} ?',
    ],
  },
  food: {
    en: ['{name} loves {food}', "{name}'s favourite dish is {food}"],
    fr: ['{name} adore {foodfr}', 'Le plat préféré de {name}, ce sont {foodfr}'],
    q: [
      'what should I cook when {name} comes for dinner?',
      'what does {name} like to eat?',
      "qu'est-ce que {name} aime manger ?",
    ],
  },
};

// name, species en, species fr, colour en, colour fr (agreeing), likes en, likes fr
const PETS = `
Felix|cat|chat|black|noir|sleeping in warm spots|les zones chaudes
Rex|dog|chien|brown|marron|chasing the ball in the garden|courir après la balle dans le jardin
Caramel|rabbit|lapin|ginger|roux|fresh carrots from the market|les carottes fraîches du marché
Coco|parrot|perroquet|green|vert|whistling along to the radio|siffler avec la radio
Noisette|hamster|hamster|beige|beige|running in its wheel at night|courir dans sa roue la nuit
Bulle|goldfish|poisson rouge|orange|orange|the little castle in its tank|le petit château de son aquarium
`;

const PET_FACTS: Record<string, { en: string[]; fr: string[]; q: string[] }> = {
  looks: {
    en: ['{name} is a {colour} {species}', 'We have a {colour} {species} called {name}'],
    fr: ['{name} est un {speciesfr} {colourfr}', 'Notre {speciesfr} {name} est {colourfr}'],
    q: [
      'what colour is {name}?',
      'what kind of animal is {name}?',
      'de quelle couleur est {name} ?',
      'tell me about my {species}',
    ],
  },
  likes: {
    en: ['{name} likes {likes}', '{name} really enjoys {likes}'],
    fr: ['{name} aime {likesfr}', '{name} adore {likesfr}'],
    q: ['what does {name} enjoy?', 'what makes {name} happy?', "qu'est-ce qu'il aime, {name} ?"],
  },
};

// object en | object fr | place en | place fr | questions (; separated)
const HOUSE = `
The wifi password|Le code du wifi|is on the fridge|est sur le frigo|where did I put the wifi code?;where can I find the internet password?;où est le mot de passe du wifi ?
The spare key|Le double des clés|is under the blue flower pot by the door|est sous le pot de fleurs bleu près de la porte|where is the extra key hidden?;où est caché le double de la clé ?
The fuse box|Le tableau électrique|is in the garage behind the bikes|est dans le garage derrière les vélos|where are the fuses?;where do I reset the electricity when it trips?
The main water valve|Le robinet d'arrivée d'eau|is under the kitchen sink|est sous l'évier de la cuisine|how do I shut off the water?;où est le robinet général ?
The first aid kit|La trousse de secours|is in the bathroom cabinet|est dans le placard de la salle de bain|where are the plasters and bandages?;where do we keep the first-aid box?
Our passports|Nos passeports|are in the top drawer of the desk|sont dans le tiroir du haut du bureau|where do we keep the passports?;où sont rangés les passeports ?
The Christmas decorations|Les décorations de Noël|are in the attic|sont au grenier|where are the xmas decorations stored?;où sont les décos de Noël ?
The ladder|L'échelle|is behind the garden shed|est derrière l'abri de jardin|where's the ladder?;où est passée l'échelle ?
The living room|Le salon|has three Hue lamps and a Samsung TV|a trois lampes Hue et une télé Samsung|what devices are in the lounge?;how many lamps are there in the living room?
The thermostat|Le thermostat|is in the hallway next to the mirror|est dans le couloir à côté du miroir|where is the thermostat?;où se trouve le thermostat ?
The alarm code|Le code de l'alarme|is 4821|est 4821|what's the code to disarm the alarm?;quel est le code de l'alarme ?
The boiler|La chaudière|was serviced in March by Dupont|a été révisée en mars par Dupont|when was the boiler last serviced?;quand la chaudière a-t-elle été entretenue ?
The printer ink|Les cartouches d'encre|are in the office cupboard|sont dans le placard du bureau|where are the ink cartridges?;where do I find ink for the printer?
The bike pump|La pompe à vélo|hangs on the wall of the cellar|est accrochée au mur de la cave|where is the pump for the bikes?;où est la pompe à vélo ?
The router|La box internet|is in the cupboard under the stairs|est dans le placard sous l'escalier|where is the internet box?;where is the router?
The guest towels|Les serviettes pour les invités|are on the top shelf of the linen cupboard|sont sur l'étagère du haut de l'armoire à linge|where are the towels for guests?;où sont les serviettes des invités ?
`;

// kind | fact en | fact fr | questions (; separated)
const MISC = `
preference|I like warm light in the evening|Le soir je préfère une lumière chaude|what kind of lighting do I want at night?;quelle lumière j'aime le soir ?
preference|During the day I like the lights at 4000 K|En journée je veux la lumière à 4000 K|what colour temperature should the lights be in daytime?
preference|I take my coffee black with no sugar|Je bois mon café noir sans sucre|how do I take my coffee?;comment je prends mon café ?
preference|I like the house heated to 20 degrees|J'aime que la maison soit chauffée à 20 degrés|what temperature do I like at home?;à combien je règle le chauffage ?
preference|I like jazz in the morning|Le matin j'aime écouter du jazz|what music should you put on at breakfast?;quelle musique mettre le matin ?
preference|I don't want to be woken before 7 am|Je ne veux pas être réveillé avant 7 h|what is the earliest you can wake me?
preference|I'm vegetarian|Je suis végétarien|do I eat meat?;can I have ham?
preference|I prefer showers to baths|Je préfère les douches aux bains|do I like taking baths?
preference|I want the news in French|Je veux les infos en français|in which language should you read me the news?
preference|I like the bedroom cool at night, 17 degrees|La nuit j'aime la chambre fraîche, à 17 degrés|how warm should the bedroom be at night?
preference|I support Paris Saint-Germain|Je supporte le PSG|which football club do I support?;what's my team?
preference|I can't stand coriander|Je déteste la coriandre|is there a herb I hate?
episode|I stopped smoking today|J'ai arrêté de fumer aujourd'hui|when did I quit cigarettes?;do I still smoke?
episode|We got back from Portugal on Sunday|Nous sommes rentrés du Portugal dimanche|when did we return from our trip?;where did we go on holiday?
episode|I broke my wrist skiing last winter|Je me suis cassé le poignet au ski l'hiver dernier|what happened to my wrist?;have I ever been injured skiing?
episode|I started a new job at Airbus|J'ai commencé un nouveau travail chez Airbus|where do I work now?;who is my new employer?
episode|We planted tomatoes in the vegetable garden|Nous avons planté des tomates dans le potager|what did we grow in the garden?
episode|The washing machine broke down on Friday|Le lave-linge est tombé en panne vendredi|is the washer working?;what broke last week?
episode|I ran my first marathon in Paris|J'ai couru mon premier marathon à Paris|have I done a marathon?
episode|We painted the bedroom green|Nous avons peint la chambre en vert|what colour are the bedroom walls?
episode|I had my flu jab last week|J'ai fait mon vaccin contre la grippe la semaine dernière|am I vaccinated against flu this winter?
episode|Emma lost her first tooth|Emma a perdu sa première dent|has my daughter lost a tooth yet?
reminder|Take the bins out on Tuesday evening|Sortir les poubelles le mardi soir|when do the bins go out?;c'est quand qu'on sort les poubelles ?
reminder|Water the plants every Sunday|Arroser les plantes chaque dimanche|when should the plants be watered?
reminder|Call the plumber on Monday about the leak|Appeler le plombier lundi pour la fuite|who do I need to phone about the leak?
reminder|Pay the electricity bill before the 15th|Payer la facture d'électricité avant le 15|when is the power bill due?
reminder|Book the car in for its service in June|Prendre rendez-vous au garage pour la révision de la voiture en juin|when does the car need servicing?
reminder|Take the blood pressure pills at 8 am|Prendre les cachets pour la tension à 8 h|when do I take my medication?
reminder|Renew the passports before the summer|Renouveler les passeports avant l'été|what do we need to do about our travel documents?
reminder|Change the batteries in the smoke detector|Changer les piles du détecteur de fumée|does anything need new batteries?
reminder|Pick up the dry cleaning on Friday|Récupérer le pressing vendredi|when can I collect my clothes from the cleaners?
reminder|Walk the dog at 3 pm|Sortir le chien à 15 h|when should I take Rex out?
`;

function rows(table: string): string[][] {
  return table
    .trim()
    .split('\n')
    .map((line) => line.split('|'));
}

/** Facts and questions, deterministic for a seed. */
export function generateQualitySet(seed = 42): { facts: BenchFact[]; questions: BenchQuestion[] } {
  const rng = seeded(seed);
  const facts: BenchFact[] = [];
  const questions: BenchQuestion[] = [];
  const add = (
    key: string,
    category: string,
    kind: MemoryKind,
    en: string,
    fr: string,
    qs: string[],
    perFact: number,
  ) => {
    const lang = rng() < 0.35 ? 'fr' : 'en';
    facts.push({ key, category, kind, text: lang === 'fr' ? fr : en, lang });
    const pool = [...qs];
    for (let i = 0; i < perFact && pool.length > 0; i++) {
      const q = pool.splice(Math.floor(rng() * pool.length), 1)[0]!;
      questions.push({ factKey: key, text: q, lang: isFrench(q) ? 'fr' : 'en' });
    }
  };
  for (const [name, rel, relfr, city, job, jobfr, bday, bdayfr, food, foodfr] of rows(PEOPLE)) {
    const vars = {
      name: name!,
      rel: rel!,
      relfr: relfr!,
      city: city!,
      job: job!,
      jobfr: jobfr!,
      bday: bday!,
      bdayfr: bdayfr!,
      food: food!,
      foodfr: foodfr!,
    };
    const relFr = vars.relfr.charAt(0).toUpperCase() + vars.relfr.slice(1);
    for (const [attribute, t] of Object.entries(PERSON_FACTS)) {
      const v = { ...vars, relfr: relFr };
      add(
        `${name}:${attribute}`,
        'people',
        'fact',
        fill(pick(rng, t.en), v),
        fill(pick(rng, t.fr), v),
        t.q.map((q) => fill(q, v)),
        1,
      );
    }
    // "Which town is my mother in?" needs a memory saying who she is; drawn without the seed.
    const own = facts.filter((f) => f.key.startsWith(`${name}:`)).map((f) => f.text.toLowerCase());
    if (!own.some((text) => text.includes(`my ${rel}`) || text.includes(vars.relfr)))
      facts.push({
        key: `${name}:relation`,
        category: 'people',
        kind: 'fact',
        text: `${name} is my ${rel}`,
        lang: 'en',
      });
  }
  for (const [name, species, speciesfr, colour, colourfr, likes, likesfr] of rows(PETS)) {
    const v = {
      name: name!,
      species: species!,
      speciesfr: speciesfr!,
      colour: colour!,
      colourfr: colourfr!,
      likes: likes!,
      likesfr: likesfr!,
    };
    for (const [attribute, t] of Object.entries(PET_FACTS)) {
      add(
        `${name}:${attribute}`,
        'pets',
        'fact',
        fill(pick(rng, t.en), v),
        fill(pick(rng, t.fr), v),
        t.q.map((q) => fill(q, v)),
        2,
      );
    }
  }
  for (const [object, objectfr, place, placefr, qs] of rows(HOUSE)) {
    add(
      `house:${object}`,
      'house',
      'house',
      `${object} ${place}`,
      `${objectfr} ${placefr}`,
      qs!.split(';'),
      2,
    );
  }
  for (const [kind, en, fr, qs] of rows(MISC)) {
    add(`${kind}:${en}`, `${kind}s`, kind as MemoryKind, en!, fr!, qs!.split(';'), 2);
  }
  return { facts, questions };
}

const FILLER = {
  subjects: [
    'the blue vase',
    'the old radio',
    'the garden bench',
    'the spare charger',
    'the red umbrella',
    'the picnic basket',
    'the photo album',
    'the sewing kit',
    'the toolbox',
    'the board games',
    'the yoga mat',
    'the camping stove',
    'the paint brushes',
    'the winter coats',
    'the extension lead',
    'the fondue set',
  ],
  places: [
    'in the loft',
    'under the bed',
    'in the shed',
    'behind the sofa',
    'in the car boot',
    'on the bookshelf',
    'in the basement',
    "at granny's house",
    'in the blue box',
    'on the balcony',
  ],
  notes: [
    'was bought at the market',
    'needs repairing',
    'belongs to the neighbours',
    'was a wedding present',
    'should be cleaned soon',
    'is almost new',
  ],
  people: [
    'Marc',
    'Julie',
    'Antoine',
    'Chloé',
    'Yanis',
    'Manon',
    'Pierre',
    'Inès',
    'Louis',
    'Camille',
    'Hélène',
    'Victor',
  ],
  activities: [
    'played tennis',
    'went to the cinema',
    'visited the museum',
    'cooked a risotto',
    'fixed the fence',
    'went fishing',
    'painted the gate',
    'had a picnic',
    'called the bank',
    'watched a film',
  ],
  days: [
    'on Monday',
    'last weekend',
    'in April',
    'yesterday',
    'on the 3rd',
    'two weeks ago',
    'at Easter',
    'in the summer',
  ],
};

/** `count` varied filler memories (numbered so no two are the same). */
export function generateFillers(count: number, seed = 7): { text: string; kind: MemoryKind }[] {
  const rng = seeded(seed);
  const out: { text: string; kind: MemoryKind }[] = [];
  for (let i = 0; i < count; i++) {
    const n = `#${i}`;
    const r = rng();
    if (r < 0.4) {
      out.push({
        kind: 'house',
        text: `${cap(pick(rng, FILLER.subjects))} ${n} is ${pick(rng, FILLER.places)} and ${pick(rng, FILLER.notes)}`,
      });
    } else if (r < 0.8) {
      out.push({
        kind: 'episode',
        text: `${pick(rng, FILLER.people)} and I ${pick(rng, FILLER.activities)} ${pick(rng, FILLER.days)} (${n})`,
      });
    } else {
      out.push({
        kind: 'fact',
        text: `${pick(rng, FILLER.people)} ${n} knows ${pick(rng, FILLER.people)} from ${pick(rng, ['school', 'work', 'the choir', 'the gym', 'the village'])}`,
      });
    }
  }
  return out;
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
