import {
  type AgreeingWord,
  type LanguageData,
  counting,
  listOf,
  phrasesOf,
  worth,
} from './language.js';
import { frReminderData as reminders } from './reminders-fr.js';
import { frHomeResponses } from './responses-fr.js';

/** Masculine, feminine and their plurals of a participle ending in "é" or a consonant. */
function agree(masculine: string, feminine = `${masculine}e`): AgreeingWord {
  return [masculine, feminine, `${masculine}s`, `${feminine}s`];
}

function phrases(word: AgreeingWord): string[] {
  return typeof word === 'string' ? [word] : [...word];
}

const ON = agree('allumé');
const OFF = agree('éteint');
const LOCKED = agree('verrouillé');
const UNLOCKED = agree('déverrouillé');
const OPEN = agree('ouvert');
const CLOSED = agree('fermé');

export const fr: LanguageData = {
  language: 'fr',
  locale: 'fr-FR',
  rules: {
    ...reminders.rules,
    allume: '(allume|allumer|allumez|rallume|active|activer|activez|mets en marche)',
    eteins: '(éteins|éteindre|éteignez|éteint|coupe|couper|coupez|désactive|désactiver|arrête)',
    lumiere: "(la lumière|les lumières|la lampe|les lampes|l'éclairage)",
    de_area: '(de|dans) {area}',
    dans_area: '(dans|à|de) {area}',
    pourcent: '[(pour cent|pourcent|%)]',
    degres: '(degrés|degré|°)',
    volets: '(les volets|le volet|les stores|le store|les rideaux|le rideau)',
    porte: '(la porte|les portes)',
    mets: '(mets|mettre|mettez|règle|régler|réglez|passe|passer)',
    regle: '(<allume>|<mets>|baisse|monte)',
    est: '(est|sont|est-elle|est-il|sont-elles|sont-ils)',
    chauffage: '(le chauffage|le thermostat|la température|la clim|la climatisation)',
    ouvre: '(ouvre|ouvrir|ouvrez|lève|monte|remonte)',
    ferme: '(ferme|fermer|fermez|baisse|descends|descendre)',
    media: '(la musique|la lecture|la télé|la vidéo|le film)',
    minuteur: '(minuteur|timer|compte à rebours)',
    lance: '[(mets|lance|démarre|programme|règle)] [un]',
    annule: '(annule|annuler|arrête|supprime|stoppe)',
    de_timer: '(de|pour|des) {timer_name}',
    reste: '(reste-t-il|il reste|reste il)',
  },
  grammarRules: {
    ...reminders.grammarRules,
    allume: '(allume|allumer)',
    eteins: '(éteins|éteindre)',
    lumiere: '(la lumière|les lumières)',
    de_area: '(de|dans) {area}',
    dans_area: 'dans {area}',
    pourcent: 'pour cent',
    degres: 'degrés',
    volets: '(les volets|les stores)',
    porte: 'la porte',
    mets: '(mets|règle)',
    regle: '(allume|mets)',
    est: '(est|sont)',
    chauffage: '(le chauffage|la température)',
    ouvre: '(ouvre|ouvrir)',
    ferme: '(ferme|fermer)',
    media: 'la musique',
    minuteur: 'minuteur',
    lance: '[mets] un',
    annule: 'annule',
    reste: '(reste-t-il|il reste)',
  },
  wrap: {
    before:
      "[(dis|hey|ok)] [jarvis] [(s'il te plaît|s'il vous plaît)] [(peux-tu|pouvez-vous|tu peux|vous pouvez|tu pourrais|pourrais-tu|pourriez-vous|est-ce que tu peux|est-ce que vous pouvez|je voudrais que tu|merci de)]",
    after: "[(s'il te plaît|s'il vous plaît|stp|svp|merci)] [jarvis]",
  },
  intents: {
    ...reminders.intents,
    HassLightSet: [
      {
        target: 'light',
        sentences: [
          '<regle> {name} à {brightness} <pourcent>',
          '<regle> <lumiere> [<de_area>] à {brightness} <pourcent>',
          '<mets> la luminosité [(de {name}|<de_area>)] à {brightness} <pourcent>',
          '<mets> {name} en {color}',
          '<mets> <lumiere> [<de_area>] en {color}',
          '<mets> [une] lumière {color} [<de_area>]',
          '<mets> {area} en {color}',
        ],
      },
    ],
    HassClimateSetTemperature: [
      {
        target: 'climate',
        sentences: [
          '<regle> <chauffage> [<de_area>] à {temperature} [<degres>]',
          '<mets> {name} à {temperature} [<degres>]',
          'chauffe {area} à {temperature} [<degres>]',
        ],
      },
    ],
    HassSetVolume: [
      {
        target: 'media',
        sentences: [
          '<regle> le (volume|son) [(de {name}|<de_area>)] à {volume} <pourcent>',
          'volume [à] {volume} <pourcent>',
        ],
      },
    ],
    HassTurnOn: [
      { target: 'onoff', sentences: ['<allume> {name}'] },
      {
        target: 'light',
        sentences: ['<allume> [toutes] <lumiere> [<de_area>]', '<allume> {area}'],
      },
      { target: 'fan', sentences: ['<allume> (le ventilateur|la ventilation) [<de_area>]'] },
      { target: 'cover', sentences: ['<ouvre> {name}', '<ouvre> <volets> [<de_area>]'] },
    ],
    HassTurnOff: [
      { target: 'onoff', sentences: ['<eteins> {name}'] },
      {
        target: 'light',
        sentences: ['<eteins> [toutes] <lumiere> [<de_area>]', '<eteins> {area}'],
      },
      { target: 'fan', sentences: ['<eteins> (le ventilateur|la ventilation) [<de_area>]'] },
      {
        target: 'everything',
        sentences: ['<eteins> tout [<de_area>]', 'tout éteindre [<de_area>]'],
      },
      { target: 'cover', sentences: ['<ferme> {name}', '<ferme> <volets> [<de_area>]'] },
    ],
    HassLock: [
      {
        target: 'lock',
        sentences: [
          '(verrouille|verrouiller|verrouillez) {name}',
          '(ferme|fermer|fermez) {name} [à clé]',
          '(verrouille|verrouiller|verrouillez) <porte> [<de_area>]',
          '(ferme|fermer|fermez) <porte> [<de_area>] à clé',
        ],
      },
    ],
    HassUnlock: [
      {
        target: 'lock',
        sentences: [
          '(déverrouille|déverrouiller|déverrouillez|ouvre|ouvrir|ouvrez) {name}',
          '(déverrouille|déverrouiller|déverrouillez|ouvre|ouvrir|ouvrez) <porte> [<de_area>]',
        ],
      },
    ],
    HassMediaPause: [
      {
        target: 'media',
        sentences: [
          '(mets|mettre) {name} en pause',
          '(mets|mettre) en pause {name}',
          '(mets|mettre) [<media>] en pause [<de_area>]',
          'pause [<media>]',
        ],
      },
    ],
    HassMediaUnpause: [
      {
        target: 'media',
        sentences: [
          '(reprends|reprendre|relance|relancer|remets) {name}',
          '(reprends|reprendre|relance|relancer|continue|remets) [<media>] [<de_area>]',
          'reprends la lecture [de {name}]',
        ],
      },
    ],
    HassGetState: [
      {
        target: 'any',
        sentences: [
          'est-ce que {name} (est|sont) {state}',
          '{name} <est> {state}',
          "quel est l'état de {name}",
        ],
      },
      {
        target: 'light',
        sentences: [
          'est-ce que <lumiere> [<de_area>] (est|sont) {state}',
          '<lumiere> [<de_area>] <est> {state}',
        ],
      },
      { target: 'lock', sentences: ['est-ce que <porte> [<de_area>] (est|sont) {state}'] },
    ],
    HassClimateGetTemperature: [
      {
        target: 'temperature',
        sentences: [
          'quelle est la température [<dans_area>]',
          'quelle température fait-il [<dans_area>]',
          'il fait (quelle température|combien) [<dans_area>]',
          'combien fait-il [<dans_area>]',
        ],
      },
    ],
    HassGetCurrentTime: [
      {
        sentences: [
          'quelle heure (est-il|il est)',
          'il est quelle heure',
          "(tu as|t'as|vous avez) l'heure",
          "(donne-moi|dis-moi) l'heure",
        ],
      },
    ],
    HassGetCurrentDate: [
      {
        sentences: [
          "quel jour (sommes-nous|on est|est-on|nous sommes) [aujourd'hui]",
          "(on est|nous sommes) quel jour [aujourd'hui]",
          "(quelle est|c'est quoi) la date [d'aujourd'hui]",
          'on est le combien',
          '(donne-moi|dis-moi) la date',
        ],
      },
    ],
    HassStartTimer: [
      {
        sentences: [
          '<lance> <minuteur> [(de|pour)] {duration}',
          '<lance> <minuteur> [(de|pour)] {duration} (pour|sur) {timer_name}',
          '<lance> <minuteur> <de_timer> (de|pour) {duration}',
          '(préviens-moi|réveille-moi|rappelle-moi) dans {duration}',
        ],
      },
    ],
    HassCancelTimer: [
      { sentences: ['<annule> [le] <minuteur>', '<annule> [le] <minuteur> <de_timer>'] },
    ],
    HassTimerStatus: [
      {
        sentences: [
          'combien de temps <reste> [(sur|pour) le <minuteur> [<de_timer>]]',
          '[il] reste combien [de temps] [(sur|pour) le <minuteur> [<de_timer>]]',
          'combien <reste> [(sur|pour) le <minuteur> [<de_timer>]]',
          'où en est le <minuteur> [<de_timer>]',
        ],
      },
    ],
    HassNevermind: [
      {
        sentences: [
          '(laisse tomber|rien|annule|stop|arrête|oublie|oublie ça|peu importe|ça ira)',
          "(c'est bon|tais-toi|non merci|silence)",
        ],
      },
    ],
  },
  yes: [
    "(oui|ouais|vas-y|allez-y|d'accord|ok|okay|bien sûr|confirme|je confirme|c'est ça|exactement) [(s'il te plaît|s'il vous plaît|merci|vas-y)]",
  ],
  no: [
    '(non|nan|annule|laisse tomber|surtout pas|pas maintenant|stop|arrête|ne fais rien) [(merci|ne le fais pas)]',
  ],
  articles: {
    strip: ['le', 'la', 'les', "l'", 'un', 'une', 'mon', 'ma', 'mes'],
    contractions: [
      ['de le', 'du'],
      ['de les', 'des'],
      ['à le', 'au'],
      ['à les', 'aux'],
    ],
    render: {
      masculine: 'le',
      feminine: 'la',
      plural: 'les',
      elided: "l'",
      elide: ['de', 'que', 'ne'],
      feminineWords: listOf(
        'cour tour maison télévision tv radio clim climatisation ventilation suspension lumière',
      ),
      masculineWords: listOf(
        'garage store lampadaire luminaire lustre chauffage lave sèche interphone téléphone poêle vestibule globe portique frigidaire',
      ),
      singularWords: listOf('sous velux box bois relais puits matelas'),
    },
  },
  numbers: {
    words: {
      ...counting(
        'zéro un deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze seize',
      ),
      une: 1,
      ...counting('vingt trente quarante cinquante soixante', 20, 10),
      'quatre-vingt': 80,
      'quatre-vingts': 80,
      cent: 100,
    },
    multipliers: { cent: 100, cents: 100 },
    joiners: ['et'],
    half: ['et demi', 'et demie'],
    spelling: { joiner: 'et', units: [1, 11], tensUpTo: 60 },
  },
  durations: {
    units: {
      ...worth('seconde secondes sec', 1),
      ...worth('minute minutes min mn', 60),
      ...worth('heure heures h', 3600),
    },
    one: ['un', 'une'],
    halfAfter: ['et demi', 'et demie'],
    quarterAfter: ['et quart', "et quart d'heure"],
    halfBefore: ['une demi', 'un demi', 'une demie', 'demi'],
    fixed: {
      "un quart d'heure": 900,
      "quart d'heure": 900,
      "trois quarts d'heure": 2700,
    },
    joiners: ['et'],
    samples: phrasesOf(
      "trente secondes, quatre-vingt-dix secondes, une minute, deux minutes, trois minutes, cinq minutes, dix minutes, quinze minutes, vingt minutes, trente minutes, une demi-heure, un quart d'heure, une heure, une heure et demie, deux heures",
    ),
  },
  colors: [
    {
      kelvin: 2700,
      say: 'blanc chaud',
      phrases: ['blanc chaud', 'chaud', 'chaude', 'lumière chaude', 'chaleureuse'],
    },
    { kelvin: 4000, say: 'blanc neutre', phrases: ['blanc neutre', 'neutre', 'blanc', 'blanche'] },
    {
      kelvin: 5000,
      say: 'blanc froid',
      phrases: ['blanc froid', 'froid', 'froide', 'lumière froide'],
    },
    { kelvin: 6500, say: 'lumière du jour', phrases: ['lumière du jour'] },
  ],
  states: {
    on: { phrases: [...phrases(ON), 'en marche'], say: ON },
    off: { phrases: [...phrases(OFF), 'arrêté', 'arrêtée'], say: OFF },
    locked: { phrases: [...phrases(LOCKED), 'fermé à clé', 'fermée à clé'], say: LOCKED },
    unlocked: { phrases: phrases(UNLOCKED), say: UNLOCKED },
    open: { phrases: phrases(OPEN), say: OPEN },
    closed: { phrases: phrases(CLOSED), say: CLOSED },
    playing: { phrases: ['en lecture'], say: 'en lecture' },
    paused: { phrases: ['en pause'], say: 'en pause' },
    unavailable: {
      phrases: ['indisponible', 'indisponibles'],
      say: ['indisponible', 'indisponible', 'indisponibles', 'indisponibles'],
    },
  },
  copula: ['est', 'sont'],
  domains: {
    light: { one: 'la lumière', many: 'les lumières', bare: 'lumière' },
    switch: { one: "l'interrupteur", many: 'les interrupteurs', bare: 'interrupteur' },
    fan: { one: 'le ventilateur', many: 'les ventilateurs', bare: 'ventilateur' },
    cover: { one: 'le volet', many: 'les volets', bare: 'volet' },
    lock: { one: 'la porte', many: 'les portes', bare: 'serrure' },
    climate: { one: 'le thermostat', many: 'les thermostats', bare: 'thermostat' },
    media_player: { one: 'le lecteur', many: 'les lecteurs', bare: 'lecteur' },
    sensor: { one: 'le capteur', many: 'les capteurs', bare: 'capteur' },
    device: { one: "l'appareil", many: 'les appareils', bare: 'appareil' },
  },
  nameWords: listOf(
    'cuisine salon séjour chambre salle bain entrée couloir bureau garage jardin cave lampe lumière plafonnier lampadaire chevet porte volets chauffage cafetière télé ventilateur',
  ),
  // "la" and "des" stay French clues though English names borrow them ("La Marzocco"): the
  // configuration says otherwise for such a name (`stt.phrase.name_languages`).
  nameClues: {
    letters: 'àâæçéèêëîïôœùûüÿ',
    words: listOf("le la les l' du de des d' au aux un une sur pour"),
  },
  timerNames: ['les pâtes', 'les œufs', 'la pizza', 'le thé', 'le four'],
  reminders: reminders.reminders,
  hour12: false,
  targets: {
    name: '{name}',
    area: '{domain} de {area}',
    here: '{domain}',
    everything: 'tout',
    everythingArea: 'tout dans {area}',
  },
  responses: { ...reminders.responses, ...frHomeResponses },
};
